// Upstream errors in the client's terms: the status-to-type mapping translation adds on top of the
// shared table (error_format.h), and the shapes of upstream error bodies it reads.
#include "adapters/translate/translate_errors.h"

#include <gtest/gtest.h>

#include "adapters/error_format.h"

namespace switchyard::adapters::translation {
namespace {

TEST(TranslateErrors, AnthropicTypesForUpstreamStatuses) {
  // Anthropic's own words for statuses the shared table leaves generic...
  EXPECT_EQ(anthropic_type_for_status(402), "billing_error");
  EXPECT_EQ(anthropic_type_for_status(503), "overloaded_error");
  EXPECT_EQ(anthropic_type_for_status(504), "timeout_error");
  // ...and the shared table for every other status.
  for (int status : {400, 401, 403, 404, 413, 418, 429, 500, 502, 529}) {
    EXPECT_EQ(anthropic_type_for_status(status), anthropic_error_type(status)) << status;
  }
}

TEST(TranslateErrors, UpstreamErrorInEachClientsTerms) {
  const std::string body =
      R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})";
  const ApiError for_openai = upstream_error(Dialect::kOpenAi, 529, body);
  EXPECT_EQ(for_openai.status, 503);  // OpenAI SDKs know 503, not 529
  EXPECT_EQ(for_openai.type, "server_error");
  EXPECT_EQ(for_openai.code, "overloaded_error");
  EXPECT_EQ(for_openai.message, "Overloaded");
  EXPECT_EQ(render_error_body(Dialect::kOpenAi, for_openai),
            R"({"error":{"message":"Overloaded","type":"server_error","param":null,)"
            R"("code":"overloaded_error"}})");

  const ApiError for_anthropic =
      upstream_error(Dialect::kAnthropic, 504, R"({"detail":"gateway timeout"})");
  EXPECT_EQ(for_anthropic.status, 504);
  EXPECT_EQ(for_anthropic.type, "timeout_error");
  EXPECT_EQ(render_error_body(Dialect::kAnthropic, for_anthropic),
            R"({"type":"error","error":{"type":"timeout_error","message":"gateway timeout"}})");

  const ApiError flat = upstream_error(
      Dialect::kOpenAi, 400, R"({"object":"error","message":"bad","type":"BadRequestError"})");
  EXPECT_EQ(flat.message, "bad");
  EXPECT_EQ(flat.code, "BadRequestError");
  EXPECT_EQ(upstream_error(Dialect::kOpenAi, 502, "<html>").message, "upstream returned HTTP 502");
}

TEST(TranslateErrors, StreamErrorTakesTheStatusFromANumericCode) {
  const auto error = stream_error(Dialect::kAnthropic,
                                  boost::json::parse(R"({"message":"slow down","code":429})"));
  EXPECT_EQ(error.status, 429);
  EXPECT_EQ(error.type, "rate_limit_error");
  EXPECT_EQ(render_stream_error(Dialect::kAnthropic, error),
            "event: error\ndata: "
            R"({"type":"error","error":{"type":"rate_limit_error","message":"slow down"}})"
            "\n\n");
}

}  // namespace
}  // namespace switchyard::adapters::translation
