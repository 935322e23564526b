// Cross-API translation behaviour the golden files do not show well: round trips through both
// directions, limits, an upstream that answers in the wrong shape, status and Content-Type choices,
// and redaction failing closed.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "adapters/sse_parser.h"
#include "adapters/translate/translate_request.h"
#include "adapters/translate/translate_response.h"
#include "adapters/translate/translation.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

ParsedRequest make_request(Api api, std::string_view body) {
  ParsedRequest request;
  request.api = api;
  request.body = json::parse(body);
  if (const auto* model = request.body.as_object().if_contains("model")) {
    request.model = model->as_string();
  }
  if (const auto* stream = request.body.as_object().if_contains("stream")) {
    request.stream = stream->as_bool();
  }
  return request;
}

json::value translate(Api api, std::string_view body, Dialect target) {
  RewriteOptions options;
  options.target = target;
  auto result = translate_request(make_request(api, body), options);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? json::parse(*result) : json::value();
}

TEST(TranslateRoundTrip, AnthropicThroughOpenAiComesBackTheSame) {
  const std::string_view original = R"({
    "model":"claude-sonnet-4-5","max_tokens":700,"system":"Be brief.",
    "messages":[
      {"role":"user","content":"Weather in Paris?"},
      {"role":"assistant","content":[{"type":"text","text":"Checking."},
        {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris","days":[1,2]}}]},
      {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
        {"type":"text","text":"And tomorrow?"}]},
      {"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}},
        {"type":"image","source":{"type":"url","url":"https://example.com/a.png"}},{"type":"text","text":"this?"}]}],
    "stop_sequences":["END"],"temperature":0.5,"top_p":0.25,"metadata":{"user_id":"u-1"},
    "tools":[{"name":"get_weather","description":"Weather","input_schema":{"type":"object"}}],
    "tool_choice":{"type":"any"},"stream":true})";
  const json::value openai = translate(Api::kAnthropicMessages, original, Dialect::kOpenAi);
  const json::value back =
      translate(Api::kOpenAiChat, json::serialize(openai), Dialect::kAnthropic);
  json::value expected = json::parse(original);
  EXPECT_EQ(back.at("messages"), expected.at("messages"));
  for (std::string_view key : {"model", "max_tokens", "system", "stop_sequences", "temperature",
                               "top_p", "metadata", "tools", "tool_choice", "stream"}) {
    EXPECT_EQ(back.at(key), expected.at(key)) << key;
  }
  EXPECT_EQ(back.as_object().size(), expected.as_object().size());
}

TEST(TranslateRoundTrip, OpenAiThroughAnthropicComesBackTheSame) {
  const std::string_view original = R"({
    "model":"gpt-4o",
    "messages":[
      {"role":"system","content":"Be brief."},
      {"role":"user","content":"Weather in Paris?"},
      {"role":"assistant","content":"Checking.","tool_calls":[{"id":"call_1","type":"function",
        "function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
      {"role":"tool","tool_call_id":"call_1","content":"18C"},
      {"role":"user","content":[{"type":"text","text":"Look:"},
        {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}],
    "max_tokens":300,"stop":["END"],"temperature":0.5,"top_p":0.25,"user":"u-1",
    "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
      "parameters":{"type":"object"}}}],
    "tool_choice":"required"})";
  const json::value anthropic = translate(Api::kOpenAiChat, original, Dialect::kAnthropic);
  const json::value back =
      translate(Api::kAnthropicMessages, json::serialize(anthropic), Dialect::kOpenAi);
  const json::value expected = json::parse(original);
  EXPECT_EQ(back.at("messages"), expected.at("messages"));
  for (std::string_view key :
       {"model", "max_tokens", "stop", "temperature", "top_p", "user", "tools", "tool_choice"}) {
    EXPECT_EQ(back.at(key), expected.at(key)) << key;
  }
}

