// One pass per view, then per-rule confirmation (see classifier.h).
#include "policies/classifier.h"

#include <re2/filtered_re2.h>
#include <unicode/uniset.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <exception>
#include <map>
#include <tuple>

#include "policies/normalizer.h"
#include "policies/regex_analysis.h"
#include "policies/window_builder.h"

namespace switchyard::policy {

namespace {

using ViewKind = NormalizedText::ViewKind;

std::string_view view_name(ViewKind kind) {
  switch (kind) {
    case ViewKind::kNormalized:
      return "normalized";
    case ViewKind::kDecoded:
      return "decoded";
    case ViewKind::kKeyword:
      return "keyword";
  }
  return "normalized";
}

std::string folded(std::string_view text) {
  std::string out;
  fold_case_same_length(text, &out);
  return out;
}

// NFKC-normalized, case-folded: how context words and allowed phrases are compared with a window
// of a view.
std::string comparison_form(std::string_view text) {
  std::string current(text);
  bool ascii = true;
  if (is_valid_utf8(current, &ascii) && !ascii) {
    std::string next;
    OffsetMap map;
    if (normalize_unicode(current, &next, &map)) current.swap(next);
  }
  return folded(current);
}

// Allow-list entries compare without case, spaces, '-' and '.': "4111 1111 1111 1111" also allows
// "4111-1111-1111-1111".
std::string canonical_value(std::string_view text) {
  std::string out;
  for (char c : folded(text)) {
    if (c == ' ' || c == '-' || c == '.' || c == '\t' || c == '\n' || c == '\r') continue;
    out.push_back(c);
  }
  return out;
}

void add_unique(std::vector<std::string>* list, std::string value) {
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) == list->end())
    list->push_back(std::move(value));
}

// Moves `offset` by `chars` code points (never splits a character).
std::size_t step_back(std::string_view text, std::size_t offset, std::size_t chars) {
  while (offset > 0 && chars > 0) {
    --offset;
    while (offset > 0 && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) --offset;
    --chars;
  }
  return offset;
}
std::size_t step_forward(std::string_view text, std::size_t offset, std::size_t chars) {
  while (offset < text.size() && chars > 0) {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
      ++offset;
    }
    --chars;
  }
  return offset;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Capture groups a rule's value may be read from (the first that took part in a match).
constexpr int kMaxValueGroups = 4;

// Keyword lists up to this size are found near anchors from the literal scan (see
// plan_regex_prefilter); longer ones run the automaton over every byte. The default pack alone
// has about 250 phrases, so an organization's overlay must fit too: on 1 MiB of prose, default +
// 600 customer names is 18.7 M instructions anchored and 23.6 M with the full pass; only when
// every anchor is a common word of the text (600 phrases made of the prose's own words) does the
// full pass win (23.6 M against 26.6 M). docs/benchmarks.md, "Keyword anchors for overlays".
constexpr std::size_t kMaxAnchoredKeywords = 1024;
// Texts past this size do not leave their scratch storage with the thread (Classifier::Workspace).
constexpr std::size_t kLargeText = std::size_t{4} << 20;

// A byte set as ranges [lo, hi].
std::vector<std::pair<std::uint8_t, std::uint8_t>> byte_ranges(const ByteSet& set) {
  std::vector<std::pair<std::uint8_t, std::uint8_t>> out;
  for (int b = 0; b < 256; ++b) {
    if (!set[static_cast<std::size_t>(b)]) continue;
    int e = b;
    while (e + 1 < 256 && set[static_cast<std::size_t>(e + 1)]) ++e;
    out.emplace_back(static_cast<std::uint8_t>(b), static_cast<std::uint8_t>(e));
    b = e;
  }
  return out;
}

// FilteredRE2 lowercases its atoms; the scanner folds ASCII only, so an atom with a non-ASCII
// character that has case could be missed in the text.
bool atoms_are_scannable(const std::vector<std::string>& atoms) {
  for (const auto& atom : atoms) {
    if (atom.size() < 2) return false;  // the scanner's literals have at least two bytes
    std::size_t i = 0;
    while (i < atom.size()) {
      if (static_cast<unsigned char>(atom[i]) < 0x80) {
        ++i;
        continue;
      }
      std::size_t length = 0;
      const std::uint32_t cp = decode_utf8_at(atom, i, &length);
      icu::UnicodeSet set(static_cast<UChar32>(cp), static_cast<UChar32>(cp));
      set.closeOver(USET_CASE_INSENSITIVE);
      set.removeAllStrings();
      if (set.size() != 1) return false;
      i += std::max<std::size_t>(length, 1);
    }
  }
  return true;
}

}  // namespace

Classifier::~Classifier() = default;

RE2::Options regex_options(const ClassifierLimits& limits) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(limits.regex_max_mem);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return options;
}

struct Classifier::Candidate {
  std::uint32_t rule;
  std::uint32_t segment;
  std::size_t begin;
  std::size_t end;
  ViewKind view;
  std::string value;    // only when findings are requested
  bool joined = false;  // found in the joined view (`view` is then meaningless)
};

struct Classifier::Collector {
  std::vector<Candidate> confirmed;
  std::vector<std::size_t> per_rule;   // findings by rule: zero but for the rules in `counted`
  std::vector<std::uint32_t> counted;  // (so a call clears what it counted, not every rule)
  bool keep_values = false;

  void count(std::uint32_t rule) {
    if (per_rule[rule]++ == 0) counted.push_back(rule);
  }
  void reset(std::size_t rules) {
    for (std::uint32_t r : counted) per_rule[r] = 0;
    counted.clear();
    per_rule.resize(rules);
  }
};

std::unique_ptr<Classifier> Classifier::compile(std::vector<RuleDefinition> rules,
                                                std::vector<std::string> levels,
                                                std::vector<Handling> level_handling,
                                                const ClassifierLimits& limits,
                                                std::vector<std::string>* errors) {
  std::unique_ptr<Classifier> c(new Classifier());
  c->limits_ = limits;
  c->rules_ = std::move(rules);
  c->levels_ = std::move(levels);
  c->level_handling_ = std::move(level_handling);
  c->strictest_ = Handling::kVendor;
  for (Handling h : c->level_handling_) c->strictest_ = std::max(c->strictest_, h);
  for (const auto& rule : c->rules_) c->strictest_ = std::max(c->strictest_, rule.handling);
  // A pattern's letters with diacritics also match as typed without them (normalizer.h); every
  // use of the pattern below (the rule's RE2, the sets, the prefilter's analysis) sees this form.
  for (auto& rule : c->rules_) {
    if (rule.is_regex) rule.regex = diacritic_tolerant_regex(rule.regex);
  }

  RE2::Options set_options = regex_options(limits);
  set_options.set_max_mem(limits.set_max_mem);
  c->set_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  std::vector<KeywordPattern> patterns;
  bool ok = true;
  c->compiled_.resize(c->rules_.size());
  c->text_regex_.assign(c->rules_.size(), 0);
  for (std::uint32_t r = 0; r < c->rules_.size(); ++r) {
    const RuleDefinition& rule = c->rules_[r];
    CompiledRule& compiled = c->compiled_[r];
    // Words and values also as typed without diacritics (normalizer.h).
    for (const auto& written : rule.context) {
      for (const auto& word : plain_spellings(written)) {
        add_unique(&compiled.context_forms, comparison_form(word));
        add_unique(&compiled.context_forms, folded(KeywordMatcher::keyword_form(word)));
      }
    }
    for (const auto& written : rule.context_names) {
      for (const auto& name : plain_spellings(written)) {
        add_unique(&compiled.name_forms, comparison_form(name));
      }
    }
    for (const auto& written : rule.exclude_context) {
      for (const auto& word : plain_spellings(written)) {
        add_unique(&compiled.exclude_forms, comparison_form(word));
        add_unique(&compiled.exclude_forms, folded(KeywordMatcher::keyword_form(word)));
      }
    }
    for (const auto& written : rule.allow) {
      for (const auto& value : plain_spellings(written)) {
        add_unique(&compiled.allow_exact, canonical_value(comparison_form(value)));
        add_unique(&compiled.allow_exact, canonical_value(KeywordMatcher::keyword_form(value)));
        add_unique(&compiled.allow_phrases, comparison_form(value));
        add_unique(&compiled.allow_phrases, folded(KeywordMatcher::keyword_form(value)));
      }
    }
    if (rule.is_regex) {
      compiled.regex = std::make_unique<RE2>(rule.regex, regex_options(limits));
      if (!compiled.regex->ok()) {
        errors->push_back("rule " + rule.id + ": regex: " +
                          (compiled.regex->error_code() == RE2::ErrorPatternTooLarge
                               ? "exceeds the RE2 memory budget of " +
                                     std::to_string(limits.regex_max_mem) + " bytes"
                               : compiled.regex->error()));
        ok = false;
        continue;
      }
      compiled.value_groups = std::min(compiled.regex->NumberOfCapturingGroups(), kMaxValueGroups);
      if (rule.match_text) {
        c->regex_rules_.push_back(r);
        c->text_regex_[r] = 1;
      }
      if (rule.match_joined) c->joined_rules_.push_back(r);
    } else {
      for (const auto& written : rule.keywords) {
        for (const auto& keyword : plain_spellings(written)) {
          KeywordPattern pattern;
          pattern.text = KeywordMatcher::keyword_form(keyword);
          pattern.rule = r;
          pattern.case_sensitive = rule.case_sensitive;
          if (!KeywordMatcher::has_matchable_bytes(pattern.text)) {
            errors->push_back("rule " + rule.id + ": keyword '" + keyword +
                              "' has nothing to match besides separators");
            ok = false;
            continue;
          }
          patterns.push_back(std::move(pattern));
        }
      }
    }
  }
  if (!ok) return nullptr;
  for (auto& compiled : c->compiled_) {
    compiled.context_index.build(compiled.context_forms);
    compiled.name_index.build(compiled.name_forms);
    compiled.exclude_index.build(compiled.exclude_forms);
  }
  c->keywords_.build(std::move(patterns));
  if (!c->joined_rules_.empty()) {
    c->joined_set_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
    for (std::uint32_t r : c->joined_rules_) {
      std::string error;
      if (c->joined_set_->Add(c->rules_[r].regex, &error) < 0) {
        errors->push_back("rule " + c->rules_[r].id + ": regex: " + error);
        return nullptr;
      }
    }
    if (!c->joined_set_->Compile()) {
      errors->push_back("the joined-view rules together exceed the RE2 memory budget of " +
                        std::to_string(limits.set_max_mem >> 20) + " MiB");
      return nullptr;
    }
  }
  if (!c->plan_regex_prefilter(set_options, errors)) return nullptr;
  return c;
}

