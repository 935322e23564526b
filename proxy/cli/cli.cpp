#include "proxy/cli/cli.h"

#include "audit/audit_commands.h"
#include "common/command_line.h"

namespace switchyard::cli {

std::unique_ptr<CLI::App> make_app() {
  auto app = command_line::make_root("switchyard",
                                     "switchyard: a policy-routing reverse proxy for LLM traffic",
                                     "switchyard " SWITCHYARD_VERSION);
  add_serve_command(*app);
  add_policy_commands(*app);
  add_classify_command(*app);
  audit::add_commands(*app);
  // Set last: subcommands copy their parent's footer when they are added.
  app->footer("Run `switchyard COMMAND --help` for the options of one command.");
  return app;
}

}  // namespace switchyard::cli
