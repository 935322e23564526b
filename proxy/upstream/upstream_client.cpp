// make_upstream_client: sending a request over a pooled connection and reading the response header;
// the body is read piece by piece by PooledResponse. See docs/upstreams.md for the rules.
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http.hpp>
#include <optional>

#include "proxy/upstream/upstream_client.h"
#include "proxy/upstream/upstream_connection.h"
#include "proxy/upstream/upstream_pool.h"

namespace switchyard::proxy {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

using Request = http::request<http::string_body>;
using Parser = http::response_parser<http::buffer_body>;

constexpr std::size_t kHeaderLimit = 64 * 1024;
constexpr std::size_t kBodyPiece = 16 * 1024;  // at most this much per read_some()

UpstreamError make_error(UpstreamErrorKind kind, bool sent, std::string message) {
  return UpstreamError{kind, sent, std::move(message)};
}

// What an I/O error means once the request is on its way; timeout_kind names the running phase.
UpstreamErrorKind classify(const boost::system::error_code& ec, const PhaseDeadline& deadline,
                           UpstreamErrorKind timeout_kind) {
  if (ec == beast::error::timeout) {
    return deadline.total_binds ? UpstreamErrorKind::kTimeoutTotal : timeout_kind;
  }
  if (ec == asio::error::operation_aborted) return UpstreamErrorKind::kCancelled;
  if (ec.category() == http::make_error_code(http::error::end_of_stream).category()) {
    // The peer closed before or inside the message; everything else from the parser is malformed
    // HTTP (bad status line, oversized header, bad chunk framing).
    if (ec == http::error::end_of_stream || ec == http::error::partial_message) {
      return UpstreamErrorKind::kClosed;
    }
    return UpstreamErrorKind::kProtocol;
  }
  // eof, connection reset, broken pipe, TLS stream truncated: the peer went away.
  return UpstreamErrorKind::kClosed;
}

void prepare_parser(Parser& parser, bool head_request) {
  parser.header_limit(kHeaderLimit);
  parser.body_limit(boost::none);  // streamed through, never held: the total timeout bounds it
  if (head_request) parser.skip(true);
}

class PooledResponse final : public UpstreamResponse {
 public:
  PooledResponse(std::shared_ptr<UpstreamPool> pool, std::unique_ptr<UpstreamConnection> connection,
                 std::shared_ptr<const UpstreamEndpoint> endpoint,
                 UpstreamClock::time_point total_deadline)
      : pool_(std::move(pool)),
        connection_(std::move(connection)),
        endpoint_(std::move(endpoint)),
        total_deadline_(total_deadline) {}

  ~PooledResponse() override {
    // Not read to the end: the connection is closed, which is how the upstream learns that nobody
    // wants the rest (a streaming generation stops).
    if (connection_) pool_->discard(std::move(connection_));
  }
  PooledResponse(const PooledResponse&) = delete;
  PooledResponse& operator=(const PooledResponse&) = delete;

  asio::awaitable<std::optional<UpstreamError>> read_header(PhaseDeadline deadline,
                                                            bool head_request) {
    connection_->tcp().expires_at(deadline.at);
    for (;;) {
      parser_.emplace();
      prepare_parser(*parser_, head_request);
      auto [ec, n] = co_await connection_->visit([&](auto& stream) {
        return http::async_read_header(stream, connection_->buffer(), *parser_,
                                       asio::as_tuple(asio::use_awaitable));
      });
      if (ec) {
        co_return fail(classify(ec, deadline, UpstreamErrorKind::kTimeoutFirstByte),
                       "reading the response header: " + ec.message());
      }
      const unsigned status = parser_->get().result_int();
      if (status == 101) {
        co_return fail(UpstreamErrorKind::kProtocol, "unexpected 101 Switching Protocols");
      }
      if (status >= 100 && status < 200)
        continue;  // interim (100 Continue, 103): the real one follows
      break;
    }
    if (parser_->is_done()) finish();  // no body (Content-Length: 0, 204, 304, HEAD)
    co_return std::nullopt;
  }

  unsigned status() const override { return parser_->get().result_int(); }
  const http::fields& headers() const override { return parser_->get(); }
  bool done() const override { return done_; }

