// Parser and analyses for regex_analysis.h. The parser mirrors RE2's own (re2/parse.cc, Perl-like
// flags as RE2::Options sets them by default): precedence, flag scoping ((?i) lasts to the end of
// the enclosing group, across '|'), escapes, classes. Where RE2 would accept something this parser
// does not model, it gives up; where it models RE2 loosely, it errs on the side of matching more
// (every character set here is a superset of what RE2 matches).
#include "policies/regex_analysis.h"

#include <unicode/uniset.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <deque>
#include <initializer_list>
#include <map>
#include <mutex>
#include <unordered_map>

#include "policies/normalizer.h"

namespace switchyard::policy {

namespace {

constexpr std::uint8_t kFoldCase = 1;
constexpr std::uint8_t kMultiLine = 2;
constexpr std::uint8_t kDotNewline = 4;
constexpr std::uint8_t kSemanticFlags = kFoldCase | kMultiLine | kDotNewline;

constexpr int kMaxDepth = 200;
constexpr int kMaxRepeat = 1000;  // RE2's limit for {n,m}
constexpr std::size_t kMaxPatternBytes = 1 << 16;
constexpr char32_t kMaxRune = 0x10FFFF;
constexpr char32_t kLongS = 0x17F;    // (?i)s matches it
constexpr char32_t kKelvin = 0x212A;  // (?i)k matches it

// Literal extraction limits: a set of at most this many strings of at most this many bytes.
constexpr std::size_t kMaxExactStrings = 64;
constexpr std::size_t kMaxRequiredStrings = 256;
constexpr std::size_t kMaxLiteralBytes = 64;
constexpr std::size_t kMaxClassLiterals = 16;
// A gate whose windows are estimated to cost more than this (ns per MB of English prose) is not
// worth it: the rule stays with the whole-text set.
constexpr double kMaxGateCost = 4e6;
// Each distinct 3-byte literal prefix adds some scanner work (ns per MB, estimated): the more
// fingerprints, the more false candidates to compare.
constexpr double kLiteralScanCost = 3000;
// A byte set no other rule triggers on takes one of the scanner's sixteen classes and its share
// of each block's work, however rare its bytes are in prose (ns per MB, estimated).
constexpr double kByteSetScanCost = kLiteralScanCost;
// When a gate fires, the rule's own RE2 runs over the whole view (ns per MB, estimated).
constexpr double kConfirmCost = 3e6;

enum class Kind : std::uint8_t { kFlags, kAssert, kChars, kConcat, kAlt, kRepeat, kGroup };
enum class Assertion : std::uint8_t { kNone, kLine, kText, kWordBoundary, kNotWordBoundary };

struct Node {
  Kind kind = Kind::kFlags;
  std::uint8_t flags = 0;  // flags in effect where the node starts
  Assertion assertion = Assertion::kNone;
  bool literal = false;  // kChars written as one literal character (rune)
  char32_t rune = 0;
  int min = 0;
  int max = 0;            // kRepeat; -1: unbounded
  std::string source;     // kChars (non-literal) and kAssert: the RE2 syntax as written
  icu::UnicodeSet chars;  // kChars: every code point it may match (a superset)
  std::vector<int> children;
};

std::size_t add_length(std::size_t a, std::size_t b) {
  if (a == kUnboundedLength || b == kUnboundedLength) return kUnboundedLength;
  if (a > kUnboundedLength - b) return kUnboundedLength;
  return a + b;
}

std::size_t mul_length(std::size_t a, std::size_t n) {
  if (n == 0 || a == 0) return 0;
  if (a == kUnboundedLength || n == kUnboundedLength) return kUnboundedLength;
  if (a > kUnboundedLength / n) return kUnboundedLength;
  return a * n;
}

std::size_t utf8_length(char32_t cp) {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

unsigned char lead_byte(char32_t cp) {
  if (cp < 0x80) return static_cast<unsigned char>(cp);
  if (cp < 0x800) return static_cast<unsigned char>(0xC0 | (cp >> 6));
  if (cp < 0x10000) return static_cast<unsigned char>(0xE0 | (cp >> 12));
  return static_cast<unsigned char>(0xF0 | (cp >> 18));
}

// Strict UTF-8 decoding (no overlong forms, no surrogates): stricter than RE2, so a pattern RE2
// would read differently is rejected rather than misread.
bool decode_rune(std::string_view s, std::size_t* pos, char32_t* out) {
  if (*pos >= s.size()) return false;
  const auto b0 = static_cast<unsigned char>(s[*pos]);
  if (b0 < 0x80) {
    *out = b0;
    ++*pos;
    return true;
  }
  std::size_t n = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return false;
  }
  if (*pos + n > s.size()) return false;
  for (std::size_t i = 1; i < n; ++i) {
    const auto b = static_cast<unsigned char>(s[*pos + i]);
    if ((b & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (utf8_length(cp) != n || cp > kMaxRune || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  *out = cp;
  *pos += n;
  return true;
}

bool is_ascii_word(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

icu::UnicodeSet all_runes() { return icu::UnicodeSet(0, kMaxRune); }

// Adds every code point RE2's (?i) may pair with a member (ICU's full case closure is a superset
// of RE2's simple case-folding orbits; the two ASCII oddities are added explicitly as well).
void close_over_case(icu::UnicodeSet* set) {
  const bool has_s = set->contains('s') || set->contains('S');
  const bool has_k = set->contains('k') || set->contains('K');
  set->closeOver(USET_CASE_INSENSITIVE);
  set->removeAllStrings();
  if (has_s) set->add(kLongS);
  if (has_k) set->add(kKelvin);
}

icu::UnicodeSet complement_of(const icu::UnicodeSet& set) {
  icu::UnicodeSet out(set);
  out.complement();
  out.removeAllStrings();
  return out;
}

// RE2's ASCII-only Perl classes (\d \s \w) and POSIX classes ([:alpha:] ...), as code points.
struct Range {
  char32_t lo, hi;
};
icu::UnicodeSet make_set(std::initializer_list<Range> ranges) {
  icu::UnicodeSet set;
  for (const auto& r : ranges) set.add(r.lo, r.hi);
  return set;
}

icu::UnicodeSet perl_class(char letter) {
  switch (letter) {
    case 'd':
      return make_set({{'0', '9'}});
    case 's':
      return make_set({{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}});
    default:
      return make_set({{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
  }
}

bool posix_class(std::string_view name, icu::UnicodeSet* set) {
  static const std::map<std::string_view, std::vector<Range>> kClasses = {
      {"alnum", {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}}},
      {"alpha", {{'A', 'Z'}, {'a', 'z'}}},
      {"ascii", {{0, 0x7F}}},
      {"blank", {{'\t', '\t'}, {' ', ' '}}},
      {"cntrl", {{0, 0x1F}, {0x7F, 0x7F}}},
      {"digit", {{'0', '9'}}},
      {"graph", {{'!', '~'}}},
      {"lower", {{'a', 'z'}}},
      {"print", {{' ', '~'}}},
      {"punct", {{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}}},
      {"space", {{'\t', '\r'}, {' ', ' '}}},
      {"upper", {{'A', 'Z'}}},
      {"word", {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}},
      {"xdigit", {{'0', '9'}, {'A', 'F'}, {'a', 'f'}}},
  };
  const auto it = kClasses.find(name);
  if (it == kClasses.end()) return false;
  set->clear();
  for (const auto& r : it->second) set->add(r.lo, r.hi);
  return true;
}

class Parser {
 public:
  Parser(std::string_view pattern, std::deque<Node>* nodes) : p_(pattern), nodes_(*nodes) {}

  int parse() {
    if (p_.size() > kMaxPatternBytes) return fail("pattern too long");
    const int root = alternation(0);
    if (root < 0) return -1;
    if (pos_ != p_.size()) return fail("unexpected )");
    return root;
  }
  const std::string& error() const { return error_; }

 private:
  int fail(const char* why) {
    if (error_.empty()) error_ = std::string(why) + " at offset " + std::to_string(pos_);
    return -1;
  }
  int add(Node node) {
    nodes_.push_back(std::move(node));
    return static_cast<int>(nodes_.size() - 1);
  }
  bool at(char c, std::size_t offset = 0) const {
    return pos_ + offset < p_.size() && p_[pos_ + offset] == c;
  }

  int alternation(int depth) {
    if (depth > kMaxDepth) return fail("nesting too deep");
    const std::uint8_t start_flags = flags_;
    std::vector<int> branches;
    while (true) {
      const int branch = concat(depth);
      if (branch < 0) return -1;
      branches.push_back(branch);
      if (!at('|')) break;
      ++pos_;
    }
    if (branches.size() == 1) return branches[0];
    Node node;
    node.kind = Kind::kAlt;
    node.flags = start_flags;
    node.children = std::move(branches);
    return add(std::move(node));
  }

  // RE2's MaybeParseRepetition: {n}, {n,}, {n,m}; no leading zeros; otherwise '{' is a literal.
  bool repetition_at(std::size_t at_pos, int* lo, int* hi, std::size_t* length) const {
    std::size_t i = at_pos;
    if (i >= p_.size() || p_[i] != '{') return false;
    ++i;
    auto integer = [&](int* value) {
      if (i >= p_.size() || p_[i] < '0' || p_[i] > '9') return false;
      if (p_[i] == '0' && i + 1 < p_.size() && p_[i + 1] >= '0' && p_[i + 1] <= '9') return false;
      long n = 0;
      while (i < p_.size() && p_[i] >= '0' && p_[i] <= '9') {
        if (n >= 100000000) return false;
        n = n * 10 + (p_[i] - '0');
        ++i;
      }
      *value = static_cast<int>(n);
      return true;
    };
    if (!integer(lo)) return false;
    if (i >= p_.size()) return false;
    if (p_[i] == ',') {
      ++i;
      if (i >= p_.size()) return false;
      if (p_[i] == '}') {
        *hi = -1;
      } else if (!integer(hi)) {
        return false;
      }
    } else {
      *hi = *lo;
    }
    if (i >= p_.size() || p_[i] != '}') return false;
    *length = i + 1 - at_pos;
    return true;
  }

  int concat(int depth) {
    Node node;
    node.kind = Kind::kConcat;
    node.flags = flags_;
    int last = -1;  // the item a repetition operator applies to; -1: none (an error in RE2 or here)
    bool last_was_repeat = false;
    while (pos_ < p_.size() && p_[pos_] != '|' && p_[pos_] != ')') {
      const char c = p_[pos_];
      int lo = 0;
      int hi = 0;
      std::size_t length = 1;
      bool repeat = true;
      if (c == '*') {
        lo = 0, hi = -1;
      } else if (c == '+') {
        lo = 1, hi = -1;
      } else if (c == '?') {
        lo = 0, hi = 1;
      } else if (!(c == '{' && repetition_at(pos_, &lo, &hi, &length))) {
        repeat = false;
      }
      if (repeat) {
        if (last < 0) return fail("missing argument to repetition operator");
        if (last_was_repeat) return fail("stacked repetition operators");
        if ((hi != -1 && hi < lo) || lo > kMaxRepeat || hi > kMaxRepeat) {
          return fail("bad repetition count");
        }
        pos_ += length;
        if (at('?')) ++pos_;  // non-greedy: the same strings match
        Node rep;
        rep.kind = Kind::kRepeat;
        rep.flags =
            nodes_[static_cast<std::size_t>(node.children[static_cast<std::size_t>(last)])].flags;
        rep.min = lo;
        rep.max = hi;
        rep.children = {node.children[static_cast<std::size_t>(last)]};
        node.children[static_cast<std::size_t>(last)] = add(std::move(rep));
        last_was_repeat = true;
        continue;
      }
      last_was_repeat = false;
      if (!atom(depth, &node.children, &last)) return -1;
    }
    return add(std::move(node));
  }

  int push(Node node, std::vector<int>* items, int* last) {
    const int index = add(std::move(node));
    items->push_back(index);
    *last = static_cast<int>(items->size() - 1);
    return index;
  }

  Node chars_node(icu::UnicodeSet set, std::string source) const {
    Node node;
    node.kind = Kind::kChars;
    node.flags = flags_;
    node.chars = std::move(set);
    node.chars.removeAllStrings();
    node.source = std::move(source);
    return node;
  }

  Node literal_node(char32_t rune) const {
    icu::UnicodeSet set(rune, rune);
    if (flags_ & kFoldCase) close_over_case(&set);
    Node node = chars_node(std::move(set), std::string());
    node.literal = true;
    node.rune = rune;
    return node;
  }

  Node assert_node(Assertion assertion, std::string source) const {
    Node node;
    node.kind = Kind::kAssert;
    node.flags = flags_;
    node.assertion = assertion;
    node.source = std::move(source);
    return node;
  }

  bool atom(int depth, std::vector<int>* items, int* last) {
    const char c = p_[pos_];
    switch (c) {
      case '(':
        return group(depth, items, last);
      case '[': {
        Node node;
        if (!char_class(&node)) return false;
        push(std::move(node), items, last);
        return true;
      }
      case '.': {
        icu::UnicodeSet set = all_runes();
        if (!(flags_ & kDotNewline)) set.remove('\n');
        ++pos_;
        push(chars_node(std::move(set), "."), items, last);
        return true;
      }
      case '^':
      case '$':
        ++pos_;
        push(assert_node((flags_ & kMultiLine) ? Assertion::kLine : Assertion::kText,
                         std::string(1, c)),
             items, last);
        return true;
      case '\\':
        return escape(items, last);
      default: {
        char32_t rune = 0;
        if (!decode_rune(p_, &pos_, &rune)) return fail("invalid UTF-8") >= 0;
        push(literal_node(rune), items, last);
        return true;
      }
    }
  }

  bool group(int depth, std::vector<int>* items, int* last) {
    std::uint8_t body_flags = flags_;
    if (at('?', 1)) {
      if (at('P', 2) && at('<', 3)) {
        const std::size_t end = p_.find('>', pos_ + 4);
        if (end == std::string_view::npos || end == pos_ + 4) return fail("bad named group") >= 0;
        for (std::size_t i = pos_ + 4; i < end; ++i) {
          if (!is_ascii_word(static_cast<unsigned char>(p_[i]))) {
            return fail("bad named group") >= 0;
          }
        }
        pos_ = end + 1;
      } else {
        pos_ += 2;
        bool negated = false;
        bool saw_flag = false;
        std::uint8_t flags = flags_;
        while (true) {
          if (pos_ >= p_.size()) return fail("missing ) after (?") >= 0;
          const char f = p_[pos_++];
          std::uint8_t bit = 0;
          if (f == 'i') {
            bit = kFoldCase;
          } else if (f == 'm') {
            bit = kMultiLine;
          } else if (f == 's') {
            bit = kDotNewline;
          } else if (f == 'U') {
            bit = 0;  // greediness does not change what can match
          } else if (f == '-') {
            if (negated) return fail("bad flags") >= 0;
            negated = true;
            saw_flag = false;
            continue;
          } else if (f == ':' || f == ')') {
            if (negated && !saw_flag) return fail("bad flags") >= 0;
            if (f == ')') {
              flags_ = flags;
              Node node;
              node.kind = Kind::kFlags;
              node.flags = flags;
              items->push_back(add(std::move(node)));
              *last = -1;  // RE2 would repeat whatever came before; not modelled
              return true;
            }
            body_flags = flags;
            break;
          } else {
            return fail("unsupported (? group") >= 0;
          }
          saw_flag = true;
          flags = negated ? static_cast<std::uint8_t>(flags & ~bit)
                          : static_cast<std::uint8_t>(flags | bit);
        }
      }
    } else {
      ++pos_;
    }
    const std::uint8_t outer = flags_;
    flags_ = body_flags;
    const int child = alternation(depth + 1);
    if (child < 0) return false;
    if (!at(')')) return fail("missing )") >= 0;
    ++pos_;
    flags_ = outer;
    Node node;
    node.kind = Kind::kGroup;
    node.flags = outer;
    node.children = {child};
    push(std::move(node), items, last);
    return true;
  }

  // The escapes that stand for one character (RE2's ParseEscape). pos_ is at the backslash.
  bool escape_rune(char32_t* out) {
    if (pos_ + 1 >= p_.size()) return fail("trailing \\") >= 0;
    ++pos_;
    char32_t c = 0;
    if (!decode_rune(p_, &pos_, &c)) return fail("invalid UTF-8") >= 0;
    auto octal = [&](char32_t first) {
      char32_t code = first - '0';
      for (int i = 0; i < 2 && pos_ < p_.size() && p_[pos_] >= '0' && p_[pos_] <= '7'; ++i) {
        code = code * 8 + static_cast<char32_t>(p_[pos_++] - '0');
      }
      *out = code;
      return true;
    };
    auto hex = [](char32_t h) -> int {
      if (h >= '0' && h <= '9') return static_cast<int>(h - '0');
      if (h >= 'a' && h <= 'f') return static_cast<int>(h - 'a' + 10);
      if (h >= 'A' && h <= 'F') return static_cast<int>(h - 'A' + 10);
      return -1;
    };
    switch (c) {
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
        if (pos_ >= p_.size() || p_[pos_] < '0' || p_[pos_] > '7') {
          return fail("backreference") >= 0;
        }
        return octal(c);
      case '0':
        return octal(c);
      case 'x': {
        char32_t h = 0;
        if (!decode_rune(p_, &pos_, &h)) return fail("bad \\x") >= 0;
        if (h == '{') {
          char32_t code = 0;
          int digits = 0;
          while (true) {
            if (!decode_rune(p_, &pos_, &h)) return fail("bad \\x{") >= 0;
            if (hex(h) < 0) break;
            code = code * 16 + static_cast<char32_t>(hex(h));
            if (code > kMaxRune) return fail("bad \\x{") >= 0;
            ++digits;
          }
          if (h != '}' || digits == 0) return fail("bad \\x{") >= 0;
          *out = code;
          return true;
        }
        char32_t h2 = 0;
        if (!decode_rune(p_, &pos_, &h2) || hex(h) < 0 || hex(h2) < 0) {
          return fail("bad \\x") >= 0;
        }
        *out = static_cast<char32_t>(hex(h) * 16 + hex(h2));
        return true;
      }
      case 'n':
        *out = '\n';
        return true;
      case 'r':
        *out = '\r';
        return true;
      case 't':
        *out = '\t';
        return true;
      case 'a':
        *out = 7;
        return true;
      case 'f':
        *out = 12;
        return true;
      case 'v':
        *out = 11;
        return true;
      default:
        if (c < 0x80 && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) &&
            !(c >= '0' && c <= '9')) {
          *out = c;
          return true;
        }
        return fail("unsupported escape") >= 0;
    }
  }

  // \pX, \p{Name}, \PX, \P{^Name}: Unicode tables are not modelled; any character may match.
  bool unicode_class(std::size_t* end) {
    std::size_t i = pos_ + 2;
    if (i >= p_.size()) return false;
    if (p_[i] == '{') {
      const std::size_t close = p_.find('}', i);
      if (close == std::string_view::npos || close == i + 1) return false;
      *end = close + 1;
      return true;
    }
    char32_t name = 0;
    if (!decode_rune(p_, &i, &name)) return false;
    *end = i;
    return true;
  }

  static bool perl_class_letter(char c) {
    return c == 'd' || c == 'D' || c == 's' || c == 'S' || c == 'w' || c == 'W';
  }

  // Adds a Perl/POSIX class (negated when `negative`) to over (superset) and under (subset).
  void add_named(const icu::UnicodeSet& group, bool negative, icu::UnicodeSet* over,
                 icu::UnicodeSet* under) const {
    icu::UnicodeSet closed(group);
    if (flags_ & kFoldCase) close_over_case(&closed);
    if (negative) {
      over->addAll(complement_of(group));
      under->addAll(complement_of(closed));
    } else {
      over->addAll(closed);
      under->addAll(group);
    }
  }

  bool escape(std::vector<int>* items, int* last) {
    if (pos_ + 1 >= p_.size()) return fail("trailing \\") >= 0;
    const char c = p_[pos_ + 1];
    if (c == 'b' || c == 'B' || c == 'A' || c == 'z') {
      pos_ += 2;
      const Assertion a = c == 'b'   ? Assertion::kWordBoundary
                          : c == 'B' ? Assertion::kNotWordBoundary
                                     : Assertion::kText;
      push(assert_node(a, std::string{'\\', c}), items, last);
      return true;
    }
    if (c == 'C') return fail("\\C matches single bytes") >= 0;
    if (c == 'Q') {
      pos_ += 2;
      *last = -1;
      while (pos_ < p_.size()) {
        if (at('\\') && at('E', 1)) {
          pos_ += 2;
          break;
        }
        char32_t rune = 0;
        if (!decode_rune(p_, &pos_, &rune)) return fail("invalid UTF-8") >= 0;
        push(literal_node(rune), items, last);
      }
      return true;
    }
    if (c == 'p' || c == 'P') {
      std::size_t end = 0;
      if (!unicode_class(&end)) return fail("bad \\p") >= 0;
      std::string source(p_.substr(pos_, end - pos_));
      pos_ = end;
      push(chars_node(all_runes(), std::move(source)), items, last);
      return true;
    }
    if (perl_class_letter(c)) {
      const icu::UnicodeSet group = perl_class(static_cast<char>(c | 0x20));
      icu::UnicodeSet over;
      icu::UnicodeSet under;
      add_named(group, c < 'a', &over, &under);
      std::string source(p_.substr(pos_, 2));
      pos_ += 2;
      push(chars_node(std::move(over), std::move(source)), items, last);
      return true;
    }
    char32_t rune = 0;
    if (!escape_rune(&rune)) return false;
    push(literal_node(rune), items, last);
    return true;
  }

  bool class_char(char32_t* out) {
    if (pos_ >= p_.size()) return fail("missing ]") >= 0;
    if (p_[pos_] == '\\') return escape_rune(out);
    if (!decode_rune(p_, &pos_, out)) return fail("invalid UTF-8") >= 0;
    return true;
  }

  bool char_class(Node* node) {
    const std::size_t start = pos_;
    ++pos_;
    bool negated = false;
    if (at('^')) {
      negated = true;
      ++pos_;
    }
    icu::UnicodeSet over;   // a superset of the items RE2 adds
    icu::UnicodeSet under;  // a subset of them (for negation)
    bool first = true;
    while (pos_ < p_.size() && (p_[pos_] != ']' || first)) {
      first = false;
      if (p_.size() - pos_ > 2 && p_[pos_] == '[' && p_[pos_ + 1] == ':') {
        const std::size_t close = p_.find(":]", pos_ + 2);
        if (close != std::string_view::npos) {
          std::string_view name = p_.substr(pos_ + 2, close - pos_ - 2);
          const bool negative = !name.empty() && name[0] == '^';
          if (negative) name.remove_prefix(1);
          icu::UnicodeSet group;
          if (!posix_class(name, &group)) return fail("bad POSIX class") >= 0;
          add_named(group, negative, &over, &under);
          pos_ = close + 2;
          continue;
        }
      }
      if (p_.size() - pos_ > 2 && p_[pos_] == '\\' &&
          (p_[pos_ + 1] == 'p' || p_[pos_ + 1] == 'P')) {
        std::size_t end = 0;
        if (!unicode_class(&end)) return fail("bad \\p") >= 0;
        pos_ = end;
        over = all_runes();
        continue;
      }
      if (p_.size() - pos_ >= 2 && p_[pos_] == '\\' && perl_class_letter(p_[pos_ + 1])) {
        const char c = p_[pos_ + 1];
        const icu::UnicodeSet group = perl_class(static_cast<char>(c | 0x20));
        add_named(group, c < 'a', &over, &under);
        pos_ += 2;
        continue;
      }
      char32_t lo = 0;
      if (!class_char(&lo)) return false;
      char32_t hi = lo;
      if (p_.size() - pos_ >= 2 && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        if (!class_char(&hi)) return false;
        if (hi < lo) return fail("bad class range") >= 0;
      }
      icu::UnicodeSet range(lo, hi);
      under.addAll(range);
      if (flags_ & kFoldCase) close_over_case(&range);
      over.addAll(range);
    }
    if (pos_ >= p_.size()) return fail("missing ]") >= 0;
    ++pos_;
    *node = chars_node(negated ? complement_of(under) : over,
                       std::string(p_.substr(start, pos_ - start)));
    return true;
  }

  std::string_view p_;
  std::deque<Node>& nodes_;
  std::size_t pos_ = 0;
  std::uint8_t flags_ = 0;
  std::string error_;
};

// ------------------------------------------------------------------------------------------------
// Estimated English prose statistics, used only to choose between triggers (never for soundness).

// Frequent words of English prose, of licenses and of technical text; a literal that is one of them
// occurs often whatever its letters say.
bool common_word(std::string_view word) {
  static const std::vector<std::string_view> kWords = {
      "a",        "about",    "access", "after",   "agreement",   "all",     "also",
      "an",       "and",      "any",    "are",     "as",          "at",      "be",
      "been",     "birth",    "born",   "but",     "by",          "can",     "chart",
      "client",   "code",     "copy",   "could",   "covered",     "data",    "date",
      "do",       "document", "draft",  "each",    "email",       "file",    "first",
      "for",      "from",     "given",  "has",     "have",        "he",      "her",
      "his",      "how",      "if",     "in",      "information", "into",    "is",
      "it",       "its",      "key",    "law",     "license",     "like",    "made",
      "make",     "material", "may",    "member",  "message",     "more",    "must",
      "name",     "no",       "not",    "number",  "of",          "on",      "one",
      "or",       "other",    "our",    "out",     "part",        "program", "protected",
      "provided", "public",   "record", "report",  "rights",      "said",    "section",
      "sent",     "shared",   "she",    "so",      "software",    "some",    "source",
      "subject",  "such",     "terms",  "than",    "that",        "the",     "their",
      "them",     "then",     "there",  "these",   "they",        "this",    "those",
      "time",     "to",       "under",  "up",      "use",         "value",   "version",
      "was",      "way",      "we",     "were",    "what",        "when",    "which",
      "who",      "will",     "with",   "without", "work",        "would",   "you",
      "your"};
  return std::binary_search(kWords.begin(), kWords.end(), word);
}

// The word, or the word without a plural s, is part of a frequent word.
bool in_common_word(std::string_view word) {
  static const std::vector<std::string_view> kWords = {
      "about",    "access",   "after",   "agreement",   "also",       "birth",        "born",
      "chart",    "client",   "code",    "copy",        "could",      "covered",      "data",
      "date",     "document", "draft",   "each",        "email",      "file",         "first",
      "from",     "given",    "have",    "information", "into",       "key",          "license",
      "like",     "made",     "make",    "material",    "member",     "message",      "more",
      "must",     "name",     "number",  "other",       "part",       "program",      "protected",
      "provided", "public",   "record",  "report",      "restricted", "restrictions", "rights",
      "said",     "section",  "sent",    "shared",      "software",   "some",         "source",
      "subject",  "such",     "terms",   "than",        "that",       "their",        "them",
      "then",     "there",    "these",   "they",        "this",       "those",        "time",
      "under",    "value",    "version", "were",        "what",       "when",         "which",
      "will",     "with",     "without", "work",        "would",      "your"};
  if (word.size() < 3) return common_word(word);
  if (word.size() > 3 && word.back() == 's' && in_common_word(word.substr(0, word.size() - 1))) {
    return true;
  }
  for (const auto w : kWords) {
    if (w.find(word) != std::string_view::npos) return true;
  }
  return common_word(word);
}

struct ProseModel {
  double byte[256] = {};
  ProseModel() {
    static const double letters[26] = {8.2,  1.5, 2.8, 4.3, 12.7, 2.2,  2.0, 6.1, 7.0,
                                       0.15, 0.8, 4.0, 2.4, 6.7,  7.5,  1.9, 0.1, 6.0,
                                       6.3,  9.1, 2.8, 1.0, 2.4,  0.15, 2.0, 0.07};
    for (int i = 0; i < 26; ++i) {
      byte['a' + i] = letters[i] / 100.0 * 0.74;
      byte['A' + i] = letters[i] / 100.0 * 0.04;
    }
    for (int d = '0'; d <= '9'; ++d) byte[d] = 0.0005;
    auto set = [&](std::initializer_list<char> chars, double f) {
      for (char c : chars) byte[static_cast<unsigned char>(c)] = f;
    };
    set({' '}, 0.16);
    set({'\n'}, 0.02);
    set({','}, 0.01);
    set({'.'}, 0.008);
    set({'-'}, 0.003);
    set({'\'', '"'}, 0.002);
    set({'(', ')'}, 0.001);
    set({';', ':', '/', '!', '?', '<', '>', '='}, 0.0005);
    // Prompts carry code and markup too.
    set({'*', '&', '\t', '_', '#', '+', '{', '}', '[', ']'}, 0.0002);
    set({'|', '%', '$', '`', '\\'}, 0.0001);
    set({'@'}, 0.00005);  // less common in prose than URLs' "://"
    for (int b = 0; b < 0x80; ++b) {
      if (byte[b] == 0) byte[b] = (b < 0x20 || b == 0x7F) ? 0.000002 : 0.00003;
    }
    for (int b = 0x80; b < 0xC0; ++b) byte[b] = 0.0001;  // continuation bytes
    for (int b = 0xC0; b < 0x100; ++b) byte[b] = 0.00003;
    byte[0xC2] = byte[0xC3] = 0.0003;
    byte[0xE2] = 0.002;  // typographic quotes and dashes
  }
  double of(const ByteSet& set) const {
    double f = 0;
    for (int b = 0; b < 256; ++b) {
      if (set[static_cast<std::size_t>(b)]) f += byte[b];
    }
    return f;
  }
  // Probability that a literal (ASCII-case-insensitive) occurs at a given position.
  double literal(const GateLiteral& lit) const {
    double p = 1;
    unsigned char previous = 0;
    for (char ch : lit.text) {
      const auto b = static_cast<unsigned char>(ch);
      const bool digit = b >= '0' && b <= '9';
      if (digit && previous >= '0' && previous <= '9') {
        p *= 0.07;  // digits come in numbers: a given digit follows a digit one time in 14
      } else {
        p *= (b >= 'a' && b <= 'z') ? byte[b] + byte[b - 32] : byte[b];
      }
      previous = b;
    }
    if (lit.word_start) p *= 0.3;
    if (lit.word_end) p *= 0.3;
    // Punctuation comes in fixed sequences ("://", "...", "--"): not independent bytes.
    const bool has_alnum = std::any_of(lit.text.begin(), lit.text.end(), [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch & 0x80);
    });
    if (!has_alnum) return std::max(p, 1e-4);
    // Letter frequencies make every word look rare; common words are not.
    std::string_view word = lit.text;
    while (!word.empty() && !(word.front() >= 'a' && word.front() <= 'z')) word.remove_prefix(1);
    while (!word.empty() && !(word.back() >= 'a' && word.back() <= 'z')) word.remove_suffix(1);
    // A phrase of common words is common too, if less so.
    double floor = 3e-4;
    while (true) {
      const std::size_t space = word.find(' ');
      if (!in_common_word(word.substr(0, space))) return p;
      if (space == std::string_view::npos) return std::max(p, floor);
      word.remove_prefix(space + 1);
      floor *= 0.2;
    }
  }
};

const ProseModel& prose() {
  static const ProseModel model;
  return model;
}

// Nanoseconds per MB spent on windows: per window a Set call (~150 ns) plus ~4 ns per byte.
double window_cost(double triggers_per_mb, std::size_t units, bool nonspace) {
  const double window = static_cast<double>(units) * (nonspace ? 1.25 : 1.0);
  return triggers_per_mb * (150.0 + 4.0 * window);
}

// P(at least k successes in n Bernoulli(q) trials).
double binomial_tail(std::size_t n, double q, std::size_t k) {
  if (k == 0) return 1;
  if (k > n) return 0;
  if (q >= 1) return 1;
  double term = std::pow(1 - q, static_cast<double>(n));  // P(X = 0)
  double below = 0;
  for (std::size_t i = 0; i < k; ++i) {
    below += term;
    term *= static_cast<double>(n - i) / static_cast<double>(i + 1) * q / (1 - q);
  }
  return std::clamp(1 - below, 0.0, 1.0);
}

// Probability that a position of prose is a byte of `set` with at least k - 1 more within `span`.
// Trigger bytes cluster (numbers, capitalized words): modelled as three times as dense nearby.
double cluster_probability(const ByteSet& set, std::size_t k, std::size_t span) {
  const double f = prose().of(set);
  const double p =
      f * binomial_tail(std::min<std::size_t>(span, 4096), std::min(1.0, 3 * f), k > 0 ? k - 1 : 0);
  // Sets with capital letters meet headings, ALL-CAPS words and paragraphs (words and spaces:
  // long runs only where nearly every byte of the span may be one).
  if (f >= 0.01 && (k <= 12 || k * 10 <= span * 7)) return std::max(p, 0.05 * f);
  // Punctuation comes in runs: rules, separators, ellipses ("-----", "====", "...").
  bool punctuation = true;
  for (int b = 0; b < 256; ++b) {
    if (set[static_cast<std::size_t>(b)] && (b < 0x21 || b > 0x7E || std::isalnum(b))) {
      punctuation = false;
    }
  }
  return punctuation && k <= span ? std::max(p, 0.05 * f) : p;
}

// ------------------------------------------------------------------------------------------------

ByteSet first_bytes(const icu::UnicodeSet& set) {
  ByteSet out;
  for (int32_t i = 0; i < set.getRangeCount(); ++i) {
    const auto lo = static_cast<char32_t>(set.getRangeStart(i));
    const auto hi = static_cast<char32_t>(set.getRangeEnd(i));
    for (char32_t b = lo; b <= std::min<char32_t>(hi, 0x7F); ++b) out.set(b);
    if (hi >= 0x80) {
      for (unsigned b = lead_byte(std::max<char32_t>(lo, 0x80)); b <= lead_byte(hi); ++b) {
        out.set(b);
      }
    }
  }
  return out;
}

ByteSet window_space_bytes() {
  ByteSet out;
  for (int b = 0; b < 256; ++b) out.set(static_cast<std::size_t>(b), is_window_space(b));
  return out;
}

struct Candidate {
  std::vector<GateLiteral> literals;
  bool fold_sensitive = false;
  double triggers = 0;     // estimated occurrences per MB of prose
  std::size_t before = 0;  // units of a match before a literal's start
  std::size_t after = 0;   // units of a match from a literal's start on
};

struct Exact {
  std::vector<std::string> strings;
  bool fold_sensitive = false;
};

std::size_t prefix_count(const std::vector<GateLiteral>& literals) {
  std::vector<std::string_view> prefixes;
  for (const auto& lit : literals) {
    const std::string_view p = std::string_view(lit.text).substr(0, 3);
    if (std::find(prefixes.begin(), prefixes.end(), p) == prefixes.end()) prefixes.push_back(p);
  }
  return prefixes.size();
}

class Tree {
 public:
  std::deque<Node> nodes;  // a deque: nodes (with their UnicodeSets) are never moved
  int root = -1;

  // Lengths in bytes, or in non-space characters; literal positions are measured in these units.
  void set_units(bool nonspace) {
    if (nonspace != nonspace_units_) required_memo_.clear();
    nonspace_units_ = nonspace;
  }
  std::size_t units(int i) const {
    return nonspace_units_ ? max_nonspace_length(i) : max_length(i);
  }
  std::size_t units(const std::vector<int>& list, std::size_t from, std::size_t to) const {
    std::size_t sum = 0;
    for (std::size_t k = from; k < to; ++k) sum = add_length(sum, units(list[k]));
    return sum;
  }

  int add(Node node) {
    nodes.push_back(std::move(node));
    return static_cast<int>(nodes.size() - 1);
  }
  const Node& at(int i) const { return nodes[static_cast<std::size_t>(i)]; }

  std::size_t max_length(int i) const {
    return memo(&max_length_memo_, i, [&] { return compute_max_length(i); });
  }
  std::size_t max_nonspace_length(int i) const {
    return memo(&max_nonspace_memo_, i, [&] { return compute_max_nonspace_length(i); });
  }
  std::size_t min_length(int i) const {
    return memo(&min_length_memo_, i, [&] { return compute_min_length(i); });
  }

  // Nodes never change once added, so per-node results are kept.
  template <typename F>
  std::size_t memo(std::vector<std::size_t>* table, int i, F compute) const {
    constexpr std::size_t kUnknown = kUnboundedLength - 1;
    if (table->size() <= static_cast<std::size_t>(i)) table->resize(nodes.size(), kUnknown);
    std::size_t& slot = (*table)[static_cast<std::size_t>(i)];
    if (slot == kUnknown) slot = compute();
    return slot;
  }

  std::size_t compute_max_length(int i) const {
    const Node& n = at(i);
    switch (n.kind) {
      case Kind::kFlags:
      case Kind::kAssert:
        return 0;
      case Kind::kChars:
        return n.chars.isEmpty() ? 0
                                 : utf8_length(static_cast<char32_t>(
                                       n.chars.getRangeEnd(n.chars.getRangeCount() - 1)));
      case Kind::kConcat: {
        std::size_t sum = 0;
        for (int c : n.children) sum = add_length(sum, max_length(c));
        return sum;
      }
      case Kind::kAlt: {
        std::size_t best = 0;
        for (int c : n.children) best = std::max(best, max_length(c));
        return best;
      }
      case Kind::kGroup:
        return max_length(n.children[0]);
      case Kind::kRepeat: {
        const std::size_t child = max_length(n.children[0]);
        if (n.max < 0) return child == 0 ? 0 : kUnboundedLength;
        return mul_length(child, static_cast<std::size_t>(n.max));
      }
    }
    return kUnboundedLength;
  }

  std::size_t compute_max_nonspace_length(int i) const {
    const Node& n = at(i);
    switch (n.kind) {
      case Kind::kChars: {
        static const icu::UnicodeSet kSpaces = [] {
          icu::UnicodeSet set(0x09, 0x0D);
          set.add(' ');
          set.freeze();
          return set;
        }();
        return kSpaces.containsAll(n.chars) || n.chars.isEmpty() ? 0 : 1;  // one character
      }
      case Kind::kConcat: {
        std::size_t sum = 0;
        for (int c : n.children) sum = add_length(sum, max_nonspace_length(c));
        return sum;
      }
      case Kind::kAlt: {
        std::size_t best = 0;
        for (int c : n.children) best = std::max(best, max_nonspace_length(c));
        return best;
      }
      case Kind::kGroup:
        return max_nonspace_length(n.children[0]);
      case Kind::kRepeat: {
        const std::size_t child = max_nonspace_length(n.children[0]);
        if (n.max < 0) return child == 0 ? 0 : kUnboundedLength;
        return mul_length(child, static_cast<std::size_t>(n.max));
      }
      default:
        return 0;
    }
  }

  std::size_t compute_min_length(int i) const {
    const Node& n = at(i);
    switch (n.kind) {
      case Kind::kChars:
        return 1;
      case Kind::kConcat: {
        std::size_t sum = 0;
        for (int c : n.children) sum = add_length(sum, min_length(c));
        return sum;
      }
      case Kind::kAlt: {
        std::size_t best = kUnboundedLength;
        for (int c : n.children) best = std::min(best, min_length(c));
        return best;
      }
      case Kind::kGroup:
        return min_length(n.children[0]);
      case Kind::kRepeat:
        return mul_length(min_length(n.children[0]), static_cast<std::size_t>(n.min));
      default:
        return 0;
    }
  }

  const ByteSet& node_first_bytes(int i) const {
    if (first_bytes_memo_.size() <= static_cast<std::size_t>(i)) {
      first_bytes_memo_.resize(nodes.size());
    }
    auto& slot = first_bytes_memo_[static_cast<std::size_t>(i)];
    if (!slot.first) slot = {true, first_bytes(at(i).chars)};
    return slot.second;
  }

  // The least number of bytes of `set` in any match.
  std::size_t min_count(int i, const ByteSet& set) const {
    const Node& n = at(i);
    switch (n.kind) {
      case Kind::kChars:
        return !n.chars.isEmpty() && (node_first_bytes(i) & ~set).none() ? 1 : 0;
      case Kind::kConcat: {
        std::size_t sum = 0;
        for (int c : n.children) sum = add_length(sum, min_count(c, set));
        return sum;
      }
      case Kind::kAlt: {
        std::size_t best = kUnboundedLength;
        for (int c : n.children) best = std::min(best, min_count(c, set));
        return best;
      }
      case Kind::kGroup:
        return min_count(n.children[0], set);
      case Kind::kRepeat:
        return mul_length(min_count(n.children[0], set), static_cast<std::size_t>(n.min));
      default:
        return 0;
    }
  }

  // Every match contains a byte of the result (all bits: no requirement). Concatenations pick the
  // child whose set is rarest in prose.
  ByteSet required_bytes(int i) const {
    const Node& n = at(i);
    const ByteSet any = ByteSet().set();
    switch (n.kind) {
      case Kind::kChars:
        return n.chars.isEmpty() ? any : node_first_bytes(i);
      case Kind::kConcat: {
        ByteSet best = any;
        double best_freq = prose().of(best);
        for (int c : n.children) {
          if (min_length(c) == 0) continue;
          const ByteSet set = required_bytes(c);
          const double f = prose().of(set);
          if (f < best_freq) best = set, best_freq = f;
        }
        return best;
      }
      case Kind::kAlt: {
        ByteSet out;
        for (int c : n.children) out |= required_bytes(c);
        return out;
      }
      case Kind::kGroup:
        return required_bytes(n.children[0]);
      case Kind::kRepeat:
        return n.min >= 1 ? required_bytes(n.children[0]) : any;
      default:
        return any;
    }
  }

  // Probability that the node matches at a given position of English prose (bytes independent;
  // a rough guide for choosing gates, never used for soundness).
  double match_probability(int i) const {
    const Node& n = at(i);
    switch (n.kind) {
      case Kind::kChars:
        return std::min(1.0, prose().of(node_first_bytes(i)));
      case Kind::kAssert:
        return n.assertion == Assertion::kWordBoundary ? 0.3
               : n.assertion == Assertion::kLine       ? 0.03
               : n.assertion == Assertion::kText       ? 1e-4
                                                       : 0.7;
      case Kind::kConcat: {
        double p = 1;
        for (int c : n.children) p *= match_probability(c);
        return p;
      }
      case Kind::kAlt: {
        double p = 0;
        for (int c : n.children) p += match_probability(c);
        return std::min(1.0, p);
      }
      case Kind::kGroup:
        return match_probability(n.children[0]);
      case Kind::kRepeat:
        return std::pow(match_probability(n.children[0]), n.min);
      default:
        return 1;
    }
  }

  bool uses_not_word_boundary(int i) const {
    const Node& n = at(i);
    if (n.kind == Kind::kAssert && n.assertion == Assertion::kNotWordBoundary) return true;
    for (int c : n.children) {
      if (uses_not_word_boundary(c)) return true;
    }
    return false;
  }

  // ---- literal strings -------------------------------------------------------------------------

  static bool product(const Exact& a, const Exact& b, Exact* out) {
    if (a.strings.size() * b.strings.size() > kMaxExactStrings) return false;
    Exact result;
    result.fold_sensitive = a.fold_sensitive || b.fold_sensitive;
    for (const auto& x : a.strings) {
      for (const auto& y : b.strings) {
        if (x.size() + y.size() > kMaxLiteralBytes) return false;
        std::string s = x + y;
        if (std::find(result.strings.begin(), result.strings.end(), s) == result.strings.end()) {
          result.strings.push_back(std::move(s));
        }
      }
    }
    *out = std::move(result);
    return true;
  }

  static bool merge(const Exact& a, Exact* into, std::size_t limit) {
    for (const auto& s : a.strings) {
      if (std::find(into->strings.begin(), into->strings.end(), s) == into->strings.end()) {
        into->strings.push_back(s);
      }
    }
    into->fold_sensitive = into->fold_sensitive || a.fold_sensitive;
    return into->strings.size() <= limit;
  }

  // The finite set of strings a node matches (scanner form: ASCII lowercased), if small.
  std::optional<Exact> exact(int i) {
    if (exact_memo_.size() < nodes.size()) exact_memo_.resize(nodes.size());
    auto& memo = exact_memo_[static_cast<std::size_t>(i)];
    if (memo.first) return memo.second;
    std::optional<Exact> result = compute_exact(i);
    memo = {true, result};
    return result;
  }

  std::optional<Exact> compute_exact(int i) {
    const Node& n = at(i);
    switch (n.kind) {
      case Kind::kFlags:
      case Kind::kAssert:
        return Exact{{""}, false};
      case Kind::kChars: {
        if (n.chars.isEmpty() || n.chars.size() > static_cast<int32_t>(kMaxExactStrings)) {
          return std::nullopt;
        }
        Exact out;
        const bool fold = n.flags & kFoldCase;
        for (int32_t r = 0; r < n.chars.getRangeCount(); ++r) {
          for (auto cp = static_cast<char32_t>(n.chars.getRangeStart(r));
               cp <= static_cast<char32_t>(n.chars.getRangeEnd(r)); ++cp) {
            // (?i)s and (?i)k also match U+017F and U+212A; the scanner treats texts containing
            // them separately (fold_sensitive), so the literal stays ASCII.
            if (fold && ((cp == kLongS && n.chars.contains('s')) ||
                         (cp == kKelvin && n.chars.contains('k')))) {
              out.fold_sensitive = true;
              continue;
            }
            std::string s;
            append_utf8(static_cast<std::uint32_t>((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp), &s);
            if (std::find(out.strings.begin(), out.strings.end(), s) == out.strings.end()) {
              out.strings.push_back(std::move(s));
            }
          }
        }
        if (out.strings.size() > kMaxClassLiterals) return std::nullopt;
        return out;
      }
      case Kind::kConcat: {
        Exact acc{{""}, false};
        for (int c : n.children) {
          const auto e = exact(c);
          if (!e || !product(acc, *e, &acc)) return std::nullopt;
        }
        return acc;
      }
      case Kind::kAlt: {
        Exact acc;
        for (int c : n.children) {
          const auto e = exact(c);
          if (!e || !merge(*e, &acc, kMaxExactStrings)) return std::nullopt;
        }
        return acc;
      }
      case Kind::kGroup:
        return exact(n.children[0]);
      case Kind::kRepeat: {
        if (n.max < 0) return std::nullopt;
        const auto e = exact(n.children[0]);
        if (!e) return std::nullopt;
        Exact acc;
        Exact power{{""}, e->fold_sensitive};
        for (int k = 0; k <= n.max; ++k) {
          if (k >= n.min && !merge(power, &acc, kMaxExactStrings)) return std::nullopt;
          if (k < n.max && !product(power, *e, &power)) return std::nullopt;
          if (power.strings.size() == 1 && power.strings[0].empty()) break;  // empty child
        }
        return acc;
      }
    }
    return std::nullopt;
  }

  // The concatenated items of a node: groups without alternation are looked through.
  void items(int i, std::vector<int>* out) const {
    const Node& n = at(i);
    if (n.kind == Kind::kConcat) {
      for (int c : n.children) items(c, out);
    } else if (n.kind == Kind::kGroup && at(n.children[0]).kind != Kind::kAlt) {
      items(n.children[0], out);
    } else if (n.kind != Kind::kFlags) {
      out->push_back(i);
    }
  }

  // The top-level alternatives.
  void branches(int i, std::vector<int>* out) const {
    const Node& n = at(i);
    if (n.kind == Kind::kAlt) {
      for (int c : n.children) branches(c, out);
      return;
    }
    if (n.kind == Kind::kGroup) {
      branches(n.children[0], out);
      return;
    }
    if (n.kind == Kind::kConcat) {
      std::vector<int> real;
      for (int c : n.children) {
        if (at(c).kind != Kind::kFlags) real.push_back(c);
      }
      if (real.size() == 1) {
        branches(real[0], out);
        return;
      }
    }
    out->push_back(i);
  }

  double literal_triggers(const std::vector<GateLiteral>& literals) const {
    double sum = 0;
    for (const auto& lit : literals) {
      const std::string key =
          lit.text + (lit.word_start ? "\x01" : "") + (lit.word_end ? "\x02" : "");
      auto it = literal_memo_.find(key);
      if (it == literal_memo_.end()) it = literal_memo_.emplace(key, prose().literal(lit)).first;
      sum += 1e6 * it->second;
    }
    return sum;
  }

  std::optional<Candidate> make_candidate(const Exact& e, bool word_start, bool word_end) const {
    Candidate c;
    c.fold_sensitive = e.fold_sensitive;
    for (const auto& s : e.strings) {
      if (s.size() < 2) return std::nullopt;  // single bytes are byte triggers
      GateLiteral lit;
      lit.text = s;
      lit.word_start = word_start && is_ascii_word(static_cast<unsigned char>(s.front()));
      lit.word_end = word_end && is_ascii_word(static_cast<unsigned char>(s.back()));
      c.literals.push_back(std::move(lit));
    }
    if (c.literals.empty()) return std::nullopt;
    c.triggers = literal_triggers(c.literals);
    return c;
  }

  // Literal sets compare by triggers plus what their prefixes cost the scanner (in triggers: a
  // window of ~64 bytes costs ~400 ns); on a tie the longer strings (fewer false positions).
  static double weight(const Candidate& c) {
    return c.triggers + kLiteralScanCost / 400.0 * static_cast<double>(prefix_count(c.literals));
  }
  static std::size_t shortest(const Candidate& c) {
    std::size_t n = kUnboundedLength;
    for (const auto& lit : c.literals) n = std::min(n, lit.text.size());
    return n;
  }
  static void keep_best(std::optional<Candidate> c, std::optional<Candidate>* best) {
    if (!c) return;
    if (*best) {
      const double a = weight(*c);
      const double b = weight(**best);
      if (a > b * (1 + 1e-9) || (a >= b * (1 - 1e-9) && shortest(*c) <= shortest(**best))) return;
    }
    *best = std::move(c);
  }

  // One iteration of a repetition of at least one: a literal run may end (or start) inside it.
  std::optional<Exact> one_iteration(int i) {
    const Node& n = at(i);
    if (n.kind != Kind::kRepeat || n.min < 1) return std::nullopt;
    return exact(n.children[0]);
  }

  bool is_word_boundary(int i) const {
    return at(i).kind == Kind::kAssert && at(i).assertion == Assertion::kWordBoundary;
  }

  // The cheapest set of literal strings such that every match of the items contains one of them,
  // with how many units of a match may precede and follow (from) a literal's start.
  std::optional<Candidate> required_literals(const std::vector<int>& list) {
    std::optional<Candidate> best;
    const std::size_t n = list.size();
    auto placed = [&](std::optional<Candidate> c, std::size_t first, bool inside) {
      if (!c) return c;
      c->before = units(list, 0, first) + (inside ? units(list[first]) : 0);
      c->after = units(list, first, n);
      return c;
    };
    for (std::size_t i = 0; i < n; ++i) {
      Exact acc{{""}, false};
      bool starts_inside = false;  // the run begins inside a repetition: no \b before it
      bool consumed = false;       // some item of the run so far may match characters
      bool leading_b = false;      // a \b before every character of the run
      std::size_t j = i;
      if (!exact(list[i])) {
        const auto first = one_iteration(list[i]);
        if (!first) continue;
        acc = *first;
        starts_inside = true;
        consumed = true;
        ++j;
        keep_best(placed(make_candidate(acc, false, false), i, true), &best);
      }
      for (; j < n; ++j) {
        const auto e = exact(list[j]);
        Exact next;
        if (!e || !product(acc, *e, &next)) {
          const auto last = one_iteration(list[j]);
          if (last && product(acc, *last, &next)) {
            keep_best(
                placed(make_candidate(next, leading_b && !starts_inside, false), i, starts_inside),
                &best);
          }
          break;
        }
        acc = std::move(next);
        if (!consumed && is_word_boundary(list[j])) leading_b = true;
        if (max_length(list[j]) > 0) consumed = true;
        const bool trailing_b =
            is_word_boundary(list[j]) || (j + 1 < n && is_word_boundary(list[j + 1]));
        if (consumed) {
          keep_best(placed(make_candidate(acc, leading_b && !starts_inside, trailing_b), i,
                           starts_inside),
                    &best);
        }
      }
    }
    for (std::size_t k = 0; k < n; ++k) {
      auto c = required_literals_of(list[k]);
      if (!c) continue;
      c->before = add_length(units(list, 0, k), c->before);
      c->after = add_length(c->after, units(list, k + 1, n));
      keep_best(std::move(c), &best);
    }
    return best;
  }

  std::optional<Candidate> required_literals_of(int i) {
    if (required_memo_.size() < nodes.size()) required_memo_.resize(nodes.size());
    auto& memo = required_memo_[static_cast<std::size_t>(i)];
    if (memo.first) return memo.second;
    auto result = compute_required_literals_of(i);
    memo = {true, result};
    return result;
  }

  // Positions (before, after) are relative to the node's own match.
  std::optional<Candidate> compute_required_literals_of(int i) {
    const Node& n = at(i);
    switch (n.kind) {
      case Kind::kChars: {
        const auto e = exact(i);
        auto c = e ? make_candidate(*e, false, false) : std::nullopt;
        if (c) c->after = units(i);
        return c;
      }
      case Kind::kConcat:
      case Kind::kGroup: {
        if (n.kind == Kind::kGroup && at(n.children[0]).kind == Kind::kAlt) {
          return required_literals_of(n.children[0]);
        }
        std::vector<int> list;
        items(i, &list);
        return required_literals(list);
      }
      case Kind::kAlt: {
        Candidate all;
        for (int c : n.children) {
          std::vector<int> list;
          items(c, &list);
          const auto best = required_literals(list);
          if (!best) return std::nullopt;
          for (const auto& lit : best->literals) {
            if (std::find(all.literals.begin(), all.literals.end(), lit) == all.literals.end()) {
              all.literals.push_back(lit);
            }
          }
          all.fold_sensitive = all.fold_sensitive || best->fold_sensitive;
          all.before = std::max(all.before, best->before);
          all.after = std::max(all.after, best->after);
          if (all.literals.size() > kMaxRequiredStrings) return std::nullopt;
        }
        all.triggers = literal_triggers(all.literals);
        return all;
      }
      case Kind::kRepeat: {
        if (n.min < 1) return std::nullopt;
        auto c = required_literals_of(n.children[0]);
        if (!c) return c;
        // In one of the iterations.
        const std::size_t others =
            n.max < 0 ? kUnboundedLength
                      : mul_length(units(n.children[0]), static_cast<std::size_t>(n.max - 1));
        c->before = add_length(c->before, others);
        c->after = add_length(c->after, others);
        return c;
      }
      default:
        return std::nullopt;
    }
  }

  // ---- re-serialization ------------------------------------------------------------------------

  static std::string flag_letters(std::uint8_t flags) {
    std::string s;
    if (flags & kFoldCase) s += 'i';
    if (flags & kMultiLine) s += 'm';
    if (flags & kDotNewline) s += 's';
    return s;
  }

  static std::string flag_switch(std::uint8_t want, std::uint8_t context) {
    const std::string on = flag_letters(want & ~context);
    const std::string off = flag_letters(context & ~want);
    return "(?" + on + (off.empty() ? "" : "-" + off) + ":";
  }

  // Appends RE2 syntax matching exactly what node i matches (greediness aside), given that the
  // flags `context` are in effect. Flags are re-established where they differ from the context.
  void emit(int i, std::uint8_t context, std::string* out) const {
    const Node& n = at(i);
    const std::uint8_t want = n.flags & kSemanticFlags;
    if (n.kind == Kind::kFlags) return;
    if (want != context) {
      *out += flag_switch(want, context);
      emit(i, want, out);
      *out += ')';
      return;
    }
    switch (n.kind) {
      case Kind::kFlags:
        return;
      case Kind::kAssert:
        *out += n.source;
        return;
      case Kind::kChars:
        if (!n.literal) {
          *out += n.source;
        } else if (n.rune < 0x80 && is_ascii_word(n.rune) && n.rune != '_') {
          *out += static_cast<char>(n.rune);
        } else {
          char buf[16];
          std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(n.rune));
          *out += buf;
        }
        return;
      case Kind::kConcat:
        for (int c : n.children) emit(c, context, out);
        return;
      case Kind::kAlt:
        *out += "(?:";
        for (std::size_t k = 0; k < n.children.size(); ++k) {
          if (k > 0) *out += '|';
          emit(n.children[k], context, out);
        }
        *out += ')';
        return;
      case Kind::kGroup:
        *out += "(?:";
        emit(n.children[0], context, out);
        *out += ')';
        return;
      case Kind::kRepeat:
        *out += "(?:";
        emit(n.children[0], context, out);
        *out += ')';
        if (n.min == 0 && n.max < 0) {
          *out += '*';
        } else if (n.min == 1 && n.max < 0) {
          *out += '+';
        } else if (n.max < 0) {
          *out += '{' + std::to_string(n.min) + ",}";
        } else if (n.min == n.max) {
          *out += '{' + std::to_string(n.min) + '}';
        } else {
          *out += '{' + std::to_string(n.min) + ',' + std::to_string(n.max) + '}';
        }
        return;
    }
  }

 private:
  std::vector<std::pair<bool, std::optional<Exact>>> exact_memo_;
  std::vector<std::pair<bool, std::optional<Candidate>>> required_memo_;
  bool nonspace_units_ = false;
  mutable std::vector<std::size_t> max_length_memo_;
  mutable std::vector<std::size_t> max_nonspace_memo_;
  mutable std::vector<std::size_t> min_length_memo_;
  mutable std::vector<std::pair<bool, ByteSet>> first_bytes_memo_;
  mutable std::map<std::string, double> literal_memo_;
};

bool parse_tree(std::string_view pattern, Tree* tree, std::string* error) {
  Parser parser(pattern, &tree->nodes);
  tree->root = parser.parse();
  if (tree->root < 0) {
    *error = parser.error();
    return false;
  }
  return true;
}

ByteSet lowercase_and_space() {
  ByteSet forbidden = window_space_bytes();
  for (int b = 'a'; b <= 'z'; ++b) forbidden.set(static_cast<std::size_t>(b));
  return forbidden;
}

// The cheapest trigger of one factor (a bounded run of items) with windows in bytes or in
// non-space characters, if any.
std::optional<RegexGate> best_gate_in_units(Tree& tree, int factor,
                                            const std::vector<ByteSet>& scanned, bool nonspace) {
  const std::size_t reach = nonspace ? tree.max_nonspace_length(factor) : tree.max_length(factor);
  if (reach == kUnboundedLength || reach == 0) return std::nullopt;
  tree.set_units(nonspace);
  std::vector<int> list;
  tree.items(factor, &list);

  // Byte trigger sets to try: the rarest required set, the classic ones, and every character
  // class of the factor; none may contain lowercase letters or spaces (they are everywhere).
  std::vector<ByteSet> sets;
  auto add_set = [&](const ByteSet& set) {
    if (std::find(sets.begin(), sets.end(), set) == sets.end()) sets.push_back(set);
  };
  add_set(tree.required_bytes(factor));
  ByteSet digits, upper, nonascii;
  for (int b = '0'; b <= '9'; ++b) digits.set(static_cast<std::size_t>(b));
  for (int b = 'A'; b <= 'Z'; ++b) upper.set(static_cast<std::size_t>(b));
  for (int b = 0xC2; b <= 0xF4; ++b) nonascii.set(static_cast<std::size_t>(b));
  add_set(digits);
  add_set(upper);
  add_set(digits | upper);
  add_set(nonascii);
  std::vector<int> stack = {factor};
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    const Node& n = tree.at(i);
    if (n.kind == Kind::kChars && !n.chars.isEmpty()) add_set(first_bytes(n.chars));
    for (int c : n.children) stack.push_back(c);
  }
  const ByteSet forbidden = lowercase_and_space();

  // A gate that fires on ordinary prose sends the rule to a whole-view run every time.
  const double confirm = std::min(1.0, 1e6 * tree.match_probability(factor)) * kConfirmCost;
  std::optional<RegexGate> best;
  for (const auto& set : sets) {
    if ((set & forbidden).any() || set.none()) continue;
    const std::size_t k = tree.min_count(factor, set);
    if (k == 0 || k == kUnboundedLength) continue;
    RegexGate gate;
    gate.trigger_bytes = set;
    gate.min_count = k;
    gate.nonspace = nonspace;
    gate.span = reach;
    gate.before = gate.after = reach;
    {
      // Some trigger byte lies in an item that always has one: the window only needs the rest
      // of the factor on either side of that item.
      for (std::size_t t = 0; t < list.size(); ++t) {
        if (tree.min_count(list[t], set) == 0) continue;
        const std::size_t own = tree.units(list[t]);
        const std::size_t before = add_length(tree.units(list, 0, t), own - 1);
        const std::size_t after = add_length(own, tree.units(list, t + 1, list.size()));
        if (add_length(before, after) < add_length(gate.before, gate.after)) {
          gate.before = before;
          gate.after = after;
        }
      }
    }
    const std::size_t window = add_length(gate.before, gate.after);
    const double raw = 1e6 * cluster_probability(set, k, reach);
    double triggers = raw;
    if (!nonspace) {
      // The rarest further byte count, checked before a window is scanned.
      double best_p = 1;
      for (const auto& other : sets) {
        if ((other & forbidden).any() || other.none()) continue;
        const std::size_t k2 = tree.min_count(factor, other);
        if (k2 < 2 || k2 == kUnboundedLength) continue;
        // Implied by the trigger itself: k trigger bytes are k bytes of the superset.
        if ((set & ~other).none() && k2 <= k) continue;
        const double p = cluster_probability(other, k2, reach) / std::max(prose().of(other), 1e-9);
        if (p < best_p && p < 0.3) {
          best_p = p;
          gate.also = {{other, k2}};
        }
      }
      triggers *= best_p;
    }
    // The scanner looks at every byte of the set (~8 ns each) and reports those of qualifying
    // clusters (~5 ns each), further counts read the window (~1 ns a byte), and the windows left
    // are scanned. On a tie, the set rarer in prose.
    const bool free = std::find(scanned.begin(), scanned.end(), set) != scanned.end();
    gate.cost = window_cost(triggers, window, nonspace) + raw * static_cast<double>(k) * 5 +
                (free ? 0.0 : 1e6 * prose().of(set) * 8 + kByteSetScanCost) +
                (gate.also.empty() ? 0.0 : raw * static_cast<double>(window)) + confirm +
                // In non-space units the scanner cannot check clusters: it reports every byte of
                // the set, and the classifier looks for the runs among them.
                (nonspace && k > 1 ? 1e6 * prose().of(set) * 5 : 0.0);
    if (!best || gate.cost < best->cost * (1 - 1e-9) - 1e-6 ||
        (gate.cost <= best->cost * (1 + 1e-9) + 1e-6 &&
         prose().of(set) < prose().of(best->trigger_bytes))) {
      best = std::move(gate);
    }
  }
  if (auto lits = tree.required_literals(list)) {
    const double cost =
        window_cost(lits->triggers, add_length(lits->before, lits->after), nonspace) + confirm +
        kLiteralScanCost * static_cast<double>(prefix_count(lits->literals));
    if (!best || cost < best->cost) {
      RegexGate gate;
      gate.literals = lits->literals;
      gate.fold_sensitive = lits->fold_sensitive;
      gate.nonspace = nonspace;
      gate.span = reach;
      gate.before = std::min(lits->before, reach);
      gate.after = std::min(lits->after, reach);
      gate.cost = cost;
      best = std::move(gate);
    }
  }
  return best;
}

// The cheapest trigger of one factor. A factor bounded in bytes is bounded in non-space characters
// too, and there its windows may be far narrower: `[^\s"]{0,64}` is 256 bytes (four-byte
// characters) but 64 characters, about 80 bytes of Latin text with its spaces.
std::optional<RegexGate> best_gate_for(Tree& tree, int factor,
                                       const std::vector<ByteSet>& scanned) {
  auto best = best_gate_in_units(tree, factor, scanned, false);
  auto in_characters = best_gate_in_units(tree, factor, scanned, true);
  if (in_characters && (!best || in_characters->cost < best->cost)) best = std::move(in_characters);
  if (!best) return std::nullopt;
  tree.emit(factor, 0, &best->regex);
  return best;
}

// The best gate of one top-level alternative: over every maximal bounded run of its items (an
// unbounded X{n,} at either end of a run contributes X{n}: every match has such a prefix/suffix).
std::optional<RegexGate> gate_for_branch(Tree& tree, int branch,
                                         const std::vector<ByteSet>& scanned) {
  std::vector<int> list;
  tree.items(branch, &list);
  std::vector<std::vector<int>> runs(1);
  for (int item : list) {
    if (tree.max_nonspace_length(item) != kUnboundedLength) {
      runs.back().push_back(item);
      continue;
    }
    const Node& n = tree.at(item);
    if (n.kind == Kind::kRepeat && n.max < 0 && n.min >= 1) {
      Node cut;
      cut.kind = Kind::kRepeat;
      cut.flags = n.flags;
      cut.min = cut.max = n.min;
      cut.children = n.children;
      const int truncated = tree.add(std::move(cut));
      if (tree.max_nonspace_length(truncated) != kUnboundedLength) {
        runs.back().push_back(truncated);
        runs.push_back({truncated});
        continue;
      }
    }
    runs.emplace_back();
  }
  std::optional<RegexGate> best;
  for (auto& run : runs) {
    bool has_chars = false;
    for (int item : run) has_chars = has_chars || tree.min_length(item) > 0;
    if (!has_chars) continue;
    Node factor;
    factor.kind = Kind::kConcat;
    factor.flags = tree.at(run.front()).flags;
    factor.children = run;
    const int index = tree.add(std::move(factor));
    auto gate = best_gate_for(tree, index, scanned);
    if (gate && (!best || gate->cost < best->cost)) best = std::move(gate);
  }
  return best;
}

std::string hex_byte(int b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", b);
  return buf;
}

}  // namespace

RegexFacts analyze_regex(std::string_view pattern) {
  RegexFacts facts;
  Tree tree;
  if (!parse_tree(pattern, &tree, &facts.error)) return facts;
  facts.understood = true;
  facts.not_word_boundary = tree.uses_not_word_boundary(tree.root);
  facts.max_length = tree.max_length(tree.root);
  facts.max_nonspace_length = tree.max_nonspace_length(tree.root);
  facts.required_bytes = tree.required_bytes(tree.root);
  return facts;
}

std::size_t min_byte_count(std::string_view pattern, const ByteSet& set) {
  Tree tree;
  std::string error;
  if (!parse_tree(pattern, &tree, &error)) return 0;
  const std::size_t count = tree.min_count(tree.root, set);
  return count == kUnboundedLength ? 0 : count;
}

std::optional<std::string> reserialize_regex(std::string_view pattern) {
  Tree tree;
  std::string error;
  if (!parse_tree(pattern, &tree, &error)) return std::nullopt;
  std::string out;
  tree.emit(tree.root, 0, &out);
  return out;
}

namespace {

std::optional<GatePlan> compute_plan(std::string_view pattern, std::string* reason,
                                     const std::vector<ByteSet>& scanned) {
  std::string why;
  Tree tree;
  std::optional<GatePlan> plan;
  if (!parse_tree(pattern, &tree, &why)) {
    why = "not understood: " + why;
  } else if (tree.uses_not_word_boundary(tree.root)) {
    why = "uses \\B";
  } else {
    std::vector<int> branches;
    tree.branches(tree.root, &branches);
    plan.emplace();
    for (std::size_t b = 0; b < branches.size(); ++b) {
      auto gate = gate_for_branch(tree, branches[b], scanned);
      if (!gate || gate->cost > kMaxGateCost) {
        why = "alternative " + std::to_string(b + 1) + " has no affordable trigger";
        plan.reset();
        break;
      }
      plan->gates.push_back(std::move(*gate));
    }
  }
  if (!plan && reason != nullptr) *reason = why;
  return plan;
}

}  // namespace

// Loading a policy compiles the same patterns several times (the policy, and each file for its
// own tests): plans are kept, keyed by pattern and scanned sets (a pure function of both).
std::optional<GatePlan> plan_gates(std::string_view pattern, std::string* reason,
                                   const std::vector<ByteSet>& scanned) {
  struct Entry {
    std::optional<GatePlan> plan;
    std::string reason;
  };
  static std::mutex mutex;
  static std::unordered_map<std::string, Entry> cache;
  std::string key(pattern);
  key += '\0';
  for (const auto& set : scanned) key += set.to_string();
  {
    const std::lock_guard<std::mutex> lock(mutex);
    const auto it = cache.find(key);
    if (it != cache.end()) {
      if (reason != nullptr) *reason = it->second.reason;
      return it->second.plan;
    }
  }
  Entry entry;
  entry.plan = compute_plan(pattern, &entry.reason, scanned);
  if (reason != nullptr && !entry.plan) *reason = entry.reason;
  const std::lock_guard<std::mutex> lock(mutex);
  if (cache.size() >= 4096) cache.clear();  // bounded: policies are reloaded, regexes edited
  cache.emplace(std::move(key), entry);
  return entry.plan;
}

std::string RegexGate::describe() const {
  std::string out;
  if (min_count > 0) {
    out = std::to_string(min_count) + "x[";
    ByteSet rest = trigger_bytes;
    auto take_range = [&](int lo, int hi, const char* name) {
      bool all = true;
      for (int b = lo; b <= hi; ++b) all = all && rest[static_cast<std::size_t>(b)];
      if (!all) return;
      out += name;
      for (int b = lo; b <= hi; ++b) rest.reset(static_cast<std::size_t>(b));
    };
    take_range('0', '9', "0-9");
    take_range('A', 'Z', "A-Z");
    take_range(0xC2, 0xF4, "non-ASCII");
    for (int b = 0; b < 256; ++b) {
      if (!rest[static_cast<std::size_t>(b)]) continue;
      if (b > 0x20 && b < 0x7F) {
        if (b == ']' || b == '\\' || b == '-') out += '\\';
        out += static_cast<char>(b);
      } else {
        out += hex_byte(b);
      }
    }
    out += "]";
  } else {
    out = "literals{";
    for (std::size_t i = 0; i < literals.size(); ++i) {
      if (i > 0) out += ',';
      if (i == 6) {
        out += "... " + std::to_string(literals.size()) + " in all";
        break;
      }
      if (literals[i].word_start) out += "\\b";
      for (char c : literals[i].text) {
        if (static_cast<unsigned char>(c) < 0x20) {
          out += hex_byte(static_cast<unsigned char>(c));
        } else {
          out += c;
        }
      }
      if (literals[i].word_end) out += "\\b";
    }
    out += "}";
  }
  for (const auto& [set, count] : also) {
    RegexGate other;
    other.trigger_bytes = set;
    other.min_count = count;
    const std::string text = other.describe();
    out += " and " + text.substr(0, text.find(" -"));
  }
  out +=
      " -" + std::to_string(before) + "/+" + std::to_string(after) + (nonspace ? " non-space" : "");
  return out;
}

}  // namespace switchyard::policy
