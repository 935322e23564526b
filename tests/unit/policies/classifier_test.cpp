// Classification: strictest wins, spans on the original text, confirmation steps, failing closed,
// and the differential check of the one-pass matcher against each rule run alone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>

#include "policies/classifier.h"
#include "test_support.h"

namespace switchyard::policy {
namespace {

using testing::data_dir;
using ::testing::ElementsAre;
using testing::load;
using testing::rule_ids;
using ::testing::UnorderedElementsAre;

std::shared_ptr<const Policy> globex() {
  static const auto p = Policy::load_file(data_dir() / "globex.yaml");
  return p;
}

TEST(Classifier, NothingMatchedIsVendorAtTheLowestLevel) {
  const auto c = globex()->classify("Summarize the attached press release");
  EXPECT_FALSE(c.classifier_error);
  EXPECT_EQ(c.handling, Handling::kVendor);
  EXPECT_EQ(c.level, "public");
  EXPECT_TRUE(c.matches.empty());
}

TEST(Classifier, StrictestHandlingWins) {
  const auto c = globex()->classify(
      "Halcyon keys: -----BEGIN RSA PRIVATE KEY----- and card 4539 1488 0343 6467");
  EXPECT_EQ(c.handling, Handling::kBlock);
  EXPECT_EQ(c.level, "restricted");
  EXPECT_THAT(rule_ids(c),
              ElementsAre("globex.codenames", "secrets.private-key", "pii.payment-card"));
}

TEST(Classifier, RedactSitsBetweenVendorAndInternal) {
  const auto p = load(R"(policy: p
rules:
  - {id: email, level: internal, handling: redact, regex: '[a-z]+@[a-z]+\.com'}
  - {id: code, level: confidential, keywords: [Halcyon]}
)");
  EXPECT_EQ(p->classify("mail bob@example.com").handling, Handling::kRedact);
  EXPECT_EQ(p->classify("mail bob@example.com about Halcyon").handling, Handling::kInternal);
  EXPECT_EQ(p->strictest_handling(), Handling::kInternal);
}

TEST(Classifier, SpansPointAtOriginalBytesAcrossSegments) {
  // Full-width digits with a zero-width space inside the card number, in the second segment.
  const std::string card =
      "\xEF\xBC\x94"
      "539 1488\xE2\x80\x8B 0343 6467";
  const std::string second = "pay with " + card + " today";
  const std::vector<std::string_view> segments = {"hello", second};
  const auto c = globex()->classify(segments);
  ASSERT_EQ(c.matches.size(), 1u);
  EXPECT_EQ(c.matches[0].id, "pii.payment-card");
  ASSERT_EQ(c.matches[0].spans.size(), 1u);
  const MatchSpan span = c.matches[0].spans[0];
  EXPECT_EQ(span.segment, 1u);
  EXPECT_EQ(second.substr(span.begin, span.end - span.begin), card);
}

TEST(Classifier, DecodedMatchesMapToTheEncodedText) {
  const std::string text = "see https%3A%2F%2Fbuild01.corp.globex.internal%2Fjob";
  const auto c = globex()->classify(text);
  ASSERT_EQ(rule_ids(c), std::vector<std::string>{"globex.internal-hosts"});
  const MatchSpan span = c.matches[0].spans[0];
  EXPECT_EQ(text.substr(span.begin, span.end - span.begin), "build01.corp.globex.internal");
  // Inside base64, the span is the whole blob.
  const std::string blob = "aG9zdCBidWlsZDAxLmNvcnAuZ2xvYmV4LmludGVybmFs";  // host build01.corp...
  const auto d = globex()->classify("config " + blob + " end");
  ASSERT_EQ(rule_ids(d), std::vector<std::string>{"globex.internal-hosts"});
  EXPECT_EQ(d.matches[0].spans[0].begin, 7u);
  EXPECT_EQ(d.matches[0].spans[0].end, 7u + blob.size());
}

TEST(Classifier, ValidatorsAllowListsAndContext) {
  EXPECT_TRUE(globex()->classify("order 4539 1488 0343 6468").matches.empty());      // fails Luhn
  EXPECT_TRUE(globex()->classify("test card 4111 1111 1111 1111").matches.empty());  // allowed
  EXPECT_TRUE(globex()->classify("test card 4111-1111-1111-1111").matches.empty());  // same value
  EXPECT_THAT(rule_ids(globex()->classify("my SSN is 536-22-8730")), ElementsAre("pii.us-ssn"));
  EXPECT_TRUE(globex()->classify("ticket 536-22-8730").matches.empty());  // no context word
  EXPECT_TRUE(globex()->classify("SSN 078-05-1120").matches.empty());     // sample number
}

TEST(Classifier, ContextWindowIsMeasuredInCharacters) {
  const auto p = load(R"(policy: p
rules:
  - id: n
    level: internal
    regex: '\b\d{6}\b'
    context: [badge]
    context_window: 10
)");
  EXPECT_EQ(p->classify("badge no. 123456").matches.size(), 1u);
  EXPECT_EQ(p->classify("123456 (badge)").matches.size(), 1u);
  EXPECT_TRUE(p->classify("badge ...................... 123456").matches.empty());
  EXPECT_TRUE(p->classify("badges 123456").matches.empty());  // whole words
}

TEST(Classifier, ContextWordsMatchFieldNames) {
  // A column or field name writes the label with `_` where the context word has a space or `-`,
  // or in camelCase: the next word's capital.
  const auto p = load(R"(policy: p
rules:
  - id: n
    level: internal
    regex: '\b\d{6}\b'
    context: ["tax id", "steuer-id"]
    context_window: 20
)");
  EXPECT_EQ(p->classify("tax_id: 123456").matches.size(), 1u);
  EXPECT_EQ(p->classify("steuer_id 123456").matches.size(), 1u);
  EXPECT_EQ(p->classify("tax id 123456").matches.size(), 1u);
  EXPECT_EQ(p->classify("{\"taxId\": \"123456\"}").matches.size(), 1u);  // camelCase
  EXPECT_TRUE(p->classify("taxid 123456").matches.empty());    // the separator must be there
  EXPECT_TRUE(p->classify("tax_idx 123456").matches.empty());  // whole words still
}

TEST(Classifier, ContextWordsInATablesHeaderNameTheColumnBelow) {
  // A table's header names the values of its column however many rows down (CSV, console boxes,
  // data frames aligned with spaces); a header word over another column, or a paragraph's first
  // line, does not count.
  const auto p = load(R"(policy: p
rules:
  - id: n
    level: internal
    regex: '\b\d{6}\b'
    context: [badge]
    context_window: 10
)");
  const std::string filler = "a row of other text, long enough to leave the window\n";
  EXPECT_EQ(p->classify("name,badge,team\n" + filler + "Ann,123456,ops").matches.size(), 1u);
  EXPECT_EQ(
      p->classify("+------+--------+\n| name | badge  |\n+------+--------+\n| Ann  |        |\n"
                  "| Bob  |        |\n| Cleo | 123456 |\n+------+--------+")
          .matches.size(),
      1u);
  EXPECT_EQ(p->classify("   name   badge\n0  Ann   -\n1  Bob   -\n2  Cleo  123456").matches.size(),
            1u);
  EXPECT_EQ(p->classify("name;team;badge\r\n" + filler + "Cleo;ops;123456").matches.size(), 1u);
  // another column, another table, prose
  EXPECT_TRUE(p->classify("name,badge,order\n" + filler + "Ann,,123456").matches.empty());
  EXPECT_TRUE(
      p->classify("name,badge\nAnn,x\n\ntotal,sum\n" + filler + "x,123456").matches.empty());
  EXPECT_TRUE(
      p->classify("Your badge opens the lobby.\nThe code of the day is 123456.").matches.empty());
  EXPECT_TRUE(p->classify("   name   badge   order\n0  Ann   -       123456").matches.empty());
}

TEST(Classifier, ExcludeWordsInATablesHeaderNameTheColumnBelow) {
  // A column headed "firmware" holds versions that read like addresses; the word over another
  // column, or a context word nearer the value, does not drop it.
  const auto p = load(R"(policy: p
rules:
  - id: ip
    level: internal
    regex: '\b10\.\d+\.\d+\.\d+\b'
    context: [host, ip]
    exclude_context: [firmware]
    exclude_context_window: 5
)");
  EXPECT_TRUE(p->classify("device,firmware\nsw-1,10.4.12.9\nsw-2,10.4.13.1").matches.empty());
  EXPECT_TRUE(
      p->classify("| device | firmware  |\n|---|---|\n| sw-1 | 10.4.12.9 |").matches.empty());
  EXPECT_EQ(p->classify("firmware,ip\n2.1,10.4.12.9").matches.size(), 1u);  // another column
  EXPECT_EQ(p->classify("device,firmware\nsw-1,ip 10.4.12.9").matches.size(), 1u);  // nearer
}

TEST(Classifier, ExcludeContextLooksBackAndLosesToANearerContextWord) {
  const auto p = load(R"(policy: p
rules:
  - id: n
    level: internal
    regex: '\b\d{6}\b'
    context: [badge]
    context_window: 40
    exclude_context: [novel]
    exclude_context_window: 40
)");
  EXPECT_TRUE(p->classify("badge from my novel 123456").matches.empty());     // novel nearer
  EXPECT_EQ(p->classify("novel, and her badge: 123456").matches.size(), 1u);  // badge nearer
  EXPECT_EQ(p->classify("badge 123456 (my novel)").matches.size(), 1u);  // after: not looked at
}

TEST(Classifier, ExcludeContextAroundLooksBothWaysAndWins) {
  const auto p = load(R"(policy: p
rules:
  - id: n
    level: internal
    regex: '\b\d{6}\b'
    context: [badge]
    context_window: 40
    exclude_context: [novel]
    exclude_context_window: 40
    exclude_context_around: true
)");
  EXPECT_TRUE(p->classify("novel, and her badge: 123456").matches.empty());
  EXPECT_TRUE(p->classify("badge 123456 (my novel)").matches.empty());
  EXPECT_EQ(p->classify("badge 123456").matches.size(), 1u);
  EXPECT_EQ(p->classify("novel .................................... badge 123456").matches.size(),
            1u);  // outside the window
}

// A given name counts as context only as a name is written: capitalized (or all caps), a whole
// word, not part of a user handle, an e-mail address or a path.
TEST(Classifier, ContextNamesCountWrittenAsANameOnly) {
  const auto p = load(R"(policy: p
rules:
  - id: condition
    level: restricted
    keywords: [asthma]
    context: [diagnosed]
    context_window: 30
    context_names: [Ines, Jürgen]
)");
  EXPECT_EQ(p->classify("Notes on Ines (9): asthma, inhaler at school").matches.size(), 1u);
  EXPECT_EQ(p->classify("NOTES ON INES: ASTHMA").matches.size(), 1u);
  EXPECT_EQ(p->classify("Jürgen: asthma since May").matches.size(), 1u);
  EXPECT_EQ(p->classify("JÜRGEN: asthma since May").matches.size(), 1u);
  // as typed without diacritics
  EXPECT_EQ(p->classify("Jurgen: asthma since May").matches.size(), 1u);
  // the ordinary context words still count
  EXPECT_EQ(p->classify("she was diagnosed with asthma").matches.size(), 1u);
  // not as a word, a handle, an address or a path
  EXPECT_TRUE(p->classify("ines said the asthma talk was good").matches.empty());
  EXPECT_TRUE(p->classify("<ines.b> slides of the asthma talk").matches.empty());
  EXPECT_TRUE(p->classify("@Ines slides of the asthma talk").matches.empty());
  EXPECT_TRUE(p->classify("Ines.Lopez@example.org sent the asthma leaflet").matches.empty());
  EXPECT_TRUE(p->classify("/home/Ines/asthma.pdf").matches.empty());
  EXPECT_TRUE(p->classify("Inesita read about asthma").matches.empty());
  // after a doctor's or a saint's title: a talk, a leaflet, a hospital's name
  EXPECT_TRUE(p->classify("Dr. Ines Roth explains asthma").matches.empty());
  EXPECT_TRUE(p->classify("Prof Ines Roth on asthma").matches.empty());
  EXPECT_TRUE(p->classify("Hospital Santa Ines: asthma clinic").matches.empty());
  EXPECT_TRUE(p->classify("Klinik Sankt-Jürgen: asthma").matches.empty());
  EXPECT_EQ(p->classify("Sara and Ines: asthma").matches.size(), 1u);
  EXPECT_TRUE(p->classify("Ines ....................................... asthma").matches.empty());
}

TEST(Classifier, AllowedPhraseAroundAKeyword) {
  const auto p = load(R"(policy: p
rules:
  - {id: c, level: confidential, keywords: [Halcyon], allow: ["Halcyon Days"]}
)");
  EXPECT_TRUE(p->classify("we sang Halcyon Days").matches.empty());
  EXPECT_EQ(p->classify("Halcyon Days and the Halcyon plan").matches[0].count, 1u);
}

TEST(Classifier, CaptureGroupIsTheValue) {
  const auto p = load(R"(policy: p
rules:
  - id: pw
    level: internal
    regex: 'password\s*=\s*(\S+)'
    validate: entropy:3
    allow: ["changeme"]
)");
  const std::string text = "password = x9$Kq2!mZp";
  const auto c = p->classify(text);
  ASSERT_EQ(c.matches.size(), 1u);
  EXPECT_EQ(text.substr(c.matches[0].spans[0].begin), "x9$Kq2!mZp");
  EXPECT_TRUE(p->classify("password = changeme").matches.empty());
  EXPECT_TRUE(p->classify("password = aaaaaaaa").matches.empty());
}

TEST(Classifier, MinCountCountsAcrossSegments) {
  const auto p = load(R"(policy: p
rules:
  - {id: bulk, level: confidential, regex: '[a-z]+@[a-z]+\.org', min_count: 3}
)");
  EXPECT_TRUE(p->classify("a@x.org b@x.org").matches.empty());
  const std::vector<std::string_view> segments = {"a@x.org b@x.org", "c@x.org"};
  const auto c = p->classify(segments);
  ASSERT_EQ(c.matches.size(), 1u);
  EXPECT_EQ(c.matches[0].count, 3u);
}

TEST(Classifier, DisabledRulesNeverMatch) {
  const auto p = load(R"(policy: p
rules:
  - {id: off, level: confidential, keywords: [Halcyon], enabled: false}
)");
  EXPECT_TRUE(p->classify("Halcyon").matches.empty());
  EXPECT_TRUE(p->rules().empty());
}

TEST(Classifier, InvalidUtf8FailsClosed) {
  const auto c = globex()->classify("hello \xFF world");
  EXPECT_TRUE(c.classifier_error);
  EXPECT_EQ(c.handling, Handling::kBlock);  // the policy's strictest handling
  EXPECT_EQ(c.level, "restricted");
  EXPECT_THAT(c.error, ::testing::HasSubstr("UTF-8"));
}

TEST(Classifier, OversizedTextFailsClosed) {
  const std::string big(5u << 20, 'a');
  const std::vector<std::string_view> segments = {big, big};  // 10 MiB together
  const auto c = globex()->classify(segments);
  EXPECT_TRUE(c.classifier_error);
  EXPECT_EQ(c.handling, Handling::kBlock);
  EXPECT_THAT(c.error, ::testing::HasSubstr("over the classifier limit"));
}

TEST(Classifier, MatcherFailureFailsClosed) {
  // Whichever RE2::Set runs (a set of gates on a window, or the whole-text set), the injected
  // failure fails closed: 'x+y' is windowed around "xy", '\pL+' has no trigger (whole text).
  for (const std::string regex : {"x+y", "\\pL+"}) {
    const auto p = load_policy_text(
        "policy: p\nrules:\n  - {id: r, level: internal, regex: '" + regex + "'}\n", data_dir(),
        false, ClassifierLimits{});
    const auto& rules = p->impl().classifier->rules();
    const std::vector<Handling> handling = {Handling::kVendor, Handling::kVendor,
                                            Handling::kInternal, Handling::kInternal};
    const std::vector<std::string_view> text = {"nothing to see, xxy"};
    std::vector<std::string> errors;
    const auto working =
        Classifier::compile(rules, p->levels(), handling, ClassifierLimits{}, &errors);
    ASSERT_TRUE(working);
    EXPECT_EQ(rule_ids(working->classify(text)), std::vector<std::string>{"r"}) << regex;
    ClassifierLimits limits;
    limits.inject_set_failure_at = 1;
    const auto failing = Classifier::compile(rules, p->levels(), handling, limits, &errors);
    ASSERT_TRUE(failing);
    const auto c = failing->classify(text);
    EXPECT_TRUE(c.classifier_error) << regex;
    EXPECT_EQ(c.handling, Handling::kInternal);
    EXPECT_TRUE(c.matches.empty());
    EXPECT_THAT(c.error, ::testing::HasSubstr("out of memory"));
  }
}

// A gate of k > 1 trigger bytes counted in non-space units (digits with any spaces between them)
// needs the scan's non-space counts: with them, digits spread among letters make no run and no
// window, so no RE2::Set runs (an injected failure at the first call is never reached). Without
// them every k digits in a row would look like a run (a superset: same decisions, more windows).
TEST(Classifier, NonSpaceRunsUseTheScansCounts) {
  const auto p = load_policy_text(
      "policy: p\nrules:\n  - {id: r, level: internal, regex: '\\d(?:\\s*\\d){7}'}\n", data_dir(),
      false, ClassifierLimits{});
  const auto& rules = p->impl().classifier->rules();
  const std::vector<Handling> handling = {Handling::kVendor, Handling::kVendor, Handling::kInternal,
                                          Handling::kInternal};
  std::vector<std::string> errors;
  ClassifierLimits limits;
  limits.inject_set_failure_at = 1;
  const auto classifier = Classifier::compile(rules, p->levels(), handling, limits, &errors);
  ASSERT_TRUE(classifier);
  std::string spread;
  for (int i = 0; i < 40; ++i) spread += std::to_string(i % 10) + "ab ";
  const std::vector<std::string_view> text = {spread};
  const auto c = classifier->classify(text);
  EXPECT_FALSE(c.classifier_error) << c.error;
  EXPECT_TRUE(c.matches.empty());
  // The same digits together make a run: the set runs (and the injected failure shows it).
  const std::vector<std::string_view> together = {"call 1 2 3 4 5 6 7 8 now"};
  EXPECT_TRUE(classifier->classify(together).classifier_error);
}

// Which prefilter stage each regex rule of the default pack uses: all are windowed, none needs
// the whole-text RE2::Set.
TEST(Classifier, DefaultPackIsFullyWindowed) {
  const auto p = Policy::load_file(std::filesystem::path(SWITCHYARD_SOURCE_DIR) /
                                   "policies/packs/default.yaml");
  const auto& report = p->impl().classifier->regex_prefilter();
  EXPECT_EQ(report.whole_text, 0u);
  EXPECT_EQ(report.atom_gated, 0u);
  EXPECT_GT(report.windowed, 30u);
  EXPECT_EQ(report.rules.size(), report.windowed);
  for (const auto& rule : report.rules) {
    EXPECT_EQ(rule.stage, "window") << rule.id << ": " << rule.detail;
  }
  // Its keyword phrases ride on the same literal scan (the differential tests below cover them).
  EXPECT_EQ(report.anchored_keywords, p->impl().classifier->keyword_count());
}

// An organization's overlay on top of the default pack (codenames, markers, customers) keeps the
// keywords on the literal scan: past the cap, every byte goes through the automaton (a third more
// instructions on prose for the example overlay's 26 phrases).
TEST(Classifier, OverlayKeywordsStillRideOnTheLiteralScan) {
  const auto p = Policy::load_file(std::filesystem::path(SWITCHYARD_SOURCE_DIR) /
                                   "policies/examples/globex.yaml");
  const auto& report = p->impl().classifier->regex_prefilter();
  EXPECT_GT(p->impl().classifier->keyword_count(), 256u);
  EXPECT_EQ(report.anchored_keywords, p->impl().classifier->keyword_count());
}

TEST(Classifier, TinyRegexBudgetsNeverReadAsNoMatch) {
  // Whatever the budget: the policy refuses to load, or classify finds what it must, or it fails
  // closed. It never silently reports "no match".
  std::string yaml = "policy: p\nrules:\n";
  for (int i = 0; i < 40; ++i) {
    yaml += "  - {id: r" + std::to_string(i) + ", level: internal, regex: '[a-q][a-z]{" +
            std::to_string(i % 5 + 8) + "}x" + std::to_string(i) + "[0-9]{3}'}\n";
  }
  std::mt19937 rng(7);
  std::string text;
  for (int i = 0; i < 20000; ++i) text.push_back(static_cast<char>('a' + rng() % 26));
  text += " abcdefghijkx7123 ";
  int loaded = 0;
  for (std::int64_t budget = 1 << 12; budget <= (1 << 20); budget *= 2) {
    ClassifierLimits limits;
    limits.set_max_mem = budget;
    limits.regex_max_mem = budget;
    std::shared_ptr<const Policy> p;
    try {
      p = load_policy_text(yaml, data_dir(), true, limits);
    } catch (const PolicyError& e) {
      EXPECT_THAT(e.what(), ::testing::HasSubstr("memory budget")) << budget;
      continue;
    }
    ++loaded;
    const auto c = p->classify(text);
    if (!c.classifier_error) {
      EXPECT_EQ(rule_ids(c), std::vector<std::string>{"r7"}) << budget;
    } else {
      EXPECT_EQ(c.handling, Handling::kInternal);
    }
  }
  EXPECT_GT(loaded, 0);
}

TEST(Classifier, IsSafeToShareAcrossThreads) {
  const auto p = globex();
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (p->classify("the Halcyon plan, card 4539 1488 0343 6467").handling !=
            Handling::kInternal) {
          ++wrong;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

// ---------------------------------------------------------------------------------------------
// Differential: the one-pass result equals each rule run alone.

struct Outcome {
  std::string id;
  std::size_t count;
  std::vector<std::tuple<std::uint32_t, std::size_t, std::size_t>> spans;
  bool operator==(const Outcome&) const = default;
};

std::vector<Outcome> outcomes(const Classification& c) {
  std::vector<Outcome> out;
  for (const auto& m : c.matches) {
    Outcome o{m.id, m.count, {}};
    for (const auto& s : m.spans) o.spans.emplace_back(s.segment, s.begin, s.end);
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<std::string> real_texts() {
  std::vector<std::string> texts = {
      "Please review the Halcyon launch plan before Friday.",
      "ssh deploy@build01.corp.globex.internal and run ./release.sh --project-kestrel",
      "Customer card: 4539 1488 0343 6467, exp 04/27; backup card 4111 1111 1111 1111.",
      "My social security number is 536-22-8730 (SSN), my old one 078-05-1120.",
      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END",
      "Die Rechnung für Projekt MANTA-3 geht an die Müller AG, IBAN DE89 3704 0044 0532 0130 00.",
      "プロジェクトHalcyonの資料を要約してください。カード番号は４５３９ １４８８ ０３４３ "
      "６４６７です。",
      "curl 'https://wiki.corp.globex.internal/x?next=%2Fpage' -H 'X: "
      "SGFsY3lvbiBsYXVuY2ggcGxhbg=='",
      "h a l c y o n, \xD0\x9D\xD0\xB0lcy\xD0\xBEn, Hal\xE2\x80\x8B"
      "cyon, &#72;alcyon, \\u0048alcyon",
  };
  return texts;
}

std::string generated_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"the",
                                                  "plan",
                                                  "Halcyon",
                                                  "halcyons",
                                                  "Project",
                                                  "Kestrel",
                                                  "project-kestrel",
                                                  "MANTA-3",
                                                  "MANTA-32",
                                                  "4539 1488 0343 6467",
                                                  "4539148803436468",
                                                  "536-22-8730",
                                                  "SSN",
                                                  "ssn:",
                                                  "corp.globex.internal",
                                                  "a.corp.globex.internal",
                                                  "-----BEGIN RSA PRIVATE KEY-----",
                                                  "\n",
                                                  ",",
                                                  ".",
                                                  "(",
                                                  ")",
                                                  "_",
                                                  "-",
                                                  "%2F",
                                                  "%48alcyon",
                                                  "&#64;",
                                                  "\\u0034",
                                                  "\xEF\xBC\x94",
                                                  "\xE2\x80\x8B",
                                                  "\xD0\xB0",
                                                  "h a l c y o n",
                                                  "SGFsY3lvbg==",
                                                  "aGFsY3lvbiBoYWxjeW9u",
                                                  "é",
                                                  "機密",
                                                  "4111 1111 1111 1111",
                                                  "x",
                                                  "y z",
                                                  "   "};
  std::string text;
  const int n = 1 + static_cast<int>(rng() % 40);
  for (int i = 0; i < n; ++i) {
    text += pieces[rng() % pieces.size()];
    if (rng() % 3 != 0) text += ' ';
  }
  return text;
}

TEST(Differential, OnePassEqualsEachRuleAlone) {
  const auto p = globex();
  const Classifier& classifier = *p->impl().classifier;
  // Single-rule classifiers, each compiled on its own.
  std::vector<std::unique_ptr<Classifier>> singles;
  for (const auto& rule : classifier.rules()) {
    std::vector<std::string> errors;
    singles.push_back(Classifier::compile(
        {rule}, classifier.levels(),
        {Handling::kVendor, Handling::kVendor, Handling::kInternal, Handling::kInternal},
        ClassifierLimits{}, &errors));
    ASSERT_TRUE(singles.back()) << errors[0];
  }
  std::mt19937 rng(12345);
  std::vector<std::vector<std::string>> inputs;
  for (const auto& t : real_texts()) inputs.push_back({t});
  for (int i = 0; i < 400; ++i) inputs.push_back({generated_text(rng), generated_text(rng)});
  std::size_t with_matches = 0;
  for (const auto& input : inputs) {
    std::vector<std::string_view> segments(input.begin(), input.end());
    const auto one_pass = classifier.classify(segments);
    const auto alone = classifier.classify(segments, nullptr, MatchEngine::kEachRuleAlone);
    ASSERT_FALSE(one_pass.classifier_error) << one_pass.error;
    EXPECT_EQ(outcomes(one_pass), outcomes(alone)) << input[0];
    EXPECT_EQ(one_pass.handling, alone.handling);
    // And rule by rule, each in a classifier of its own.
    std::vector<Outcome> combined;
    for (const auto& single : singles) {
      for (auto& o : outcomes(single->classify(segments))) combined.push_back(std::move(o));
    }
    EXPECT_EQ(outcomes(one_pass), combined) << input[0];
    with_matches += !one_pass.matches.empty();
  }
  // The inputs exercise the rules: most of them match something.
  EXPECT_GT(with_matches, inputs.size() / 2);
}

// Each thread keeps its classify scratch between calls (classifier.cpp, Workspace). Calls that
// alternate between policies (as a reload does), a huge text in between, and texts with and
// without findings must give what a fresh thread gives.
TEST(Classifier, ScratchKeptBetweenCallsChangesNothing) {
  const auto pack = Policy::load_file(std::filesystem::path(SWITCHYARD_SOURCE_DIR) /
                                      "policies/packs/default.yaml");
  const auto keywords_only = testing::load(
      "policy: k\nrules:\n  - id: k.words\n    level: confidential\n    keywords: [Halcyon]\n");
  // No trigger to scan for: only the whole-text set runs (the scanner is empty).
  const auto whole_text =
      testing::load("policy: w\nrules:\n  - {id: w.letters, level: internal, regex: '\\pL+'}\n");
  const std::vector<const Policy*> policies = {globex().get(), pack.get(), keywords_only.get(),
                                               whole_text.get()};
  std::vector<std::string> texts = real_texts();
  texts.push_back(std::string(5u << 20, 'x') + " Halcyon 536-22-8730");  // past the kept size
  texts.push_back("plain text, nothing to find");
  std::vector<std::vector<Outcome>> fresh;
  std::thread([&] {
    for (const auto* policy : policies) {
      for (const auto& text : texts) {
        // A thread of its own per call: nothing kept from an earlier call.
        std::thread([&] { fresh.push_back(outcomes(policy->classify(text))); }).join();
      }
    }
  }).join();
  std::mt19937 rng(3);
  for (int round = 0; round < 2; ++round) {
    std::size_t k = 0;
    for (const auto* policy : policies) {
      for (const auto& text : texts) {
        // The same thread classifies something else with every policy first.
        for (const auto* other : policies) other->classify(texts[rng() % texts.size()]);
        EXPECT_EQ(outcomes(policy->classify(text)), fresh[k]) << k << ": " << text.substr(0, 80);
        ++k;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Differential on the default pack: the windowed prefilter (regex_analysis.h) must find exactly
// what each rule run alone over the whole view finds, wherever a match sits relative to windows,
// triggers, text edges, \b context, multi-byte characters and spaces.

std::vector<std::string> default_pack_test_texts() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(SWITCHYARD_SOURCE_DIR) / "policies/packs")) {
    if (entry.path().extension() != ".yaml") continue;
    const YAML::Node root = YAML::LoadFile(entry.path().string());
    for (const auto& test : root["tests"]) out.push_back(test["text"].as<std::string>());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Ordinary prose: the license texts Debian ships (as the classifier benchmark), or words.
std::string prose_text(std::size_t size) {
  static const std::string text = [] {
    std::string t;
    for (const char* name : {"GPL-3", "Apache-2.0"}) {
      std::ifstream in(std::filesystem::path("/usr/share/common-licenses") / name,
                       std::ios::binary);
      t.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (t.empty()) {
      for (int i = 0; i < 4000; ++i) t += "the licensee may copy and distribute the program ";
    }
    return t;
  }();
  return text.substr(0, std::min(size, text.size()));
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

std::vector<std::vector<std::string>> windowing_inputs() {
  std::mt19937 rng(2024);
  const auto tests = default_pack_test_texts();
  std::vector<std::vector<std::string>> inputs;
  const std::vector<std::string> glue = {
      "x", "_",  "9",  "-", ".", "\xC3\xA9", "\xE7\xA4\xBE", "\xE2\x80\x9C",
      " ", "\n", "\t", "@", "+", "K"};
  for (std::size_t i = 0; i < tests.size(); ++i) {
    const std::string& t = tests[i];
    inputs.push_back({t});
    // \b and UTF-8 context right at the match, both sides.
    for (int k = 0; k < 3; ++k) {
      inputs.push_back({glue[rng() % glue.size()] + t + glue[rng() % glue.size()]});
    }
    // Spaces stretched: windows counted in non-space characters.
    inputs.push_back({replace_all(t, " ", rng() % 2 ? "  \t\n  " : std::string(70, ' '))});
    // Wide characters in the values: windows counted in characters, not bytes (e as é, o as a
    // four-byte mathematical letter).
    inputs.push_back({replace_all(t, "e", "\xC3\xA9")});
    inputs.push_back({replace_all(t, "o", "\xF0\x9D\x90\xA8")});
    // Digits and capitals nearby (trigger bytes that are not the match).
    inputs.push_back({"2024-01-15 4539 ABCD 10.0.0 " + t + " 1234567 XYZW 00"});
    // (?i) s and k written as U+017F and U+212A, decoded from entities (the decoded view).
    inputs.push_back({replace_all(replace_all(t, "s", "&#383;"), "k", "&#8490;")});
    inputs.push_back({replace_all(t, "S", "\xC5\xBF")});
    // A random edit.
    std::string edited = t;
    if (!edited.empty()) {
      const std::size_t at = rng() % edited.size();
      if (rng() % 2) {
        edited.erase(at, 1 + rng() % 3);
      } else {
        edited.insert(at, glue[rng() % glue.size()]);
      }
    }
    bool ascii = true;
    if (is_valid_utf8(edited, &ascii)) inputs.push_back({edited});
    // In prose: at the start, the end, the middle; and across two segments.
    {
      const std::string before = prose_text(100 + rng() % (i % 5 == 0 ? 6000 : 1200));
      const std::string after = prose_text(100 + rng() % 500);
      inputs.push_back({t + " " + after});
      inputs.push_back({before + t});
      inputs.push_back({before + " " + t + "\n" + after});
      inputs.push_back({before, t + after});
    }
  }
  // Several matches close together, windows merging.
  for (int n = 0; n < 40; ++n) {
    std::string text;
    for (int k = 0; k < 4; ++k) {
      text += tests[rng() % tests.size()];
      text += std::string(rng() % 40, rng() % 2 ? ' ' : 'a');
    }
    inputs.push_back({text});
  }
  // Keyword phrases (found near their anchors in plain text) with their separators varied, next
  // to each other and to regex triggers, in prose.
  const std::vector<std::string> phrases = {"Internal Use Only",
                                            "for internal use only",
                                            "Do Not Distribute",
                                            "not-for-distribution",
                                            "CONFIDENTIAL",
                                            "attorney-client privileged",
                                            "nur fuer den internen gebrauch",
                                            "VS-NfD",
                                            "strictly_confidential",
                                            "not for public release"};
  for (int n = 0; n < 60; ++n) {
    std::string text = prose_text(rng() % 400);
    for (int k = 0; k < 3; ++k) {
      std::string phrase = phrases[rng() % phrases.size()];
      if (rng() % 2) phrase = replace_all(phrase, " ", rng() % 2 ? "-" : "\n   ");
      if (rng() % 3 == 0) phrase = replace_all(phrase, " ", "");
      text += glue[rng() % glue.size()] + phrase + glue[rng() % glue.size()];
      if (rng() % 2) text += tests[rng() % tests.size()];
      text += prose_text(rng() % 300);
    }
    inputs.push_back({text});
  }
  inputs.push_back({prose_text(60000)});
  return inputs;
}

// Every fourth input from `shard`: each rule alone over every input is slow under ASan, and the
// inputs grow with the packs' tests (one test took over 600 s there); four tests run in parallel.
void check_windowed_equals_each_rule_alone(std::size_t shard) {
  static const auto p = Policy::load_file(std::filesystem::path(SWITCHYARD_SOURCE_DIR) /
                                          "policies/packs/default.yaml");
  static const auto inputs = windowing_inputs();
  const Classifier& classifier = *p->impl().classifier;
  std::size_t with_matches = 0;
  std::size_t checked = 0;
  for (std::size_t i = shard; i < inputs.size(); i += 4) {
    const auto& input = inputs[i];
    std::vector<std::string_view> segments(input.begin(), input.end());
    const auto one_pass = classifier.classify(segments);
    const auto alone = classifier.classify(segments, nullptr, MatchEngine::kEachRuleAlone);
    ASSERT_FALSE(one_pass.classifier_error) << one_pass.error << ": " << input[0].substr(0, 300);
    EXPECT_EQ(outcomes(one_pass), outcomes(alone)) << input[0].substr(0, 300);
    EXPECT_EQ(one_pass.handling, alone.handling);
    with_matches += !one_pass.matches.empty();
    ++checked;
  }
  // Many pack tests are look-alikes that must not match; still, most inputs match something.
  EXPECT_GT(with_matches, checked / 3);
}

TEST(Differential, WindowedPrefilterEqualsEachRuleAlone0) {
  check_windowed_equals_each_rule_alone(0);
}
TEST(Differential, WindowedPrefilterEqualsEachRuleAlone1) {
  check_windowed_equals_each_rule_alone(1);
}
TEST(Differential, WindowedPrefilterEqualsEachRuleAlone2) {
  check_windowed_equals_each_rule_alone(2);
}
TEST(Differential, WindowedPrefilterEqualsEachRuleAlone3) {
  check_windowed_equals_each_rule_alone(3);
}

TEST(Classifier, NoValueStartsWithAJsonLineEnd) {
  // "KEY=\n" in text written as a JSON string (a log line, a notebook cell) is an empty value at
  // the end of a line; the decoded view reads it so, and the raw view must not read the next line.
  const auto policy = load(R"(
policy: t
version: "1"
rules:
  - id: password
    level: restricted
    regex: '(?i)password=([^\s"]{6,})'
)");
  EXPECT_EQ(policy->classify(R"({"msg":"DB_PASSWORD=\nMAIL_PASSWORD=null"})").handling,
            Handling::kVendor);
  EXPECT_NE(policy->classify(R"({"msg":"DB_PASSWORD=S3cret-42\n"})").handling, Handling::kVendor);
  EXPECT_NE(policy->classify("DB_PASSWORD=S3cret-42").handling, Handling::kVendor);
}

}  // namespace
}  // namespace switchyard::policy