// Assigns every regex rule to a prefilter stage (RegexPrefilterReport) and compiles the stages.
bool Classifier::plan_regex_prefilter(const RE2::Options& set_options,
                                      std::vector<std::string>* errors) {
  // Scanner byte classes: a byte set and a bucket of min_count, so that a class needed only in
  // dense clusters is not reported everywhere because another rule wants single bytes of it.
  std::vector<std::pair<ByteSet, int>> classes;
  auto k_bucket = [](const RegexGate& gate) {
    if (gate.nonspace || gate.min_count <= 1) return 0;
    return gate.min_count <= 3 ? 1 : gate.min_count <= 7 ? 2 : 3;
  };
  std::vector<TriggerScanner::Literal> literals;
  // Byte gates are grouped by class, min_count, units and further counts; literal gates get one
  // group (RE2::Set) per rule, so that a literal's window runs only the gates that need it.
  std::map<std::tuple<int, std::size_t, bool, std::string>, std::size_t> byte_groups;
  struct PendingGate {
    std::size_t group;
    std::string regex;
    std::uint32_t rule;
  };
  std::vector<PendingGate> pending;
  bool exotic_matters = false;
  // A literal's users: its window group (or keyword anchor, join trigger) with its window. The
  // scanner holds each literal (text and word boundaries) once, however many rules use it: a
  // copy per rule crowded the scan's buckets as much as a new literal (atom_scanner.h).
  std::map<std::tuple<std::string, bool, bool>, std::size_t> scanner_ids;
  std::vector<std::vector<std::uint32_t>> users_of;  // by scanner literal
  auto literal_id = [&](const TriggerScanner::Literal& lit, int group) {
    const auto [it, added] =
        scanner_ids.try_emplace({lit.text, lit.word_start, lit.word_end}, literals.size());
    if (added) {
      literals.push_back(lit);
      users_of.emplace_back();
    }
    auto& users = users_of[it->second];
    for (const std::uint32_t user : users) {
      if (literal_group_[user] == group) return std::size_t{user};
    }
    users.push_back(static_cast<std::uint32_t>(literal_group_.size()));
    literal_group_.push_back(group);
    literal_triggers_.emplace_back();
    return literal_group_.size() - 1;
  };

  // First each rule on its own, then again knowing which byte sets the other rules scan anyway
  // (a rule may then trigger on those for free instead of adding a set of its own).
  std::vector<std::vector<ByteSet>> own_sets(rules_.size());
  for (std::uint32_t r : regex_rules_) {
    if (const auto first = plan_gates(rules_[r].regex)) {
      for (const auto& gate : first->gates) {
        if (gate.min_count > 0) own_sets[r].push_back(gate.trigger_bytes);
      }
    }
  }
  for (std::uint32_t r : regex_rules_) {
    const RuleDefinition& rule = rules_[r];
    RegexPrefilterReport::Rule entry{rule.id, "", ""};
    int literal_group = -1;
    std::string why;
    std::vector<ByteSet> scanned;
    for (std::uint32_t other : regex_rules_) {
      if (other == r) continue;
      for (const auto& set : own_sets[other]) {
        if (std::find(scanned.begin(), scanned.end(), set) == scanned.end()) {
          scanned.push_back(set);
        }
      }
    }
    auto plan = plan_gates(rule.regex, &why, scanned);
    if (plan) {
      // Every gate must compile as RE2 does, and byte triggers must fit the scanner.
      std::size_t new_classes = 0;
      for (const auto& gate : plan->gates) {
        RE2 check(gate.regex, regex_options(limits_));
        if (!check.ok()) {
          why = "gate rejected by RE2: " + check.error();
          plan.reset();
          break;
        }
        if (gate.min_count > 0 &&
            std::find(classes.begin(), classes.end(),
                      std::make_pair(gate.trigger_bytes, k_bucket(gate))) == classes.end()) {
          ++new_classes;
        }
      }
      if (plan && classes.size() + new_classes > TriggerScanner::kMaxClasses) {
        why = "too many distinct trigger byte sets";
        plan.reset();
      }
    }
    if (plan) {
      for (const auto& gate : plan->gates) {
        std::size_t group = 0;
        if (gate.min_count > 0) {
          const auto class_key = std::make_pair(gate.trigger_bytes, k_bucket(gate));
          auto it = std::find(classes.begin(), classes.end(), class_key);
          const int cls = static_cast<int>(it - classes.begin());
          if (it == classes.end()) classes.push_back(class_key);
          std::string also;
          for (const auto& [set, count] : gate.also)
            also += set.to_string() + std::to_string(count);
          const auto key = std::make_tuple(cls, gate.min_count, gate.nonspace, also);
          auto found = byte_groups.find(key);
          if (found == byte_groups.end()) {
            found = byte_groups.emplace(key, window_groups_.size()).first;
            window_groups_.emplace_back();
            window_groups_.back().byte_class = cls;
            window_groups_.back().min_count = gate.min_count;
            window_groups_.back().nonspace = gate.nonspace;
            window_groups_.back().also = gate.also;
            for (const auto& [set, count] : gate.also) {
              window_groups_.back().also_ranges.push_back(byte_ranges(set));
              auto& member = window_groups_.back().also_members.emplace_back();
              for (std::size_t b = 0; b < 256; ++b) member[b] = set[b] ? 1 : 0;
            }
          }
          group = found->second;
          window_groups_[group].span = std::max(window_groups_[group].span, gate.span);
          window_groups_[group].before = std::max(window_groups_[group].before, gate.before);
          window_groups_[group].after = std::max(window_groups_[group].after, gate.after);
        } else {
          if (literal_group < 0) {
            literal_group = static_cast<int>(window_groups_.size());
            window_groups_.emplace_back();
          }
          group = static_cast<std::size_t>(literal_group);
          for (const auto& lit : gate.literals) {
            const std::size_t id =
                literal_id({lit.text, lit.word_start, lit.word_end}, literal_group);
            LiteralTrigger& trigger = literal_triggers_[id];
            trigger.before = std::max(trigger.before, gate.before);
            trigger.after = std::max(trigger.after, gate.after);
            // A window counted in non-space characters holds at least as much as one in bytes.
            trigger.nonspace = trigger.nonspace || gate.nonspace;
          }
          if (gate.fold_sensitive) {
            exotic_matters = true;
            if (std::find(fold_sensitive_rules_.begin(), fold_sensitive_rules_.end(), r) ==
                fold_sensitive_rules_.end()) {
              fold_sensitive_rules_.push_back(r);
            }
          }
        }
        pending.push_back({group, gate.regex, r});
        if (!entry.detail.empty()) entry.detail += "; ";
        entry.detail += gate.describe();
      }
      entry.stage = "window";
      ++prefilter_report_.windowed;
      prefilter_report_.rules.push_back(std::move(entry));
      continue;
    }
    // FilteredRE2's required strings, anywhere in the view (this rule alone, so that its atoms can
    // be checked). Atoms are lowercased: treat every such rule as fold-sensitive.
    auto filter = std::make_unique<re2::FilteredRE2>(3);
    int filter_id = -1;
    std::vector<std::string> atoms;
    std::vector<int> unfiltered;
    if (filter->Add(rule.regex, regex_options(limits_), &filter_id) == RE2::NoError) {
      filter->Compile(&atoms);
      filter->AllPotentials({}, &unfiltered);
    }
    if (filter_id >= 0 && unfiltered.empty() && !atoms.empty() && atoms_are_scannable(atoms)) {
      AtomGate gate{r, std::move(filter), {}};
      for (const auto& atom : atoms) {
        gate.scanner_literal.push_back(static_cast<int>(literal_id({atom, false, false}, -1)));
      }
      atom_gates_.push_back(std::move(gate));
      exotic_matters = true;
      entry.stage = "atoms";
      entry.detail = why + "; " + std::to_string(atoms.size()) + " atoms";
      ++prefilter_report_.atom_gated;
      prefilter_report_.rules.push_back(std::move(entry));
      continue;
    }
    std::string error;
    if (set_->Add(rule.regex, &error) < 0) {
      errors->push_back("rule " + rule.id + ": regex: " + error);
      return false;
    }
    set_rule_.push_back(r);
    entry.stage = "whole-text";
    entry.detail = why;
    ++prefilter_report_.whole_text;
    prefilter_report_.rules.push_back(std::move(entry));
  }

  const std::string budget = "the regex rules together exceed the RE2 memory budget of " +
                             std::to_string(limits_.set_max_mem >> 20) + " MiB";
  for (auto& group : window_groups_) {
    group.set = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  }
  for (const auto& gate : pending) {
    WindowGroup& group = window_groups_[gate.group];
    std::string error;
    if (group.set->Add(gate.regex, &error) < 0) {
      errors->push_back("rule " + rules_[gate.rule].id + ": prefilter gate: " + error);
      return false;
    }
    group.set_rule.push_back(gate.rule);
  }
  for (auto& group : window_groups_) {
    if (!group.set->Compile()) {
      errors->push_back(budget);
      return false;
    }
  }
  if (!set_rule_.empty() && !set_->Compile()) {
    errors->push_back(budget);
    return false;
  }
  prefilter_report_.window_sets = window_groups_.size();
  // What every gate match of a group holds besides its trigger (rare in prose first). Then, if
  // that leaves room, a punctuation byte that prose rarely has (the '|' of a Markdown table, the
  // '=' of an assignment): a group whose gates all need one skips the windows of prose without it.
  {
    ByteSet digits, upper, nonascii;
    for (int b = '0'; b <= '9'; ++b) digits.set(static_cast<std::size_t>(b));
    for (int b = 'A'; b <= 'Z'; ++b) upper.set(static_cast<std::size_t>(b));
    for (int b = 0xC2; b <= 0xF4; ++b) nonascii.set(static_cast<std::size_t>(b));
    std::vector<ByteSet> candidates = {nonascii, digits, upper, digits | upper};
    for (const char c : std::string_view("|`\\$%{}[]\t#_*&@=<>;")) {
      ByteSet one;
      one.set(static_cast<unsigned char>(c));
      candidates.push_back(one);
    }
    std::vector<std::vector<std::string>> gate_regex(window_groups_.size());
    for (const auto& gate : pending) gate_regex[gate.group].push_back(gate.regex);
    for (std::size_t g = 0; g < window_groups_.size(); ++g) {
      std::vector<std::pair<ByteSet, std::size_t>> kept;
      for (const ByteSet& set : candidates) {
        std::size_t need = kUnboundedLength;
        for (const auto& regex : gate_regex[g]) need = std::min(need, min_byte_count(regex, set));
        if (need == 0 || need == kUnboundedLength) continue;
        // A need that one already kept implies (a subset of this set, as many bytes) is skipped:
        // "3 digits" makes "3 digits or capitals" a second count of the same window for nothing.
        const bool implied = std::any_of(kept.begin(), kept.end(), [&](const auto& k) {
          return (k.first & ~set).none() && k.second >= need;
        });
        if (implied) continue;
        kept.emplace_back(set, need);
        window_groups_[g].window_needs.emplace_back(byte_ranges(set), need);
        if (window_groups_[g].window_needs.size() == 2) break;
      }
    }
  }
  // The scanner may drop bytes of a class far from min_count of them (bytes units only).
  std::vector<TriggerScanner::ClassSpec> specs(classes.size());
  for (std::size_t c = 0; c < classes.size(); ++c) {
    specs[c].bytes = classes[c].first;
    specs[c].min_count = kUnboundedLength;
  }
  for (const auto& group : window_groups_) {
    if (group.byte_class < 0) continue;
    auto& spec = specs[static_cast<std::size_t>(group.byte_class)];
    spec.min_count =
        (group.nonspace || group.min_count <= 1) ? 1 : std::min(spec.min_count, group.min_count);
    spec.span = std::max(spec.span, group.span);
    // Non-space counts are read only to find runs of k > 1 triggers in non-space units (below,
    // find_candidates): a group of single triggers in those units (the name fields' ':', which
    // prose has) does not need the scan to count every 32 bytes' spaces.
    spec.nonspace = spec.nonspace || (group.nonspace && group.min_count > 1);
  }
  // Small keyword lists ride on the literal scan: their anchors are more literals, and the
  // automaton then reads only around them. Long lists (a customer list) would make the literal
  // scan stop at most positions; the automaton reads every byte faster than that.
  if (!regex_rules_.empty() && keywords_.anchored() &&
      keywords_.patterns().size() <= kMaxAnchoredKeywords) {
    const auto& anchors = keywords_.anchors();
    for (std::size_t a = 0; a < anchors.size(); ++a) {
      literal_id({anchors[a].text, false, false}, kKeywordAnchor - static_cast<int>(a));
    }
    prefilter_report_.anchored_keywords = keywords_.patterns().size();
  }
  // The joined view's triggers ride on the same scan: number words, at/dot words, the literals of
  // the rules that match on it (where a key may be wrapped or split), and dense digit runs.
  group_feeds_join_.assign(window_groups_.size(), 0);
  if (!joined_rules_.empty()) {
    for (const auto& trigger : JoinedView::triggers()) {
      literal_id({trigger.text, trigger.word, trigger.word}, kJoinTrigger);
    }
    for (std::size_t g = 0; g < window_groups_.size(); ++g) {
      if (window_groups_[g].byte_class >= 0) continue;
      for (std::uint32_t r : window_groups_[g].set_rule) {
        if (rules_[r].match_joined) group_feeds_join_[g] = 1;
      }
    }
    ByteSet digits;
    for (int c = '0'; c <= '9'; ++c) digits.set(static_cast<std::size_t>(c));
    // A class that already reports every digit near nine within 32 bytes will do.
    for (std::size_t c = 0; c < specs.size(); ++c) {
      if (specs[c].bytes == digits && !specs[c].nonspace && specs[c].min_count <= 9 &&
          (specs[c].min_count <= 1 || specs[c].span >= 32)) {
        join_digit_class_ = static_cast<int>(c);
      }
    }
    if (join_digit_class_ < 0 && specs.size() < TriggerScanner::kMaxClasses) {
      TriggerScanner::ClassSpec spec;
      spec.bytes = digits;
      spec.min_count = 9;
      spec.span = 32;
      join_digit_class_ = static_cast<int>(specs.size());
      specs.push_back(spec);
    }
  }
  group_words_ = (window_groups_.size() + 63) / 64;
  class_groups_.assign(specs.size() * group_words_, 0);
  for (std::size_t g = 0; g < window_groups_.size(); ++g) {
    const int cls = window_groups_[g].byte_class;
    if (cls >= 0)
      class_groups_[static_cast<std::size_t>(cls) * group_words_ + g / 64] |= 1ull << (g % 64);
  }
  literal_user_begin_.assign(1, 0);
  literal_users_.clear();
  for (const auto& users : users_of) {
    literal_users_.insert(literal_users_.end(), users.begin(), users.end());
    literal_user_begin_.push_back(static_cast<std::uint32_t>(literal_users_.size()));
  }
  scanner_.build(specs, std::move(literals), exotic_matters);
  return true;
}

