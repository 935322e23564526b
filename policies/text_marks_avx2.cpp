// The AVX2 build of text_marks.h (this file is compiled with -mavx2 on x86; see
// policies/CMakeLists.txt). normalizer.cpp calls it only when the CPU has AVX2.
#include "policies/text_marks.h"

namespace switchyard::policy::detail {

#if defined(__AVX2__)
extern const bool kAvx2MarksCompiled = true;
#else
extern const bool kAvx2MarksCompiled = false;
#endif

bool mark_words_avx2(std::string_view text, std::size_t min_run, bool decode, bool spacing,
                     bool ascii_only, std::uint64_t* decode_words, std::uint64_t* spacing_words) {
  return mark_words_dispatch(text, min_run, decode, spacing, ascii_only, decode_words,
                             spacing_words);
}

#if defined(__AVX2__)
std::size_t next_copy_byte_avx2(std::string_view text, std::size_t from) {
  // One lookup by low nibble gives the byte of the five that has it ('"' 0x22, tab 0x09, '<' 0x3C,
  // CR 0x0D, '>' 0x3E), or a byte with another low nibble that nothing can equal; a byte equal
  // to its lookup is one of the five (a byte >= 0x80 looks up 0). Prose has one in a few hundred
  // bytes, so the loop mostly loads, shuffles and compares.
  const __m256i expected =
      _mm256_setr_epi8(0x01, 0x02, 0x22, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x09, 0x0B, 0x0C, 0x3C,
                       0x0D, 0x3E, 0x00, 0x01, 0x02, 0x22, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x09,
                       0x0B, 0x0C, 0x3C, 0x0D, 0x3E, 0x00);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  auto hits = [&](__m256i v) { return _mm256_cmpeq_epi8(_mm256_shuffle_epi8(expected, v), v); };
  auto bits = [](__m256i m) { return static_cast<std::uint32_t>(_mm256_movemask_epi8(m)); };
  std::size_t i = from;
  for (; i + 128 <= n; i += 128) {  // 128 bytes per test: fewer branches on prose
    const __m256i a = hits(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)));
    const __m256i b = hits(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32)));
    const __m256i c = hits(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 64)));
    const __m256i d = hits(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 96)));
    const __m256i any = _mm256_or_si256(_mm256_or_si256(a, b), _mm256_or_si256(c, d));
    if (_mm256_testz_si256(any, any) == 0) {
      const std::uint64_t low = bits(a) | (std::uint64_t{bits(b)} << 32);
      if (low != 0) return i + static_cast<std::size_t>(std::countr_zero(low));
      const std::uint64_t high = bits(c) | (std::uint64_t{bits(d)} << 32);
      return i + 64 + static_cast<std::size_t>(std::countr_zero(high));
    }
  }
  for (; i + 64 <= n; i += 64) {
    const __m256i a = hits(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)));
    const __m256i b = hits(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32)));
    if (_mm256_testz_si256(_mm256_or_si256(a, b), _mm256_or_si256(a, b)) == 0) {
      const std::uint64_t mask = bits(a) | (std::uint64_t{bits(b)} << 32);
      return i + static_cast<std::size_t>(std::countr_zero(mask));
    }
  }
  // The last bytes from a copy padded with zeros (0 looks up 0x01: no match).
  while (i < n) {
    alignas(32) unsigned char tail[32] = {};
    const std::size_t length = std::min<std::size_t>(32, n - i);
    std::memcpy(tail, p + i, length);
    const std::uint32_t mask =
        bits(hits(_mm256_load_si256(reinterpret_cast<const __m256i*>(tail))));
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
    i += length;
  }
  return n;
}
#else
std::size_t next_copy_byte_avx2(std::string_view text, std::size_t from) {
  const std::size_t k = text.find_first_of(std::string_view("\"<>\t\r"), from);
  return k == std::string_view::npos ? text.size() : k;
}
#endif

}  // namespace switchyard::policy::detail
