// The joined view (design 4.4): the places of a request where a value is spread out or spelled out
// so that a rule written for the value misses it, put back together. It holds excerpts only, each
// with up to kJoinContext bytes of the text around it, so its size follows what there is to join:
//  - seams: a token that ends a line (or a message) continued by a token at the start of the next
//    line, or of one of the next few lines or messages once the turns of a conversation in between
//    are skipped (a key broken by a terminal wrap, a card number given in two chat messages);
//  - digits: digit groups separated by single spaces, commas or hyphens collapse into one run
//    ("4 5 2 7, 8 0 5 2" becomes "45278052");
//  - number words: digits written as words (English, German, French, Spanish, Italian, Dutch,
//    Portuguese, Polish, Japanese kanji) become digits ("vier fünf drei" becomes "453");
//  - addresses: "name [at] domain [dot] com", "nome chiocciola dominio punto it" become
//    name@domain.com;
//  - OCR misreads: in a run of digit groups standing alone, a 0, 1, 5 or 8 that a scanner read
//    as O, l, I, S or B is read back ("4S39 82S9 79l9 O743" becomes "4539 8259 7919 0743").
// Every byte of the view maps back to the segment and normalized-view offset it came from, so a
// match that crosses a seam yields one span per piece (redaction, explain and the audit point at
// what the client sent). Rules see this view only when they list it (`views: [joined]`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policies/normalizer.h"

namespace switchyard::policy {

// A range of one segment's decoded view (the normalized view with escapes decoded).
struct JoinedSource {
  std::uint32_t segment = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Where, in one segment, the literal scan saw something the joined view may need (positions in
// the segment's decoded view; any order, duplicates allowed).
struct JoinHints {
  std::vector<std::uint32_t> words;   // number words and at/dot words (JoinedView::triggers)
  std::vector<std::uint32_t> digits;  // digits of dense runs (nine within 32 bytes)
  std::vector<std::uint32_t> values;  // literals of the rules that match on the joined view
  void clear() {
    words.clear();
    digits.clear();
    values.clear();
  }
};

// Whether `view` is `written` with some misread letters of an OCR'd digit run read as the digits
// they stand for (O as 0, l and I as 1, S as 5, B as 8), and nothing else changed.
bool same_but_misread_digits(std::string_view written, std::string_view view);

class JoinedView {
 public:
  JoinedView();
  ~JoinedView();
  JoinedView(JoinedView&&) noexcept;
  JoinedView& operator=(JoinedView&&) noexcept;

  // Context kept around each place in an excerpt, in bytes (whole characters).
  static constexpr std::size_t kJoinContext = 128;

  // The words the literal scan should report (number words, at/dot words), so that build() need
  // not look for them in every byte: lowercase; `word` asks for word boundaries on both sides.
  struct Trigger {
    std::string text;
    bool word = false;
  };
  static const std::vector<Trigger>& triggers();

  // `views`: the decoded view of each segment. `hints`: what the literal scan found in each, or
  // nullptr to look everywhere (slow; the reference for tests). Seams are looked for only from
  // lines with a value hint or a digit chain at their end. Returns false when there is nothing
  // to join (text() is then empty).
  bool build(std::span<const std::string_view> views, const std::vector<JoinHints>* hints);

  std::string_view text() const { return text_; }
  // A range of text() -> the source ranges it came from, one per piece, in view order.
  void map(std::size_t begin, std::size_t end, std::vector<JoinedSource>* out) const;

 private:
  struct Piece {
    std::size_t raw_begin;
    std::size_t length;
    JoinedSource source;  // begin..begin + length
  };
  std::string raw_;            // excerpts, before rewriting
  std::vector<Piece> pieces_;  // of raw_, by raw_begin; separators between excerpts map nowhere
  std::string text_;       // raw_ with digits collapsed, number words and at/dot words rewritten
  OffsetMap rewrite_map_;  // text_ -> raw_ (empty: the same text)
  struct Scratch;  // kept between builds, so that a text with nothing to join allocates nothing
  std::unique_ptr<Scratch> scratch_;
};

// Building blocks, exposed for tests and fuzzing.
// Rewrites digit chains, number words and obfuscated addresses, and with `misreads` the OCR
// misreads of digit runs; false when nothing changed.
bool rewrite_for_joined_view(std::string_view in, std::string* out, OffsetMap* map,
                             bool misreads = true);
// An "@" (at_form) or a "." spelled out at text[i] ("@", " [at] ", " chiocciola ", "ドット",
// spaces before it included): false when the byte after the spaces cannot start one. The address
// parser asks this before read_address_form_plain(), which answers exactly (and sets *end).
bool may_be_address_form(std::string_view text, std::size_t i, bool at_form);
bool read_address_form_plain(std::string_view text, std::size_t i, bool at_form, std::size_t* end);

}  // namespace switchyard::policy
