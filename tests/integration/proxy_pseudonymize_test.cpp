// Pseudonymization through the real proxy with the shipped default policy: for every API, both
// stream modes, same-API and translated, an upstream that echoes what it received, a few characters
// per event, so the placeholders it saw come back cut between events (tool call arguments too).
// The client must get back exactly the text it sent; the vendor must never see the values; the
// audit must count them without holding them; the internal route and a vendor fallback get the real
// values; a placeholder-looking string the client wrote stays its own.
// GCC 12 misreports std::regex's internal std::function as maybe-uninitialized in the ASan build
// (-O1 with sanitizers); the warning is in libstdc++'s code, not this file's.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include "adapters/pseudonymize/pseudonym_key.h"
#include "adapters/sse_parser.h"
#include "support/echo_upstream.h"
#include "support/fake_upstream.h"
#include "support/proxy_harness.h"

namespace switchyard::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace json = boost::json;

constexpr const char* kKeyEnv = "SWITCHYARD_IT_PSEUDONYM_KEY";
constexpr const char* kKey = "integration-pseudonym-key-0123456789abcdef";

const std::string kEmail = "jane.roe@brightwater-logistics.com";
const std::string kPhone = "+44 20 7946 0958";
const std::string kName = "Jane Roe";
const std::string kText = "Name: " + kName + "\nPlease write to " + kEmail + " or call " + kPhone +
                          " about invoice 4411.";

enum class Topology { kSameApi, kTranslated };

std::string config(const FakeUpstream& internal, const FakeUpstream& openai,
                   const FakeUpstream& anthropic, Topology topology) {
  const bool same = topology == Topology::kSameApi;
  return std::string("policy: ") + SWITCHYARD_SOURCE_DIR +
         "/policies/packs/default.yaml\n"
         "pseudonymize: { key_env: " +
         kKeyEnv +
         " }\n"
         "upstreams:\n"
         "  - { name: local, api: openai, apis: [anthropic], base_url: \"" +
         internal.base_url() +
         "\", trust: internal }\n"
         "  - { name: openai, api: openai, base_url: \"" +
         openai.base_url() +
         "\", trust: vendor }\n"
         "  - { name: anthropic, api: anthropic, base_url: \"" +
         anthropic.base_url("") +
         "\", trust: vendor }\n"
         "routes:\n"
         "  internal: local\n"
         "  vendor: { openai: " +
         (same ? "openai" : "anthropic") + ", anthropic: " + (same ? "anthropic" : "openai") +
         " }\n"
         "  vendor_fallback: local\n"
         "limits: { workers: 2 }\n";
}

const json::value kSchema =
    json::parse(R"({"type":"object","properties":{"text":{"type":"string"}},"required":["text"]})");

struct Api {
  std::string name;
  std::string path;
  bool tools;  // the request offers a tool, and the echo calls it
  bool translatable;
  std::string (*body)(std::string_view text, bool stream);
};

std::string chat_body(std::string_view text, bool stream) {
  json::object body{{"model", "gpt-4o"},
                    {"messages", json::array{json::object{{"role", "user"}, {"content", text}}}},
                    {"tools", json::array{json::object{
                                  {"type", "function"},
                                  {"function", json::object{{"name", "echo"},
                                                            {"description", "Repeat the text"},
                                                            {"parameters", kSchema}}}}}}};
  if (stream) body["stream"] = true;
  return json::serialize(body);
}

std::string messages_body(std::string_view text, bool stream) {
  json::object body{{"model", "claude-sonnet-4"},
                    {"max_tokens", 256},
                    {"messages", json::array{json::object{{"role", "user"}, {"content", text}}}},
                    {"tools", json::array{json::object{{"name", "echo"},
                                                       {"description", "Repeat the text"},
                                                       {"input_schema", kSchema}}}}};
  if (stream) body["stream"] = true;
  return json::serialize(body);
}

std::string responses_body(std::string_view text, bool stream) {
  json::object body{{"model", "gpt-4o"},
                    {"instructions", "Be brief."},
                    {"input", text},
                    {"tools", json::array{json::object{{"type", "function"},
                                                       {"name", "echo"},
                                                       {"description", "Repeat the text"},
                                                       {"parameters", kSchema}}}}};
  if (stream) body["stream"] = true;
  return json::serialize(body);
}

std::string completions_body(std::string_view text, bool stream) {
  json::object body{{"model", "gpt-3.5-turbo-instruct"}, {"prompt", text}};
  if (stream) body["stream"] = true;
  return json::serialize(body);
}

