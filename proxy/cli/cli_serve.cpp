// `switchyard serve --config FILE`: load the configuration strictly, start the server, run until
// SIGTERM or SIGINT. Startup errors go to stderr as FILE:LINE:COL lines and exit 1.
#include <cstdio>
#include <memory>
#include <string>

#include "common/command_line.h"
#include "common/log.h"
#include "policies/policy.h"
#include "proxy/cli/cli.h"
#include "proxy/config/config.h"
#include "proxy/server/server.h"

namespace switchyard::cli {

namespace {

struct ServeOptions {
  std::string config_file;
  bool check_only = false;
  std::optional<std::string> log_level;
};

void print_errors(const std::vector<std::string>& errors) {
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
}

int serve(const ServeOptions& options) {
  if (options.log_level) log::set_min_level(*log::parse_level(*options.log_level));
  try {
    proxy::Config config = proxy::load_config(options.config_file);
    if (options.check_only) {
      const auto policy = policy::Policy::load_file(config.policy);
      std::string shadow;
      if (config.shadow_policy) {
        const auto p = policy::Policy::load_file(*config.shadow_policy);
        shadow = ", shadow policy " + p->name() + " " + p->version();
      }
      std::printf("%s: ok (policy %s %s%s, %zu upstreams)\n", options.config_file.c_str(),
                  policy->name().c_str(), policy->version().c_str(), shadow.c_str(),
                  config.upstreams.size());
      return command_line::kSuccess;
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
  return command_line::kFailure;
}

}  // namespace

void add_serve_command(CLI::App& root) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve_command = root.add_subcommand("serve", "run the proxy");
  serve_command
      ->add_option("--config", options->config_file,
                   "the configuration file (see docs/configuration.md)")
      ->required()
      ->type_name("FILE");
  serve_command->add_flag("--check", options->check_only,
                          "validate the configuration and the policy, then exit");
  command_line::add_optional(*serve_command, "--log-level", options->log_level,
                             "debug | info | warn | error (default info, or SWITCHYARD_LOG_LEVEL)")
      ->type_name("LEVEL")
      ->check([](const std::string& level) -> std::string {
        return log::parse_level(level) ? "" : "takes debug, info, warn or error";
      });
  command_line::on_run(*serve_command, [options] { return serve(*options); });
}

}  // namespace switchyard::cli
