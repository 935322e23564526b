// What every subcommand of `switchyard` shares (design section 3), on CLI11: options in any order,
// generated --help for the binary and each subcommand, and one way of failing. A usage error
// prints "switchyard CMD: message", a blank line and CMD's help on stderr and exits 2; a command
// that runs and finds a problem (a policy that fails its checks, a log that does not verify)
// exits 1. Each module registers its subcommands on a CLI::App with add_group() and on_run().
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace switchyard::command_line {

inline constexpr int kSuccess = 0;
inline constexpr int kFailure = 1;     // the command ran and found a problem
inline constexpr int kUsageError = 2;  // the command line is wrong

// A usage error a command finds after parsing (a value it cannot read, a variable that is not
// set). Thrown from an action, it is reported like the parser's own errors.
class UsageError : public CLI::ParseError {
 public:
  explicit UsageError(std::string message)
      : CLI::ParseError("UsageError", std::move(message), kUsageError) {}
};

// The binary's root command. Its settings are inherited by every subcommand added to it later:
// a repeated option keeps its last value, -h/--help.
std::unique_ptr<CLI::App> make_root(std::string name, std::string description,
                                    std::string version_line);

// A command that only holds subcommands (`policy`, `audit`): one of them is required.
CLI::App& add_group(CLI::App& parent, std::string name, std::string description);

// Runs `action` when `command` is chosen, once the whole line has parsed and validated. Its
// return value is the exit code.
void on_run(CLI::App& command, std::function<int()> action);

// An option whose absence differs from an empty value.
CLI::Option* add_optional(CLI::App& command, std::string name, std::optional<std::string>& target,
                          std::string description);

// An option that takes one of `choices` (its help lists them); `target` holds the default.
CLI::Option* add_choice(CLI::App& command, std::string name, std::string& target,
                        const std::vector<std::string>& choices, std::string description);

// A required positional argument (FILE) or a list of them (FILE...).
CLI::Option* add_positional(CLI::App& command, std::string name, std::string& target,
                            std::string description);
CLI::Option* add_positional(CLI::App& command, std::string name, std::vector<std::string>& target,
                            std::string description);

// Parses `args` (without the program name) and runs the chosen command. Help and version go to
// `out`, usage errors to `err`; returns the exit code. The word `help` after a command (as in
// `switchyard help`, `switchyard audit help`) is taken as --help.
int run(CLI::App& root, std::vector<std::string> args, std::ostream& out, std::ostream& err);
int run(CLI::App& root, int argc, const char* const* argv);

}  // namespace switchyard::command_line
