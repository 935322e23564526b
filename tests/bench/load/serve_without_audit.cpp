// A benchmark-only server: `switchyard serve` with the audit sink replaced by one that accepts
// every record at once and writes nothing. It exists to measure what auditing costs (issue 6:
// "audit on versus off, in one run") and is never installed: the shipped binary has no way to
// turn the audit off. Usage: bench_serve_without_audit --config FILE
#include <cstdio>
#include <string>
#include <string_view>

#include "common/log.h"
#include "policies/policy.h"
#include "proxy/config/config.h"
#include "proxy/server/server.h"

namespace {

using switchyard::audit::AuditSink;

class DiscardingAuditSink final : public AuditSink {
 public:
  void append(boost::json::object, Done done) override {
    if (done) done(true);
  }
  // The pipeline hands over serialized records; the default would parse them back.
  void append_serialized(std::string_view, std::string_view, bool, Done done) override {
    if (done) done(true);
  }
  std::string prompt_digest(std::string_view) const override { return {}; }
  std::string prompt_digest_joined(std::span<const std::string_view>) const override { return {}; }
  bool healthy() const override { return true; }
  void close() override {}
};

}  // namespace

int main(int argc, char** argv) {
  namespace proxy = switchyard::proxy;
  if (argc != 3 || std::string_view(argv[1]) != "--config") {
    std::fprintf(stderr, "usage: %s --config FILE\n", argv[0]);
    return 2;
  }
  switchyard::log::set_min_level(switchyard::log::Level::kWarn);
  try {
    proxy::ServerOptions options;
    options.audit = std::make_shared<DiscardingAuditSink>();
    proxy::Server server(proxy::load_config(argv[2]), std::move(options));
    return server.run();
  } catch (const proxy::ConfigError& e) {
    for (const auto& error : e.errors()) std::fprintf(stderr, "%s\n", error.c_str());
  } catch (const switchyard::policy::PolicyError& e) {
    for (const auto& error : e.errors()) std::fprintf(stderr, "%s\n", error.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
  }
  return 1;
}