TEST(TranslateRequest, ModelOverrideWins) {
  RewriteOptions options;
  options.target = Dialect::kOpenAi;
  options.model = "llama3.1:8b";
  auto result = translate_request(
      make_request(
          Api::kAnthropicMessages,
          R"({"model":"claude-x","max_tokens":5,"messages":[{"role":"user","content":"hi"}]})"),
      options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(json::parse(*result).at("model"), "llama3.1:8b");
}

TEST(TranslateRequest, DefaultMaxTokensWhenOpenAiClientOmitsIt) {
  const json::value out = translate(
      Api::kOpenAiChat, R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})",
      Dialect::kAnthropic);
  EXPECT_EQ(out.at("max_tokens").as_int64(), kDefaultAnthropicMaxTokens);
}

TEST(TranslateRequest, NullFieldsCountAsAbsent) {
  const json::value out = translate(Api::kOpenAiChat, R"({"model":"gpt-4o","seed":null,"n":null,
      "tools":null,"tool_choice":null,"stop":null,"messages":[{"role":"user","content":"hi"}]})",
                                    Dialect::kAnthropic);
  EXPECT_FALSE(out.as_object().contains("tools"));
  EXPECT_FALSE(out.as_object().contains("stop_sequences"));
}

TEST(TranslateRequest, UnknownTopLevelFieldIsNamed) {
  RewriteOptions options;
  options.target = Dialect::kAnthropic;
  auto result = translate_request(
      make_request(Api::kOpenAiChat,
                   R"({"model":"m","prediction":{"type":"content","content":"x"},"messages":[]})"),
      options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().status, 400);
  EXPECT_EQ(result.error().param, "prediction");
  EXPECT_NE(result.error().message.find("'prediction'"), std::string::npos);
}

TEST(TranslateRequest, CountTokensToOpenAiIsRefusedClearly) {
  RewriteOptions options;
  options.target = Dialect::kOpenAi;
  auto result = translate_request(
      make_request(Api::kAnthropicCountTokens,
                   R"({"model":"m","messages":[{"role":"user","content":"hi"}]})"),
      options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().status, 400);
  EXPECT_EQ(result.error().code, "count_tokens_unsupported");
  EXPECT_NE(result.error().message.find("count_tokens"), std::string::npos);
}

TEST(TranslateRequest, RedactionThatDoesNotMatchTheBodyFailsClosed) {
  ParsedRequest request = make_request(
      Api::kOpenAiChat, R"({"model":"m","messages":[{"role":"user","content":"card 4242"}]})");
  request.segments.push_back(TextSegment{"/messages/0/content", "something else"});
  RewriteOptions options;
  options.target = Dialect::kAnthropic;
  options.redactions.push_back(Redaction{0, 0, 4, "credit_card"});
  auto result = translate_request(request, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().status, 500);
}

struct Output {
  std::string body;
  int status;
  std::string content_type;
};

Output run(const ParsedRequest& request, UpstreamResponseInfo upstream, std::string_view input,
           bool complete = true, std::size_t max_event_bytes = 1 << 20) {
  TranslateResponseOptions options;
  options.created = 42;
  options.max_event_bytes = max_event_bytes;
  auto translator = make_translating_response_translator(request, upstream, options);
  Output out;
  translator->feed(input, out.body);
  translator->finish(complete, out.body);
  out.status = translator->status();
  out.content_type = translator->content_type();
  return out;
}

const ParsedRequest& anthropic_stream_request() {
  static const ParsedRequest request = make_request(
      Api::kAnthropicMessages,
      R"({"model":"claude-x","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"hi"}]})");
  return request;
}

TEST(TranslateResponse, OversizedUpstreamEventEndsTheStreamWithAnError) {
  UpstreamResponseInfo upstream{200, true, Dialect::kOpenAi};
  const std::string input =
      "data: {\"choices\":[{\"delta\":{\"content\":\"" + std::string(5000, 'Z') + "\"}}]}\n\n";
  const Output out = run(anthropic_stream_request(), upstream, input, true, 1024);
  EXPECT_EQ(out.status, 200);
  EXPECT_NE(out.body.find("event: error\ndata: {\"type\":\"error\""), std::string::npos);
  EXPECT_EQ(out.body.find("ZZZ"), std::string::npos) << "nothing of the event is sent";
}

