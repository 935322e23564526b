// Request validation: strict JSON (duplicate keys, invalid UTF-8, depth), wrong types and token-id
// inputs give 400s naming the field, in the client's error format.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "adapters/adapter.h"
#include "adapters/strict_json.h"

namespace switchyard::adapters {
namespace {

ApiError parse_error(Api api, std::string_view body) {
  auto parsed = adapter_for(api).parse(body);
  EXPECT_FALSE(parsed.ok()) << body;
  if (parsed.ok()) return {};
  EXPECT_EQ(parsed.error().status, 400);
  EXPECT_EQ(parsed.error().type, "invalid_request_error");
  return parsed.error();
}

TEST(StrictJson, DuplicateKeysRejected) {
  for (std::string_view body : {
           R"({"model":"a","model":"b","messages":[]})",
           R"({"model":"a","messages":[{"role":"user","content":"x","content":"y"}]})",
           R"({"model":"a","messages":[],"x":{"k":1,"j":2,"k":3}})",
           // An escape spelling the same key is still the same key.
           R"({"model":"a","mod\u0065l":"b","messages":[]})",
           // Escaped and plain keys mixed, with a nested object closing in between.
           R"({"model":"a","messages":[],"x":{"\u0062":1,"c":{"\u0064":1,"d":2},"e":3}})",
           R"({"model":"a","messages":[],"x":{"\u0062":1,"c":{"\u0064":1},"b":2}})",
       }) {
    ApiError error = parse_error(Api::kOpenAiChat, body);
    EXPECT_NE(error.message.find("duplicate"), std::string::npos) << body;
  }
  ApiError error = parse_error(Api::kOpenAiChat, R"({"model":"a","model":"b","messages":[]})");
  EXPECT_EQ(error.param, "model");
}

TEST(StrictJson, DuplicateKeysInLargeObject) {
  std::string body = R"({"model":"a","messages":[],"x":{)";
  for (int i = 0; i < 200; ++i) body += "\"k" + std::to_string(i) + "\":1,";
  body += R"("k117":2}})";
  parse_error(Api::kOpenAiChat, body);
  // Same keys in sibling objects are fine.
  auto ok = adapter_for(Api::kOpenAiChat)
                .parse(R"({"model":"a","messages":[{"role":"user","content":"x"},)"
                       R"({"role":"user","content":"y"}]})");
  EXPECT_TRUE(ok.ok());
}

TEST(StrictJson, DuplicateKeyNotEchoedWhenItLooksLikeContent) {
  ApiError error =
      parse_error(Api::kOpenAiChat,
                  R"({"model":"a","messages":[],"m":{"my secret 1234":1,"my secret 1234":2}})");
  EXPECT_EQ(error.message.find("secret"), std::string::npos);
}

TEST(StrictJson, InvalidUtf8Rejected) {
  std::string body =
      "{\"model\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"x\xC3\x28\"}]}";
  ApiError error = parse_error(Api::kOpenAiChat, body);
  EXPECT_NE(error.message.find("UTF-8"), std::string::npos);
  std::string overlong = "{\"model\":\"a\xC0\xAF\",\"messages\":[]}";
  parse_error(Api::kOpenAiChat, overlong);
}

TEST(StrictJson, LoneSurrogateEscapeRejected) {
  parse_error(Api::kOpenAiChat, R"({"model":"a","messages":[],"x":"\ud800"})");
}

TEST(StrictJson, MalformedAndNonStandardJsonRejected) {
  for (std::string_view body : {"", "{", R"({"model":"a",})", R"({"model":'a'})",
                                R"({"model":"a"} x)", "{\"model\":\"a\" /* c */}", "nul"}) {
    ApiError error = parse_error(Api::kOpenAiChat, body);
    EXPECT_EQ(error.code, "invalid_json") << body;
  }
}

TEST(StrictJson, DepthLimited) {
  std::string deep = R"({"model":"a","messages":[],"x":)";
  for (int i = 0; i < 100; ++i) deep += "[";
  for (int i = 0; i < 100; ++i) deep += "]";
  deep += "}";
  ApiError error = parse_error(Api::kOpenAiChat, deep);
  EXPECT_NE(error.message.find("deeper"), std::string::npos);
}

TEST(StrictJson, Utf8Validator) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
}

TEST(Validation, BodyMustBeObject) {
  for (std::string_view body : {"[]", "\"x\"", "12", "null"}) {
    ApiError error = parse_error(Api::kAnthropicMessages, body);
    EXPECT_NE(error.message.find("must be a JSON object"), std::string::npos) << body;
  }
}

TEST(Validation, ModelRequiredString) {
  EXPECT_EQ(parse_error(Api::kOpenAiChat, R"({"messages":[]})").param, "model");
  EXPECT_EQ(parse_error(Api::kOpenAiChat, R"({"messages":[]})").code, "missing_required_parameter");
  EXPECT_EQ(parse_error(Api::kOpenAiEmbeddings, R"({"model":5,"input":"x"})").param, "model");
  EXPECT_EQ(parse_error(Api::kAnthropicMessages, R"({"model":["c"],"messages":[]})").code,
            "invalid_type");
  EXPECT_EQ(parse_error(Api::kOpenAiResponses, R"({"model":"","input":"x"})").param, "model");
}

TEST(Validation, WrongTypesNameTheField) {
  struct Case {
    Api api;
    std::string_view body;
    std::string_view param;
  };
  const Case cases[] = {
      {Api::kOpenAiChat, R"({"model":"m"})", "messages"},
      {Api::kOpenAiChat, R"({"model":"m","messages":{}})", "messages"},
      {Api::kOpenAiChat, R"({"model":"m","messages":["hi"]})", "messages[0]"},
      {Api::kOpenAiChat, R"({"model":"m","messages":[{"content":"x"}]})", "messages[0].role"},
      {Api::kOpenAiChat, R"({"model":"m","messages":[{"role":"user","content":42}]})",
       "messages[0].content"},
      {Api::kOpenAiChat, R"({"model":"m","messages":[{"role":"user","content":[1]}]})",
       "messages[0].content[0]"},
      {Api::kOpenAiChat,
       R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":7}]}]})",
       "messages[0].content[0].text"},
      {Api::kOpenAiChat,
       R"({"model":"m","messages":[{"role":"assistant","tool_calls":[{"function":{"arguments":{"a":1}}}]}]})",
       "messages[0].tool_calls[0].function.arguments"},
      {Api::kOpenAiChat, R"({"model":"m","messages":[],"stream":"yes"})", "stream"},
      {Api::kOpenAiChat, R"({"model":"m","messages":[],"stream_options":true})", "stream_options"},
      {Api::kOpenAiChat, R"({"model":"m","messages":[],"stream_options":{"include_usage":1}})",
       "stream_options.include_usage"},
      {Api::kOpenAiCompletions, R"({"model":"m","prompt":{"a":"b"}})", "prompt"},
      {Api::kOpenAiCompletions, R"({"model":"m","prompt":["a",{"b":1}]})", "prompt[1]"},
      {Api::kOpenAiEmbeddings, R"({"model":"m"})", "input"},
      {Api::kOpenAiResponses, R"({"model":"m","input":5})", "input"},
      {Api::kOpenAiResponses, R"({"model":"m","input":["x"]})", "input[0]"},
      {Api::kOpenAiResponses, R"({"model":"m","instructions":["x"]})", "instructions"},
      {Api::kOpenAiResponses, R"({"model":"m","previous_response_id":1})", "previous_response_id"},
      {Api::kAnthropicMessages, R"({"model":"c","messages":[{"role":"user","content":5}]})",
       "messages[0].content"},
      {Api::kAnthropicMessages, R"({"model":"c","messages":[{"role":"user"}]})",
       "messages[0].content"},
      {Api::kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"user","content":[{"text":"x"}]}]})",
       "messages[0].content[0].type"},
      {Api::kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"user","content":[{"type":"tool_use","input":"x"}]}]})",
       "messages[0].content[0].input"},
      {Api::kAnthropicMessages,
       R"({"model":"c","messages":[{"role":"user","content":[{"type":"tool_result","content":3}]}]})",
       "messages[0].content[0].content"},
      {Api::kAnthropicMessages, R"({"model":"c","messages":[],"system":7})", "system"},
      {Api::kAnthropicMessages, R"({"model":"c","messages":[],"max_tokens":"10"})", "max_tokens"},
      {Api::kAnthropicCountTokens, R"({"model":"c"})", "messages"},
  };
  for (const Case& c : cases) {
    ApiError error = parse_error(c.api, c.body);
    EXPECT_EQ(error.param, c.param) << c.body << " -> " << error.message;
    EXPECT_NE(error.message.find(c.param), std::string::npos) << error.message;
  }
}

