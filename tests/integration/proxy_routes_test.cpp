// The conformance matrix: every endpoint x stream/non-stream x every handling (vendor, internal,
// redact, block), asserting what reached each fake upstream (and that nothing reached the others),
// what the client got, and the audit records (the decision written before anything went upstream).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "support/fake_upstream.h"
#include "support/proxy_fakes.h"
#include "support/proxy_harness.h"

namespace switchyard::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace json = boost::json;

enum class Handling { kVendor, kInternal, kRedact, kBlock };

struct Endpoint {
  std::string name;
  std::string path;
  bool anthropic;
  bool stream;
  std::function<std::string(std::string_view, bool)> body;
};

std::vector<Endpoint> endpoints() {
  std::vector<Endpoint> out;
  for (bool stream : {false, true}) {
    const std::string suffix = stream ? "Stream" : "Json";
    out.push_back({"Chat" + suffix, "/v1/chat/completions", false, stream,
                   [](std::string_view t, bool s) { return chat_request(t, s); }});
    out.push_back({"Completions" + suffix, "/v1/completions", false, stream, completions_request});
    out.push_back({"Responses" + suffix, "/v1/responses", false, stream,
                   [](std::string_view t, bool s) { return responses_request(t, s); }});
    out.push_back({"Messages" + suffix, "/v1/messages", true, stream,
                   [](std::string_view t, bool s) { return messages_request(t, s); }});
  }
  out.push_back({"EmbeddingsJson", "/v1/embeddings", false, false,
                 [](std::string_view t, bool) { return embeddings_request(t); }});
  out.push_back({"CountTokensJson", "/v1/messages/count_tokens", true, false,
                 [](std::string_view t, bool) { return count_tokens_request(t); }});
  return out;
}

std::string_view text_for(Handling h) {
  switch (h) {
    case Handling::kVendor:
      return "What is the capital of France?";
    case Handling::kInternal:
      return "Status of Project Kestrel?";
    case Handling::kRedact:
      return "my token is REDACTME-12345 ok";
    case Handling::kBlock:
      return "BLOCKME please";
  }
  return "";
}

std::string_view name_of(Handling h) {
  switch (h) {
    case Handling::kVendor:
      return "Vendor";
    case Handling::kInternal:
      return "Internal";
    case Handling::kRedact:
      return "Redact";
    case Handling::kBlock:
      return "Block";
  }
  return "";
}

// One proxy and three fakes for the whole suite; each test looks at request-count deltas.
class RoutesMatrix : public ::testing::TestWithParam<std::tuple<Endpoint, Handling>> {
 protected:
  static void SetUpTestSuite() {
    internal_ = new FakeUpstream();
    openai_ = new FakeUpstream();
    anthropic_ = new FakeUpstream();
    internal_->set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
    openai_->set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-OPENAI"); });
    anthropic_->set_handler(
        [](const RecordedRequest& r) { return api_reply(r, "FROM-ANTHROPIC"); });
    proxy_ = new ProxyHarness(R"(
policy: {POLICY}
upstreams:
  - name: local
    api: openai
    apis: [openai, anthropic]
    base_url: )" + internal_->base_url() +
                              R"(
    trust: internal
    models: { "*": "local-model" }
  - name: openai
    api: openai
    base_url: )" + openai_->base_url() +
                              R"(
    trust: vendor
  - name: anthropic
    api: anthropic
    base_url: )" + anthropic_->base_url("") +
                              R"(
    trust: vendor
routes:
  internal: local
  vendor: { openai: openai, anthropic: anthropic }
limits: { workers: 2 }
)");
  }
  static void TearDownTestSuite() {
    delete proxy_;
    delete internal_;
    delete openai_;
    delete anthropic_;
  }

  static inline FakeUpstream* internal_ = nullptr;
  static inline FakeUpstream* openai_ = nullptr;
  static inline FakeUpstream* anthropic_ = nullptr;
  static inline ProxyHarness* proxy_ = nullptr;
};

