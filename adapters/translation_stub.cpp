// PLACEHOLDER: deleted when translate_request.cpp / translate_response.cpp land.
#include "adapters/translation.h"

namespace switchyard::adapters {

Result<std::string> translate_request(const ParsedRequest&, const RewriteOptions&) {
  return ApiError{400, "invalid_request_error", "translation_unsupported",
                  "translation between APIs is not available yet", ""};
}

std::unique_ptr<ResponseTranslator> make_translating_response_translator(
    const ParsedRequest&, const UpstreamResponseInfo&) {
  return nullptr;
}

}  // namespace switchyard::adapters
