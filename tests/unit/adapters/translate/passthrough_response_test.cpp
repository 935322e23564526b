// Same-dialect response path: bytes forwarded unchanged at any split, usage and response id read,
// the proxy-requested usage chunk dropped, upstream errors normalized, cut-off streams ended with
// an error event in the client's format.
#include "adapters/translate/passthrough_response.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "adapters/response_translator.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

ParsedRequest request_for(Api api, bool stream = true) {
  ParsedRequest r;
  r.api = api;
  r.stream = stream;
  r.model = "m";
  return r;
}

struct Outcome {
  std::string out;
  Usage usage;
  std::optional<std::string> id;
  std::string content_type;
  int status = 0;
};

Outcome run(Api api, const UpstreamResponseInfo& info, std::string_view body,
            bool proxy_added_usage, std::vector<std::size_t> splits = {}, bool complete = true) {
  auto translator =
      make_response_translator(request_for(api, info.event_stream), info, proxy_added_usage);
  Outcome r;
  std::size_t at = 0;
  for (std::size_t split : splits) {
    translator->feed(body.substr(at, split - at), r.out);
    at = split;
  }
  translator->feed(body.substr(at), r.out);
  translator->finish(complete, r.out);
  r.usage = translator->usage();
  r.id = translator->response_id();
  r.content_type = translator->content_type();
  r.status = translator->status();
  return r;
}

UpstreamResponseInfo sse(Dialect dialect) { return {200, true, dialect}; }
UpstreamResponseInfo plain(Dialect dialect, int status = 200) { return {status, false, dialect}; }

const std::string kChatStream =
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
    "\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"}}],\"usage\":null}\n\n"
    ": keep-alive\n\n"
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
    "\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
    "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}\n\n"
    "data: [DONE]\n\n";

const std::string kAnthropicStream =
    "event: message_start\r\n"
    "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
    "\"role\":\"assistant\",\"content\":[],\"usage\":{\"input_tokens\":25,"
    "\"cache_read_input_tokens\":5,\"output_tokens\":1}}}\r\n\r\n"
    "event: content_block_start\r\n"
    "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\","
    "\"text\":\"\"}}\r\n\r\n"
    "event: ping\r\ndata: {\"type\": \"ping\"}\r\n\r\n"
    "event: content_block_delta\r\n"
    "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
    "\"text\":\"Hello\"}}\r\n\r\n"
    "event: content_block_stop\r\ndata: {\"type\":\"content_block_stop\",\"index\":0}\r\n\r\n"
    "event: message_delta\r\n"
    "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
    "\"usage\":{\"output_tokens\":15}}\r\n\r\n"
    "event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n";

const std::string kResponsesStream =
    "event: response.created\n"
    "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_abc\","
    "\"status\":\"in_progress\",\"usage\":null}}\n\n"
    "event: response.output_text.delta\n"
    "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":1,\"delta\":\"Hi\"}\n\n"
    "event: response.completed\n"
    "data: "
    "{\"type\":\"response.completed\",\"sequence_number\":2,\"response\":{\"id\":\"resp_abc\","
    "\"status\":\"completed\",\"usage\":{\"input_tokens\":9,\"output_tokens\":4,"
    "\"total_tokens\":13}}}\n\n";

TEST(Passthrough, ChatStreamUnchangedAtEverySplit) {
  for (std::size_t i = 0; i <= kChatStream.size(); ++i) {
    Outcome r = run(Api::kOpenAiChat, sse(Dialect::kOpenAi), kChatStream, false, {i});
    ASSERT_EQ(r.out, kChatStream) << "split at " << i;
    EXPECT_EQ(r.usage.input_tokens, 12);
    EXPECT_EQ(r.usage.output_tokens, 3);
  }
  Outcome r = run(Api::kOpenAiChat, sse(Dialect::kOpenAi), kChatStream, false);
  EXPECT_EQ(r.content_type, "text/event-stream");
  EXPECT_EQ(r.status, 200);
}

