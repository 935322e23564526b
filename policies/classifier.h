// The compiled matcher of a policy: regex rules prefiltered on the normalized and the decoded view
// (see RegexPrefilterReport), keyword rules in one Aho-Corasick automaton (run on the keyword
// view), then each candidate confirmed (its own RE2 over the whole view, validators, allow-list,
// context, min_count). Immutable after compile and shared by all threads; classify() never throws
// and fails closed.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policies/atom_scanner.h"
#include "policies/joined_view.h"
#include "policies/keyword_matcher.h"
#include "policies/normalizer.h"
#include "policies/policy.h"
#include "policies/regex_analysis.h"
#include "policies/validators/validators.h"

namespace re2 {
class FilteredRE2;
}

namespace switchyard::policy {

// Words by their first byte (pointers into a list that outlives the index).
struct WordIndex {
  std::array<std::vector<const std::string*>, 256> by_first;
  void build(const std::vector<std::string>& words) {
    for (auto& list : by_first) list.clear();
    for (const auto& word : words) {
      if (!word.empty()) by_first[static_cast<unsigned char>(word[0])].push_back(&word);
    }
  }
};

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
  // Given names that count as context words when written as a name: with a capital first letter
  // and not inside a user handle, an e-mail address or a path (giulia.b, rui.costa@, /home/anna).
  std::vector<std::string> context_names;
  std::vector<std::string> allow;
  std::size_t min_count = 1;
  // Words that make a match a look-alike (SKU, firmware, loyalty): a match is dropped when one of
  // them occurs within exclude_context_window characters before it and no `context` word is
  // nearer.
  std::vector<std::string> exclude_context;
  std::size_t exclude_context_window = 32;
  // exclude_context_around: the words count before and after the match and win over nearer
  // `context` words (a story the user is writing says a character's illness with the same words
  // as a note about a colleague; the story's words anywhere near make it fiction).
  bool exclude_context_around = false;
  // `views`: the views a regex rule matches on. text = the normalized and decoded views (default);
  // joined = the joined view (joined_view.h).
  bool match_text = true;
  bool match_joined = false;
  std::string location;  // FILE:LINE:COL of the rule, for explain and errors
};

struct ClassifierLimits {
  std::size_t max_total_bytes = 8u << 20;     // all segments of one request together
  std::int64_t regex_max_mem = 8 << 20;       // each rule's own RE2
  std::int64_t set_max_mem = 256 << 20;       // each RE2::Set of regex rules (or gates)
  std::size_t max_findings_per_rule = 10000;  // further matches are not collected
  NormalizerLimits normalizer;
  // Fault injection for tests (Beast's fail_count idea): the Nth RE2::Set match of one classify()
  // call (window or whole view, counted across all sets) reports "out of memory". 0 never fails.
  // RE2's many-match DFA resets its cache instead of failing on most budgets, so this is how the
  // fail-closed path is exercised deterministically.
  std::size_t inject_set_failure_at = 0;
};

// RE2 options every policy regex is compiled with (also used by the loader to report errors).
RE2::Options regex_options(const ClassifierLimits& limits);

enum class MatchEngine : std::uint8_t {
  kOnePass,        // prefilters (windows, atoms, RE2::Set, automaton), the production path
  kEachRuleAlone,  // every rule run on its own over every view: the reference for tests
};

// How the one-pass matcher finds candidates for each regex rule. "window": each top-level
// alternative of the rule has a gate (regex_analysis.h); a small RE2::Set of gates runs only on
// windows around the gates' trigger bytes or literals, and a gate match makes the rule a candidate.
// "atoms": FilteredRE2's required strings must occur somewhere in the view. "whole-text": the rule
// is in an RE2::Set run over the whole view (the slow path; the default pack has none). Candidates
// are then run with their own RE2 over the whole view, so all stages give the same result.
struct RegexPrefilterReport {
  struct Rule {
    std::string id;
    std::string stage;   // "window", "atoms" or "whole-text"
    std::string detail;  // the triggers, or why the rule is not windowed
  };
  std::vector<Rule> rules;  // regex rules in rule order
  std::size_t windowed = 0;
  std::size_t atom_gated = 0;
  std::size_t whole_text = 0;
  std::size_t window_sets = 0;  // RE2::Sets of gates (one per trigger group)
  // Keyword phrases found by running the automaton only near their anchors (found by the same
  // literal scan); 0 when the automaton reads every byte.
  std::size_t anchored_keywords = 0;
};

class Classifier {
 public:
  ~Classifier();
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
  const RegexPrefilterReport& regex_prefilter() const { return prefilter_report_; }