Classification Classifier::fail(std::string error) const {
  Classification result;
  result.handling = strictest_;
  result.level = levels_.empty() ? std::string() : levels_.back();
  result.classifier_error = true;
  result.error = std::move(error);
  return result;
}

bool Classifier::allowed(const CompiledRule& rule, std::string_view view, std::size_t begin,
                         std::size_t end) const {
  if (rule.allow_exact.empty()) return false;
  const std::string value = canonical_value(view.substr(begin, end - begin));
  if (std::find(rule.allow_exact.begin(), rule.allow_exact.end(), value) !=
      rule.allow_exact.end()) {
    return true;
  }
  // Inside a longer allowed phrase ("Halcyon Days" allows the "Halcyon" in it).
  const std::size_t value_chars = code_points(view.substr(begin, end - begin));
  for (const auto& phrase : rule.allow_phrases) {
    const std::size_t phrase_chars = code_points(phrase);
    if (phrase_chars <= value_chars) continue;
    const std::size_t window_begin = step_back(view, begin, phrase_chars);
    const std::size_t window_end = step_forward(view, end, phrase_chars);
    const std::string window = folded(view.substr(window_begin, window_end - window_begin));
    for (std::size_t at = window.find(phrase); at != std::string::npos;
         at = window.find(phrase, at + 1)) {
      if (window_begin + at <= begin && window_begin + at + phrase.size() >= end) return true;
    }
  }
  return false;
}

