// Fuzzes the policy loader: any bytes either load or throw PolicyError with located messages;
// nothing else escapes, nothing crashes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "policies/policy_impl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace switchyard::policy;
  const std::string text(reinterpret_cast<const char*>(data), size);
  static const std::filesystem::path base =
      std::filesystem::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/policies/data";
  try {
    const auto policy = load_policy_text(text, base, true);
    // A loaded policy classifies its own text without failing.
    const auto c = policy->classify(std::string_view(text).substr(0, 4096));
    if (c.classifier_error && c.error.find("UTF-8") == std::string::npos) std::abort();
  } catch (const PolicyError& e) {
    for (const auto& error : e.errors()) {
      if (error.empty()) std::abort();
    }
  }
  return 0;
}