const std::vector<Api>& apis() {
  static const std::vector<Api> list = {
      {"chat", "/v1/chat/completions", true, true, chat_body},
      {"messages", "/v1/messages", true, true, messages_body},
      {"responses", "/v1/responses", true, false, responses_body},
      {"completions", "/v1/completions", false, false, completions_body}};
  return list;
}

std::vector<json::value> sse_data(const std::string& body) {
  std::vector<json::value> out;
  adapters::SseParser parser;
  auto on_event = [&](const adapters::SseEvent& e) {
    boost::system::error_code ec;
    json::value v = json::parse(e.data, ec);
    if (!ec) out.push_back(std::move(v));
  };
  parser.feed(body, on_event);
  parser.finish(on_event);
  return out;
}

std::string string_or_empty(const json::value* v) {
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

// The text and the tool arguments' "text" of a reply, in the client's API.
struct Echoed {
  std::string text;
  std::string tool_text;
  std::string tool_arguments;  // as the client received them (JSON)
};

Echoed read_reply(const std::string& api, bool stream, const std::string& body) {
  Echoed e;
  if (!stream) {
    const json::value v = json::parse(body);
    if (api == "chat") {
      const auto& message = v.at("choices").at(0).at("message").as_object();
      e.text = string_or_empty(message.if_contains("content"));
      if (const auto* calls = message.if_contains("tool_calls")) {
        e.tool_arguments = calls->at(0).at("function").at("arguments").as_string();
      }
    } else if (api == "completions") {
      e.text = v.at("choices").at(0).at("text").as_string();
    } else if (api == "messages") {
      for (const auto& block : v.at("content").as_array()) {
        if (block.at("type") == "text") e.text += block.at("text").as_string();
        if (block.at("type") == "tool_use") {
          e.tool_arguments = json::serialize(block.at("input"));
        }
      }
    } else {
      for (const auto& item : v.at("output").as_array()) {
        if (item.at("type") == "message") e.text = item.at("content").at(0).at("text").as_string();
        if (item.at("type") == "function_call") e.tool_arguments = item.at("arguments").as_string();
      }
    }
  } else {
    for (const json::value& d : sse_data(body)) {
      const json::object& o = d.as_object();
      if (api == "chat" || api == "completions") {
        const auto* choices = o.if_contains("choices");
        if (choices == nullptr || choices->as_array().empty()) continue;
        const json::object& c = choices->at(0).as_object();
        if (api == "completions") {
          e.text += string_or_empty(c.if_contains("text"));
          continue;
        }
        const json::object& delta = c.at("delta").as_object();
        e.text += string_or_empty(delta.if_contains("content"));
        if (const auto* calls = delta.if_contains("tool_calls")) {
          e.tool_arguments +=
              string_or_empty(calls->at(0).at("function").as_object().if_contains("arguments"));
        }
      } else if (api == "messages") {
        if (o.at("type") != "content_block_delta") continue;
        const json::object& delta = o.at("delta").as_object();
        e.text += string_or_empty(delta.if_contains("text"));
        e.tool_arguments += string_or_empty(delta.if_contains("partial_json"));
      } else {
        const std::string type(o.at("type").as_string());
        if (type == "response.output_text.delta") e.text += o.at("delta").as_string();
        if (type == "response.function_call_arguments.delta") {
          e.tool_arguments += o.at("delta").as_string();
        }
      }
    }
  }
  if (!e.tool_arguments.empty()) {
    e.tool_text = json::parse(e.tool_arguments).at("text").as_string();
  }
  return e;
}

class Pseudonymize : public ::testing::TestWithParam<std::tuple<int, bool, Topology>> {
 protected:
  void SetUp() override {
    ::setenv(kKeyEnv, kKey, 1);
    internal_.set_handler([](const RecordedRequest& r) { return echo_reply(r, 3); });
    openai_.set_handler([](const RecordedRequest& r) { return echo_reply(r, 3); });
    anthropic_.set_handler([](const RecordedRequest& r) { return echo_reply(r, 3); });
  }
  FakeUpstream internal_, openai_, anthropic_;
};

TEST_P(Pseudonymize, ClientGetsBackExactlyWhatItSentAndTheVendorNeverSeesTheValues) {
  const auto& [index, stream, topology] = GetParam();
  const Api& api = apis()[index];
  ProxyHarness proxy(config(internal_, openai_, anthropic_, topology));
  Client client(proxy.port());
  const Reply reply =
      client.post(api.path, api.body(kText, stream), {{"anthropic-version", "2023-06-01"}});
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.header("x-switchyard-route"), "vendor");

  // What the vendor got: placeholders, never a value.
  FakeUpstream& vendor =
      (api.path == "/v1/messages") == (topology == Topology::kSameApi) ? anthropic_ : openai_;
  ASSERT_EQ(vendor.request_count(), 1u);
  EXPECT_EQ(internal_.request_count(), 0u);
  const RecordedRequest seen = vendor.requests().back();
  for (const std::string& value : {kEmail, kPhone, kName}) {
    EXPECT_THAT(seen.body, Not(HasSubstr(value)));
  }
  const std::string vendor_text = echoed_text(seen);
  EXPECT_TRUE(std::regex_search(vendor_text, std::regex("^Name: PERSON-NAME-[0-9a-f]{6}\n")))
      << vendor_text;
  EXPECT_TRUE(std::regex_search(vendor_text, std::regex("write to EMAIL-[0-9a-f]{6} or call "
                                                        "PHONE-[0-9a-f]{6} about invoice 4411")))
      << vendor_text;

  // What the client got: its own text, in the text and in the tool call.
  const Echoed echoed = read_reply(api.name, stream, reply.body);
  EXPECT_EQ(echoed.text, kText);
  if (api.tools) {
    EXPECT_EQ(echoed.tool_text, kText) << echoed.tool_arguments;
  }
  EXPECT_THAT(reply.body, Not(HasSubstr("EMAIL-")));
  EXPECT_THAT(reply.body, Not(HasSubstr("PERSON-NAME-")));

  // The audit counts what was pseudonymized, per rule, and holds neither values nor placeholders.
  const std::string id = reply.header("x-switchyard-request-id");
  ASSERT_TRUE(proxy.audit().wait_for_records(id, 2));
  const auto records = proxy.audit().records_for(id);
  const json::object& decision = records[0];
  EXPECT_EQ(decision.at("handling"), "pseudonymize");
  EXPECT_EQ(decision.at("route"), "vendor");
  EXPECT_EQ(decision.at("pseudonymized").to_number<int>(), 3);
  std::map<std::string, std::int64_t> per_rule;
  for (const auto& rule : decision.at("rules").as_array()) {
    if (const auto* n = rule.as_object().if_contains("pseudonymized")) {
      per_rule[std::string(rule.at("id").as_string())] = n->to_number<std::int64_t>();
    }
  }
  EXPECT_EQ(per_rule["pii.email"], 1);
  EXPECT_EQ(per_rule["pii.person-name"], 1);
  EXPECT_EQ(per_rule["pii.phone-international"], 1);
  for (const auto& record : records) {
    const std::string text = json::serialize(record);
    for (const std::string& value : {kEmail, kPhone, kName}) {
      EXPECT_THAT(text, Not(HasSubstr(value)));
    }
    EXPECT_FALSE(std::regex_search(text, std::regex("[A-Z]-[0-9a-f]{6}"))) << text;
  }
  EXPECT_EQ(records[1].at("status").to_number<int>(), 200);
  EXPECT_TRUE(records[1].at("error").is_null());
}

