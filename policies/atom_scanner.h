// One pass over a text that finds what the classifier's regex prefilter needs (regex_analysis.h):
// positions of trigger bytes, by byte class, and occurrences of literal strings (ASCII case
// ignored, with optional \b-like checks at either end).
//
// Byte classes: 16 bytes at a time with nibble lookup tables (SSSE3 where the CPU has it, the same
// masks computed byte by byte otherwise). A class may ask for its bytes only where at least
// `min_count` of them lie within `span` bytes; blocks far from such clusters report nothing.
//
// Literals: a shift-or over byte pairs (after Hyperscan's FDR). Literals are put in eight buckets
// by fingerprint length (their first 2..9 bytes; a length many literals have gets two buckets or
// more, see choose_fingerprints()); a table gives, for each byte pair and distance
// from the fingerprint's end, the buckets for which that pair does not fit, so one lookup, shift
// and OR per byte track every bucket. Where a bucket's whole fingerprint fits, the literals of that
// bucket ending with that pair are compared in full. (Looking at every other pair only would halve
// the lookups, but the half-pairs at a literal's edges then fit too much of English.) A fingerprint
// of up to eight bytes also has the pair of the byte before it: for a word-start literal, only
// bytes that are no ASCII letter fit there, so "pt" is not looked at inside "script".
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::policy {

class TriggerScanner {
 public:
  static constexpr std::size_t kMaxClasses = 16;

  struct ClassSpec {
    std::bitset<256> bytes;
    std::size_t min_count = 1;  // > 1: report only near min_count bytes within `span` bytes
    std::size_t span = 0;
    bool nonspace = false;  // ByteHit::nonspace is needed (otherwise it may be 0)
  };
  struct Literal {
    std::string text;  // ASCII lowercase; non-ASCII bytes compare exactly; at least two bytes
    bool word_start = false;  // the byte before must not be an ASCII word character
    bool word_end = false;    // the byte after must not be an ASCII word character
  };
  struct ByteHit {
    std::uint32_t position;
    std::uint32_t nonspace;  // units (is_window_unit) before `position`
  };
  struct LiteralHit {
    std::uint32_t literal;
    std::uint32_t position;
    bool operator<(const LiteralHit& o) const {
      return position != o.position ? position < o.position : literal < o.literal;
    }
  };
  struct Hits {
    std::vector<std::vector<ByteHit>> by_class;  // by position
    std::vector<LiteralHit> literals;            // by position
    bool exotic_fold = false;  // the text has U+017F or U+212A (see RegexGate::fold_sensitive)
  };

  TriggerScanner();
  ~TriggerScanner();
  TriggerScanner(TriggerScanner&&) noexcept;
  TriggerScanner& operator=(TriggerScanner&&) noexcept;

  // At most kMaxClasses classes (more are ignored); literals of at least two bytes.
  void build(const std::vector<ClassSpec>& classes, std::vector<Literal> literals,
             bool detect_exotic_fold);
  bool empty() const { return classes_.empty() && literals_.empty() && !detect_exotic_fold_; }
  const std::vector<Literal>& literals() const { return literals_; }

  // Which vector instructions the byte-class half uses: the best the CPU has (AVX2, else SSSE3),
  // or, for tests that compare the paths, SSSE3 or none. A unit the CPU lacks falls back to none.
  enum class Unit { kBest, kSsse3, kPortable };
  // `text` is valid UTF-8 (the normalizer's views are): a word-start literal with an ASCII first
  // byte right after a stray lead byte 0xC0..0xFF may be missed. Other bytes are found exactly.
  void scan(std::string_view text, Hits* hits, Unit unit = Unit::kBest) const;

 public:
  struct ByteScan;  // internal; public for the out-of-line block handler

 private:
  // A literal that verify() may find where its fingerprint fits, under the hash of its head (its
  // first eight bytes, or all of a shorter one), so that a fit looks at the few literals whose head
  // is the text's and no others.
  struct Candidate {
    std::uint64_t head;  // the literal's first min(8, size) bytes, little-endian; 0 past them
    std::uint32_t literal;
    std::uint8_t size;   // of the literal, up to 255 (longer ones are compared to their end)
    std::uint8_t flags;  // kWordStart, kWordEnd, kWiderHead (atom_scanner.cpp)
    // Bytes 8 and 9 of a literal longer than eight (0 past its end): compared before tail_at(),
    // since literals share heads ("distribu" starts four keyword anchors of the packs).
    std::uint16_t next;
  };
  void scan_bytes_portable(std::string_view text, Hits* hits) const;
#if defined(__x86_64__)
  void scan_bytes_vector(std::string_view text, Hits* hits) const;
  void scan_bytes_avx2(std::string_view text, Hits* hits) const;
#endif
  void scan_literals(std::string_view text, Hits* hits) const;
  void verify(std::string_view text, std::size_t end_pair, unsigned buckets, Hits* hits) const;
  // The bytes of a literal longer than eight past its head, and its word boundaries.
  bool tail_at(std::string_view text, std::size_t position, const Candidate& candidate) const;
  void choose_fingerprints();

  std::vector<ClassSpec> classes_;
  bool need_nonspace_ = false;
  bool detect_exotic_fold_ = false;
  // Per byte: bit c for class c, and kExoticLead for the first byte of U+017F / U+212A.
  std::array<std::uint32_t, 256> byte_info_{};
  static constexpr std::uint32_t kExoticLead = 1u << 16;
  // Nibble tables of the bytes above: a superset, each reported byte is checked in byte_info_.
  alignas(16) std::array<std::uint8_t, 16> nibble_lo_{};
  alignas(16) std::array<std::uint8_t, 16> nibble_hi_{};

  std::vector<Literal> literals_;
  // Shift-or table over byte pairs (both ASCII cases of letters entered): byte k of entry p has
  // bit b set when no literal of bucket b (fingerprint of fingerprint_[b] bytes) has pair p at
  // distance k from its fingerprint's end; distance fingerprint_[b] - 1 is the pair of the byte
  // before the fingerprint and its first byte (for_each_entry()).
  std::unique_ptr<std::uint64_t[]> pair_mask_;
  // Per bucket: its literals by head_slot() of their head, the candidates of slot k at
  // [slot_begin_[b][k], slot_begin_[b][k + 1]). The slot is that of the literal's fingerprint
  // (head_mask_ cuts the text's eight bytes to it); a literal with more head bytes than that is
  // marked kWiderHead and compared on all of them.
  std::array<std::vector<Candidate>, 8> by_head_;
  std::array<std::vector<std::uint32_t>, 8> slot_begin_;
  std::array<int, 8> slot_shift_{};  // 64 - log2(slots)
  std::array<std::uint64_t, 8> head_mask_{};
  // Per bucket: the length of its literals' fingerprints (their first 2..9 bytes).
  std::array<std::uint8_t, 8> fingerprint_{};
};

}  // namespace switchyard::policy