TEST_P(RoutesMatrix, RoutesAndAudits) {
  const auto& [endpoint, handling] = GetParam();
  const std::size_t before_internal = internal_->request_count();
  const std::size_t before_openai = openai_->request_count();
  const std::size_t before_anthropic = anthropic_->request_count();
  FakeUpstream* vendor = endpoint.anthropic ? anthropic_ : openai_;
  FakeUpstream* other_vendor = endpoint.anthropic ? openai_ : anthropic_;
  const std::size_t before_vendor = vendor->request_count();
  const std::size_t before_other = other_vendor->request_count();

  // Counts of requests the upstreams had when the decision record was written.
  std::optional<std::size_t> upstream_requests_at_decision;
  proxy_->audit().set_on_append([&](const json::object& r) {
    if (r.at("event") == "decision") {
      upstream_requests_at_decision =
          internal_->request_count() + openai_->request_count() + anthropic_->request_count();
    }
  });
  const std::size_t total_before = before_internal + before_openai + before_anthropic;

  Headers headers;
  if (endpoint.anthropic) headers.emplace_back("anthropic-version", "2023-06-01");
  Client client(proxy_->port());
  const Reply reply =
      client.post(endpoint.path, endpoint.body(text_for(handling), endpoint.stream), headers);
  const std::string request_id = reply.header("x-switchyard-request-id");
  ASSERT_FALSE(request_id.empty());
  EXPECT_FALSE(reply.header("x-switchyard-overhead-ms").empty());
  ASSERT_TRUE(proxy_->audit().wait_for_records(request_id, 2));
  proxy_->audit().set_on_append({});
  const auto records = proxy_->audit().records_for(request_id);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].at("event"), "decision");
  EXPECT_EQ(records[1].at("event"), "outcome");
  EXPECT_EQ(records[1].at("status").to_number<int>(), static_cast<int>(reply.status));
  ASSERT_TRUE(upstream_requests_at_decision);
  EXPECT_EQ(*upstream_requests_at_decision, total_before) << "decision must precede forwarding";
  EXPECT_EQ(other_vendor->request_count(), before_other);
  const bool counts_tokens = endpoint.path == "/v1/messages/count_tokens";
  const bool embeddings = endpoint.path == "/v1/embeddings";

  switch (handling) {
    case Handling::kVendor:
    case Handling::kRedact: {
      EXPECT_EQ(reply.status, 200u) << reply.body;
      EXPECT_EQ(reply.header("x-switchyard-route"), "vendor");
      EXPECT_EQ(internal_->request_count(), before_internal);
      ASSERT_EQ(vendor->request_count(), before_vendor + 1);
      const RecordedRequest got = vendor->requests().back();
      EXPECT_EQ(records[0].at("handling"), handling == Handling::kRedact ? "redact" : "vendor");
      EXPECT_EQ(records[0].at("upstream"), endpoint.anthropic ? "anthropic" : "openai");
      if (handling == Handling::kRedact) {
        EXPECT_THAT(got.body, Not(HasSubstr("REDACTME-12345")));
        EXPECT_THAT(got.body, HasSubstr("[REDACTED:test_token]"));
        EXPECT_EQ(records[0].at("rules").as_array().at(0).at("id"), "test.redact-token");
      } else {
        EXPECT_THAT(got.body, HasSubstr("capital of France"));
      }
      if (!counts_tokens) {
        EXPECT_THAT(reply.body, HasSubstr(endpoint.anthropic ? "FROM-ANTHROPIC" : "FROM-OPENAI"));
      }
      break;
    }
    case Handling::kInternal: {
      EXPECT_EQ(reply.status, 200u) << reply.body;
      EXPECT_EQ(reply.header("x-switchyard-route"), "internal");
      EXPECT_EQ(vendor->request_count(), before_vendor);
      ASSERT_EQ(internal_->request_count(), before_internal + 1);
      const RecordedRequest got = internal_->requests().back();
      EXPECT_THAT(got.body, HasSubstr("Project Kestrel"));
      EXPECT_THAT(got.body, HasSubstr("local-model"));  // models: {"*": local-model}
      EXPECT_EQ(got.header("authorization"), "");
      EXPECT_EQ(got.header("x-api-key"), "");
      EXPECT_EQ(records[0].at("handling"), "internal");
      EXPECT_EQ(records[0].at("upstream"), "local");
      EXPECT_EQ(records[0].at("upstream_model"), "local-model");
      if (!counts_tokens) {
        EXPECT_THAT(reply.body, HasSubstr("FROM-INTERNAL"));
      }
      break;
    }
    case Handling::kBlock: {
      EXPECT_EQ(reply.status, 403u);
      EXPECT_EQ(reply.header("x-switchyard-route"), "blocked");
      EXPECT_EQ(internal_->request_count(), before_internal);
      EXPECT_EQ(vendor->request_count(), before_vendor);
      const auto body = reply.json();
      if (endpoint.anthropic) {
        EXPECT_EQ(body.at("type"), "error");
        EXPECT_EQ(body.at("error").at("type"), "permission_error");
      } else {
        EXPECT_EQ(body.at("error").at("code"), "policy_blocked");
      }
      EXPECT_THAT(reply.body, HasSubstr("test.block"));
      EXPECT_THAT(reply.body, Not(HasSubstr("BLOCKME")));
      EXPECT_EQ(records[0].at("handling"), "block");
      EXPECT_EQ(records[1].at("status").to_number<int>(), 403);
      break;
    }
  }
  if (reply.status == 200 && endpoint.stream) {
    EXPECT_THAT(reply.header("content-type"), HasSubstr("text/event-stream"));
    EXPECT_EQ(reply.header("transfer-encoding"), "chunked");
  }
  if (reply.status == 200 && !counts_tokens && !embeddings) {
    // Usage read from the reply (or the stream) for the audit.
    const auto& usage = records[1].at("usage").as_object();
    EXPECT_TRUE(usage.at("output_tokens").is_int64()) << json::serialize(records[1]);
  }
  if (!endpoint.anthropic && endpoint.stream && reply.status == 200 &&
      endpoint.path != "/v1/responses") {
    // The proxy asked for usage for its own accounting; the client, which did not, never sees it.
    EXPECT_THAT(reply.body, Not(HasSubstr("\"usage\"")));
    EXPECT_THAT(reply.body, HasSubstr("[DONE]"));
  }
}

INSTANTIATE_TEST_SUITE_P(AllEndpoints, RoutesMatrix,
                         ::testing::Combine(::testing::ValuesIn(endpoints()),
                                            ::testing::Values(Handling::kVendor,
                                                              Handling::kInternal,
                                                              Handling::kRedact, Handling::kBlock)),
                         [](const auto& info) {
                           return std::get<0>(info.param).name +
                                  std::string(name_of(std::get<1>(info.param)));
                         });

}  // namespace
}  // namespace switchyard::testing