TEST(Validation, TokenArraysAreUnclassifiable) {
  struct Case {
    Api api;
    std::string_view body;
    std::string_view param;
  };
  const Case cases[] = {
      {Api::kOpenAiCompletions, R"({"model":"m","prompt":[1,2,3]})", "prompt[0]"},
      {Api::kOpenAiCompletions, R"({"model":"m","prompt":[[1,2],[3]]})", "prompt[0]"},
      {Api::kOpenAiCompletions, R"({"model":"m","prompt":["ok",[3]]})", "prompt[1]"},
      {Api::kOpenAiCompletions, R"({"model":"m","prompt":50256})", "prompt"},
      {Api::kOpenAiEmbeddings, R"({"model":"m","input":[9906,1917]})", "input[0]"},
      {Api::kOpenAiEmbeddings, R"({"model":"m","input":[[9906]]})", "input[0]"},
  };
  for (const Case& c : cases) {
    ApiError error = parse_error(c.api, c.body);
    EXPECT_EQ(error.code, "unclassifiable_input") << c.body;
    EXPECT_EQ(error.param, c.param) << c.body;
    EXPECT_NE(error.message.find("token ids"), std::string::npos);
  }
}

TEST(Validation, ErrorsNeverQuoteContent) {
  ApiError error = parse_error(
      Api::kOpenAiChat,
      R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":{"v":"SSN 078-05-1120"}}]}]})");
  EXPECT_EQ(error.message.find("078-05"), std::string::npos);
}

TEST(Validation, NullOptionalFieldsAccepted) {
  EXPECT_TRUE(adapter_for(Api::kOpenAiChat)
                  .parse(R"({"model":"m","messages":[{"role":"assistant","content":null}],)"
                         R"("stream":null,"stream_options":null})")
                  .ok());
  EXPECT_TRUE(adapter_for(Api::kOpenAiResponses)
                  .parse(R"({"model":"m","input":null,"instructions":null})")
                  .ok());
}

}  // namespace
}  // namespace switchyard::adapters
