// parse_base_url, upstream_target and the names of UpstreamErrorKind.
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <cctype>
#include <stdexcept>
#include <string>

#include "proxy/upstream/upstream_client.h"

namespace switchyard::proxy {

std::string_view to_string(UpstreamErrorKind kind) {
  switch (kind) {
    case UpstreamErrorKind::kConnect:
      return "connect";
    case UpstreamErrorKind::kTls:
      return "tls";
    case UpstreamErrorKind::kTimeoutConnect:
      return "timeout_connect";
    case UpstreamErrorKind::kTimeoutFirstByte:
      return "timeout_first_byte";
    case UpstreamErrorKind::kTimeoutIdle:
      return "timeout_idle";
    case UpstreamErrorKind::kTimeoutTotal:
      return "timeout_total";
    case UpstreamErrorKind::kClosed:
      return "closed";
    case UpstreamErrorKind::kProtocol:
      return "protocol";
    case UpstreamErrorKind::kPoolExhausted:
      return "pool_exhausted";
    case UpstreamErrorKind::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

UpstreamEndpoint parse_base_url(std::string_view name, std::string_view base_url) {
  const auto fail = [&](const std::string& why) {
    throw std::invalid_argument("upstream '" + std::string(name) + "': base_url '" +
                                std::string(base_url) + "': " + why);
  };
  const auto parsed = boost::urls::parse_uri(base_url);
  if (!parsed) fail("not an absolute URL (" + parsed.error().message() + ")");
  const boost::urls::url_view& url = *parsed;

  UpstreamEndpoint endpoint;
  endpoint.name = std::string(name);
  if (url.scheme_id() == boost::urls::scheme::https) {
    endpoint.tls = true;
  } else if (url.scheme_id() != boost::urls::scheme::http) {
    fail("the scheme must be http or https");
  }
  if (url.has_userinfo()) fail("credentials in the URL are not allowed; use api_key_env");
  if (url.has_query()) fail("a query is not allowed");
  if (url.has_fragment()) fail("a fragment is not allowed");

  switch (url.host_type()) {
    case boost::urls::host_type::name:
    case boost::urls::host_type::ipv4:
    case boost::urls::host_type::ipv6:
      endpoint.host = url.host_address();  // decoded; IPv6 without brackets
      break;
    default:
      fail("a host is required");
  }
  if (endpoint.host.empty()) fail("a host is required");
  for (char& c : endpoint.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

  if (url.has_port()) {
    // Parsed here: port_number() wraps values above 65535.
    const std::string_view text = url.port();
    unsigned long value = 0;
    for (char c : text) {
      if (c < '0' || c > '9' || value > 65535) fail("the port must be 1-65535");
      value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    if (text.empty() || value == 0 || value > 65535) fail("the port must be 1-65535");
    endpoint.port = std::to_string(value);
  } else {
    endpoint.port = endpoint.tls ? "443" : "80";
  }

  std::string path(url.encoded_path());
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (!path.empty() && path.front() != '/') fail("the path must start with /");
  endpoint.base_path = std::move(path);
  return endpoint;
}

std::string upstream_target(const UpstreamEndpoint& endpoint, std::string_view path) {
  std::string target = endpoint.base_path;
  if (!path.empty() && path.front() != '/') target += '/';
  target += path;
  // push_back, not `= "/"`: GCC 12 at -O3 warns about that assignment with a false -Wrestrict.
  if (target.empty()) target.push_back('/');
  return target;
}

std::string upstream_host_header(const UpstreamEndpoint& endpoint) {
  std::string host =
      endpoint.host.find(':') != std::string::npos ? "[" + endpoint.host + "]" : endpoint.host;
  const bool default_port = endpoint.port == (endpoint.tls ? "443" : "80");
  if (!default_port) host += ":" + endpoint.port;
  return host;
}

}  // namespace switchyard::proxy
