// `switchyard audit verify|query|summary|report` (design sections 3 and 6): the auditors' tools.
// They live in the audit library, which needs neither Beast nor the proxy; the command line
// conventions they share with the other commands are in common/command_line.h.
#pragma once

namespace CLI {
class App;
}  // namespace CLI

namespace switchyard::audit {

// Adds `audit` and its subcommands to the binary's root command.
void add_commands(CLI::App& root);

}  // namespace switchyard::audit
