// Same-API rewrite: model, redactions and stream_options edits spliced into the client's bytes,
// with every byte outside the edited values unchanged; upstream paths.
#include "adapters/translate/rewrite.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "adapters/adapter.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

ParsedRequest parse(Api api, std::string_view body) {
  auto parsed = adapter_for(api).parse(body);
  EXPECT_TRUE(parsed.ok()) << body;
  return std::move(*parsed);
}

std::uint32_t segment_index(const ParsedRequest& r, std::string_view path) {
  for (std::uint32_t i = 0; i < r.segments.size(); ++i) {
    if (r.segments[i].path == path) return i;
  }
  ADD_FAILURE() << "no segment " << path;
  return 0;
}

// Checks that `out` equals `original` except inside the listed original ranges (compared as the
// prefix before the first range, the suffix after the last, and the gaps between).
void expect_same_outside(std::string_view original, std::string_view out,
                         std::vector<std::pair<std::string_view, std::string_view>> values) {
  // values: (original value text, replacement text) in document order
  std::size_t o = 0;
  std::size_t n = 0;
  for (const auto& [before, after] : values) {
    std::size_t at = original.find(before, o);
    ASSERT_NE(at, std::string_view::npos);
    EXPECT_EQ(out.substr(n, at - o), original.substr(o, at - o));
    n += at - o;
    EXPECT_EQ(out.substr(n, after.size()), after);
    n += after.size();
    o = at + before.size();
  }
  EXPECT_EQ(out.substr(n), original.substr(o));
}

TEST(Rewrite, NoEditsReturnsOriginalBytes) {
  std::string body =
      "{ \"model\" : \"gpt-4o\",\n  \"messages\":[{\"role\":\"user\",\"content\":\"h\\u00e9\"}],"
      " \"temperature\": 0.70 }";
  ParsedRequest r = parse(Api::kOpenAiChat, body);
  auto out = rewrite_request(r, RewriteOptions{});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, body);
  RewriteOptions same_model;
  same_model.model = "gpt-4o";
  EXPECT_EQ(*rewrite_request(r, same_model), body);
}

TEST(Rewrite, ModelReplacedOtherBytesKept) {
  std::string body =
      R"({"messages":[{"role":"user","content":"x"}],  "model" :"gpt-4o","top_p":1.0})";
  ParsedRequest r = parse(Api::kOpenAiChat, body);
  RewriteOptions options;
  options.model = "llama3.1:8b \"q\"";
  auto out = rewrite_request(r, options);
  ASSERT_TRUE(out.ok());
  expect_same_outside(body, *out, {{R"("gpt-4o")", R"("llama3.1:8b \"q\"")"}});
  EXPECT_EQ(json::parse(*out).at("model").as_string(), "llama3.1:8b \"q\"");
}

TEST(Rewrite, RedactionsReencodeOnlyThatString) {
  std::string body =
      "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
      "\"caf\\u00e9 \\\"card\\\" 4111111111111111\\n end\"},"
      "{\"role\":\"user\",\"content\":\"untouched \\u00e9\"}]}";
  ParsedRequest r = parse(Api::kOpenAiChat, body);
  std::uint32_t seg = segment_index(r, "/messages/0/content");
  const std::string& text = r.segments[seg].text;
  ASSERT_EQ(text, "caf\xC3\xA9 \"card\" 4111111111111111\n end");
  std::size_t begin = text.find("4111");
  RewriteOptions options;
  options.redactions.push_back({seg, begin, begin + 16, "credit_card"});
  auto out = rewrite_request(r, options);
  ASSERT_TRUE(out.ok());
  expect_same_outside(body, *out,
                      {{"\"caf\\u00e9 \\\"card\\\" 4111111111111111\\n end\"",
                        "\"caf\xC3\xA9 \\\"card\\\" [REDACTED:credit_card]\\n end\""}});
  json::value v = json::parse(*out);
  EXPECT_EQ(v.at("messages").at(0).at("content").as_string(),
            "caf\xC3\xA9 \"card\" [REDACTED:credit_card]\n end");
}

TEST(Rewrite, RedactionsInToolArgumentsAndSeveralSegments) {
  std::string body =
      R"({"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function",)"
      R"("function":{"name":"f","arguments":"{\"email\":\"bob@corp.example\"}"}}]},)"
      R"({"role":"user","content":"mail bob@corp.example and alice@corp.example"}]})";
  ParsedRequest r = parse(Api::kOpenAiChat, body);
  std::uint32_t args = segment_index(r, "/messages/0/tool_calls/0/function/arguments");
  std::uint32_t content = segment_index(r, "/messages/1/content");
  RewriteOptions options;
  const std::string& a = r.segments[args].text;
  const std::string& c = r.segments[content].text;
  const std::string bob = "bob@corp.example";
  const std::string alice = "alice@corp.example";
  options.redactions.push_back({content, c.find(alice), c.find(alice) + alice.size(), "email"});
  options.redactions.push_back({args, a.find(bob), a.find(bob) + bob.size(), "email"});
  options.redactions.push_back({content, c.find(bob), c.find(bob) + bob.size(), "email"});
  auto out = rewrite_request(r, options);
  ASSERT_TRUE(out.ok());
  json::value v = json::parse(*out);
  EXPECT_EQ(
      v.at("messages").at(0).at("tool_calls").at(0).at("function").at("arguments").as_string(),
      "{\"email\":\"[REDACTED:email]\"}");
  EXPECT_EQ(v.at("messages").at(1).at("content").as_string(),
            "mail [REDACTED:email] and [REDACTED:email]");
}

