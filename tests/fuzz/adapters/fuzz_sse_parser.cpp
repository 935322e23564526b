// Fuzzes SseParser (events are the same however the bytes are split) and the pass-through response
// path (an untouched stream comes out byte for byte). The first byte picks the split point.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "adapters/response_translator.h"
#include "adapters/sse_parser.h"

namespace {

using switchyard::adapters::SseEvent;
using switchyard::adapters::SseParser;

std::vector<SseEvent> parse(std::string_view bytes, std::size_t split, bool& ok) {
  std::vector<SseEvent> events;
  SseParser parser(4096);
  auto on_event = [&](const SseEvent& e) { events.push_back(e); };
  ok = parser.feed(bytes.substr(0, split), on_event);
  if (ok) ok = parser.feed(bytes.substr(split), on_event);
  if (ok) parser.finish(on_event);
  return events;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::size_t split = bytes.empty() ? 0 : data[0] % (bytes.size() + 1);
  bool whole_ok = false;
  bool split_ok = false;
  auto whole = parse(bytes, bytes.size(), whole_ok);
  auto pieces = parse(bytes, split, split_ok);
  if (whole_ok != split_ok) std::abort();
  if (whole_ok) {
    if (whole.size() != pieces.size()) std::abort();
    for (std::size_t i = 0; i < whole.size(); ++i) {
      if (whole[i].event != pieces[i].event || whole[i].data != pieces[i].data) std::abort();
    }
  }
  using namespace switchyard::adapters;
  for (Api api : {Api::kOpenAiChat, Api::kOpenAiResponses, Api::kAnthropicMessages}) {
    ParsedRequest request;
    request.api = api;
    request.stream = true;
    auto translator =
        make_response_translator(request, UpstreamResponseInfo{200, true, dialect_of(api)}, false);
    std::string out;
    translator->feed(bytes.substr(0, split), out);
    translator->feed(bytes.substr(split), out);
    translator->finish(true, out);
    if (out != bytes) std::abort();
    // Dropping the usage chunk and cutting the stream must not crash either.
    auto dropping =
        make_response_translator(request, UpstreamResponseInfo{200, true, dialect_of(api)}, true);
    std::string ignored;
    dropping->feed(bytes.substr(0, split), ignored);
    dropping->feed(bytes.substr(split), ignored);
    dropping->finish(false, ignored);
  }
  return 0;
}