TEST(Passthrough, CompleteEventsForwardedAsTheyArrive) {
  auto translator =
      make_response_translator(request_for(Api::kOpenAiChat), sse(Dialect::kOpenAi), false);
  std::string out;
  translator->feed("data: {\"a\":1}\n\nda", out);
  EXPECT_EQ(out, "data: {\"a\":1}\n\n");
  translator->feed("ta: {\"b\":2}\n", out);
  EXPECT_EQ(out, "data: {\"a\":1}\n\n");
  translator->feed("\n", out);
  EXPECT_EQ(out, "data: {\"a\":1}\n\ndata: {\"b\":2}\n\n");
}

TEST(Passthrough, ProxyAddedUsageChunkDroppedAtEverySplit) {
  std::string expected = kChatStream;
  std::size_t begin =
      expected.find("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],");
  std::size_t end = expected.find("data: [DONE]");
  expected.erase(begin, end - begin);
  for (std::size_t i = 0; i <= kChatStream.size(); i += 3) {
    for (std::size_t j = i; j <= kChatStream.size(); j += 17) {
      Outcome r = run(Api::kOpenAiChat, sse(Dialect::kOpenAi), kChatStream, true, {i, j});
      ASSERT_EQ(r.out, expected) << "split at " << i << "," << j;
      EXPECT_EQ(r.usage.input_tokens, 12);
      EXPECT_EQ(r.usage.output_tokens, 3);
    }
  }
}

TEST(Passthrough, UsageInLastContentChunkIsKept) {
  std::string stream =
      "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}],"
      "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":1}}\n\ndata: [DONE]\n\n";
  Outcome r = run(Api::kOpenAiChat, sse(Dialect::kOpenAi), stream, true);
  EXPECT_EQ(r.out, stream);
  EXPECT_EQ(r.usage.input_tokens, 4);
}

TEST(Passthrough, AnthropicStreamUsageAtEverySplit) {
  for (std::size_t i = 0; i <= kAnthropicStream.size(); ++i) {
    Outcome r =
        run(Api::kAnthropicMessages, sse(Dialect::kAnthropic), kAnthropicStream, false, {i});
    ASSERT_EQ(r.out, kAnthropicStream) << "split at " << i;
    EXPECT_EQ(r.usage.input_tokens, 30);
    EXPECT_EQ(r.usage.output_tokens, 15);
  }
}

TEST(Passthrough, ResponsesStreamIdAndUsage) {
  for (std::size_t i = 0; i <= kResponsesStream.size(); i += 5) {
    Outcome r = run(Api::kOpenAiResponses, sse(Dialect::kOpenAi), kResponsesStream, false, {i});
    ASSERT_EQ(r.out, kResponsesStream);
    ASSERT_TRUE(r.id.has_value());
    EXPECT_EQ(*r.id, "resp_abc");
    EXPECT_EQ(r.usage.input_tokens, 9);
    EXPECT_EQ(r.usage.output_tokens, 4);
  }
}

TEST(Passthrough, NonStreamBodiesUsageAndId) {
  std::string chat =
      R"({"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":)"
      R"({"role":"assistant","content":"hi"},"finish_reason":"stop"}],)"
      R"("usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}})";
  Outcome r = run(Api::kOpenAiChat, plain(Dialect::kOpenAi), chat, false, {10, 50});
  EXPECT_EQ(r.out, chat);
  EXPECT_EQ(r.usage.input_tokens, 7);
  EXPECT_EQ(r.usage.output_tokens, 2);
  EXPECT_FALSE(r.id.has_value());
  EXPECT_EQ(r.content_type, "application/json");

  std::string responses =
      R"({"id":"resp_9","object":"response","usage":{"input_tokens":3,"output_tokens":8}})";
  r = run(Api::kOpenAiResponses, plain(Dialect::kOpenAi), responses, false);
  ASSERT_TRUE(r.id.has_value());
  EXPECT_EQ(*r.id, "resp_9");
  EXPECT_EQ(r.usage.output_tokens, 8);

  std::string message = R"({"id":"msg_1","type":"message","content":[],"usage":{"input_tokens":10,)"
                        R"("cache_creation_input_tokens":2,"output_tokens":6}})";
  r = run(Api::kAnthropicMessages, plain(Dialect::kAnthropic), message, false);
  EXPECT_EQ(r.usage.input_tokens, 12);
  EXPECT_EQ(r.usage.output_tokens, 6);

  r = run(Api::kAnthropicCountTokens, plain(Dialect::kAnthropic), R"({"input_tokens":42})", false);
  EXPECT_EQ(r.usage.input_tokens, 42);
  EXPECT_EQ(r.usage.output_tokens, -1);

  r = run(Api::kOpenAiEmbeddings, plain(Dialect::kOpenAi),
          R"({"object":"list","data":[],"usage":{"prompt_tokens":5,"total_tokens":5}})", false);
  EXPECT_EQ(r.usage.input_tokens, 5);
  EXPECT_EQ(r.usage.output_tokens, -1);
}

