// The shipped packs and example overlays: each loads (which runs its own tests), every rule is
// exercised by at least one of its file's tests, and every file also tests look-alikes that must
// stay with the vendor.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "policies/policy.h"

namespace switchyard::policy {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> shipped_policy_files() {
  std::vector<fs::path> files;
  for (const char* folder : {"policies/packs", "policies/examples"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(SWITCHYARD_SOURCE_DIR) / folder)) {
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string name_of(const testing::TestParamInfo<fs::path>& info) {
  std::string name =
      info.param.parent_path().filename().string() + "_" + info.param.stem().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
  return name;
}

class ShippedPolicy : public testing::TestWithParam<fs::path> {};

TEST_P(ShippedPolicy, LoadsAndItsTestsPass) {
  std::shared_ptr<const Policy> policy;
  try {
    policy = Policy::load_file(GetParam());
  } catch (const PolicyError& error) {
    FAIL() << error.what();
  }
  ASSERT_NE(policy, nullptr);
  std::size_t passed = 0;
  const auto failures = policy->run_tests(&passed);
  EXPECT_TRUE(failures.empty());
  EXPECT_GT(passed, 0u);
}

// Every rule written in the file fires on at least one test text of that file, and the file tests
// at least one look-alike (expect: vendor). A rule nobody tests is a rule nobody knows works.
TEST_P(ShippedPolicy, EveryRuleIsExercisedByItsOwnTests) {
  const YAML::Node root = YAML::LoadFile(GetParam().string());
  std::set<std::string> own_rules;
  for (const auto& rule : root["rules"]) {
    if (rule["enabled"] && !rule["enabled"].as<bool>()) continue;
    own_rules.insert(rule["id"].as<std::string>());
  }
  const auto policy = Policy::load_file(GetParam());
  std::set<std::string> fired;
  std::size_t vendor_tests = 0;
  for (const auto& test : root["tests"]) {
    const auto text = test["text"].as<std::string>();
    if (test["expect"].as<std::string>() == "vendor") ++vendor_tests;
    for (const auto& match : policy->classify(text).matches) fired.insert(match.id);
  }
  for (const auto& id : own_rules) {
    EXPECT_TRUE(fired.count(id)) << GetParam().filename() << ": no test exercises rule " << id;
  }
  EXPECT_GT(vendor_tests, 0u) << GetParam().filename() << " tests no look-alike";
}

INSTANTIATE_TEST_SUITE_P(Packs, ShippedPolicy, testing::ValuesIn(shipped_policy_files()), name_of);

// The example overlay sees every rule of the default pack plus its own.
TEST(ShippedPolicies, OverlayIncludesTheDefaultPack) {
  const fs::path root(SWITCHYARD_SOURCE_DIR);
  const auto base = Policy::load_file(root / "policies/packs/default.yaml");
  const auto overlay = Policy::load_file(root / "policies/examples/globex.yaml");
  std::set<std::string> overlay_ids;
  for (const auto& rule : overlay->rules()) overlay_ids.insert(rule.id);
  for (const auto& rule : base->rules()) EXPECT_TRUE(overlay_ids.count(rule.id)) << rule.id;
  EXPECT_GT(overlay->rules().size(), base->rules().size());
  EXPECT_EQ(overlay->files().size(), base->files().size() + 1);
}

// Design 4.1 levels: credentials and financial identifiers keep the prompt internal, private keys
// are refused, e-mail addresses, phone numbers and names in name fields are pseudonymized, private
// IP addresses redacted.
TEST(ShippedPolicies, HandlingChoices) {
  const auto policy =
      Policy::load_file(fs::path(SWITCHYARD_SOURCE_DIR) / "policies/packs/default.yaml");
  std::map<std::string, Handling> by_id;
  for (const auto& rule : policy->rules()) by_id[rule.id] = rule.handling;
  EXPECT_EQ(by_id.at("secrets.private-key"), Handling::kBlock);
  EXPECT_EQ(by_id.at("secrets.aws-access-key-id"), Handling::kInternal);
  EXPECT_EQ(by_id.at("pii.payment-card"), Handling::kInternal);
  EXPECT_EQ(by_id.at("pii.email"), Handling::kPseudonymize);
  EXPECT_EQ(by_id.at("pii.phone-international"), Handling::kPseudonymize);
  EXPECT_EQ(by_id.at("pii.phone-distinctive"), Handling::kPseudonymize);
  EXPECT_EQ(by_id.at("pii.phone-national"), Handling::kPseudonymize);
  EXPECT_EQ(by_id.at("pii.person-name"), Handling::kPseudonymize);
  EXPECT_EQ(by_id.at("pii.email-bulk"), Handling::kInternal);
  EXPECT_EQ(by_id.at("pii.private-ip"), Handling::kRedact);
  EXPECT_EQ(by_id.at("markers.confidential-caps"), Handling::kInternal);
  EXPECT_EQ(by_id.at("health.patient-identifier"), Handling::kInternal);
  EXPECT_EQ(policy->strictest_handling(), Handling::kBlock);
}

// health.condition-first-person says of oneself what health.condition-person-noun says of
// someone else: the same condition nouns after other verbs. A noun added to one rule only would
// leave the other behind.
TEST(ShippedPolicies, FirstAndThirdPersonConditionsShareTheirNouns) {
  const YAML::Node root =
      YAML::LoadFile((fs::path(SWITCHYARD_SOURCE_DIR) / "policies/packs/health.yaml").string());
  std::map<std::string, std::string> nouns;
  for (const auto& rule : root["rules"]) {
    const auto id = rule["id"].as<std::string>();
    if (id != "health.condition-person-noun" && id != "health.condition-first-person") continue;
    const auto regex = rule["regex"].as<std::string>();
    const std::size_t at = regex.find("(?:alcoholic|");
    ASSERT_NE(at, std::string::npos) << id;
    nouns[id] = regex.substr(at);
  }
  ASSERT_EQ(nouns.size(), 2u);
  EXPECT_EQ(nouns["health.condition-person-noun"], nouns["health.condition-first-person"]);
}

}  // namespace
}  // namespace switchyard::policy
