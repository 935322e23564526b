// Strict loading (design 4.3): every error as FILE:LINE:COL: field.path: message, all collected.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace switchyard::policy {
namespace {

using testing::data_dir;
using ::testing::HasSubstr;
using testing::load;
using testing::load_errors;
using ::testing::StartsWith;

std::string all(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

TEST(Loader, LoadsTheExamplePolicyWithIncludes) {
  const auto p = Policy::load_file(data_dir() / "globex.yaml");
  EXPECT_EQ(p->name(), "globex-data-classification");
  EXPECT_EQ(p->version(), "2026.11.1");
  ASSERT_EQ(p->files().size(), 2u);
  EXPECT_EQ(p->files()[1].filename(), "pii.yaml");
  EXPECT_EQ(p->rules().size(), 5u);
  EXPECT_EQ(p->sha256().size(), 64u);
  EXPECT_EQ(p->strictest_handling(), Handling::kBlock);
  std::size_t passed = 0;
  EXPECT_TRUE(p->run_tests(&passed).empty());
  EXPECT_EQ(passed, 10u);
}

TEST(Loader, UnknownKeySaysWhereAndSuggests) {
  const auto errors = load_errors(R"(policy: p
rules:
  - id: a
    level: internal
    keyword: [x]
)");
  ASSERT_FALSE(errors.empty());
  EXPECT_THAT(errors[0],
              StartsWith("<text>:5:5: rules[0].keyword: unknown key 'keyword' in a rule; "
                         "did you mean 'keywords'?"));
  EXPECT_THAT(errors[0], HasSubstr("Valid keys: id, description, level"));
  // and the rule then lacks keywords or regex: also reported
  EXPECT_THAT(all(errors),
              HasSubstr("<text>:3:5: rules[0]: needs exactly one of 'keywords' or 'regex'"));
}

TEST(Loader, CollectsEveryError) {
  const auto errors = load_errors(R"(policy: p
levles: [a]
rules:
  - id: a
    level: secret
    keywords: [x]
  - id: a
    level: internal
    regex: 'ab(c'
  - id: b
    level: internal
    regex: 'x'
    validate: lunh
    handling: intern
)");
  const std::string text = all(errors);
  EXPECT_THAT(text, HasSubstr("<text>:2:1: levles: unknown key 'levles' in a policy file; did you "
                              "mean 'levels'?"));
  EXPECT_THAT(text,
              HasSubstr("<text>:9:12: rules[1].regex: RE2 rejected the regex: missing ): ab(c"));
  EXPECT_THAT(text, HasSubstr("<text>:13:15: rules[2].validate: unknown validator 'lunh'; valid "
                              "validators: luhn, payment_card, iban, us_ssn, fr_nir, de_tax_id, "
                              "es_dni, it_fiscal_code, nl_bsn, uk_nino, uk_nhs, jp_my_number, "
                              "pl_pesel, pt_nif, se_personnummer, dk_cpr, no_fodselsnummer, "
                              "fi_hetu, cz_rodne_cislo, ro_cnp, gr_amka, tr_tckn, "
                              "cn_resident_id, kr_rrn, br_cpf, hu_taj, hu_tax_id, in_aadhaar, "
                              "mx_curp, mx_rfc_person, mx_clabe, il_id, de_kvnr, de_rvnr, es_nuss, "
                              "pt_niss, pt_cc, pl_id_card, icao_mrz, document_number, fr_rib, "
                              "es_ccc, pt_nib, pl_nrb, nl_account, phone_number, bip39_phrase, "
                              "not_test_key, not_textbook_type7, letters_look_random, "
                              "entropy:<bits per char>; did you mean 'luhn'?"));
  EXPECT_THAT(
      text,
      HasSubstr("<text>:14:15: rules[2].handling: unknown handling 'intern'; did you "
                "mean 'internal'? Valid handlings: vendor, redact, pseudonymize, internal, block"));
  EXPECT_GE(errors.size(), 4u);
}

TEST(Loader, UnknownLevelAndDuplicateIdSayWhereTheFirstWas) {
  const auto errors = load_errors(R"(policy: p
rules:
  - id: a
    level: confidental
    keywords: [x]
  - id: a
    level: internal
    keywords: [y]
)");
  const std::string text = all(errors);
  EXPECT_THAT(text, HasSubstr("<text>:4:12: rules[0].level: unknown level 'confidental'; did you "
                              "mean 'confidential'? Valid levels: public, internal, confidential, "
                              "restricted"));
  EXPECT_THAT(text, HasSubstr("<text>:6:5: rules[1].id: duplicate rule id 'a'; first defined at "
                              "<text>:3:5"));
}

TEST(Loader, RegexErrorQuotesTheFragment) {
  const auto errors = load_errors(R"(policy: p
rules:
  - id: a
    level: internal
    regex: 'x(?<=y)z'
)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], StartsWith("<text>:5:12: rules[0].regex: RE2 rejected the regex: "));
  EXPECT_THAT(errors[0], HasSubstr("(at '(?<')"));
}

