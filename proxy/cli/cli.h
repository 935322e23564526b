// The commands of the `switchyard` binary (design section 3), on CLI11 (common/command_line.h).
// Each module registers its subcommands on the command they belong under; make_app() puts them
// together. To add a subcommand, write `void add_NAME_command(CLI::App& parent)` in a file named
// for it (cli_policy_diff.cpp, say), declare it here and call it where its siblings are added:
// under `policy` from add_policy_commands(), at the top level from make_app().
#pragma once

#include <memory>

namespace CLI {
class App;
}  // namespace CLI

namespace switchyard::cli {

std::unique_ptr<CLI::App> make_app();            // cli.cpp: the binary with every command below
void add_serve_command(CLI::App& root);          // cli_serve.cpp: serve
void add_policy_commands(CLI::App& root);        // cli_policy.cpp: policy check | test | explain
void add_policy_diff_command(CLI::App& policy);  // cli_diff.cpp: policy diff
void add_classify_command(CLI::App& root);       // cli_classify.cpp: classify
// `audit verify | query | summary | report`: audit::add_commands (audit/audit_commands.h)

}  // namespace switchyard::cli
