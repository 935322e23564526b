// The trigger scanner (atom_scanner.h): literal occurrences equal a naive search, byte classes
// report every byte of every qualifying cluster, and the AVX2, SSSE3 and portable paths agree.
#include "policies/atom_scanner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "policies/regex_analysis.h"

namespace switchyard::policy {
namespace {

using Literal = TriggerScanner::Literal;
// Every path of the byte-class scan (on a CPU without AVX2 the first two are the same).
constexpr TriggerScanner::Unit kUnits[] = {
    TriggerScanner::Unit::kBest, TriggerScanner::Unit::kSsse3, TriggerScanner::Unit::kPortable};

bool word_byte(unsigned char b) { return std::isalnum(b) || b == '_'; }
unsigned char fold(unsigned char b) { return (b >= 'A' && b <= 'Z') ? b + 32 : b; }

std::vector<std::pair<std::uint32_t, std::uint32_t>> naive_literals(
    std::string_view text, const std::vector<Literal>& literals) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::size_t p = 0; p < text.size(); ++p) {
    for (std::uint32_t id = 0; id < literals.size(); ++id) {
      const Literal& l = literals[id];
      if (p + l.text.size() > text.size()) continue;
      bool ok = true;
      for (std::size_t k = 0; k < l.text.size() && ok; ++k) {
        ok = fold(static_cast<unsigned char>(text[p + k])) == static_cast<unsigned char>(l.text[k]);
      }
      if (!ok) continue;
      if (l.word_start && p > 0 && word_byte(static_cast<unsigned char>(text[p - 1]))) continue;
      if (l.word_end && p + l.text.size() < text.size() &&
          word_byte(static_cast<unsigned char>(text[p + l.text.size()]))) {
        continue;
      }
      out.emplace_back(static_cast<std::uint32_t>(p), id);
    }
  }
  return out;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> found(const TriggerScanner::Hits& hits) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const auto& h : hits.literals) out.emplace_back(h.position, h.literal);
  return out;
}

// The scanner's contract is exact on valid UTF-8. These tests also feed stray lead bytes
// (0xC0..0xFF before an ASCII byte, which valid UTF-8 never has); a word-start literal with an
// ASCII first byte right after one may be missed (its index is a letter's), so such hits are
// left out of both sides. Everything else must agree.
std::vector<std::pair<std::uint32_t, std::uint32_t>> outside_stray_leads(
    std::vector<std::pair<std::uint32_t, std::uint32_t>> hits, std::string_view text,
    const std::vector<Literal>& literals) {
  std::erase_if(hits, [&](const auto& hit) {
    const auto& [position, id] = hit;
    const Literal& l = literals[id];
    return l.word_start && position > 0 && static_cast<unsigned char>(l.text[0]) < 0x80 &&
           static_cast<unsigned char>(text[position - 1]) >= 0xC0;
  });
  return hits;
}

std::string random_text(std::mt19937& rng, const std::string& alphabet, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
  return s;
}

TEST(TriggerScanner, LiteralsEqualNaiveSearch) {
  std::mt19937 rng(3);
  // '@', '[', '`', '{' and 0xC1 / 0xDA (non-ASCII bytes whose low seven bits are 'A' and 'Z') sit
  // next to the letters: case folding must leave them alone.
  const std::string alphabet = "aAbBsSkKpPtTzZ -_.01\n\xC3\xA9@[`{\xC1\xDA";
  for (int round = 0; round < 60; ++round) {
    std::vector<Literal> literals;
    const int count = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < count; ++i) {
      Literal l;
      l.text = random_text(rng, "absktpz-_.01 @[`{", 2 + rng() % 12);
      l.word_start = rng() % 3 == 0;
      l.word_end = rng() % 3 == 0;
      literals.push_back(l);
    }
    literals.push_back({"\xC3\xA9t\xC3\xA9", false, false});  // non-ASCII bytes compare exactly
    TriggerScanner scanner;
    scanner.build({}, literals, false);
    for (int t = 0; t < 5; ++t) {
      std::string text = random_text(rng, alphabet, rng() % 700);
      // Plant some literals, in other case.
      for (int k = 0; k < 5 && !text.empty(); ++k) {
        std::string lit = literals[rng() % literals.size()].text;
        for (auto& c : lit) {
          if (rng() % 2 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        }
        text.insert(rng() % text.size(), lit);
      }
      const auto expected = naive_literals(text, literals);
      for (const auto unit : kUnits) {
        TriggerScanner::Hits hits;
        scanner.scan(text, &hits, unit);
        EXPECT_EQ(outside_stray_leads(found(hits), text, literals),
                  outside_stray_leads(expected, text, literals))
            << static_cast<int>(unit);
      }
    }
  }
}

