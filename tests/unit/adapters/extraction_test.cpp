// Extraction: a marker hidden in each text field the API notes list (and in fields they do not
// list) must come out as a segment at that field's JSON Pointer; deny-listed structural fields must
// not.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/adapter.h"
#include "adapters/text_extraction.h"

namespace switchyard::adapters {
namespace {

constexpr std::string_view kMarker = "SECRET-MARKER-7731";

struct FieldCase {
  Api api;
  std::string body;  // "@M@" stands for the marker
  std::string path;  // where the marker must be extracted
};

std::string with_marker(std::string body) {
  for (std::size_t at; (at = body.find("@M@")) != std::string::npos;) {
    body.replace(at, 3, kMarker);
  }
  return body;
}

const TextSegment* segment_at(const ParsedRequest& request, std::string_view path) {
  for (const TextSegment& s : request.segments) {
    if (s.path == path) return &s;
  }
  return nullptr;
}

std::vector<FieldCase> field_cases() {
  using enum Api;
  return {
      // OpenAI Chat Completions.
      {kOpenAiChat, R"({"model":"m","messages":[{"role":"user","content":"hi @M@"}]})",
       "/messages/0/content"},
      {kOpenAiChat, R"({"model":"m","messages":[{"role":"system","content":"@M@"}]})",
       "/messages/0/content"},
      {kOpenAiChat, R"({"model":"m","messages":[{"role":"developer","content":"@M@"}]})",
       "/messages/0/content"},
      {kOpenAiChat,
       R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"a @M@"}]}]})",
       "/messages/0/content/0/text"},
      {kOpenAiChat,
       R"({"model":"m","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\"q\":\"@M@\"}"}}]}]})",
       "/messages/0/tool_calls/0/function/arguments"},
      {kOpenAiChat,
       R"({"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"@M@","arguments":"{}"}}]}]})",
       "/messages/0/tool_calls/0/function/name"},
      {kOpenAiChat,
       R"({"model":"m","messages":[{"role":"tool","tool_call_id":"call_1","content":"result @M@"}]})",
       "/messages/0/content"},
      {kOpenAiChat, R"({"model":"m","messages":[{"role":"user","name":"@M@","content":"x"}]})",
       "/messages/0/name"},
      {kOpenAiChat,
       R"({"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"f","description":"does @M@"}}]})",
       "/tools/0/function/description"},
      {kOpenAiChat,
       R"({"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"q":{"type":"string","description":"@M@"}}}}}]})",
       "/tools/0/function/parameters/properties/q/description"},
      {kOpenAiChat,
       R"({"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"q":{"type":"string","enum":["a","@M@"]}}}}}]})",
       "/tools/0/function/parameters/properties/q/enum/1"},
      {kOpenAiChat,
       R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://h.corp/@M@.png"}}]}]})",
       "/messages/0/content/0/image_url/url"},
      {kOpenAiChat,
       R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:text/plain;base64,@M@"}}]}]})",
       "/messages/0/content/0/image_url/url"},
      {kOpenAiChat, R"({"model":"m","messages":[],"stop":["@M@"]})", "/stop/0"},
      {kOpenAiChat, R"({"model":"m","messages":[],"user":"@M@"})", "/user"},
      {kOpenAiChat, R"({"model":"m","messages":[],"metadata":{"type":"@M@"}})", "/metadata/type"},
      {kOpenAiChat,
       R"({"model":"m","messages":[],"prediction":{"type":"content","content":"@M@"}})",
       "/prediction/content"},
      {kOpenAiChat,
       R"({"model":"m","messages":[],"response_format":{"type":"json_schema","json_schema":{"name":"n","schema":{"description":"@M@"}}}})",
       "/response_format/json_schema/schema/description"},
      {kOpenAiChat, R"({"model":"m","messages":[],"a_future_field":{"deep":[{"x":"@M@"}]}})",
       "/a_future_field/deep/0/x"},
      {kOpenAiChat, R"({"model":"m","messages":[],"we/ird~key":"@M@"})", "/we~1ird~0key"},
      {kOpenAiChat,
       R"({"model":"m","messages":[{"role":"assistant","content":[{"type":"refusal","refusal":"@M@"}]}]})",
       "/messages/0/content/0/refusal"},
      // Completions and Embeddings.
      {kOpenAiCompletions, R"({"model":"m","prompt":"@M@"})", "/prompt"},
      {kOpenAiCompletions, R"({"model":"m","prompt":["a","@M@"]})", "/prompt/1"},
      {kOpenAiCompletions, R"({"model":"m","prompt":"a","suffix":"@M@"})", "/suffix"},
      {kOpenAiEmbeddings, R"({"model":"m","input":"@M@"})", "/input"},
      {kOpenAiEmbeddings, R"({"model":"m","input":["x","@M@"]})", "/input/1"},
      // Responses.
      {kOpenAiResponses, R"({"model":"m","instructions":"@M@","input":"x"})", "/instructions"},
      {kOpenAiResponses, R"({"model":"m","input":"@M@"})", "/input"},
      {kOpenAiResponses, R"({"model":"m","input":[{"role":"user","content":"@M@"}]})",
       "/input/0/content"},
      {kOpenAiResponses,
       R"({"model":"m","input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"@M@"}]}]})",
       "/input/0/content/0/text"},
      {kOpenAiResponses,
       R"({"model":"m","input":[{"type":"function_call","call_id":"call_9","name":"f","arguments":"{\"a\":\"@M@\"}"}]})",
       "/input/0/arguments"},
      {kOpenAiResponses,
       R"({"model":"m","input":[{"type":"function_call_output","call_id":"call_9","output":"@M@"}]})",
       "/input/0/output"},
      {kOpenAiResponses,
       R"({"model":"m","input":"x","tools":[{"type":"function","name":"f","description":"@M@","parameters":{}}]})",
       "/tools/0/description"},
      {kOpenAiResponses,
       R"({"model":"m","input":[{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"@M@"}]}]})",
       "/input/0/summary/0/text"},
      {kOpenAiResponses,
       R"({"model":"m","input":[{"role":"assistant","content":[{"type":"output_text","text":"@M@"}]}]})",
       "/input/0/content/0/text"},
      // Anthropic Messages.
      {kAnthropicMessages,
       R"({"model":"c","max_tokens":5,"system":"@M@","messages":[{"role":"user","content":"x"}]})",
       "/system"},
      {kAnthropicMessages,
       R"({"model":"c","max_tokens":5,"system":[{"type":"text","text":"@M@"}],"messages":[]})",
       "/system/0/text"},
      {kAnthropicMessages, R"({"model":"c","messages":[{"role":"user","content":"@M@"}]})",
       "/messages/0/content"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"user","content":[{"type":"text","text":"@M@"}]}]})",
       "/messages/0/content/0/text"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"f","input":{"query":{"q":"@M@"}}}]}]})",
       "/messages/0/content/0/input/query/q"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"f","input":{"type":"@M@"}}]}]})",
       "/messages/0/content/0/input/type"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"f","input":{"id":"@M@"}}]}]})",
       "/messages/0/content/0/input/id"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"@M@"}]}]})",
       "/messages/0/content/0/content"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"@M@"}]}]}]})",
       "/messages/0/content/0/content/0/text"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"assistant","content":[{"type":"thinking","thinking":"@M@","signature":"sig"}]}]})",
       "/messages/0/content/0/thinking"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[],"tools":[{"name":"f","description":"@M@","input_schema":{"type":"object"}}]})",
       "/tools/0/description"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[],"tools":[{"name":"f","input_schema":{"type":"object","properties":{"a":{"description":"@M@"}}}}]})",
       "/tools/0/input_schema/properties/a/description"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"@M@"}}]}]})",
       "/messages/0/content/0/source/data"},
      {kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"user","content":[{"type":"image","source":{"type":"url","url":"https://x/@M@"}}]}]})",
       "/messages/0/content/0/source/url"},
      {kAnthropicMessages, R"({"model":"c","messages":[],"metadata":{"user_id":"@M@"}})",
       "/metadata/user_id"},
      {kAnthropicMessages, R"({"model":"c","messages":[],"stop_sequences":["@M@"]})",
       "/stop_sequences/0"},
      {kAnthropicCountTokens, R"({"model":"c","system":"@M@","messages":[]})", "/system"},
      {kAnthropicCountTokens,
       R"({"model":"c","messages":[{"role":"user","content":[{"type":"text","text":"@M@"}]}]})",
       "/messages/0/content/0/text"},
  };
}

