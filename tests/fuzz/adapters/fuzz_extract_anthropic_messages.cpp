// Fuzzes anthropic messages request parsing and extraction with the invariants of
// extract_fuzz_check.h.
#include "extract_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  switchyard::adapters::fuzz::check_extraction(switchyard::adapters::Api::kAnthropicMessages, data,
                                               size);
  return 0;
}
