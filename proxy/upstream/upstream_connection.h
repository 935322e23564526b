// One connection to an upstream (plain TCP or TLS over TCP) as the pool keeps it: the stream, the
// read buffer that must stay with it between responses, a count of the bytes the kernel accepted
// (so the client knows whether a failed request could have reached the upstream), and the
// connect/handshake steps with certificate and host name verification. Used by one worker thread
// only.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "adapters/api_error.h"
#include "proxy/upstream/deadline_stream.h"
#include "proxy/upstream/upstream_client.h"

namespace switchyard::proxy {

using UpstreamClock = std::chrono::steady_clock;

// A phase's deadline, capped by the exchange's total deadline; total_binds tells which of the two a
// timeout at this deadline should be reported as.
struct PhaseDeadline {
  UpstreamClock::time_point at;
  bool total_binds = false;
};
PhaseDeadline phase_deadline(std::chrono::milliseconds limit, UpstreamClock::time_point total);

// The Host header for an endpoint: host (IPv6 in brackets), plus ":port" unless it is the default.
std::string upstream_host_header(const UpstreamEndpoint& endpoint);

class UpstreamConnection {
 public:
  using TlsStream = boost::asio::ssl::stream<DeadlineStream>;

  // Resolves, connects and (for https) handshakes with verification, all before connect_deadline.
  static boost::asio::awaitable<
      adapters::Result<std::unique_ptr<UpstreamConnection>, UpstreamError>>
  open(boost::asio::any_io_executor executor, const UpstreamEndpoint& endpoint,
       boost::asio::ssl::context* tls, PhaseDeadline connect_deadline);

  UpstreamConnection(const boost::asio::any_io_executor& executor, boost::asio::ssl::context* tls);

  bool is_tls() const { return tls_.has_value(); }
  DeadlineStream& tcp() { return tls_ ? tls_->next_layer() : *plain_; }
  TlsStream& tls() { return *tls_; }
  boost::beast::flat_buffer& buffer() { return buffer_; }
  std::uint64_t bytes_written() { return tcp().bytes_written(); }
  std::size_t requests_served() const { return requests_served_; }
  void count_request() { ++requests_served_; }

  // Calls f with the stream HTTP is spoken over (plain or TLS); f returns an awaitable.
  template <class F>
  auto visit(F&& f) {
    if (tls_) return f(*tls_);
    return f(*plain_);
  }

  // Non-blocking check before reusing an idle connection: false when the peer closed it, reset it,
  // or sent bytes nobody asked for (a late error page, a TLS close_notify).
  bool looks_alive();
  // Closes the socket now, without a TLS close_notify: used to abandon an exchange.
  void close();

 private:
  std::optional<DeadlineStream> plain_;
  std::optional<TlsStream> tls_;
  static constexpr std::size_t kReadBufferBytes = 8 * 1024;
  boost::beast::flat_buffer buffer_;
  std::size_t requests_served_ = 0;
};

}  // namespace switchyard::proxy
