// The client-facing endpoint table (design section 2): request path and method to the API that
// handles it. Anything not listed is a 404 in OpenAI's format; nothing is ever passed through
// blindly.
#pragma once

#include <cstdint>
#include <string_view>

#include "adapters/adapter.h"

namespace switchyard::proxy {

enum class EndpointKind : std::uint8_t {
  kApi,               // a POST endpoint with an adapter
  kModels,            // GET /v1/models
  kNotFound,          // 404
  kMethodNotAllowed,  // known path, wrong method: 405
};

struct Endpoint {
  EndpointKind kind = EndpointKind::kNotFound;
  adapters::Api api = adapters::Api::kOpenAiChat;  // kApi, and the error format otherwise
  std::string_view allow;                          // the Allow header for 405
};

// `target` is the request-target as sent (a query string is ignored); `method` e.g. "POST".
Endpoint find_endpoint(std::string_view method, std::string_view target);

// The error format for a reply before or without an endpoint: Anthropic's for /v1/messages*,
// OpenAI's otherwise.
adapters::Dialect error_dialect_for_target(std::string_view target);

}  // namespace switchyard::proxy
