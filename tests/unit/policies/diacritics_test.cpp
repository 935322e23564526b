#include "policies/normalizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>

#include "test_support.h"

namespace switchyard::policy {
namespace {

using ::testing::ElementsAre;
using testing::load;
using testing::rule_ids;

TEST(LatinFold, BaseLetters) {
  EXPECT_EQ(latin_base(0xE9), "e");    // é
  EXPECT_EQ(latin_base(0xC9), "E");    // É
  EXPECT_EQ(latin_base(0xDF), "ss");   // ß
  EXPECT_EQ(latin_base(0x142), "l");   // ł
  EXPECT_EQ(latin_base(0x141), "L");   // Ł
  EXPECT_EQ(latin_base(0x17C), "z");   // ż
  EXPECT_EQ(latin_base(0x153), "oe");  // œ
  EXPECT_EQ(latin_base(0x219), "s");   // ș
  EXPECT_EQ(latin_base(0xD7), "");     // ×
  EXPECT_EQ(latin_base('e'), "");
  EXPECT_EQ(latin_base(0x3B1), "");  // α: Greek is not folded
}

TEST(LatinFold, PlainSpellings) {
  EXPECT_THAT(plain_spellings("numéro"), ElementsAre("numéro", "numero"));
  EXPECT_THAT(plain_spellings("fünf"), ElementsAre("fünf", "funf", "fuenf"));
  EXPECT_THAT(plain_spellings("Größe"), ElementsAre("Größe", "Grosse", "Groesse"));
  EXPECT_THAT(plain_spellings("hasło"), ElementsAre("hasło", "haslo"));
  EXPECT_THAT(plain_spellings("password"), ElementsAre("password"));
  EXPECT_THAT(plain_spellings("パスワード"), ElementsAre("パスワード"));
}

TEST(LatinFold, RegexLettersOutsideClasses) {
  EXPECT_EQ(diacritic_tolerant_regex("num\u00e9ro"), "num(?:\u00e9|e)ro");
  EXPECT_EQ(diacritic_tolerant_regex("f\u00fcnf"), "f(?:\u00fc|ue?)nf");
  EXPECT_EQ(diacritic_tolerant_regex("\u00c9tat+"), "(?:\u00c9|E)tat+");
  EXPECT_EQ(diacritic_tolerant_regex("(?i)password"), "(?i)password");
}

TEST(LatinFold, RegexClassesEscapesAndRanges) {
  // A member gets its base letter; range ends, escapes and \Q...\E stay as written.
  EXPECT_EQ(diacritic_tolerant_regex("[\u00e9\u00e8]"), "[\u00e9e\u00e8e]");
  EXPECT_EQ(diacritic_tolerant_regex("[a-z\u00e0-\u00ff]"), "[a-z\u00e0-\u00ff]");
  EXPECT_EQ(diacritic_tolerant_regex("[]\u00e9]"), "[]\u00e9e]");
  EXPECT_EQ(diacritic_tolerant_regex("\\Q\u00e9\\E\u00e9"), "\\Q\u00e9\\E(?:\u00e9|e)");
  EXPECT_EQ(diacritic_tolerant_regex("\\p{L}[[:alpha:]\u00f1]"), "\\p{L}[[:alpha:]\u00f1n]");
  // ß has two base letters: in a class it stays alone.
  EXPECT_EQ(diacritic_tolerant_regex("[\u00df]"), "[\u00df]");
  EXPECT_EQ(diacritic_tolerant_regex("[^\u00e9]"), "[^\u00e9]");
}

TEST(LatinFold, RewrittenRegexMatchesBothSpellings) {
  const RE2 re(diacritic_tolerant_regex("(?i)\\bcontrase\u00f1a:\\s*(\\S+)|gr\u00f6\u00dfe"));
  ASSERT_TRUE(re.ok()) << re.error();
  for (const char* text :
       {"contrase\u00f1a: x", "CONTRASENA: x", "gr\u00f6\u00dfe", "groesse", "grosse", "GROSSE"}) {
    EXPECT_TRUE(RE2::PartialMatch(text, re)) << text;
  }
  EXPECT_FALSE(RE2::PartialMatch("contrasxna: x", re));
}

TEST(LatinFold, EveryRuleKindMatchesTextTypedWithoutDiacritics) {
  const auto p = load(R"(policy: p
rules:
  - {id: kw, level: internal, keywords: ["Geschäftsgeheimnis"]}
  - {id: re, level: internal, regex: '(?i)numéro fiscal\s*:?\s*(\d{13})'}
  - id: ctx
    level: internal
    regex: '\b\d{6}\b'
    context: ["téléphone"]
    exclude_context: ["référence"]
  - {id: allowed, level: internal, regex: 'name: (\w+ \w+)', allow: ["Juan Pérez"]}
)");
  EXPECT_THAT(rule_ids(p->classify("das ist ein Geschaeftsgeheimnis")), ElementsAre("kw"));
  EXPECT_THAT(rule_ids(p->classify("das ist ein Geschaftsgeheimnis")), ElementsAre("kw"));
  EXPECT_THAT(rule_ids(p->classify("numero fiscal: 1234567890123")), ElementsAre("re"));
  EXPECT_THAT(rule_ids(p->classify("telephone 482913")), ElementsAre("ctx"));
  EXPECT_TRUE(p->classify("telephone: reference 482913").matches.empty());
  EXPECT_TRUE(p->classify("name: Juan Perez").matches.empty());
  EXPECT_THAT(rule_ids(p->classify("name: Juan Lopez")), ElementsAre("allowed"));
  // Only the diacritics go: another letter is still another word.
  EXPECT_TRUE(p->classify("numaro fiscal: 1234567890123").matches.empty());
}

TEST(LatinFold, JoinedViewReadsNumberAndAddressWordsTypedPlainly) {
  const auto p = Policy::load_file(std::filesystem::path(SWITCHYARD_SOURCE_DIR) /
                                   "policies/examples/globex.yaml");
  for (const char* text :
       {"ruf mich an: null eins fuenf null acht acht sieben sieben acht sechs sieben",
        "ruf mich an: null eins funf null acht acht sieben sieben acht sechs sieben",
        "moj numer telefonu: piec zero jeden siedem trzy dziewiec osiem dwa szesc",
        // in capitals, non-ASCII letters too
        "RUF MICH AN: NULL EINS F\u00dcNF NULL ACHT ACHT SIEBEN SIEBEN ACHT SECHS SIEBEN",
        "M\u00d3J NUMER TELEFONU: PI\u0118\u0106 ZERO JEDEN SIEDEM TRZY DZIEWI\u0118\u0106 OSIEM "
        "DWA SZE\u015a\u0106"}) {
    EXPECT_THAT(rule_ids(p->classify(text)), ElementsAre("pii.phone-spelled")) << text;
  }
  EXPECT_THAT(rule_ids(p->classify("pisz na anna.nowak malpa onet kropka pl")),
              ElementsAre("pii.email"));
}

}  // namespace
}  // namespace switchyard::policy