TEST(Extraction, MarkerInEveryFieldIsExtracted) {
  for (const FieldCase& c : field_cases()) {
    std::string body = with_marker(c.body);
    auto parsed = adapter_for(c.api).parse(body);
    ASSERT_TRUE(parsed.ok()) << body << ": " << parsed.error().message;
    const TextSegment* s = segment_at(*parsed, c.path);
    ASSERT_NE(s, nullptr) << "no segment at " << c.path << " for " << body;
    EXPECT_NE(s->text.find(kMarker), std::string::npos) << body;
  }
}

TEST(Extraction, ToolCallArgumentsAreOneDecodedSegment) {
  auto parsed = adapter_for(Api::kOpenAiChat)
                    .parse(R"({"model":"m","messages":[{"role":"assistant","tool_calls":[)"
                           R"({"id":"c","type":"function","function":{"name":"f",)"
                           R"("arguments":"{\"city\":\"Par\u00eds\",\"n\":2}"}}]}]})");
  ASSERT_TRUE(parsed.ok());
  const TextSegment* s = segment_at(*parsed, "/messages/0/tool_calls/0/function/arguments");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->text, "{\"city\":\"Par\xC3\xADs\",\"n\":2}");
}

TEST(Extraction, DenyListedFieldsAreNotSegments) {
  auto parsed = adapter_for(Api::kOpenAiChat)
                    .parse(R"({"model":"gpt-secret-name","tool_choice":"auto",)"
                           R"("messages":[{"role":"assistant","tool_calls":[{"id":"call_abc",)"
                           R"("type":"function","function":{"name":"f","arguments":"{}"}}]},)"
                           R"({"role":"tool","tool_call_id":"call_abc","content":"ok"}]})");
  ASSERT_TRUE(parsed.ok());
  std::vector<std::string> paths;
  for (const auto& s : parsed->segments) paths.push_back(s.path);
  std::vector<std::string> expected = {"/messages/0/tool_calls/0/function/name",
                                       "/messages/0/tool_calls/0/function/arguments",
                                       "/messages/1/content"};
  EXPECT_EQ(paths, expected);
}

