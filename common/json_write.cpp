// Compact JSON output for translated bodies and stream events.
#include "common/json_write.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include "common/json_scan.h"

namespace switchyard::json_write {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t at = json_scan::next_special(text, 0);
  if (at == text.size()) {  // the common case: one copy between the quotes
    const std::size_t old = out.size();
    out.resize(old + text.size() + 2);
    char* dst = out.data() + old;
    dst[0] = '"';
    std::memcpy(dst + 1, text.data(), text.size());
    dst[text.size() + 1] = '"';
    return;
  }
  out.push_back('"');
  std::size_t run_start = 0;
  while (at < text.size()) {
    const auto c = static_cast<unsigned char>(text[at]);
    out.append(text.data() + run_start, at - run_start);
    run_start = at + 1;
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escape, sizeof(escape));
      }
    }
    at = json_scan::next_special(text, run_start);
  }
  out.append(text.data() + run_start, text.size() - run_start);
  out.push_back('"');
}

void append_int(std::string& out, std::int64_t number) {
  std::array<char, 24> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  (void)ec;
  out.append(buffer.data(), end);
}

namespace {

void append_double(std::string& out, double number) {
  if (!std::isfinite(number)) {  // cannot come from a JSON parser; keep the output valid anyway
    out.append("null");
    return;
  }
  std::array<char, 32> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  (void)ec;
  out.append(buffer.data(), end);
}

}  // namespace

void append_json(std::string& out, const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null:
      out.append("null");
      return;
    case boost::json::kind::bool_:
      out.append(value.get_bool() ? "true" : "false");
      return;
    case boost::json::kind::int64:
      append_int(out, value.get_int64());
      return;
    case boost::json::kind::uint64: {
      std::array<char, 24> buffer{};
      auto [end, ec] =
          std::to_chars(buffer.data(), buffer.data() + buffer.size(), value.get_uint64());
      (void)ec;
      out.append(buffer.data(), end);
      return;
    }
    case boost::json::kind::double_:
      append_double(out, value.get_double());
      return;
    case boost::json::kind::string:
      append_json_string(out, value.get_string());
      return;
    case boost::json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& element : value.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        append_json(out, element);
      }
      out.push_back(']');
      return;
    }
    case boost::json::kind::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& member : value.get_object()) {
        if (!first) out.push_back(',');
        first = false;
        append_json_string(out, member.key());
        out.push_back(':');
        append_json(out, member.value());
      }
      out.push_back('}');
      return;
    }
  }
}

std::string to_json(const boost::json::value& value) {
  std::string out;
  out.reserve(256);
  append_json(out, value);
  return out;
}

}  // namespace switchyard::json_write
