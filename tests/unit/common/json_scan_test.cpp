// The SSE2 scans against a byte loop: every stop byte at every offset of a 16-byte block, before,
// inside and after the vector part, and random texts.
#include "common/json_scan.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <random>
#include <string>

#include "common/json_write.h"

namespace switchyard {
namespace {

std::size_t naive_special(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return s.size();
}

std::size_t naive_structural(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"' || c == '{' || c == '[' || c == '}' || c == ']') return i;
  }
  return s.size();
}

TEST(JsonScanTest, EveryByteAtEveryOffsetAgreesWithAByteLoop) {
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t length : {1u, 15u, 16u, 17u, 31u, 32u, 33u, 47u}) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = static_cast<char>(byte);
        for (std::size_t from : {std::size_t{0}, at, at / 2}) {
          ASSERT_EQ(json_scan::next_special(text, from), naive_special(text, from))
              << "byte " << byte << " at " << at << " of " << length << " from " << from;
          ASSERT_EQ(json_scan::next_structural(text, from), naive_structural(text, from))
              << "byte " << byte << " at " << at << " of " << length << " from " << from;
        }
      }
    }
  }
}

TEST(JsonScanTest, RandomTextsAgreeWithAByteLoopAndBoostJsonEscapes) {
  std::mt19937 rng(7);
  // Mostly plain letters, so runs of every length occur between the bytes that stop a scan.
  static constexpr char kAlphabet[] = "abcdefgh \x01\x1f\"\\{}[]/\x7f\xc3\xa9";
  const std::string alphabet(kAlphabet, sizeof kAlphabet - 1);
  for (int round = 0; round < 3000; ++round) {
    std::string text(rng() % 70, 'x');
    for (char& c : text) {
      if (rng() % 4 == 0) c = alphabet[rng() % alphabet.size()];
    }
    for (std::size_t from = 0; from <= text.size(); from += 1 + rng() % 9) {
      ASSERT_EQ(json_scan::next_special(text, from), naive_special(text, from));
      ASSERT_EQ(json_scan::next_structural(text, from), naive_structural(text, from));
    }
    std::string written = "prefix";
    json_write::append_json_string(written, text);
    ASSERT_EQ(written, "prefix" + boost::json::serialize(boost::json::string_view(text)));
  }
}

}  // namespace
}  // namespace switchyard