// Every API both ways; the translated topology only for the APIs that translate (chat, messages).
std::vector<std::tuple<int, bool, Topology>> cases() {
  std::vector<std::tuple<int, bool, Topology>> out;
  for (int api = 0; api < static_cast<int>(apis().size()); ++api) {
    for (bool stream : {false, true}) {
      out.emplace_back(api, stream, Topology::kSameApi);
      if (apis()[api].translatable) out.emplace_back(api, stream, Topology::kTranslated);
    }
  }
  return out;
}

std::string case_name(const ::testing::TestParamInfo<std::tuple<int, bool, Topology>>& info) {
  const int api = std::get<0>(info.param);
  const bool stream = std::get<1>(info.param);
  const bool same = std::get<2>(info.param) == Topology::kSameApi;
  return apis()[api].name + (stream ? "Stream" : "Json") + (same ? "SameApi" : "Translated");
}

INSTANTIATE_TEST_SUITE_P(EveryApi, Pseudonymize, ::testing::ValuesIn(cases()), case_name);

class PseudonymizeEdges : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv(kKeyEnv, kKey, 1);
    for (FakeUpstream* f : {&internal_, &openai_, &anthropic_}) {
      f->set_handler([](const RecordedRequest& r) { return echo_reply(r, 2); });
    }
  }
  FakeUpstream internal_, openai_, anthropic_;
};

