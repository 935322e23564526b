// Error bodies per API, the Anthropic status table, and normalization of upstream error bodies.
#include "adapters/error_format.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "adapters/adapter.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

TEST(ErrorFormat, OpenAiBody) {
  ApiError error{403, "invalid_request_error", "policy_blocked", "blocked by rule x", ""};
  json::value v = json::parse(adapter_for(Api::kOpenAiChat).error_body(error));
  EXPECT_EQ(v,
            json::parse(R"({"error":{"message":"blocked by rule x","type":"invalid_request_error",)"
                        R"("param":null,"code":"policy_blocked"}})"));
  ApiError with_param{400, "invalid_request_error", "", "bad \"type\"", "messages[0].content"};
  v = json::parse(adapter_for(Api::kOpenAiResponses).error_body(with_param));
  EXPECT_EQ(v.at("error").at("param"), "messages[0].content");
  EXPECT_TRUE(v.at("error").at("code").is_null());
  EXPECT_EQ(v.at("error").at("message"), "bad \"type\"");
}

TEST(ErrorFormat, OpenAiTypeDefaultsFromStatus) {
  json::value v = json::parse(
      openai_error_body(ApiError{503, "", "internal_upstream_unavailable", "down", ""}));
  EXPECT_EQ(v.at("error").at("type"), "server_error");
  v = json::parse(openai_error_body(ApiError{429, "", "", "slow down", ""}));
  EXPECT_EQ(v.at("error").at("type"), "rate_limit_error");
}

TEST(ErrorFormat, AnthropicBody) {
  ApiError error{400, "invalid_request_error", "invalid_type", "invalid type for 'system'",
                 "system"};
  json::value v = json::parse(adapter_for(Api::kAnthropicMessages).error_body(error));
  EXPECT_EQ(v, json::parse(R"({"type":"error","error":{"type":"invalid_request_error",)"
                           R"("message":"invalid type for 'system'"}})"));
  ApiError blocked{403, "invalid_request_error", "policy_blocked", "blocked", ""};
  v = json::parse(adapter_for(Api::kAnthropicCountTokens).error_body(blocked));
  EXPECT_EQ(v.at("error").at("type"), "permission_error");
}

TEST(ErrorFormat, AnthropicTypeTable) {
  EXPECT_EQ(anthropic_error_type(400), "invalid_request_error");
  EXPECT_EQ(anthropic_error_type(401), "authentication_error");
  EXPECT_EQ(anthropic_error_type(403), "permission_error");
  EXPECT_EQ(anthropic_error_type(404), "not_found_error");
  EXPECT_EQ(anthropic_error_type(413), "request_too_large");
  EXPECT_EQ(anthropic_error_type(429), "rate_limit_error");
  EXPECT_EQ(anthropic_error_type(500), "api_error");
  EXPECT_EQ(anthropic_error_type(529), "overloaded_error");
  EXPECT_EQ(anthropic_error_type(422), "invalid_request_error");
  EXPECT_EQ(anthropic_error_type(503), "api_error");
}

TEST(ErrorFormat, OpenAiTypeTable) {
  EXPECT_EQ(openai_error_type(400), "invalid_request_error");
  EXPECT_EQ(openai_error_type(401), "authentication_error");
  EXPECT_EQ(openai_error_type(403), "permission_error");
  EXPECT_EQ(openai_error_type(404), "not_found_error");
  EXPECT_EQ(openai_error_type(413), "invalid_request_error");
  EXPECT_EQ(openai_error_type(429), "rate_limit_error");
  EXPECT_EQ(openai_error_type(500), "server_error");
  EXPECT_EQ(openai_error_type(529), "server_error");
  EXPECT_EQ(openai_error_type(422), "invalid_request_error");
}

// One renderer serves the proxy's own errors and translated ones: the same bytes either way.
TEST(ErrorFormat, BodiesEscapeAndFillNulls) {
  ApiError error{429, "", "", "a \"quoted\"\nline\x01", ""};
  EXPECT_EQ(openai_error_body(error),
            R"({"error":{"message":"a \"quoted\"\nline\u0001","type":"rate_limit_error",)"
            R"("param":null,"code":null}})");
  error.param = "messages[0]";
  error.code = "too_many";
  EXPECT_EQ(openai_error_body(error),
            R"({"error":{"message":"a \"quoted\"\nline\u0001","type":"rate_limit_error",)"
            R"("param":"messages[0]","code":"too_many"}})");
  error.type = "ignored_by_anthropic";
  EXPECT_EQ(anthropic_error_body(error), R"({"type":"error","error":{"type":"rate_limit_error",)"
                                         R"("message":"a \"quoted\"\nline\u0001"}})");
  std::string out = "x";
  append_error_body(out, Dialect::kAnthropic, "given_type", error);
  EXPECT_EQ(out, R"(x{"type":"error","error":{"type":"given_type",)"
                 R"("message":"a \"quoted\"\nline\u0001"}})");
}

TEST(ErrorFormat, NormalizeKnownShapes) {
  ApiError openai = normalize_upstream_error(
      401, R"({"error":{"message":"Incorrect API key","type":"invalid_request_error",)"
           R"("param":null,"code":"invalid_api_key"}})");
  EXPECT_EQ(openai.status, 401);
  EXPECT_EQ(openai.message, "Incorrect API key");
  EXPECT_EQ(openai.type, "invalid_request_error");
  EXPECT_EQ(openai.code, "invalid_api_key");

  ApiError anthropic = normalize_upstream_error(
      529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})");
  EXPECT_EQ(anthropic.message, "Overloaded");
  EXPECT_EQ(anthropic.type, "overloaded_error");

  ApiError vllm = normalize_upstream_error(
      400, R"({"object":"error","message":"max_tokens is too large","type":"BadRequestError",)"
           R"("param":null,"code":400})");
  EXPECT_EQ(vllm.message, "max_tokens is too large");
  EXPECT_EQ(vllm.type, "BadRequestError");
  EXPECT_EQ(vllm.code, "");

  ApiError ollama = normalize_upstream_error(404, R"({"error":"model \"x\" not found"})");
  EXPECT_EQ(ollama.message, "model \"x\" not found");
  EXPECT_EQ(ollama.type, "not_found_error");

  ApiError fastapi = normalize_upstream_error(422, R"({"detail":"Unprocessable"})");
  EXPECT_EQ(fastapi.message, "Unprocessable");
}

TEST(ErrorFormat, NormalizeNonJson) {
  ApiError html = normalize_upstream_error(502, "<html><body>Bad Gateway</body></html>");
  EXPECT_EQ(html.status, 502);
  EXPECT_EQ(html.message, "upstream returned HTTP 502");
  EXPECT_EQ(html.type, "server_error");
  ApiError empty = normalize_upstream_error(500, "");
  EXPECT_EQ(empty.message, "upstream returned HTTP 500");
  ApiError array = normalize_upstream_error(400, "[1,2]");
  EXPECT_EQ(array.message, "upstream returned HTTP 400");
}

TEST(ErrorFormat, NormalizeBoundsLongMessages) {
  std::string long_message(10000, 'x');
  ApiError e = normalize_upstream_error(500, R"({"error":{"message":")" + long_message + "\"}}");
  EXPECT_LT(e.message.size(), 2100u);
}

}  // namespace
}  // namespace switchyard::adapters
