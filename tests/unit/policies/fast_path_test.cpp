// The fast paths against the plain ones: the normalizer's block scans (StageScan::kSkipAhead,
// which build uses) against looking at every byte, and the keyword automaton's interleaved streams
// against the naive scan. Random texts mix everything the stages react to; the edge cases put
// each of them at the start, the end and across 64-byte block boundaries.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "policies/keyword_matcher.h"
#include "policies/normalizer.h"
#include "policies/text_marks.h"  // internal: its baseline build is instantiated here

namespace switchyard::policy {
namespace {

using ViewKind = NormalizedText::ViewKind;

constexpr ViewKind kViews[] = {ViewKind::kNormalized, ViewKind::kDecoded, ViewKind::kKeyword};

// Every range of a small text, a sample of the ranges of a large one.
template <class F>
void for_ranges(std::size_t size, F f) {
  const std::size_t step = size > 120 ? size / 53 + 1 : 1;
  for (std::size_t begin = 0; begin <= size + 1; begin += step) {
    for (std::size_t end = begin; end <= size + 1; end += step) f(begin, end);
  }
}

void expect_same_views(std::string_view text, const NormalizerLimits& limits) {
  NormalizedText fast;
  NormalizedText slow;
  std::string fast_error;
  std::string slow_error;
  const bool fast_ok = fast.build(text, limits, &fast_error);
  const bool slow_ok = slow.build(text, limits, &slow_error, StageScan::kEveryByte);
  ASSERT_EQ(fast_ok, slow_ok) << text;
  if (!fast_ok) {
    EXPECT_EQ(fast_error, slow_error);
    return;
  }
  EXPECT_EQ(fast.has_decoded(), slow.has_decoded()) << text;
  for (ViewKind kind : kViews) {
    ASSERT_EQ(fast.view(kind), slow.view(kind)) << text;
    EXPECT_EQ(fast.view(kind).data() == text.data(), slow.view(kind).data() == text.data())
        << "copied in one path only: " << text;
    for_ranges(fast.view(kind).size(), [&](std::size_t begin, std::size_t end) {
      ASSERT_EQ(fast.to_original(kind, begin, end), slow.to_original(kind, begin, end))
          << text << " [" << begin << ", " << end << ")";
    });
  }
}

void expect_same_maps(const OffsetMap& fast, const OffsetMap& slow, std::string_view text) {
  ASSERT_EQ(fast.view_size(), slow.view_size()) << text;
  for_ranges(fast.view_size(), [&](std::size_t begin, std::size_t end) {
    ASSERT_EQ(fast.map(begin, end), slow.map(begin, end)) << text;
  });
}

void expect_same_stages(std::string_view text, const NormalizerLimits& limits) {
  bool ascii = true;
  if (!is_valid_utf8(text, &ascii)) return;
  std::string fast_out;
  std::string slow_out;
  OffsetMap fast_map;
  OffsetMap slow_map;
  ASSERT_EQ(decode_escapes(text, limits, &fast_out, &fast_map),
            decode_escapes(text, limits, &slow_out, &slow_map, StageScan::kEveryByte))
      << text;
  EXPECT_EQ(fast_out, slow_out) << text;
  expect_same_maps(fast_map, slow_map, text);
  ASSERT_EQ(collapse_letter_spacing(text, &fast_out, &fast_map),
            collapse_letter_spacing(text, &slow_out, &slow_map, StageScan::kEveryByte))
      << text;
  EXPECT_EQ(fast_out, slow_out) << text;
  expect_same_maps(fast_map, slow_map, text);
}

void expect_same(std::string_view text, const NormalizerLimits& limits = {}) {
  expect_same_views(text, limits);
  expect_same_stages(text, limits);
}

// Pieces of text that each stage reacts to, and plain words around them.
std::string random_piece(std::mt19937& rng, bool ascii_only) {
  static const char* const kNonAscii[] = {
      "\xD0\x9D", "\xD0\xB0",     "\xEF\xBC\xA8", "\xE2\x80\x8B", "\xCC\x81", "\xC3\x9C",
      "\xC3\xA9", "\xE6\xA9\x9F", "\xE2\x80\x93", "\xC2\xA0",     "\xD9\xA4", "\xF0\x9F\x98\x80"};
  static const char* const kEscapes[] = {
      "%41",  "%4",    "%zz",      "%C3%A9", "%FF",     "&amp;", "&#64;", "&#x41;",
      "&lt;", "&foo;", "&#;",      "&",      "\\u0041", "\\",    "\\x41", "\\ud83d\\ude00",
      "+",    "%20",   "&period;", "="};
  static const char* const kBase64[] = {
      "SGFsY3lvbiBsYXVuY2ggcGxhbg==", "c2VjcmV0IGNvZGVuYW1lIEhhbGN5b24=",
      "dXNlcjpodW50ZXIyLXBhc3N3b3Jk", "responsibilities"};
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_";
  static const char kSeparators[] = " .-_";
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  std::string piece;
  switch (pick(11)) {
    case 0:
    case 1:  // a word
      for (std::size_t k = 1 + pick(12); k > 0; --k) piece += static_cast<char>('a' + pick(26));
      return piece;
    case 2: {  // spaced-out characters
      const char separator = kSeparators[pick(4)];
      for (std::size_t k = 2 + pick(8); k > 0; --k) {
        if (!piece.empty()) piece += separator;
        if (!ascii_only && pick(12) == 0) {
          piece += kNonAscii[pick(std::size(kNonAscii))];
        } else {
          piece += static_cast<char>(pick(3) == 0 ? '0' + pick(10) : 'A' + pick(26) + 32 * pick(2));
        }
      }
      return piece;
    }
    case 3:
      return kEscapes[pick(std::size(kEscapes))];
    case 4:  // a base64-looking run
      for (std::size_t k = 6 + pick(40); k > 0; --k) piece += kAlphabet[pick(66)];
      return piece + std::string(pick(3), '=');
    case 5:
      return kBase64[pick(std::size(kBase64))];
    case 6:
      return ascii_only ? "x" : kNonAscii[pick(std::size(kNonAscii))];
    case 7:
      return std::string(1 + pick(3), kSeparators[pick(4)]);
    case 8:
      return std::string(1, " \n\t,;:!?()\"'"[pick(12)]);
    case 9:
      return std::string(1, "aIx1Z"[pick(5)]);
    default:
      return " ";
  }
}

std::string random_text(std::mt19937& rng, std::size_t pieces, bool ascii_only) {
  std::string text;
  for (std::size_t k = 0; k < pieces; ++k) text += random_piece(rng, ascii_only);
  return text;
}

TEST(NormalizerFastPath, RandomTextsMatchTheByteByByteStages) {
  std::mt19937 rng(20261128);
  const std::size_t min_runs[] = {0, 1, 2, 4, 15, 16, 17, 33, 63, 64, 65, 100};
  for (int i = 0; i < 3000; ++i) {
    const std::size_t pieces = 1 + rng() % (i % 10 == 0 ? 600 : 60);
    const std::string text = random_text(rng, pieces, i % 2 == 0);
    NormalizerLimits limits;
    if (i % 3 == 0) {
      limits.min_base64_length = min_runs[rng() % std::size(min_runs)];
      limits.max_decode_depth = static_cast<int>(rng() % 4);
    }
    expect_same(text, limits);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(NormalizerFastPath, EdgeCasesAtEveryBlockOffset) {
  const std::string_view snippets[] = {
      "",
      "a",
      "I",
      "I a m",
      "I a m ",
      "a b",
      "a b c",
      "x a b c",
      "a b c d",
      "e.g. i.e. a.b",
      "3.1.2",
      "H-a-l-c-y-o-n",
      "p r o j  x",
      "ab c d e",
      "a b cd",
      "a\xC3\xA9 b c",
      "\xC3\xA9 a b",
      "a \xC3\xA9 b",
      "\xC3\xA4 \xC3\xB6 \xC3\xBC",
      "%",
      "%4",
      "%41",
      "a+b %20",
      "&amp",
      "&amp;",
      "\\",
      "\\u004",
      "\\u0041",
      "AAAAAAAAAAAAAAA",
      "AAAAAAAAAAAAAAAA",
      "SGFsY3lvbiBsYXVuY2ggcGxhbg",
      "SGFsY3lvbiBsYXVuY2ggcGxhbg==",
      "x%41SGFsY3lvbiBsYXVuY2ggcGxhbg==",
      "responsibilities",
      "copyright-holders_and+contributors",
  };
  // Long runs of single characters: more separators than one run collects.
  std::string long_run;
  for (int k = 0; k < 150; ++k) long_run += k == 0 ? "q" : " q";
  for (const std::string_view snippet : snippets) {
    for (std::size_t pad = 0; pad <= 70; ++pad) {
      for (const char fill : {'x', ' '}) {
        const std::string filler(pad, fill);
        expect_same(filler + std::string(snippet));
        expect_same(std::string(snippet) + filler);
        if (::testing::Test::HasFatalFailure()) return;
      }
    }
  }
  expect_same(long_run);
  expect_same("x " + long_run + " y");
}

TEST(NormalizerFastPath, AsciiProseWithLongWordsIsNeverCopied) {
  // Runs of 16+ base64 characters ("responsibilities", "machine-readable") are looked at and left
  // alone: nothing is copied.
  const std::string text =
      "The responsibilities of each machine-readable copy: see https://example.org/licenses/x, "
      "100% of the time, e.g. a copy.";
  NormalizedText n;
  std::string error;
  ASSERT_TRUE(n.build(text, NormalizerLimits{}, &error)) << error;
  EXPECT_EQ(n.normalized().data(), text.data());
  EXPECT_FALSE(n.has_decoded());
  EXPECT_EQ(n.keyword().data(), text.data());
}

// The marks byte by byte, as text_marks.h defines them.
bool reference_marks(std::string_view text, std::size_t min_run, bool ascii_only,
                     std::vector<std::uint64_t>* decode, std::vector<std::uint64_t>* spacing) {
  const std::size_t n = text.size();
  decode->assign((n + 63) / 64, 0);
  spacing->assign((n + 63) / 64, 0);
  auto at = [&](std::ptrdiff_t k) {
    return k < 0 || k >= static_cast<std::ptrdiff_t>(n) ? 0 : static_cast<unsigned char>(text[k]);
  };
  auto alnum = [](unsigned char c) { return std::isalnum(c) != 0 && c < 0x80; };
  auto word = [&](unsigned char c) { return alnum(c) || c >= 0x80; };
  std::size_t run = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const unsigned char c = at(static_cast<std::ptrdiff_t>(k));
    if (ascii_only && c >= 0x80) return false;
    const bool base64 = alnum(c) || c == '+' || c == '/' || c == '-' || c == '_';
    run = base64 ? run + 1 : 0;
    const bool long_run = base64 && (min_run > 64 || run >= std::max<std::size_t>(min_run, 1));
    const bool mark = c == '%' || c == '&' || c == '\\' || c == '+';
    const auto j = static_cast<std::ptrdiff_t>(k);
    const bool candidate = (c == ' ' || c == '.' || c == '-' || c == '_') && word(at(j - 1)) &&
                           word(at(j + 1)) && !alnum(at(j - 2)) && !alnum(at(j + 2));
    (*decode)[k / 64] |= std::uint64_t{mark || long_run} << (k % 64);
    (*spacing)[k / 64] |= std::uint64_t{candidate} << (k % 64);
  }
  return true;
}

TEST(NormalizerFastPath, BlockMarksOfEveryBuildMatchTheReference) {
  const bool ssse3 = detail::kSsse3MarksCompiled && __builtin_cpu_supports("ssse3");
  const bool avx2 = detail::kAvx2MarksCompiled && __builtin_cpu_supports("avx2");
  std::mt19937 rng(5);
  const std::size_t min_runs[] = {0, 1, 2, 5, 16, 31, 64, 65, 200};
  for (int i = 0; i < 1500; ++i) {
    std::string text = random_text(rng, 1 + rng() % 80, i % 3 != 0);
    for (char& c : text) {  // now and then a byte of every value
      if (rng() % 40 == 0) c = static_cast<char>(rng());
    }
    const std::size_t min_run = min_runs[rng() % std::size(min_runs)];
    const std::size_t words = (text.size() + 63) / 64;
    std::vector<std::uint64_t> want_decode, want_spacing;
    const bool ascii = reference_marks(text, min_run, true, &want_decode, &want_spacing);
    reference_marks(text, min_run, false, &want_decode, &want_spacing);
    // (decode, spacing, ascii_only) as the normalizer uses them.
    for (int use = 0; use < 3; ++use) {
      const bool decode = use != 1;
      const bool spacing = use != 0;
      const bool ascii_only = use == 2;
      std::vector<std::uint64_t> d(words + 1, 0), s(words + 1, 0), d3(words + 1, 0),
          s3(words + 1, 0), d4(words + 1, 0), s4(words + 1, 0);
      bool ok = false;
      if (use == 0) ok = mark_words<true, false, false>(text, min_run, d.data(), s.data());
      if (use == 1) ok = mark_words<false, true, false>(text, min_run, d.data(), s.data());
      if (use == 2) ok = mark_words<true, true, true>(text, min_run, d.data(), s.data());
      ASSERT_EQ(ok, !ascii_only || ascii) << text;
      if (ssse3) {
        ASSERT_EQ(detail::mark_words_ssse3(text, min_run, decode, spacing, ascii_only, d3.data(),
                                           s3.data()),
                  ok)
            << text;
      }
      if (avx2) {
        ASSERT_EQ(detail::mark_words_avx2(text, min_run, decode, spacing, ascii_only, d4.data(),
                                          s4.data()),
                  ok)
            << text;
      }
      if (!ok) continue;
      for (std::size_t w = 0; w < words; ++w) {
        if (decode) {
          ASSERT_EQ(d[w], want_decode[w])
              << "decode word " << w << " min_run " << min_run << ": " << text;
          if (ssse3) {
            ASSERT_EQ(d3[w], want_decode[w]) << text;
          }
          if (avx2) {
            ASSERT_EQ(d4[w], want_decode[w]) << "avx2: " << text;
          }
        }
        if (spacing) {
          ASSERT_EQ(s[w], want_spacing[w]) << "spacing word " << w << ": " << text;
          if (ssse3) {
            ASSERT_EQ(s3[w], want_spacing[w]) << text;
          }
          if (avx2) {
            ASSERT_EQ(s4[w], want_spacing[w]) << "avx2: " << text;
          }
        }
      }
    }
  }
}

// --- keyword automaton -------------------------------------------------------------------------

using HitKey = std::tuple<std::size_t, std::size_t, std::uint32_t>;

std::vector<HitKey> sorted_keys(const std::vector<KeywordHit>& hits) {
  std::vector<HitKey> keys;
  for (const auto& h : hits) keys.emplace_back(h.begin, h.end, h.pattern);
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Every occurrence of every anchor, ASCII case ignored, by start: what the classifier's literal
// scan hands to scan_near.
std::vector<KeywordMatcher::AnchorHit> anchor_hits(const KeywordMatcher& m, std::string_view text) {
  std::vector<KeywordMatcher::AnchorHit> hits;
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (std::uint32_t a = 0; a < m.anchors().size(); ++a) {
      const std::string& anchor = m.anchors()[a].text;
      if (i + anchor.size() > text.size()) continue;
      bool equal = true;
      for (std::size_t k = 0; k < anchor.size() && equal; ++k) {
        equal = lower(text[i + k]) == anchor[k];
      }
      if (equal) hits.push_back({a, static_cast<std::uint32_t>(i)});
    }
  }
  return hits;
}

void expect_scan_equals_naive(const KeywordMatcher& m, std::string_view text) {
  std::vector<KeywordHit> fast;
  std::vector<KeywordHit> slow;
  m.scan(text, &fast);
  m.scan_naive(text, &slow);
  ASSERT_EQ(sorted_keys(fast), sorted_keys(slow)) << text.size() << " bytes";
  if (!m.anchored()) return;
  // The automaton run near anchors only: the same hits, once each, in order of end.
  std::vector<KeywordHit> near;
  m.scan_near(text, anchor_hits(m, text), &near);
  auto in_order = [](const std::vector<KeywordHit>& hits) {
    std::vector<HitKey> keys;
    for (const auto& h : hits) keys.emplace_back(h.begin, h.end, h.pattern);
    return keys;
  };
  ASSERT_EQ(in_order(near), in_order(fast)) << text.size() << " bytes, near anchors";
}

KeywordMatcher matcher_of(const std::vector<std::pair<std::string, bool>>& keywords) {
  std::vector<KeywordPattern> patterns;
  for (const auto& [keyword, case_sensitive] : keywords) {
    KeywordPattern p{KeywordMatcher::keyword_form(keyword), 0, case_sensitive};
    if (KeywordMatcher::has_matchable_bytes(p.text)) patterns.push_back(std::move(p));
  }
  KeywordMatcher m;
  m.build(std::move(patterns));
  return m;
}

// The copy-mark stage finds its five bytes ('"' '<' '>' tab CR) in one vector pass: from every
// offset of texts over every byte value, the next one is the one a plain search finds, and the
// stage's output and map equal those of its memchr passes (StageScan::kEveryByte) for texts of
// copy marks and their look-alikes across 64-byte blocks.
TEST(NormalizerFastPath, CopyMarksInOnePassMatchTheByteSearches) {
  std::mt19937 rng(17);
  if (detail::kAvx2MarksCompiled && __builtin_cpu_supports("avx2")) {
    for (int i = 0; i < 400; ++i) {
      std::string text(rng() % 200, 'a');
      for (char& c : text) c = static_cast<char>(rng() % 3 == 0 ? rng() : 'a' + rng() % 26);
      for (std::size_t from = 0; from <= text.size(); ++from) {
        const std::size_t k = std::string_view(text).find_first_of("\"<>\t\r", from);
        ASSERT_EQ(detail::next_copy_byte_avx2(text, from), std::min(k, text.size()))
            << i << " from " << from;
      }
    }
  }
  static const char* const kPieces[] = {
      "\"\"value\"\"", "\"\"",    "\"",   "\"\"\"", "<br>",   "<p>", "</td>", "<https",
      "<YOUR_KEY>",    "<b\n",    "> ",   ">> ",    "  12\t", "\t",  "\r\n",  "\r",
      "\n> > ",        "\n  7\t", "word", " ",      "\n",     "x>y", "a<b"};
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (std::size_t k = rng() % 40; k > 0; --k) text += kPieces[rng() % std::size(kPieces)];
    std::string fast_out;
    std::string slow_out;
    OffsetMap fast_map;
    OffsetMap slow_map;
    const bool fast = unwrap_copy_marks(text, &fast_out, &fast_map);
    ASSERT_EQ(fast, unwrap_copy_marks(text, &slow_out, &slow_map, StageScan::kEveryByte)) << text;
    if (!fast) continue;
    EXPECT_EQ(fast_out, slow_out) << text;
    expect_same_maps(fast_map, slow_map, text);
  }
}

TEST(KeywordMatcherFastPath, InterleavedStreamsEqualNaiveScan) {
  std::mt19937 rng(7);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const std::string_view pattern_bytes = "abcAB -_x1.";
  const std::string_view text_bytes = "abcABC -_\n\t.x1yz";
  for (int i = 0; i < 400; ++i) {
    std::vector<std::pair<std::string, bool>> keywords;
    for (std::size_t k = 1 + pick(10); k > 0; --k) {
      std::string keyword;
      for (std::size_t c = 1 + pick(i % 5 == 0 ? 30 : 6); c > 0; --c) {
        keyword += pattern_bytes[pick(pattern_bytes.size())];
      }
      keywords.emplace_back(keyword, pick(4) == 0);
    }
    const KeywordMatcher m = matcher_of(keywords);
    if (m.empty()) continue;
    // Mostly long enough for the interleaved streams, some too short for them.
    const std::size_t size = i % 4 == 0 ? pick(300) : 1000 + pick(12000);
    std::string text;
    while (text.size() < size) {
      if (pick(60) == 0) {
        text += "\xE6\xA9\x9F";
      } else {
        text += text_bytes[pick(text_bytes.size())];
      }
    }
    expect_scan_equals_naive(m, text);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

// Patterns with a non-ASCII byte run in an automaton of their own, only over texts (or windows)
// that have such a byte; hits of both come out merged in order of end.
TEST(KeywordMatcherFastPath, NonAsciiPatternsEqualNaiveScan) {
  std::mt19937 rng(17);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const std::vector<std::string> pattern_pieces = {"a", "b",  "c",        "A",           " ",
                                                   "-", "x1", "\xC3\xA9", "\xE6\xA9\x9F"};
  const std::vector<std::string> text_pieces = {
      "a", "b", "c", "B", " ", "-", "_", "\n", "x1", "yz", "\xC3\xA9", "\xC3\x89", "\xE6\xA9\x9F"};
  for (int i = 0; i < 300; ++i) {
    std::vector<std::pair<std::string, bool>> keywords;
    for (std::size_t k = 2 + pick(10); k > 0; --k) {
      std::string keyword;
      for (std::size_t c = 1 + pick(6); c > 0; --c) {
        // Half the patterns stay ASCII.
        const std::size_t n = k % 2 == 0 ? pattern_pieces.size() - 2 : pattern_pieces.size();
        keyword += pattern_pieces[pick(n)];
      }
      keywords.emplace_back(keyword, pick(4) == 0);
    }
    const KeywordMatcher m = matcher_of(keywords);
    if (m.empty()) continue;
    const std::size_t size = i % 3 == 0 ? pick(300) : 1000 + pick(6000);
    const bool ascii_only = i % 5 == 0;
    std::string text;
    while (text.size() < size) text += text_pieces[pick(text_pieces.size() - (ascii_only ? 3 : 0))];
    expect_scan_equals_naive(m, text);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

// A long ASCII list beside a few words in other scripts: their bytes are not columns of every
// row of the list's automaton (they tripled the 10,000-name overlay's table).
TEST(KeywordMatcherFastPath, NonAsciiWordsDoNotWidenAnAsciiList) {
  std::mt19937 rng(3);
  std::vector<std::pair<std::string, bool>> ascii;
  for (int i = 0; i < 2000; ++i) {
    std::string word;
    for (int c = 0; c < 12; ++c) word += static_cast<char>('a' + rng() % 20);
    ascii.emplace_back(word, false);
  }
  auto mixed = ascii;
  for (const char* word :
       {"\xE3\x81\x86\xE3\x81\xA4\xE7\x97\x85", "f\xC3\xBCnf", "\xC5\xBC\xC3\xB3\xC5\x82ty",
        "d\xC3\xA9pression",
        "\xD0\xB4\xD0\xB5\xD0\xBF\xD1\x80\xD0\xB5\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F"}) {
    mixed.emplace_back(word, false);
  }
  const KeywordMatcher alone = matcher_of(ascii);
  const KeywordMatcher with_others = matcher_of(mixed);
  EXPECT_LT(with_others.memory_bytes(), alone.memory_bytes() * 11 / 10);
  expect_scan_equals_naive(with_others,
                           "fünf déPression abcdefghijkl \xE3\x81\x86\xE3\x81\xA4\xE7\x97\x85");
}

TEST(KeywordMatcherFastPath, NearAnchorsEqualsFullScan) {
  // Patterns whose every word has two bytes or more (so each has an anchor), planted in noise with
  // random separators, spacing and case; the anchors of different patterns overlap and nest.
  std::mt19937 rng(11);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const std::string_view word_bytes = "abcAB-_x1.";
  const std::string_view noise_bytes = "abcABC -_\n\t.x1yz";
  const std::string_view separators[] = {" ", "  ", "-", "_", "\n\t ", ""};
  int anchored = 0;
  for (int i = 0; i < 300; ++i) {
    std::vector<std::pair<std::string, bool>> keywords;
    for (std::size_t k = 1 + pick(8); k > 0; --k) {
      std::string keyword;
      for (std::size_t w = 1 + pick(4); w > 0; --w) {
        if (!keyword.empty()) keyword += ' ';
        for (std::size_t c = 2 + pick(5); c > 0; --c)
          keyword += word_bytes[pick(word_bytes.size())];
      }
      keywords.emplace_back(keyword, pick(4) == 0);
    }
    const KeywordMatcher m = matcher_of(keywords);
    if (!m.anchored()) continue;
    ++anchored;
    std::string text;
    const std::size_t size = pick(3) == 0 ? pick(200) : 500 + pick(6000);
    while (text.size() < size) {
      if (pick(8) == 0) {
        const std::string& keyword = keywords[pick(keywords.size())].first;
        for (char c : keyword) {
          if (c == ' ') {
            text += separators[pick(std::size(separators))];
          } else {
            text +=
                pick(3) == 0 ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
          }
        }
      } else {
        text += noise_bytes[pick(noise_bytes.size())];
      }
    }
    expect_scan_equals_naive(m, text);
    if (::testing::Test::HasFatalFailure()) return;
  }
  EXPECT_GT(anchored, 200);  // a pattern without a two-byte word is rare here
}

TEST(KeywordMatcherFastPath, HitsAcrossChunkBoundaries) {
  const KeywordMatcher m =
      matcher_of({{"Project Kestrel", false}, {"halcyon", false}, {"y-", false}});
  const std::string unit = "xx project \n  KESTREL halcyon-y y- ";
  for (std::size_t size = 6000; size < 6000 + 3 * unit.size(); ++size) {
    std::string text;
    while (text.size() < size) text += unit;
    text.resize(size);
    expect_scan_equals_naive(m, text);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(KeywordMatcherFastPath, SeparatorStretchesLongerThanAChunk) {
  // A stream that starts inside a long run of separators warms up from far back (or from the
  // start): "project" and "kestrel" thousands of spaces apart are still one hit.
  const KeywordMatcher m = matcher_of({{"Project Kestrel", false}, {"a b", false}});
  for (const std::size_t gap : {100u, 3000u, 9000u}) {
    const std::string text = "project" + std::string(gap, ' ') + "kestrel a" +
                             std::string(gap, '\n') + "b " + std::string(gap, '-') + "x";
    expect_scan_equals_naive(m, text);
    std::vector<KeywordHit> hits;
    m.scan(text, &hits);
    EXPECT_EQ(hits.size(), 2u) << gap;
  }
}

TEST(KeywordMatcherFastPath, ProseWithManyPatterns) {
  // A few hundred syllable names, like an organization's customer list, over English-like text
  // that contains some of them.
  std::mt19937 rng(42);
  const char* syllables[] = {"vor", "ta", "na", "kel", "brix", "zan", "dor", "mi", "lux", "qua"};
  std::vector<std::pair<std::string, bool>> keywords;
  for (int k = 0; k < 300; ++k) {
    std::string name;
    for (int s = 0; s < 2 + static_cast<int>(rng() % 2); ++s) name += syllables[rng() % 10];
    keywords.emplace_back(name + (rng() % 3 == 0 ? " Labs" : ""), false);
  }
  const KeywordMatcher m = matcher_of(keywords);
  std::string text;
  while (text.size() < 20000) {
    text += rng() % 7 == 0 ? keywords[rng() % keywords.size()].first : "the report shows";
    text += rng() % 5 == 0 ? "-" : " ";
  }
  expect_scan_equals_naive(m, text);
}

}  // namespace
}  // namespace switchyard::policy
