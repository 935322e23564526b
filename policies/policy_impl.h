// The inside of a loaded Policy, shared by policy.cpp and the tools that need more than the public
// interface (tests, benchmarks).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "policies/classifier.h"
#include "policies/policy.h"
#include "policies/policy_loader.h"

namespace switchyard::policy {

struct Policy::Impl {
  std::string name;
  std::string version;
  std::string sha256;
  std::vector<std::filesystem::path> files;
  std::vector<RuleInfo> rules;
  std::shared_ptr<const Classifier> classifier;
  UninspectedHandlings uninspected{Handling::kInternal, Handling::kInternal, Handling::kInternal,
                                   Handling::kInternal, Handling::kInternal};
  std::shared_ptr<const PolicySource> source;
  // For running tests: each file that has tests, with the classifier of what that file sees.
  std::vector<std::pair<std::size_t, std::shared_ptr<const Classifier>>> test_targets;
};

// Loads from text instead of a file (tests, fuzzing, the playground); includes resolve relative to
// base_dir (see parse_policy_text for `include_files`); errors name the text `display`.
std::shared_ptr<const Policy> load_policy_text(const std::string& text,
                                               const std::filesystem::path& base_dir,
                                               bool run_tests, const ClassifierLimits& limits = {},
                                               const std::string& display = "<text>",
                                               const IncludeFiles* include_files = nullptr);

}  // namespace switchyard::policy