namespace {

// Bytes between [begin, end) of `view` and the nearest whole-word occurrence of one of `words`
// (folded, indexed by first byte) within `window_chars` characters on either side (before it
// only, with before_only); npos when there is none. Looks only where a word starts with a byte
// some word starts with: a long list of context words costs little more than a short one.
// The length of a context word at `at` of a folded window, 0 if it is not there. A space or hyphen
// inside the word also matches `_`, as a column or field name writes the label (steuer_id, tax_id,
// date_of_birth), and a space also matches nothing before a capital, as a camelCase name writes
// it (taxId, homePhone, dateOfBirth); `written` is the window as written when folding kept its
// length (else empty: no camelCase then), to see the capitals.
std::size_t context_word_at(std::string_view window, std::size_t at, std::string_view word,
                            std::string_view written) {
  std::size_t j = at;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const char w = j < window.size() ? window[j] : '\0';
    if (j < window.size() && (w == c || (w == '_' && (c == ' ' || c == '-')))) {
      ++j;
      continue;
    }
    if (c == ' ' && i > 0 && i + 1 < word.size() && j < written.size() && j > 0 &&
        window[j] == word[i + 1] && written[j] >= 'A' && written[j] <= 'Z' &&
        written[j - 1] >= 'a' && written[j - 1] <= 'z') {
      continue;
    }
    return 0;
  }
  return j - at;
}

// The value of a match: the first capture group that took part in it (alternatives of one rule
// may hold their value in different groups, as RE2 has no branch reset), else the whole match.
std::pair<std::size_t, std::size_t> match_value(std::string_view view_text,
                                                const re2::StringPiece* groups, int value_groups) {
  for (int g = 1; g <= value_groups; ++g) {
    if (groups[g].data() == nullptr) continue;
    const auto begin = static_cast<std::size_t>(groups[g].data() - view_text.data());
    return {begin, begin + groups[g].size()};
  }
  const auto begin = static_cast<std::size_t>(groups[0].data() - view_text.data());
  return {begin, begin + groups[0].size()};
}

// Bytes between a word at [word_begin, word_end) and a match at [begin, end); npos when the word
// is part of the match itself.
std::size_t distance_to(std::size_t word_begin, std::size_t word_end, std::size_t begin,
                        std::size_t end) {
  if (word_end <= begin) return begin - word_end;
  if (word_begin >= end) return word_begin - end;
  return std::string::npos;
}

std::size_t nearest_word(std::string_view view, std::size_t begin, std::size_t end,
                         std::size_t window_chars, const WordIndex& words,
                         bool before_only = false) {
  const std::size_t window_begin = step_back(view, begin, window_chars);
  const std::size_t window_end = before_only ? begin : step_forward(view, end, window_chars);
  const std::string_view written = view.substr(window_begin, window_end - window_begin);
  const std::string window = folded(written);
  const std::string_view aligned = window.size() == written.size() ? written : std::string_view();
  std::size_t best = std::string::npos;
  for (std::size_t at = 0; at < window.size(); ++at) {
    const auto& candidates = words.by_first[static_cast<unsigned char>(window[at])];
    if (candidates.empty()) continue;
    for (const std::string* word : candidates) {
      const std::size_t length = context_word_at(window, at, *word, aligned);
      if (length == 0) continue;
      if (violates_word_boundary(window, at, at + length)) continue;
      best = std::min(best, distance_to(window_begin + at, window_begin + at + length, begin, end));
    }
  }
  return best;
}

// Words after which a given name names nobody's record: a doctor's or a professor's title (a
// talk, a leaflet, a clinic's page: Dr. Anna Weber explains ...) and a saint's, as hospitals and
// places are named (San Giovanni, Sant'Anna, Saint-Louis, Sint Antonius, São João).
constexpr std::string_view kTitlesBeforeName[] = {
    "dr",         "dra",      "drs",   "dres",   "prof",   "profa",   "dott",       "dottor",
    "dottore",    "med",      "doc",   "doctor", "doktor", "docteur", "dottoressa", "professor",
    "professeur", "profesor", "san",   "santa",  "sant",   "santo",   "s\xC3\xA3o", "saint",
    "sainte",     "sint",     "sankt", "st",     "ste"};

// True when the word before `at` in `text` (across a space, '.', '-' or an apostrophe) is one of
// kTitlesBeforeName.
bool after_title(std::string_view text, std::size_t at) {
  std::size_t end = at;
  std::size_t skipped = 0;
  while (end > 0 && skipped < 3) {
    const char c = text[end - 1];
    if (c == ' ' || c == '\t' || c == '.' || c == '-' || c == '\'') {
      --end;
      ++skipped;
    } else if (end >= 3 && text.substr(end - 3, 3) == "\xE2\x80\x99") {  // ’
      end -= 3;
      ++skipped;
    } else {
      break;
    }
  }
  if (skipped == 0) return false;
  std::size_t start = end;
  while (start > 0 && end - start < 12) {
    const auto b = static_cast<unsigned char>(text[start - 1]);
    if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80)) break;
    --start;
  }
  if (start == end) return false;
  const std::string word = folded(text.substr(start, end - start));
  for (const std::string_view title : kTitlesBeforeName) {
    if (word == title) return true;
  }
  return false;
}