TEST(Extraction, TopLevelDenyIsTopLevelOnly) {
  auto parsed = adapter_for(Api::kOpenAiChat)
                    .parse(R"({"model":"m","messages":[],"extra":{"model":"inner text"}})");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->segments.size(), 1u);
  EXPECT_EQ(parsed->segments[0].path, "/extra/model");
}

TEST(Extraction, BinaryPayloadsSkippedAndCounted) {
  auto chat =
      adapter_for(Api::kOpenAiChat)
          .parse(
              R"({"model":"m","messages":[{"role":"user","content":[)"
              R"({"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"high"}},)"
              R"({"type":"input_audio","input_audio":{"data":"UklGRg==","format":"wav"}},)"
              R"({"type":"file","file":{"file_data":"data:application/pdf;base64,JVBERi0=","filename":"a.pdf"}},)"
              R"({"type":"text","text":"describe"}]}]})");
  ASSERT_TRUE(chat.ok()) << chat.error().message;
  EXPECT_EQ(chat->binary_payloads, 3u);
  std::vector<std::string> paths;
  for (const auto& s : chat->segments) paths.push_back(s.path);
  std::vector<std::string> expected = {"/messages/0/content/1/input_audio/format",
                                       "/messages/0/content/2/file/filename",
                                       "/messages/0/content/3/text"};
  EXPECT_EQ(paths, expected);

  auto anthropic =
      adapter_for(Api::kAnthropicMessages)
          .parse(
              R"({"model":"c","messages":[{"role":"user","content":[)"
              R"({"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQ"}},)"
              R"({"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBE"}},)"
              R"({"type":"text","text":"what is this"}]},)"
              R"({"role":"assistant","content":[{"type":"redacted_thinking","data":"EmwKAhgB"},)"
              R"({"type":"thinking","thinking":"hmm","signature":"WaUjzkyp"}]}]})");
  ASSERT_TRUE(anthropic.ok()) << anthropic.error().message;
  EXPECT_EQ(anthropic->binary_payloads, 2u);
  paths.clear();
  for (const auto& s : anthropic->segments) paths.push_back(s.path);
  expected = {"/messages/0/content/2/text", "/messages/1/content/1/thinking"};
  EXPECT_EQ(paths, expected);

  auto responses =
      adapter_for(Api::kOpenAiResponses)
          .parse(R"({"model":"m","input":[{"role":"user","content":[)"
                 R"({"type":"input_image","image_url":"data:image/webp;base64,UklG"},)"
                 R"({"type":"input_text","text":"t"}]},)"
                 R"({"type":"reasoning","id":"rs","encrypted_content":"gAAAA","summary":[]}]})");
  ASSERT_TRUE(responses.ok()) << responses.error().message;
  EXPECT_EQ(responses->binary_payloads, 1u);
  ASSERT_EQ(responses->segments.size(), 1u);
  EXPECT_EQ(responses->segments[0].path, "/input/0/content/1/text");
}

