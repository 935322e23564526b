// The raw-JSON tokenizer. It trusts nothing: every read is bounds-checked and a malformed document
// gives nullopt (bodies reaching it already passed the strict parser, but it is fuzzed standalone).
// Skipping nested values is iterative (a bracket counter that steps over strings), so depth cannot
// overflow the stack.
#include "adapters/json_splice.h"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "common/json_scan.h"
#include "common/json_write.h"

namespace switchyard::adapters {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Cursor {
 public:
  explicit Cursor(std::string_view json) : json_(json) {}

  std::size_t pos() const { return pos_; }
  std::string_view text() const { return json_; }
  void set_pos(std::size_t pos) { pos_ = pos; }
  bool at_end() const { return pos_ >= json_.size(); }
  char peek() const { return pos_ < json_.size() ? json_[pos_] : '\0'; }

  void skip_space() {
    while (pos_ < json_.size() && is_space(json_[pos_])) ++pos_;
  }

  bool consume(char c) {
    skip_space();
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // Steps over a string literal starting at '"'; optionally decodes it into `out`.
  bool skip_string(std::string* out) {
    if (peek() != '"') return false;
    ++pos_;
    while (pos_ < json_.size()) {
      char c = json_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        // Copy the plain run up to the next quote, backslash or control character in one go.
        const std::size_t run = json_scan::next_special(json_, pos_ + 1);
        if (out != nullptr) out->append(json_.data() + pos_, run - pos_);
        pos_ = run;
        continue;
      }
      if (pos_ + 1 >= json_.size()) return false;
      char e = json_[pos_ + 1];
      pos_ += 2;
      switch (e) {
        case '"':
          append(out, '"');
          break;
        case '\\':
          append(out, '\\');
          break;
        case '/':
          append(out, '/');
          break;
        case 'b':
          append(out, '\b');
          break;
        case 'f':
          append(out, '\f');
          break;
        case 'n':
          append(out, '\n');
          break;
        case 'r':
          append(out, '\r');
          break;
        case 't':
          append(out, '\t');
          break;
        case 'u': {
          std::uint32_t unit = 0;
          if (!read_hex4(unit)) return false;
          std::uint32_t cp = unit;
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            // A high surrogate must be followed by an escaped low surrogate.
            std::uint32_t low = 0;
            if (pos_ + 1 < json_.size() && json_[pos_] == '\\' && json_[pos_ + 1] == 'u') {
              pos_ += 2;
              if (!read_hex4(low)) return false;
              if (low < 0xDC00 || low > 0xDFFF) return false;
              cp = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            } else {
              return false;
            }
          } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return false;
          }
          if (out != nullptr) append_utf8(*out, cp);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

#if defined(__SSE2__)
  // The first part of a container skip, sixteen bytes per step (a reply's usage object comes after
  // its choices, and stepping string by string over them was most of reading it). The quotes of a
  // block mark where its strings are: the prefix XOR of their bits is set from an opening quote up
  // to its closing one (simdjson's technique), so brackets inside strings are told apart without
  // visiting each string. A string holding a backslash or a control character, or running past
  // the block, is stepped over by skip_string, which checks it. Starts at the container's opening
  // bracket with depth 0. kClosed: the container ended (pos_ after it); kGoOn: fewer than sixteen
  // bytes are left, the caller goes on byte by byte from pos_, outside any string, with `depth`
  // open brackets.
  enum class Blocks { kMalformed, kClosed, kGoOn };
  Blocks skip_blocks(std::size_t& depth) {
    const char* p = json_.data();
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i below_space = _mm_set1_epi8(0x1f);
    const __m128i open_brace = _mm_set1_epi8('{');
    const __m128i open_bracket = _mm_set1_epi8('[');
    const __m128i close_brace = _mm_set1_epi8('}');
    const __m128i close_bracket = _mm_set1_epi8(']');
    while (pos_ + 16 <= json_.size()) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos_));
      const auto bits = [](__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); };
      const unsigned quotes = bits(_mm_cmpeq_epi8(v, quote));
      const unsigned special = bits(_mm_or_si128(
          _mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(_mm_max_epu8(v, below_space), below_space)));
      const unsigned opening =
          bits(_mm_or_si128(_mm_cmpeq_epi8(v, open_brace), _mm_cmpeq_epi8(v, open_bracket)));
      const unsigned closing =
          bits(_mm_or_si128(_mm_cmpeq_epi8(v, close_brace), _mm_cmpeq_epi8(v, close_bracket)));
      unsigned inside = quotes;  // bit k: an odd number of quotes at or before k
      inside ^= inside << 1;
      inside ^= inside << 2;
      inside ^= inside << 4;
      inside ^= inside << 8;
      inside &= 0xFFFF;
      // Where this block stops being simple: the opening quote of the first string that holds a
      // backslash or control byte, or of a string the block does not close.
      unsigned stop = 16;
      if (const unsigned bad = special & inside; bad != 0) {
        const unsigned before = quotes & ((1u << std::countr_zero(bad)) - 1);
        stop = static_cast<unsigned>(std::bit_width(before)) - 1;
      } else if (inside & 0x8000) {
        stop = static_cast<unsigned>(std::bit_width(quotes)) - 1;
      }
      unsigned structural = (opening | closing) & ~inside;
      if (stop < 16) structural &= (1u << stop) - 1;
      while (structural != 0) {
        const auto k = static_cast<unsigned>(std::countr_zero(structural));
        structural &= structural - 1;
        if ((opening >> k) & 1u) {
          ++depth;
        } else {
          if (depth == 0) return Blocks::kMalformed;
          if (--depth == 0) {
            pos_ += k + 1;
            return Blocks::kClosed;
          }
        }
      }
      if (stop == 16) {
        pos_ += 16;
        continue;
      }
      pos_ += stop;
      if (!skip_string(nullptr)) return Blocks::kMalformed;
    }
    return Blocks::kGoOn;
  }
