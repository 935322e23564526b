// The client side of forwarding: a bounded keep-alive connection pool to one upstream, over
// HTTP/1.1 or HTTPS (certificate and host name verification, SNI), with connect, first-byte,
// idle-between- chunks and total timeouts. The response body is read piece by piece so streams are
// relayed as they arrive. One UpstreamClient per worker thread per upstream: workers share nothing,
// so no locks.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "adapters/api_error.h"
#include "proxy/config/config.h"

namespace switchyard::proxy {

// Where an upstream lives, parsed from its base_url.
struct UpstreamEndpoint {
  std::string name;       // from the config, for logs and metrics
  bool tls = false;       // https://
  std::string host;       // also the SNI name and the name the certificate must carry
  std::string port;       // "443", "80" or explicit
  std::string base_path;  // e.g. "/v1", no trailing slash; the adapter's path is appended
  std::string ca_file;    // optional extra CA bundle (PEM); empty: system store only
  UpstreamTimeouts timeouts;
  std::size_t max_connections = 256;      // per worker; beyond it send() fails with kPoolExhausted
  std::size_t max_idle_connections = 64;  // per worker
};

enum class UpstreamErrorKind : std::uint8_t {
  kConnect,  // resolve or TCP connect failed / refused
  kTls,      // handshake or certificate verification failed
  kTimeoutConnect,
  kTimeoutFirstByte,
  kTimeoutIdle,
  kTimeoutTotal,
  kClosed,    // peer closed before/while sending the response
  kProtocol,  // malformed HTTP from the upstream
  kPoolExhausted,
  kCancelled,
};

std::string_view to_string(UpstreamErrorKind kind);

struct UpstreamError {
  UpstreamErrorKind kind = UpstreamErrorKind::kConnect;
  bool request_bytes_sent = false;  // false: safe to retry elsewhere
  std::string message;              // for logs; never contains keys or bodies
};

// One response whose header has arrived. Reading the body to its end returns the connection to the
// pool (when keep-alive allows); destroying the object earlier closes the connection, which is how
// a client that went away cancels the upstream request.
class UpstreamResponse {
 public:
  virtual ~UpstreamResponse() = default;
  virtual unsigned status() const = 0;
  virtual const boost::beast::http::fields& headers() const = 0;
  // The next piece of the body as it arrives (any size); an empty string once the body is complete.
  virtual boost::asio::awaitable<adapters::Result<std::string, UpstreamError>> read_some() = 0;
  virtual bool done() const = 0;
};

class UpstreamClient {
 public:
  virtual ~UpstreamClient() = default;
  // Sends the request (Host and Content-Length are set here) and waits for the response header. A
  // request is retried once on a new connection only if it failed on a reused idle connection
  // before any byte was written; never after a byte went out.
  virtual boost::asio::awaitable<adapters::Result<std::unique_ptr<UpstreamResponse>, UpstreamError>>
  send(boost::beast::http::request<boost::beast::http::string_body> request) = 0;
  virtual const UpstreamEndpoint& endpoint() const = 0;
};

// The request line and fields of `request`, ending with the empty line: the bytes Beast's
// serializer writes before the body once prepare_payload() has run. send() writes this and the
// body as two buffers.
std::string serialize_request_head(
    const boost::beast::http::request<boost::beast::http::string_body>& request);

// Parses "http(s)://host[:port][/path]" into an endpoint (throws std::invalid_argument when bad).
UpstreamEndpoint parse_base_url(std::string_view name, std::string_view base_url);

// base_path + path, e.g. ("/v1", "/chat/completions") -> "/v1/chat/completions". send() sends the
// request target exactly as given, so callers build it with this.
std::string upstream_target(const UpstreamEndpoint& endpoint, std::string_view path);

// TLS contexts: verify_peer with the system store plus ca_file. One per upstream, shared by
// workers.
std::shared_ptr<boost::asio::ssl::context> make_client_tls_context(
    const UpstreamEndpoint& endpoint);

std::unique_ptr<UpstreamClient> make_upstream_client(
    boost::asio::any_io_executor executor, UpstreamEndpoint endpoint,
    std::shared_ptr<boost::asio::ssl::context> tls);

}  // namespace switchyard::proxy