TEST(Extraction, NonBinaryBase64SourceIsTextAndAnAttachment) {
  // Classified as text (with its decoded view) and inspected as an attachment as well.
  auto parsed =
      adapter_for(Api::kAnthropicMessages)
          .parse(
              R"({"model":"c","messages":[{"role":"user","content":[)"
              R"({"type":"document","source":{"type":"base64","media_type":"text/plain","data":"c2VjcmV0"}}]}]})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->binary_payloads, 0u);
  ASSERT_EQ(parsed->segments.size(), 1u);
  EXPECT_EQ(parsed->segments[0].path, "/messages/0/content/0/source/data");
  ASSERT_EQ(parsed->attachments.size(), 1u);
  EXPECT_EQ(parsed->attachments[0].pointer, "/messages/0/content/0");
  EXPECT_EQ(parsed->attachments[0].data_pointer, "/messages/0/content/0/source/data");
  EXPECT_EQ(parsed->attachments[0].declared_type, "text/plain");
}

TEST(Extraction, AttachmentsInEveryPlaceIncludingToolResults) {
  auto parsed =
      adapter_for(Api::kAnthropicMessages)
          .parse(
              R"({"model":"c","messages":[{"role":"user","content":[)"
              R"({"type":"tool_result","tool_use_id":"t","content":[)"
              R"({"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBO"}},)"
              R"({"type":"document","source":{"type":"url","url":"https://h.example/a.pdf"}}]},)"
              R"({"type":"document","title":"Notes","source":{"type":"text","media_type":"text/plain","data":"card 4539"}},)"
              R"({"type":"document","source":{"type":"content","content":[)"
              R"({"type":"image","source":{"type":"file","file_id":"file_1"}}]}}]}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  std::vector<std::pair<std::string, attachments::Source>> found;
  for (const auto& a : parsed->attachments) found.emplace_back(a.pointer, a.source);
  const std::vector<std::pair<std::string, attachments::Source>> expected = {
      {"/messages/0/content/0/content/0", attachments::Source::kInline},
      {"/messages/0/content/0/content/1", attachments::Source::kRemoteUrl},
      {"/messages/0/content/1", attachments::Source::kInlineText},
      {"/messages/0/content/2", attachments::Source::kContent},
      {"/messages/0/content/2/source/content/0", attachments::Source::kFileReference}};
  EXPECT_EQ(found, expected);
  // The text document and the URL (it may name an internal host) are still text segments.
  std::vector<std::string> paths;
  for (const auto& s : parsed->segments) paths.push_back(s.path);
  EXPECT_THAT(paths, ::testing::Contains("/messages/0/content/1/source/data"));
  EXPECT_THAT(paths, ::testing::Contains("/messages/0/content/0/content/1/source/url"));
  EXPECT_THAT(paths,
              ::testing::Not(::testing::Contains("/messages/0/content/0/content/0/source/data")));

  auto chat = adapter_for(Api::kOpenAiChat)
                  .parse(R"({"model":"m","messages":[{"role":"tool","tool_call_id":"c","content":[)"
                         R"({"type":"image_url","image_url":{"url":"https://h.example/x.png"}},)"
                         R"({"type":"file","file":{"file_id":"file-1"}}]}]})");
  ASSERT_TRUE(chat.ok()) << chat.error().message;
  ASSERT_EQ(chat->attachments.size(), 2u);
  EXPECT_EQ(chat->attachments[0].source, attachments::Source::kRemoteUrl);
  EXPECT_EQ(chat->attachments[1].source, attachments::Source::kFileReference);
}

TEST(Extraction, DeterministicDocumentOrderAndNoEmptyStrings) {
  std::string body =
      R"({"model":"m","messages":[{"role":"user","content":"b"},{"role":"user","content":""},)"
      R"({"role":"user","content":"a"}],"zeta":"z","alpha":"y"})";
  auto first = adapter_for(Api::kOpenAiChat).parse(body);
  auto second = adapter_for(Api::kOpenAiChat).parse(body);
  ASSERT_TRUE(first.ok() && second.ok());
  std::vector<std::string> texts;
  for (const auto& s : first->segments) texts.push_back(s.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"b", "a", "z", "y"}));
  ASSERT_EQ(first->segments.size(), second->segments.size());
  for (std::size_t i = 0; i < first->segments.size(); ++i) {
    EXPECT_EQ(first->segments[i].path, second->segments[i].path);
  }
}

