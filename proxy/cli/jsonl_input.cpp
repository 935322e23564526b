// Block reading and the corpus line parser. The parser is a plain recursive descent over the bytes
// of one line; strings are scanned with a byte-class table so that the common case (ASCII text
// without escapes) costs one table lookup per byte and no copy.
#include "proxy/cli/jsonl_input.h"

#include "policies/normalizer.h"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace switchyard::cli {

LineReader::LineReader(int fd, std::size_t block_size) : fd_(fd), buffer_(block_size) {}

bool LineReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    // Move the partial line to the front so the next read has room after it.
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // one line longer than a block
  for (;;) {
    const ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::system_error(errno, std::generic_category(), "read");
    if (n == 0) {
      eof_ = true;
      return false;
    }
    end_ += static_cast<std::size_t>(n);
    bytes_read_ += static_cast<std::uint64_t>(n);
    return true;
  }
}

bool LineReader::next(std::string_view* line) {
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const void* newline = std::memchr(start + scanned_, '\n', end_ - begin_ - scanned_);
    if (newline != nullptr) {
      const auto length = static_cast<std::size_t>(static_cast<const char*>(newline) - start);
      std::size_t trimmed = length;
      if (trimmed > 0 && start[trimmed - 1] == '\r') --trimmed;
      *line = std::string_view(start, trimmed);
      begin_ += length + 1;
      scanned_ = 0;
      ++line_number_;
      return true;
    }
    scanned_ = end_ - begin_;
    if (!fill()) {
      if (end_ == begin_) return false;
      std::size_t length = end_ - begin_;
      if (buffer_[begin_ + length - 1] == '\r') --length;
      *line = std::string_view(buffer_.data() + begin_, length);
      begin_ = end_;
      scanned_ = 0;
      ++line_number_;
      return true;
    }
  }
}

bool is_blank_line(std::string_view line) {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

namespace {

constexpr std::size_t kMaxDepth = 64;

// 0: plain byte inside a string; 1: '"'; 2: '\\'; 3: control (< 0x20); 4: UTF-8 lead or
// continuation byte (>= 0x80), checked by the slow path.
constexpr std::array<std::uint8_t, 256> make_string_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = 3;
  t['"'] = 1;
  t['\\'] = 2;
  for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = 4;
  return t;
}
constexpr std::array<std::uint8_t, 256> kStringClass = make_string_classes();

struct Parser {
  const char* p;
  const char* end;
  const char* line_begin;
  CorpusLineError* error;

  bool fail(const char* where, std::string message) {
    error->column = static_cast<std::size_t>(where - line_begin) + 1;
    error->message = std::move(message);
    return false;
  }

  void skip_space() {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
  }

  // Length of the UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates, <= U+10FFFF), 0 when
  // invalid.
  std::size_t utf8_length(const char* at) const {
    const auto b0 = static_cast<unsigned char>(at[0]);
    const auto left = static_cast<std::size_t>(end - at);
    auto cont = [&](std::size_t i) {
      return i < left && (static_cast<unsigned char>(at[i]) & 0xC0) == 0x80;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      if (!cont(1) || !cont(2)) return 0;
      const auto b1 = static_cast<unsigned char>(at[1]);
      if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
      if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
      return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
      if (!cont(1) || !cont(2) || !cont(3)) return 0;
      const auto b1 = static_cast<unsigned char>(at[1]);
      if (b0 == 0xF0 && b1 < 0x90) return 0;
      if (b0 == 0xF4 && b1 >= 0x90) return 0;
      return 4;
    }
    return 0;
  }

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool read_hex4(const char* at, unsigned* value) {
    if (end - at < 4) return false;
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = hex_value(at[i]);
      if (h < 0) return false;
      v = v * 16 + static_cast<unsigned>(h);
    }
    *value = v;
    return true;
  }

  // At the opening quote. Validates the string; when `decoded` is given, sets *view to its value
  // (into the line when it has no escapes, else into *decoded).
  bool string(std::string_view* view, std::string* decoded) {
    const char* open = p;
    ++p;
    const char* start = p;
    bool escaped = false;
    for (;;) {
      while (p < end && kStringClass[static_cast<unsigned char>(*p)] == 0) ++p;
      if (p == end) return fail(open, "unterminated string");
      const std::uint8_t cls = kStringClass[static_cast<unsigned char>(*p)];
      if (cls == 1) break;
      if (cls == 3) return fail(p, "control character in a string (escape it as \\u00XX)");
      if (cls == 4) {
        const std::size_t n = utf8_length(p);
        if (n == 0) return fail(p, "invalid UTF-8 in a string");
        p += n;
        continue;
      }
      escaped = true;  // a backslash: validate here, decode below if wanted
      if (end - p < 2) return fail(p, "unterminated escape");
      const char e = p[1];
      if (e == 'u') {
        unsigned cp = 0;
        if (!read_hex4(p + 2, &cp)) return fail(p, "\\u needs four hex digits");
        p += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          unsigned low = 0;
          if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !read_hex4(p + 2, &low) ||
              low < 0xDC00 || low > 0xDFFF) {
            return fail(p, "a high surrogate \\u escape without its low surrogate");
          }
          p += 6;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return fail(p - 6, "a low surrogate \\u escape without its high surrogate");
        }
        continue;
      }
      if (std::strchr("\"\\/bfnrt", e) == nullptr || e == '\0') {
        return fail(p, std::string("invalid escape \\") + e);
      }
      p += 2;
    }
    const char* close = p;
    ++p;
    if (view == nullptr) return true;
    if (!escaped) {
      *view = std::string_view(start, static_cast<std::size_t>(close - start));
      return true;
    }
    decoded->clear();
    decoded->reserve(static_cast<std::size_t>(close - start));
    for (const char* q = start; q < close;) {
      const char* backslash =
          static_cast<const char*>(std::memchr(q, '\\', static_cast<std::size_t>(close - q)));
      if (backslash == nullptr) backslash = close;
      decoded->append(q, backslash);
      q = backslash;
      if (q == close) break;
      const char e = q[1];
      switch (e) {
        case 'u': {
          unsigned cp = 0;
          read_hex4(q + 2, &cp);
          q += 6;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            read_hex4(q + 2, &low);
            q += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          policy::append_utf8(cp, decoded);
          continue;
        }
        case 'b':
          decoded->push_back('\b');
          break;
        case 'f':
          decoded->push_back('\f');
          break;
        case 'n':
          decoded->push_back('\n');
          break;
        case 'r':
          decoded->push_back('\r');
          break;
        case 't':
          decoded->push_back('\t');
          break;
        default:
          decoded->push_back(e);  // " \ /
      }
      q += 2;
    }
    *view = *decoded;
    return true;
  }

  bool number() {
    const char* start = p;
    if (p < end && *p == '-') ++p;
    if (p == end) return fail(start, "invalid number");
    if (*p == '0') {
      ++p;
    } else if (*p >= '1' && *p <= '9') {
      while (p < end && *p >= '0' && *p <= '9') ++p;
    } else {
      return fail(start, "invalid number");
    }
    if (p < end && *p == '.') {
      ++p;
      if (p == end || *p < '0' || *p > '9') return fail(start, "invalid number");
      while (p < end && *p >= '0' && *p <= '9') ++p;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
      ++p;
      if (p < end && (*p == '+' || *p == '-')) ++p;
      if (p == end || *p < '0' || *p > '9') return fail(start, "invalid number");
      while (p < end && *p >= '0' && *p <= '9') ++p;
    }
    return true;
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end - p) < word.size() ||
        std::memcmp(p, word.data(), word.size()) != 0) {
      return fail(p, "unexpected character");
    }
    p += word.size();
    return true;
  }

  // Any value, validated and skipped.
  bool value(std::size_t depth) {
    skip_space();
    if (p == end) return fail(p, "unexpected end of line, expected a value");
    switch (*p) {
      case '"':
        return string(nullptr, nullptr);
      case '{':
      case '[': {
        if (depth >= kMaxDepth) return fail(p, "nested deeper than 64 levels");
        const char close = *p == '{' ? '}' : ']';
        const bool object = close == '}';
        ++p;
        skip_space();
        if (p < end && *p == close) {
          ++p;
          return true;
        }
        for (;;) {
          if (object) {
            skip_space();
            if (p == end || *p != '"') return fail(p, "expected a member name in quotes");
            if (!string(nullptr, nullptr)) return false;
            skip_space();
            if (p == end || *p != ':') return fail(p, "expected ':' after a member name");
            ++p;
          }
          if (!value(depth + 1)) return false;
          skip_space();
          if (p < end && *p == ',') {
            ++p;
            continue;
          }
          if (p < end && *p == close) {
            ++p;
            return true;
          }
          return fail(p, std::string("expected ',' or '") + close + "'");
        }
      }
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        if (*p == '-' || (*p >= '0' && *p <= '9')) return number();
        return fail(p, "unexpected character, expected a value");
    }
  }
};

}  // namespace

