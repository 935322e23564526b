// One connection to an upstream (plain TCP or TLS over TCP) as the pool keeps it: the stream, the
// read buffer that must stay with it between responses, a count of the bytes the kernel accepted
// (so the client knows whether a failed request could have reached the upstream), and the
// connect/handshake steps with certificate and host name verification. Used by one worker thread
// only.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "adapters/api_error.h"
#include "proxy/upstream_client.h"

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

// A beast::tcp_stream (timeouts by expiry) that counts the bytes each write handed to the kernel.
// The TLS stream writes through it too, so the count is of bytes on the wire, not of plaintext.
class CountingTcpStream : public boost::beast::tcp_stream {
 public:
  explicit CountingTcpStream(const boost::asio::any_io_executor& executor)
      : boost::beast::tcp_stream(executor) {}

  std::uint64_t bytes_written() const { return *written_; }

  // Hides tcp_stream::async_write_some (asio::async_write and the SSL engine call it by name).
  template <class ConstBufferSequence, class WriteToken>
  auto async_write_some(const ConstBufferSequence& buffers, WriteToken&& token) {
    return boost::asio::async_initiate<WriteToken, void(boost::system::error_code, std::size_t)>(
        [this](auto handler, const ConstBufferSequence& b) {
          auto slot = boost::asio::get_associated_cancellation_slot(handler);
          auto ex = boost::asio::get_associated_executor(handler, get_executor());
          boost::beast::tcp_stream::async_write_some(
              b, boost::asio::bind_cancellation_slot(
                     slot, boost::asio::bind_executor(
                               ex, [written = written_, h = std::move(handler)](
                                       boost::system::error_code ec, std::size_t n) mutable {
                                 *written += n;
                                 std::move(h)(ec, n);
                               })));
        },
        token, buffers);
  }

 private:
  // Shared with in-flight handlers so a completion after the stream is gone writes to live memory.
  std::shared_ptr<std::uint64_t> written_ = std::make_shared<std::uint64_t>(0);
};

class UpstreamConnection {
 public:
  using TlsStream = boost::asio::ssl::stream<CountingTcpStream>;

  // Resolves, connects and (for https) handshakes with verification, all before connect_deadline.
  static boost::asio::awaitable<
      adapters::Result<std::unique_ptr<UpstreamConnection>, UpstreamError>>
  open(boost::asio::any_io_executor executor, const UpstreamEndpoint& endpoint,
       boost::asio::ssl::context* tls, PhaseDeadline connect_deadline);

  UpstreamConnection(const boost::asio::any_io_executor& executor, boost::asio::ssl::context* tls);

  bool is_tls() const { return tls_.has_value(); }
  CountingTcpStream& tcp() { return tls_ ? tls_->next_layer() : *plain_; }
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
  std::optional<CountingTcpStream> plain_;
  std::optional<TlsStream> tls_;
  static constexpr std::size_t kReadBufferBytes = 8 * 1024;
  boost::beast::flat_buffer buffer_;
  std::size_t requests_served_ = 0;
};

}  // namespace switchyard::proxy
