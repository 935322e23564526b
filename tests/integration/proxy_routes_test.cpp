// The conformance matrix: every endpoint x stream/non-stream x every handling (vendor, internal,
// redact, pseudonymize, block) x two topologies, asserting what reached each fake upstream (and
// that nothing reached the others), what the client got, and the audit records (the decision
// written before anything went upstream).
//
// Topologies:
// - same API: the internal upstream serves both APIs natively and each client API has a vendor of
//   its own API, so nothing is translated.
// - translated: the internal upstream speaks only OpenAI, OpenAI clients' vendor is an
//   Anthropic-only upstream and Anthropic clients' vendor an OpenAI-only one. Chat Completions and
//   Messages are translated both ways; the other endpoints cannot be, and the proxy answers a 400
//   in the client's own format without sending anything anywhere.
// GCC 12 misreports std::regex's internal std::function as maybe-uninitialized in the ASan build
// (-O1 with sanitizers); the warning is in libstdc++'s code, not this file's.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <regex>

#include "support/fake_upstream.h"
#include "support/proxy_fakes.h"
#include "support/proxy_harness.h"

namespace switchyard::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace json = boost::json;

enum class Topology { kSameApi, kTranslated };
enum class Handling { kVendor, kInternal, kRedact, kPseudonymize, kBlock };

constexpr std::string_view kClientKey = "sk-client-test-key";
constexpr const char* kPseudonymKeyEnv = "SWITCHYARD_IT_ROUTES_PSEUDONYM_KEY";
constexpr std::string_view kMail = "ada@example.org";  // pseudonymized by test.pseudonymize-mail
constexpr std::int64_t kDefaultAnthropicMaxTokens = 4096;  // adapters/translate_request.h

struct Endpoint {
  std::string name;
  std::string path;
  bool anthropic;
  bool stream;
  std::function<std::string(std::string_view, bool)> body;
};

// Readable parameters in gtest's output.
void PrintTo(const Endpoint& e, std::ostream* os) { *os << e.name; }
void PrintTo(Topology t, std::ostream* os) {
  *os << (t == Topology::kSameApi ? "same-api" : "translated");
}

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
    case Handling::kPseudonymize:
      return "mail ada@example.org today";
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
    case Handling::kPseudonymize:
      return "Pseudonymize";
    case Handling::kBlock:
      return "Block";
  }
  return "";
}

void PrintTo(Handling h, std::ostream* os) { *os << name_of(h); }

std::string_view handling_string(Handling h) {
  switch (h) {
    case Handling::kVendor:
      return "vendor";
    case Handling::kInternal:
      return "internal";
    case Handling::kRedact:
      return "redact";
    case Handling::kPseudonymize:
      return "pseudonymize";
    case Handling::kBlock:
      return "block";
  }
  return "";
}

// A JSON string's text (anything else serialized), for comparing with std::string values.
std::string as_text(const json::value& v) {
  return v.is_string() ? std::string(v.get_string()) : json::serialize(v);
}

// Chat Completions and Messages are the only endpoints the proxy translates.
bool translatable(const Endpoint& e) {
  return e.path == "/v1/chat/completions" || e.path == "/v1/messages";
}

// One SSE event as the client received it.
struct SseEvent {
  std::string event;  // empty when the event has no "event:" line (OpenAI)
  std::string data;
};

std::vector<SseEvent> parse_sse(std::string_view body) {
  std::vector<SseEvent> out;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find("\n\n", pos);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view block = body.substr(pos, end - pos);
    pos = end + 2;
    SseEvent ev;
    std::size_t line_start = 0;
    while (line_start < block.size()) {
      std::size_t line_end = block.find('\n', line_start);
      if (line_end == std::string_view::npos) line_end = block.size();
      const std::string_view line = block.substr(line_start, line_end - line_start);
      line_start = line_end + 1;
      if (line.starts_with("event: ")) ev.event = std::string(line.substr(7));
      if (line.starts_with("data: ")) ev.data += std::string(line.substr(6));
    }
    if (!ev.event.empty() || !ev.data.empty()) out.push_back(std::move(ev));
  }
  return out;
}

