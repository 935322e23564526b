// make_client_tls_context: the client-side TLS settings every upstream connection inherits.
#include <openssl/ssl.h>

#include <boost/asio/ssl/context.hpp>
#include <stdexcept>

#include "proxy/upstream/upstream_client.h"

namespace switchyard::proxy {

std::shared_ptr<boost::asio::ssl::context> make_client_tls_context(
    const UpstreamEndpoint& endpoint) {
  if (!endpoint.tls) return nullptr;
  namespace ssl = boost::asio::ssl;
  auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
  SSL_CTX* native = context->native_handle();
  if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1) {
    throw std::runtime_error("upstream '" + endpoint.name + "': cannot require TLS 1.2");
  }
  context->set_options(ssl::context::default_workarounds | ssl::context::no_compression);
  // Trust: the system store, plus the configured bundle (an internal CA, or a test CA).
  context->set_default_verify_paths();
  if (!endpoint.ca_file.empty()) {
    boost::system::error_code ec;
    context->load_verify_file(endpoint.ca_file, ec);
    if (ec) {
      throw std::runtime_error("upstream '" + endpoint.name + "': cannot load ca_file '" +
                               endpoint.ca_file + "': " + ec.message());
    }
  }
  // Verification is never optional; each connection also sets the host name to check (SNI too).
  context->set_verify_mode(ssl::verify_peer);
  // We speak HTTP/1.1 only; saying so keeps servers that prefer h2 from choosing it.
  static const unsigned char kAlpn[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
  if (SSL_CTX_set_alpn_protos(native, kAlpn, sizeof(kAlpn)) != 0) {
    throw std::runtime_error("upstream '" + endpoint.name + "': cannot set ALPN");
  }
  return context;
}

}  // namespace switchyard::proxy
