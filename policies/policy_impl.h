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
  // The files that have tests, in closure order. Each included file's tests run against a
  // classifier of what that file sees, compiled when the tests run and dropped after: kept, the
  // default pack's six of them doubled the memory of a loaded policy.
  std::vector<std::size_t> test_files;
  ClassifierLimits limits;
};

// Loads from text instead of a file (tests, fuzzing, the playground); includes resolve relative to
// base_dir (see parse_policy_text for `include_files`); errors name the text `display`.
std::shared_ptr<const Policy> load_policy_text(const std::string& text,
                                               const std::filesystem::path& base_dir,
                                               bool run_tests, const ClassifierLimits& limits = {},
                                               const std::string& display = "<text>",
                                               const IncludeFiles* include_files = nullptr);

}  // namespace switchyard::policy
