// Entry point: dispatches to the subcommands of design section 3.
#include <cstdio>
#include <string_view>
#include <vector>

#include "audit/audit_commands.h"
#include "proxy/cli/cli.h"

namespace {

constexpr std::string_view kUsage = R"(switchyard: a policy-routing reverse proxy for LLM traffic

Usage:
  switchyard serve --config FILE              run the proxy
  switchyard policy check FILE                validate a policy (errors as FILE:LINE:COL)
  switchyard policy test FILE                 run the tests inside a policy and its includes
  switchyard policy explain FILE [--text T]   why a text gets the handling it gets (stdin without --text)
  switchyard classify --policy FILE           JSON Lines {"id","text"} on stdin -> one decision per line
  switchyard audit verify FILE...             check the audit chain, MACs and file links
  switchyard audit query FILE... [filters]    decisions and outcomes per request
  switchyard audit summary FILE... [--by K]   counts, shares, top rules
  switchyard audit report FILE... --html OUT  a self-contained HTML report
  switchyard --help | --version

Run `switchyard COMMAND --help` for the options of one command.
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage.data(), args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("switchyard %s\n", SWITCHYARD_VERSION);
    return 0;
  }
  const std::string_view command = args[0];
  const switchyard::cli::Args rest(args.data() + 1, args.size() - 1);
  if (command == "serve") return switchyard::cli::serve(rest);
  if (command == "policy") return switchyard::cli::policy(rest);
  if (command == "classify") return switchyard::cli::classify(rest);
  if (command == "audit") return switchyard::audit::run_command(rest);
  std::fprintf(stderr, "switchyard: unknown command '%.*s'\n\n%s", static_cast<int>(command.size()),
               command.data(), kUsage.data());
  return 2;
}
