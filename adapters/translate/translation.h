// Cross-API translation (Anthropic Messages <-> OpenAI Chat Completions), used by rewrite_request()
// and make_response_translator() when the upstream does not speak the client's API.
#pragma once

#include <memory>
#include <string>

#include "adapters/response_translator.h"
#include "adapters/translate/rewrite.h"

namespace switchyard::adapters {

// options.target differs from the client's dialect. Every field is translated from an explicit
// list; anything else is a 400 naming the field.
Result<std::string> translate_request(const ParsedRequest& request, const RewriteOptions& options);

// upstream.dialect differs from the client's dialect.
std::unique_ptr<ResponseTranslator> make_translating_response_translator(
    const ParsedRequest& request, const UpstreamResponseInfo& upstream);

}  // namespace switchyard::adapters