// Fakes shared by both topologies; one proxy per topology. Each test looks at request-count
// deltas.
class RoutesMatrix : public ::testing::TestWithParam<std::tuple<Topology, Endpoint, Handling>> {
 protected:
  static std::string config(Topology topology) {
    const bool translated = topology == Topology::kTranslated;
    // The integration test policy plus a pseudonymizing rule (which needs the pseudonym key).
    return std::string("policy: ") + SWITCHYARD_SOURCE_DIR +
           "/tests/integration/data/test_policy_pseudonymize.yaml\n"
           "pseudonymize: { key_env: " +
           kPseudonymKeyEnv + R"( }
upstreams:
  - name: local
    api: openai
    apis: )" +
           std::string(translated ? "[openai]" : "[openai, anthropic]") +
           R"(
    base_url: )" +
           internal_->base_url() +
           R"(
    trust: internal
    models: { "*": "local-model" }
  - name: openai
    api: openai
    base_url: )" +
           openai_->base_url() +
           R"(
    trust: vendor
  - name: anthropic
    api: anthropic
    base_url: )" +
           anthropic_->base_url("") +
           R"(
    trust: vendor
routes:
  internal: local
  vendor: )" +
           std::string(translated ? "{ openai: anthropic, anthropic: openai }"
                                  : "{ openai: openai, anthropic: anthropic }") +
           R"(
limits: { workers: 2 }
)";
  }

  static void SetUpTestSuite() {
    ::setenv(kPseudonymKeyEnv, "routes-matrix-pseudonym-key-0123456789abcdef", 1);
    internal_ = new FakeUpstream();
    openai_ = new FakeUpstream();
    anthropic_ = new FakeUpstream();
    internal_->set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
    openai_->set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-OPENAI"); });
    anthropic_->set_handler(
        [](const RecordedRequest& r) { return api_reply(r, "FROM-ANTHROPIC"); });
    proxies_[0] = new ProxyHarness(config(Topology::kSameApi));
    proxies_[1] = new ProxyHarness(config(Topology::kTranslated));
  }
  static void TearDownTestSuite() {
    for (auto*& p : proxies_) {
      delete p;
      p = nullptr;
    }
    delete internal_;
    delete openai_;
    delete anthropic_;
    internal_ = openai_ = anthropic_ = nullptr;
  }

  static ProxyHarness& proxy(Topology t) { return *proxies_[t == Topology::kSameApi ? 0 : 1]; }
  static std::string_view upstream_name(const FakeUpstream* f) {
    return f == internal_ ? "local" : f == openai_ ? "openai" : "anthropic";
  }
  static std::string_view marker_of(const FakeUpstream* f) {
    return f == internal_ ? "FROM-INTERNAL" : f == openai_ ? "FROM-OPENAI" : "FROM-ANTHROPIC";
  }

  static inline FakeUpstream* internal_ = nullptr;
  static inline FakeUpstream* openai_ = nullptr;
  static inline FakeUpstream* anthropic_ = nullptr;
  static inline std::array<ProxyHarness*, 2> proxies_{};
};

// What one cell of the matrix must do, derived from the topology, the endpoint and the handling.
struct Expected {
  FakeUpstream* upstream = nullptr;  // chosen by the decision; null when blocked
  bool wire_anthropic = false;       // the API the chosen upstream is spoken to in
  bool translated = false;           // wire API differs from the client's
  unsigned status = 200;
  std::string route;       // x-switchyard-route and the records' route
  std::string error_code;  // the outcome's error (and OpenAI's error.code) when not 200
};

