// The windows the classifier runs a window group's RE2::Set on: around each trigger, as far as a
// gate match can reach (in bytes, or in non-space bytes), merged when close. Internal to the
// classifier; a header of its own so that tests can compare it with a byte-at-a-time walk.
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
  // units in [p, e); a unit is a byte, or a non-space byte when `nonspace`.
  void add(std::size_t p, std::size_t before, std::size_t after, bool nonspace) {
    const std::size_t n = text_.size();
    std::size_t begin = 0;
    std::size_t end = n;
    if (!nonspace) {
      begin = p > before + 1 ? p - before - 1 : 0;
      end = after + 1 < n - p ? p + after + 1 : n;
    } else {
      // Left: back over before + 1 non-space bytes (a match starts after the last of them), or
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
        // The (before + 1 - count)-th non-space byte from the block's top is where the walk stops.
        for (std::size_t k = count + 1; k <= before; ++k)
          mask &= ~(1u << (31 - std::countl_zero(mask)));
        q = q - 16 + static_cast<std::size_t>(31 - std::countl_zero(mask));
        count = before + 1;
      }
      while (q > lower && count <= before) {
        --q;
        count += !is_window_space(static_cast<unsigned char>(text_[q]));
      }
      begin = q;
      // Right: forward until [p, end) holds after + 1 non-space bytes (a match ends before the
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
        walk_count_ += !is_window_space(static_cast<unsigned char>(text_[walk_pos_]));
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
  // Bit i: text_[from + i] is not is_window_space (16 bytes, all inside the text).
  std::uint32_t nonspace_mask(std::size_t from) const {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + from));
    const __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8(0x09));
    const __m128i ws =
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                     _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(4)), shifted));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(ws)) ^ 0xFFFFu;
#else
    std::uint32_t mask = 0;
    for (std::size_t i = 0; i < 16; ++i) {
      if (!is_window_space(static_cast<unsigned char>(text_[from + i]))) mask |= 1u << i;
    }
    return mask;
#endif
  }
  std::size_t count_nonspace(std::size_t from, std::size_t to) const {
    std::size_t count = 0;
    for (; from + 16 <= to; from += 16) {
      count += bits16(nonspace_mask(from));
    }
    for (; from < to; ++from) count += !is_window_space(static_cast<unsigned char>(text_[from]));
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
  std::size_t walk_count_ = 0;  // non-space bytes in [walk_from_, walk_pos_)
};

}  // namespace switchyard::policy
