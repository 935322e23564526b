// Client authentication (design section 5). With `clients` configured, the key a client sends
// (Authorization: Bearer, or x-api-key on Anthropic endpoints) is hashed with SHA-256 and compared
// in constant time against every configured digest. Keys are never logged or stored in plain text.
#pragma once

#include <array>
#include <boost/beast/http/fields.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"
#include "proxy/config/config.h"

namespace switchyard::proxy {

using Sha256 = std::array<unsigned char, 32>;

Sha256 sha256(std::string_view data);
std::string to_hex(const Sha256& digest);

// The key the client presented: "Authorization: Bearer K" for every endpoint; "x-api-key: K" too
// on Anthropic endpoints. Empty when none.
std::string_view client_key(const boost::beast::http::fields& headers, adapters::Dialect dialect);

class ClientAuthenticator {
 public:
  explicit ClientAuthenticator(const std::vector<ClientConfig>& clients);

  // The matching client's name, or nullopt. Compares against every configured digest with
  // CRYPTO_memcmp and no early exit, so timing does not tell which (or whether a prefix) matched.
  std::optional<std::string_view> authenticate(std::string_view key) const;

 private:
  struct Entry {
    std::string name;
    Sha256 digest;
  };
  std::vector<Entry> entries_;
};

}  // namespace switchyard::proxy