TEST(TranslateResponse, WholeBodyForAStreamRequestIsReportedInTheStream) {
  UpstreamResponseInfo upstream{200, false, Dialect::kOpenAi};
  const Output out = run(anthropic_stream_request(), upstream, R"({"choices":[]})");
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.content_type, "text/event-stream");
  EXPECT_TRUE(out.body.starts_with("event: error\n")) << out.body;
}

TEST(TranslateResponse, StreamForAWholeBodyRequestIsA502) {
  const ParsedRequest request = make_request(
      Api::kOpenAiChat, R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})");
  UpstreamResponseInfo upstream{200, true, Dialect::kAnthropic};
  const Output out = run(request, upstream, "event: ping\ndata: {\"type\":\"ping\"}\n\n");
  EXPECT_EQ(out.status, 502);
  EXPECT_EQ(out.content_type, "application/json");
  EXPECT_EQ(json::parse(out.body).at("error").at("type"), "server_error");
}

TEST(TranslateResponse, UpstreamErrorOnAStreamRequestIsJsonWithTheMappedStatus) {
  UpstreamResponseInfo upstream{503, false, Dialect::kOpenAi};
  const Output out =
      run(anthropic_stream_request(), upstream, R"({"error":{"message":"busy","type":"x"}})");
  EXPECT_EQ(out.status, 503);
  EXPECT_EQ(out.content_type, "application/json");
  const json::value body = json::parse(out.body);
  EXPECT_EQ(body.at("type"), "error");
  EXPECT_EQ(body.at("error").at("type"), "overloaded_error");
  EXPECT_EQ(body.at("error").at("message"), "busy");
}

TEST(TranslateResponse, CutWholeBodyIsA502InTheClientFormat) {
  const ParsedRequest request = make_request(
      Api::kOpenAiChat, R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})");
  UpstreamResponseInfo upstream{200, false, Dialect::kAnthropic};
  const Output out = run(request, upstream, R"({"id":"msg_1","content":[{"ty)", false);
  EXPECT_EQ(out.status, 502);
  EXPECT_TRUE(json::parse(out.body).as_object().contains("error"));
}

TEST(TranslateResponse, DoneWithoutFinishReasonStillEndsTheMessage) {
  UpstreamResponseInfo upstream{200, true, Dialect::kOpenAi};
  const Output out = run(anthropic_stream_request(), upstream,
                         "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                         "\"hi\"}}]}\n\ndata: [DONE]\n\n");
  EXPECT_NE(out.body.find("\"stop_reason\":\"end_turn\""), std::string::npos);
  EXPECT_TRUE(out.body.ends_with("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
  // No model in the chunks: the requested one is reported.
  EXPECT_NE(out.body.find("\"model\":\"claude-x\""), std::string::npos);
}

TEST(TranslateResponse, NothingAfterTheEnd) {
  UpstreamResponseInfo upstream{200, true, Dialect::kAnthropic};
  const ParsedRequest request = make_request(
      Api::kOpenAiChat,
      R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]})");
  const Output out =
      run(request, upstream,
          "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
          "\"model\":\"c\",\"usage\":{\"input_tokens\":1}}}\n\n"
          "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
          "\"end_turn\"},\"usage\":{\"output_tokens\":1}}\n\n"
          "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
          "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          "\"delta\":{\"type\":\"text_delta\",\"text\":\"late\"}}\n\n");
  EXPECT_TRUE(out.body.ends_with("data: [DONE]\n\n"));
  EXPECT_EQ(out.body.find("late"), std::string::npos);
}

}  // namespace
}  // namespace switchyard::adapters