 private:
  struct CompiledRule {
    std::unique_ptr<RE2> regex;
    // Capture groups the value is read from (at most kMaxValueGroups): the first one that took
    // part in the match is the value; none, or none taking part, and the whole match is.
    int value_groups = 0;
    std::vector<std::string> context_forms;  // folded
    std::vector<std::string> allow_exact;    // canonical: folded, no spaces, '-' or '.'
    std::vector<std::string> allow_phrases;  // folded, for "inside an allowed phrase"
    std::vector<std::string> exclude_forms;  // folded
    WordIndex context_index;                 // of context_forms
    std::vector<std::string> name_forms;     // folded, of context_names
    WordIndex name_index;                    // of name_forms
    WordIndex exclude_index;                 // of exclude_forms
  };
  struct Candidate;
  struct Collector;
  // Gates that share a trigger: one RE2::Set run on the windows around qualifying triggers.
  struct WindowGroup {
    int byte_class = -1;        // scanner byte class; -1: the literal triggers
    std::size_t min_count = 1;  // trigger bytes within `span` units of each other
    std::size_t span = 0;       // units: bytes, or non-space characters when `nonspace`
    std::size_t before = 0;     // units of a gate match before a trigger
    std::size_t after = 0;      // ... and from the trigger on
    bool nonspace = false;
    // Byte counts every gate match also has, counted in [trigger - before, trigger + after).
    std::vector<std::pair<ByteSet, std::size_t>> also;
    std::vector<std::vector<std::pair<std::uint8_t, std::uint8_t>>> also_ranges;  // of each set
    std::vector<std::array<std::uint8_t, 256>> also_members;  // of each set: 1 for its bytes
    // Byte counts every gate match of the group has (any units), as ranges: a window (merged or
    // not) with fewer holds no gate match, and its RE2::Set is not run.
    std::vector<std::pair<std::vector<std::pair<std::uint8_t, std::uint8_t>>, std::size_t>>
        window_needs;
    std::unique_ptr<RE2::Set> set;
    std::vector<std::uint32_t> set_rule;  // set index -> rule
  };
  static constexpr int kAtomLiteral = -1;
  static constexpr int kKeywordAnchor = -2;
  // A literal whose hits are places for the joined view (JoinedView::triggers), not a gate.
  static constexpr int kJoinTrigger = std::numeric_limits<int>::min();
  struct LiteralTrigger {
    std::size_t before = 0;
    std::size_t after = 0;
    bool nonspace = false;
  };
  struct AtomGate {
    std::uint32_t rule;
    std::unique_ptr<re2::FilteredRE2> filter;  // of this rule alone
    std::vector<int> scanner_literal;          // filter atom id -> scanner literal
  };

  Classifier() = default;
  bool plan_regex_prefilter(const RE2::Options& set_options, std::vector<std::string>* errors);
  Classification fail(std::string error) const;
  // Validators, allow-list, context and exclude_context of one match in a view.
  bool accepts(std::uint32_t rule, std::string_view view, std::size_t begin, std::size_t end) const;
  void confirm(std::uint32_t rule, std::uint32_t segment, const NormalizedText& text,
               NormalizedText::ViewKind view, std::size_t begin, std::size_t end,
               Collector* out) const;
  // The rules that list the joined view, run on it (after every segment's own views).
  bool match_joined(std::span<const NormalizedText> texts, const JoinedView& joined,
                    MatchEngine engine, std::size_t* set_calls, Collector* out,
                    std::string* error) const;
  bool run_regex(std::uint32_t rule, std::uint32_t segment, const NormalizedText& text,
                 NormalizedText::ViewKind view, Collector* out) const;
  bool allowed(const CompiledRule& rule, std::string_view view, std::size_t begin,
               std::size_t end) const;
  // Marks (*candidates)[rule] for every regex rule that may match `view`. False on a matcher
  // failure (*error set).
  struct Scratch;
  struct Workspace;
  // Appends every keyword anchor found in `view` to *keyword_anchors when given.
  // Appends the positions of joined-view triggers to *join_hints when given.
  bool find_candidates(std::string_view view, Scratch* scratch, std::vector<char>* candidates,
                       std::size_t* set_calls,
                       std::vector<KeywordMatcher::AnchorHit>* keyword_anchors,
                       JoinHints* join_hints, std::string* error) const;
  // `patterns`: how many the set holds.
  bool match_set(const RE2::Set& set, std::size_t patterns, std::string_view text,
                 std::vector<int>* hits, std::size_t* set_calls, std::string* error) const;

  ClassifierLimits limits_;
  std::vector<RuleDefinition> rules_;
  std::vector<CompiledRule> compiled_;
  std::vector<std::string> levels_;
  std::vector<Handling> level_handling_;
  Handling strictest_ = Handling::kBlock;
  std::unique_ptr<RE2::Set> set_;            // the whole-text rules
  std::vector<std::uint32_t> set_rule_;      // set index -> rule index
  std::vector<std::uint32_t> regex_rules_;   // rules matched on the text views
  std::vector<char> text_regex_;             // by rule: one of regex_rules_
  std::vector<std::uint32_t> joined_rules_;  // rules matched on the joined view
  std::unique_ptr<RE2::Set> joined_set_;     // of joined_rules_
  std::vector<char> group_feeds_join_;       // by window group: a gate of a joined rule
  int join_digit_class_ = -1;                // scanner class reporting dense digit runs
  TriggerScanner scanner_;
  std::vector<WindowGroup> window_groups_;
  // By scanner byte class: the window groups it triggers, as a bit set of kGroupWords words.
  std::vector<std::uint64_t> class_groups_;
  std::size_t group_words_ = 0;
  // A literal's users (a scanner literal has one per window group, keyword anchor or join
  // trigger that asks for it): user -> its window, user -> window group, kAtomLiteral, or
  // kKeywordAnchor - keyword anchor index.
  std::vector<LiteralTrigger> literal_triggers_;
  std::vector<int> literal_group_;
  // Scanner literal s -> its users, literal_users_[literal_user_begin_[s] .. [s + 1]).
  std::vector<std::uint32_t> literal_user_begin_;
  std::vector<std::uint32_t> literal_users_;
  std::vector<std::uint32_t> fold_sensitive_rules_;  // candidates if the view has U+017F/U+212A
  std::vector<AtomGate> atom_gates_;
  RegexPrefilterReport prefilter_report_;
  KeywordMatcher keywords_;
};

}  // namespace switchyard::policy
