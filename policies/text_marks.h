// Internal to the normalizer (normalizer.cpp and text_marks_ssse3.cpp): one pass over a text, 64
// bytes at a time, that marks where the decoding and letter-spacing stages may have work. Compiled
// twice: for the baseline (SSE2 on x86-64) in normalizer.cpp and with SSSE3 in
// text_marks_ssse3.cpp, chosen at run time. Everything here has internal linkage, so the two
// copies never mix.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "policies/normalizer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__SSSE3__)
#include <tmmintrin.h>
#endif
#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace switchyard::policy {

namespace detail {
// The builds of this header with a wider instruction set (text_marks_ssse3.cpp, _avx2.cpp):
// whether each was compiled with it, and its mark_words (see below) for (decode, spacing,
// ascii_only) = (true, false, false), (false, true, false), (true, true, true). normalizer.cpp
// calls the best one the CPU runs.
extern const bool kSsse3MarksCompiled;
bool mark_words_ssse3(std::string_view text, std::size_t min_run, bool decode, bool spacing,
                      bool ascii_only, std::uint64_t* decode_words, std::uint64_t* spacing_words);
extern const bool kAvx2MarksCompiled;
bool mark_words_avx2(std::string_view text, std::size_t min_run, bool decode, bool spacing,
                     bool ascii_only, std::uint64_t* decode_words, std::uint64_t* spacing_words);
// The copy-mark stage's bytes ('"' '<' '>' tab CR): the offset of the first at or after `from`,
// or text.size(). Only when kAvx2MarksCompiled (text_marks_avx2.cpp).
std::size_t next_copy_byte_avx2(std::string_view text, std::size_t from);
}  // namespace detail

namespace {

constexpr std::array<bool, 256> make_base64_table() {
  std::array<bool, 256> table{};
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  table['+'] = table['/'] = table['-'] = table['_'] = true;
  return table;
}
constexpr std::array<bool, 256> kBase64Char = make_base64_table();

constexpr std::array<bool, 256> make_plain_table() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = !kBase64Char[c] && c != '%' && c != '&' && c != '\\';
  return table;
}
constexpr std::array<bool, 256> kPlainByte = make_plain_table();

// ---------------------------------------------------------------------------------------------
// 64-byte block masks: bit k of a mask describes byte k of the block. The decoding and spacing
// stages look at single bytes only where the masks say something may change, so prose costs a
// handful of vector instructions per 64 bytes and no branch per word.

constexpr std::size_t kBlock = 64;

// The 64 bytes at text[pos]; bytes outside the text read as 0, which belongs to no class below.
[[gnu::noinline]] inline const unsigned char* padded_block_at(std::string_view text,
                                                              std::ptrdiff_t pos,
                                                              unsigned char* buffer) {
  const auto n = static_cast<std::ptrdiff_t>(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::memset(buffer, 0, kBlock);
  const std::ptrdiff_t begin = std::max<std::ptrdiff_t>(pos, 0);
  const std::ptrdiff_t end = std::min<std::ptrdiff_t>(pos + static_cast<std::ptrdiff_t>(kBlock), n);
  if (begin < end) {
    std::memcpy(buffer + (begin - pos), p + begin, static_cast<std::size_t>(end - begin));
  }
  return buffer;
}
inline const unsigned char* block_at(std::string_view text, std::ptrdiff_t pos,
                                     unsigned char* buffer) {
  if (pos >= 0 &&
      pos + static_cast<std::ptrdiff_t>(kBlock) <= static_cast<std::ptrdiff_t>(text.size())) {
    return reinterpret_cast<const unsigned char*>(text.data()) + pos;
  }
  return padded_block_at(text, pos, buffer);
}

#if defined(__SSE2__)
// lo <= byte < lo + width (lo <= 0x80, width < 0x80), with signed compares only (SSE2 has no
// unsigned byte compare): shift the range to start at -128.
inline __m128i bytes_in_range(__m128i v, unsigned char lo, unsigned char width) {
  const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
  return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x80 + width)));
}
inline __m128i bytes_equal(__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }
inline std::uint64_t lane_bits(__m128i m, int lane) {
  // pmovmskb already clears the upper bits: no narrowing cast, no extra zero extension.
  return std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(m))} << (16 * lane);
}
#endif

