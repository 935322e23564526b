// The windows the classifier runs a window group's RE2::Set on: around each trigger, as far as a
// gate match can reach (in bytes, or in non-space characters), merged when close; and the byte
// counts that decide whether a trigger gets a window at all. Internal to the classifier; a header
// of its own so that tests can compare it with a byte-at-a-time walk and a naive count.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "policies/regex_analysis.h"

namespace switchyard::policy {

#if defined(__SSE2__)
namespace window_detail {

// Lanes of one block whose byte is in one of the N ranges: 0xFF, else 0.
template <std::size_t N>
inline __m128i in_ranges(__m128i v, const __m128i* low, const __m128i* width) {
  __m128i in = _mm_setzero_si128();
  for (std::size_t r = 0; r < N; ++r) {
    // v - lo <= hi - lo, unsigned.
    const __m128i d = _mm_sub_epi8(v, low[r]);
    in = _mm_or_si128(in, _mm_cmpeq_epi8(_mm_min_epu8(d, width[r]), d));
  }
  return in;
}

// Whole blocks accumulate per lane (an in-range lane subtracts -1) and are summed once; the last,
// partial block is read as the 16 bytes at or before it (within the text), its lanes outside
// [from, to) masked. The counts run over short trigger spans (37 bytes on
// average in a chat request), so the fixed cost is what matters.
template <std::size_t N>
inline std::size_t count_blocks(std::string_view text, std::size_t from, std::size_t to,
                                const std::vector<std::pair<std::uint8_t, std::uint8_t>>& ranges) {
  __m128i low[N];
  __m128i width[N];
  for (std::size_t r = 0; r < N; ++r) {
    low[r] = _mm_set1_epi8(static_cast<char>(ranges[r].first));
    width[r] = _mm_set1_epi8(static_cast<char>(ranges[r].second - ranges[r].first));
  }
  const char* p = text.data();
  const __m128i zero = _mm_setzero_si128();
  __m128i sums = zero;
  __m128i lanes = zero;
  std::size_t i = from;
  for (std::size_t blocks = 0; i + 16 <= to; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    lanes = _mm_sub_epi8(lanes, in_ranges<N>(v, low, width));
    if (++blocks == 255) {  // before a lane can wrap
      sums = _mm_add_epi64(sums, _mm_sad_epu8(lanes, zero));
      lanes = zero;
      blocks = 0;
    }
  }
  if (i < to) {
    // Lanes [i - base, to - base) of the 16 bytes at base (at most 254 blocks are in `lanes`).
    const std::size_t base = std::min(i, text.size() - 16);
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + base));
    const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __m128i valid =
        _mm_andnot_si128(_mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(i - base)), index),
                         _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(to - base)), index));
    lanes = _mm_sub_epi8(lanes, _mm_and_si128(in_ranges<N>(v, low, width), valid));
  }
  sums = _mm_add_epi64(sums, _mm_sad_epu8(lanes, zero));
  const std::size_t count =
      static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
      static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  return count;
}

}  // namespace window_detail
#endif

// How many bytes of text[from, to) fall in the ranges, disjoint as byte_ranges() makes them (16 at
// a time where the vector unit can).
inline std::size_t count_in_ranges(
    std::string_view text, std::size_t from, std::size_t to,
    const std::vector<std::pair<std::uint8_t, std::uint8_t>>& ranges) {
  if (from >= to) return 0;
#if defined(__SSE2__)
  if (text.size() >= 16) {
    switch (ranges.size()) {
      case 1:
        return window_detail::count_blocks<1>(text, from, to, ranges);
      case 2:
        return window_detail::count_blocks<2>(text, from, to, ranges);
      case 3:
        return window_detail::count_blocks<3>(text, from, to, ranges);
      case 4:
        return window_detail::count_blocks<4>(text, from, to, ranges);
      default:
        break;
    }
  }
#endif
  std::size_t count = 0;
  for (std::size_t i = from; i < to; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    for (const auto& [lo, hi] : ranges) count += b >= lo && b <= hi;
  }
  return count;
}

// count_in_ranges over [from, to) for a run of calls whose `from` and `to` never decrease (the
// triggers of a window group come in text order): an overlap with the previous range is not read
// again, only the bytes that left and entered it. The triggers of a dense class (the capitals of
// an IBAN's country code, the digits of a number) are a byte or two apart, so most calls read two
// or three bytes instead of a hundred. Any other call counts from scratch.
class SlidingCount {
 public:
  using Ranges = std::vector<std::pair<std::uint8_t, std::uint8_t>>;
  // `member`: 1 for the bytes in the ranges, 0 for the others.
  SlidingCount(std::string_view text, const Ranges& ranges,
               const std::array<std::uint8_t, 256>& member)
      : text_(text), ranges_(ranges), member_(member) {}
  // count(from, to) >= need, without reading the text when the bytes that entered the range
  // since the previous call could not make up the shortfall even if all were in the set.
  bool reaches(std::size_t from, std::size_t to, std::size_t need) {
    if (valid_ && from >= from_ && from < to_ && to >= to_ && count_ + (to - to_) < need) {
      return false;
    }
    return count(from, to) >= need;
  }
  std::size_t count(std::size_t from, std::size_t to) {
    if (!valid_ || from < from_ || to < to_ || from >= to_) {
      count_ = count_in_ranges(text_, from, to, ranges_);
    } else {
      count_ = count_ - small(from_, from) + small(to_, to);
    }
    valid_ = true;
    from_ = from;
    to_ = to;
    return count_;
  }