TEST(Rewrite, OverlappingRedactionsMergeAndSnapToCharacters) {
  std::vector<TextSegment> segments = {{"/x",
                                        "ab\xC3\xA9"
                                        "cdef"}};
  // Overlapping spans merge; a span ending inside the 2-byte é is widened to include it.
  auto out = apply_redactions(segments, {{0, 1, 3, "a"}, {0, 2, 6, "b"}});
  ASSERT_TRUE(out);
  ASSERT_EQ(out->size(), 1u);
  EXPECT_EQ((*out)[0].second, "a[REDACTED:a]ef");
  auto split = apply_redactions(segments, {{0, 3, 4, "u"}});
  ASSERT_TRUE(split);
  EXPECT_EQ((*split)[0].second, "ab[REDACTED:u]cdef");
  EXPECT_FALSE(apply_redactions(segments, {{1, 0, 1, "x"}}));
  EXPECT_FALSE(apply_redactions(segments, {{0, 5, 20, "x"}}));
  EXPECT_FALSE(apply_redactions(segments, {{0, 4, 3, "x"}}));
}

TEST(Rewrite, InvalidRedactionIsAnError) {
  ParsedRequest r =
      parse(Api::kOpenAiChat, R"({"model":"m","messages":[{"role":"user","content":"x"}]})");
  RewriteOptions options;
  options.redactions.push_back({7, 0, 1, "c"});
  auto out = rewrite_request(r, options);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().status, 500);
}

TEST(Rewrite, StreamOptionsInsertedWhenAbsent) {
  std::string body = R"({"model":"m","stream":true,"messages":[]  })";
  ParsedRequest r = parse(Api::kOpenAiChat, body);
  RewriteOptions options;
  options.request_usage_in_stream = true;
  EXPECT_TRUE(rewrite_adds_stream_usage(r, options));
  auto out = rewrite_request(r, options);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(
      *out,
      R"({"model":"m","stream":true,"messages":[],"stream_options":{"include_usage":true}  })");
}