// "p r o j e c t" (see collapse_letter_spacing): the separators between spaced-out characters, and
// the bytes that may belong to a letter or digit.
constexpr std::array<bool, 256> kSpacingSeparator = [] {
  std::array<bool, 256> table{};
  table[' '] = table['.'] = table['-'] = table['_'] = true;
  return table;
}();
constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  return table;
}();
constexpr std::array<bool, 256> kMaybeAlnum = [] {
  std::array<bool, 256> table = kAsciiAlnum;
  for (int c = 0x80; c < 0x100; ++c) table[c] = true;  // part of a non-ASCII character: maybe
  return table;
}();

struct ClassMasks {
  std::uint64_t base64 = 0;
  std::uint64_t marks = 0;      // '%', '&', '\\', '+': where decoding starts or '+' may be a space
  std::uint64_t separator = 0;  // ' ', '.', '-', '_'
  std::uint64_t alnum = 0;      // ASCII letters and digits
  std::uint64_t high = 0;       // bytes of non-ASCII characters
};

// The masks of one block; kDecode and kSpacing select which ones are needed (high always is).
// Class bits of the nibble lookups below: 0x1f base64, 0xc0 decoding marks, 0x24 spacing
// separators, 0x0b ASCII letters and digits. `outside(bits)` gives the bytes with none of them.
template <bool kDecode, bool kSpacing, class Outside>
[[gnu::always_inline]] inline void add_outside(ClassMasks& m, Outside outside) {
  if constexpr (kDecode) {
    m.base64 |= outside(0x1f);
    m.marks |= outside(0xc0);
  }
  if constexpr (kSpacing) {
    m.separator |= outside(0x24);
    m.alnum |= outside(0x0b);
  }
}

// The nibble lookups below collect the bytes outside each class (a compare with zero); this turns
// them into the bytes inside.
template <bool kDecode, bool kSpacing>
[[gnu::always_inline]] inline void invert_classes(ClassMasks& m) {
  if constexpr (kDecode) {
    m.base64 = ~m.base64;
    m.marks = ~m.marks;
  }
  if constexpr (kSpacing) {
    m.separator = ~m.separator;
    m.alnum = ~m.alnum;
  }
}

template <bool kDecode, bool kSpacing>
[[gnu::always_inline]] inline ClassMasks class_masks(const unsigned char* block) {
  ClassMasks m;
#if defined(__AVX2__)
  // The SSSE3 lookup below, 32 bytes at a time (the tables repeat in both 16-byte halves).
  const __m256i low_nibble =
      _mm256_setr_epi8(0x2a, 0x0b, 0x0b, 0x0b, 0x0b, 0x4b, 0x4b, 0x0b, 0x0b, 0x0b, 0x03, 0x51, 0x81,
                       0x31, 0x21, 0x15, 0x2a, 0x0b, 0x0b, 0x0b, 0x0b, 0x4b, 0x4b, 0x0b, 0x0b, 0x0b,
                       0x03, 0x51, 0x81, 0x31, 0x21, 0x15);
  const __m256i high_nibble = _mm256_setr_epi8(
      0x00, 0x00, 0x70, 0x08, 0x01, static_cast<char>(0x86), 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0,
      0x00, 0x00, 0x70, 0x08, 0x01, static_cast<char>(0x86), 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i nibble = _mm256_set1_epi8(0x0f);
  auto lane = [&](int k) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + 32 * k));
    const __m256i classes = _mm256_and_si256(
        _mm256_shuffle_epi8(low_nibble, _mm256_and_si256(v, nibble)),
        _mm256_shuffle_epi8(high_nibble, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble)));
    auto bits = [&](__m256i mask) {
      return std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(mask))} << (32 * k);
    };
    auto outside = [&](int class_bits) {
      return bits(_mm256_cmpeq_epi8(
          _mm256_and_si256(classes, _mm256_set1_epi8(static_cast<char>(class_bits))),
          _mm256_setzero_si256()));
    };
    add_outside<kDecode, kSpacing>(m, outside);
    m.high |= bits(v);
  };
  lane(0);
  lane(1);
  invert_classes<kDecode, kSpacing>(m);
