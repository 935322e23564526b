// Instructions per classification of 1 MiB of prose with the default pack (issue 3), counted by
// callgrind: tests/bench/policies/instructions.sh runs this with collection on inside measured()
// only. On this shared VM the time of one run drifts by +-20 %; the instruction count does not,
// so a change's effect on the hot path can be read from one run (its effect on time still has to
// be confirmed with bench_classifier: cache misses and branch misses are not in the count).
#include <cstdio>
#include <filesystem>
#include <string>

#include "policies/policy.h"
#include "prose.h"

namespace {

constexpr int kRuns = 5;

// Collection starts and stops here (callgrind --toggle-collect=*measured*).
[[gnu::noinline]] std::size_t measured(const switchyard::policy::Policy& policy,
                                       const std::string& text, int runs) {
  std::size_t matches = 0;
  for (int i = 0; i < runs; ++i) matches += policy.classify(text).matches.size();
  return matches;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path pack = argc > 1
                                         ? std::filesystem::path(argv[1])
                                         : switchyard::bench::default_pack(SWITCHYARD_SOURCE_DIR);
  const auto policy = switchyard::policy::Policy::load_file(pack);
  const std::string text = switchyard::bench::prose(1 << 20);
  // One untimed run first: RE2 builds its DFA states lazily, on the first texts it sees.
  std::size_t matches = policy->classify(text).matches.size();
  matches += measured(*policy, text, kRuns);
  std::printf("%d runs over %zu bytes, %zu matches\n", kRuns, text.size(), matches);
  return 0;
}