TEST_P(RoutesMatrix, RoutesAndAudits) {
  const auto& [topology, endpoint, handling] = GetParam();
  ProxyHarness& harness = proxy(topology);
  const bool same_api = topology == Topology::kSameApi;
  const bool counts_tokens = endpoint.path == "/v1/messages/count_tokens";
  const bool embeddings = endpoint.path == "/v1/embeddings";

  Expected want;
  switch (handling) {
    case Handling::kBlock:
      want.status = 403;
      want.route = "blocked";
      want.error_code = "policy_blocked";
      break;
    case Handling::kInternal:
      want.upstream = internal_;
      want.route = "internal";
      // The internal upstream serves Anthropic natively only in the same-API topology.
      want.wire_anthropic = endpoint.anthropic && same_api;
      break;
    case Handling::kVendor:
    case Handling::kRedact:
    case Handling::kPseudonymize:
      want.upstream = (endpoint.anthropic == same_api) ? anthropic_ : openai_;
      want.route = "vendor";
      want.wire_anthropic = want.upstream == anthropic_;
      break;
  }
  if (want.upstream != nullptr) {
    want.translated = want.wire_anthropic != endpoint.anthropic;
    if (want.translated && !translatable(endpoint)) {
      want.status = 400;
      want.error_code = counts_tokens ? "count_tokens_unsupported" : "translation_unsupported";
    }
  }
  // Only this fake may receive the request; the others must get nothing.
  FakeUpstream* const receiver = want.status == 200 ? want.upstream : nullptr;
  const std::array<FakeUpstream*, 3> fakes = {internal_, openai_, anthropic_};
  std::array<std::size_t, 3> before{};
  for (std::size_t i = 0; i < fakes.size(); ++i) before[i] = fakes[i]->request_count();
  const std::size_t total_before = before[0] + before[1] + before[2];

  // Counts of requests the upstreams had when the decision record was written.
  std::optional<std::size_t> upstream_requests_at_decision;
  harness.audit().set_on_append([&](const json::object& r) {
    if (r.at("event") == "decision") {
      upstream_requests_at_decision =
          internal_->request_count() + openai_->request_count() + anthropic_->request_count();
    }
  });

  // The client's own key: passed on to a vendor (in the vendor's API's header), never to the
  // internal upstream.
  Headers headers;
  if (endpoint.anthropic) {
    headers.emplace_back("anthropic-version", "2023-06-01");
    headers.emplace_back("x-api-key", std::string(kClientKey));
  } else {
    headers.emplace_back("authorization", "Bearer " + std::string(kClientKey));
  }
  Client client(harness.port());
  const Reply reply =
      client.post(endpoint.path, endpoint.body(text_for(handling), endpoint.stream), headers);
  const std::string request_id = reply.header("x-switchyard-request-id");
  // req_ + 12 hex digits of the worker + 8 of its counter; overhead in ms with 3 decimals.
  EXPECT_THAT(request_id, ::testing::MatchesRegex("req_[0-9a-f]{20}"));
  EXPECT_THAT(reply.header("x-switchyard-overhead-ms"),
              ::testing::MatchesRegex("[0-9]+\\.[0-9]{3}"));
  ASSERT_TRUE(harness.audit().wait_for_records(request_id, 2));
  harness.audit().set_on_append({});
  const auto records = harness.audit().records_for(request_id);
  ASSERT_EQ(records.size(), 2u);
  const json::object& decision = records[0];
  const json::object& outcome = records[1];

  // --- Who got the request: exactly the receiver, once; nobody else anything. ---
  for (std::size_t i = 0; i < fakes.size(); ++i) {
    EXPECT_EQ(fakes[i]->request_count(), before[i] + (fakes[i] == receiver ? 1 : 0))
        << "upstream " << upstream_name(fakes[i]) << " (reply " << reply.status << ": "
        << reply.body << ")";
  }

  // --- What the client got. ---
  EXPECT_EQ(reply.status, want.status) << reply.body;
  EXPECT_EQ(reply.header("x-switchyard-route"), want.route);

  // --- The audit records. ---
  EXPECT_EQ(decision.at("event"), "decision");
  EXPECT_EQ(outcome.at("event"), "outcome");
  ASSERT_TRUE(upstream_requests_at_decision);
  EXPECT_EQ(*upstream_requests_at_decision, total_before) << "decision must precede forwarding";
  EXPECT_TRUE(
      as_text(decision.at("api")).starts_with(endpoint.anthropic ? "anthropic." : "openai."))
      << json::serialize(decision);
  EXPECT_EQ(decision.at("stream"), endpoint.stream);
  EXPECT_EQ(as_text(decision.at("handling")), handling_string(handling));
  EXPECT_EQ(as_text(decision.at("route")), want.route);
  if (want.upstream != nullptr) {
    EXPECT_EQ(as_text(decision.at("upstream")), upstream_name(want.upstream));
  } else {
    EXPECT_TRUE(decision.at("upstream").is_null()) << json::serialize(decision);
  }
  EXPECT_EQ(as_text(outcome.at("route")), want.route);
  EXPECT_EQ(outcome.at("status").to_number<int>(), static_cast<int>(reply.status));
  if (receiver != nullptr) {
    EXPECT_EQ(as_text(outcome.at("upstream")), upstream_name(receiver));
    EXPECT_TRUE(outcome.at("error").is_null()) << json::serialize(outcome);
  } else {
    // Nothing was sent: the outcome names no upstream.
    EXPECT_TRUE(outcome.at("upstream").is_null()) << json::serialize(outcome);
    EXPECT_EQ(as_text(outcome.at("error")), want.error_code);
  }

  // Never the prompt's text in the audit, nor a pseudonymized value or its placeholder.
  for (const auto& r : records) {
    const std::string text = json::serialize(r);
    EXPECT_THAT(text, Not(HasSubstr(std::string(text_for(handling)))));
    EXPECT_THAT(text, Not(HasSubstr(std::string(kMail))));
    EXPECT_FALSE(std::regex_search(text, std::regex("EMAIL-[0-9a-f]{6}"))) << text;
  }

  if (want.status != 200) {
    // Refused in the client's own error format, as JSON even when a stream was asked for.
    EXPECT_THAT(reply.header("content-type"), HasSubstr("application/json"));
    const auto body = reply.json();
    if (endpoint.anthropic) {
      EXPECT_EQ(body.at("type"), "error");
      EXPECT_EQ(as_text(body.at("error").at("type")),
                want.status == 403 ? "permission_error" : "invalid_request_error");
    } else {
      EXPECT_EQ(as_text(body.at("error").at("code")), want.error_code);
      EXPECT_EQ(as_text(body.at("error").at("type")),
                want.status == 403 ? "permission_error" : "invalid_request_error");
    }
    const auto& usage = outcome.at("usage").as_object();
    EXPECT_TRUE(usage.at("input_tokens").is_null());
    EXPECT_TRUE(usage.at("output_tokens").is_null());
    if (want.status == 403) {
      EXPECT_THAT(reply.body, HasSubstr("test.block"));
      EXPECT_THAT(reply.body, Not(HasSubstr("BLOCKME")));
      EXPECT_EQ(decision.at("rules").as_array().at(0).at("id"), "test.block");
    } else if (counts_tokens) {
      EXPECT_THAT(reply.body, HasSubstr("count_tokens is not available"));
    } else {
      EXPECT_THAT(reply.body, HasSubstr("cannot be translated"));
    }
    // The refusal never echoes the prompt.
    EXPECT_THAT(reply.body, Not(HasSubstr("Kestrel")));
    EXPECT_THAT(reply.body, Not(HasSubstr("REDACTME")));
    EXPECT_THAT(reply.body, Not(HasSubstr(std::string(kMail))));
    return;
  }

  // --- What reached the upstream. ---
  ASSERT_NE(receiver, nullptr);
  const RecordedRequest got = receiver->requests().back();
  const bool internal = receiver == internal_;
  if (want.wire_anthropic) {
    EXPECT_EQ(got.target, counts_tokens ? "/v1/messages/count_tokens" : "/v1/messages");
    EXPECT_EQ(got.header("anthropic-version"), "2023-06-01");
  } else {
    const std::string path =
        endpoint.anthropic ? "/chat/completions" : endpoint.path.substr(std::string("/v1").size());
    EXPECT_EQ(got.target, "/v1" + path);
    EXPECT_EQ(got.header("anthropic-version"), "");
  }
  if (internal) {
    EXPECT_EQ(got.header("authorization"), "");
    EXPECT_EQ(got.header("x-api-key"), "");
    EXPECT_THAT(got.body, HasSubstr("Project Kestrel"));
    EXPECT_THAT(got.body, HasSubstr("local-model"));  // models: {"*": local-model}
    EXPECT_EQ(decision.at("upstream_model"), "local-model");
  } else if (want.wire_anthropic) {
    EXPECT_EQ(got.header("x-api-key"), kClientKey);
    EXPECT_EQ(got.header("authorization"), "");
  } else {
    EXPECT_EQ(got.header("authorization"), "Bearer " + std::string(kClientKey));
    EXPECT_EQ(got.header("x-api-key"), "");
  }
  switch (handling) {
    case Handling::kVendor:
      EXPECT_THAT(got.body, HasSubstr("capital of France"));
      break;
    case Handling::kRedact:
      // The mask survives translation: the translated body carries it, never the value.
      EXPECT_THAT(got.body, Not(HasSubstr("REDACTME-12345")));
      EXPECT_THAT(got.body, HasSubstr("[REDACTED:test_token]"));
      EXPECT_EQ(decision.at("rules").as_array().at(0).at("id"), "test.redact-token");
      EXPECT_EQ(decision.at("redactions"), 1);
      break;
    case Handling::kPseudonymize:
      // The placeholder survives translation; the value never reaches the vendor.
      EXPECT_THAT(got.body, Not(HasSubstr(std::string(kMail))));
      EXPECT_TRUE(std::regex_search(got.body, std::regex("mail EMAIL-[0-9a-f]{6} today")))
          << got.body;
      EXPECT_EQ(decision.at("rules").as_array().at(0).at("id"), "test.pseudonymize-mail");
      EXPECT_EQ(decision.at("pseudonymized"), 1);
      break;
    case Handling::kInternal:
    case Handling::kBlock:
      break;
  }

  if (translatable(endpoint)) {
    // The upstream's own API shape.
    const json::object sent = json::parse(got.body).as_object();
    const std::string client_model = endpoint.anthropic ? "claude-sonnet-4" : "gpt-4o";
    EXPECT_EQ(as_text(sent.at("model")), internal ? "local-model" : client_model);
    const auto& messages = sent.at("messages").as_array();
    if (want.wire_anthropic) {
      // Anthropic Messages: the system prompt is top-level, max_tokens is required.
      EXPECT_EQ(sent.at("system"), "Be brief.");
      ASSERT_EQ(messages.size(), 1u) << got.body;
      EXPECT_EQ(messages[0].at("role"), "user");
      EXPECT_EQ(sent.at("max_tokens"), endpoint.anthropic ? 64 : kDefaultAnthropicMaxTokens);
      EXPECT_FALSE(sent.contains("stream_options")) << got.body;
    } else {
      // OpenAI Chat: the system prompt is the first message.
      EXPECT_FALSE(sent.contains("system")) << got.body;
      ASSERT_EQ(messages.size(), 2u) << got.body;
      EXPECT_EQ(messages[0].at("role"), "system");
      EXPECT_THAT(json::serialize(messages[0].at("content")), HasSubstr("Be brief."));
      EXPECT_EQ(messages[1].at("role"), "user");
      if (endpoint.anthropic) {
        EXPECT_EQ(sent.at("max_tokens"), 64);
      } else {
        EXPECT_FALSE(sent.contains("max_tokens")) << got.body;  // same API: as the client sent it
      }
      if (endpoint.stream) {
        // Asked for by the proxy (its own accounting) or by the translator (Anthropic clients
        // always get usage).
        EXPECT_EQ(sent.at("stream_options").at("include_usage"), true) << got.body;
      }
    }
    if (endpoint.stream) {
      EXPECT_EQ(sent.at("stream"), true);
    } else {
      EXPECT_FALSE(sent.contains("stream") && sent.at("stream") == true) << got.body;
    }

    // The client's own API shape, whatever the upstream spoke.
    const std::string marker(marker_of(receiver));
    // Usage as the upstream (fake) reported it, in the client's terms.
    const std::int64_t want_in = want.wire_anthropic ? 5 : 11;
    const std::int64_t want_out = want.wire_anthropic ? 2 : 3;
    if (!endpoint.stream) {
      EXPECT_THAT(reply.header("content-type"), HasSubstr("application/json"));
      const json::object body = reply.json().as_object();
      if (endpoint.anthropic) {
        EXPECT_EQ(body.at("type"), "message");
        EXPECT_EQ(body.at("role"), "assistant");
        const auto& content = body.at("content").as_array();
        ASSERT_EQ(content.size(), 1u) << reply.body;
        EXPECT_EQ(content[0].at("type"), "text");
        EXPECT_EQ(as_text(content[0].at("text")), marker);
        EXPECT_EQ(body.at("stop_reason"), "end_turn");
        EXPECT_EQ(body.at("usage").at("input_tokens"), want_in);
        EXPECT_EQ(body.at("usage").at("output_tokens"), want_out);
      } else {
        EXPECT_EQ(body.at("object"), "chat.completion");
        const auto& choice = body.at("choices").as_array().at(0);
        EXPECT_EQ(choice.at("message").at("role"), "assistant");
        EXPECT_EQ(as_text(choice.at("message").at("content")), marker);
        EXPECT_EQ(choice.at("finish_reason"), "stop");
        EXPECT_EQ(body.at("usage").at("prompt_tokens"), want_in);
        EXPECT_EQ(body.at("usage").at("completion_tokens"), want_out);
      }
    } else {
      const auto events = parse_sse(reply.body);
      ASSERT_GE(events.size(), 2u) << reply.body;
      std::string text;
      if (endpoint.anthropic) {
        EXPECT_EQ(events.front().event, "message_start") << reply.body;
        EXPECT_EQ(events.back().event, "message_stop") << reply.body;
        EXPECT_THAT(reply.body, Not(HasSubstr("[DONE]")));
        bool saw_stop_reason = false;
        for (const auto& ev : events) {
          const json::object data = json::parse(ev.data).as_object();
          EXPECT_EQ(as_text(data.at("type")), ev.event);  // each event names itself in its data
          if (ev.event == "content_block_delta") {
            text += data.at("delta").at("text").as_string();
          }
          if (ev.event == "message_delta") {
            saw_stop_reason = data.at("delta").at("stop_reason") == "end_turn";
            EXPECT_EQ(data.at("usage").at("output_tokens"), want_out) << ev.data;
          }
        }
        EXPECT_TRUE(saw_stop_reason) << reply.body;
      } else {
        EXPECT_EQ(events.back().data, "[DONE]") << reply.body;
        bool saw_finish = false;
        for (std::size_t i = 0; i + 1 < events.size(); ++i) {
          const json::object data = json::parse(events[i].data).as_object();
          EXPECT_EQ(data.at("object"), "chat.completion.chunk");
          for (const auto& choice : data.at("choices").as_array()) {
            const auto& delta = choice.at("delta").as_object();
            if (const auto* content = delta.if_contains("content");
                content != nullptr && content->is_string()) {
              text += content->as_string();
            }
            if (choice.at("finish_reason") == "stop") saw_finish = true;
          }
        }
        EXPECT_TRUE(saw_finish) << reply.body;
      }
      EXPECT_EQ(text, marker) << reply.body;
    }
    // Usage read from the reply (or the stream, in whichever API) for the audit.
    const auto& usage = outcome.at("usage").as_object();
    EXPECT_EQ(usage.at("input_tokens"), want_in) << json::serialize(outcome);
    EXPECT_EQ(usage.at("output_tokens"), want_out) << json::serialize(outcome);
  } else if (!counts_tokens) {
    EXPECT_THAT(reply.body, HasSubstr(marker_of(receiver)));
  }

  if (endpoint.stream) {
    EXPECT_THAT(reply.header("content-type"), HasSubstr("text/event-stream"));
    EXPECT_EQ(reply.header("transfer-encoding"), "chunked");
  }
  if (!counts_tokens && !embeddings) {
    // Usage read from the reply (or the stream) for the audit.
    const auto& usage = outcome.at("usage").as_object();
    EXPECT_TRUE(usage.at("output_tokens").is_int64()) << json::serialize(outcome);
  }
  if (!endpoint.anthropic && endpoint.stream && endpoint.path != "/v1/responses") {
    // The proxy asked for usage for its own accounting; the client, which did not, never sees it.
    EXPECT_THAT(reply.body, Not(HasSubstr("\"usage\"")));
    EXPECT_THAT(reply.body, HasSubstr("[DONE]"));
  }
}

std::string case_name(const ::testing::TestParamInfo<RoutesMatrix::ParamType>& info) {
  const auto& [topology, endpoint, handling] = info.param;
  return endpoint.name + std::string(name_of(handling)) +
         (topology == Topology::kTranslated ? "Translated" : "");
}

const auto kHandlings = ::testing::Values(Handling::kVendor, Handling::kInternal, Handling::kRedact,
                                          Handling::kPseudonymize, Handling::kBlock);

INSTANTIATE_TEST_SUITE_P(SameApi, RoutesMatrix,
                         ::testing::Combine(::testing::Values(Topology::kSameApi),
                                            ::testing::ValuesIn(endpoints()), kHandlings),
                         case_name);
INSTANTIATE_TEST_SUITE_P(Translated, RoutesMatrix,
                         ::testing::Combine(::testing::Values(Topology::kTranslated),
                                            ::testing::ValuesIn(endpoints()), kHandlings),
                         case_name);

}  // namespace
}  // namespace switchyard::testing