#elif defined(__SSSE3__)
  // One shuffle per nibble looks up class bits for 16 bytes at once: a byte has class bit b when
  // bit b is set both in low_nibble[its low nibble] and in high_nibble[its high nibble]. Bits:
  // 0 A-O a-o, 1 P-Z p-z, 2 '_', 3 digits, 4 "+-/", 5 " -.", 6 "%&+", 7 '\\' (non-ASCII: none).
  const __m128i low_nibble = _mm_setr_epi8(0x2a, 0x0b, 0x0b, 0x0b, 0x0b, 0x4b, 0x4b, 0x0b, 0x0b,
                                           0x0b, 0x03, 0x51, 0x81, 0x31, 0x21, 0x15);
  const __m128i high_nibble = _mm_setr_epi8(0x00, 0x00, 0x70, 0x08, 0x01, static_cast<char>(0x86),
                                            0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m128i nibble = _mm_set1_epi8(0x0f);
  auto lane = [&](int k) {  // called with constants: the shifts stay immediate
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * k));
    const __m128i classes =
        _mm_and_si128(_mm_shuffle_epi8(low_nibble, _mm_and_si128(v, nibble)),
                      _mm_shuffle_epi8(high_nibble, _mm_and_si128(_mm_srli_epi16(v, 4), nibble)));
    // Bits of the bytes outside a class (compare with zero), inverted once per block below.
    auto outside = [&](int bits) {
      return lane_bits(
          _mm_cmpeq_epi8(_mm_and_si128(classes, _mm_set1_epi8(static_cast<char>(bits))),
                         _mm_setzero_si128()),
          k);
    };
    add_outside<kDecode, kSpacing>(m, outside);
    m.high |= lane_bits(v, k);
  };
  lane(0);
  lane(1);
  lane(2);
  lane(3);
  invert_classes<kDecode, kSpacing>(m);
#elif defined(__SSE2__)
  auto lane = [&](int k) {  // called with constants: the shifts stay immediate
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * k));
    const __m128i letters = bytes_in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26);
    const __m128i underscore = bytes_equal(v, '_');
    if constexpr (kDecode) {
      // Base64: letters, '_', and 0x2B..0x39 ("+,-./0-9") without ',' and '.' (v | 2 == '.').
      const __m128i comma_or_dot = bytes_equal(_mm_or_si128(v, _mm_set1_epi8(0x02)), '.');
      const __m128i digits_and_signs = _mm_andnot_si128(comma_or_dot, bytes_in_range(v, '+', 15));
      const __m128i base64 = _mm_or_si128(_mm_or_si128(letters, digits_and_signs), underscore);
      const __m128i marks = _mm_or_si128(
          _mm_or_si128(bytes_in_range(v, '%', 2), bytes_equal(v, '\\')), bytes_equal(v, '+'));
      m.base64 |= lane_bits(base64, k);
      m.marks |= lane_bits(marks, k);
    }
    if constexpr (kSpacing) {
      const __m128i separator =
          _mm_or_si128(_mm_or_si128(bytes_equal(v, ' '), underscore), bytes_in_range(v, '-', 2));
      m.separator |= lane_bits(separator, k);
      m.alnum |= lane_bits(_mm_or_si128(letters, bytes_in_range(v, '0', 10)), k);
    }
    m.high |= lane_bits(v, k);
  };
  lane(0);
  lane(1);
  lane(2);
  lane(3);
#else
  for (std::size_t k = 0; k < kBlock; ++k) {
    const unsigned char c = block[k];
    if constexpr (kDecode) {
      m.base64 |= std::uint64_t{kBase64Char[c]} << k;
      m.marks |= std::uint64_t{(!kBase64Char[c] && !kPlainByte[c]) || c == '+'} << k;
    }
    if constexpr (kSpacing) {
      m.separator |= std::uint64_t{kSpacingSeparator[c]} << k;
      m.alnum |= std::uint64_t{kAsciiAlnum[c]} << k;
    }
    m.high |= std::uint64_t{c >= 0x80} << k;
  }
#endif
  return m;
}

// Bit k set when bytes k - min_run + 1 .. k of `current` are all set; bits before the block come
// from `before` (the previous block). Doubling shifts over the 128-bit pair; min_run <= 64.
// kMinRun != 0 fixes min_run at compile time, so the shifts unroll into constants.
template <std::size_t kMinRun, std::size_t kCovered = 1>
[[gnu::always_inline]] inline void grow_runs(std::uint64_t& hi, std::uint64_t& lo,
                                             std::size_t min_run) {
  auto shift_and = [&](std::size_t s) {  // (hi:lo) &= (hi:lo) << s, 0 < s < 64
    hi &= (hi << s) | (lo >> (64 - s));
    lo &= lo << s;
  };
  if constexpr (kMinRun == 0) {
    std::size_t covered = 1;
    while (covered * 2 <= min_run) {
      shift_and(covered);
      covered *= 2;
    }
    if (min_run > covered) shift_and(min_run - covered);
  } else if constexpr (kCovered * 2 <= kMinRun) {
    shift_and(kCovered);
    grow_runs<kMinRun, kCovered * 2>(hi, lo, min_run);
  } else if constexpr (kMinRun > kCovered) {
    shift_and(kMinRun - kCovered);
  }
}

