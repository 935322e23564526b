// The admin listener (design section 2), on its own address apart from client traffic:
//   GET /healthz  200 "ok" while the process serves at all (liveness);
//   GET /readyz   200 or 503 with a JSON body. Ready means this replica can do its own work: a
//                 policy loaded (name, version, sha256), the audit writable
//                 (audit::AuditSink::healthy), not draining. Each upstream's reachability (a TCP
//                 connect probe with a short timeout, cached for a few seconds) is in the detail,
//                 and fails readiness only for upstreams configured with `gates_readiness: true`;
//   GET /metrics  the Prometheus exposition of Metrics (text/plain; version=0.0.4), including
//                 switchyard_upstream_reachable from the same probes;
//   GET /playground, POST /policy/explain, GET /policy/source: the policy playground
//                 (playground.h), when ReadinessSources::playground is set and a policy store is.
// It depends on nothing of the request pipeline: what readiness looks at comes in ReadinessSources.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "audit/sink.h"
#include "proxy/ops/metrics.h"
#include "proxy/ops/policy_store.h"
#include "proxy/upstream/upstream_client.h"

namespace switchyard::proxy {

// One upstream /readyz probes. Its reachability is reported, and fails readiness only when
// `gates_readiness` (config `gates_readiness: true`): an outage at one vendor, or of the internal
// model, must not take every replica out of every load balancer, since the other routes still
// serve and internal traffic fails closed either way (503 internal_upstream_unavailable).
struct ReadinessUpstream {
  std::string name;
  std::string host;
  std::string port;
  bool gates_readiness = false;
};

// Builds the probe list from the configured endpoints (mock upstreams have no endpoint: skip them).
// `gates[i]` says whether endpoint i gates readiness; absent entries do not.
std::vector<ReadinessUpstream> readiness_upstreams(const std::vector<UpstreamEndpoint>& endpoints,
                                                   const std::vector<bool>& gates = {});

struct ReadinessSources {
  PolicyStore* policy = nullptr;      // null or empty store: not ready
  audit::AuditSink* audit = nullptr;  // null: reported as "audit":{"configured":false}, still ready
  std::vector<ReadinessUpstream> upstreams;
  std::chrono::milliseconds probe_timeout{1000};
  std::chrono::milliseconds probe_cache{5000};  // a probe result is reused this long
  bool playground = true;                       // serve the playground (needs `policy`)
};

class AdminServer {
 public:
  // Binds nothing yet; start() does. `metrics` and the sources must outlive the server.
  AdminServer(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint endpoint,
              Metrics& metrics, ReadinessSources sources);
  ~AdminServer();
  AdminServer(const AdminServer&) = delete;
  AdminServer& operator=(const AdminServer&) = delete;

  // Opens, binds and listens (throws boost::system::system_error on failure), then accepts on the
  // io_context: run the io_context to serve. Port 0 picks a free port: see port().
  void start();
  // Closes the acceptor and every open admin connection. Idempotent; safe from any thread.
  void stop();
  unsigned short port() const;
  // Once set, /readyz answers 503 {"draining":true} so load balancers stop sending new requests
  // while in-flight ones finish (the server sets it on SIGTERM).
  void set_draining(bool draining);

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace switchyard::proxy
