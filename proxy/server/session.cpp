// The session loop after Beast's advanced server examples: wait for the first byte of a request
// (idle, closable on shutdown), read the header with a header limit, check the header count and
// declared length, answer Expect: 100-continue, read the body with a body limit, then hand the
// request to the pipeline. Read errors become 400/408/413/431 in the endpoint's error format.
#include "proxy/server/session.h"

#include <poll.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <memory>
#include <optional>

#include "common/log.h"
#include "proxy/server/endpoints.h"
#include "proxy/upstream/deadline_stream.h"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"  // see pipeline.cpp
#endif

namespace switchyard::proxy {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

void SessionTracker::drain_all() {
  draining = true;
  // drain() may end a session, which erases it from the set: iterate over a copy.
  const std::vector<SessionHandle*> copy(sessions.begin(), sessions.end());
  for (auto* s : copy) s->drain();
}

void SessionTracker::close_all() {
  const std::vector<SessionHandle*> copy(sessions.begin(), sessions.end());
  for (auto* s : copy) s->force_close();
}

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

template <class Stream>
class Session final : public ClientWriter, public SessionHandle {
 public:
  Session(WorkerContext& worker, SessionTracker& tracker, Stream stream)
      : worker_(worker), tracker_(tracker), stream_(std::move(stream)) {
    // A read that times out mid-request is answered 408 before the connection closes; Beast's
    // tcp_stream closed the socket on the timeout, so that reply never went out.
    lowest().close_on_timeout(false);
    tracker_.sessions.insert(this);
    tracker_.live.add();
  }
  ~Session() override {
    tracker_.sessions.erase(this);
    tracker_.live.remove();
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  Stream& stream() { return stream_; }
  DeadlineStream& lowest() { return beast::get_lowest_layer(stream_); }

  asio::awaitable<void> serve();

  asio::awaitable<bool> write(std::span<const asio::const_buffer> buffers) override {
    if (closed_) co_return false;
    lowest().expires_after(worker_.shared.config->limits.write_timeout);
    auto [ec, n] = co_await asio::async_write(stream_, buffers, kTuple);
    lowest().expires_never();
    (void)n;
    co_return !ec;
  }

  void watch_for_close(std::function<void()> on_gone) override {
    if (closed_) {
      on_gone();
      return;
    }
    on_gone_ = std::move(on_gone);
    watching_ = true;
    arm_watch();
  }
  void stop_watching() override {
    if (!watching_) return;
    watching_ = false;
    on_gone_ = nullptr;
    beast::error_code ec;
    lowest().socket().cancel(ec);
    watch_timer_.cancel();
  }

  void drain() override {
    if (idle_) close();
  }
  void force_close() override { close(); }

  void close() {
    if (closed_) return;
    closed_ = true;
    if (watching_) client_gone();  // closed by shutdown while the request waited
    beast::error_code ec;
    lowest().socket().shutdown(tcp::socket::shutdown_both, ec);
    lowest().close();
  }

 private:
  // How the client's side of the connection looks, without reading from it.
  enum class Peer { kQuiet, kBytes, kGone };
  Peer peer() {
    pollfd p{lowest().socket().native_handle(), POLLIN | POLLRDHUP, 0};
    if (::poll(&p, 1, 0) < 0) return Peer::kQuiet;
    // POLLRDHUP: the client shut its side down, even with bytes still unread before the FIN.
    if ((p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) != 0) return Peer::kGone;
    return (p.revents & POLLIN) != 0 ? Peer::kBytes : Peer::kQuiet;
  }

  void client_gone() {
    watching_ = false;
    if (auto gone = std::move(on_gone_)) gone();
  }

  // Waits for the socket to become readable. Readable with bytes (a pipelined request, a TLS
  // record such as close_notify) stays readable, so the FIN behind them is then looked for on a
  // timer instead of spinning on readiness.
  void arm_watch() {
    lowest().socket().async_wait(tcp::socket::wait_read,
                                 [this, alive = std::weak_ptr<bool>(alive_)](beast::error_code ec) {
                                   if (alive.expired() || !watching_ || ec)
                                     return;  // gone, stopped, or closed
                                   on_readable();
                                 });
  }
  void on_readable() {
    switch (peer()) {
      case Peer::kGone:
        client_gone();
        return;
      case Peer::kQuiet:
        arm_watch();
        return;
      case Peer::kBytes:
        watch_timer_.expires_after(std::chrono::milliseconds(100));
        watch_timer_.async_wait([this, alive = std::weak_ptr<bool>(alive_)](beast::error_code ec) {
          if (alive.expired() || !watching_ || ec) return;
          on_readable();
        });
        return;
    }
  }

  // A request the session could not read; the connection closes after the reply.
  asio::awaitable<void> reject(adapters::Dialect dialect, int status, std::string_view code,
                               std::string message) {
    co_await reply_read_error(worker_, *this, dialect, status, code, std::move(message));
    linger_ = true;
  }

 public:
  // After an error reply to a request whose body was not read: stop sending, then drain what the
  // client is still sending for a moment, so the kernel does not answer it with a reset that
  // would destroy our reply before the client reads it.
  asio::awaitable<void> linger_close() {
    if (!linger_ || closed_) co_return;
    beast::error_code ec;
    lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
    std::array<char, 16384> scratch;
    std::size_t drained = 0;
    lowest().expires_after(std::chrono::seconds(2));
    while (drained < (64u << 20)) {
      auto [read_ec, n] = co_await lowest().async_read_some(asio::buffer(scratch), kTuple);
      if (read_ec) break;
      drained += n;
    }
    lowest().expires_never();
  }

 private:
  asio::awaitable<void> read_failed(const beast::error_code& ec, adapters::Dialect target,
                                    bool partial) {
    const auto& limits = worker_.shared.config->limits;
    if (ec == http::error::header_limit) {
      co_await reject(
          target, 431, "request_header_fields_too_large",
          "Request headers exceed " + std::to_string(limits.max_header_bytes) + " bytes");
    } else if (ec == http::error::body_limit) {
      co_await reject(target, 413, "request_too_large",
                      "Request body exceeds " + std::to_string(limits.max_body_bytes) + " bytes");
    } else if (ec == beast::error::timeout) {
      if (partial) co_await reject(target, 408, "request_timeout", "Request not received in time");
    } else if (ec == http::error::end_of_stream || ec == asio::error::eof ||
               ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
               ec == asio::error::bad_descriptor || ec == asio::ssl::error::stream_truncated) {
      // The client closed (or shutdown closed it): nothing to answer.
    } else if (partial) {
      co_await reject(target, 400, "invalid_http", "Malformed HTTP request: " + ec.message());
    }
  }

  WorkerContext& worker_;
  SessionTracker& tracker_;
  Stream stream_;
  bool idle_ = false;
  bool closed_ = false;
  bool linger_ = false;
  // watch_for_close: its callback, a timer for clients that sent bytes, and a token the handlers
  // check before touching the session (they may run after it is gone).
  bool watching_ = false;
  std::function<void()> on_gone_;
  asio::steady_timer watch_timer_{stream_.get_executor()};
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

template <class Stream>
asio::awaitable<void> Session<Stream>::serve() {
  const auto& limits = worker_.shared.config->limits;
  beast::flat_buffer buffer;
  for (;;) {
    if (buffer.size() == 0) {
      // Between requests: idle until the first byte; a draining server closes us here.
      if (tracker_.draining || closed_) break;
      idle_ = true;
      lowest().expires_after(limits.read_timeout);
      auto [ec, n] = co_await stream_.async_read_some(buffer.prepare(8192), kTuple);
      idle_ = false;
      lowest().expires_never();
      if (ec || closed_) break;
      buffer.commit(n);
    }
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
    parser.body_limit(limits.max_body_bytes);
    lowest().expires_after(limits.read_timeout);
    {
      auto [ec, n] = co_await http::async_read_header(stream_, buffer, parser, kTuple);
      if (ec) {
        lowest().expires_never();
        // Beast checks a declared Content-Length against body_limit as the header completes,
        // so the endpoint may already be known here (the target is empty until parsed).
        const adapters::Dialect dialect = error_dialect_for_target(parser.get().target());
        co_await read_failed(ec, dialect, true);
        break;
      }
    }
    const auto& header = parser.get();
    // Errors from here on use the endpoint's format (decided before any co_await: see pipeline.cpp
    // about GCC 12 and coroutine temporaries).
    const adapters::Dialect target = error_dialect_for_target(header.target());
    std::size_t fields = 0;
    for (auto it = header.begin(); it != header.end(); ++it) ++fields;
    if (fields > limits.max_headers) {
      lowest().expires_never();
      co_await reject(target, 431, "request_header_fields_too_large",
                      "Too many request headers (" + std::to_string(fields) + "; at most " +
                          std::to_string(limits.max_headers) + ")");
      break;
    }
    if (const auto length = parser.content_length(); length && *length > limits.max_body_bytes) {
      lowest().expires_never();
      co_await reject(target, 413, "request_too_large",
                      "Request body exceeds " + std::to_string(limits.max_body_bytes) + " bytes");
      break;
    }
    if (!parser.is_done()) {
      if (auto it = header.find(http::field::expect);
          it != header.end() && beast::iequals(it->value(), "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        const std::array<asio::const_buffer, 1> b{asio::buffer(kContinue)};
        const bool written = co_await write(b);
        if (!written) break;
        lowest().expires_after(limits.read_timeout);
      }
      auto [ec, n] = co_await http::async_read(stream_, buffer, parser, kTuple);
      if (ec) {
        lowest().expires_never();
        co_await read_failed(ec, target, true);
        break;
      }
    }
    lowest().expires_never();
    HttpRequest request = parser.release();
    const bool keep_alive = co_await handle_request(worker_, request, *this);
    if (!keep_alive || tracker_.draining || closed_) break;
  }
}

}  // namespace

asio::awaitable<void> run_plain_session(WorkerContext& worker, SessionTracker& tracker,
                                        tcp::socket socket) {
  Session<DeadlineStream> session(worker, tracker, DeadlineStream(std::move(socket)));
  try {
    co_await session.serve();
    co_await session.linger_close();
  } catch (const std::exception& e) {
    log::error("session failed", {{"error", e.what()}});
  }
  session.close();
}

asio::awaitable<void> run_tls_session(WorkerContext& worker, SessionTracker& tracker,
                                      tcp::socket socket, asio::ssl::context& tls) {
  using TlsStream = beast::ssl_stream<DeadlineStream>;
  Session<TlsStream> session(worker, tracker, TlsStream(DeadlineStream(std::move(socket)), tls));
  try {
    session.lowest().expires_after(worker.shared.config->limits.read_timeout);
    auto [ec] = co_await session.stream().async_handshake(asio::ssl::stream_base::server, kTuple);
    session.lowest().expires_never();
    if (!ec) {
      co_await session.serve();
      // Best effort close_notify, bounded so a silent client cannot hold the session.
      session.lowest().expires_after(std::chrono::seconds(1));
      co_await session.stream().async_shutdown(kTuple);
    } else {
      log::debug("tls handshake failed", {{"error", ec.message()}});
    }
  } catch (const std::exception& e) {
    log::error("session failed", {{"error", e.what()}});
  }
  session.close();
}

}  // namespace switchyard::proxy