 private:
  std::size_t small(std::size_t from, std::size_t to) const {
    if (to - from > 16) return count_in_ranges(text_, from, to, ranges_);
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i) n += member_[static_cast<unsigned char>(text_[i])];
    return n;
  }
  std::string_view text_;
  const Ranges& ranges_;
  const std::array<std::uint8_t, 256>& member_;
  bool valid_ = false;
  std::size_t from_ = 0;
  std::size_t to_ = 0;
  std::size_t count_ = 0;
};

// Windows closer than this are scanned as one (fewer RE2::Set calls).
inline constexpr std::size_t kWindowMergeGap = 64;

// Collects the windows around triggers, merged, for triggers given in increasing position. The
// window of a trigger holds every gate match around it (RegexGate), plus one whole character on
// each side, so that \b, ^ and $ see the same neighbours as in the whole view.
class WindowBuilder {
 public:
  WindowBuilder(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>* out)
      : text_(text), out_(out) {
    out_->clear();
  }

  // A match [s, e) around the trigger at p has at most `before` units in [s, p) and `after`
  // units in [p, e); a unit is a byte, or a non-space character (is_window_unit) when `nonspace`.
  void add(std::size_t p, std::size_t before, std::size_t after, bool nonspace) {
    const std::size_t n = text_.size();
    std::size_t begin = 0;
    std::size_t end = n;
    if (!nonspace) {
      begin = p > before + 1 ? p - before - 1 : 0;
      end = after + 1 < n - p ? p + after + 1 : n;
    } else {
      // Left: back over before + 1 units (a match starts after the last of them), or
      // to the open window's end (this one merges with it). 16 bytes at a time while they hold
      // fewer than are still needed.
      const std::size_t lower = open_ ? std::min(end_, p) : 0;
      std::size_t q = p;
      std::size_t count = 0;
      while (q >= lower + 16 && count <= before) {
        std::uint32_t mask = nonspace_mask(q - 16);
        const auto c = bits16(mask);
        if (count + c <= before) {
          count += c;
          q -= 16;
          continue;
        }
        // The (before + 1 - count)-th unit from the block's top is where the walk stops.
        for (std::size_t k = count + 1; k <= before; ++k)
          mask &= ~(1u << (31 - std::countl_zero(mask)));
        q = q - 16 + static_cast<std::size_t>(31 - std::countl_zero(mask));
        count = before + 1;
      }
      while (q > lower && count <= before) {
        --q;
        count += is_window_unit(static_cast<unsigned char>(text_[q]));
      }
      begin = q;
      // Right: forward until [p, end) holds after + 1 units (a match ends before the
      // last of them). Resumes the previous walk: positions only increase.
      if (walk_pos_ > p && walk_from_ <= p) {
        walk_count_ -= count_nonspace(walk_from_, p);
      } else {
        walk_pos_ = p;
        walk_count_ = 0;
      }
      walk_from_ = p;
      while (walk_pos_ + 16 <= n && walk_count_ <= after) {
        std::uint32_t mask = nonspace_mask(walk_pos_);
        const auto c = bits16(mask);
        if (walk_count_ + c <= after) {
          walk_count_ += c;
          walk_pos_ += 16;
          continue;
        }
        for (std::size_t k = walk_count_ + 1; k <= after; ++k) mask &= mask - 1;
        walk_pos_ += static_cast<std::size_t>(std::countr_zero(mask)) + 1;
        walk_count_ = after + 1;
      }
      while (walk_pos_ < n && walk_count_ <= after) {
        walk_count_ += is_window_unit(static_cast<unsigned char>(text_[walk_pos_]));
        ++walk_pos_;
      }
      end = walk_pos_;
    }
    // Whole characters only.
    while (begin > 0 && (static_cast<unsigned char>(text_[begin]) & 0xC0) == 0x80) --begin;
    while (end < n && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    if (open_ && begin <= end_ + kWindowMergeGap) {
      end_ = std::max(end_, end);
      return;
    }
    flush();
    open_ = true;
    begin_ = begin;
    end_ = end;
  }

  void finish() { flush(); }

 private:
  // std::popcount without the popcnt instruction (not in the baseline x86-64 this file is built
  // for) is a call into libgcc; a table of the 256 bytes is cheaper.
  static std::size_t bits16(std::uint32_t mask) {
    static constexpr auto kBits = [] {
      std::array<std::uint8_t, 256> table{};
      for (std::size_t b = 0; b < 256; ++b) table[b] = static_cast<std::uint8_t>(std::popcount(b));
      return table;
    }();
    return kBits[mask & 0xFF] + kBits[(mask >> 8) & 0xFF];
  }
  // Bit i: text_[from + i] is_window_unit (16 bytes, all inside the text).
  std::uint32_t nonspace_mask(std::size_t from) const {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + from));
    const __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8(0x09));
    const __m128i ws = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmplt_epi8(v, _mm_set1_epi8(-64))),
        _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(4)), shifted));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(ws)) ^ 0xFFFFu;
#else
    std::uint32_t mask = 0;
    for (std::size_t i = 0; i < 16; ++i) {
      if (is_window_unit(static_cast<unsigned char>(text_[from + i]))) mask |= 1u << i;
    }
    return mask;
#endif
  }
  std::size_t count_nonspace(std::size_t from, std::size_t to) const {
    std::size_t count = 0;
    for (; from + 16 <= to; from += 16) {
      count += bits16(nonspace_mask(from));
    }
    for (; from < to; ++from) count += is_window_unit(static_cast<unsigned char>(text_[from]));
    return count;
  }

  void flush() {
    if (open_) out_->emplace_back(begin_, end_);
    open_ = false;
  }

  std::string_view text_;
  std::vector<std::pair<std::size_t, std::size_t>>* out_;
  bool open_ = false;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::size_t walk_from_ = 0;
  std::size_t walk_pos_ = 0;
  std::size_t walk_count_ = 0;  // units in [walk_from_, walk_pos_)
};

}  // namespace switchyard::policy