// The document-free usage reader against the DOM reading it replaced (json::parse, then
// read_usage_fields): the same counts, or both rejecting the text.
TEST(Passthrough, UsageReaderAgreesWithTheDocument) {
  const std::vector<std::string> texts = {
      R"({"prompt_tokens":231,"completion_tokens":21,"total_tokens":252})",
      R"({"input_tokens":10,"output_tokens":5,"cache_creation_input_tokens":3,"cache_read_input_tokens":4})",
      R"({"input_tokens":10,"cache_creation_input_tokens":null,"cache_read_input_tokens":"7"})",
      R"({"prompt_tokens":12.9,"completion_tokens":1e2})",
      R"({"prompt_tokens":-3,"completion_tokens":18446744073709551615})",
      R"({"prompt_tokens":1,"prompt_tokens":2,"output_tokens":4,"output_tokens":"x"})",
      R"({"prompt_tokens":{"input_tokens":99},"completion_tokens":[1,2],"output_tokens":true})",
      R"({"prompt_tokens_details":{"cached_tokens":0,"prompt_tokens":77},"prompt_tokens":5})",
      R"({"prompt\u005ftokens":8,"output\u005Ftokens":9})",
      R"({ "prompt_tokens" : 7 , "completion_tokens" : 2 } )",
      R"({"service_tier":"standard","server_tool_use":{"web_search_requests":0},"input_tokens":3})",
      R"({"input_tokens":99999999999999999999999,"output_tokens":0})",
      R"({})",
      R"([{"prompt_tokens":1}])",
      R"("prompt_tokens")",
      R"(12)",
      R"({"prompt_tokens":1,})",
      R"({"prompt_tokens":1}x)",
      R"({"prompt_tokens":01})",
      R"({"prompt_tokens":1 /* c */})",
      "{\"prompt_tokens\":1,\"s\":\"\xff\"}",
      R"({"prompt_tokens":1,"s":"\ud800"})",
      R"({"prompt_tokens":1)",
      "",
  };
  for (const std::string& text : texts) {
    Usage dom;
    json::error_code ec;
    const json::value value = json::parse(text, ec);
    const bool dom_read = !ec && value.is_object();
    if (dom_read) read_usage_fields(value.get_object(), dom);
    Usage direct;
    EXPECT_EQ(read_usage_json(text, direct), dom_read) << text;
    EXPECT_EQ(direct.input_tokens, dom.input_tokens) << text;
    EXPECT_EQ(direct.output_tokens, dom.output_tokens) << text;
  }
}

TEST(Passthrough, NoUsageReportedStaysUnknown) {
  Outcome r = run(Api::kOpenAiChat, plain(Dialect::kOpenAi), "not json at all", false);
  EXPECT_EQ(r.out, "not json at all");
  EXPECT_EQ(r.usage.input_tokens, -1);
  EXPECT_EQ(r.usage.output_tokens, -1);
}

TEST(Passthrough, UpstreamErrorsNormalizedForOpenAiClients) {
  Outcome r = run(
      Api::kOpenAiChat, plain(Dialect::kOpenAi, 400),
      R"({"object":"error","message":"bad max_tokens","type":"BadRequestError","param":null,"code":400})",
      false, {7});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.content_type, "application/json");
  json::value v = json::parse(r.out);
  EXPECT_EQ(v.at("error").at("message"), "bad max_tokens");
  EXPECT_EQ(v.at("error").at("type"), "BadRequestError");
  EXPECT_TRUE(v.at("error").at("param").is_null());

  r = run(Api::kOpenAiChat, {503, true, Dialect::kOpenAi}, "<html>Service Unavailable</html>",
          false);
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.content_type, "application/json");
  v = json::parse(r.out);
  EXPECT_EQ(v.at("error").at("message"), "upstream returned HTTP 503");
  EXPECT_EQ(v.at("error").at("type"), "server_error");
}