bool parse_corpus_line(std::string_view line, std::string* scratch, CorpusLine* out,
                       CorpusLineError* error) {
  Parser parser{line.data(), line.data() + line.size(), line.data(), error};
  parser.skip_space();
  if (parser.p == parser.end || *parser.p != '{') {
    return parser.fail(parser.p, "expected a JSON object {\"id\": ..., \"text\": \"...\"}");
  }
  ++parser.p;
  bool has_id = false, has_text = false;
  std::string key_scratch;
  out->id_json = "null";
  out->text = {};
  parser.skip_space();
  if (parser.p < parser.end && *parser.p == '}') {
    ++parser.p;
  } else {
    for (;;) {
      parser.skip_space();
      if (parser.p == parser.end || *parser.p != '"') {
        return parser.fail(parser.p, "expected a member name in quotes");
      }
      const char* key_at = parser.p;
      std::string_view key;
      if (!parser.string(&key, &key_scratch)) return false;
      parser.skip_space();
      if (parser.p == parser.end || *parser.p != ':') {
        return parser.fail(parser.p, "expected ':' after a member name");
      }
      ++parser.p;
      parser.skip_space();
      if (key == "text") {
        if (has_text) return parser.fail(key_at, "\"text\" given twice");
        has_text = true;
        if (parser.p == parser.end || *parser.p != '"') {
          return parser.fail(parser.p, "\"text\" must be a string");
        }
        if (!parser.string(&out->text, scratch)) return false;
      } else if (key == "id") {
        if (has_id) return parser.fail(key_at, "\"id\" given twice");
        has_id = true;
        const char* start = parser.p;
        if (!parser.value(1)) return false;
        out->id_json = std::string_view(start, static_cast<std::size_t>(parser.p - start));
      } else if (!parser.value(1)) {
        return false;
      }
      parser.skip_space();
      if (parser.p < parser.end && *parser.p == ',') {
        ++parser.p;
        continue;
      }
      if (parser.p < parser.end && *parser.p == '}') {
        ++parser.p;
        break;
      }
      return parser.fail(parser.p, "expected ',' or '}'");
    }
  }
  parser.skip_space();
  if (parser.p != parser.end) return parser.fail(parser.p, "unexpected text after the object");
  if (!has_text) return parser.fail(line.data(), "expected an object with a string \"text\"");
  return true;
}

}  // namespace switchyard::cli
