// WindowBuilder (policies/window_builder.h) walks 16 bytes at a time; its windows must be exactly
// those of the byte-at-a-time walk below (the classifier's before that change).
#include "policies/window_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

namespace switchyard::policy {
namespace {

using Windows = std::vector<std::pair<std::size_t, std::size_t>>;

// The reference: one byte at a time, no resumed walk.
class ReferenceBuilder {
 public:
  explicit ReferenceBuilder(std::string_view text) : text_(text) {}
  void add(std::size_t p, std::size_t before, std::size_t after, bool nonspace) {
    const std::size_t n = text_.size();
    std::size_t begin = 0;
    std::size_t end = n;
    if (!nonspace) {
      begin = p > before + 1 ? p - before - 1 : 0;
      end = after + 1 < n - p ? p + after + 1 : n;
    } else {
      std::size_t q = p;
      std::size_t count = 0;
      while (q > 0 && count <= before && !(open_ && q <= end_)) {
        --q;
        count += is_window_unit(static_cast<unsigned char>(text_[q]));
      }
      begin = q;
      std::size_t e = p;
      count = 0;
      while (e < n && count <= after)
        count += is_window_unit(static_cast<unsigned char>(text_[e++]));
      end = e;
    }
    while (begin > 0 && (static_cast<unsigned char>(text_[begin]) & 0xC0) == 0x80) --begin;
    while (end < n && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    if (open_ && begin <= end_ + kWindowMergeGap) {
      end_ = std::max(end_, end);
      return;
    }
    if (open_) out.emplace_back(begin_, end_);
    open_ = true;
    begin_ = begin;
    end_ = end;
  }
  void finish() {
    if (open_) out.emplace_back(begin_, end_);
    open_ = false;
  }
  Windows out;

 private:
  std::string_view text_;
  bool open_ = false;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

TEST(WindowBuilder, EqualsTheByteAtATimeWalk) {
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {"a",  "b",  "7",         " ",        "  ",
                                           "\t", "\n", "\r\n",      "\xC3\xA9", "\xE2\x82\xAC",
                                           "-",  "_",  "          "};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t length = rng() % 400;
    // Some texts are mostly spaces, some have none: the walks cross whole blocks either way.
    const std::size_t space_bias = rng() % 3;
    while (text.size() < length) {
      std::size_t k = rng() % pieces.size();
      if (space_bias == 0 && (pieces[k][0] == ' ' || pieces[k][0] == '\t')) k = 0;
      if (space_bias == 2 && rng() % 2 == 0) k = pieces.size() - 1;
      text += pieces[k];
    }
    const bool nonspace = rng() % 4 != 0;
    const std::size_t before = rng() % 70;
    const std::size_t after = rng() % 70;
    Windows got;
    WindowBuilder builder(text, &got);
    ReferenceBuilder reference(text);
    std::size_t p = 0;
    while (!text.empty()) {
      p += rng() % (rng() % 2 == 0 ? 8 : 120);
      if (p >= text.size()) break;
      builder.add(p, before, after, nonspace);
      reference.add(p, before, after, nonspace);
    }
    builder.finish();
    reference.finish();
    ASSERT_EQ(got, reference.out) << "round " << round << " before " << before << " after " << after
                                  << " nonspace " << nonspace;
  }
}

// The byte counts of a trigger's span (count_in_ranges, 16 bytes at a time; SlidingCount, which
// reads only what entered and left the span since the previous call) equal a byte-by-byte count,
// for ranges that move forward by a byte or two (a dense class), jump, or move back.
TEST(WindowCounts, SlidingAndVectorCountsEqualNaiveCount) {
  std::mt19937 rng(5);
  const std::vector<std::pair<std::uint8_t, std::uint8_t>> range_sets[] = {
      {{'0', '9'}},
      {{'0', '9'}, {'A', 'Z'}},
      {{'|', '|'}},
      {{'0', '9'}, {'A', 'Z'}, {'a', 'f'}, {0xC2, 0xF4}},
      {{'0', '1'}, {'3', '3'}, {'5', '5'}, {'7', '7'}, {'9', '9'}},  // five ranges: bytes only
  };
  const std::string alphabet = "0123456789ABCXYZabcfz |-\n\xC3\xA9";
  for (int round = 0; round < 200; ++round) {
    const auto& ranges = range_sets[rng() % std::size(range_sets)];
    std::array<std::uint8_t, 256> member{};
    for (const auto& [lo, hi] : ranges) {
      for (int b = lo; b <= hi; ++b) member[static_cast<std::size_t>(b)] = 1;
    }
    std::string text;
    const std::size_t length = rng() % 400;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    const auto naive = [&](std::size_t from, std::size_t to) {
      std::size_t n = 0;
      for (std::size_t i = from; i < to; ++i) n += member[static_cast<unsigned char>(text[i])];
      return n;
    };
    SlidingCount sliding(text, ranges, member);
    std::size_t p = 0;
    for (int call = 0; call < 60 && !text.empty(); ++call) {
      const int step = static_cast<int>(rng() % 10);
      if (step < 6) {
        p += rng() % 3;  // dense triggers
      } else if (step < 9) {
        p += rng() % 80;
      } else {
        p = rng() % text.size();  // back: counted from scratch
      }
      if (p >= text.size()) p = rng() % text.size();
      const std::size_t before = 1 + rng() % 40;
      const std::size_t after = 1 + rng() % 40;
      const std::size_t from = p > before ? p - before : 0;
      const std::size_t to = std::min(text.size(), p + after);
      ASSERT_EQ(count_in_ranges(text, from, to, ranges), naive(from, to)) << round;
      if (rng() % 2 == 0) {
        const std::size_t need = rng() % 12;
        ASSERT_EQ(sliding.reaches(from, to, need), naive(from, to) >= need)
            << "round " << round << " call " << call << " [" << from << ", " << to << ") " << need;
      } else {
        ASSERT_EQ(sliding.count(from, to), naive(from, to))
            << "round " << round << " call " << call << " [" << from << ", " << to << ")";
      }
    }
  }
}

}  // namespace
}  // namespace switchyard::policy

namespace switchyard::policy {
namespace {

// The windows' byte counts (count_in_ranges, 16 bytes at a time, the last block read from the
// text's end) against a byte-at-a-time count: every span of random texts, one to five ranges.
TEST(WindowByteCounts, EqualTheByteAtATimeCount) {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 3000; ++round) {
    std::string text(rng() % 90, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 4 == 0 ? rng() % 256 : 'A' + rng() % 60);
    // Disjoint ranges in order, as the classifier makes them from a byte set.
    std::vector<std::pair<std::uint8_t, std::uint8_t>> ranges;
    const std::size_t n = 1 + rng() % 5;
    unsigned at = rng() % 64;
    for (std::size_t r = 0; r < n && at < 256; ++r) {
      const unsigned hi = std::min(255u, at + static_cast<unsigned>(rng() % 40));
      ranges.emplace_back(static_cast<std::uint8_t>(at), static_cast<std::uint8_t>(hi));
      at = hi + 2 + static_cast<unsigned>(rng() % 30);
    }
    for (int q = 0; q < 20; ++q) {
      const std::size_t from = text.empty() ? 0 : rng() % (text.size() + 1);
      const std::size_t to = from + (text.size() == from ? 0 : rng() % (text.size() - from + 1));
      std::size_t expected = 0;
      for (std::size_t i = from; i < to; ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        for (const auto& [lo, hi] : ranges) expected += b >= lo && b <= hi;
      }
      ASSERT_EQ(count_in_ranges(text, from, to, ranges), expected)
          << "size " << text.size() << " [" << from << ", " << to << ") ranges " << n;
    }
  }
}

}  // namespace
}  // namespace switchyard::policy
