// `switchyard audit verify|query|summary|report`: the auditors' tools. They read the log files
// alone and need nothing of the proxy (design section 7).
#pragma once

#include <span>
#include <string_view>

namespace switchyard::audit {

using Args = std::span<const std::string_view>;

// The arguments after `audit`; returns the process exit code.
int run_command(Args args);

}  // namespace switchyard::audit