constexpr std::size_t kUsualMinRun = NormalizerLimits{}.min_base64_length;
constexpr std::size_t kEveryRun = ~std::size_t{0};  // min_run > 64: mark every base64 byte

// One pass over a text, 64 bytes at a time, marking where the stages may have work (bit k of
// word b stands for byte 64 * b + k):
//  - decode: escape characters, '+', and the bytes at which a base64 run reaches min_run. Each
//    marked run is then decoded from its start; marking more runs than needed costs time only,
//    since decode_escapes looks at every run the same way.
//  - spacing: separators with a single character on each side, the only places where a run of
//    spaced-out characters can start (the byte before is a word byte and the one before that is
//    not an ASCII letter or digit: a non-ASCII single ends in a continuation byte; the same
//    mirrored after it). Ordinary prose has almost none ("e.g.", "a I").
// kAsciiOnly stops at the first block with a non-ASCII byte and returns false.
template <bool kDecode, bool kSpacing, bool kAsciiOnly, std::size_t kMinRun>
bool mark_blocks(std::string_view text, std::size_t min_run, std::uint64_t* decode,
                 std::uint64_t* spacing) {
  const std::size_t blocks = (text.size() + kBlock - 1) / kBlock;
  unsigned char buffer[kBlock];
  auto masks_of = [&](std::size_t b) {
    return class_masks<kDecode, kSpacing>(
        block_at(text, static_cast<std::ptrdiff_t>(b * kBlock), buffer));
  };
  ClassMasks prev;  // before the text: no class
  ClassMasks cur = blocks > 0 ? masks_of(0) : ClassMasks{};
  for (std::size_t b = 0; b < blocks; ++b) {
    const ClassMasks next = b + 1 < blocks ? masks_of(b + 1) : ClassMasks{};
    if constexpr (kAsciiOnly) {
      if (cur.high != 0) return false;
    }
    if constexpr (kDecode) {
      std::uint64_t runs = cur.base64;
      if constexpr (kMinRun != kEveryRun) {
        std::uint64_t lo = prev.base64;
        grow_runs<kMinRun>(runs, lo, min_run);
      }
      decode[b] = cur.marks | runs;
    }
    if constexpr (kSpacing) {
      const std::uint64_t word_prev = prev.alnum | prev.high;
      const std::uint64_t word_cur = cur.alnum | cur.high;
      const std::uint64_t word_next = next.alnum | next.high;
      const std::uint64_t word_before = (word_cur << 1) | (word_prev >> 63);
      const std::uint64_t word_after = (word_cur >> 1) | (word_next << 63);
      const std::uint64_t alnum_two_before = (cur.alnum << 2) | (prev.alnum >> 62);
      const std::uint64_t alnum_two_after = (cur.alnum >> 2) | (next.alnum << 62);
      spacing[b] = cur.separator & word_before & word_after & ~alnum_two_before & ~alnum_two_after;
    }
    prev = cur;
    cur = next;
  }
  return true;
}

// mark_blocks with the run length dispatched to a compile-time constant when it is the usual one.
// The word arrays hold (text.size() + 63) / 64 words.
template <bool kDecode, bool kSpacing, bool kAsciiOnly>
bool mark_words(std::string_view text, std::size_t min_run, std::uint64_t* decode_words,
                std::uint64_t* spacing_words) {
  if (!kDecode || min_run == kUsualMinRun) {
    return mark_blocks<kDecode, kSpacing, kAsciiOnly, kUsualMinRun>(text, min_run, decode_words,
                                                                    spacing_words);
  }
  if (min_run > kBlock) {
    return mark_blocks<kDecode, kSpacing, kAsciiOnly, kEveryRun>(text, min_run, decode_words,
                                                                 spacing_words);
  }
  return mark_blocks<kDecode, kSpacing, kAsciiOnly, 0>(text, min_run, decode_words, spacing_words);
}

// The entry point of each build (detail::mark_words_*).
[[maybe_unused]] bool mark_words_dispatch(std::string_view text, std::size_t min_run, bool decode,
                                          bool spacing, bool ascii_only,
                                          std::uint64_t* decode_words,
                                          std::uint64_t* spacing_words) {
  if (decode && spacing && ascii_only) {
    return mark_words<true, true, true>(text, min_run, decode_words, spacing_words);
  }
  if (decode) return mark_words<true, false, false>(text, min_run, decode_words, spacing_words);
  return mark_words<false, true, false>(text, min_run, decode_words, spacing_words);
}

}  // namespace
}  // namespace switchyard::policy