// Bytes between [begin, end) of `view` and the nearest given name of `names` within
// `window_chars` characters on either side, as nearest_word, counting only a name written as one:
// its first letter a capital (Florian, FLORIAN; florian is also a user's handle or a word), a
// whole word, not part of a handle, an e-mail address or a path (giulia.b, rui.costa@x, @anna,
// /home/anna: a team chat's speakers are not the people its text is about), and not after a title
// (kTitlesBeforeName).
std::size_t nearest_name(std::string_view view, std::size_t begin, std::size_t end,
                         std::size_t window_chars, const WordIndex& names) {
  const std::size_t window_begin = step_back(view, begin, window_chars);
  const std::size_t window_end = step_forward(view, end, window_chars);
  const std::string_view written = view.substr(window_begin, window_end - window_begin);
  const auto handle_byte = [](char c) { return c == '.' || c == '_' || c == '@'; };
  const auto word_byte = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  std::size_t best = std::string::npos;
  std::string first;
  for (std::size_t at = 0; at < written.size(); ++at) {
    const auto lead = static_cast<unsigned char>(written[at]);
    if ((lead & 0xC0) == 0x80) continue;  // inside a character
    if (lead < 0x80 && !(lead >= 'A' && lead <= 'Z')) continue;
    std::size_t length = 1;
    decode_utf8_at(written, at, &length);
    first.clear();
    fold_case_same_length(written.substr(at, length), &first);
    if (first == written.substr(at, length)) continue;  // not a capital
    const auto& candidates = names.by_first[static_cast<unsigned char>(first[0])];
    if (candidates.empty()) continue;
    if (at > 0 && (handle_byte(written[at - 1]) || written[at - 1] == '/')) continue;
    for (const std::string* name : candidates) {
      if (at + name->size() > written.size()) continue;
      if (folded(written.substr(at, name->size())) != *name) continue;
      const std::size_t after = at + name->size();
      if (violates_word_boundary(written, at, after)) continue;
      if (after + 1 < written.size() && handle_byte(written[after]) &&
          word_byte(written[after + 1])) {
        continue;
      }
      if (after_title(written, at)) continue;
      best = std::min(best, distance_to(window_begin + at, window_begin + after, begin, end));
    }
  }
  return best;
}

// A table's column header names the values under it: | Name | PESEL | ... | over a separator
// row, a console's or a data frame's header over its rows, a CSV's first line. A context word
// counts for a value on a table row when it stands in a header line of the value's table, in the
// value's column. The table is the run of non-blank lines around the value's line (looked at up to
// kHeaderLinesBack lines and kHeaderBytesBack bytes up); its header lines are its first
// kHeaderLines lines with a letter or digit (box borders and rules skipped). Columns: with cell
// bars (|, │, ┃, ┆), tabs, semicolons or commas in both lines, the same number of them before the
// word as before the value; in a table aligned with spaces (two in a row in both lines), the
// word's and the value's character columns overlap. The distance returned is the bytes from the
// word's end to the value (npos when no header names the column).
constexpr std::size_t kHeaderLinesBack = 200;
constexpr std::size_t kHeaderBytesBack = 16384;
constexpr int kHeaderLines = 4;

enum class CellSeparator { kNone, kBar, kTab, kSemicolon, kComma, kSpaces };

// The bytes of a cell bar at `at` (| or the box-drawing bars │ ┃ ┆), 0 if there is none.
std::size_t bar_at(std::string_view line, std::size_t at) {
  if (line[at] == '|') return 1;
  if (at + 2 < line.size() && static_cast<unsigned char>(line[at]) == 0xE2 &&
      static_cast<unsigned char>(line[at + 1]) == 0x94) {
    const auto third = static_cast<unsigned char>(line[at + 2]);
    if (third == 0x82 || third == 0x83 || third == 0x86) return 3;
  }
  return 0;
}

bool has_separator(std::string_view line, CellSeparator kind) {
  switch (kind) {
    case CellSeparator::kBar:
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (bar_at(line, i) != 0) return true;
      }
      return false;
    case CellSeparator::kTab:
      return line.find('\t') != std::string_view::npos;
    case CellSeparator::kSemicolon:
      return line.find(';') != std::string_view::npos;
    case CellSeparator::kComma:
      return line.find(',') != std::string_view::npos;
    case CellSeparator::kSpaces: {
      const std::size_t first = line.find_first_not_of(" \t");
      return first != std::string_view::npos && line.find("  ", first) != std::string_view::npos;
    }
    case CellSeparator::kNone:
      break;
  }
  return false;
}

// Separators of `kind` in line[0, end).
std::size_t separators_before(std::string_view line, std::size_t end, CellSeparator kind) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < end && i < line.size(); ++i) {
    switch (kind) {
      case CellSeparator::kBar:
        n += bar_at(line, i) != 0;
        break;
      case CellSeparator::kTab:
        n += line[i] == '\t';
        break;
      case CellSeparator::kSemicolon:
        n += line[i] == ';';
        break;
      case CellSeparator::kComma:
        n += line[i] == ',';
        break;
      default:
        break;
    }
  }
  return n;
}

// A line of only borders and rules (+----+, ┌──┬──┐, |---|---|, ═══, spaces): no header.
bool border_line(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c >= 0x80) {
      // box drawing U+2500..U+257F is E2 94 xx / E2 95 xx
      if (c == 0xE2 && i + 2 < line.size() &&
          (static_cast<unsigned char>(line[i + 1]) == 0x94 ||
           static_cast<unsigned char>(line[i + 1]) == 0x95)) {
        i += 2;
        continue;
      }
      return false;
    }
    if (std::isalnum(c) != 0) return false;
  }
  return true;
}

bool blank_line(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::size_t header_word(std::string_view view, std::size_t begin, std::size_t end,
                        const WordIndex& words) {
  const std::size_t row_begin = begin == 0 ? 0 : view.rfind('\n', begin - 1) + 1;
  if (row_begin == 0) return std::string::npos;  // the first line has no header above it
  const std::size_t newline = view.find('\n', end);
  const std::size_t row_end = newline == std::string_view::npos ? view.size() : newline;
  const std::string_view row = view.substr(row_begin, row_end - row_begin);
  // The top of the value's table: the first line after a blank line (or the text's start).
  std::size_t top = row_begin;
  std::size_t lines = 0;
  while (true) {
    if (top == 0) break;
    if (lines == kHeaderLinesBack || row_begin - top > kHeaderBytesBack) return std::string::npos;
    const std::size_t line_end = top - 1;
    const std::size_t line_begin = line_end == 0 ? 0 : view.rfind('\n', line_end - 1) + 1;
    if (blank_line(view.substr(line_begin, line_end - line_begin))) break;
    top = line_begin;
    ++lines;
  }
  int headers = 0;
  for (std::size_t line_begin = top; line_begin < row_begin && headers < kHeaderLines;) {
    const std::size_t line_end = view.find('\n', line_begin);
    const std::string_view line = view.substr(line_begin, line_end - line_begin);
    const std::size_t next = line_end + 1;
    if (border_line(line)) {
      line_begin = next;
      continue;
    }
    ++headers;
    CellSeparator kind = CellSeparator::kNone;
    for (CellSeparator k : {CellSeparator::kBar, CellSeparator::kTab, CellSeparator::kSemicolon,
                            CellSeparator::kComma, CellSeparator::kSpaces}) {
      if (has_separator(line, k) && has_separator(row, k)) {
        kind = k;
        break;
      }
    }
    if (kind != CellSeparator::kNone) {
      const std::string header = folded(line);
      const std::size_t value_at = begin - row_begin;
      const std::size_t value_column = code_points(row.substr(0, value_at));
      const std::size_t value_width = code_points(view.substr(begin, end - begin));
      const std::size_t value_cells = separators_before(row, value_at, kind);
      for (std::size_t at = 0; at < header.size(); ++at) {
        const auto& candidates = words.by_first[static_cast<unsigned char>(header[at])];
        if (candidates.empty()) continue;
        for (const std::string* word : candidates) {
          const std::size_t length = context_word_at(header, at, *word, line);
          if (length == 0) continue;
          if (violates_word_boundary(header, at, at + length)) continue;
          bool same_column = false;
          if (kind == CellSeparator::kSpaces) {
            const std::size_t word_column = code_points(std::string_view(header).substr(0, at));
            const std::size_t word_width = code_points(std::string_view(header).substr(at, length));
            // right-aligned (pandas) or left-aligned (R, Stata) columns: the spans overlap
            same_column = word_column < value_column + value_width + 1 &&
                          value_column < word_column + word_width + 1;
          } else {
            same_column = separators_before(line, at, kind) == value_cells;
          }
          if (same_column) return begin - (line_begin + at + length);
        }
      }
    }
    line_begin = next;
  }
  return std::string::npos;
}

}  // namespace

