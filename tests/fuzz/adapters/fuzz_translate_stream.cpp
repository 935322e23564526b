// Fuzzes stream translation in both directions. Byte 0 picks the direction, whether the upstream
// body ends cleanly and whether the client asked for usage; byte 1 the size of the pieces the rest
// is fed in. Beyond not crashing, the client stream must stay well formed: every event's data is
// JSON (or [DONE]), Anthropic block indices rise from 0 with one block open at a time, nothing
// follows the end.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "adapters/sse_parser.h"
#include "adapters/translate/translate_response.h"

namespace {

using namespace switchyard::adapters;
namespace json = boost::json;

void check(bool condition) {
  if (!condition) std::abort();
}

void check_output(std::string_view out, bool anthropic_client) {
  SseParser parser(std::size_t{64} << 20);
  bool ended = false;
  std::int64_t next_index = 0;
  std::int64_t open = -1;
  auto on_event = [&](const SseEvent& event) {
    check(!ended);
    if (event.data == "[DONE]") {
      check(!anthropic_client);
      ended = true;
      return;
    }
    boost::system::error_code ec;
    json::value data = json::parse(event.data, ec);
    check(!ec && data.is_object());
    const json::object& object = data.get_object();
    if (!anthropic_client) {
      if (object.contains("error")) ended = true;
      return;
    }
    const json::value* type = object.if_contains("type");
    check(type != nullptr && type->is_string() && type->get_string() == event.event);
    if (event.event == "error" || event.event == "message_stop") {
      check(open == -1 || event.event == "error");
      ended = true;
    } else if (event.event == "content_block_start") {
      check(open == -1 && object.at("index").as_int64() == next_index);
      open = next_index++;
    } else if (event.event == "content_block_stop") {
      check(object.at("index").as_int64() == open);
      open = -1;
    } else if (event.event == "message_delta") {
      check(open == -1);
    }
  };
  check(parser.feed(out, on_event));
  parser.finish(on_event);
  check(ended);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t flags = data[0];
  const std::size_t piece = static_cast<std::size_t>(data[1] % 64) + 1;
  const std::string_view input(reinterpret_cast<const char*>(data + 2), size - 2);
  const bool anthropic_client = (flags & 1) != 0;
  const bool complete = (flags & 2) != 0;

  ParsedRequest request;
  request.api = anthropic_client ? Api::kAnthropicMessages : Api::kOpenAiChat;
  request.stream = true;
  request.model = "fuzz-model";
  request.client_wants_usage = (flags & 4) != 0;
  UpstreamResponseInfo upstream;
  upstream.dialect = anthropic_client ? Dialect::kOpenAi : Dialect::kAnthropic;
  upstream.event_stream = true;
  TranslateResponseOptions options;
  options.created = 1;
  options.max_event_bytes = 4096;
  auto translator = make_translating_response_translator(request, upstream, options);

  std::string out;
  for (std::size_t position = 0; position < input.size(); position += piece) {
    translator->feed(input.substr(position, piece), out);
  }
  translator->finish(complete, out);
  check_output(out, anthropic_client);
  return 0;
}
