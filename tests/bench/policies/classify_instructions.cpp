// Instructions per classification (issue 3), counted by callgrind: tests/bench/policies/
// instructions.sh runs this with collection on inside measured() only. Either 1 MiB of prose with
// the default pack (or the policy given), or with --chat the two segments of a chat-sized request
// (what the proxy classifies per request in the load harness, where per-call costs dominate). On
// this shared VM the time of one run drifts by +-20 %; the instruction count does not, so a
// change's effect on the hot path can be read from one run (its effect on time still has to be
// confirmed with bench_classifier: cache and branch misses are not in the count).
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "policies/policy.h"
#include "prose.h"

namespace {

// Collection starts and stops here (callgrind --toggle-collect=*measured*).
[[gnu::noinline]] std::size_t measured(const switchyard::policy::Policy& policy,
                                       std::span<const std::string_view> segments, int runs) {
  std::size_t matches = 0;
  for (int i = 0; i < runs; ++i) matches += policy.classify(segments).matches.size();
  return matches;
}

}  // namespace

int main(int argc, char** argv) {
  const bool chat = argc > 1 && std::strcmp(argv[1], "--chat") == 0;
  // --short: one 24-byte segment, as the proxy classifies a request's "user" field: what a call
  // costs besides its bytes.
  const bool short_segment = argc > 1 && std::strcmp(argv[1], "--short") == 0;
  const int first_policy_arg = chat || short_segment ? 2 : 1;
  const std::filesystem::path pack = argc > first_policy_arg
                                         ? std::filesystem::path(argv[first_policy_arg])
                                         : switchyard::bench::default_pack(SWITCHYARD_SOURCE_DIR);
  const auto policy = switchyard::policy::Policy::load_file(pack);
  const std::string text = switchyard::bench::prose(1 << 20);
  std::string_view prose_segments[] = {text};
  std::string_view chat_segments[] = {switchyard::bench::kChatSystem, switchyard::bench::kChatUser};
  std::string_view short_segments[] = {"northwind-support-portal"};
  const std::span<const std::string_view> segments =
      chat            ? std::span<const std::string_view>(chat_segments)
      : short_segment ? std::span<const std::string_view>(short_segments)
                      : std::span<const std::string_view>(prose_segments);
  const int runs = chat || short_segment ? 1000 : 5;
  // One untimed run first: RE2 builds its DFA states lazily, on the first texts it sees.
  std::size_t matches = policy->classify(segments).matches.size();
  matches += measured(*policy, segments, runs);
  std::printf("runs=%d matches=%zu\n", runs, matches);
  return 0;
}