bool Classifier::accepts(std::uint32_t rule, std::string_view view_text, std::size_t begin,
                         std::size_t end) const {
  const RuleDefinition& definition = rules_[rule];
  const CompiledRule& compiled = compiled_[rule];
  const std::string_view value = view_text.substr(begin, end - begin);
  // A value that starts with a JSON line-end escape is the end of a line written as JSON ("KEY=\n"
  // in a log or notebook cell), as the decoded view shows: no value reads across a line end.
  if (value.size() >= 2 && value[0] == '\\' &&
      (value[1] == 'n' || value[1] == 'r' || value[1] == 't')) {
    return false;
  }
  for (const auto& validator : definition.validators) {
    if (!validate(validator, value)) return false;
  }
  if (allowed(compiled, view_text, begin, end)) return false;
  std::size_t context_distance = std::string::npos;
  if (!compiled.context_forms.empty()) {
    context_distance =
        nearest_word(view_text, begin, end, definition.context_window, compiled.context_index);
    if (context_distance == std::string::npos) {
      context_distance = header_word(view_text, begin, end, compiled.context_index);
    }
  }
  if (context_distance == std::string::npos && !compiled.name_forms.empty()) {
    context_distance =
        nearest_name(view_text, begin, end, definition.context_window, compiled.name_index);
  }
  const bool needs_context = !compiled.context_forms.empty() || !compiled.name_forms.empty();
  if (needs_context && context_distance == std::string::npos) return false;
  if (!compiled.exclude_forms.empty() && definition.exclude_context_around) {
    if (nearest_word(view_text, begin, end, definition.exclude_context_window,
                     compiled.exclude_index) != std::string::npos) {
      return false;
    }
  } else if (!compiled.exclude_forms.empty()) {
    // Labels come before values ("SKU 512-44-0912", "firmware 10.2.14.7"): look back only, or up
    // to the header of the value's table column (a sheet's "firmware" column of versions).
    std::size_t exclude_distance = nearest_word(
        view_text, begin, end, definition.exclude_context_window, compiled.exclude_index, true);
    if (exclude_distance == std::string::npos) {
      exclude_distance = header_word(view_text, begin, end, compiled.exclude_index);
    }
    // The nearer word says what the value is: "SSN 536-22-1847" next to an order number stays.
    // A context word that ends where an exclude phrase ends is part of it ("number" in "order
    // number"): the longer phrase says what the value is.
    if (exclude_distance != std::string::npos &&
        (context_distance == std::string::npos || exclude_distance <= context_distance)) {
      return false;
    }
  }
  return true;
}

void Classifier::confirm(std::uint32_t rule, std::uint32_t segment, const NormalizedText& text,
                         ViewKind view, std::size_t begin, std::size_t end, Collector* out) const {
  if (end <= begin) return;
  if (out->per_rule[rule] >= limits_.max_findings_per_rule) return;
  const std::string_view view_text = text.view(view);
  if (!accepts(rule, view_text, begin, end)) return;
  const auto [original_begin, original_end] = text.to_original(view, begin, end);
  Candidate candidate{rule, segment, original_begin, original_end, view, {}};
  if (out->keep_values) candidate.value = std::string(view_text.substr(begin, end - begin));
  out->confirmed.push_back(std::move(candidate));
  out->count(rule);
}

namespace {

// Whether joined-view bytes [begin, end) are one piece of one segment's decoded view, unchanged
// but for OCR misreads read back as digits (a misread order number is no dictated phone number
// either).
bool written_whole(std::span<const NormalizedText> texts, const JoinedView& joined,
                   std::size_t begin, std::size_t end, std::vector<JoinedSource>* sources) {
  joined.map(begin, end, sources);
  if (sources->size() != 1) return false;
  const JoinedSource& source = sources->front();
  const std::string_view decoded = texts[source.segment].decoded();
  return source.end <= decoded.size() &&
         same_but_misread_digits(decoded.substr(source.begin, source.end - source.begin),
                                 joined.text().substr(begin, end - begin));
}

}  // namespace

bool Classifier::match_joined(std::span<const NormalizedText> texts, const JoinedView& joined,
                              MatchEngine engine, std::size_t* set_calls, Collector* out,
                              std::string* error) const {
  const std::string_view view_text = joined.text();
  std::vector<int> hits;
  std::vector<std::uint32_t> rules;
  if (engine == MatchEngine::kOnePass) {
    if (!match_set(*joined_set_, joined_rules_.size(), view_text, &hits, set_calls, error)) {
      return false;
    }
    std::sort(hits.begin(), hits.end());
    for (int h : hits) rules.push_back(joined_rules_[static_cast<std::size_t>(h)]);
  } else {
    rules = joined_rules_;
  }
  std::vector<JoinedSource> sources;
  const re2::StringPiece piece(view_text.data(), view_text.size());
  re2::StringPiece groups[kMaxValueGroups + 1];
  for (std::uint32_t rule : rules) {
    const CompiledRule& compiled = compiled_[rule];
    const int group_count = compiled.value_groups + 1;
    std::size_t position = 0;
    while (position <= view_text.size() && out->per_rule[rule] < limits_.max_findings_per_rule) {
      if (!compiled.regex->Match(piece, position, view_text.size(), RE2::UNANCHORED, groups,
                                 group_count)) {
        break;
      }
      const auto match_begin = static_cast<std::size_t>(groups[0].data() - view_text.data());
      const std::size_t match_end = match_begin + groups[0].size();
      auto [begin, end] = match_value(view_text, groups, compiled.value_groups);
      if (end > begin && !rules_[rule].match_text &&
          written_whole(texts, joined, match_begin, match_end, &sources)) {
        // A rule of the joined view alone reports what the view put together; a value written
        // out whole in one segment is the text views' business (a 13-digit EAN in a sheet is no
        // dictated phone number).
        end = begin;
      }
      if (end > begin && accepts(rule, view_text, begin, end)) {
        // One span per piece the value came from (both halves of a joined key, say).
        joined.map(begin, end, &sources);
        bool first = true;
        for (const auto& source : sources) {
          const auto [original_begin, original_end] =
              texts[source.segment].to_original(ViewKind::kDecoded, source.begin, source.end);
          Candidate candidate{
              rule, source.segment, original_begin, original_end, ViewKind::kNormalized, {}, true};
          if (out->keep_values && first)
            candidate.value = std::string(view_text.substr(begin, end - begin));
          out->confirmed.push_back(std::move(candidate));
          first = false;
        }
        if (!sources.empty()) out->count(rule);
      }
      if (match_end > match_begin) {
        position = match_end;
      } else {
        position = step_forward(view_text, match_begin, 1);
        if (position == match_begin) break;
      }
    }
  }
  return true;
}

bool Classifier::run_regex(std::uint32_t rule, std::uint32_t segment, const NormalizedText& text,
                           ViewKind view, Collector* out) const {
  const CompiledRule& compiled = compiled_[rule];
  const std::string_view view_text = text.view(view);
  const re2::StringPiece piece(view_text.data(), view_text.size());
  re2::StringPiece groups[kMaxValueGroups + 1];
  const int group_count = compiled.value_groups + 1;
  std::size_t position = 0;
  while (position <= view_text.size()) {
    if (!compiled.regex->Match(piece, position, view_text.size(), RE2::UNANCHORED, groups,
                               group_count)) {
      break;
    }
    const std::size_t match_begin = static_cast<std::size_t>(groups[0].data() - view_text.data());
    const std::size_t match_end = match_begin + groups[0].size();
    const auto [value_begin, value_end] = match_value(view_text, groups, compiled.value_groups);
    confirm(rule, segment, text, view, value_begin, value_end, out);
    if (out->per_rule[rule] >= limits_.max_findings_per_rule) break;
    if (match_end > match_begin) {
      position = match_end;
    } else {
      position = step_forward(view_text, match_begin, 1);
      if (position == match_begin) break;
    }
  }
  return true;
}

struct Classifier::Scratch {
  TriggerScanner::Hits hits;
  std::vector<std::vector<TriggerScanner::LiteralHit>> literal_hits;  // by window group
  std::vector<std::uint32_t> hit_groups;  // the groups whose literal_hits may be non-empty
  std::vector<std::uint64_t> triggered;   // bit set of window groups with a trigger
  std::vector<char> found;                // by scanner literal
  std::vector<std::pair<std::size_t, std::size_t>> windows;
  std::vector<int> set_hits;
  std::vector<int> atoms;
  std::vector<SlidingCount> also_counts;  // of the window group being visited
};

struct Classifier::Workspace {
  Collector collector;
  std::vector<NormalizedText> texts;  // one per segment (the joined view reads them all)
  std::vector<JoinHints> join_hints;
  std::vector<std::string_view> normalized;
  JoinedView joined;
  Scratch scratch;
  std::vector<char> candidates;
  std::vector<KeywordHit> keyword_hits;
  std::vector<KeywordMatcher::AnchorHit> keyword_anchors;
  bool large = false;
};

