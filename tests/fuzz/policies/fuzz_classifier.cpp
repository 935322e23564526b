// Fuzzes classification with the test policy: results are well formed, spans lie inside their
// segment, and the one-pass matcher agrees with every rule run alone (the differential check).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "policies/policy_impl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace switchyard::policy;
  static const auto policy = Policy::load_file(std::filesystem::path(SWITCHYARD_SOURCE_DIR) /
                                               "tests/unit/policies/data/globex.yaml");
  const std::string text(reinterpret_cast<const char*>(data), size);
  // First byte splits the input into two segments.
  const std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
  const std::vector<std::string_view> segments = {std::string_view(text).substr(0, split),
                                                  std::string_view(text).substr(split)};
  const Classification c = policy->classify(segments);
  if (c.classifier_error) {
    if (c.handling != policy->strictest_handling() || !c.matches.empty()) std::abort();
    return 0;
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
      policy->impl().classifier->classify(segments, nullptr, MatchEngine::kEachRuleAlone);
  if (alone.matches.size() != c.matches.size()) std::abort();
  for (std::size_t i = 0; i < c.matches.size(); ++i) {
    if (alone.matches[i].id != c.matches[i].id || alone.matches[i].count != c.matches[i].count) {
      std::abort();
    }
  }
  return 0;
}