#endif

  // Steps over any value. Strings, numbers and literals directly; containers by counting brackets.
  bool skip_value() {
    skip_space();
    char c = peek();
    if (c == '"') return skip_string(nullptr);
    if (c == '{' || c == '[') {
      std::size_t depth = 0;
#if defined(__SSE2__)
      switch (skip_blocks(depth)) {
        case Blocks::kMalformed:
          return false;
        case Blocks::kClosed:
          return true;
        case Blocks::kGoOn:
          break;
      }
#endif
      while ((pos_ = json_scan::next_structural(json_, pos_)) < json_.size()) {
        char d = json_[pos_];
        if (d == '"') {
          if (!skip_string(nullptr)) return false;
          continue;
        }
        if (d == '{' || d == '[') {
          ++depth;
        } else if (d == '}' || d == ']') {
          if (depth == 0) return false;
          --depth;
          if (depth == 0) {
            ++pos_;
            return true;
          }
        }
        ++pos_;
      }
      return false;
    }
    // Number or literal: up to the next structural character or space.
    std::size_t start = pos_;
    while (pos_ < json_.size()) {
      char d = json_[pos_];
      if (d == ',' || d == '}' || d == ']' || d == ':' || d == '"' || is_space(d)) break;
      ++pos_;
    }
    return pos_ > start;
  }

 private:
  static void append(std::string* out, char c) {
    if (out != nullptr) out->push_back(c);
  }

  bool read_hex4(std::uint32_t& value) {
    if (pos_ + 4 > json_.size()) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      char h = json_[pos_ + i];
      value <<= 4;
      if (h >= '0' && h <= '9') {
        value |= static_cast<std::uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        value |= static_cast<std::uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        value |= static_cast<std::uint32_t>(h - 'A' + 10);
      } else {
        return false;
      }
    }
    pos_ += 4;
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  std::string_view json_;
  std::size_t pos_ = 0;
};

// The next reference token of a pointer, unescaped; advances `pointer` past it.
bool next_token(std::string_view& pointer, std::string& token) {
  if (pointer.empty() || pointer[0] != '/') return false;
  pointer.remove_prefix(1);
  std::size_t end = pointer.find('/');
  std::string_view raw = pointer.substr(0, end);
  pointer.remove_prefix(end == std::string_view::npos ? pointer.size() : end);
  token.clear();
  if (raw.find('~') == std::string_view::npos) {  // no escape: one copy, not a push per byte
    token.assign(raw);
    return true;
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
      token.push_back(raw[i + 1] == '0' ? '~' : '/');
      ++i;
    } else {
      token.push_back(raw[i]);
    }
  }
  return true;
}