bool Classifier::match_set(const RE2::Set& set, std::size_t patterns, std::string_view text,
                           std::vector<int>* hits, std::size_t* set_calls,
                           std::string* error) const {
  hits->clear();
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  // With one pattern, whether it matches is the answer: asked without a list, RE2 stops at the
  // first match and allocates nothing (with one, two arrays per call, on every window).
  const re2::StringPiece piece(text.data(), text.size());
  bool matched = set.Match(piece, patterns == 1 ? nullptr : hits, &info);
  if (matched && patterns == 1) hits->push_back(0);
  if (++*set_calls == limits_.inject_set_failure_at) {
    matched = false;
    info.kind = RE2::Set::kOutOfMemory;
  }
  if (!matched) {
    hits->clear();
    if (info.kind != RE2::Set::kNoError) {
      *error = info.kind == RE2::Set::kOutOfMemory
                   ? "regex matcher ran out of memory (RE2 DFA budget)"
                   : "regex matcher failed";
      return false;
    }
  }
  return true;
}

bool Classifier::find_candidates(std::string_view view, Scratch* scratch,
                                 std::vector<char>* candidates, std::size_t* set_calls,
                                 std::vector<KeywordMatcher::AnchorHit>* keyword_anchors,
                                 JoinHints* join_hints, std::string* error) const {
  auto& hits = scratch->hits;
  if (scanner_.empty()) {  // (the scratch may hold another classifier's hits)
    hits.by_class.clear();
    hits.literals.clear();
    hits.exotic_fold = false;
  } else {
    scanner_.scan(view, &hits);
  }
  if (hits.exotic_fold) {
    for (std::uint32_t r : fold_sensitive_rules_) (*candidates)[r] = 1;
    for (const auto& gate : atom_gates_) (*candidates)[gate.rule] = 1;
  }
  // Literal hits by window group; atoms found.
  // Only the groups a previous call filled are cleared (whichever classifier it was for).
  auto& by_group = scratch->literal_hits;
  by_group.resize(window_groups_.size());
  for (std::uint32_t g : scratch->hit_groups) {
    if (g < by_group.size()) by_group[g].clear();
  }
  scratch->hit_groups.clear();
  auto& triggered = scratch->triggered;
  triggered.assign(group_words_, 0);
  // Which literals occurred: only atom gates ask (the default packs have none).
  const bool track_found = !atom_gates_.empty();
  if (track_found) scratch->found.assign(literal_group_.size(), 0);
  for (const auto& scanned : hits.literals) {
    for (std::uint32_t k = literal_user_begin_[scanned.literal],
                       end = literal_user_begin_[scanned.literal + 1];
         k < end; ++k) {
      const TriggerScanner::LiteralHit hit{literal_users_[k], scanned.position};
      const int group = literal_group_[hit.literal];
      if (group == kJoinTrigger) {
        if (join_hints != nullptr) join_hints->words.push_back(hit.position);
      } else if (group >= 0) {
        auto& list = by_group[static_cast<std::size_t>(group)];
        if (list.empty()) {
          scratch->hit_groups.push_back(static_cast<std::uint32_t>(group));
          triggered[static_cast<std::size_t>(group) / 64] |= 1ull << (group % 64);
        }
        list.push_back(hit);
        if (join_hints != nullptr && group_feeds_join_[static_cast<std::size_t>(group)]) {
          join_hints->values.push_back(hit.position);
        }
      } else if (group <= kKeywordAnchor && keyword_anchors != nullptr) {
        keyword_anchors->push_back(
            {static_cast<std::uint32_t>(kKeywordAnchor - group), hit.position});
      }
      if (track_found) scratch->found[hit.literal] = 1;
    }
  }
  if (join_hints != nullptr && join_digit_class_ >= 0) {
    for (const auto& hit : hits.by_class[static_cast<std::size_t>(join_digit_class_)]) {
      join_hints->digits.push_back(hit.position);
    }
  }
  // Further byte counts read each trigger's span; past a few times the view, windows are added
  // without them (still sound, only more to scan) so that dense triggers stay linear.
  std::size_t count_budget = 4 * view.size() + 4096;
  auto settled = [&](const WindowGroup& group) {
    for (std::uint32_t r : group.set_rule) {
      if (!(*candidates)[r]) return false;
    }
    return true;
  };
  // No trigger, no window: most groups on a short prompt. Only the groups of the classes and
  // literals found are visited, in group order.
  for (std::size_t c = 0; c < hits.by_class.size(); ++c) {
    if (hits.by_class[c].empty()) continue;
    const std::uint64_t* bits = class_groups_.data() + c * group_words_;
    for (std::size_t w = 0; w < group_words_; ++w) triggered[w] |= bits[w];
  }
  for (std::size_t w = 0; w < group_words_; ++w) {
    for (std::uint64_t word = triggered[w]; word != 0; word &= word - 1) {
      const std::size_t g = w * 64 + static_cast<std::size_t>(std::countr_zero(word));
      const WindowGroup& group = window_groups_[g];
      if (settled(group)) continue;
      WindowBuilder windows(view, &scratch->windows);
      if (group.byte_class >= 0) {
        const auto& triggers = hits.by_class[static_cast<std::size_t>(group.byte_class)];
        const std::size_t k = group.min_count;
        // With k > 1, windows go around every byte of each run of k consecutive trigger bytes that
        // fits in one match (a gate match holds such a run, and the gate's `before`/`after` hold
        // around one of the run's bytes).
        std::size_t next = 0;  // first trigger without a window yet
        auto& also_counts = scratch->also_counts;
        also_counts.clear();
        for (std::size_t a = 0; a < group.also.size(); ++a) {
          also_counts.emplace_back(view, group.also_ranges[a], group.also_members[a]);
        }
        auto add = [&](std::size_t j) {
          const std::size_t p = triggers[j].position;
          // The further byte counts, over [p - before, p + after) (bytes units).
          const std::size_t from = p > group.before ? p - group.before : 0;
          const std::size_t to = std::min(view.size(), p + group.after);
          for (std::size_t a = 0; a < group.also.size() && count_budget >= to - from; ++a) {
            count_budget -= to - from;
            if (!also_counts[a].reaches(from, to, group.also[a].second)) return;
          }
          windows.add(p, group.before, group.after, group.nonspace);
        };
        if (k <= 1) {
          for (std::size_t j = 0; j < triggers.size(); ++j) add(j);
        }
        // The runs are looked for in a loop of their own: on prose most groups of a class (the
        // digits: twenty groups of 8 to 18 digits) find none among the class's bytes.
        const TriggerScanner::ByteHit* const hit = triggers.data();
        const std::size_t count = triggers.size();
        const std::size_t limit = group.span;  // a run spans at most `limit` units
        for (std::size_t j = k - 1; k > 1 && j < count; ++j) {
          if (group.nonspace) {
            while (j < count && std::size_t{hit[j].nonspace - hit[j + 1 - k].nonspace} >= limit)
              ++j;
          } else {
            while (j < count && std::size_t{hit[j].position - hit[j + 1 - k].position} >= limit)
              ++j;
          }
          if (j >= count) break;
          for (std::size_t i = std::max(next, j + 1 - k); i <= j; ++i) add(i);
          next = j + 1;
        }
      } else {
        for (const auto& hit : by_group[g]) {
          const LiteralTrigger& trigger = literal_triggers_[hit.literal];
          windows.add(hit.position, trigger.before, trigger.after, trigger.nonspace);
        }
      }
      windows.finish();
      for (const auto& [begin, end] : scratch->windows) {
        if (settled(group)) break;
        bool holds = true;
        for (const auto& [ranges, need] : group.window_needs) {
          holds = holds && count_in_ranges(view, begin, end, ranges) >= need;
        }
        if (!holds) continue;
        if (!match_set(*group.set, group.set_rule.size(), view.substr(begin, end - begin),
                       &scratch->set_hits, set_calls, error)) {
          return false;
        }
        for (int hit : scratch->set_hits)
          (*candidates)[group.set_rule[static_cast<std::size_t>(hit)]] = 1;
      }
    }
  }
  if (!atom_gates_.empty()) {
    for (const auto& gate : atom_gates_) {
      if ((*candidates)[gate.rule]) continue;
      scratch->atoms.clear();
      for (std::size_t a = 0; a < gate.scanner_literal.size(); ++a) {
        if (scratch->found[static_cast<std::size_t>(gate.scanner_literal[a])]) {
          scratch->atoms.push_back(static_cast<int>(a));
        }
      }
      std::vector<int> potential;
      gate.filter->AllPotentials(scratch->atoms, &potential);
      if (!potential.empty()) (*candidates)[gate.rule] = 1;
    }
  }
  if (!set_rule_.empty()) {
    if (!match_set(*set_, set_rule_.size(), view, &scratch->set_hits, set_calls, error)) {
      return false;
    }
    for (int hit : scratch->set_hits) (*candidates)[set_rule_[static_cast<std::size_t>(hit)]] = 1;
  }
  return true;
}

