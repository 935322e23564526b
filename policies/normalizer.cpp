// Views for matching (see normalizer.h). Every stage is lazy: it copies nothing until it meets the
// first character it has to change, so ordinary ASCII prose passes through without a single copy.
#include "policies/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstring>
#include <span>
#include <string>
#include <tuple>

#include "policies/text_marks.h"

namespace switchyard::policy {

// ---------------------------------------------------------------------------------------------
// OffsetMap

void OffsetMap::add_identity(std::size_t src_begin, std::size_t length) {
  if (length == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.identity && last.src_begin + last.src_length == src_begin) {
      last.view_length += static_cast<std::uint32_t>(length);
      last.src_length += static_cast<std::uint32_t>(length);
      view_size_ += length;
      return;
    }
  }
  pieces_.push_back(Piece{static_cast<std::uint32_t>(view_size_),
                          static_cast<std::uint32_t>(src_begin), static_cast<std::uint32_t>(length),
                          static_cast<std::uint32_t>(length), true});
  view_size_ += length;
}

void OffsetMap::add_replacement(std::size_t src_begin, std::size_t src_length,
                                std::size_t view_length) {
  if (view_length == 0) return;  // removed source bytes: covered by no piece
  pieces_.push_back(Piece{
      static_cast<std::uint32_t>(view_size_), static_cast<std::uint32_t>(src_begin),
      static_cast<std::uint32_t>(view_length), static_cast<std::uint32_t>(src_length), false});
  view_size_ += view_length;
}

const OffsetMap::Piece& OffsetMap::piece_at(std::size_t view_offset) const {
  auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), view_offset,
      [](std::size_t offset, const Piece& piece) { return offset < piece.view_begin; });
  return *(it == pieces_.begin() ? it : it - 1);
}

std::pair<std::size_t, std::size_t> OffsetMap::map(std::size_t begin, std::size_t end) const {
  if (pieces_.empty()) return {begin, end};
  if (begin >= view_size_) {
    const Piece& last = pieces_.back();
    const std::size_t src_end = last.src_begin + last.src_length;
    return {src_end, src_end};
  }
  const Piece& first = piece_at(begin);
  const std::size_t src_begin =
      first.identity ? first.src_begin + (begin - first.view_begin) : first.src_begin;
  if (end <= begin) return {src_begin, src_begin};
  const Piece& last = piece_at(std::min(end, view_size_) - 1);
  const std::size_t src_end = last.identity
                                  ? last.src_begin + (std::min(end, view_size_) - last.view_begin)
                                  : last.src_begin + last.src_length;
  return {src_begin, std::max(src_begin, src_end)};
}

// ---------------------------------------------------------------------------------------------
// UTF-8 helpers

bool is_valid_utf8(std::string_view text, bool* all_ascii) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  bool ascii = true;
  while (i < n) {
    // Many bytes per step: on ASCII text these loops are all there is.
#if defined(__SSE2__)
    if (i + 64 <= n) {
      const auto* v = reinterpret_cast<const __m128i*>(p + i);
      const __m128i any =
          _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
                       _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3)));
      if (_mm_movemask_epi8(any) == 0) {
        i += 64;
        continue;
      }
    }
#endif
    if (i + 32 <= n) {
      std::uint64_t words[4];
      std::memcpy(words, p + i, 32);
      if (((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ULL) == 0) {
        i += 32;
        continue;
      }
    }
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    ascii = false;
    std::size_t length;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + length > n) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  if (all_ascii != nullptr) *all_ascii = ascii;
  return true;
}

std::uint32_t decode_utf8_at(std::string_view text, std::size_t i, std::size_t* length) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = p[i];
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  std::size_t n;
  std::uint32_t cp;
  if (c < 0xE0) {
    n = 2;
    cp = c & 0x1F;
  } else if (c < 0xF0) {
    n = 3;
    cp = c & 0x0F;
  } else {
    n = 4;
    cp = c & 0x07;
  }
  n = std::min(n, text.size() - i);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
  *length = n;
  return cp;
}

std::uint32_t decode_utf8_before(std::string_view text, std::size_t i, std::size_t* length) {
  std::size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  std::size_t n;
  const std::uint32_t cp = decode_utf8_at(text, start, &n);
  *length = i - start;
  return cp;
}

