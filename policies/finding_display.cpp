// Masked values and views in words.
#include "policies/finding_display.h"

#include <algorithm>
#include <vector>

#include "policies/normalizer.h"

namespace switchyard::policy {

std::string mask_value(std::string_view value) {
  std::vector<std::string_view> chars;
  for (std::size_t i = 0; i < value.size();) {
    std::size_t n = 1;
    while (i + n < value.size() && (static_cast<unsigned char>(value[i + n]) & 0xC0) == 0x80) ++n;
    chars.push_back(value.substr(i, n));
    i += n;
  }
  if (chars.size() <= 4) return std::string(chars.size(), '*');
  std::string out;
  out.append(chars[0]).append(chars[1]);
  const std::size_t hidden = chars.size() - 4;
  out.append(std::min<std::size_t>(hidden, 12), '*');
  if (hidden > 12) out += "...";
  out.append(chars[chars.size() - 2]).append(chars[chars.size() - 1]);
  return out;
}

std::string_view finding_view(const Finding& finding, std::string_view original) {
  if (finding.view == "decoded") return "decoded";
  if (original == finding.value) return "raw";
  // Keywords match on a view built on the decoded one: whether the span itself holds something
  // the normalizer decodes tells a decoded keyword from a look-alike one.
  NormalizedText views;
  std::string error;
  if (views.build(original, NormalizerLimits{}, &error) && views.has_decoded()) return "decoded";
  return "normalized";
}

}  // namespace switchyard::policy
