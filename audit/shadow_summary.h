// `switchyard audit summary --shadow`: what a shadow policy would change on the traffic in the log
// (design section 8): how many requests it would judge differently, which handling moves, and the
// rules that cause them. Reads the `shadow` member of decision records (see reader.h).
#pragma once

#include <cstdio>
#include <vector>

#include "audit/reader.h"

namespace switchyard::audit {

void print_shadow_summary(const std::vector<RequestRow>& rows, std::FILE* out);

}  // namespace switchyard::audit
