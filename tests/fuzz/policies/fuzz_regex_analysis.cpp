// Fuzzes the regex analyzer (regex_analysis.h) against RE2 itself. Input: a pattern, a NUL byte,
// then a text (no NUL: the pattern is also the text). For every pattern RE2 accepts: the facts
// hold for every leftmost match, the re-serialization matches where the pattern matches, and a
// classifier with this one rule finds with its windowed prefilter exactly what the rule alone
// finds; the diacritic-tolerant form of the pattern matches wherever the pattern does.
#include <re2/re2.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "policies/classifier.h"
#include "policies/normalizer.h"
#include "policies/regex_analysis.h"

namespace {

using namespace switchyard::policy;

std::size_t count_in(std::string_view s, const ByteSet& set) {
  std::size_t n = 0;
  for (char c : s) n += set[static_cast<unsigned char>(c)];
  return n;
}

std::size_t nonspace_in(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += is_window_unit(static_cast<unsigned char>(c));
  return n;
}

struct Span {
  std::size_t segment, begin, end;
  bool operator==(const Span&) const = default;
};

std::vector<std::pair<std::string, std::vector<Span>>> outcome(const Classification& c) {
  std::vector<std::pair<std::string, std::vector<Span>>> out;
  for (const auto& m : c.matches) {
    std::vector<Span> spans;
    for (const auto& s : m.spans) spans.push_back({s.segment, s.begin, s.end});
    out.emplace_back(m.id, std::move(spans));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string pattern = input.substr(0, std::min<std::size_t>(nul, 2048));
  std::string text = nul == std::string::npos ? input : input.substr(nul + 1);
  if (text.size() > 4096) text.resize(4096);

  std::string why;
  const RegexFacts facts = analyze_regex(pattern);
  const auto plan = plan_gates(pattern, &why);
  const auto copy = reserialize_regex(pattern);
  if (facts.understood != copy.has_value()) std::abort();
  if (plan && !facts.understood) std::abort();

  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  RE2 re(pattern, options);
  if (!re.ok()) return 0;
  bool ascii = true;
  if (!is_valid_utf8(text, &ascii)) return 0;

  // The diacritic-tolerant form the classifier compiles (normalizer.h) is valid whenever the
  // pattern is, and matches wherever the pattern matches.
  const RE2 tolerant(diacritic_tolerant_regex(pattern), options);
  if (!tolerant.ok() && tolerant.error_code() != RE2::ErrorPatternTooLarge) std::abort();
  if (tolerant.ok() && RE2::PartialMatch(text, re) && !RE2::PartialMatch(text, tolerant)) {
    std::abort();
  }

  // Facts and re-serialization, on the leftmost match from several starts.
  std::unique_ptr<RE2> again;
  if (copy) {
    again = std::make_unique<RE2>(*copy, options);
    if (!again->ok() && again->error_code() != RE2::ErrorPatternTooLarge) std::abort();
  }
  const re2::StringPiece piece(text);
  for (std::size_t start = 0; start <= text.size(); start += 1 + text.size() / 64) {
    re2::StringPiece m;
    const bool matched = re.Match(piece, start, text.size(), RE2::UNANCHORED, &m, 1);
    if (again && again->ok()) {
      re2::StringPiece m2;
      const bool matched2 = again->Match(piece, start, text.size(), RE2::UNANCHORED, &m2, 1);
      if (matched != matched2 || (matched && m.data() != m2.data())) std::abort();
    }
    if (!matched || !facts.understood) continue;
    const std::string_view s(m.data(), m.size());
    if (facts.max_length != kUnboundedLength && s.size() > facts.max_length) std::abort();
    if (facts.max_nonspace_length != kUnboundedLength &&
        nonspace_in(s) > facts.max_nonspace_length) {
      std::abort();
    }
    if (!facts.required_bytes.all() && count_in(s, facts.required_bytes) == 0) std::abort();
  }

  // The classifier with this rule alone: the one-pass matcher equals running the rule.
  RuleDefinition rule;
  rule.id = "fuzz";
  rule.level = "internal";
  rule.level_index = 1;
  rule.handling = Handling::kInternal;
  rule.is_regex = true;
  rule.regex = pattern;
  std::vector<std::string> errors;
  const auto classifier =
      Classifier::compile({rule}, {"public", "internal"}, {Handling::kVendor, Handling::kInternal},
                          ClassifierLimits{}, &errors);
  if (!classifier) return 0;  // e.g. over the memory budget
  const std::string padded = "Ordinary words 12 AB: " + text + " and more words, 3456.";
  for (const std::string* t : std::vector<const std::string*>{&text, &padded}) {
    const std::vector<std::string_view> segments = {*t};
    const auto one_pass = classifier->classify(segments);
    const auto alone = classifier->classify(segments, nullptr, MatchEngine::kEachRuleAlone);
    if (one_pass.classifier_error != alone.classifier_error) std::abort();
    if (outcome(one_pass) != outcome(alone)) std::abort();
  }
  return 0;
}