TEST(Passthrough, UpstreamErrorsNormalizedForAnthropicClients) {
  Outcome r =
      run(Api::kAnthropicMessages, plain(Dialect::kAnthropic, 529),
          R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})", false);
  EXPECT_EQ(r.status, 529);
  EXPECT_EQ(json::parse(r.out),
            json::parse(
                R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"));
  r = run(Api::kAnthropicMessages, plain(Dialect::kAnthropic, 413), "too big", false);
  EXPECT_EQ(json::parse(r.out).at("error").at("type"), "request_too_large");
}

TEST(Passthrough, CutOffStreamsEndWithAnErrorEvent) {
  std::string partial = kChatStream.substr(0, kChatStream.find(": keep-alive") + 5);
  Outcome r = run(Api::kOpenAiChat, sse(Dialect::kOpenAi), partial, false, {}, false);
  std::string first_event = kChatStream.substr(0, kChatStream.find(": keep-alive"));
  ASSERT_EQ(r.out.substr(0, first_event.size()), first_event);
  std::string tail = r.out.substr(first_event.size());
  ASSERT_EQ(tail.rfind("data: ", 0), 0u) << tail;
  json::value v = json::parse(tail.substr(6, tail.size() - 8));
  EXPECT_EQ(v.at("error").at("code"), "upstream_stream_incomplete");

  std::string anthropic_partial =
      kAnthropicStream.substr(0, kAnthropicStream.find("event: ping") + 3);
  r = run(Api::kAnthropicMessages, sse(Dialect::kAnthropic), anthropic_partial, false, {}, false);
  std::size_t error_at = r.out.find("event: error\ndata: ");
  ASSERT_NE(error_at, std::string::npos);
  EXPECT_EQ(r.out.substr(0, error_at),
            kAnthropicStream.substr(0, kAnthropicStream.find("event: ping")));
  v = json::parse(r.out.substr(error_at + 19));
  EXPECT_EQ(v.at("type"), "error");
  EXPECT_EQ(v.at("error").at("type"), "api_error");

  std::string responses_partial =
      kResponsesStream.substr(0, kResponsesStream.find("event: response.completed"));
  r = run(Api::kOpenAiResponses, sse(Dialect::kOpenAi), responses_partial, false, {}, false);
  error_at = r.out.find("event: error\ndata: ");
  ASSERT_NE(error_at, std::string::npos);
  v = json::parse(r.out.substr(error_at + 19));
  EXPECT_EQ(v.at("sequence_number"), 2);
  EXPECT_EQ(v.at("type"), "error");
}

TEST(Passthrough, LastEventWithoutBlankLineForwardedOnCompleteFinish) {
  std::string stream = "data: {\"a\":1}\n\ndata: [DONE]";
  Outcome r = run(Api::kOpenAiChat, sse(Dialect::kOpenAi), stream, true);
  EXPECT_EQ(r.out, stream);
}

TEST(Passthrough, HugeEventPassedOnUninspected) {
  std::string big = "data: {\"x\":\"" + std::string(kMaxInspectedEventBytes + 10, 'a') + "\"}\n\n";
  std::string stream = big + "data: [DONE]\n\n";
  Outcome r = run(Api::kOpenAiChat, sse(Dialect::kOpenAi), stream, true, {100, 600000});
  EXPECT_EQ(r.out, stream);
}

TEST(Passthrough, CrOnlyAndMixedLineEnds) {
  std::string stream =
      "data: {\"a\":1}\r\rdata: {\"b\":2}\n\r\ndata: "
      "{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}\r\n\n"
      "data: [DONE]\r\r";
  std::string expected = "data: {\"a\":1}\r\rdata: {\"b\":2}\n\r\ndata: [DONE]\r\r";
  for (std::size_t i = 0; i <= stream.size(); ++i) {
    Outcome r = run(Api::kOpenAiChat, sse(Dialect::kOpenAi), stream, true, {i});
    ASSERT_EQ(r.out, expected) << i;
    EXPECT_EQ(r.usage.input_tokens, 1);
  }
}

}  // namespace
}  // namespace switchyard::adapters