  asio::awaitable<adapters::Result<std::string, UpstreamError>> read_some() override {
    using Out = adapters::Result<std::string, UpstreamError>;
    if (error_) co_return Out(*error_);
    if (done_) co_return Out(std::string());
    const PhaseDeadline deadline = phase_deadline(endpoint_->timeouts.idle, total_deadline_);
    connection_->tcp().expires_at(deadline.at);
    for (;;) {
      auto& body = parser_->get().body();
      body.data = piece_.data();
      body.size = piece_.size();
      auto [ec, n] = co_await connection_->visit([&](auto& stream) {
        return http::async_read_some(stream, connection_->buffer(), *parser_,
                                     asio::as_tuple(asio::use_awaitable));
      });
      if (ec == http::error::need_buffer) ec = {};  // the piece is full: hand it out
      if (ec) {
        co_return Out(*fail(classify(ec, deadline, UpstreamErrorKind::kTimeoutIdle),
                            "reading the response body: " + ec.message()));
      }
      const std::size_t got = piece_.size() - parser_->get().body().size;
      if (parser_->is_done()) finish();
      if (got > 0) co_return Out(std::string(piece_.data(), got));
      if (done_) co_return Out(std::string());
      // Only framing was parsed (a chunk header): keep reading under the same idle deadline.
    }
  }

 private:
  std::optional<UpstreamError> fail(UpstreamErrorKind kind, std::string message) {
    error_ = make_error(kind, /*sent=*/true, "upstream '" + endpoint_->name + "': " + message);
    pool_->discard(std::move(connection_));
    return error_;
  }

  // The whole response is read: the connection goes back to the pool if HTTP says it may
  // (keep-alive, length-delimited) and nothing unexpected is buffered after the message.
  void finish() {
    done_ = true;
    connection_->tcp().expires_never();  // an idle connection must not time out in the pool
    if (parser_->get().keep_alive() && connection_->buffer().size() == 0) {
      pool_->give_back(std::move(connection_));
    } else {
      pool_->discard(std::move(connection_));
    }
  }

  std::shared_ptr<UpstreamPool> pool_;
  std::unique_ptr<UpstreamConnection> connection_;    // null once finished or failed
  std::shared_ptr<const UpstreamEndpoint> endpoint_;  // shared: a response may outlive its client
  UpstreamClock::time_point total_deadline_;
  std::optional<Parser> parser_;
  bool done_ = false;
  std::optional<UpstreamError> error_;
  std::array<char, kBodyPiece> piece_;
};

class PooledUpstreamClient final : public UpstreamClient {
 public:
  PooledUpstreamClient(asio::any_io_executor executor, UpstreamEndpoint endpoint,
                       std::shared_ptr<asio::ssl::context> tls, UpstreamPoolOptions options)
      : executor_(std::move(executor)),
        endpoint_(std::make_shared<const UpstreamEndpoint>(std::move(endpoint))),
        tls_(std::move(tls)),
        pool_(std::make_shared<UpstreamPool>(endpoint_->max_connections,
                                             endpoint_->max_idle_connections, options)),
        host_header_(upstream_host_header(*endpoint_)) {
    if (endpoint_->tls && !tls_) tls_ = make_client_tls_context(*endpoint_);
  }

  const UpstreamEndpoint& endpoint() const override { return *endpoint_; }
  const UpstreamPoolStats& stats() const { return pool_->stats(); }