TEST(Extraction, NumbersAndBoolsAreNotText) {
  auto parsed = adapter_for(Api::kOpenAiChat)
                    .parse(R"({"model":"m","messages":[],"temperature":0.2,"n":3,"stream":false,)"
                           R"("logit_bias":{"123":-100},"seed":null})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->segments.empty());
}

TEST(Extraction, RequestFields) {
  auto chat = adapter_for(Api::kOpenAiChat)
                  .parse(R"({"model":"gpt-4o","messages":[],"stream":true,)"
                         R"("stream_options":{"include_usage":true}})");
  ASSERT_TRUE(chat.ok());
  EXPECT_EQ(chat->model, "gpt-4o");
  EXPECT_TRUE(chat->stream);
  EXPECT_TRUE(chat->client_wants_usage);
  EXPECT_EQ(chat->api, Api::kOpenAiChat);

  auto plain = adapter_for(Api::kOpenAiChat).parse(R"({"model":"gpt-4o","messages":[]})");
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->stream);
  EXPECT_FALSE(plain->client_wants_usage);

  auto responses = adapter_for(Api::kOpenAiResponses)
                       .parse(R"({"model":"o","input":"x","previous_response_id":"resp_123",)"
                              R"("stream":true})");
  ASSERT_TRUE(responses.ok());
  ASSERT_TRUE(responses->previous_response_id.has_value());
  EXPECT_EQ(*responses->previous_response_id, "resp_123");
  EXPECT_TRUE(responses->stream);
  for (const auto& s : responses->segments) EXPECT_NE(s.path, "/previous_response_id");

  auto messages = adapter_for(Api::kAnthropicMessages)
                      .parse(R"({"model":"claude","max_tokens":10,"stream":true,"messages":[]})");
  ASSERT_TRUE(messages.ok());
  EXPECT_TRUE(messages->stream);
  EXPECT_EQ(messages->model, "claude");
  EXPECT_EQ(messages->raw_body,
            R"({"model":"claude","max_tokens":10,"stream":true,"messages":[]})");
}

TEST(Extraction, AdapterForEachApi) {
  for (Api api : {Api::kOpenAiChat, Api::kOpenAiCompletions, Api::kOpenAiEmbeddings,
                  Api::kOpenAiResponses, Api::kAnthropicMessages, Api::kAnthropicCountTokens}) {
    EXPECT_EQ(adapter_for(api).api(), api);
  }
}

TEST(Extraction, BinaryDataUrlDetection) {
  EXPECT_TRUE(is_binary_data_url("data:image/png;base64,AAAA"));
  EXPECT_TRUE(is_binary_data_url("DATA:Image/PNG;BASE64,AAAA"));
  EXPECT_TRUE(is_binary_data_url("data:application/pdf;base64,AAAA"));
  EXPECT_FALSE(is_binary_data_url("data:text/plain;base64,AAAA"));
  EXPECT_FALSE(is_binary_data_url("data:image/png,AAAA"));
  EXPECT_FALSE(is_binary_data_url("https://example.com/image.png"));
  EXPECT_FALSE(is_binary_data_url("data:image/png;base64"));
}

}  // namespace
}  // namespace switchyard::adapters
