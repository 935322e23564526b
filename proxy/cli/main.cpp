// Entry point: the commands of design section 3 (proxy/cli/cli.h).
#include "common/command_line.h"
#include "proxy/cli/cli.h"

int main(int argc, char** argv) {
  const auto app = switchyard::cli::make_app();
  return switchyard::command_line::run(*app, argc, argv);
}