TEST(Loader, RegexMatchingEmptyIsRejected) {
  const auto errors = load_errors("policy: p\nrules:\n  - {id: a, level: internal, regex: 'x*'}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("matches the empty string"));
}

TEST(Loader, YamlSyntaxErrorHasPosition) {
  const auto errors = load_errors("policy: p\nrules: [\n  - id: a\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("YAML syntax"));
  EXPECT_THAT(errors[0], StartsWith("<text>:"));
}

TEST(Loader, TypesAreChecked) {
  const std::string text = all(load_errors(R"(policy: p
rules:
  - id: a
    level: internal
    keywords: Halcyon
    enabled: maybe
    min_count: 0
    context_window: many
    context: [badge, ""]
    exclude_context: [""]
  - id: "has space"
    level: internal
    regex: x
    case_sensitive: true
    context_names: [Ines, ""]
)"));
  EXPECT_THAT(text, HasSubstr("<text>:5:15: rules[0].keywords: expected a list of text values"));
  EXPECT_THAT(text, HasSubstr("<text>:6:14: rules[0].enabled: expected true or false"));
  EXPECT_THAT(text,
              HasSubstr("<text>:7:16: rules[0].min_count: must be between 1 and 100000, got 0"));
  EXPECT_THAT(text, HasSubstr("<text>:8:21: rules[0].context_window: expected a whole number"));
  EXPECT_THAT(text, HasSubstr("rules[1].id: rule ids use letters"));
  EXPECT_THAT(text, HasSubstr("rules[1].case_sensitive: case_sensitive applies to keywords"));
  EXPECT_THAT(text, HasSubstr("rules[1].context_names: context names must not be empty"));
  EXPECT_THAT(text, HasSubstr("rules[0].context: context words must not be empty"));
  EXPECT_THAT(text, HasSubstr("rules[0].exclude_context: exclude_context words must not be empty"));
}

TEST(Loader, HandlingAndLevels) {
  EXPECT_THAT(all(load_errors(R"(policy: p
levels: [green, red]
handling: {green: vendor}
rules: []
)")),
              HasSubstr("level 'red' has no handling"));
  EXPECT_THAT(all(load_errors(R"(policy: p
handling: {secret: block}
)")),
              HasSubstr("<text>:2:12: handling.secret: unknown level 'secret'"));
  const auto p = load(R"(policy: p
levels: [green, red]
handling: {green: vendor, red: block}
rules:
  - {id: r, level: red, keywords: [stop]}
tests:
  - {text: "please stop", expect: block, level: red}
  - {text: "go on", expect: vendor, level: green}
)");
  EXPECT_EQ(p->levels(), (std::vector<std::string>{"green", "red"}));
}

TEST(Loader, FailingTestIsALoadError) {
  const std::string yaml = R"(policy: p
rules:
  - {id: r, level: confidential, keywords: [Halcyon]}
tests:
  - text: "nothing here"
    expect: vendor
  - text: "Halcyon"
    expect: vendor
  - text: "Halcyon"
    expect: internal
    rules: [r, other]
)";
  const std::string text = all(load_errors(yaml));
  EXPECT_THAT(
      text,
      HasSubstr("<text>:11:16: tests[2].rules[1]: no rule 'other' in this file or its includes"));
  const auto errors = load_errors(R"(policy: p
rules:
  - {id: r, level: confidential, keywords: [Halcyon]}
tests:
  - text: "nothing here"
    expect: vendor
  - text: "Halcyon"
    expect: vendor
)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "<text>:7:5: tests[1]: expected vendor, got internal (matched: r)");
  // Without running tests the policy loads, and run_tests reports the failure.
  const auto p = load(R"(policy: p
rules:
  - {id: r, level: confidential, keywords: [Halcyon]}
tests:
  - text: "Halcyon"
    expect: vendor
  - text: "other"
    expect: vendor
)",
                      false);
  std::size_t passed = 0;
  const auto failures = p->run_tests(&passed);
  EXPECT_EQ(passed, 1u);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].location, "<text>:5:5");
}

