// One client connection: the read, handle, write loop (HTTP/1.1 keep-alive) over TCP or TLS, with
// the limits of design section 1 (header bytes and count, body bytes, read timeout). A
// SessionTracker per worker knows the live sessions so a graceful shutdown can close idle ones at
// once and let busy ones finish their request.
#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <unordered_set>

#include "proxy/server/pipeline.h"

namespace switchyard::proxy {

class SessionHandle {
 public:
  virtual ~SessionHandle() = default;
  // Shutdown has begun: close now if waiting for a new request, else after the current reply.
  virtual void drain() = 0;
  // The grace period is over.
  virtual void force_close() = 0;
};

// Counts live sessions across all workers, so shutdown can wait for them without polling.
class LiveSessions {
 public:
  void add() { count_.fetch_add(1, std::memory_order_relaxed); }
  void remove() {
    if (count_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      std::lock_guard lock(mutex_);
      cv_.notify_all();
    }
  }
  std::size_t count() const { return count_.load(std::memory_order_acquire); }
  // True when every session ended before the deadline.
  template <class TimePoint>
  bool wait_until_zero(TimePoint deadline) {
    std::unique_lock lock(mutex_);
    return cv_.wait_until(lock, deadline, [&] { return count() == 0; });
  }

 private:
  std::atomic<std::size_t> count_{0};
  std::mutex mutex_;
  std::condition_variable cv_;
};

// Per worker; only touched on the worker's thread.
struct SessionTracker {
  explicit SessionTracker(LiveSessions& l) : live(l) {}
  LiveSessions& live;
  std::unordered_set<SessionHandle*> sessions;
  bool draining = false;

  void drain_all();
  void close_all();
};

boost::asio::awaitable<void> run_plain_session(WorkerContext& worker, SessionTracker& tracker,
                                               boost::asio::ip::tcp::socket socket);
boost::asio::awaitable<void> run_tls_session(WorkerContext& worker, SessionTracker& tracker,
                                             boost::asio::ip::tcp::socket socket,
                                             boost::asio::ssl::context& tls);

}  // namespace switchyard::proxy
