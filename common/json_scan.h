// Byte scans shared by the JSON writer (what must be escaped) and the raw-JSON tokenizer (where a
// string's plain run ends): sixteen bytes per step with SSE2, which every x86-64 CPU has. Audit
// records, stream events and upstream replies are mostly long runs with nothing to stop at, and
// byte loops over them were ~10 % of the proxy's instructions per request.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace switchyard::json_scan {

// The first byte at or after `from` that ends a plain run inside a JSON string: a control
// character (< 0x20), '"' or '\\'. text.size() when there is none.
inline std::size_t next_special(std::string_view text, std::size_t from) {
  const char* p = text.data();
  std::size_t i = from;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i below_space = _mm_set1_epi8(0x1f);
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Unsigned v <= 0x1f  <=>  max(v, 0x1f) == 0x1f.
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, below_space), below_space);
    const __m128i special =
        _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    const int mask = _mm_movemask_epi8(special);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  // The tail (and short strings, such as most audit values): one table lookup per byte.
  static constexpr auto kStops = [] {
    std::array<bool, 256> stops{};
    for (int c = 0; c < 0x20; ++c) stops[static_cast<std::size_t>(c)] = true;
    stops['"'] = true;
    stops['\\'] = true;
    return stops;
  }();
  for (; i < text.size(); ++i) {
    if (kStops[static_cast<unsigned char>(p[i])]) return i;
  }
  return text.size();
}

// The first '"', '{', '[', '}' or ']' at or after `from` (what a bracket counter stops at), or
// text.size().
inline std::size_t next_structural(std::string_view text, std::size_t from) {
  const char* p = text.data();
  std::size_t i = from;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i open_brace = _mm_set1_epi8('{');
  const __m128i open_bracket = _mm_set1_epi8('[');
  const __m128i close_brace = _mm_set1_epi8('}');
  const __m128i close_bracket = _mm_set1_epi8(']');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i opening =
        _mm_or_si128(_mm_cmpeq_epi8(v, open_brace), _mm_cmpeq_epi8(v, open_bracket));
    const __m128i closing =
        _mm_or_si128(_mm_cmpeq_epi8(v, close_brace), _mm_cmpeq_epi8(v, close_bracket));
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_or_si128(opening, closing));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < text.size(); ++i) {
    const char c = p[i];
    if (c == '"' || c == '{' || c == '[' || c == '}' || c == ']') return i;
  }
  return text.size();
}

}  // namespace switchyard::json_scan
