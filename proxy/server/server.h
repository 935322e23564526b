// `switchyard serve` as an object: N worker threads, each with its own single-threaded io_context,
// its own SO_REUSEPORT listener and its own upstream clients; the policy store, audit sink,
// Responses state and metrics shared. Graceful shutdown: stop accepting, let requests in flight
// finish up to limits.shutdown_grace, then close the audit sink (which seals it).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "audit/sink.h"
#include "proxy/config/config.h"
#include "proxy/ops/metrics.h"
#include "proxy/ops/policy_store.h"

namespace switchyard::inspection {
class InspectionPool;
}

namespace switchyard::proxy {

struct ServerOptions {
  // Injected pieces (tests); when null the server builds them from the config.
  std::shared_ptr<audit::AuditSink> audit;
  std::shared_ptr<const policy::Policy> policy;
  Metrics* metrics = nullptr;  // default: global_metrics()
  bool admin = true;           // start the admin listener when admin_listen is configured
  bool watch_policy = true;    // hot reload on file change
  bool handle_sighup = true;   // the reloader owns SIGHUP (one per process)
};

class Server {
 public:
  // Loads the policy and opens the audit sink; throws (ConfigError, PolicyError, runtime_error)
  // on any startup problem, including a vendor key missing from the environment.
  explicit Server(Config config, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listeners (port 0 picks one: see port()) and starts the workers.
  void start();
  std::uint16_t port() const { return port_; }
  std::uint16_t admin_port() const;
  // Drains and stops; returns once every worker has stopped and the audit sink is closed.
  // Idempotent; callable from any thread except a worker's.
  void shutdown();
  // start(), wait for SIGTERM or SIGINT, shutdown(). The process exit code.
  int run();

  const Config& config() const { return config_; }
  PolicyStore& policies() { return *policies_; }
  inspection::InspectionPool* inspection_pool() { return inspection_.get(); }

 private:
  struct Shared;
  struct Worker;

  Config config_;
  ServerOptions options_;
  std::unique_ptr<Shared> shared_;
  std::unique_ptr<PolicyStore> policies_;
  std::shared_ptr<audit::AuditSink> audit_;
  std::shared_ptr<boost::asio::ssl::context> listener_tls_;
  std::vector<std::shared_ptr<boost::asio::ssl::context>> upstream_tls_;  // by upstream index
  std::vector<std::unique_ptr<Worker>> workers_;
  // Declared after the workers so that it is destroyed first: its threads post to their executors.
  std::unique_ptr<inspection::InspectionPool> inspection_;
  std::uint16_t port_ = 0;
  std::mutex shutdown_mutex_;
  bool started_ = false;
  bool stopped_ = false;
};

}  // namespace switchyard::proxy