TEST(Rewrite, StreamOptionsMergedIntoExistingObject) {
  struct Case {
    std::string_view body;
    std::string_view expected;
  };
  const Case cases[] = {
      {R"({"model":"m","stream":true,"messages":[],"stream_options":{}})",
       R"({"model":"m","stream":true,"messages":[],"stream_options":{"include_usage":true}})"},
      {R"({"model":"m","stream":true,"messages":[],"stream_options":{"x":1 }})",
       R"({"model":"m","stream":true,"messages":[],"stream_options":{"x":1,"include_usage":true }})"},
      {R"({"model":"m","stream":true,"messages":[],"stream_options":{"include_usage": false}})",
       R"({"model":"m","stream":true,"messages":[],"stream_options":{"include_usage": true}})"},
      {R"({"model":"m","stream":true,"messages":[],"stream_options":null})",
       R"({"model":"m","stream":true,"messages":[],"stream_options":{"include_usage":true}})"},
  };
  for (const Case& c : cases) {
    ParsedRequest r = parse(Api::kOpenAiChat, c.body);
    RewriteOptions options;
    options.request_usage_in_stream = true;
    auto out = rewrite_request(r, options);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(*out, c.expected);
  }
}

TEST(Rewrite, StreamOptionsOnlyWhenNeeded) {
  RewriteOptions options;
  options.request_usage_in_stream = true;
  // Not streaming, client already asked, or an API without stream_options: unchanged.
  for (auto [api, body] : std::vector<std::pair<Api, std::string_view>>{
           {Api::kOpenAiChat, R"({"model":"m","messages":[]})"},
           {Api::kOpenAiChat,
            R"({"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[]})"},
           {Api::kOpenAiResponses, R"({"model":"m","stream":true,"input":"x"})"},
           {Api::kOpenAiEmbeddings, R"({"model":"m","input":"x"})"}}) {
    ParsedRequest r = parse(api, body);
    EXPECT_FALSE(rewrite_adds_stream_usage(r, options));
    EXPECT_EQ(*rewrite_request(r, options), body);
  }
  ParsedRequest completions =
      parse(Api::kOpenAiCompletions, R"({"model":"m","stream":true,"prompt":"p"})");
  EXPECT_EQ(*rewrite_request(completions, options),
            R"({"model":"m","stream":true,"prompt":"p","stream_options":{"include_usage":true}})");
}

TEST(Rewrite, AllEditsTogether) {
  std::string body =
      "{\n  \"model\": \"gpt-4o\",\n  \"stream\": true,\n  \"messages\": [\n"
      "    {\"role\": \"user\", \"content\": \"Project Kestrel status\"}\n  ]\n}\n";
  ParsedRequest r = parse(Api::kOpenAiChat, body);
  RewriteOptions options;
  options.model = "gpt-4o-mini";
  options.request_usage_in_stream = true;
  options.redactions.push_back({0, 0, 15, "codename"});
  auto out = rewrite_request(r, options);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out,
            "{\n  \"model\": \"gpt-4o-mini\",\n  \"stream\": true,\n  \"messages\": [\n"
            "    {\"role\": \"user\", \"content\": \"[REDACTED:codename] status\"}\n  ]"
            ",\"stream_options\":{\"include_usage\":true}\n}\n");
}

TEST(Rewrite, WithoutRawBodySerializesTheValue) {
  ParsedRequest r;
  r.api = Api::kAnthropicMessages;
  r.body = json::parse(R"({"model":"c","messages":[{"role":"user","content":"x"}]})");
  r.model = "c";
  r.segments.push_back({"/messages/0/content", "x"});
  RewriteOptions options;
  options.target = Dialect::kAnthropic;
  options.model = "claude-x";
  options.redactions.push_back({0, 0, 1, "k"});
  auto out = rewrite_request(r, options);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, R"({"model":"claude-x","messages":[{"role":"user","content":"[REDACTED:k]"}]})");
}

