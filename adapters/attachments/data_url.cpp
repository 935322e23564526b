// data: URL parsing and base64 with a 256-entry table (this runs over megabytes per attachment).
#include "adapters/attachments/data_url.h"

#include <array>
#include <cstdint>

namespace switchyard::attachments {
namespace {

constexpr std::uint8_t kInvalid = 0xff;
constexpr std::uint8_t kSkip = 0xfe;

constexpr std::array<std::uint8_t, 256> make_table() {
  std::array<std::uint8_t, 256> table{};
  for (auto& entry : table) entry = kInvalid;
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
    table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::uint8_t>(i);
  }
  table['-'] = 62;  // URL-safe alphabet
  table['_'] = 63;
  table['\r'] = table['\n'] = table[' '] = table['\t'] = kSkip;
  return table;
}
constexpr auto kTable = make_table();

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

bool is_media_type_token(std::string_view type) {
  if (type.empty()) return true;
  const auto slash = type.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash + 1 == type.size()) return false;
  for (std::size_t i = 0; i < type.size(); ++i) {
    const char c = type[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '!' || c == '#' ||
                    c == '$' || c == '&' || c == '^' || c == '_' || c == '.' || c == '+' ||
                    c == '-' || (c == '/' && i == slash);
    if (!ok) return false;
  }
  return true;
}

std::string normalize_media_type(std::string_view media_type) {
  if (const auto semicolon = media_type.find(';'); semicolon != std::string_view::npos) {
    media_type = media_type.substr(0, semicolon);
  }
  while (!media_type.empty() && (media_type.front() == ' ' || media_type.front() == '\t')) {
    media_type.remove_prefix(1);
  }
  while (!media_type.empty() && (media_type.back() == ' ' || media_type.back() == '\t')) {
    media_type.remove_suffix(1);
  }
  std::string out(media_type);
  for (char& c : out) c = lower(c);
  // Anything else is no media type, and may be anything a client typed (audit records show types).
  if (out.size() > kMaxMediaType || !is_media_type_token(out)) return "";
  return out;
}

bool is_data_url(std::string_view value) { return starts_with_ci(value, "data:"); }

std::optional<DataUrl> parse_data_url(std::string_view value) {
  if (!is_data_url(value)) return std::nullopt;
  const std::string_view rest = value.substr(5);
  const std::size_t comma = rest.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  std::string_view header = rest.substr(0, comma);
  DataUrl url;
  url.payload = rest.substr(comma + 1);
  if (header.size() >= 7 && starts_with_ci(header.substr(header.size() - 7), ";base64")) {
    url.base64 = true;
    header.remove_suffix(7);
  }
  url.media_type = normalize_media_type(header);
  return url;
}

std::size_t decoded_base64_size(std::string_view encoded) { return encoded.size() / 4 * 3 + 3; }

std::optional<std::string> decode_base64(std::string_view encoded) {
  std::string out;
  out.reserve(encoded.size() / 4 * 3 + 3);
  std::uint32_t accumulator = 0;
  int bits = 0;
  std::size_t i = 0;
  for (; i < encoded.size(); ++i) {
    const auto c = static_cast<unsigned char>(encoded[i]);
    if (c == '=') break;
    const std::uint8_t value = kTable[c];
    if (value == kSkip) continue;
    if (value == kInvalid) return std::nullopt;
    accumulator = (accumulator << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((accumulator >> bits) & 0xff));
    }
  }
  // Only padding and whitespace may follow the first '='; a lone leftover sextet is malformed.
  for (; i < encoded.size(); ++i) {
    const auto c = static_cast<unsigned char>(encoded[i]);
    if (c != '=' && kTable[c] != kSkip) return std::nullopt;
  }
  if (bits >= 6) return std::nullopt;
  return out;
}

std::string encode_base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) |
                            (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                            static_cast<unsigned char>(bytes[i + 2]);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  if (i < bytes.size()) {
    std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

std::optional<std::string> decode_data_url_payload(const DataUrl& url) {
  if (url.base64) return decode_base64(url.payload);
  std::string out;
  out.reserve(url.payload.size());
  for (std::size_t i = 0; i < url.payload.size(); ++i) {
    const char c = url.payload[i];
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    if (i + 2 >= url.payload.size()) return std::nullopt;
    const int high = hex_value(url.payload[i + 1]);
    const int low = hex_value(url.payload[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

}  // namespace switchyard::attachments
