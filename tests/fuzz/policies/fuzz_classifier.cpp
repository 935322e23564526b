// Fuzzes classification with the test policies: results are well formed, spans lie inside their
// segment, and the one-pass matcher agrees with every rule run alone (the differential check).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "policies/policy_impl.h"

namespace {

using namespace switchyard::policy;

void check(const Policy& policy, const std::vector<std::string_view>& segments) {
  const Classification c = policy.classify(segments);
  if (c.classifier_error) {
    if (c.handling != policy.strictest_handling() || !c.matches.empty()) std::abort();
    return;
  }
  Handling strictest = Handling::kVendor;
  for (const auto& m : c.matches) {
    strictest = std::max(strictest, m.handling);
    if (m.count == 0 || m.spans.size() != m.count) std::abort();
    for (const auto& s : m.spans) {
      if (s.segment > 1 || s.begin >= s.end || s.end > segments[s.segment].size()) std::abort();
    }
  }
  if (strictest != c.handling) std::abort();
  const Classification alone =
      policy.impl().classifier->classify(segments, nullptr, MatchEngine::kEachRuleAlone);
  if (alone.matches.size() != c.matches.size()) std::abort();
  for (std::size_t i = 0; i < c.matches.size(); ++i) {
    if (alone.matches[i].id != c.matches[i].id || alone.matches[i].count != c.matches[i].count) {
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::filesystem::path policies =
      std::filesystem::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/policies/data";
  static const auto policy = Policy::load_file(policies / "globex.yaml");
  // given names as context (nearest_name walks the bytes around a match)
  static const auto names = Policy::load_file(policies / "context_names.yaml");
  const std::string text(reinterpret_cast<const char*>(data), size);
  // First byte splits the input into two segments.
  const std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
  const std::vector<std::string_view> segments = {std::string_view(text).substr(0, split),
                                                  std::string_view(text).substr(split)};
  check(*policy, segments);
  check(*names, segments);
  return 0;
}