// The shift-or's table index keeps six bits of each byte (bits 5 and 7 dropped): bytes that differ
// only in the dropped bits, or in the bit an earlier mask dropped (6), share or used to share an
// entry. Literals and texts made of such families, over the whole byte range, find what a naive
// search finds, through the vector loop, its chunk boundaries and the scalar tail.
TEST(TriggerScanner, LiteralsOfAliasedBytesEqualNaiveSearch) {
  std::mt19937 rng(29);
  std::string family;  // each base byte with bits 5, 6 and 7 flipped in every combination
  const unsigned char bases[] = {'a', 't', '(', ')', ' ', '0', '[', 'z', '\n', 0xC3};
  for (const unsigned char base : bases) {
    for (unsigned flips = 0; flips < 8; ++flips) {
      family +=
          static_cast<char>(base ^ ((flips & 1) << 5) ^ ((flips & 2) << 5) ^ ((flips & 4) << 5));
    }
  }
  std::string literal_bytes;  // literals are ASCII lowercase (other bytes compare exactly)
  for (const char c : family) {
    if (!(c >= 'A' && c <= 'Z')) literal_bytes += c;
  }
  for (int round = 0; round < 40; ++round) {
    std::vector<Literal> literals;
    const int count = 1 + static_cast<int>(rng() % 24);
    for (int i = 0; i < count; ++i) {
      Literal l;
      l.text = random_text(rng, literal_bytes, 2 + rng() % 10);
      l.word_start = rng() % 4 == 0;
      l.word_end = rng() % 4 == 0;
      literals.push_back(l);
    }
    TriggerScanner scanner;
    scanner.build({}, literals, false);
    for (int t = 0; t < 4; ++t) {
      // Up to three masked chunks; short texts go through the scalar loop alone.
      const std::size_t size = t == 0 ? rng() % 24 : rng() % 9000;
      std::string text = random_text(rng, family, size);
      for (int k = 0; k < 12 && !text.empty(); ++k) {
        std::string lit = literals[rng() % literals.size()].text;
        for (auto& c : lit) {
          if (rng() % 2 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
          // a neighbour under the index mask: fits, but is not the literal
          if (rng() % 8 == 0) c = static_cast<char>(c ^ (rng() % 2 ? 0x80 : 0x20));
        }
        text.insert(rng() % text.size(), lit);
      }
      const auto expected = naive_literals(text, literals);
      TriggerScanner::Hits hits;
      scanner.scan(text, &hits);
      EXPECT_EQ(outside_stray_leads(found(hits), text, literals),
                outside_stray_leads(expected, text, literals))
          << "round " << round << ", " << text.size() << " bytes";
    }
  }
}

// The shift-or reads a masked copy of the text made 4096 pairs at a time: texts of several chunks,
// with literals planted across each chunk boundary and at the text's end, find what a naive search
// finds.
TEST(TriggerScanner, LiteralsAcrossMaskedChunksEqualNaiveSearch) {
  std::mt19937 rng(11);
  const std::string alphabet = "aAbBsSkKpPtTzZ -_.01\n\xC3\xA9@[`{\xC1\xDA";
  for (int round = 0; round < 12; ++round) {
    std::vector<Literal> literals;
    for (int i = 0; i < 30; ++i) {
      Literal l;
      l.text = random_text(rng, "absktpz-_.01 @[`{", 2 + rng() % 12);
      l.word_start = rng() % 3 == 0;
      l.word_end = rng() % 3 == 0;
      literals.push_back(l);
    }
    TriggerScanner scanner;
    scanner.build({}, literals, false);
    const std::size_t size = 4096 * (1 + rng() % 3) + rng() % 40;
    std::string text = random_text(rng, alphabet, size);
    for (std::size_t boundary = 4096; boundary < size + 16; boundary += 4096) {
      for (std::size_t back = 1; back < 14; back += 3) {
        const std::string& lit = literals[rng() % literals.size()].text;
        if (boundary >= back && boundary - back + lit.size() <= text.size()) {
          text.replace(boundary - back, lit.size(), lit);
        }
      }
    }
    const std::string& last = literals[rng() % literals.size()].text;
    text.replace(text.size() - last.size(), last.size(), last);
    const auto expected = naive_literals(text, literals);
    TriggerScanner::Hits hits;
    scanner.scan(text, &hits);
    EXPECT_EQ(outside_stray_leads(found(hits), text, literals),
              outside_stray_leads(expected, text, literals))
        << "round " << round << ", " << size << " bytes";
  }
}

// Literals of nine bytes and more that outnumber those of seven and eight share two or more
// buckets, and the eights then take the sevens' fingerprint (choose_fingerprints()): an eight
// must still be compared on all its bytes (its first seven, or a text that ends after them, are
// not it; one literal ends in a NUL, which the head of a text's last bytes is padded with).
TEST(TriggerScanner, LiteralsLongerThanTheirFingerprintEqualNaiveSearch) {
  std::mt19937 rng(41);
  const std::string alphabet = "aAbBsStT -_.01\n@[";
  for (int round = 0; round < 40; ++round) {
    std::vector<Literal> literals;
    const int count = 3 + static_cast<int>(rng() % 40);
    for (int i = 0; i < count; ++i) {
      Literal l;
      const std::size_t length = rng() % 4 == 0 ? 7 + rng() % 2 : 9 + rng() % 6;
      l.text = random_text(rng, "abst -_.01@[", length);
      l.word_start = rng() % 3 == 0;
      l.word_end = rng() % 3 == 0;
      literals.push_back(l);
    }
    literals.push_back({std::string("ab.st-a\0", 8), false, false});
    literals.push_back({"ab.st-at", false, false});
    TriggerScanner scanner;
    scanner.build({}, literals, false);
    for (int t = 0; t < 6; ++t) {
      std::string text = random_text(rng, alphabet, rng() % 600);
      for (int k = 0; k < 8 && !text.empty(); ++k) {
        std::string lit = literals[rng() % literals.size()].text;
        if (rng() % 3 == 0) lit.resize(7);  // a literal's first seven bytes only
        for (auto& c : lit) {
          if (rng() % 2 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        }
        text.insert(rng() % text.size(), lit);
      }
      text += t % 2 == 0 ? "ab.st-a" : "ab.st-at";  // the text ends after seven bytes, or eight
      const auto expected = naive_literals(text, literals);
      for (const auto unit : kUnits) {
        TriggerScanner::Hits hits;
        scanner.scan(text, &hits, unit);
        EXPECT_EQ(outside_stray_leads(found(hits), text, literals),
                  outside_stray_leads(expected, text, literals))
            << "round " << round << ", " << text.size() << " bytes";
      }
    }
  }
}

// Word-start literals are matched only after bytes that may precede them in valid UTF-8 (the
// shift-or enters the pair of the byte before and the literal's first byte): after every ASCII
// byte that is no word byte and after every last byte of a multi-byte character (the continuation
// bytes 0x80..0xBF), in valid UTF-8 text, the scanner finds exactly what a naive search finds.
TEST(TriggerScanner, WordStartLiteralsAfterEveryPossibleByteEqualNaiveSearch) {
  std::mt19937 rng(53);
  std::vector<std::string> tokens = {
      "a", "Z", "_", "0", "9",    " ",  "\n",           "-",           ".", "@",
      "[", "`", "{", "~", "\x7f", "\t", "\xe6\x97\xa5", "\xef\xbc\xa1"};
  for (unsigned c = 0x80; c <= 0xBF; ++c) {  // U+0080..U+00BF: C2 80 .. C2 BF
    tokens.push_back(std::string{'\xC2', static_cast<char>(c)});
  }
  for (int round = 0; round < 30; ++round) {
    std::vector<Literal> literals;
    const int count = 1 + static_cast<int>(rng() % 30);
    for (int i = 0; i < count; ++i) {
      Literal l;
      l.text = random_text(rng, "abpntz-_.01@[", 2 + rng() % 9);
      l.word_start = rng() % 4 != 0;
      l.word_end = rng() % 4 == 0;
      literals.push_back(l);
    }
    TriggerScanner scanner;
    scanner.build({}, literals, false);
    for (int t = 0; t < 4; ++t) {
      std::string text;
      const std::size_t pieces = t == 0 ? rng() % 12 : rng() % 3000;
      for (std::size_t k = 0; k < pieces; ++k) {
        text += tokens[rng() % tokens.size()];
        if (rng() % 3 == 0) {
          std::string lit = literals[rng() % literals.size()].text;
          for (auto& c : lit) {
            if (rng() % 2 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
          }
          text += lit;
        }
      }
      const auto expected = naive_literals(text, literals);
      for (const auto unit : kUnits) {
        TriggerScanner::Hits hits;
        scanner.scan(text, &hits, unit);
        EXPECT_EQ(found(hits), expected) << "round " << round << ", " << text.size() << " bytes";
      }
    }
  }
}

// Every byte of the class that lies in some span of `span` bytes holding `k` of them is reported
// (more may be); with k = 1 exactly the class bytes are.
TEST(TriggerScanner, ByteClassesReportEveryClusterByte) {
  std::mt19937 rng(4);
  for (int round = 0; round < 200; ++round) {
    TriggerScanner::ClassSpec digits;
    for (int b = '0'; b <= '9'; ++b) digits.bytes.set(static_cast<std::size_t>(b));
    digits.min_count = 1 + rng() % 12;
    digits.span = digits.min_count + rng() % (round % 2 ? 40 : 120);
    TriggerScanner::ClassSpec upper;
    for (int b = 'A'; b <= 'Z'; ++b) upper.bytes.set(static_cast<std::size_t>(b));
    upper.nonspace = true;
    TriggerScanner scanner;
    scanner.build({digits, upper}, {}, false);
    const std::string text = random_text(
        rng, round % 3 ? "0123456789 abcXY\t" : "01 aaaaaaaaaaaaaaaaaaa  ", rng() % 900);
    TriggerScanner::Hits by_unit[std::size(kUnits)];
    for (std::size_t u = 0; u < std::size(kUnits); ++u) scanner.scan(text, &by_unit[u], kUnits[u]);
    for (const auto* hits : {&by_unit[0], &by_unit[1], &by_unit[2]}) {
      std::set<std::uint32_t> reported;
      for (const auto& h : hits->by_class[0]) {
        EXPECT_TRUE(digits.bytes[static_cast<unsigned char>(text[h.position])]);
        reported.insert(h.position);
      }
      EXPECT_TRUE(std::is_sorted(hits->by_class[0].begin(), hits->by_class[0].end(),
                                 [](auto a, auto b) { return a.position < b.position; }));
      std::vector<std::uint32_t> positions;
      for (std::uint32_t p = 0; p < text.size(); ++p) {
        if (digits.bytes[static_cast<unsigned char>(text[p])]) positions.push_back(p);
      }
      for (std::size_t j = 0; j + digits.min_count <= positions.size(); ++j) {
        const std::size_t last = j + digits.min_count - 1;
        if (positions[last] - positions[j] + 1 > digits.span) continue;
        for (std::size_t i = j; i <= last; ++i) {
          EXPECT_TRUE(reported.count(positions[i]))
              << "k=" << digits.min_count << " span=" << digits.span;
        }
      }
      // Unfiltered: exactly the class bytes, with their non-space counts.
      std::size_t nonspace = 0;
      std::size_t next = 0;
      for (std::uint32_t p = 0; p < text.size(); ++p) {
        if (upper.bytes[static_cast<unsigned char>(text[p])]) {
          ASSERT_LT(next, hits->by_class[1].size());
          EXPECT_EQ(hits->by_class[1][next].position, p);
          EXPECT_EQ(hits->by_class[1][next].nonspace, nonspace);
          ++next;
        }
        nonspace += is_window_unit(static_cast<unsigned char>(text[p]));
      }
      EXPECT_EQ(next, hits->by_class[1].size());
    }
  }
}

TEST(TriggerScanner, NoticesLongSAndKelvinSign) {
  TriggerScanner scanner;
  scanner.build({}, {{"secret", false, false}}, true);
  TriggerScanner::Hits hits;
  for (const std::string text : {"plain secret", "\xE2\x80\x9Cquoted\xE2\x80\x9D"}) {
    scanner.scan(text, &hits);
    EXPECT_FALSE(hits.exotic_fold) << text;
  }
  for (const std::string& text :
       std::vector<std::string>{"\xC5\xBF"
                                "ecret",
                                "a \xE2\x84\xAA", std::string(40, 'x') + "\xC5\xBF"}) {
    for (const auto unit : kUnits) {
      scanner.scan(text, &hits, unit);
      EXPECT_TRUE(hits.exotic_fold) << text << " " << static_cast<int>(unit);
    }
  }
}

}  // namespace
}  // namespace switchyard::policy
