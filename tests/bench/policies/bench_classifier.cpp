// Classifier speed and size (issue 3): bytes/s on English prose with the default pack, with an
// overlay of 10,000 keyword phrases, and plain RE2::Set over the same patterns for comparison;
// load time and memory of the 10k-keyword policy; p50/p99 of classifying a 4 KB prompt.
// Figures and the command that reproduces them: docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "policies/keyword_matcher.h"
#include "policies/normalizer.h"
#include "policies/policy_impl.h"
#include "prose.h"

namespace {

namespace fs = std::filesystem;
using switchyard::policy::Classifier;
using switchyard::policy::Policy;

const fs::path kSource = SWITCHYARD_SOURCE_DIR;

fs::path default_pack() { return switchyard::bench::default_pack(kSource); }
using switchyard::bench::prose;

// 10,000 distinct company-like phrases ("Vortana Kelbrix Holdings"), like an organization's
// customer list.
std::vector<std::string> keyword_phrases(std::size_t count) {
  const char* syllables[] = {"vor", "ta",  "na",  "kel", "brix", "zan", "dor", "mi",  "lux", "qua",
                             "ren", "sol", "tri", "vek", "par",  "ox",  "ly",  "fen", "gra", "hol",
                             "jun", "cy",  "wex", "bel", "tor",  "um",  "dra", "sev", "nix", "pel"};
  const char* suffixes[] = {"",         " Holdings", " Labs", " GmbH",
                            " Systems", " Partners", " Inc",  " Group"};
  std::mt19937 rng(42);
  std::vector<std::string> out;
  std::vector<std::string> seen;
  while (out.size() < count) {
    std::string phrase;
    const int words = 1 + static_cast<int>(rng() % 2);
    for (int w = 0; w < words; ++w) {
      if (w > 0) phrase += ' ';
      std::string word;
      const int n = 2 + static_cast<int>(rng() % 2);
      for (int s = 0; s < n; ++s) word += syllables[rng() % std::size(syllables)];
      word[0] = static_cast<char>(word[0] - 32);
      phrase += word;
    }
    phrase += suffixes[rng() % std::size(suffixes)];
    out.push_back(phrase);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Writes the overlay next to a temporary directory and returns its path.
fs::path write_overlay(const std::vector<std::string>& phrases) {
  const fs::path dir = fs::temp_directory_path() / "switchyard-bench-policy";
  fs::create_directories(dir);
  const fs::path file = dir / "customers.yaml";
  std::ofstream out(file);
  out << "policy: bench-customers\nversion: \"1\"\ninclude: ["
      << fs::relative(default_pack(), dir).string() << "]\nrules:\n"
      << "  - id: org.customers\n    level: confidential\n    category: customer\n"
      << "    keywords:\n";
  for (const auto& p : phrases) out << "      - \"" << p << "\"\n";
  return file;
}

const std::shared_ptr<const Policy>& default_policy() {
  static const auto p = Policy::load_file(default_pack());
  return p;
}
const std::shared_ptr<const Policy>& overlay_policy() {
  static const auto p = Policy::load_file(write_overlay(keyword_phrases(10000)));
  return p;
}

void classify_prose(benchmark::State& state, const Policy& policy) {
  const std::string text = prose(1 << 20);
  for (auto _ : state) {
    auto c = policy.classify(text);
    if (c.classifier_error) state.SkipWithError(c.error.c_str());
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_ClassifyProseDefault(benchmark::State& state) { classify_prose(state, *default_policy()); }
BENCHMARK(BM_ClassifyProseDefault)->Unit(benchmark::kMillisecond);

void BM_ClassifyProse10kKeywords(benchmark::State& state) {
  classify_prose(state, *overlay_policy());
}
BENCHMARK(BM_ClassifyProse10kKeywords)->Unit(benchmark::kMillisecond);

// The stages classify() runs before and around RE2, alone: building the views, and the keyword
// automaton over the keyword view (with the pack's keywords, and with the 10k overlay).
using switchyard::policy::KeywordHit;
using switchyard::policy::KeywordMatcher;
using switchyard::policy::KeywordPattern;
using switchyard::policy::NormalizedText;
using switchyard::policy::NormalizerLimits;

// The automaton the policy's classifier builds, rebuilt from its rules the same way.
KeywordMatcher keyword_matcher(const Policy& policy) {
  std::vector<KeywordPattern> patterns;
  const auto& rules = policy.impl().classifier->rules();
  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    if (rules[r].is_regex) continue;
    for (const auto& keyword : rules[r].keywords) {
      KeywordPattern pattern{KeywordMatcher::keyword_form(keyword), r, rules[r].case_sensitive};
      if (KeywordMatcher::has_matchable_bytes(pattern.text)) patterns.push_back(std::move(pattern));
    }
  }
  KeywordMatcher matcher;
  matcher.build(std::move(patterns));
  return matcher;
}

void BM_NormalizeProse(benchmark::State& state) {
  const std::string text = prose(1 << 20);
  NormalizedText views;
  std::string error;
  for (auto _ : state) {
    if (!views.build(text, NormalizerLimits{}, &error)) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(views.keyword().data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NormalizeProse)->Unit(benchmark::kMillisecond);

void keyword_scan_prose(benchmark::State& state, const Policy& policy) {
  const KeywordMatcher matcher = keyword_matcher(policy);
  const std::string text = prose(1 << 20);
  NormalizedText views;
  std::string error;
  views.build(text, NormalizerLimits{}, &error);
  std::vector<KeywordHit> hits;
  for (auto _ : state) {
    hits.clear();
    matcher.scan(views.keyword(), &hits);
    benchmark::DoNotOptimize(hits.data());
  }
  state.counters["hits"] = static_cast<double>(hits.size());
  state.counters["automaton_KiB"] = static_cast<double>(matcher.memory_bytes()) / 1024.0;
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_KeywordScanProse(benchmark::State& state) { keyword_scan_prose(state, *default_policy()); }
BENCHMARK(BM_KeywordScanProse)->Unit(benchmark::kMillisecond);

void BM_KeywordScanProse10k(benchmark::State& state) {
  keyword_scan_prose(state, *overlay_policy());
}
BENCHMARK(BM_KeywordScanProse10k)->Unit(benchmark::kMillisecond);

// Both together, as classify() runs them per segment (everything but RE2 and confirmation).
void BM_NormalizeAndKeywordScanProse(benchmark::State& state) {
  const KeywordMatcher matcher = keyword_matcher(*default_policy());
  const std::string text = prose(1 << 20);
  NormalizedText views;
  std::string error;
  std::vector<KeywordHit> hits;
  for (auto _ : state) {
    views.build(text, NormalizerLimits{}, &error);
    hits.clear();
    matcher.scan(views.keyword(), &hits);
    benchmark::DoNotOptimize(hits.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NormalizeAndKeywordScanProse)->Unit(benchmark::kMillisecond);

// Plain RE2::Set over the same patterns: each regex rule as is, each keyword as (?i)\bkeyword\b.
// One pass over the text, no normalization, no confirmation: the floor to compare against.
std::unique_ptr<RE2::Set> plain_set(const Policy& policy) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(std::int64_t{1} << 30);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const auto& rule : policy.impl().classifier->rules()) {
    if (rule.is_regex) {
      set->Add(rule.regex, nullptr);
    } else {
      for (const auto& k : rule.keywords) set->Add("(?i)\\b" + RE2::QuoteMeta(k) + "\\b", nullptr);
    }
  }
  if (!set->Compile()) return nullptr;
  return set;
}

void plain_set_prose(benchmark::State& state, const Policy& policy) {
  const auto set = plain_set(policy);
  if (!set) {
    state.SkipWithError("RE2::Set did not compile");
    return;
  }
  const std::string text = prose(1 << 20);
  std::vector<int> hits;
  for (auto _ : state) {
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    benchmark::DoNotOptimize(set->Match(text, &hits, &info));
    if (info.kind != RE2::Set::kNoError) state.SkipWithError("RE2::Set match failed");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_PlainRe2SetProseDefault(benchmark::State& state) {
  plain_set_prose(state, *default_policy());
}
BENCHMARK(BM_PlainRe2SetProseDefault)->Unit(benchmark::kMillisecond);

void BM_PlainRe2SetProse10kKeywords(benchmark::State& state) {
  plain_set_prose(state, *overlay_policy());
}
BENCHMARK(BM_PlainRe2SetProse10kKeywords)->Unit(benchmark::kMillisecond);

long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

// Load (parse, compile, run the packs' tests) of the 10k-keyword policy, and what it keeps.
void BM_Load10kKeywordPolicy(benchmark::State& state) {
  const fs::path file = write_overlay(keyword_phrases(10000));
  double rss_delta_mib = 0;
  double automaton_mib = 0;
  for (auto _ : state) {
    const long before = rss_kib();
    auto p = Policy::load_file(file);
    rss_delta_mib = static_cast<double>(rss_kib() - before) / 1024.0;
    automaton_mib = static_cast<double>(p->impl().classifier->keyword_memory_bytes()) / 1048576.0;
    benchmark::DoNotOptimize(p);
  }
  state.counters["rss_delta_MiB"] = rss_delta_mib;
  state.counters["keyword_automaton_MiB"] = automaton_mib;
}
BENCHMARK(BM_Load10kKeywordPolicy)->Unit(benchmark::kMillisecond)->Iterations(3);

// A 4 KB prompt: prose with a few findings. Reports p50 and p99 over many classifications.
void BM_Classify4KBPrompt(benchmark::State& state) {
  const Policy& policy = state.range(0) == 0 ? *default_policy() : *overlay_policy();
  std::string prompt = prose(4096 - 120);
  prompt += " Contact maria.gonzalez@globex-mail.com, card 4539 1488 0343 6467, thanks.";
  std::vector<double> micros;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    auto c = policy.classify(prompt);
    benchmark::DoNotOptimize(c);
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(micros.begin(), micros.end());
  if (!micros.empty()) {
    state.counters["p50_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * prompt.size()));
}
BENCHMARK(BM_Classify4KBPrompt)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// What the proxy classifies per request in the load harness: a system prompt and a user message
// of about 1 KB together, nothing to find. Per-call costs dominate here, not bytes.
void BM_ClassifyChatRequest(benchmark::State& state) {
  const std::string system(switchyard::bench::kChatSystem);
  const std::string user(switchyard::bench::kChatUser);
  const std::string_view segments[] = {system, user};
  const Classifier& classifier = *default_policy()->impl().classifier;
  for (auto _ : state) {
    auto c = classifier.classify(segments);
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * (system.size() + user.size())));
}
BENCHMARK(BM_ClassifyChatRequest)->Unit(benchmark::kMicrosecond);

}  // namespace
