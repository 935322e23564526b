// Helpers for the policy tests: load a policy from text, classify one string.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "policies/policy.h"
#include "policies/policy_impl.h"

namespace switchyard::policy::testing {

inline std::filesystem::path data_dir() {
  return std::filesystem::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/policies/data";
}

inline std::shared_ptr<const Policy> load(const std::string& yaml, bool run_tests = true) {
  return load_policy_text(yaml, data_dir(), run_tests);
}

// The load errors of a policy that must not load (empty when it loads).
inline std::vector<std::string> load_errors(const std::string& yaml) {
  try {
    load(yaml);
  } catch (const PolicyError& e) {
    return e.errors();
  }
  return {};
}

inline std::vector<std::string> rule_ids(const Classification& c) {
  std::vector<std::string> ids;
  for (const auto& m : c.matches) ids.push_back(m.id);
  return ids;
}

}  // namespace switchyard::policy::testing