  asio::awaitable<adapters::Result<std::unique_ptr<UpstreamResponse>, UpstreamError>> send(
      Request request) override {
    using Out = adapters::Result<std::unique_ptr<UpstreamResponse>, UpstreamError>;
    const UpstreamEndpoint& endpoint = *endpoint_;
    const auto total_deadline = UpstreamClock::now() + endpoint.timeouts.total;
    request.version(11);
    request.set(http::field::host, host_header_);
    request.keep_alive(true);
    request.prepare_payload();
    const bool head_request = request.method() == http::verb::head;
    // The head is serialized once, by hand, and sent with the body as two buffers: the same bytes
    // as Beast's serializer (request line, fields in order as "name: value", empty line), without
    // its buffer-sequence machinery, which was a few percent of the proxy's CPU per request.
    const std::string head = serialize_request_head(request);
    const std::array<asio::const_buffer, 2> wire{asio::buffer(head), asio::buffer(request.body())};
    // Built only for an error message (it was an allocation on every request).
    const auto where = [&endpoint] { return "upstream '" + endpoint.name + "': "; };

    for (int attempt = 0;; ++attempt) {
      // Attempt 0 prefers an idle connection; the single retry always opens a new one.
      std::unique_ptr<UpstreamConnection> connection = attempt == 0 ? pool_->take_idle() : nullptr;
      const bool reused = connection != nullptr;
      if (!connection) {
        if (!pool_->reserve()) {
          co_return Out(make_error(UpstreamErrorKind::kPoolExhausted, false,
                                   where() + "all " + std::to_string(endpoint.max_connections) +
                                       " connections are busy"));
        }
        auto opened = co_await UpstreamConnection::open(
            executor_, endpoint, tls_.get(),
            phase_deadline(endpoint.timeouts.connect, total_deadline));
        if (!opened) {
          pool_->discard(nullptr);
          co_return Out(opened.error());
        }
        connection = std::move(*opened);
      }

      // Writing counts against the first-byte budget: a peer that stops reading is as stuck as one
      // that stops answering.
      const PhaseDeadline write_deadline =
          phase_deadline(endpoint.timeouts.first_byte, total_deadline);
      connection->tcp().expires_at(write_deadline.at);
      const std::uint64_t before = connection->bytes_written();
      auto [wec, written] = co_await connection->visit([&](auto& stream) {
        return asio::async_write(stream, wire, asio::as_tuple(asio::use_awaitable));
      });
      const bool sent = connection->bytes_written() != before;
      if (wec) {
        pool_->discard(std::move(connection));
        // The retry rule: only a reused connection, only when the kernel took none of the request
        // (the peer had already reset the socket), only once. A timeout is not staleness.
        if (reused && !sent && attempt == 0 && wec != beast::error::timeout &&
            wec != asio::error::operation_aborted) {
          continue;
        }
        co_return Out(
            make_error(classify(wec, write_deadline, UpstreamErrorKind::kTimeoutFirstByte), sent,
                       where() + "writing the request: " + wec.message()));
      }
      connection->count_request();

      auto response =
          std::make_unique<PooledResponse>(pool_, std::move(connection), endpoint_, total_deadline);
      auto failed = co_await response->read_header(
          phase_deadline(endpoint.timeouts.first_byte, total_deadline), head_request);
      if (failed) co_return Out(std::move(*failed));
      co_return Out(std::unique_ptr<UpstreamResponse>(std::move(response)));
    }
  }

 private:
  asio::any_io_executor executor_;
  // Shared with the responses, which may outlive the client.
  std::shared_ptr<const UpstreamEndpoint> endpoint_;
  std::shared_ptr<asio::ssl::context> tls_;
  std::shared_ptr<UpstreamPool> pool_;
  std::string host_header_;
};

}  // namespace

// "METHOD target HTTP/1.1\r\n", each field as "name: value\r\n" in order, then "\r\n": what
// Beast's serializer writes for a request whose body has a known size (prepare_payload()).
std::string serialize_request_head(const Request& request) {
  std::size_t size = 32 + request.method_string().size() + request.target().size();
  for (const auto& field : request) size += field.name_string().size() + field.value().size() + 4;
  std::string head;
  head.reserve(size);
  head.append(request.method_string());
  head += ' ';
  head.append(request.target());
  head += request.version() == 10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n";
  for (const auto& field : request) {
    head.append(field.name_string());
    head += ": ";
    head.append(field.value());
    head += "\r\n";
  }
  head += "\r\n";
  return head;
}

std::unique_ptr<UpstreamClient> make_upstream_client(asio::any_io_executor executor,
                                                     UpstreamEndpoint endpoint,
                                                     std::shared_ptr<asio::ssl::context> tls,
                                                     UpstreamPoolOptions options) {
  return std::make_unique<PooledUpstreamClient>(std::move(executor), std::move(endpoint),
                                                std::move(tls), options);
}

std::unique_ptr<UpstreamClient> make_upstream_client(asio::any_io_executor executor,
                                                     UpstreamEndpoint endpoint,
                                                     std::shared_ptr<asio::ssl::context> tls) {
  return make_upstream_client(std::move(executor), std::move(endpoint), std::move(tls),
                              UpstreamPoolOptions{});
}

const UpstreamPoolStats& pool_stats(const UpstreamClient& client) {
  static const UpstreamPoolStats kNone;
  const auto* pooled = dynamic_cast<const PooledUpstreamClient*>(&client);
  return pooled != nullptr ? pooled->stats() : kNone;
}

}  // namespace switchyard::proxy
