// A fixed table: six POST endpoints with adapters and GET /v1/models.
#include "proxy/server/endpoints.h"

#include <array>
#include <utility>

namespace switchyard::proxy {
namespace {

using adapters::Api;

constexpr std::array<std::pair<std::string_view, Api>, 6> kApiPaths = {{
    {"/v1/chat/completions", Api::kOpenAiChat},
    {"/v1/completions", Api::kOpenAiCompletions},
    {"/v1/embeddings", Api::kOpenAiEmbeddings},
    {"/v1/responses", Api::kOpenAiResponses},
    {"/v1/messages", Api::kAnthropicMessages},
    {"/v1/messages/count_tokens", Api::kAnthropicCountTokens},
}};

// One pass with two compares per byte (find_first_of("?#") searched the set for every byte).
std::string_view path_of(std::string_view target) {
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '?' || target[i] == '#') return target.substr(0, i);
  }
  return target;
}

}  // namespace

Endpoint find_endpoint(std::string_view method, std::string_view target) {
  const std::string_view path = path_of(target);
  for (const auto& [p, api] : kApiPaths) {
    if (path != p) continue;
    if (method == "POST") return {EndpointKind::kApi, api, {}};
    return {EndpointKind::kMethodNotAllowed, api, "POST"};
  }
  if (path == "/v1/models") {
    if (method == "GET") return {EndpointKind::kModels, Api::kOpenAiChat, {}};
    return {EndpointKind::kMethodNotAllowed, Api::kOpenAiChat, "GET"};
  }
  return {EndpointKind::kNotFound, Api::kOpenAiChat, {}};
}

adapters::Dialect error_dialect_for_target(std::string_view target) {
  const std::string_view path = path_of(target);
  return path == "/v1/messages" || path == "/v1/messages/count_tokens"
             ? adapters::Dialect::kAnthropic
             : adapters::Dialect::kOpenAi;
}

}  // namespace switchyard::proxy