bool parse_index(std::string_view token, std::size_t& index) {
  if (token.empty() || token.size() > 18) return false;
  if (token.size() > 1 && token[0] == '0') return false;
  index = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

// Positions the cursor at the start of member `key` of the object at the cursor.
bool enter_member(Cursor& cursor, std::string_view key) {
  if (!cursor.consume('{')) return false;
  cursor.skip_space();
  if (cursor.peek() == '}') return false;
  std::string name;
  while (true) {
    cursor.skip_space();
    const std::size_t start = cursor.pos();
    if (!cursor.skip_string(nullptr)) return false;
    // A key without escapes is its own raw bytes: compared in place, not decoded into a copy.
    const std::string_view raw = cursor.text().substr(start + 1, cursor.pos() - start - 2);
    bool found = false;
    if (raw.find('\\') == std::string_view::npos) {
      found = raw == key;
    } else {
      Cursor decode(cursor.text());
      decode.set_pos(start);
      name.clear();
      found = decode.skip_string(&name) && name == key;
    }
    if (!cursor.consume(':')) return false;
    cursor.skip_space();
    if (found) return true;
    if (!cursor.skip_value()) return false;
    if (cursor.consume(',')) continue;
    return false;  // '}' (not found) or malformed
  }
}

bool enter_element(Cursor& cursor, std::size_t index) {
  if (!cursor.consume('[')) return false;
  cursor.skip_space();
  if (cursor.peek() == ']') return false;
  for (std::size_t i = 0;; ++i) {
    cursor.skip_space();
    if (i == index) return true;
    if (!cursor.skip_value()) return false;
    if (!cursor.consume(',')) return false;
  }
}

}  // namespace

std::optional<ByteRange> find_json_value(std::string_view json, std::string_view pointer) {
  Cursor cursor(json);
  std::string token;
  while (!pointer.empty()) {
    if (!next_token(pointer, token)) return std::nullopt;
    cursor.skip_space();
    if (cursor.peek() == '{') {
      if (!enter_member(cursor, token)) return std::nullopt;
    } else if (cursor.peek() == '[') {
      std::size_t index = 0;
      if (!parse_index(token, index) || !enter_element(cursor, index)) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  cursor.skip_space();
  std::size_t begin = cursor.pos();
  if (!cursor.skip_value()) return std::nullopt;
  return ByteRange{begin, cursor.pos()};
}

std::optional<MemberInsertion> member_insertion_point(std::string_view json, ByteRange object) {
  if (object.end <= object.begin + 1 || object.end > json.size() || json[object.begin] != '{' ||
      json[object.end - 1] != '}') {
    return std::nullopt;
  }
  std::size_t last = object.end - 1;  // the closing brace
  std::size_t p = last;
  while (p > object.begin + 1 && is_space(json[p - 1])) --p;
  bool empty = p == object.begin + 1;
  return MemberInsertion{empty ? object.begin + 1 : p, !empty};
}

std::string encode_json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  json_write::append_json_string(out, text);
  return out;
}

std::optional<std::string> apply_splice_edits(std::string_view json,
                                              std::vector<SpliceEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const SpliceEdit& a, const SpliceEdit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::size_t size = json.size();
  std::size_t cursor = 0;
  for (const SpliceEdit& edit : edits) {
    if (edit.begin > edit.end || edit.end > json.size() || edit.begin < cursor) return std::nullopt;
    cursor = edit.end;
    size += edit.replacement.size();
    size -= edit.end - edit.begin;
  }
  std::string out;
  out.reserve(size);
  cursor = 0;
  for (const SpliceEdit& edit : edits) {
    out.append(json.substr(cursor, edit.begin - cursor));
    out.append(edit.replacement);
    cursor = edit.end;
  }
  out.append(json.substr(cursor));
  return out;
}

}  // namespace switchyard::adapters