void append_utf8(std::uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

std::size_t utf8_length(std::uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Writes a derived text lazily: the caller reports only the source ranges it changes; unchanged
// ranges between them become identity pieces, and nothing is copied until the first change.
class Emitter {
 public:
  Emitter(std::string_view in, std::string* out, OffsetMap* map) : in_(in), out_(out), map_(map) {
    out_->clear();
    map_->clear();
  }
  void replace(std::size_t src_begin, std::size_t src_end, std::string_view replacement) {
    if (replacement == in_.substr(src_begin, src_end - src_begin)) return;
    flush(src_begin);
    out_->append(replacement);
    if (replacement.size() == src_end - src_begin && same_length_identity_) {
      map_->add_identity(src_begin, replacement.size());
    } else {
      map_->add_replacement(src_begin, src_end - src_begin, replacement.size());
    }
    done_ = src_end;
    changed_ = true;
  }
  void remove(std::size_t src_begin, std::size_t src_end) {
    flush(src_begin);
    done_ = src_end;
    changed_ = true;
  }
  // Same-length replacements (case folding) keep an identity map: a span never starts inside one
  // character, so byte offsets carry over exactly.
  void set_same_length_identity(bool value) { same_length_identity_ = value; }
  bool finish() {
    if (!changed_) return false;
    flush(in_.size());
    return true;
  }

 private:
  void flush(std::size_t upto) {
    if (upto > done_) {
      if (!changed_) out_->reserve(in_.size());
      out_->append(in_.substr(done_, upto - done_));
      map_->add_identity(done_, upto - done_);
      done_ = upto;
    }
  }
  std::string_view in_;
  std::string* out_;
  OffsetMap* map_;
  std::size_t done_ = 0;
  bool changed_ = false;
  bool same_length_identity_ = false;
};

const icu::Normalizer2* nfkc_instance() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// After NFKC: format and default-ignorable characters vanish, decimal digits of any script become
// ASCII digits, dashes become '-', spaces become ' '. Returns -1 for "remove".
std::int32_t canonical_code_point(std::uint32_t cp) {
  if (cp < 0x80) return static_cast<std::int32_t>(cp);
  const auto c = static_cast<UChar32>(cp);
  const std::int8_t type = u_charType(c);
  if (type == U_FORMAT_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    return -1;
  }
  if (type == U_DECIMAL_DIGIT_NUMBER) {
    const std::int32_t value = u_charDigitValue(c);
    if (value >= 0 && value <= 9) return '0' + value;
  }
  if (type == U_DASH_PUNCTUATION || cp == 0x2212) return '-';
  if (type == U_SPACE_SEPARATOR) return ' ';
  // Word processors and chat apps turn typed quotes into typographic ones ("smart quotes"); a
  // value quoted that way is still a quoted value.
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2035:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x2036:
      return '"';
    default:
      break;
  }
  return static_cast<std::int32_t>(cp);
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// SSSE3 classifies a block with two table lookups instead of a dozen compares; AVX2 does it 32
// bytes at a time.
enum class MarksBuild { kBaseline, kSsse3, kAvx2 };
MarksBuild marks_build() {
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
  static const MarksBuild build = [] {
    __builtin_cpu_init();  // in case this runs from a static initializer
    if (detail::kAvx2MarksCompiled && __builtin_cpu_supports("avx2") != 0) return MarksBuild::kAvx2;
    if (detail::kSsse3MarksCompiled && __builtin_cpu_supports("ssse3") != 0) {
      return MarksBuild::kSsse3;
    }
    return MarksBuild::kBaseline;
  }();
  return build;
#else
  return MarksBuild::kBaseline;
#endif
}

// mark_words into vectors of one word per 64 bytes, with the best build for this CPU.
template <bool kDecode, bool kSpacing, bool kAsciiOnly>
bool mark_text(std::string_view text, std::size_t min_run, std::vector<std::uint64_t>* decode,
               std::vector<std::uint64_t>* spacing) {
  const std::size_t blocks = (text.size() + kBlock - 1) / kBlock;
  std::uint64_t* decode_words = nullptr;
  std::uint64_t* spacing_words = nullptr;
  if constexpr (kDecode) {
    decode->resize(blocks);
    decode_words = decode->data();
  }
  if constexpr (kSpacing) {
    spacing->resize(blocks);
    spacing_words = spacing->data();
  }
  switch (marks_build()) {
    case MarksBuild::kAvx2:
      return detail::mark_words_avx2(text, min_run, kDecode, kSpacing, kAsciiOnly, decode_words,
                                     spacing_words);
    case MarksBuild::kSsse3:
      return detail::mark_words_ssse3(text, min_run, kDecode, kSpacing, kAsciiOnly, decode_words,
                                      spacing_words);
    case MarksBuild::kBaseline:
      break;
  }
  return mark_words<kDecode, kSpacing, kAsciiOnly>(text, min_run, decode_words, spacing_words);
}

// The first marked offset at or after `from`, or n.
std::size_t next_marked(const std::vector<std::uint64_t>& marks, std::size_t from, std::size_t n) {
  std::size_t b = from / kBlock;
  if (b >= marks.size()) return n;
  std::uint64_t word = marks[b] & (~std::uint64_t{0} << (from % kBlock));
  if (word == 0) {
    // Prose marks almost nothing: skip four empty words per test.
    ++b;
    while (b + 4 <= marks.size() && (marks[b] | marks[b + 1] | marks[b + 2] | marks[b + 3]) == 0) {
      b += 4;
    }
    while (b < marks.size() && marks[b] == 0) ++b;
    if (b >= marks.size()) return n;
    word = marks[b];
  }
  return std::min(n, b * kBlock + static_cast<std::size_t>(std::countr_zero(word)));
}

// Each byte's six bits in base64 (both alphabets), or -1: one lookup per byte of a run.
constexpr auto kBase64Value = [] {
  std::array<std::int8_t, 256> value{};
  value.fill(-1);
  for (int c = 'A'; c <= 'Z'; ++c) {
    value[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(c - 'A');
  }
  for (int c = 'a'; c <= 'z'; ++c) {
    value[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(c - 'a' + 26);
  }
  for (int c = '0'; c <= '9'; ++c) {
    value[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(c - '0' + 52);
  }
  value['+'] = value['-'] = 62;
  value['/'] = value['_'] = 63;
  return value;
}();

int base64_value(char c) { return kBase64Value[static_cast<unsigned char>(c)]; }

// Decoded bytes count as text when they are valid UTF-8 and almost free of control characters.
bool mostly_printable(std::string_view bytes) {
  bool ascii;
  if (bytes.empty() || !is_valid_utf8(bytes, &ascii)) return false;
  std::size_t total = 0;
  std::size_t controls = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t length;
    const std::uint32_t cp = decode_utf8_at(bytes, i, &length);
    i += length;
    ++total;
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
        (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFD) {
      ++controls;
    }
  }
  return controls * 20 <= total && controls < total;
}

bool decode_base64(std::string_view run, std::string* out) {
  // Written by index into a buffer sized up front (push_back per byte showed in profiles: prose
  // has many runs of letters, '-' and '/' long enough to try).
  out->resize(run.size() * 3 / 4 + 1);
  std::size_t size = 0;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : run) {
    const int value = base64_value(c);
    if (value < 0) {
      out->clear();
      return false;
    }
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      (*out)[size++] = static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  out->resize(size);
  return bits < 6;  // a dangling single character is not base64
}

// A run of hex digits that spells text: Linux auditd writes a command line (proctitle=, and any
// argument with a space or quote) as hex, its arguments parted by NUL bytes, which read as spaces.
bool decode_hex_text(std::string_view run, std::string* out) {
  if (run.size() % 2 != 0) return false;
  out->resize(run.size() / 2);
  for (std::size_t k = 0; k < run.size(); k += 2) {
    if (!is_hex(run[k]) || !is_hex(run[k + 1])) {
      out->clear();
      return false;
    }
    const int byte = hex_value(run[k]) * 16 + hex_value(run[k + 1]);
    (*out)[k / 2] = byte == 0 ? ' ' : static_cast<char>(byte);
  }
  return true;
}

struct NamedEntity {
  std::string_view name;
  std::uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"apos", '\''},  {"ast", '*'},     {"bsol", '\\'},    {"colon", ':'},
    {"comma", ','},    {"commat", '@'}, {"dash", 0x2010}, {"dollar", '$'},   {"equals", '='},
    {"excl", '!'},     {"gt", '>'},     {"hyphen", '-'},  {"lcub", '{'},     {"lowbar", '_'},
    {"lpar", '('},     {"lsqb", '['},   {"lt", '<'},      {"mdash", 0x2014}, {"nbsp", 0xA0},
    {"ndash", 0x2013}, {"num", '#'},    {"percnt", '%'},  {"period", '.'},   {"plus", '+'},
    {"quest", '?'},    {"quot", '"'},   {"rcub", '}'},    {"rpar", ')'},     {"rsqb", ']'},
    {"semi", ';'},     {"sol", '/'},    {"tilde", '~'},   {"verbar", '|'},
};

bool acceptable_decoded_code_point(std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') return false;
  return cp != 0x7F;
}

// "&name;" / "&#123;" / "&#x7b;" at in[i] == '&'. Returns the length consumed, 0 if none.
std::size_t parse_entity(std::string_view in, std::size_t i, std::uint32_t* cp) {
  std::size_t j = i + 1;
  if (j < in.size() && in[j] == '#') {
    ++j;
    const bool hex = j < in.size() && (in[j] == 'x' || in[j] == 'X');
    if (hex) ++j;
    std::uint32_t value = 0;
    const std::size_t digits_begin = j;
    while (j < in.size() && j - digits_begin < 8 &&
           (hex ? is_hex(in[j]) : (in[j] >= '0' && in[j] <= '9'))) {
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(hex_value(in[j]));
      ++j;
    }
    if (j == digits_begin || j >= in.size() || in[j] != ';') return 0;
    if (!acceptable_decoded_code_point(value)) return 0;
    *cp = value;
    return j + 1 - i;
  }
  const std::size_t name_begin = j;
  while (j < in.size() && j - name_begin < 8 &&
         ((in[j] >= 'a' && in[j] <= 'z') || (in[j] >= 'A' && in[j] <= 'Z'))) {
    ++j;
  }
  if (j >= in.size() || in[j] != ';' || j == name_begin) return 0;
  const std::string_view name = in.substr(name_begin, j - name_begin);
  for (const auto& entity : kEntities) {
    if (entity.name == name) {
      *cp = entity.cp;
      return j + 1 - i;
    }
  }
  return 0;
}

// "\uXXXX" (with surrogate pairs), "\xHH", or one of JSON's short escapes (\" \\ \/ \n \r \t: a
// text pasted as a JSON string, such as a log line or a notebook cell) at in[i] == '\\'. Returns
// the length consumed.
std::size_t parse_backslash_escape(std::string_view in, std::size_t i, std::uint32_t* cp) {
  auto hex4 = [&](std::size_t at, std::uint32_t* value) {
    if (at + 4 > in.size()) return false;
    *value = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
      if (!is_hex(in[k])) return false;
      *value = *value * 16 + static_cast<std::uint32_t>(hex_value(in[k]));
    }
    return true;
  };
  if (i + 1 >= in.size()) return 0;
  if (in[i + 1] == 'u') {
    std::uint32_t high;
    if (!hex4(i + 2, &high)) return 0;
    if (high >= 0xD800 && high <= 0xDBFF) {
      std::uint32_t low;
      if (i + 7 < in.size() && in[i + 6] == '\\' && in[i + 7] == 'u' && hex4(i + 8, &low) &&
          low >= 0xDC00 && low <= 0xDFFF) {
        *cp = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        return 12;
      }
      return 0;
    }
    if (!acceptable_decoded_code_point(high)) return 0;
    *cp = high;
    return 6;
  }
  switch (in[i + 1]) {
    case '"':
    case '\\':
    case '/':
      *cp = static_cast<unsigned char>(in[i + 1]);
      return 2;
    case 'n':
      *cp = '\n';
      return 2;
    case 'r':
      *cp = '\r';
      return 2;
    case 't':
      *cp = '\t';
      return 2;
    default:
      break;
  }
  if (in[i + 1] == 'x' && i + 3 < in.size() && is_hex(in[i + 2]) && is_hex(in[i + 3])) {
    const auto value = static_cast<std::uint32_t>(hex_value(in[i + 2]) * 16 + hex_value(in[i + 3]));
    if (value >= 0x80 || !acceptable_decoded_code_point(value)) return 0;
    *cp = value;
    return 4;
  }
  return 0;
}

bool has_percent_escape(std::string_view in) {
  for (std::size_t i = in.find('%'); i != std::string_view::npos; i = in.find('%', i + 1)) {
    if (i + 2 < in.size() && is_hex(in[i + 1]) && is_hex(in[i + 2])) return true;
  }
  return false;
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_alnum_at(std::string_view text, std::size_t i, std::size_t* length) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *length = 1;
    return is_ascii_alnum(c);
  }
  const std::uint32_t cp = decode_utf8_at(text, i, length);
  return u_isalnum(static_cast<UChar32>(cp)) != 0;
}

// Look-alike letters from other scripts, folded to the Latin letter they imitate (a curated subset
// of UTS #39 confusables that keeps case, so case-sensitive keywords still work). Beyond UTS #39:
// the lower case of a capital that is folded (Cyrillic к м н т в ь г п, Greek τ η ε) reads as the
// Latin letter in small capitals, which is what a lower-cased evasion ("мanта-3") writes.
struct Confusable {
  std::uint32_t cp;
  char ascii;
};
constexpr Confusable kConfusables[] = {
    {0x0131, 'i'}, {0x0251, 'a'}, {0x0261, 'g'}, {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'},
    {0x0396, 'Z'}, {0x0397, 'H'}, {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'},
    {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03B1, 'a'},
    {0x03B5, 'e'}, {0x03B7, 'n'}, {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'},
    {0x03C1, 'p'}, {0x03C4, 't'}, {0x03C5, 'u'}, {0x03C7, 'x'}, {0x03F2, 'c'}, {0x03F3, 'j'},
    {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'},
    {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'}, {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'},
    {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'}, {0x0430, 'a'}, {0x0432, 'b'}, {0x0433, 'r'},
    {0x0435, 'e'}, {0x043A, 'k'}, {0x043C, 'm'}, {0x043D, 'h'}, {0x043E, 'o'}, {0x043F, 'n'},
    {0x0440, 'p'}, {0x0441, 'c'}, {0x0442, 't'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x044C, 'b'},
    {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04AE, 'Y'}, {0x04BA, 'H'}, {0x04BB, 'h'},
    {0x04C0, 'I'}, {0x04CF, 'l'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'}, {0x0570, 'h'},
    {0x057D, 'u'}, {0x0585, 'o'},
};
static_assert(std::is_sorted(std::begin(kConfusables), std::end(kConfusables),
                             [](const Confusable& a, const Confusable& b) { return a.cp < b.cp; }));

}  // namespace

void fold_case_same_length(std::string_view in, std::string* out) {
  out->assign(in);
  for (std::size_t i = 0; i < out->size();) {
    const auto c = static_cast<unsigned char>((*out)[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') (*out)[i] = static_cast<char>(c + 32);
      ++i;
      continue;
    }
    std::size_t length;
    const std::uint32_t cp = decode_utf8_at(*out, i, &length);
    const auto folded =
        static_cast<std::uint32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
    if (folded != cp && utf8_length(folded) == length) {
      std::string bytes;
      append_utf8(folded, &bytes);
      out->replace(i, length, bytes);
    }
    i += length;
  }
}

// ---------------------------------------------------------------------------------------------
// Stages

namespace {

// The byte a code point stood for when UTF-8 was read as Windows-1252 or Latin-1 ("Ã©" for "é"),
// or -1: U+0080..U+00FF are the Latin-1 bytes themselves, and cp1252 put other characters at
// 0x80..0x9F.
int mojibake_byte(std::uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  static constexpr std::pair<std::uint16_t, std::uint8_t> kCp1252[] = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
      {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
      {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
      {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
      {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
      {0x017E, 0x9E}, {0x0178, 0x9F}};
  for (const auto& [from, byte] : kCp1252) {
    if (from == cp) return byte;
  }
  return -1;
}

// UTF-8 that was decoded as Windows-1252 and encoded again (a CSV export opened with the wrong
// encoding: "MÃ¼ller", "contraseÃ±a", "donâ€™t"). At in[j], a lead byte's character followed by
// continuation bytes' characters that together are valid UTF-8 for a non-ASCII character: returns
// that character and sets *length to the source bytes it replaces; 0 if none.
std::uint32_t repair_mojibake(std::string_view in, std::size_t j, std::size_t* length) {
  std::size_t first_length;
  const std::uint32_t lead = decode_utf8_at(in, j, &first_length);
  const std::size_t need = lead >= 0xC2 && lead <= 0xDF   ? 1
                           : lead >= 0xE0 && lead <= 0xEF ? 2
                           : lead >= 0xF0 && lead <= 0xF4 ? 3
                                                          : 0;
  if (need == 0) return 0;
  char bytes[4] = {static_cast<char>(lead)};
  std::size_t at = j + first_length;
  for (std::size_t k = 1; k <= need; ++k) {
    if (at >= in.size() || static_cast<unsigned char>(in[at]) < 0x80) return 0;
    std::size_t next_length;
    const int byte = mojibake_byte(decode_utf8_at(in, at, &next_length));
    if (byte < 0x80 || byte > 0xBF) return 0;
    bytes[k] = static_cast<char>(byte);
    at += next_length;
  }
  const std::string_view sequence(bytes, need + 1);
  bool ascii;
  if (!is_valid_utf8(sequence, &ascii)) return 0;
  std::size_t decoded_length;
  const std::uint32_t cp = decode_utf8_at(sequence, 0, &decoded_length);
  *length = at - j;
  return cp;
}

// NFKC of `chunk`, then canonical_code_point on each character, appended to *out.
void append_normalized(const icu::Normalizer2* nfkc, std::string_view chunk, std::string* out) {
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(chunk.data(), static_cast<std::int32_t>(chunk.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfkc != nullptr ? nfkc->normalize(source, status) : source;
  if (U_FAILURE(status)) normalized = source;
  for (std::int32_t k = 0; k < normalized.length();) {
    const UChar32 c = normalized.char32At(k);
    k += U16_LENGTH(c);
    const std::int32_t mapped = canonical_code_point(static_cast<std::uint32_t>(c));
    if (mapped >= 0) append_utf8(static_cast<std::uint32_t>(mapped), out);
  }
}

}  // namespace

bool normalize_unicode(std::string_view in, std::string* out, OffsetMap* map) {
  const icu::Normalizer2* nfkc = nfkc_instance();
  Emitter emit(in, out, map);
  std::string replacement;
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t j = i;
    while (j < n && static_cast<unsigned char>(in[j]) < 0x80) ++j;
    if (j == n) break;
    std::size_t length;
    const std::uint32_t cp = decode_utf8_at(in, j, &length);
    if (cp >= 0xC2 && cp <= 0xF4) {
      std::size_t mojibake_length = 0;
      if (const std::uint32_t repaired = repair_mojibake(in, j, &mojibake_length); repaired != 0) {
        // The repaired character goes through NFKC like any other.
        std::string character;
        append_utf8(repaired, &character);
        replacement.clear();
        append_normalized(nfkc, character, &replacement);
        if (replacement.empty()) {
          emit.remove(j, j + mojibake_length);
        } else {
          emit.replace(j, j + mojibake_length, replacement);
        }
        i = j + mojibake_length;
        continue;
      }
    }
    // A combining mark belongs to the character before it: normalize them together.
    std::size_t chunk_begin = j;
    if (j > i && nfkc != nullptr && !nfkc->hasBoundaryBefore(static_cast<UChar32>(cp))) {
      chunk_begin = j - 1;
    }
    std::size_t chunk_end = j + length;
    while (chunk_end < n && nfkc != nullptr) {
      std::size_t next_length;
      const std::uint32_t next = decode_utf8_at(in, chunk_end, &next_length);
      if (nfkc->hasBoundaryBefore(static_cast<UChar32>(next))) break;
      chunk_end += next_length;
    }
    replacement.clear();
    if (chunk_begin == j && chunk_end == j + length &&
        (nfkc == nullptr || nfkc->isInert(static_cast<UChar32>(cp)))) {
      const std::int32_t mapped = canonical_code_point(cp);
      if (mapped >= 0) append_utf8(static_cast<std::uint32_t>(mapped), &replacement);
    } else {
      append_normalized(nfkc, in.substr(chunk_begin, chunk_end - chunk_begin), &replacement);
    }
    if (replacement.empty()) {
      emit.remove(chunk_begin, chunk_end);
    } else {
      emit.replace(chunk_begin, chunk_end, replacement);
    }
    i = chunk_end;
  }
  return emit.finish();
}

namespace {

// decode_escapes; `marks` (from mark_text) says where to look, or nullptr: at every byte.
bool decode_marked(std::string_view in, const NormalizerLimits& limits, std::string* out,
                   OffsetMap* map, const std::vector<std::uint64_t>* marks) {
  const std::size_t n = in.size();
  // Where the loop below looks next after a byte that starts nothing. No base64 run starts before
  // `from` (in[from - 1] is not base64), so a marked byte of a run leads back to where it starts.
  auto next_event = [&](std::size_t from) {
    if (marks == nullptr) return from;
    std::size_t k = next_marked(*marks, from, n);
    if (k >= n || !kBase64Char[static_cast<unsigned char>(in[k])]) return k;
    while (k > from && kBase64Char[static_cast<unsigned char>(in[k - 1])]) --k;
    return k;
  };
  std::size_t i = next_event(0);
  if (i >= n) {  // most prose: nothing to decode, and nothing is copied
    out->clear();
    map->clear();
    return false;
  }
  // Whether '+' stands for a space (form encoding: the text has %XX escapes). Asked only when a
  // run that did not decode holds a '+': the search reads the whole text, most prose never needs
  // it.
  int plus_is_space = -1;
  Emitter emit(in, out, map);
  std::string decoded;
  while (i < n) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (kPlainByte[c]) {
      i = next_event(i + 1);
      continue;
    }
    if (kBase64Char[c]) {
      std::size_t j = i + 1;
      while (j < n && kBase64Char[static_cast<unsigned char>(in[j])]) ++j;
      std::size_t run_end = j;
      while (run_end < n && run_end - j < 2 && in[run_end] == '=') ++run_end;
      if (j - i >= limits.min_base64_length && decode_hex_text(in.substr(i, j - i), &decoded) &&
          mostly_printable(decoded)) {
        emit.replace(i, j, decoded);
        i = j;
        continue;
      }
      if (j - i >= limits.min_base64_length && decode_base64(in.substr(i, j - i), &decoded) &&
          mostly_printable(decoded)) {
        emit.replace(i, run_end, decoded);
        i = run_end;
        continue;
      }
      if (plus_is_space < 0 && std::memchr(in.data() + i, '+', j - i) != nullptr) {
        plus_is_space = has_percent_escape(in) ? 1 : 0;
      }
      if (plus_is_space == 1) {
        for (std::size_t k = i; k < j; ++k) {
          if (in[k] == '+') emit.replace(k, k + 1, " ");
        }
      }
      i = j;
      continue;
    }
    if (c == '%') {
      // A run of consecutive escapes decodes together (multi-byte UTF-8 characters span several).
      std::size_t j = i;
      decoded.clear();
      while (j + 2 < n && in[j] == '%' && is_hex(in[j + 1]) && is_hex(in[j + 2])) {
        decoded.push_back(static_cast<char>(hex_value(in[j + 1]) * 16 + hex_value(in[j + 2])));
        j += 3;
      }
      bool ascii;
      bool acceptable = j > i && is_valid_utf8(decoded, &ascii);
      for (std::size_t k = 0; acceptable && k < decoded.size(); ++k) {
        const auto b = static_cast<unsigned char>(decoded[k]);
        if (b < 0x80 && !acceptable_decoded_code_point(b)) acceptable = false;
      }
      if (acceptable) {
        emit.replace(i, j, decoded);
        i = j;
        continue;
      }
      ++i;
      continue;
    }
    if (c == '&' || c == '\\') {
      std::uint32_t cp = 0;
      const std::size_t length =
          c == '&' ? parse_entity(in, i, &cp) : parse_backslash_escape(in, i, &cp);
      if (length > 0) {
        decoded.clear();
        append_utf8(cp, &decoded);
        emit.replace(i, i + length, decoded);
        i += length;
        continue;
      }
    }
    ++i;
  }
  return emit.finish();
}

}  // namespace

bool decode_escapes(std::string_view in, const NormalizerLimits& limits, std::string* out,
                    OffsetMap* map, StageScan scan) {
  if (scan == StageScan::kEveryByte) return decode_marked(in, limits, out, map, nullptr);
  std::vector<std::uint64_t> marks;
  mark_text<true, false, false>(in, limits.min_base64_length, &marks, nullptr);
  return decode_marked(in, limits, out, map, &marks);
}

namespace {

bool is_line_blank(char c) { return c == ' ' || c == '\t'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(char c) {
  return is_ascii_alnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// The length of the copy marks at the line that starts at in[i], 0 if none: e-mail quote markers
// ("> ", "> > ", ">>"), a line-number gutter ending in a tab ("  12\t", as cat -n and nl print
// it) or in two spaces (shell history, "  501  ").
std::size_t line_marks_at(std::string_view in, std::size_t i) {
  const std::size_t n = in.size();
  std::size_t j = i;
  while (j < n && is_line_blank(in[j]) && in[j] != '\t') ++j;
  if (j < n && in[j] == '>') {
    while (j < n && (in[j] == '>' || is_line_blank(in[j]))) ++j;
    return j - i;
  }
  const std::size_t digits = j;
  while (j < n && j - digits < 7 && is_ascii_digit(in[j])) ++j;
  if (j == digits || j - digits == 7 || j >= n) return 0;
  if (in[j] == '\t') return j + 1 - i;
  // Shell history ("  501  ssh ...", "  502* vim": bash prints a number, a space or '*' for an
  // edited entry, a space).
  if (j + 1 < n && (in[j] == ' ' || in[j] == '*') && in[j + 1] == ' ') return j + 2 - i;
  return 0;
}

// The number of a shell history gutter at the line that starts at in[i] ("  501  cmd"), or -1.
long history_number_at(std::string_view in, std::size_t i) {
  const std::size_t n = in.size();
  std::size_t j = i;
  while (j < n && j - i < 6 && in[j] == ' ') ++j;
  long number = 0;
  const std::size_t digits = j;
  while (j < n && j - digits < 7 && is_ascii_digit(in[j])) number = number * 10 + (in[j++] - '0');
  if (j == digits || j - digits == 7) return -1;
  return j + 1 < n && (in[j] == ' ' || in[j] == '*') && in[j + 1] == ' ' ? number : -1;
}

// Whether one of the first lines of a text and the line after it carry a shell history gutter
// with consecutive numbers: nothing marks such a paste but its line starts, and a pass over every
// line would cost prose more than the rest of the stage, so only the first lines are looked at
// (a history is pasted whole, perhaps under a line or two of question).
bool starts_with_history(std::string_view in) {
  long previous = -1;
  std::size_t start = 0;
  for (int line = 0; line < 6 && start < in.size(); ++line) {
    const long number = history_number_at(in, start);
    if (number >= 0 && previous >= 0 && number == previous + 1) return true;
    previous = number;
    const std::size_t end = in.find('\n', start);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return false;
}

// The tags of an HTML e-mail or web page (known names only: "<YOUR_KEY>" and "<password>" stay).
// Returns the length of the tag at in[i] == '<', 0 if none; *separator is what stands for it: a
// newline for "</p>" or "<br>", a space for "</td>", 0 for nothing.
// The kind of a known tag name (lowered): '\n' a block, ' ' a table cell, 'i' inline, 0 none. The
// name's length picks the few names to compare: every '<' of a text comes here.
char tag_kind(std::string_view name) {
  struct Tag {
    std::string_view name;
    char kind;
  };
  static constexpr Tag k1[] = {{"p", '\n'}, {"b", 'i'}, {"i", 'i'},
                               {"u", 'i'},  {"a", 'i'}, {"s", 'i'}};
  static constexpr Tag k2[] = {{"br", '\n'}, {"li", '\n'}, {"tr", '\n'}, {"h1", '\n'},
                               {"h2", '\n'}, {"h3", '\n'}, {"h4", '\n'}, {"h5", '\n'},
                               {"h6", '\n'}, {"hr", '\n'}, {"ul", '\n'}, {"ol", '\n'},
                               {"td", ' '},  {"th", ' '},  {"em", 'i'},  {"tt", 'i'}};
  static constexpr Tag k3[] = {{"div", '\n'}, {"pre", '\n'}, {"sup", 'i'}, {"sub", 'i'},
                               {"big", 'i'},  {"ins", 'i'},  {"del", 'i'}};
  static constexpr Tag k4[] = {{"span", 'i'}, {"font", 'i'}, {"code", 'i'}, {"mark", 'i'}};
  static constexpr Tag k5[] = {{"table", '\n'}, {"tbody", '\n'}, {"thead", '\n'}, {"small", 'i'}};
  static constexpr Tag k6[] = {{"strong", 'i'}, {"strike", 'i'}};
  static constexpr Tag k10[] = {{"blockquote", '\n'}};
  std::span<const Tag> tags;
  switch (name.size()) {
    case 1:
      tags = k1;
      break;
    case 2:
      tags = k2;
      break;
    case 3:
      tags = k3;
      break;
    case 4:
      tags = k4;
      break;
    case 5:
      tags = k5;
      break;
    case 6:
      tags = k6;
      break;
    case 10:
      tags = k10;
      break;
    default:
      return 0;
  }
  for (const Tag& tag : tags) {
    if (tag.name[0] == name[0] && tag.name == name) return tag.kind;
  }
  return 0;
}

std::size_t html_tag_at(std::string_view in, std::size_t i, char* separator) {
  const std::size_t n = in.size();
  std::size_t j = i + 1;
  const bool closing = j < n && in[j] == '/';
  if (closing) ++j;
  const std::size_t name_begin = j;
  // Lowered in place (no string, no locale call: every '<' of a text comes here).
  char lowered[12];
  while (j < n && j - name_begin < 12 && is_ascii_alnum(static_cast<unsigned char>(in[j]))) {
    const char c = in[j];
    lowered[j - name_begin] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    ++j;
  }
  if (j == name_begin || j >= n) return 0;
  const std::string_view name(lowered, j - name_begin);
  const char kind = tag_kind(name);
  if (kind == 0) return 0;
  // Attributes up to '>' on the same line, quoted values may hold '>'.
  char quote = 0;
  for (std::size_t limit = j + 512; j < n && j < limit; ++j) {
    const char c = in[j];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      // A paragraph or line break ends a line, a cell's end leaves a space; others vanish.
      const bool ends_line = kind == '\n' && (closing || name == "br" || name == "hr");
      *separator = ends_line ? '\n' : (kind == ' ' && closing) ? ' ' : 0;
      return j + 1 - i;
    } else if (c == '<' || c == '\n') {
      return 0;
    } else if (j == name_begin + name.size() && c != ' ' && c != '/' && c != '\t') {
      return 0;
    }
  }
  return 0;
}

// Which copy marks a text has. Each starts at (or, for line marks, ends in) one of a few bytes,
// '"' '<' '>' tab CR: only those are looked at (memchr finds them; a full pass over the lines
// would cost prose more than the rest of the stage).
struct CopyKinds {
  bool doubled = false;  // ""word""
  bool crlf = false;
  bool tags = false;
  bool lines = false;  // quote markers or a gutter at a line start
  bool all() const { return doubled && crlf && tags && lines; }
  bool any() const { return doubled || crlf || tags || lines; }
};

void note_candidate(std::string_view in, std::size_t k, CopyKinds* kinds) {
  const bool pair = k + 1 < in.size();
  switch (in[k]) {
    case '"':
      kinds->doubled = kinds->doubled || (pair && in[k + 1] == '"');
      break;
    case '\r':
      kinds->crlf = kinds->crlf || (pair && in[k + 1] == '\n');
      break;
    case '<':
      if (!kinds->tags) {
        char separator;
        kinds->tags = html_tag_at(in, k, &separator) > 0;
      }
      break;
    case '>':
    case '\t':
      if (!kinds->lines) {
        // Back to the line start over what line marks are made of, then read them from there.
        std::size_t start = k;
        while (start > 0 && k - start < 12 && in[start - 1] != '\n' &&
               (is_line_blank(in[start - 1]) || is_ascii_digit(in[start - 1]) ||
                in[start - 1] == '>')) {
          --start;
        }
        kinds->lines =
            (start == 0 || in[start - 1] == '\n') && line_marks_at(in, start) > k - start;
      }
      break;
    default:
      break;
  }
}

CopyKinds find_copy_kinds(std::string_view in, StageScan scan) {
  CopyKinds kinds;
  kinds.lines = starts_with_history(in);
  if (scan == StageScan::kSkipAhead && marks_build() == MarksBuild::kAvx2) {
    // The five bytes in one pass (memchr per byte was five passes and a call per quote of prose).
    for (std::size_t k = detail::next_copy_byte_avx2(in, 0); k < in.size() && !kinds.all();
         k = detail::next_copy_byte_avx2(in, k + 1)) {
      note_candidate(in, k, &kinds);
    }
    return kinds;
  }
  for (const char c : {'"', '\r', '<', '>', '\t'}) {
    for (std::size_t k = in.find(c); k != std::string_view::npos && !kinds.all();
         k = in.find(c, k + 1)) {
      note_candidate(in, k, &kinds);
    }
  }
  return kinds;
}

bool unwrap_kinds(std::string_view in, const CopyKinds& kinds, std::string* out, OffsetMap* map) {
  const std::size_t n = in.size();
  if (!kinds.any()) {
    out->clear();
    map->clear();
    return false;
  }
  Emitter emit(in, out, map);
  bool line_start = true;
  for (std::size_t i = 0; i < n;) {
    if (line_start && kinds.lines) {
      line_start = false;
      const std::size_t length = line_marks_at(in, i);
      if (length > 0) {
        emit.remove(i, i + length);
        i += length;
        continue;
      }
    }
    const char c = in[i];
    if (c == '\n') {
      line_start = true;
      ++i;
      continue;
    }
    if (c == '\r' && kinds.crlf && i + 1 < n &&
        in[i + 1] == '\n') {  // Windows line ends: "$" is "\n"
      emit.remove(i, i + 1);
      ++i;
      continue;
    }
    char separator = 0;
    const std::size_t tag = c == '<' && kinds.tags ? html_tag_at(in, i, &separator) : 0;
    if (tag > 0) {
      // "<br>\n" already has its line end.
      if (separator == 0 || (separator == '\n' && i + tag < n && in[i + tag] == '\n')) {
        emit.remove(i, i + tag);
      } else {
        emit.replace(i, i + tag, std::string_view(&separator, 1));
        line_start = separator == '\n';
      }
      i += tag;
      continue;
    }
    // A CSV cell doubles its quotes: ""value"" is "value". An empty string ("") is left alone, so
    // one side of the pair must touch a word.
    if (c == '"' && kinds.doubled && i + 1 < n && in[i + 1] == '"' &&
        (i + 2 >= n || in[i + 2] != '"') && (i == 0 || in[i - 1] != '"') &&
        ((i > 0 && is_word_byte(in[i - 1])) || (i + 2 < n && is_word_byte(in[i + 2])))) {
      emit.replace(i, i + 2, "\"");
      i += 2;
      continue;
    }
    ++i;
  }
  return emit.finish();
}

}  // namespace

bool unwrap_copy_marks(std::string_view in, std::string* out, OffsetMap* map, StageScan scan) {
  return unwrap_kinds(in, find_copy_kinds(in, scan), out, map);
}

bool fold_for_keywords(std::string_view in, std::string* out, OffsetMap* map) {
  Emitter emit(in, out, map);
  emit.set_same_length_identity(true);
  std::string replacement;
  for (std::size_t i = 0; i < in.size();) {
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    const std::uint32_t cp = decode_utf8_at(in, i, &length);
    const auto* it = std::lower_bound(
        std::begin(kConfusables), std::end(kConfusables), cp,
        [](const Confusable& entry, std::uint32_t value) { return entry.cp < value; });
    replacement.clear();
    if (it != std::end(kConfusables) && it->cp == cp) {
      replacement.push_back(it->ascii);
    } else {
      const auto folded =
          static_cast<std::uint32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
      if (folded != cp && utf8_length(folded) == length) append_utf8(folded, &replacement);
    }
    if (!replacement.empty()) emit.replace(i, i + length, replacement);
    i += length;
  }
  return emit.finish();
}

// "p r o j e c t", "I.N.T.E.R.N.A.L": three or more single letters or digits, each separated by one
// separator character, become one word. Two spaces still separate words, so "p r o j  x" keeps its
// word break.
namespace {

// collapse_letter_spacing; `marks` (from mark_text) lists the candidate separators, or nullptr:
// every byte is one.
bool collapse_marked(std::string_view in, std::string* out, OffsetMap* map,
                     const std::vector<std::uint64_t>* marks) {
  Emitter emit(in, out, map);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t resume = 0;  // text before this offset is already handled
  // The run of single characters whose first separator is in[j], if one starts there: removes its
  // separators and returns the end of the run; otherwise returns 0.
  auto collapse_at = [&](std::size_t j) -> std::size_t {
    if (!kSpacingSeparator[p[j]] || !kMaybeAlnum[p[j - 1]] || !kMaybeAlnum[p[j + 1]]) return 0;
    // A separator between two word characters: does a run of single characters start right
    // before it? Find the start of the character before j, then check exactly.
    std::size_t length;
    std::size_t i = j - 1;
    while (i > 0 && (p[i] & 0xC0) == 0x80) --i;
    if (i < resume) return 0;
    if (!is_alnum_at(in, i, &length) || i + length != j) return 0;
    if (i > 0) {
      std::size_t before_length;
      decode_utf8_before(in, i, &before_length);
      std::size_t ignored;
      if (is_alnum_at(in, i - before_length, &ignored)) return 0;  // a longer word ends here
    }
    std::size_t singles = 1;
    std::size_t end = j;  // end of the last single
    std::size_t separators[64];
    std::size_t separator_count = 0;
    while (end + 1 < n && kSpacingSeparator[p[end]] && separator_count < 64) {
      std::size_t next_length;
      if (!is_alnum_at(in, end + 1, &next_length)) break;
      const std::size_t after = end + 1 + next_length;
      std::size_t ignored;
      if (after < n && is_alnum_at(in, after, &ignored)) break;  // a longer word follows
      separators[separator_count++] = end;
      ++singles;
      end = after;
    }
    if (singles < 3) return 0;
    for (std::size_t k = 0; k < separator_count; ++k) {
      emit.remove(separators[k], separators[k] + 1);
    }
    resume = end;
    return end;
  };

  auto next_candidate = [&](std::size_t from) {
    return marks == nullptr ? from : next_marked(*marks, from, n);
  };
  for (std::size_t j = next_candidate(1); j + 1 < n;) {
    const std::size_t end = collapse_at(j);
    j = next_candidate(end != 0 ? end + 1 : j + 1);  // after a run: past the separator after it
  }
  return emit.finish();
}

}  // namespace

bool collapse_letter_spacing(std::string_view in, std::string* out, OffsetMap* map,
                             StageScan scan) {
  if (scan == StageScan::kEveryByte) return collapse_marked(in, out, map, nullptr);
  std::vector<std::uint64_t> marks;
  mark_text<false, true, false>(in, 0, nullptr, &marks);
  return collapse_marked(in, out, map, &marks);
}

// ---------------------------------------------------------------------------------------------
// NormalizedText

std::string_view NormalizedText::text(int layer) const {
  while (layer > 0 && !layers_[static_cast<std::size_t>(layer)].owned) --layer;
  return layer == 0 ? original_
                    : std::string_view(layers_[static_cast<std::size_t>(layer)].storage);
}

int NormalizedText::push(Layer layer) {
  layers_.push_back(std::move(layer));
  return static_cast<int>(layers_.size()) - 1;
}

int NormalizedText::layer_of(ViewKind kind) const {
  switch (kind) {
    case ViewKind::kNormalized:
      return normalized_;
    case ViewKind::kDecoded:
      return decoded_;
    case ViewKind::kKeyword:
      return keyword_;
  }
  return normalized_;
}

std::string_view NormalizedText::view(ViewKind kind) const { return text(layer_of(kind)); }

std::pair<std::size_t, std::size_t> NormalizedText::map_down(int layer, std::size_t begin,
                                                             std::size_t end) const {
  for (; layer > 0; --layer) {
    const Layer& l = layers_[static_cast<std::size_t>(layer)];
    if (l.owned) std::tie(begin, end) = l.map.map(begin, end);
  }
  return {begin, end};
}

std::pair<std::size_t, std::size_t> NormalizedText::to_original(ViewKind kind, std::size_t begin,
                                                                std::size_t end) const {
  return map_down(layer_of(kind), begin, end);
}

bool NormalizedText::build(std::string_view original, const NormalizerLimits& limits,
                           std::string* error, StageScan scan) {
  original_ = original;
  layers_.clear();
  layers_.reserve(8);
  layers_.emplace_back();
  normalized_ = decoded_ = keyword_ = 0;
  // ASCII text, the usual case: one pass proves it valid UTF-8 (nothing to normalize) and marks
  // where decoding and letter-spacing may have work; while the text is unchanged those marks stand.
  const bool marked = scan == StageScan::kSkipAhead &&
                      mark_text<true, true, true>(original, limits.min_base64_length,
                                                  &decode_marks_, &spacing_marks_);
  bool ascii = marked;
  if (!marked && !is_valid_utf8(original, &ascii)) {
    if (error != nullptr) *error = "text is not valid UTF-8";
    return false;
  }
  int top = 0;
  auto apply = [&](auto&& stage) {
    Layer layer;
    if (stage(text(top), &layer.storage, &layer.map)) {
      layer.owned = true;
      top = push(std::move(layer));
      return true;
    }
    return false;
  };
  if (!ascii) {
    if (nfkc_instance() == nullptr) {
      if (error != nullptr) *error = "ICU NFKC normalizer unavailable";
      return false;
    }
    apply(normalize_unicode);
  }
  normalized_ = top;
  for (int depth = 0; depth < limits.max_decode_depth; ++depth) {
    const bool decoded = apply([&](std::string_view in, std::string* out, OffsetMap* map) {
      if (marked && top == 0) return decode_marked(in, limits, out, map, &decode_marks_);
      return decode_escapes(in, limits, out, map, scan);
    });
    if (!decoded) break;
    bool decoded_ascii = true;
    if (!is_valid_utf8(text(top), &decoded_ascii)) {
      if (error != nullptr) *error = "decoded text is not valid UTF-8";
      return false;
    }
    if (!decoded_ascii) apply(normalize_unicode);
  }
  apply([&](std::string_view in, std::string* out, OffsetMap* map) {
    return unwrap_copy_marks(in, out, map, scan);
  });
  decoded_ = top;
  bool top_ascii = ascii;
  if (top != 0) is_valid_utf8(text(top), &top_ascii);
  if (!top_ascii) apply(fold_for_keywords);
  apply([&](std::string_view in, std::string* out, OffsetMap* map) {
    if (marked && top == 0) return collapse_marked(in, out, map, &spacing_marks_);
    return collapse_letter_spacing(in, out, map, scan);
  });
  keyword_ = top;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Text typed without diacritics (normalizer.h).
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
