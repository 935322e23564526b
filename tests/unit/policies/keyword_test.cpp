// Keyword semantics of design 4.2, through the whole pipeline (keyword view + automaton + checks).
#include <gtest/gtest.h>

#include "policies/keyword_matcher.h"
#include "test_support.h"

namespace switchyard::policy {
namespace {

using testing::load;
using testing::rule_ids;

const char* kPolicy = R"(
policy: keywords
rules:
  - id: codenames
    level: confidential
    keywords: ["Project Kestrel", "Halcyon", "MANTA-3", "C++ Core", "機密", "Müller AG"]
  - id: marker
    level: confidential
    keywords: [CONFIDENTIAL]
    case_sensitive: true
)";

bool matches(std::string_view text, const std::string& rule = "codenames") {
  static const auto policy = load(kPolicy);
  const auto c = policy->classify(text);
  EXPECT_FALSE(c.classifier_error) << c.error;
  for (const auto& id : rule_ids(c)) {
    if (id == rule) return true;
  }
  return false;
}

TEST(Keywords, WholeWordsWithPunctuationBoundaries) {
  EXPECT_TRUE(matches("the Halcyon plan"));
  EXPECT_TRUE(matches("a halcyon is a kingfisher"));  // literal, any case
  EXPECT_TRUE(matches("(Halcyon)"));
  EXPECT_TRUE(matches("halcyon.v2 and /halcyon/ and halcyon_flag and halcyon-beta"));
  EXPECT_TRUE(matches("Halcyon"));
  EXPECT_FALSE(matches("Halcyons"));
  EXPECT_FALSE(matches("xHalcyon"));
  EXPECT_FALSE(matches("Halcyon2"));
}

TEST(Keywords, DesignExamples) {
  EXPECT_TRUE(matches("manta-3_rollout"));
  EXPECT_FALSE(matches("MANTA-32"));
  EXPECT_FALSE(matches("manta 3"));  // '-' in a keyword is literal
  EXPECT_TRUE(matches("Project Kestrel"));
  EXPECT_TRUE(matches("project-kestrel"));
  EXPECT_TRUE(matches("project_kestrel"));
  EXPECT_TRUE(matches("projectkestrel"));
  EXPECT_TRUE(matches("PROJECT\n  KESTREL"));
  EXPECT_FALSE(matches("projects kestrel"));
  EXPECT_FALSE(matches("project kestrels"));
  EXPECT_FALSE(matches("project.kestrel"));
}

TEST(Keywords, EvasionsAreFolded) {
  EXPECT_TRUE(matches("\xD0\x9D\xD0\xB0lcy\xD0\xBEn"));   // Cyrillic look-alikes
  EXPECT_TRUE(matches("\xEF\xBC\xA8\xEF\xBD\x81lcyon"));  // full-width
  EXPECT_TRUE(
      matches("Hal\xE2\x80\x8B"
              "cyon"));                                  // zero-width space
  EXPECT_TRUE(matches("p r o j e c t  k e s t r e l"));  // letter spacing
  EXPECT_TRUE(matches("H.A.L.C.Y.O.N"));
  EXPECT_TRUE(matches("SGFsY3lvbiBsYXVuY2ggcGxhbg=="));  // base64 "Halcyon launch plan"
  EXPECT_TRUE(matches("%48alcyon"));
}

TEST(Keywords, NonAsciiAndUnspacedScripts) {
  EXPECT_TRUE(matches("この文書は機密です"));  // Japanese: no spaces around words
  EXPECT_TRUE(matches("Projekt mit der MÜLLER AG"));
  EXPECT_TRUE(matches("プロジェクトHalcyonの件"));
  EXPECT_TRUE(matches("the c++ core guidelines"));
  EXPECT_FALSE(matches("the c++ cores"));
}

TEST(Keywords, CaseSensitive) {
  EXPECT_TRUE(matches("CONFIDENTIAL - do not share", "marker"));
  EXPECT_TRUE(matches("C\xD0\x9ENFIDENTIAL", "marker"));  // Cyrillic О keeps its case
  EXPECT_FALSE(matches("this is confidential", "marker"));
  EXPECT_FALSE(matches("Confidential", "marker"));
}

TEST(Keywords, SpansPointAtTheOriginalText) {
  const auto policy = load(kPolicy);
  const std::string text = "see H a l c y o n now";
  const auto c = policy->classify(text);
  ASSERT_EQ(c.matches.size(), 1u);
  ASSERT_EQ(c.matches[0].spans.size(), 1u);
  const auto& span = c.matches[0].spans[0];
  EXPECT_EQ(text.substr(span.begin, span.end - span.begin), "H a l c y o n");
}

TEST(KeywordMatcher, AutomatonEqualsNaiveScan) {
  KeywordMatcher m;
  std::vector<KeywordPattern> patterns;
  for (const char* k : {"he", "she", "his", "hers", "a b", "ab-c", "-x", "y-", "ushers"}) {
    patterns.push_back(KeywordPattern{KeywordMatcher::keyword_form(k), 0, false});
  }
  m.build(patterns);
  for (std::string_view text : {"ushers and she, he; his hers", "a b ab a-b a_b ab-c ab c",
                                "-x y- --x yy- x- -y", "he-she_his hers\nhe"}) {
    std::vector<KeywordHit> fast, slow;
    m.scan(text, &fast);
    m.scan_naive(text, &slow);
    auto key = [](const KeywordHit& h) { return std::tuple(h.begin, h.end, h.pattern); };
    std::sort(fast.begin(), fast.end(), [&](auto& a, auto& b) { return key(a) < key(b); });
    std::sort(slow.begin(), slow.end(), [&](auto& a, auto& b) { return key(a) < key(b); });
    ASSERT_EQ(fast.size(), slow.size()) << text;
    for (std::size_t i = 0; i < fast.size(); ++i) EXPECT_EQ(key(fast[i]), key(slow[i])) << text;
    EXPECT_FALSE(fast.empty());
  }
}

}  // namespace
}  // namespace switchyard::policy
