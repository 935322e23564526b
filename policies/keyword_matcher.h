// Finds keyword phrases (design 4.2) in the keyword view in one pass: an Aho-Corasick automaton
// over the text with separators (space, '-', '_') skipped, then an exact check of each candidate
// for the phrase's separators, case and whole-word boundaries.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::policy {

struct KeywordPattern {
  std::string text;  // in keyword-view form: folded like the text, whitespace collapsed, trimmed
  std::uint32_t rule = 0;
  bool case_sensitive = false;
};

struct KeywordHit {
  std::uint32_t pattern = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Whole-word rule of design 4.2 for a match at [begin, end) of text: true when a letter or digit
// sits right before or after it (letters of scripts written without spaces, such as Han, kana and
// Thai, never count as such a neighbor).
bool violates_word_boundary(std::string_view text, std::size_t begin, std::size_t end);

class KeywordMatcher {
 public:
  // Patterns must contain at least one byte that is not a separator (see has_matchable_bytes).
  void build(std::vector<KeywordPattern> patterns);

  // Appends every verified occurrence to *hits (in order of end position).
  void scan(std::string_view text, std::vector<KeywordHit>* hits) const;
  // Reference scan without the automaton: every pattern checked at every position. Slow; for the
  // differential tests.
  void scan_naive(std::string_view text, std::vector<KeywordHit>* hits) const;

  // Anchors let a caller that scans the text for literals anyway spare the automaton most of the
  // text. Each pattern has one: its longest run of bytes without a space, which every match
  // contains verbatim (ASCII case aside). Patterns that share a run share the anchor.
  struct Anchor {
    std::string text;        // ASCII lowercased
    std::size_t before = 0;  // most real (non-separator) bytes of an owner before the anchor
    std::size_t after = 0;   // most real bytes of an owner from the anchor's start on
    // The real byte right before the anchor in each owner (ASCII lowercased), as bits; `open`
    // when some owner has none. Likewise right after it. An occurrence whose neighbours fit no
    // owner cannot be part of a match ("distribute" is everywhere in a license, "do not
    // distribute" is not), so scan_near skips it.
    std::bitset<256> before_bytes{};
    std::bitset<256> after_bytes{};
    bool before_open = false;
    bool after_open = false;
  };
  struct AnchorHit {
    std::uint32_t anchor;
    std::uint32_t start;  // in the text
  };
  // False when some pattern has no run of two bytes (then there are no anchors).
  bool anchored() const { return !anchors_.empty(); }
  const std::vector<Anchor>& anchors() const { return anchors_; }
  // The same hits as scan() when `anchor_hits` lists every occurrence of every anchor in text
  // (ASCII case ignored), by start.
  void scan_near(std::string_view text, std::span<const AnchorHit> anchor_hits,
                 std::vector<KeywordHit>* hits) const;

  const std::vector<KeywordPattern>& patterns() const { return patterns_; }
  std::size_t state_count() const;
  std::size_t memory_bytes() const;
  bool empty() const { return patterns_.empty(); }

  static bool has_matchable_bytes(std::string_view keyword);
  // Folds a keyword the way the keyword view folds text (see normalizer.h).
  static std::string keyword_form(std::string_view keyword);

 private:
  // scan() of this matcher's own automaton (the patterns without a non-ASCII byte, or all).
  void scan_automaton(std::string_view text, std::vector<KeywordHit>* hits) const;
  static bool has_wide_byte(std::string_view text);
  // Appends wide_'s hits (its pattern numbers made ours) to those from `first` on, in order.
  void merge_wide(std::vector<KeywordHit> wide_hits, std::size_t first,
                  std::vector<KeywordHit>* hits) const;
  // core_end: index of the last text byte matched by the pattern's last non-separator byte.
  bool verify(std::uint32_t pattern, std::string_view text, std::size_t core_end,
              KeywordHit* hit) const;
  // Verifies every pattern that ends in `state` (a reporting row offset) at text[i].
  void report(std::string_view text, std::uint32_t state, std::size_t i,
              std::vector<KeywordHit>* hits) const;
  // Runs the automaton over text[from, to) from `state`, reporting hits that end at or after
  // report_from; returns the state after to.
  std::uint32_t scan_range(std::string_view text, std::size_t from, std::size_t report_from,
                           std::size_t to, std::uint32_t state,
                           std::vector<KeywordHit>* hits) const;
  // Where a stream that reports from `offset` on starts reading so that its state is exact there.
  std::size_t warm_up_start(std::string_view text, std::size_t offset) const;
  // The position `count` real bytes before offset, or after the count-th from offset on.
  std::size_t real_bytes_back(std::string_view text, std::size_t offset, std::size_t count) const;
  std::size_t real_bytes_forward(std::string_view text, std::size_t offset,
                                 std::size_t count) const;

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  std::vector<KeywordPattern> patterns_;
  std::vector<Anchor> anchors_;
  std::vector<std::size_t>
      core_length_;  // bytes of text up to and including the last non-separator
  unsigned char class_of_[256] = {};
  std::uint32_t class_count_ = 0;  // row width of transitions_
  std::size_t state_count_ = 0;
  std::size_t max_depth_ = 0;  // longest pattern in automaton bytes (separators not counted)
  // Dense DFA over byte classes. A state is kept as the offset of its row, so one step is
  // table[state + class]. Rows of states that report nothing come first, breadth first (the hot
  // shallow states share cache lines), at even offsets; the rows of states that report a pattern
  // follow at odd offsets, so "reports" is state & 1 and four streams test it with one OR.
  std::vector<std::uint32_t> transitions_;
  std::uint32_t output_base_ = 0;               // offset of the first reporting row
  std::vector<std::uint32_t> output_begin_;     // per reporting state, into outputs_ (+ 1 at end)
  std::vector<std::uint32_t> outputs_;          // pattern indices ending at each reporting state
  std::vector<std::uint32_t> dictionary_link_;  // per reporting state: the next one on its failure
                                                // chain, or kNone
  // The patterns with a non-ASCII byte, when there are others too; wide_pattern_ maps its pattern
  // numbers to ours. Shared: the matcher stays copyable, and is immutable once built.
  std::shared_ptr<const KeywordMatcher> wide_;
  std::vector<std::uint32_t> wide_pattern_;
};

}  // namespace switchyard::policy
