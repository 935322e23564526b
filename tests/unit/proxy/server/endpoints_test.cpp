// The endpoint table: every served path, wrong methods, and nothing else.
#include "proxy/server/endpoints.h"

#include <gtest/gtest.h>

namespace switchyard::proxy {
namespace {

using adapters::Api;

TEST(Endpoints, MapsEveryApiPath) {
  const std::pair<std::string_view, Api> cases[] = {
      {"/v1/chat/completions", Api::kOpenAiChat},
      {"/v1/completions", Api::kOpenAiCompletions},
      {"/v1/embeddings", Api::kOpenAiEmbeddings},
      {"/v1/responses", Api::kOpenAiResponses},
      {"/v1/messages", Api::kAnthropicMessages},
      {"/v1/messages/count_tokens", Api::kAnthropicCountTokens},
  };
  for (const auto& [path, api] : cases) {
    const Endpoint e = find_endpoint("POST", path);
    EXPECT_EQ(e.kind, EndpointKind::kApi) << path;
    EXPECT_EQ(e.api, api) << path;
  }
  EXPECT_EQ(find_endpoint("POST", "/v1/chat/completions?x=1").kind, EndpointKind::kApi);
}

TEST(Endpoints, ModelsIsGetOnly) {
  EXPECT_EQ(find_endpoint("GET", "/v1/models").kind, EndpointKind::kModels);
  const Endpoint e = find_endpoint("POST", "/v1/models");
  EXPECT_EQ(e.kind, EndpointKind::kMethodNotAllowed);
  EXPECT_EQ(e.allow, "GET");
}

TEST(Endpoints, WrongMethodIs405) {
  const Endpoint e = find_endpoint("GET", "/v1/chat/completions");
  EXPECT_EQ(e.kind, EndpointKind::kMethodNotAllowed);
  EXPECT_EQ(e.allow, "POST");
}

TEST(Endpoints, EverythingElseIsNotFound) {
  for (std::string_view path : {"/", "/v1", "/v1/chat/completions/", "/v1/models/gpt-4o",
                                "/v1/files", "/V1/chat/completions", "/v2/messages",
                                "/v1/messages/batches", "/healthz", "//v1/chat/completions"}) {
    EXPECT_EQ(find_endpoint("POST", path).kind, EndpointKind::kNotFound) << path;
  }
}

TEST(Endpoints, ErrorDialectFollowsThePath) {
  EXPECT_EQ(error_dialect_for_target("/v1/messages"), adapters::Dialect::kAnthropic);
  EXPECT_EQ(error_dialect_for_target("/v1/messages/count_tokens?beta=true"),
            adapters::Dialect::kAnthropic);
  EXPECT_EQ(error_dialect_for_target("/v1/chat/completions"), adapters::Dialect::kOpenAi);
  EXPECT_EQ(error_dialect_for_target("/nope"), adapters::Dialect::kOpenAi);
}

}  // namespace
}  // namespace switchyard::proxy
