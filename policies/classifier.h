// The compiled matcher of a policy: regex rules in one RE2::Set (run on the normalized and the
// decoded view), keyword rules in one Aho-Corasick automaton (run on the keyword view), then each
// candidate confirmed (validators, allow-list, context, min_count). Immutable after compile and
// shared by all threads; classify() never throws and fails closed.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policies/keyword_matcher.h"
#include "policies/normalizer.h"
#include "policies/policy.h"
#include "policies/validators.h"

namespace switchyard::policy {

// A rule after loading: every name resolved, every value checked.
struct RuleDefinition {
  std::string id;
  std::string description;
  std::string category;
  std::string level;
  std::size_t level_index = 0;
  Handling handling = Handling::kVendor;  // the rule's own override, or its level's handling
  bool is_regex = false;
  std::string regex;
  std::vector<std::string> keywords;
  bool case_sensitive = false;
  std::vector<Validator> validators;
  std::vector<std::string> context;
  std::size_t context_window = 64;
  std::vector<std::string> allow;
  std::size_t min_count = 1;
  std::string location;  // FILE:LINE:COL of the rule, for explain and errors
};

struct ClassifierLimits {
  std::size_t max_total_bytes = 8u << 20;     // all segments of one request together
  std::int64_t regex_max_mem = 8 << 20;       // each rule's own RE2
  std::int64_t set_max_mem = 256 << 20;       // the RE2::Set of all regex rules
  std::size_t max_findings_per_rule = 10000;  // further matches are not collected
  NormalizerLimits normalizer;
  // Fault injection for tests (Beast's fail_count idea): the Nth RE2::Set match of one classify()
  // call reports "out of memory". 0 never fails. RE2's many-match DFA resets its cache instead of
  // failing on most budgets, so this is how the fail-closed path is exercised deterministically.
  std::size_t inject_set_failure_at = 0;
};

// RE2 options every policy regex is compiled with (also used by the loader to report errors).
RE2::Options regex_options(const ClassifierLimits& limits);

enum class MatchEngine : std::uint8_t {
  kOnePass,        // RE2::Set + automaton prefilters, the production path
  kEachRuleAlone,  // every rule run on its own over every view: the reference for tests
};

class Classifier {
 public:
  // Compiles; on failure returns nullptr and appends "rule <id>: message" strings to *errors.
  static std::unique_ptr<Classifier> compile(std::vector<RuleDefinition> rules,
                                             std::vector<std::string> levels,
                                             std::vector<Handling> level_handling,
                                             const ClassifierLimits& limits,
                                             std::vector<std::string>* errors);

  Classification classify(std::span<const std::string_view> segments,
                          std::vector<Finding>* findings = nullptr,
                          MatchEngine engine = MatchEngine::kOnePass) const noexcept;

  Handling strictest_handling() const { return strictest_; }
  const std::vector<RuleDefinition>& rules() const { return rules_; }
  const std::vector<std::string>& levels() const { return levels_; }
  std::size_t keyword_count() const { return keywords_.patterns().size(); }
  std::size_t keyword_memory_bytes() const { return keywords_.memory_bytes(); }

 private:
  struct CompiledRule {
    std::unique_ptr<RE2> regex;
    bool value_is_group = false;             // the regex has a capture group: group 1 is the value
    std::vector<std::string> context_forms;  // folded
    std::vector<std::string> allow_exact;    // canonical: folded, no spaces, '-' or '.'
    std::vector<std::string> allow_phrases;  // folded, for "inside an allowed phrase"
  };
  struct Candidate;
  struct Collector;

  Classifier() = default;
  Classification fail(std::string error) const;
  void confirm(std::uint32_t rule, std::uint32_t segment, const NormalizedText& text,
               NormalizedText::ViewKind view, std::size_t begin, std::size_t end,
               Collector* out) const;
  bool run_regex(std::uint32_t rule, std::uint32_t segment, const NormalizedText& text,
                 NormalizedText::ViewKind view, Collector* out) const;
  bool allowed(const CompiledRule& rule, std::string_view view, std::size_t begin,
               std::size_t end) const;

  ClassifierLimits limits_;
  std::vector<RuleDefinition> rules_;
  std::vector<CompiledRule> compiled_;
  std::vector<std::string> levels_;
  std::vector<Handling> level_handling_;
  Handling strictest_ = Handling::kBlock;
  std::unique_ptr<RE2::Set> set_;
  std::vector<std::uint32_t> set_rule_;  // set index -> rule index
  std::vector<std::uint32_t> regex_rules_;
  KeywordMatcher keywords_;
};

}  // namespace switchyard::policy
