// PLACEHOLDER until the policy engine lands: `policy` and `classify` subcommands.
#include <cstdio>

#include "proxy/cli.h"

namespace switchyard::cli {

int policy(Args) {
  std::fprintf(stderr, "switchyard policy: not implemented yet\n");
  return 2;
}

int classify(Args) {
  std::fprintf(stderr, "switchyard classify: not implemented yet\n");
  return 2;
}

}  // namespace switchyard::cli
