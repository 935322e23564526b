// How a confirmed match is shown to people (policy explain, the playground): its value masked, and
// the view it was found in, in words.
#pragma once

#include <string>
#include <string_view>

#include "policies/policy.h"

namespace switchyard::policy {

// The first and last two characters, the rest as '*' (at most 12, then "..."), counted in code
// points so UTF-8 stays intact. Values of four characters or fewer are all '*'.
std::string mask_value(std::string_view value);

// "raw" (matched as written), "normalized" (after look-alike, full-width or invisible characters
// or spacing were undone) or "decoded" (after percent, HTML, \u or base64 escapes were decoded).
// `original` is the finding's span in the segment's original text.
std::string_view finding_view(const Finding& finding, std::string_view original);

}  // namespace switchyard::policy
