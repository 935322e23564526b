// `switchyard serve --config FILE`: load the configuration strictly, start the server, run until
// SIGTERM or SIGINT. Startup errors go to stderr as FILE:LINE:COL lines and exit 1.
#include <cstdio>
#include <string>

#include "common/log.h"
#include "policies/policy.h"
#include "proxy/cli/cli.h"
#include "proxy/config/config.h"
#include "proxy/server/server.h"

namespace switchyard::cli {

namespace {

constexpr std::string_view kServeUsage =
    R"(Usage: switchyard serve --config FILE [--check] [--log-level LEVEL]

  --config FILE       the configuration file (see docs/configuration.md)
  --check             validate the configuration and the policy, then exit
  --log-level LEVEL   debug | info | warn | error (default info)
)";

void print_errors(const std::vector<std::string>& errors) {
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
}

}  // namespace

int serve(Args args) {
  std::string config_file;
  bool check_only = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kServeUsage.data(), stdout);
      return 0;
    }
    if (arg == "--check") {
      check_only = true;
    } else if (arg == "--config" && i + 1 < args.size()) {
      config_file = std::string(args[++i]);
    } else if (arg.starts_with("--config=")) {
      config_file = std::string(arg.substr(9));
    } else if (arg == "--log-level" && i + 1 < args.size()) {
      const std::string_view level = args[++i];
      if (level == "debug") {
        log::set_min_level(log::Level::kDebug);
      } else if (level == "info") {
        log::set_min_level(log::Level::kInfo);
      } else if (level == "warn") {
        log::set_min_level(log::Level::kWarn);
      } else if (level == "error") {
        log::set_min_level(log::Level::kError);
      } else {
        std::fprintf(stderr, "switchyard serve: unknown log level '%.*s'\n",
                     static_cast<int>(level.size()), level.data());
        return 2;
      }
    } else {
      std::fprintf(stderr, "switchyard serve: unexpected argument '%.*s'\n\n%s",
                   static_cast<int>(arg.size()), arg.data(), kServeUsage.data());
      return 2;
    }
  }
  if (config_file.empty()) {
    std::fprintf(stderr, "switchyard serve: --config FILE is required\n\n%s", kServeUsage.data());
    return 2;
  }
  try {
    proxy::Config config = proxy::load_config(config_file);
    if (check_only) {
      const auto policy = policy::Policy::load_file(config.policy);
      std::printf("%s: ok (policy %s %s, %zu upstreams)\n", config_file.c_str(),
                  policy->name().c_str(), policy->version().c_str(), config.upstreams.size());
      return 0;
    }
    proxy::Server server(std::move(config));
    return server.run();
  } catch (const proxy::ConfigError& e) {
    print_errors(e.errors());
  } catch (const policy::PolicyError& e) {
    print_errors(e.errors());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "switchyard serve: %s\n", e.what());
  }
  return 1;
}

}  // namespace switchyard::cli
