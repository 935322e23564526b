// One pass per view, then per-rule confirmation (see classifier.h).
#include "policies/classifier.h"

#include <algorithm>
#include <exception>
#include <tuple>

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

}  // namespace

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
  std::string value;  // only when findings are requested
};

struct Classifier::Collector {
  std::vector<Candidate> confirmed;
  std::vector<std::size_t> per_rule;
  bool keep_values = false;
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

  RE2::Options set_options = regex_options(limits);
  set_options.set_max_mem(limits.set_max_mem);
  c->set_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  std::vector<KeywordPattern> patterns;
  bool ok = true;
  c->compiled_.resize(c->rules_.size());
  for (std::uint32_t r = 0; r < c->rules_.size(); ++r) {
    const RuleDefinition& rule = c->rules_[r];
    CompiledRule& compiled = c->compiled_[r];
    for (const auto& word : rule.context) {
      add_unique(&compiled.context_forms, comparison_form(word));
      add_unique(&compiled.context_forms, folded(KeywordMatcher::keyword_form(word)));
    }
    for (const auto& value : rule.allow) {
      add_unique(&compiled.allow_exact, canonical_value(comparison_form(value)));
      add_unique(&compiled.allow_exact, canonical_value(KeywordMatcher::keyword_form(value)));
      add_unique(&compiled.allow_phrases, comparison_form(value));
      add_unique(&compiled.allow_phrases, folded(KeywordMatcher::keyword_form(value)));
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
      compiled.value_is_group = compiled.regex->NumberOfCapturingGroups() >= 1;
      std::string error;
      const int index = c->set_->Add(rule.regex, &error);
      if (index < 0) {
        errors->push_back("rule " + rule.id + ": regex: " + error);
        ok = false;
        continue;
      }
      c->set_rule_.push_back(r);
      c->regex_rules_.push_back(r);
    } else {
      for (const auto& keyword : rule.keywords) {
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
  if (!ok) return nullptr;
  if (!c->set_rule_.empty() && !c->set_->Compile()) {
    errors->push_back("the regex rules together exceed the RE2 memory budget of " +
                      std::to_string(limits.set_max_mem >> 20) + " MiB");
    return nullptr;
  }
  c->keywords_.build(std::move(patterns));
  return c;
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

void Classifier::confirm(std::uint32_t rule, std::uint32_t segment, const NormalizedText& text,
                         ViewKind view, std::size_t begin, std::size_t end, Collector* out) const {
  if (end <= begin) return;
  if (out->per_rule[rule] >= limits_.max_findings_per_rule) return;
  const RuleDefinition& definition = rules_[rule];
  const CompiledRule& compiled = compiled_[rule];
  const std::string_view view_text = text.view(view);
  const std::string_view value = view_text.substr(begin, end - begin);
  for (const auto& validator : definition.validators) {
    if (!validate(validator, value)) return;
  }
  if (allowed(compiled, view_text, begin, end)) return;
  if (!compiled.context_forms.empty()) {
    const std::size_t window_begin = step_back(view_text, begin, definition.context_window);
    const std::size_t window_end = step_forward(view_text, end, definition.context_window);
    const std::string window = folded(view_text.substr(window_begin, window_end - window_begin));
    bool present = false;
    for (const auto& word : compiled.context_forms) {
      for (std::size_t at = window.find(word); at != std::string::npos && !present;
           at = window.find(word, at + 1)) {
        present = !violates_word_boundary(window, at, at + word.size());
      }
      if (present) break;
    }
    if (!present) return;
  }
  const auto [original_begin, original_end] = text.to_original(view, begin, end);
  Candidate candidate{rule, segment, original_begin, original_end, view, {}};
  if (out->keep_values) candidate.value = std::string(value);
  out->confirmed.push_back(std::move(candidate));
  ++out->per_rule[rule];
}

bool Classifier::run_regex(std::uint32_t rule, std::uint32_t segment, const NormalizedText& text,
                           ViewKind view, Collector* out) const {
  const CompiledRule& compiled = compiled_[rule];
  const std::string_view view_text = text.view(view);
  const re2::StringPiece piece(view_text.data(), view_text.size());
  re2::StringPiece groups[2];
  const int group_count = compiled.value_is_group ? 2 : 1;
  std::size_t position = 0;
  while (position <= view_text.size()) {
    if (!compiled.regex->Match(piece, position, view_text.size(), RE2::UNANCHORED, groups,
                               group_count)) {
      break;
    }
    const std::size_t match_begin = static_cast<std::size_t>(groups[0].data() - view_text.data());
    const std::size_t match_end = match_begin + groups[0].size();
    std::size_t value_begin = match_begin;
    std::size_t value_end = match_end;
    if (compiled.value_is_group && groups[1].data() != nullptr) {
      value_begin = static_cast<std::size_t>(groups[1].data() - view_text.data());
      value_end = value_begin + groups[1].size();
    }
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
    Collector collector;
    collector.per_rule.assign(rules_.size(), 0);
    collector.keep_values = findings != nullptr;
    NormalizedText text;
    std::vector<int> set_hits;
    std::size_t set_matches = 0;
    std::vector<KeywordHit> keyword_hits;
    for (std::uint32_t s = 0; s < segments.size(); ++s) {
      std::string error;
      if (!text.build(segments[s], limits_.normalizer, &error)) {
        return fail(error + " (segment " + std::to_string(s) + ")");
      }
      if (!regex_rules_.empty()) {
        ViewKind views[2] = {ViewKind::kNormalized, ViewKind::kDecoded};
        const int view_count = text.has_decoded() ? 2 : 1;
        for (int v = 0; v < view_count; ++v) {
          const std::string_view view_text = text.view(views[v]);
          if (engine == MatchEngine::kEachRuleAlone) {
            for (std::uint32_t rule : regex_rules_) run_regex(rule, s, text, views[v], &collector);
            continue;
          }
          set_hits.clear();
          RE2::Set::ErrorInfo info{RE2::Set::kNoError};
          bool matched =
              set_->Match(re2::StringPiece(view_text.data(), view_text.size()), &set_hits, &info);
          if (++set_matches == limits_.inject_set_failure_at) {
            matched = false;
            info.kind = RE2::Set::kOutOfMemory;
          }
          if (!matched) {
            if (info.kind != RE2::Set::kNoError) {
              return fail(info.kind == RE2::Set::kOutOfMemory
                              ? "regex matcher ran out of memory (RE2 DFA budget)"
                              : "regex matcher failed");
            }
            continue;
          }
          std::sort(set_hits.begin(), set_hits.end());
          for (int hit : set_hits) {
            run_regex(set_rule_[static_cast<std::size_t>(hit)], s, text, views[v], &collector);
          }
        }
      }
      if (!keywords_.empty()) {
        keyword_hits.clear();
        const std::string_view keyword_view = text.keyword();
        if (engine == MatchEngine::kEachRuleAlone) {
          keywords_.scan_naive(keyword_view, &keyword_hits);
        } else {
          keywords_.scan(keyword_view, &keyword_hits);
        }
        for (const auto& hit : keyword_hits) {
          confirm(keywords_.patterns()[hit.pattern].rule, s, text, ViewKind::kKeyword, hit.begin,
                  hit.end, &collector);
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
            finding.view = std::string(view_name(confirmed[k].view));
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
