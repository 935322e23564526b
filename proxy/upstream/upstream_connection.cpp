#include "proxy/upstream/upstream_connection.h"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <sys/socket.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>
#include <cerrno>
#include <charconv>
#include <system_error>
#include <vector>

namespace switchyard::proxy {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

UpstreamError make_error(UpstreamErrorKind kind, std::string message) {
  return UpstreamError{kind, /*request_bytes_sent=*/false, std::move(message)};
}

UpstreamErrorKind timeout_kind(const PhaseDeadline& deadline) {
  return deadline.total_binds ? UpstreamErrorKind::kTimeoutTotal
                              : UpstreamErrorKind::kTimeoutConnect;
}

std::string where(const UpstreamEndpoint& endpoint) {
  return "upstream '" + endpoint.name + "' (" + endpoint.host + ":" + endpoint.port + ")";
}

}  // namespace

PhaseDeadline phase_deadline(std::chrono::milliseconds limit, UpstreamClock::time_point total) {
  const auto at = UpstreamClock::now() + limit;
  if (at >= total) return {total, true};
  return {at, false};
}

UpstreamConnection::UpstreamConnection(const asio::any_io_executor& executor,
                                       asio::ssl::context* tls) {
  // Beast reads as much as the buffer has room for, and at least 512 bytes: without room set
  // aside, a 1 KB reply (headers and body) took two reads, two timer updates and a poll.
  buffer_.reserve(kReadBufferBytes);
  if (tls != nullptr) {
    tls_.emplace(executor, *tls);
  } else {
    plain_.emplace(executor);
  }
}

asio::awaitable<adapters::Result<std::unique_ptr<UpstreamConnection>, UpstreamError>>
UpstreamConnection::open(asio::any_io_executor executor, const UpstreamEndpoint& endpoint,
                         asio::ssl::context* tls, PhaseDeadline deadline) {
  using Out = adapters::Result<std::unique_ptr<UpstreamConnection>, UpstreamError>;
  if (endpoint.tls && tls == nullptr) {
    co_return Out(make_error(UpstreamErrorKind::kTls, where(endpoint) + ": no TLS context"));
  }
  auto conn = std::make_unique<UpstreamConnection>(executor, endpoint.tls ? tls : nullptr);

  // Resolve. An IP literal needs no resolver (and no resolver thread); a name is resolved under the
  // connect deadline by cancelling the lookup from a timer. Shared state because the timer's
  // completion may already be queued when the lookup finishes.
  boost::system::error_code address_ec;
  const auto address = asio::ip::make_address(endpoint.host, address_ec);
  const bool is_ip = !address_ec;
  std::vector<tcp::endpoint> targets;
  unsigned short port = 0;
  const auto [end, perr] =
      std::from_chars(endpoint.port.data(), endpoint.port.data() + endpoint.port.size(), port);
  if (perr != std::errc() || end != endpoint.port.data() + endpoint.port.size() || port == 0) {
    co_return Out(make_error(UpstreamErrorKind::kConnect, where(endpoint) + ": bad port"));
  }
  if (is_ip) {
    targets.emplace_back(address, port);
  } else {
    auto resolver = std::make_shared<tcp::resolver>(executor);
    auto timed_out = std::make_shared<bool>(false);
    asio::steady_timer timer(executor, deadline.at);
    timer.async_wait([resolver, timed_out](boost::system::error_code ec) {
      if (!ec) {
        *timed_out = true;
        resolver->cancel();
      }
    });
    auto [ec, results] = co_await resolver->async_resolve(endpoint.host, endpoint.port,
                                                          asio::as_tuple(asio::use_awaitable));
    timer.cancel();
    if (*timed_out) {
      co_return Out(
          make_error(timeout_kind(deadline), where(endpoint) + ": name lookup timed out"));
    }
    if (ec) {
      co_return Out(make_error(UpstreamErrorKind::kConnect,
                               where(endpoint) + ": name lookup failed: " + ec.message()));
    }
    for (const auto& r : results) targets.push_back(r.endpoint());
  }

  DeadlineStream& stream = conn->tcp();
  stream.expires_at(deadline.at);
  auto [cec, connected] =
      co_await stream.async_connect(targets, asio::as_tuple(asio::use_awaitable));
  if (cec) {
    if (cec == beast::error::timeout) {
      co_return Out(make_error(timeout_kind(deadline), where(endpoint) + ": connect timed out"));
    }
    co_return Out(
        make_error(UpstreamErrorKind::kConnect, where(endpoint) + ": connect: " + cec.message()));
  }
  boost::system::error_code ignored;
  stream.socket().set_option(tcp::no_delay(true), ignored);  // headers and small chunks go out now

  if (conn->is_tls()) {
    // SNI carries the name (never an IP, RFC 6066); verification checks the chain against the
    // context's trust store and the leaf against the host name or IP: OpenSSL does both during the
    // handshake, so a mismatch fails the handshake itself.
    SSL* ssl = conn->tls().native_handle();
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    bool configured = false;
    if (is_ip) {
      configured = X509_VERIFY_PARAM_set1_ip_asc(param, endpoint.host.c_str()) == 1;
    } else {
      configured = SSL_set_tlsext_host_name(ssl, endpoint.host.c_str()) == 1 &&
                   X509_VERIFY_PARAM_set1_host(param, endpoint.host.c_str(), 0) == 1;
    }
    if (!configured) {
      co_return Out(
          make_error(UpstreamErrorKind::kTls, where(endpoint) + ": cannot set the name to verify"));
    }
    conn->tls().set_verify_mode(asio::ssl::verify_peer);
    auto [hec] = co_await conn->tls().async_handshake(asio::ssl::stream_base::client,
                                                      asio::as_tuple(asio::use_awaitable));
    if (hec) {
      if (hec == beast::error::timeout) {
        co_return Out(
            make_error(timeout_kind(deadline), where(endpoint) + ": TLS handshake timed out"));
      }
      const long verify = SSL_get_verify_result(ssl);
      std::string detail = verify != X509_V_OK ? std::string("certificate verification failed: ") +
                                                     X509_verify_cert_error_string(verify)
                                               : "TLS handshake failed: " + hec.message();
      co_return Out(make_error(UpstreamErrorKind::kTls, where(endpoint) + ": " + detail));
    }
  }
  stream.expires_never();
  co_return Out(std::move(conn));
}

bool UpstreamConnection::looks_alive() {
  auto& socket = tcp().socket();
  if (!socket.is_open()) return false;
  char byte = 0;
  const ssize_t n = ::recv(socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n >= 0) return false;  // 0: orderly close; >0: bytes nobody asked for
  return errno == EAGAIN || errno == EWOULDBLOCK;
}

void UpstreamConnection::close() {
  tcp().close();  // also cancels the expiry timers
}

}  // namespace switchyard::proxy
