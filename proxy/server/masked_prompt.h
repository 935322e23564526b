// The prompt copy that `audit.store_prompts: redacted` keeps in decision records: the text segments
// joined by '\n' (the text prompt.hmac covers), every matched span replaced by "[REDACTED:<rule>]".
// A copy is only kept when every match is located in the text; otherwise none is (fail closed: a
// match seen only where it cannot be masked must not reach the log).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"
#include "policies/policy.h"

namespace switchyard::proxy {

// A longer copy is cut (at a UTF-8 character boundary) and marked truncated.
inline constexpr std::size_t kMaxMaskedPromptBytes = 64 << 10;

struct MaskedPrompt {
  std::string text;
  bool truncated = false;
  std::string_view
      withheld;  // non-empty: why no copy is kept ("classifier_error", "unlocated_match")
};

MaskedPrompt mask_prompt(const std::vector<adapters::TextSegment>& segments,
                         const policy::Classification& classification,
                         std::size_t max_bytes = kMaxMaskedPromptBytes);

}  // namespace switchyard::proxy
