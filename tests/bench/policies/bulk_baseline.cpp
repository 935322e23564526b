// The yardstick for bulk classification (`switchyard classify`, `switchyard policy diff`):
//   bulk_baseline gen OUT MBYTES      writes a corpus of ~1 KB JSON lines {"id","text"}: license
//                                     prose with a finding (e-mail, card, key, codename) in about
//                                     one line in eight
//   bulk_baseline plain POLICY CORPUS times plain RE2::Set over the same patterns (each regex rule
//                                     as is, each keyword as (?i)\bkeyword\b, as bench_classifier)
//                                     matched over every line's text, the texts already in memory:
//                                     the engine's speed with nothing around it. Prints MB per CPU
//                                     second of the corpus file's bytes (what classify reads) and
//                                     of text bytes.
// tests/bench/policies/bulk_classify.sh runs it next to the real commands.
#include <re2/re2.h>
#include <re2/set.h>

#include <boost/json.hpp>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "policies/policy_impl.h"
#include "prose.h"

namespace {

using switchyard::policy::Policy;

int generate(const char* out_path, double megabytes) {
  const std::string text = switchyard::bench::prose(1 << 20);
  const char* findings[] = {
      " Contact maria.gonzalez@globex-mail.com about it.",
      " Card 4539 1488 0343 6467 was charged twice.",
      " The key AKIAIOSFODNN7EXAMPLE leaked in the logs.",
      " SSN 123-45-6789 is on the form.",
  };
  std::mt19937 rng(7);
  std::FILE* out = std::fopen(out_path, "wb");
  if (out == nullptr) return 1;
  const auto target = static_cast<std::size_t>(megabytes * 1e6);
  std::size_t written = 0, row = 0, at = 0;
  std::string line, body;
  while (written < target) {
    const std::size_t length = 900 + rng() % 200;
    if (at + length > text.size()) at = 0;
    body.assign(text, at, length);
    at += length;
    if (rng() % 8 == 0) body += findings[rng() % std::size(findings)];
    line = "{\"id\":\"row-" + std::to_string(++row) + "\",\"text\":";
    line += boost::json::serialize(boost::json::string(body));
    line += "}\n";
    std::fwrite(line.data(), 1, line.size(), out);
    written += line.size();
  }
  std::fclose(out);
  std::printf("wrote %s: %zu lines, %.1f MB\n", out_path, row, static_cast<double>(written) / 1e6);
  return 0;
}

int plain(const char* policy_path, const char* corpus_path) {
  const auto policy = Policy::load_file(policy_path);
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(std::int64_t{1} << 30);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const auto& rule : policy->impl().classifier->rules()) {
    if (rule.is_regex) {
      set.Add(rule.regex, nullptr);
    } else {
      for (const auto& k : rule.keywords) set.Add("(?i)\\b" + RE2::QuoteMeta(k) + "\\b", nullptr);
    }
  }
  if (!set.Compile()) return 1;
  std::ifstream in(corpus_path, std::ios::binary);
  std::vector<std::string> texts;
  std::size_t file_bytes = 0, text_bytes = 0;
  std::string line;
  while (std::getline(in, line)) {
    file_bytes += line.size() + 1;
    texts.emplace_back(boost::json::parse(line).at("text").as_string());
    text_bytes += texts.back().size();
  }
  std::vector<int> hits;
  std::size_t matched = 0;
  // CPU time of this thread: other work on the machine does not count (as the script measures
  // the commands by their CPU time).
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  };
  const double start = cpu_now();
  for (const auto& text : texts) {
    hits.clear();
    matched += set.Match(text, &hits) ? 1 : 0;
  }
  const double seconds = cpu_now() - start;
  std::printf(
      "plain RE2::Set: %zu lines (%zu matched) in %.3f CPU s: %.1f MB of corpus per CPU second, "
      "%.1f MB of text\n",
      texts.size(), matched, seconds, static_cast<double>(file_bytes) / 1e6 / seconds,
      static_cast<double>(text_bytes) / 1e6 / seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "gen" && argc == 4) return generate(argv[2], std::atof(argv[3]));
  if (mode == "plain" && argc == 4) return plain(argv[2], argv[3]);
  std::fprintf(stderr, "usage: bulk_baseline gen OUT MBYTES | plain POLICY CORPUS\n");
  return 2;
}
