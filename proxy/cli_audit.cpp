// PLACEHOLDER until its issue lands: the `audit` subcommand.
#include <cstdio>

#include "proxy/cli.h"

namespace switchyard::cli {

int audit(Args) {
  std::fprintf(stderr, "switchyard audit: not implemented yet\n");
  return 2;
}

}  // namespace switchyard::cli
