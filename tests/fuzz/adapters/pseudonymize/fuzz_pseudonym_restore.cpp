// Fuzzes the streaming restorer: arbitrary cuts of a text give the same output as restoring the
// whole text at once, both for one text (TextRestorer, plain and JSON) and for a reply stream
// (the text cut into chat content deltas, or Anthropic input_json_delta pieces, fed through the
// restoring translator in reads of arbitrary size): the concatenated deltas the client gets equal
// the whole text restored. Input: byte 0 picks the table's entries (overlapping ones included, to
// exercise the scan beyond what the planner ever assigns), byte 1 the kind and the read size,
// byte 2 the number of cuts (low 5 bits), whether each event also holds a decoy field with the same
// text as its delta (0x20), and whether the deltas spell '/' as "\/" (0x40: a server's other
// spelling, so that the decoy is the only plain spelling of the text in the event), then the cut
// lengths, then the text; in the text, bytes 0xF8-0xFF stand for a whole placeholder of the table
// and 0xF0-0xF7 for its first half.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/pseudonymize/restoring_translator.h"
#include "adapters/pseudonymize/text_restorer.h"
#include "adapters/sse_parser.h"
#include "adapters/translate/passthrough_response.h"

namespace {

using namespace switchyard;
using pseudonymize::PseudonymTable;
using pseudonymize::TextKind;
namespace json = boost::json;

void check(bool condition) {
  if (!condition) std::abort();
}

struct Pair {
  const char* placeholder;
  const char* value;
};
constexpr Pair kPool[] = {
    {"EMAIL-7f3a91", "jane.roe@brightwater-logistics.com"},
    {"PERSON-NAME-a4c9e0", "Jane \"JJ\" Roe"},
    {"NAME-a4c9e0", "Roe\\"},  // a suffix of the one above
    {"PHONE-0b12cd", "+44 20\n7946\t0958"},
    {"ID-123456-abcdef", "id \x01 caf\xc3\xa9"},  // a type that ends like a placeholder
    {"ID-123456", "short"},
    {"E-000000", "\xff\xfe"},
    {"EMAIL-7f3a92", ""},
};

json::parse_options lenient() {
  json::parse_options options;
  options.allow_invalid_utf8 = true;
  return options;
}

std::string encode(std::string_view text) {
  return json::serialize(json::value(json::string(text)));
}

// The concatenated text of the client's delta events.
std::string client_text(const std::string& out, bool anthropic) {
  std::string text;
  adapters::SseParser parser(std::size_t{64} << 20);
  auto on_event = [&](const adapters::SseEvent& event) {
    if (event.data == "[DONE]") return;
    boost::system::error_code ec;
    json::value v = json::parse(event.data, ec, {}, lenient());
    check(!ec && v.is_object());
    const json::object& o = v.get_object();
    if (anthropic) {
      check(o.at("type").as_string() == event.event);
      if (event.event != "content_block_delta") return;
      text += o.at("delta").at("partial_json").as_string();
    } else {
      const json::value& delta = o.at("choices").at(0).at("delta");
      if (const auto* content = delta.as_object().if_contains("content")) {
        text += content->as_string();
      }
    }
  };
  check(parser.feed(out, on_event));
  parser.finish(on_event);
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  auto table = std::make_shared<PseudonymTable>();
  std::vector<const Pair*> chosen;
  for (std::size_t i = 0; i < 8; ++i) {
    if ((data[0] >> i) & 1u) {
      check(table->add(kPool[i].placeholder, kPool[i].value));
      chosen.push_back(&kPool[i]);
    }
  }
  const TextKind kind = (data[1] & 1u) ? TextKind::kJson : TextKind::kPlain;
  const std::size_t read_size = 1 + (data[1] >> 1);
  const std::size_t cuts = data[2] % 32;
  const bool decoy = (data[2] & 0x20u) != 0;
  const bool escape_slash = (data[2] & 0x40u) != 0;
  // The delta's spelling, and what follows it in its event (the decoy).
  auto delta = [&](const std::string& piece) {
    std::string spelled = encode(piece);
    if (escape_slash) {
      for (std::size_t i = 0; (i = spelled.find('/', i)) != std::string::npos; i += 2) {
        spelled.insert(i, 1, '\\');
      }
    }
    return spelled;
  };
  auto decoy_field = [&](const std::string& piece) {
    return decoy ? ",\"note\":" + encode(piece) : std::string();
  };
  std::size_t at = 3;
  std::vector<std::size_t> lengths;
  for (std::size_t i = 0; i < cuts && at < size; ++i) lengths.push_back(data[at++]);
  std::string text;
  for (; at < size; ++at) {
    const std::uint8_t b = data[at];
    if (b >= 0xF0 && !chosen.empty()) {
      const std::string_view p = chosen[b % chosen.size()]->placeholder;
      text.append(b >= 0xF8 ? p : p.substr(0, p.size() / 2));
    } else {
      text.push_back(static_cast<char>(b));
    }
  }
  std::vector<std::string> pieces;
  std::size_t pos = 0;
  for (std::size_t length : lengths) {
    const std::size_t n = std::min(length, text.size() - pos);
    pieces.push_back(text.substr(pos, n));
    pos += n;
  }
  pieces.push_back(text.substr(pos));

  const std::string whole = pseudonymize::restore_text(*table, text, kind);
  {
    pseudonymize::TextRestorer restorer(*table, kind);
    std::string out;
    for (const auto& piece : pieces) {
      restorer.feed(piece, out);
      // Something is kept back only while a placeholder may be starting.
      if (restorer.holding()) check(!table->empty());
    }
    restorer.finish(out);
    check(out == whole);
  }

  // The same pieces as a reply stream, through the restoring translator.
  const bool anthropic = kind == TextKind::kJson;
  std::string body;
  if (anthropic) {
    body =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
        "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"usage\":{}}}\n\n"
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
        "\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}}\n\n";
    for (const auto& piece : pieces) {
      body +=
          "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" +
          delta(piece) + "}" + decoy_field(piece) + "}\n\n";
    }
    body +=
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
  } else {
    for (const auto& piece : pieces) {
      body +=
          "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
          "\"delta\":{\"content\":" +
          delta(piece) + "},\"finish_reason\":null}]" + decoy_field(piece) + "}\n\n";
    }
    body +=
        "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
  }
  adapters::ParsedRequest request;
  request.api = anthropic ? adapters::Api::kAnthropicMessages : adapters::Api::kOpenAiChat;
  request.stream = true;
  const adapters::UpstreamResponseInfo info{
      200, true, anthropic ? adapters::Dialect::kAnthropic : adapters::Dialect::kOpenAi};
  auto translator = pseudonymize::make_restoring_translator(
      adapters::make_response_translator(request, info, false), request.api, table);
  std::string out;
  for (std::size_t i = 0; i < body.size(); i += read_size) {
    translator->feed(std::string_view(body).substr(i, read_size), out);
  }
  translator->finish(true, out);
  check(client_text(out, anthropic) == whole);
  return 0;
}
