// Turns one text segment into the views rules match on (design 4.4): normalized (NFKC, format chars
// removed, Unicode digits, dashes and quotes to ASCII), decoded (percent, HTML entities, \uXXXX and
// JSON escapes, base64; then quote markers, line numbers and CSV doubled quotes removed)
// and keyword (confusables folded, non-ASCII case folded, letter-spacing collapsed). Every view
// keeps a map back to byte offsets of the original text, so redaction and explain point at what was
// sent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace switchyard::policy {

// Maps byte offsets of a derived text back to the text it was derived from. The derived text is a
// sequence of pieces; an identity piece copies source bytes one to one, a replacement piece stands
// for a whole source range (a decoded escape, a normalized character). Removed source bytes are
// simply not covered by any piece.
class OffsetMap {
 public:
  void add_identity(std::size_t src_begin, std::size_t length);
  void add_replacement(std::size_t src_begin, std::size_t src_length, std::size_t view_length);
  // [begin, end) in the derived text -> the smallest source range that produced it.
  std::pair<std::size_t, std::size_t> map(std::size_t begin, std::size_t end) const;
  std::size_t view_size() const { return view_size_; }
  bool empty() const { return pieces_.empty(); }
  void clear() {
    pieces_.clear();
    view_size_ = 0;
  }

 private:
  struct Piece {
    std::uint32_t view_begin;
    std::uint32_t src_begin;
    std::uint32_t view_length;
    std::uint32_t src_length;
    bool identity;
  };
  const Piece& piece_at(std::size_t view_offset) const;
  std::vector<Piece> pieces_;
  std::size_t view_size_ = 0;
};

struct NormalizerLimits {
  int max_decode_depth = 2;
  std::size_t min_base64_length = 16;
};

// How NormalizedText::build, decode_escapes and collapse_letter_spacing find where to work.
// kSkipAhead classifies 64 bytes at a time (on ASCII text, build does so once for all stages) and
// jumps straight to the few places that can change anything; kEveryByte looks at every byte. Both
// give the same result: kEveryByte is the reference the tests and fuzz targets compare with.
enum class StageScan : std::uint8_t { kSkipAhead, kEveryByte };

// The views of one segment. Views that would equal the one below them are not copied: on plain
// ASCII prose all three views are the original text itself.
class NormalizedText {
 public:
  enum class ViewKind : std::uint8_t { kNormalized, kDecoded, kKeyword };

  // Returns false (and sets *error) when the text is not valid UTF-8. `scan` is for the tests (see
  // StageScan): every value gives the same views and maps.
  bool build(std::string_view original, const NormalizerLimits& limits, std::string* error,
             StageScan scan = StageScan::kSkipAhead);

  std::string_view original() const { return original_; }
  std::string_view normalized() const { return text(normalized_); }
  // Empty optional-like: has_decoded() is false when nothing in the text was decoded.
  bool has_decoded() const { return decoded_ != normalized_; }
  std::string_view decoded() const { return text(decoded_); }
  std::string_view keyword() const { return text(keyword_); }
  std::string_view view(ViewKind kind) const;

  // A byte range of a view -> the byte range of the original text it came from.
  std::pair<std::size_t, std::size_t> to_original(ViewKind kind, std::size_t begin,
                                                  std::size_t end) const;

 private:
  struct Layer {
    bool owned = false;  // false: same text as the layer below, no copy
    std::string storage;
    OffsetMap map;  // to the layer below (owned layers only)
  };
  std::string_view text(int layer) const;
  std::pair<std::size_t, std::size_t> map_down(int layer, std::size_t begin, std::size_t end) const;
  int push(Layer layer);
  int layer_of(ViewKind kind) const;

  std::string_view original_;
  std::vector<Layer> layers_;  // layer 0 is the original (never owned)
  // Per 64 bytes of ASCII text, where decoding and letter-spacing may have work (kept between
  // builds so that their storage is reused).
  std::vector<std::uint64_t> decode_marks_;
  std::vector<std::uint64_t> spacing_marks_;
  int normalized_ = 0;
  int decoded_ = 0;
  int keyword_ = 0;
};

// Building blocks, exposed for tests and fuzzing. Each returns false when the output would equal
// the input (nothing to do); otherwise fills *out and *map (out -> in).
bool normalize_unicode(std::string_view in, std::string* out, OffsetMap* map);
bool decode_escapes(std::string_view in, const NormalizerLimits& limits, std::string* out,
                    OffsetMap* map, StageScan scan = StageScan::kSkipAhead);
// What copying text through a mail client, a spreadsheet or a terminal adds: quote markers and
// line-number gutters at line starts, a CSV cell's doubled quotes. Part of the decoded view.
bool unwrap_copy_marks(std::string_view in, std::string* out, OffsetMap* map,
                       StageScan scan = StageScan::kSkipAhead);
bool fold_for_keywords(std::string_view in, std::string* out, OffsetMap* map);
bool collapse_letter_spacing(std::string_view in, std::string* out, OffsetMap* map,
                             StageScan scan = StageScan::kSkipAhead);

// UTF-8 helpers shared by the matcher stages.
bool is_valid_utf8(std::string_view text, bool* all_ascii);
// Decodes the code point at text[i]; sets *length. Text must be valid UTF-8.
std::uint32_t decode_utf8_at(std::string_view text, std::size_t i, std::size_t* length);
// The code point that ends right before text[i] (i > 0); sets *length.
std::uint32_t decode_utf8_before(std::string_view text, std::size_t i, std::size_t* length);
void append_utf8(std::uint32_t cp, std::string* out);
// Case folding that never changes the byte length (ASCII lower-casing, plus ICU simple case folding
// of non-ASCII code points whose folded form has the same UTF-8 length), so offsets stay valid.
void fold_case_same_length(std::string_view in, std::string* out);

// ---------------------------------------------------------------------------------------------
// Text typed without diacritics: on a phone, a US keyboard, in an SMS, or by a German who writes
// ü as "ue". The packs are written with the letters of each language (numéro, fünf, depressão,
// hasło); the same words typed plainly (numero, fuenf, depressao, haslo) must match too. The
// classifier compiles every rule so that a Latin letter with a diacritic in a pattern, keyword,
// context word or allowed value also matches its base letter, and an umlaut also its vowel plus
// "e"; the joined view reads its number words the same way. The text is never changed: a match
// points at what the client sent.

// The base letters of a Latin letter with a diacritic (é -> "e", Ł -> "L", ß -> "ss",
// æ -> "ae"), or an empty view when the code point has none.
std::string_view latin_base(std::uint32_t cp);

// The spellings of a word or phrase as it is also typed: itself, without diacritics
// (numéro -> numero), and with German umlauts as vowel + e (fünf -> fuenf). Distinct, the
// original first; only the original when it has no such letter.
std::vector<std::string> plain_spellings(std::string_view text);

// An RE2 pattern (UTF-8) in which every Latin letter with a diacritic outside a character class
// also matches its base letter (`é` -> `(?:é|e)`; an umlaut also the vowel + e: `ü` ->
// `(?:ü|ue?)`), and one inside a class also admits its base letter (`[éè]` -> `[éeèe]`; range
// ends and negated classes stay as written). Every match of the pattern is one of the result.
// Escapes, \Q...\E and \p{...} are copied. The pattern unchanged when it has no such letter.
std::string diacritic_tolerant_regex(std::string_view pattern);

}  // namespace switchyard::policy
