// Fuzzes request translation. Byte 0 picks the client API (and with it the target); the rest is the
// JSON body. Any parseable body must come out as either valid JSON for the upstream or an error
// that is a 4xx/5xx naming its field in the message; never a crash.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/translate/translation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace switchyard::adapters;
  if (size < 1) return 0;
  const bool anthropic_client = (data[0] & 1) != 0;
  boost::system::error_code ec;
  ParsedRequest request;
  request.body =
      boost::json::parse(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), ec);
  if (ec) return 0;
  request.api = anthropic_client ? Api::kAnthropicMessages : Api::kOpenAiChat;
  RewriteOptions options;
  options.target = anthropic_client ? Dialect::kOpenAi : Dialect::kAnthropic;
  if ((data[0] & 2) != 0) options.model = "override";
  auto result = translate_request(request, options);
  if (result.ok()) {
    boost::json::parse(*result, ec);
    if (ec) std::abort();
  } else {
    const ApiError& error = result.error();
    if (error.status < 400 || error.message.empty()) std::abort();
    if (error.message.find(error.param) == std::string::npos) std::abort();
  }
  return 0;
}
