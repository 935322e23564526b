// How a matched value is shown to people (policy explain, the playground): the first and last two
// characters, the rest as '*' (at most 12, then "..."), counted in code points so UTF-8 stays
// intact. Values of four characters or fewer are all '*'.
#pragma once

#include <string>
#include <string_view>

namespace switchyard::policy {

std::string mask_value(std::string_view value);

}  // namespace switchyard::policy
