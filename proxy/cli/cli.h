// Subcommands of the `switchyard` binary (design section 3). Each takes the arguments after its own
// name and returns the process exit code.
#pragma once

#include <span>
#include <string_view>

namespace switchyard::cli {

using Args = std::span<const std::string_view>;

int serve(Args args);     // cli_serve.cpp
int policy(Args args);    // cli_policy.cpp: check | test | explain
int classify(Args args);  // cli_policy.cpp
// `audit`: audit/audit_commands.h

}  // namespace switchyard::cli
