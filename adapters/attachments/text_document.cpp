// Text decoding for documents. Deliberately small: no HTML parser, because what matters is the
// characters a person reading the document would see, not its structure.
#include "adapters/attachments/text_document.h"

#include <cstdint>

#include "adapters/attachments/media_sniff.h"

namespace switchyard::attachments {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

std::string from_utf16(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
    std::uint32_t cp = unit(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 3 < bytes.size()) {
      const std::uint32_t low = unit(i + 2);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i += 2;
      }
    }
    append_utf8(out, cp);
  }
  return out;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_block_tag(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "div",     "br",     "li",     "tr",  "td",        "th", "h1",
      "h2",      "h3",      "h4",     "h5",     "h6",  "ul",        "ol", "table",
      "section", "article", "header", "footer", "pre", "blockquote"};
  for (auto block : kBlocks) {
    if (name == block) return true;
  }
  return false;
}

// Decodes "&...;" at text[i] (text[i] == '&'); returns the bytes consumed, 0 when not a reference.
std::size_t decode_reference(std::string_view text, std::size_t i, std::string& out) {
  const std::size_t end = text.find(';', i);
  if (end == std::string_view::npos || end - i > 12) return 0;
  const std::string_view name = text.substr(i + 1, end - i - 1);
  if (name.size() > 1 && name[0] == '#') {
    std::uint32_t cp = 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    for (std::size_t k = hex ? 2 : 1; k < name.size(); ++k) {
      const char c = lower(name[k]);
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (digit < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      if (cp > 0x10ffff) return 0;
    }
    append_utf8(out, cp);
    return end - i + 1;
  }
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& [entity, value] : kNamed) {
    if (name == entity) {
      out.append(value);
      return end - i + 1;
    }
  }
  return 0;
}

}  // namespace

std::string strip_markup(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      if (html.substr(i, 4) == "<!--") {
        const std::size_t end = html.find("-->", i + 4);
        const std::size_t stop = end == std::string_view::npos ? html.size() : end;
        out.push_back(' ');
        out.append(html.substr(i + 4, stop - i - 4));
        out.push_back(' ');
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const std::size_t end = html.find('>', i + 1);
      if (end == std::string_view::npos) {
        out.append(html.substr(i));  // a lone '<' is text
        break;
      }
      std::string_view tag = html.substr(i + 1, end - i - 1);
      if (!tag.empty() && tag.front() == '/') tag.remove_prefix(1);
      std::string name;
      for (char t : tag) {
        if (t == ' ' || t == '/' || t == '\t' || t == '\n') break;
        name.push_back(lower(t));
      }
      out.push_back(is_block_tag(name) ? '\n' : ' ');
      // Attribute values (title, alt, value, href...) are text a reader can see or copy.
      for (std::size_t k = 0; k < tag.size(); ++k) {
        if (tag[k] != '"' && tag[k] != '\'') continue;
        const std::size_t close = tag.find(tag[k], k + 1);
        if (close == std::string_view::npos) break;
        if (close > k + 1) {
          out.append(tag.substr(k + 1, close - k - 1));
          out.push_back(' ');
        }
        k = close;
      }
      i = end + 1;
      continue;
    }
    if (c == '&') {
      if (const std::size_t used = decode_reference(html, i, out); used > 0) {
        i += used;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

std::optional<std::string> decode_text_document(std::string_view bytes,
                                                std::string_view media_type) {
  if (!looks_like_text(bytes)) return std::nullopt;
  std::string text;
  if (bytes.starts_with("\xff\xfe")) {
    text = from_utf16(bytes, false);
  } else if (bytes.starts_with("\xfe\xff")) {
    text = from_utf16(bytes, true);
  } else {
    if (bytes.starts_with("\xef\xbb\xbf")) bytes.remove_prefix(3);
    text.assign(bytes);
  }
  if (media_type == "text/html" || media_type == "application/xhtml+xml" ||
      media_type == "text/xml" || media_type == "application/xml" ||
      media_type == "image/svg+xml") {
    return strip_markup(text);
  }
  return text;
}

}  // namespace switchyard::attachments