TEST(Loader, IncludeCycleIsAnError) {
  try {
    Policy::load_file(data_dir() / "cycle_a.yaml");
    FAIL() << "cycle not detected";
  } catch (const PolicyError& e) {
    EXPECT_THAT(e.what(), HasSubstr("include cycle: cycle_a.yaml -> cycle_b.yaml -> cycle_a.yaml"));
    EXPECT_THAT(e.what(), HasSubstr("cycle_b.yaml:2:11: include[0]: "));
  }
}

TEST(Loader, MissingIncludeIsAnError) {
  const auto errors = load_errors("policy: p\ninclude: [does-not-exist.yaml]\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("<text>:2:11: include[0]: cannot read included file"));
}

TEST(Loader, DiamondIncludesLoadEachFileOnce) {
  const auto p = Policy::load_file(data_dir() / "diamond_root.yaml");
  // root, left, shared, right: shared appears once, its rule is not a duplicate.
  ASSERT_EQ(p->files().size(), 4u);
  EXPECT_EQ(p->rules().size(), 3u);
}

TEST(Loader, IncludedFilesUseTheRootLevels) {
  const std::string text = all(load_errors(R"(policy: p
levels: [low, high]
handling: {low: vendor, high: internal}
include: [pii.yaml]
)"));
  EXPECT_THAT(text, HasSubstr("pii.yaml:6:12: rules[0].level: unknown level 'restricted'"));
  EXPECT_THAT(text, HasSubstr("(levels are defined by <text>)"));
}

TEST(Loader, IncludedTestsRunWithTheirOwnHandling) {
  // The root maps restricted to block; pii.yaml's own tests still expect internal and pass,
  // while the root sees block.
  const auto p = load(R"(policy: p
handling: {restricted: block}
include: [pii.yaml]
tests:
  - {text: "card 4539 1488 0343 6467", expect: block}
)");
  std::size_t passed = 0;
  EXPECT_TRUE(p->run_tests(&passed).empty());
  EXPECT_EQ(passed, 6u);
}

// An included file's tests run against a classifier of what that file sees. It is compiled while
// the tests run, not kept in the loaded policy: a failure there must still stop the load, and
// run_tests() on a policy loaded without tests must still find it.
TEST(Loader, IncludedFileTestFailuresAreFoundAtLoadAndLater) {
  const std::filesystem::path base = std::filesystem::path("/policies");
  const IncludeFiles files = {{base / "inc.yaml", R"(policy: inc
rules:
  - {id: inc.word, level: confidential, keywords: [Halcyon]}
tests:
  - {text: "Halcyon", expect: internal}
  - {text: "nothing", expect: internal}
)"}};
  const std::string root = R"(policy: p
include: [inc.yaml]
tests:
  - {text: "Halcyon", expect: internal}
)";
  try {
    load_policy_text(root, base, true, {}, "<text>", &files);
    FAIL() << "the included file's failing test did not stop the load";
  } catch (const PolicyError& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_THAT(e.errors()[0], HasSubstr("inc.yaml:6:5: tests[1]: expected internal, got vendor"));
  }
  const auto p = load_policy_text(root, base, false, {}, "<text>", &files);
  std::size_t passed = 0;
  const auto failures = p->run_tests(&passed);
  EXPECT_EQ(passed, 2u);  // the root's test and the included file's first
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0].location, HasSubstr("inc.yaml:6:5"));
}

TEST(Loader, Sha256CoversEveryFileInIncludeOrder) {
  const auto a = Policy::load_file(data_dir() / "globex.yaml");
  const auto b = Policy::load_file(data_dir() / "pii.yaml");
  EXPECT_NE(a->sha256(), b->sha256());
  EXPECT_EQ(b->sha256().size(), 64u);
}

}  // namespace
}  // namespace switchyard::policy
