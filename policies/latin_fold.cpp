#include "policies/latin_fold.h"

#include <algorithm>

#include "policies/normalizer.h"

namespace switchyard::policy {

namespace {

// U+00C0..U+00FF; "" for × ÷ and þ Þ (no base letter).
constexpr std::string_view kLatin1[64] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "",  "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "",  "y"};

// U+0100..U+017F, one base letter each except the ligatures (handled before the table).
constexpr std::string_view kExtendedA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi  JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo  "
    "RrRrRrSsSsSsSs"
    "TtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(kExtendedA.size() == 0x80);

bool is_umlaut(std::uint32_t cp) {
  return cp == 0xC4 || cp == 0xD6 || cp == 0xDC || cp == 0xE4 || cp == 0xF6 || cp == 0xFC;
}

// Appends the UTF-8 character starting at pattern[i] (one byte for ASCII) and returns its length.
std::size_t copy_char(std::string_view pattern, std::size_t i, std::string* out) {
  std::size_t length = 1;
  decode_utf8_at(pattern, i, &length);
  length = std::max<std::size_t>(1, std::min(length, pattern.size() - i));
  out->append(pattern.substr(i, length));
  return length;
}

// The length of an escape at pattern[i] == '\\' (RE2 syntax): \Q...\E, \p{..}, \x{..}, or a
// backslash and one character.
std::size_t escape_length(std::string_view pattern, std::size_t i) {
  const std::size_t n = pattern.size();
  if (i + 1 >= n) return 1;
  const char c = pattern[i + 1];
  if (c == 'Q') {
    const std::size_t end = pattern.find("\\E", i + 2);
    return end == std::string_view::npos ? n - i : end + 2 - i;
  }
  if ((c == 'p' || c == 'P' || c == 'x') && i + 2 < n && pattern[i + 2] == '{') {
    const std::size_t end = pattern.find('}', i + 3);
    return end == std::string_view::npos ? n - i : end + 1 - i;
  }
  std::size_t length = 1;
  decode_utf8_at(pattern, i + 1, &length);
  return 1 + std::max<std::size_t>(1, std::min(length, n - i - 1));
}

// The length of one class element at pattern[i]: an escape, "[:name:]", or a character.
std::size_t class_element_length(std::string_view pattern, std::size_t i) {
  if (pattern[i] == '\\') return escape_length(pattern, i);
  if (pattern[i] == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
    const std::size_t end = pattern.find(":]", i + 2);
    if (end != std::string_view::npos) return end + 2 - i;
  }
  std::size_t length = 1;
  decode_utf8_at(pattern, i, &length);
  return std::max<std::size_t>(1, std::min(length, pattern.size() - i));
}

}  // namespace

std::string_view latin_base(std::uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    switch (cp) {
      case 0x132:
        return "IJ";
      case 0x133:
        return "ij";
      case 0x152:
        return "OE";
      case 0x153:
        return "oe";
      default:
        return kExtendedA.substr(cp - 0x100, 1);
    }
  }
  switch (cp) {  // Romanian letters with a comma below
    case 0x218:
      return "S";
    case 0x219:
      return "s";
    case 0x21A:
      return "T";
    case 0x21B:
      return "t";
    default:
      return {};
  }
}

std::vector<std::string> plain_spellings(std::string_view text) {
  std::string stripped;
  std::string umlauts_e;
  bool any = false;
  bool umlaut = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const std::uint32_t cp = decode_utf8_at(text, i, &length);
    length = std::max<std::size_t>(1, std::min(length, text.size() - i));
    const std::string_view base = latin_base(cp);
    if (base.empty()) {
      stripped.append(text.substr(i, length));
      umlauts_e.append(text.substr(i, length));
    } else {
      any = true;
      stripped.append(base);
      umlauts_e.append(base);
      if (is_umlaut(cp)) {
        umlaut = true;
        umlauts_e.push_back(cp < 0xE0 ? 'E' : 'e');
      }
    }
    i += length;
  }
  std::vector<std::string> out{std::string(text)};
  if (any) out.push_back(std::move(stripped));
  if (umlaut) out.push_back(std::move(umlauts_e));
  return out;
}

std::string diacritic_tolerant_regex(std::string_view pattern) {
  const std::size_t n = pattern.size();
  // Most patterns are ASCII: nothing to do.
  if (std::none_of(pattern.begin(), pattern.end(),
                   [](char c) { return static_cast<unsigned char>(c) >= 0xC3; })) {
    return std::string(pattern);
  }
  std::string out;
  out.reserve(n + 32);
  bool in_class = false;
  bool negated = false;  // [^é]: adding e would take e out, not let it in
  for (std::size_t i = 0; i < n;) {
    const char c = pattern[i];
    if (in_class) {
      if (c == ']') {
        in_class = false;
        out.push_back(c);
        ++i;
        continue;
      }
      const std::size_t element = class_element_length(pattern, i);
      const std::size_t after = i + element;
      if (after + 1 < n && pattern[after] == '-' && pattern[after + 1] != ']') {
        // A range: both ends as written.
        const std::size_t end = after + 1 + class_element_length(pattern, after + 1);
        out.append(pattern.substr(i, end - i));
        i = end;
        continue;
      }
      out.append(pattern.substr(i, element));
      if (!negated && c != '\\' && c != '[') {
        std::size_t length = 1;
        const std::string_view base = latin_base(decode_utf8_at(pattern, i, &length));
        if (base.size() == 1) out.append(base);  // ß, æ: two letters are no class member
      }
      i = after;
      continue;
    }
    if (c == '\\') {
      const std::size_t length = escape_length(pattern, i);
      out.append(pattern.substr(i, length));
      i += length;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out.push_back(c);
      ++i;
      // A ']' right after '[' or '[^' is a member, not the end.
      negated = i < n && pattern[i] == '^';
      if (negated) out.push_back(pattern[i++]);
      if (i < n && pattern[i] == ']') out.push_back(pattern[i++]);
      continue;
    }
    std::size_t length = 1;
    const std::uint32_t cp = decode_utf8_at(pattern, i, &length);
    const std::string_view base = latin_base(cp);
    if (base.empty()) {
      i += copy_char(pattern, i, &out);
      continue;
    }
    out.append("(?:");
    i += copy_char(pattern, i, &out);
    out.push_back('|');
    out.append(base);
    if (is_umlaut(cp)) out.append(cp < 0xE0 ? "E?" : "e?");
    out.push_back(')');
  }
  return out;
}

}  // namespace switchyard::policy
