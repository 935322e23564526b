// Constants of request translation (adapters/translation.h has the entry point) that tests and docs
// refer to.
#pragma once

#include <cstdint>

namespace switchyard::adapters {

// Anthropic requires max_tokens and OpenAI clients may omit it: this is sent then. 4096 is the
// largest output every current Claude model accepts (Claude 3 Haiku's limit), so it never makes a
// request fail, and it is a common default for chat.
inline constexpr std::int64_t kDefaultAnthropicMaxTokens = 4096;

}  // namespace switchyard::adapters
