// A small, conservative analyzer of RE2 regex syntax, for prefiltering: what every match of a
// pattern must look like (how long it can be, which bytes or literal strings it must contain), so
// that the classifier can run a rule's RE2 only near text that could match. Anything the parser
// does not fully understand yields the conservative answer (unbounded, no requirement, no plan); a
// wrong tight answer would make the classifier miss matches.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::policy {

using ByteSet = std::bitset<256>;

inline constexpr std::size_t kUnboundedLength = std::numeric_limits<std::size_t>::max();

// Whitespace for "non-space length": the bytes of \s and [[:space:]] (\t \n \v \f \r and space).
// Runs of them may be arbitrarily long inside a match without making its other parts longer.
// Inline: the window builder calls it for every byte it walks.
inline bool is_window_space(unsigned char byte) {
  return byte == ' ' || (byte >= 0x09 && byte <= 0x0D);
}

// The unit of "non-space length": a character that is not window space, counted at its first byte
// (so a UTF-8 continuation byte 0x80..0xBF is no unit). In characters, not bytes: a class such as
// [^\s"]{0,64} may take 64 units, where in bytes it could take 256 (four-byte characters), and
// windows sized for that would be four times too wide on the Latin text that fills most prompts.
// Counting at lead bytes is exact on valid UTF-8, which every view of the normalizer is.
inline bool is_window_unit(unsigned char byte) {
  return !is_window_space(byte) && (byte & 0xC0) != 0x80;
}

// Facts about every match of a pattern (UTF-8, RE2's default Perl-like syntax).
struct RegexFacts {
  bool understood = false;         // false: the parser gave up; the fields below are conservative
  bool not_word_boundary = false;  // the pattern uses \B
  std::size_t max_length = kUnboundedLength;           // bytes
  std::size_t max_nonspace_length = kUnboundedLength;  // characters that are is_window_unit
  // Every match contains at least one byte of this set (its first UTF-8 byte for non-ASCII). All
  // 256 bits set means "no requirement".
  ByteSet required_bytes = ByteSet().set();
  std::string error;  // why it was not understood
};
RegexFacts analyze_regex(std::string_view pattern);

// The fewest bytes of `set` that every match of the pattern contains (a character counts when all
// its first bytes are in the set); 0 when the parser does not understand the pattern.
std::size_t min_byte_count(std::string_view pattern, const ByteSet& set);

// A literal string that every match of a gate contains. `text` is ASCII-lowercased (scanned
// ignoring ASCII case); non-ASCII bytes compare exactly. word_start / word_end: the pattern has \b
// there and the text starts / ends with an ASCII word character, so the text byte before / after
// the occurrence is not an ASCII word character.
struct GateLiteral {
  std::string text;
  bool word_start = false;
  bool word_end = false;
  bool operator==(const GateLiteral&) const = default;
};

// A necessary condition for one top-level alternative of a pattern: every match of that
// alternative contains a match of `regex` (RE2 syntax, same options), and that gate match contains
// a trigger: `min_count` bytes of `trigger_bytes`, or one occurrence of one of `literals`. The gate
// match [s, e) has at most `span` units, a unit being a byte, or a non-space character
// (is_window_unit) when `nonspace`; so min_count trigger bytes lie within `span` units of each
// other. It holds a trigger byte or literal occurrence at some p (with min_count > 1, p belongs to
// a run of min_count consecutive trigger bytes of the text lying in the match) with at most
// `before` units in [s, p) and at most `after` units in [p, e). So it lies inside the window of
// `before` units before and `after` units from p, plus one character on each side; there \b, ^, $
// and \B see the same neighbours as in the whole text.
struct RegexGate {
  std::string regex;
  bool nonspace = false;
  std::size_t span = 0;
  std::size_t before = 0;
  std::size_t after = 0;
  ByteSet trigger_bytes;      // used when min_count > 0
  std::size_t min_count = 0;  // 0: literal trigger
  // Further byte counts every gate match has (bytes units only): e.g. an IBAN triggered by two
  // digits also has twelve of [0-9A-Z].
  std::vector<std::pair<ByteSet, std::size_t>> also;
  std::vector<GateLiteral> literals;
  // Some literal came from a (?i) 's' or 'k', which RE2 also matches as U+017F (long s) or U+212A
  // (Kelvin sign); ASCII-insensitive scanning misses those, so texts containing them must not rely
  // on these literals.
  bool fold_sensitive = false;
  double cost = 0;  // estimated nanoseconds per MB of English prose spent because of this gate
  std::string describe() const;
};

// Gates for a pattern: one per top-level alternative (a match of the pattern matches one of the
// alternatives). nullopt: some alternative has no affordable gate, the pattern uses \B, or the
// parser did not understand it; the caller must then run the pattern over the whole text.
struct GatePlan {
  std::vector<RegexGate> gates;
};
// `scanned`: byte sets the caller scans anyway (for other patterns), so triggering on them costs
// nothing extra.
std::optional<GatePlan> plan_gates(std::string_view pattern, std::string* reason = nullptr,
                                   const std::vector<ByteSet>& scanned = {});

// Re-serializes the parsed pattern (for tests and fuzzing: must match exactly what the pattern
// matches). nullopt when the parser does not understand the pattern.
std::optional<std::string> reserialize_regex(std::string_view pattern);

}  // namespace switchyard::policy