Classification Classifier::classify(std::span<const std::string_view> segments,
                                    std::vector<Finding>* findings,
                                    MatchEngine engine) const noexcept {
  try {
    std::size_t total = 0;
    for (const auto& segment : segments) total += segment.size();
    if (total > limits_.max_total_bytes) {
      return fail("text of " + std::to_string(total) + " bytes is over the classifier limit of " +
                  std::to_string(limits_.max_total_bytes) + " bytes");
    }
    // Per thread and reused: allocating these anew was a tenth of classifying a short prompt. What
    // a very large text made them hold is given back on the thread's next call.
    thread_local Workspace workspace;
    if (workspace.large) workspace = Workspace();
    workspace.large = total > kLargeText;
    Collector& collector = workspace.collector;
    collector.confirmed.clear();
    collector.reset(rules_.size());
    collector.keep_values = findings != nullptr;
    const bool joining = !joined_rules_.empty();
    // Without joined-view rules one NormalizedText serves every segment in turn.
    workspace.texts.resize(std::max<std::size_t>(1, joining ? segments.size() : 1));
    if (joining) {
      workspace.join_hints.resize(segments.size());
      for (auto& hints : workspace.join_hints) hints.clear();
    }
    Scratch& scratch = workspace.scratch;
    std::vector<char>& candidates = workspace.candidates;
    std::vector<KeywordHit>& keyword_hits = workspace.keyword_hits;
    std::vector<KeywordMatcher::AnchorHit>& keyword_anchors = workspace.keyword_anchors;
    std::size_t set_matches = 0;
    for (std::uint32_t s = 0; s < segments.size(); ++s) {
      NormalizedText& text = workspace.texts[joining ? s : 0];
      JoinHints* join_hints = joining ? &workspace.join_hints[s] : nullptr;
      std::string error;
      if (!text.build(segments[s], limits_.normalizer, &error)) {
        return fail(error + " (segment " + std::to_string(s) + ")");
      }
      // The anchors found in the normalized view stand for the keyword view only when the two are
      // one text (nothing to fold or collapse, as in plain prose).
      const bool keywords_share_scan = prefilter_report_.anchored_keywords != 0 &&
                                       engine == MatchEngine::kOnePass &&
                                       text.keyword().data() == text.normalized().data() &&
                                       text.keyword().size() == text.normalized().size();
      bool anchors_found = false;
      keyword_anchors.clear();
      if (!regex_rules_.empty() || joining) {
        ViewKind views[2] = {ViewKind::kNormalized, ViewKind::kDecoded};
        const int view_count = text.has_decoded() ? 2 : 1;
        for (int v = 0; v < view_count; ++v) {
          if (engine == MatchEngine::kEachRuleAlone) {
            for (std::uint32_t rule : regex_rules_) run_regex(rule, s, text, views[v], &collector);
            // The joined view is built from what the scan finds, whichever engine matches.
            if (join_hints != nullptr && v == view_count - 1) {
              candidates.assign(rules_.size(), 0);
              std::string matcher_error;
              if (!find_candidates(text.view(views[v]), &scratch, &candidates, &set_matches,
                                   nullptr, join_hints, &matcher_error)) {
                return fail(matcher_error);
              }
            }
            continue;
          }
          candidates.assign(rules_.size(), 0);
          std::string matcher_error;
          const bool collect = keywords_share_scan && v == 0;
          if (!find_candidates(text.view(views[v]), &scratch, &candidates, &set_matches,
                               collect ? &keyword_anchors : nullptr,
                               v == view_count - 1 ? join_hints : nullptr, &matcher_error)) {
            return fail(matcher_error);
          }
          anchors_found = anchors_found || collect;
          // The candidates in rule order, eight flags at a time: most words hold none (a chat
          // request has a handful of the hundreds of rules).
          for (std::size_t base = 0; base < candidates.size(); base += 8) {
            std::uint64_t word = 0;
            if (base + 8 <= candidates.size()) {
              std::memcpy(&word, candidates.data() + base, 8);  // one load
            } else {
              std::memcpy(&word, candidates.data() + base, candidates.size() - base);
            }
            for (; word != 0;) {
              static_assert(std::endian::native == std::endian::little);  // byte k: bits 8k..
              const auto byte = static_cast<unsigned>(std::countr_zero(word)) / 8;
              word &= ~(std::uint64_t{0xFF} << (8 * byte));
              const std::size_t rule = base + byte;
              if (text_regex_[rule]) {
                run_regex(static_cast<std::uint32_t>(rule), s, text, views[v], &collector);
              }
            }
          }
        }
      }
      if (!keywords_.empty()) {
        keyword_hits.clear();
        const std::string_view keyword_view = text.keyword();
        if (engine == MatchEngine::kEachRuleAlone) {
          keywords_.scan_naive(keyword_view, &keyword_hits);
        } else if (anchors_found) {
          keywords_.scan_near(keyword_view, keyword_anchors, &keyword_hits);
        } else {
          keywords_.scan(keyword_view, &keyword_hits);
        }
        for (const auto& hit : keyword_hits) {
          confirm(keywords_.patterns()[hit.pattern].rule, s, text, ViewKind::kKeyword, hit.begin,
                  hit.end, &collector);
        }
      }
    }

    if (joining) {
      workspace.normalized.clear();
      for (std::uint32_t s = 0; s < segments.size(); ++s) {
        // The decoded view: escapes such as the \n of a JSON chat export are line breaks there.
        workspace.normalized.push_back(workspace.texts[s].decoded());
      }
      if (workspace.joined.build(workspace.normalized, &workspace.join_hints)) {
        std::string matcher_error;
        if (!match_joined(std::span<const NormalizedText>(workspace.texts.data(), segments.size()),
                          workspace.joined, engine, &set_matches, &collector, &matcher_error)) {
          return fail(matcher_error);
        }
      }
    }

    // Aggregate: one span counts once, whichever views found it.
    auto& confirmed = collector.confirmed;
    std::sort(confirmed.begin(), confirmed.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(a.rule, a.segment, a.begin, a.end, a.view) <
             std::tie(b.rule, b.segment, b.begin, b.end, b.view);
    });
    confirmed.erase(std::unique(confirmed.begin(), confirmed.end(),
                                [](const Candidate& a, const Candidate& b) {
                                  return a.rule == b.rule && a.segment == b.segment &&
                                         a.begin == b.begin && a.end == b.end;
                                }),
                    confirmed.end());
    Classification result;
    result.handling = Handling::kVendor;
    std::size_t level_index = 0;
    for (std::size_t i = 0; i < confirmed.size();) {
      std::size_t j = i;
      while (j < confirmed.size() && confirmed[j].rule == confirmed[i].rule) ++j;
      const RuleDefinition& rule = rules_[confirmed[i].rule];
      if (j - i >= rule.min_count) {
        RuleMatch match;
        match.id = rule.id;
        match.category = rule.category;
        match.level = rule.level;
        match.handling = rule.handling;
        match.count = j - i;
        for (std::size_t k = i; k < j; ++k) {
          match.spans.push_back(
              MatchSpan{confirmed[k].segment, confirmed[k].begin, confirmed[k].end});
          if (findings != nullptr) {
            Finding finding;
            finding.rule_id = rule.id;
            finding.span = match.spans.back();
            finding.view =
                confirmed[k].joined ? "joined" : std::string(view_name(confirmed[k].view));
            finding.value = std::move(confirmed[k].value);
            findings->push_back(std::move(finding));
          }
        }
        result.handling = std::max(result.handling, rule.handling);
        level_index = std::max(level_index, rule.level_index);
        result.matches.push_back(std::move(match));
      }
      i = j;
    }
    result.level = levels_.empty() ? std::string() : levels_[level_index];
    return result;
  } catch (const std::exception& e) {
    return fail(std::string("classifier failed: ") + e.what());
  } catch (...) {
    return fail("classifier failed");
  }
}

}  // namespace switchyard::policy
