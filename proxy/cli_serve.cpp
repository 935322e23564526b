// PLACEHOLDER until its issue lands: the `serve` subcommand.
#include <cstdio>

#include "proxy/cli.h"

namespace switchyard::cli {

int serve(Args) {
  std::fprintf(stderr, "switchyard serve: not implemented yet\n");
  return 2;
}

}  // namespace switchyard::cli