TEST_F(PseudonymizeEdges, SameValueSamePlaceholderAcrossRequestsAndReplicas) {
  std::vector<std::string> seen;
  for (int replica = 0; replica < 2; ++replica) {
    // Two proxies with the same key stand for two replicas: no shared state.
    ProxyHarness proxy(config(internal_, openai_, anthropic_, Topology::kSameApi));
    Client client(proxy.port());
    for (const std::string& text :
         {"Mail " + kEmail, "Other words, then " + kEmail + " again, and bob@acme-corp.io"}) {
      const Reply reply = client.post("/v1/chat/completions", chat_body(text, true));
      ASSERT_EQ(reply.status, 200u);
      EXPECT_EQ(read_reply("chat", true, reply.body).text, text);
      std::smatch m;
      const std::string vendor_text = echoed_text(openai_.requests().back());
      ASSERT_TRUE(std::regex_search(vendor_text, m, std::regex("EMAIL-[0-9a-f]{6}")));
      seen.push_back(m.str());
    }
  }
  ASSERT_EQ(seen.size(), 4u);
  for (const auto& s : seen) EXPECT_EQ(s, seen[0]);
  // ... and a different value got a different one.
  const std::string last = echoed_text(openai_.requests().back());
  const std::regex email("EMAIL-[0-9a-f]{6}");
  std::sregex_iterator it(last.begin(), last.end(), email), end;
  std::set<std::string> distinct;
  for (; it != end; ++it) distinct.insert(it->str());
  EXPECT_EQ(distinct.size(), 2u);
}

TEST_F(PseudonymizeEdges, PlaceholderTheClientWroteStaysItsOwn) {
  const pseudonymize::PseudonymKey key(kKey);
  const std::string natural = key.placeholder("EMAIL", kEmail, 0);
  const std::string invented = "EMAIL-000000";
  const std::string text =
      "Is " + natural + " or " + invented + " the same as " + kEmail + "? PHONE-12";
  ProxyHarness proxy(config(internal_, openai_, anthropic_, Topology::kSameApi));
  Client client(proxy.port());
  for (bool stream : {false, true}) {
    const Reply reply = client.post("/v1/chat/completions", chat_body(text, stream));
    ASSERT_EQ(reply.status, 200u);
    // The client's own strings come back as it wrote them; its value comes back too.
    EXPECT_EQ(read_reply("chat", stream, reply.body).text, text);
    const std::string vendor_text = echoed_text(openai_.requests().back());
    EXPECT_THAT(vendor_text,
                HasSubstr("Is " + natural + " or " + invented + " the same as EMAIL-"));
    EXPECT_THAT(vendor_text, Not(HasSubstr("same as " + natural)));  // another placeholder
  }
}

TEST_F(PseudonymizeEdges, InternalRouteAndVendorFallbackGetTheRealValues) {
  ProxyHarness proxy(config(internal_, openai_, anthropic_, Topology::kSameApi));
  Client client(proxy.port());
  // A card number keeps the whole prompt internal: no placeholders there.
  const std::string sensitive = kText + " Card 4539 1488 0343 6467.";
  Reply reply = client.post("/v1/chat/completions", chat_body(sensitive, true));
  ASSERT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.header("x-switchyard-route"), "internal");
  EXPECT_EQ(openai_.request_count(), 0u);
  EXPECT_EQ(echoed_text(internal_.requests().back()), sensitive);
  EXPECT_EQ(read_reply("chat", true, reply.body).text, sensitive);

  // The vendor fails: the fallback to the internal model sends the real values, not placeholders.
  openai_.set_handler([](const RecordedRequest&) {
    return status_error(503, R"({"error":{"message":"overloaded","type":"server_error"}})");
  });
  reply = client.post("/v1/chat/completions", chat_body(kText, false));
  ASSERT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.header("x-switchyard-route"), "internal");
  EXPECT_THAT(openai_.requests().back().body, Not(HasSubstr(kEmail)));
  EXPECT_EQ(echoed_text(internal_.requests().back()), kText);
  EXPECT_EQ(read_reply("chat", false, reply.body).text, kText);
  const std::string id = reply.header("x-switchyard-request-id");
  ASSERT_TRUE(proxy.audit().wait_for_records(id, 3));
  const auto records = proxy.audit().records_for(id);
  EXPECT_EQ(records[0].at("pseudonymized").to_number<int>(), 3);  // what the vendor was sent
  EXPECT_FALSE(records[1].contains("pseudonymized"));             // the fallback sent values
}

