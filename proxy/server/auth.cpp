// SHA-256 with OpenSSL's EVP one-shot, constant-time comparison with CRYPTO_memcmp.
#include "proxy/server/auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <boost/beast/http/field.hpp>

namespace switchyard::proxy {

namespace http = boost::beast::http;

Sha256 sha256(std::string_view data) {
  Sha256 out{};
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_sha256(), nullptr);
  return out;
}

std::string to_hex(const Sha256& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(digest.size() * 2, '0');
  for (std::size_t i = 0; i < digest.size(); ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  return out;
}

namespace {

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char a = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] + 32) : text[i];
    if (a != prefix[i]) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view client_key(const http::fields& headers, adapters::Dialect dialect) {
  if (dialect == adapters::Dialect::kAnthropic) {
    if (auto it = headers.find("x-api-key"); it != headers.end()) {
      const auto key = trim(it->value());
      if (!key.empty()) return key;
    }
  }
  if (auto it = headers.find(http::field::authorization); it != headers.end()) {
    const auto value = trim(it->value());
    if (iequals_prefix(value, "bearer ")) return trim(value.substr(7));
  }
  return {};
}

ClientAuthenticator::ClientAuthenticator(const std::vector<ClientConfig>& clients) {
  entries_.reserve(clients.size());
  for (const auto& c : clients) entries_.push_back({c.name, c.key_sha256});
}

std::optional<std::string_view> ClientAuthenticator::authenticate(std::string_view key) const {
  if (key.empty()) return std::nullopt;
  const Sha256 digest = sha256(key);
  const Entry* found = nullptr;
  for (const auto& e : entries_) {
    const bool equal = CRYPTO_memcmp(e.digest.data(), digest.data(), digest.size()) == 0;
    if (equal && found == nullptr) found = &e;
  }
  if (found == nullptr) return std::nullopt;
  return std::string_view(found->name);
}

}  // namespace switchyard::proxy
