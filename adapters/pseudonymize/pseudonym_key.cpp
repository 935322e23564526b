// HMAC-SHA256 from the keyed inner and outer SHA-256 states, computed once per key (as the audit
// chain does): a value then costs its own bytes plus three compression blocks, about a tenth of
// OpenSSL 3's one-shot HMAC(), which looks its digest up on every call.
#include "adapters/pseudonymize/pseudonym_key.h"

// The low-level SHA256_* functions are deprecated in OpenSSL 3 in favour of EVP, whose contexts
// allocate on every copy; a SHA256_CTX copy is a memcpy.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <openssl/crypto.h>

#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace switchyard::pseudonymize {

std::string placeholder_type(std::string_view category) {
  std::string type;
  bool pending_dash = false;
  for (char c : category) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !digit) {
      pending_dash = !type.empty();
      continue;
    }
    if (type.empty() && !letter) continue;  // a type starts with a letter
    if (pending_dash) {
      if (type.size() + 2 > kMaxTypeLength) break;
      type.push_back('-');
      pending_dash = false;
    }
    if (type.size() + 1 > kMaxTypeLength) break;
    type.push_back(letter && c >= 'a' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return type.empty() ? std::string("VALUE") : type;
}

struct PseudonymKey::Keyed {
  SHA256_CTX inner;  // after absorbing key ^ ipad
  SHA256_CTX outer;  // after absorbing key ^ opad
};

PseudonymKey::PseudonymKey(std::string secret) {
  if (secret.size() < kMinKeyBytes) {
    throw std::invalid_argument("the pseudonym key must hold at least " +
                                std::to_string(kMinKeyBytes) + " bytes");
  }
  constexpr std::size_t kBlock = 64;
  unsigned char block[kBlock] = {};
  if (secret.size() > kBlock) {
    SHA256(reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), block);
  } else {
    std::memcpy(block, secret.data(), secret.size());
  }
  auto keyed = std::make_shared<Keyed>();
  unsigned char pad[kBlock];
  for (std::size_t i = 0; i < kBlock; ++i) pad[i] = block[i] ^ 0x36;
  SHA256_Init(&keyed->inner);
  SHA256_Update(&keyed->inner, pad, kBlock);
  for (std::size_t i = 0; i < kBlock; ++i) pad[i] = block[i] ^ 0x5c;
  SHA256_Init(&keyed->outer);
  SHA256_Update(&keyed->outer, pad, kBlock);
  OPENSSL_cleanse(block, kBlock);
  OPENSSL_cleanse(pad, kBlock);
  OPENSSL_cleanse(secret.data(), secret.size());
  keyed_ = std::move(keyed);
}

std::optional<PseudonymKey> PseudonymKey::from_env(const std::string& variable,
                                                   std::string* error) {
  const char* value = std::getenv(variable.c_str());
  if (value == nullptr || *value == '\0') {
    if (error != nullptr) {
      *error = "the environment variable " + variable +
               " is not set; it must hold the pseudonym key (at least " +
               std::to_string(kMinKeyBytes) +
               " bytes, for example the output of `openssl rand -hex 32`), the same on every "
               "replica";
    }
    return std::nullopt;
  }
  std::string secret(value);
  if (secret.size() < kMinKeyBytes) {
    if (error != nullptr) {
      *error = "the pseudonym key in " + variable + " is too short: it needs at least " +
               std::to_string(kMinKeyBytes) +
               " bytes (for example the output of `openssl rand -hex 32`)";
    }
    return std::nullopt;
  }
  return PseudonymKey(std::move(secret));
}

namespace {

void append_length_prefixed(std::string& out, std::string_view part) {
  const auto n = static_cast<std::uint64_t>(part.size());
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((n >> shift) & 0xff));
  out.append(part);
}

}  // namespace

std::array<unsigned char, 32> PseudonymKey::digest(std::string_view type, std::string_view value,
                                                   unsigned probe) const {
  std::string message = "switchyard pseudonym v1";
  append_length_prefixed(message, type);
  append_length_prefixed(message, value);
  append_length_prefixed(message, std::to_string(probe));
  std::array<unsigned char, 32> inner_hash{};
  std::array<unsigned char, 32> out{};
  SHA256_CTX work = keyed_->inner;
  SHA256_Update(&work, message.data(), message.size());
  SHA256_Final(inner_hash.data(), &work);
  work = keyed_->outer;
  SHA256_Update(&work, inner_hash.data(), inner_hash.size());
  SHA256_Final(out.data(), &work);
  return out;
}

std::string PseudonymKey::placeholder(std::string_view type, std::string_view value,
                                      unsigned probe) const {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto mac = digest(type, value, probe);
  std::string out;
  out.reserve(type.size() + 1 + kHexDigits);
  out.append(type);
  out.push_back('-');
  for (std::size_t i = 0; i < kHexDigits / 2; ++i) {
    out.push_back(kHex[mac[i] >> 4]);
    out.push_back(kHex[mac[i] & 0xf]);
  }
  return out;
}

}  // namespace switchyard::pseudonymize
