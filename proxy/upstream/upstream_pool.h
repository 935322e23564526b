// The bounded keep-alive pool behind one UpstreamClient: idle connections reused newest first
// (LIFO: the warmest socket, and the oldest ones age out at the cap), a cap on idle connections,
// and a cap on all open ones (leased + idle) beyond which a request fails with kPoolExhausted
// instead of queueing. Like Pingora's pool key, a pool serves exactly one (host, port, TLS
// context/SNI) endpoint: a connection is never handed to a request for another upstream. One worker
// thread, no locks.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "proxy/upstream/upstream_client.h"
#include "proxy/upstream/upstream_connection.h"

namespace switchyard::proxy {

struct UpstreamPoolOptions {
  // Peek at an idle socket before reuse and drop it when the peer closed it. Off only in tests that
  // exercise the retry path for a connection that died after the check.
  bool probe_idle_connections = true;
};

struct UpstreamPoolStats {
  std::size_t leased = 0;         // carrying a request or an unread response
  std::size_t idle = 0;           // open, waiting for reuse
  std::size_t opened = 0;         // connections ever reserved (new connects attempted)
  std::size_t reused = 0;         // requests sent on an idle connection
  std::size_t dropped_stale = 0;  // idle connections found closed by the peer
};

class UpstreamPool {
 public:
  UpstreamPool(std::size_t max_connections, std::size_t max_idle, UpstreamPoolOptions options);

  // The newest idle connection that still looks alive, now leased; nullptr when none.
  std::unique_ptr<UpstreamConnection> take_idle();
  // Leases a slot for a new connection; false when max_connections are open.
  bool reserve();
  // A leased connection whose exchange ended cleanly with keep-alive: becomes idle (the oldest idle
  // one is closed when the idle cap is reached).
  void give_back(std::unique_ptr<UpstreamConnection> connection);
  // A leased slot ends: the connection (if any) is closed.
  void discard(std::unique_ptr<UpstreamConnection> connection);

  const UpstreamPoolStats& stats() const { return stats_; }

 private:
  std::size_t max_connections_;
  std::size_t max_idle_;
  UpstreamPoolOptions options_;
  std::vector<std::unique_ptr<UpstreamConnection>> idle_;  // back = newest
  UpstreamPoolStats stats_;
};

// make_upstream_client with pool options (tests); the stats of a client made by either factory.
std::unique_ptr<UpstreamClient> make_upstream_client(boost::asio::any_io_executor executor,
                                                     UpstreamEndpoint endpoint,
                                                     std::shared_ptr<boost::asio::ssl::context> tls,
                                                     UpstreamPoolOptions options);
const UpstreamPoolStats& pool_stats(const UpstreamClient& client);

}  // namespace switchyard::proxy
