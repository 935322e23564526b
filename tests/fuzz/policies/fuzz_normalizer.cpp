// Fuzzes the normalizer: views are valid UTF-8 and every view range maps inside the original.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "policies/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace switchyard::policy;
  using ViewKind = NormalizedText::ViewKind;
  const std::string text(reinterpret_cast<const char*>(data), size);
  NormalizedText n;
  std::string error;
  bool ascii = true;
  const bool valid = is_valid_utf8(text, &ascii);
  if (n.build(text, NormalizerLimits{}, &error) != valid) std::abort();
  if (!valid) return 0;
  for (ViewKind kind : {ViewKind::kNormalized, ViewKind::kDecoded, ViewKind::kKeyword}) {
    const std::string_view view = n.view(kind);
    if (!is_valid_utf8(view, &ascii)) std::abort();
    if (view.size() > text.size() * 3 + 16) std::abort();  // NFKC may expand; decoding never does
    for (std::size_t begin = 0; begin < view.size(); begin += 1 + view.size() / 16) {
      for (std::size_t end = begin + 1; end <= view.size(); end += 1 + view.size() / 8) {
        const auto [b, e] = n.to_original(kind, begin, end);
        if (b > e || e > text.size()) std::abort();
      }
    }
  }
  return 0;
}