TEST_F(PseudonymizeEdges, ReplyCutOffMidPlaceholderIsFlushedAsReceived) {
  openai_.set_handler([](const RecordedRequest& r) {
    const std::string text = echoed_text(r);
    // The vendor's stream stops inside the e-mail's placeholder.
    const std::size_t cut = text.find("EMAIL-") + 9;
    const std::string head =
        R"(data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":)";
    // Both events in the first chunk of a chunked body, then the connection closes.
    ScriptedReply reply = sse({head + json::serialize(json::value(text.substr(0, cut - 4))) +
                                   R"(},"finish_reason":null}]})"
                                   "\n\n" +
                                   head + json::serialize(json::value(text.substr(cut - 4, 4))) +
                                   R"(},"finish_reason":null}]})"
                                   "\n\n",
                               "data: [DONE]\n\n"});
    reply.framing = Framing::kChunked;
    reply.close_after_header = true;
    return reply;
  });
  ProxyHarness proxy(config(internal_, openai_, anthropic_, Topology::kSameApi));
  Client client(proxy.port());
  const std::string text = "Write to " + kEmail + " now";
  const Reply reply = client.post("/v1/chat/completions", chat_body(text, true));
  ASSERT_EQ(reply.status, 200u);
  const std::string got = read_reply("chat", true, reply.body).text;
  EXPECT_TRUE(std::regex_match(got, std::regex("Write to EMAIL-[0-9a-f]{3}"))) << got;
  EXPECT_THAT(reply.body, HasSubstr("\"error\""));  // the stream ends with an error event
}

TEST_F(PseudonymizeEdges, PolicyThatPseudonymizesNeedsTheKey) {
  ::unsetenv(kKeyEnv);
  try {
    ProxyHarness proxy(config(internal_, openai_, anthropic_, Topology::kSameApi));
    ADD_FAILURE() << "the proxy started without a pseudonym key";
  } catch (const proxy::ConfigError& e) {
    ASSERT_FALSE(e.errors().empty());
    EXPECT_THAT(e.errors()[0], HasSubstr(kKeyEnv));
    EXPECT_THAT(e.errors()[0], HasSubstr("rule pii."));
  }
  ::setenv(kKeyEnv, "short", 1);
  try {
    ProxyHarness proxy(config(internal_, openai_, anthropic_, Topology::kSameApi));
    ADD_FAILURE() << "the proxy started with a short pseudonym key";
  } catch (const proxy::ConfigError& e) {
    EXPECT_THAT(e.errors()[0], HasSubstr("too short"));
    EXPECT_THAT(e.errors()[0], Not(HasSubstr("short\"")));
  }
}

}  // namespace
}  // namespace switchyard::testing

namespace switchyard::testing {
namespace {

std::string run_command(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  ::pclose(pipe);
  return output;
}

// `policy explain` shows the text as the vendor would receive it, with the deployment's
// placeholders (or a demonstration key's, said so).
TEST(PseudonymizeExplain, ShowsWhatTheVendorReceives) {
  const char* binary = std::getenv("SWITCHYARD_BINARY");
  ASSERT_NE(binary, nullptr) << "SWITCHYARD_BINARY is not set (run through ctest)";
  const std::string policy = std::string(SWITCHYARD_SOURCE_DIR) + "/policies/packs/default.yaml";
  const std::string text = "Name: Jane Roe\nMail jane.roe@brightwater-logistics.com";
  const std::string base =
      std::string("'") + binary + "' policy explain '" + policy + "' --text '" + text + "' 2>&1";
  const std::string with_key =
      run_command(std::string("SWITCHYARD_PSEUDONYM_KEY='") + kKey + "' " + base);
  const pseudonymize::PseudonymKey key(kKey);
  EXPECT_THAT(with_key, HasSubstr("Handling: pseudonymize"));
  EXPECT_THAT(with_key, HasSubstr("The vendor receives:\n  | Name: " +
                                  key.placeholder("PERSON-NAME", "Jane Roe", 0) + "\n  | Mail " +
                                  key.placeholder("EMAIL", kEmail, 0) + "\n"));
  EXPECT_THAT(with_key, Not(HasSubstr("demonstration key")));
  const std::string without = run_command("env -u SWITCHYARD_PSEUDONYM_KEY " + base);
  EXPECT_THAT(without, HasSubstr("demonstration key"));
  EXPECT_THAT(without, Not(HasSubstr(key.placeholder("EMAIL", kEmail, 0))));
  EXPECT_TRUE(std::regex_search(without, std::regex("\\| Mail EMAIL-[0-9a-f]{6}\n")));
}

}  // namespace
}  // namespace switchyard::testing