TEST(Rewrite, UpstreamPaths) {
  EXPECT_EQ(upstream_path(Api::kOpenAiChat, Dialect::kOpenAi), "/chat/completions");
  EXPECT_EQ(upstream_path(Api::kOpenAiCompletions, Dialect::kOpenAi), "/completions");
  EXPECT_EQ(upstream_path(Api::kOpenAiEmbeddings, Dialect::kOpenAi), "/embeddings");
  EXPECT_EQ(upstream_path(Api::kOpenAiResponses, Dialect::kOpenAi), "/responses");
  EXPECT_EQ(upstream_path(Api::kAnthropicMessages, Dialect::kAnthropic), "/v1/messages");
  EXPECT_EQ(upstream_path(Api::kAnthropicCountTokens, Dialect::kAnthropic),
            "/v1/messages/count_tokens");
  EXPECT_EQ(upstream_path(Api::kAnthropicMessages, Dialect::kOpenAi), "/chat/completions");
  EXPECT_EQ(upstream_path(Api::kOpenAiChat, Dialect::kAnthropic), "/v1/messages");
}

}  // namespace
}  // namespace switchyard::adapters

namespace switchyard::adapters {
namespace {

TEST(Rewrite, DocumentsAsTextReplaceTheirPartInTheClientsApi) {
  const std::string chat =
      R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"},)"
      R"({"type":"file","file":{"filename":"a.pdf","file_data":"data:application/pdf;base64,JVBE"}}]}]})";
  RewriteOptions options;
  options.target = Dialect::kOpenAi;
  options.documents_as_text = {
      {"/messages/0/content/1", "[Attached document: a.pdf]\n\nPage text"}};
  auto out = rewrite_request(parse(Api::kOpenAiChat, chat), options);
  ASSERT_TRUE(out.ok());
  const json::value v = json::parse(*out);
  EXPECT_EQ(v.at("messages").at(0).at("content").at(1),
            json::parse(R"({"type":"text","text":"[Attached document: a.pdf]\n\nPage text"})"));
  EXPECT_EQ(out->find("JVBE"), std::string::npos);

  const std::string responses =
      R"({"model":"m","input":[{"role":"user","content":[{"type":"input_file","filename":"a.pdf",)"
      R"("file_data":"data:application/pdf;base64,JVBE"}]}]})";
  options.documents_as_text = {{"/input/0/content/0", "T"}};
  out = rewrite_request(parse(Api::kOpenAiResponses, responses), options);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(json::parse(*out).at("input").at(0).at("content").at(0),
            json::parse(R"({"type":"input_text","text":"T"})"));

  // Translated: an Anthropic PDF document for an OpenAI upstream that takes no files.
  const std::string messages =
      R"({"model":"c","max_tokens":5,"messages":[{"role":"user","content":[)"
      R"({"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBE"}}]}]})";
  options.documents_as_text = {{"/messages/0/content/0", "Page text"}};
  out = rewrite_request(parse(Api::kAnthropicMessages, messages), options);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(json::parse(*out).at("messages").at(0).at("content"), "Page text");

  // A document inside a tool result: its text stays in the tool message (which holds text only),
  // and the PDF itself goes nowhere.
  const std::string tool_result =
      R"({"model":"c","max_tokens":5,"messages":[)"
      R"({"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{}}]},)"
      R"({"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[)"
      R"({"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBE"}}]}]}]})";
  options.documents_as_text = {{"/messages/1/content/0/content/0", "Report text"}};
  out = rewrite_request(parse(Api::kAnthropicMessages, tool_result), options);
  ASSERT_TRUE(out.ok()) << out.error().message;
  const json::value translated = json::parse(*out);
  ASSERT_EQ(translated.at("messages").as_array().size(), 2u) << *out;
  EXPECT_EQ(translated.at("messages").at(1),
            json::parse(R"({"role":"tool","tool_call_id":"t1","content":"Report text"})"));
  EXPECT_EQ(out->find("JVBE"), std::string::npos);
}

}  // namespace
}  // namespace switchyard::adapters
