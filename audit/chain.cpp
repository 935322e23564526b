// SHA-256, HMAC-SHA256 and the line layout shared by the audit writer and verifier.
#include "audit/chain.h"

// The low-level SHA256_* functions are deprecated in OpenSSL 3 in favour of EVP, but EVP allocates
// on every context copy, and HMAC needs two copies per record: with the plain SHA256_CTX struct a
// copy is a memcpy, which makes `verify` about twice as fast. Same assembly (SHA-NI) underneath.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>
#include <stdexcept>

namespace switchyard::audit {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr std::size_t kBlockSize = 64;  // SHA-256 block size, the HMAC key pad length

void check(int ok) {
  if (ok != 1) throw std::runtime_error("OpenSSL SHA-256 operation failed");
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

void hex_into(const Digest& digest, char* out) {
  for (std::size_t i = 0; i < digest.size(); ++i) {
    out[2 * i] = kHexDigits[digest[i] >> 4];
    out[2 * i + 1] = kHexDigits[digest[i] & 0xf];
  }
}

// Days from civil (Howard Hinnant's algorithm), proleptic Gregorian.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

std::string to_hex(const Digest& digest) {
  std::string out(digest.size() * 2, '0');
  hex_into(digest, out.data());
  return out;
}

bool hex_equals(const Digest& digest, std::string_view hex) {
  if (hex.size() != digest.size() * 2) return false;
  char text[64];
  hex_into(digest, text);
  return std::memcmp(text, hex.data(), sizeof text) == 0;
}

bool from_hex(std::string_view hex, Digest& out) {
  if (hex.size() != out.size() * 2) return false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_value(hex[2 * i]);
    const int lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>(hi << 4 | lo);
  }
  return true;
}

struct Sha256::Impl {
  SHA256_CTX ctx;
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {}
Sha256::~Sha256() = default;

Digest Sha256::digest(std::string_view data) {
  Digest out{};
  check(SHA256_Init(&impl_->ctx));
  check(SHA256_Update(&impl_->ctx, data.data(), data.size()));
  check(SHA256_Final(out.data(), &impl_->ctx));
  return out;
}

struct HmacSha256::Impl {
  SHA256_CTX inner;  // state after absorbing key ^ ipad
  SHA256_CTX outer;  // state after absorbing key ^ opad
};

HmacSha256::HmacSha256(std::string_view key) : impl_(std::make_unique<Impl>()) {
  unsigned char block[kBlockSize] = {};
  if (key.size() > kBlockSize) {
    Sha256 hash;
    const Digest short_key = hash.digest(key);
    std::memcpy(block, short_key.data(), short_key.size());
  } else {
    std::memcpy(block, key.data(), key.size());
  }
  unsigned char pad[kBlockSize];
  for (std::size_t i = 0; i < kBlockSize; ++i) pad[i] = block[i] ^ 0x36;
  check(SHA256_Init(&impl_->inner));
  check(SHA256_Update(&impl_->inner, pad, kBlockSize));
  for (std::size_t i = 0; i < kBlockSize; ++i) pad[i] = block[i] ^ 0x5c;
  check(SHA256_Init(&impl_->outer));
  check(SHA256_Update(&impl_->outer, pad, kBlockSize));
}

HmacSha256::~HmacSha256() = default;

Digest HmacSha256::mac(std::string_view first, std::string_view second) const {
  Digest inner_hash{};
  Digest out{};
  SHA256_CTX work = impl_->inner;
  check(SHA256_Update(&work, first.data(), first.size()));
  if (!second.empty()) check(SHA256_Update(&work, second.data(), second.size()));
  check(SHA256_Final(inner_hash.data(), &work));
  work = impl_->outer;
  check(SHA256_Update(&work, inner_hash.data(), inner_hash.size()));
  check(SHA256_Final(out.data(), &work));
  return out;
}

Digest HmacSha256::mac_joined(std::span<const std::string_view> parts, char separator) const {
  Digest inner_hash{};
  Digest out{};
  SHA256_CTX work = impl_->inner;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) check(SHA256_Update(&work, &separator, 1));
    check(SHA256_Update(&work, parts[i].data(), parts[i].size()));
  }
  check(SHA256_Final(inner_hash.data(), &work));
  work = impl_->outer;
  check(SHA256_Update(&work, inner_hash.data(), inner_hash.size()));
  check(SHA256_Final(out.data(), &work));
  return out;
}

std::string derive_prompt_key(std::string_view audit_key) {
  HmacSha256 hmac(audit_key);
  const Digest key = hmac.mac(kPromptDigestLabel);
  return {reinterpret_cast<const char*>(key.data()), key.size()};
}

std::optional<MacSplit> split_mac(std::string_view line) {
  if (line.size() < kMacTailSize + 1 || line.back() != '}' || line[line.size() - 2] != '"') {
    return std::nullopt;
  }
  const std::size_t member = line.size() - kMacTailSize;
  if (line.substr(member, kMacMember.size()) != kMacMember) return std::nullopt;
  // The MAC's 64 characters are not checked for hex here: comparing them with a computed MAC
  // rejects anything else.
  return MacSplit{line.substr(0, member), line.substr(member + kMacMember.size(), kHexDigestSize)};
}

bool mac_matches(HmacSha256& hmac, std::string_view line) {
  const auto split = split_mac(line);
  if (!split) return false;
  return hex_equals(hmac.mac(split->before_mac, "}"), split->mac_hex);
}

std::string format_timestamp(std::chrono::system_clock::time_point when) {
  using namespace std::chrono;
  const auto micros = duration_cast<microseconds>(when.time_since_epoch()).count();
  std::int64_t seconds = micros / 1000000;
  std::int64_t fraction = micros % 1000000;
  if (fraction < 0) {
    fraction += 1000000;
    seconds -= 1;
  }
  // The writer stamps every record: the date and time part changes once a second, so it is cached
  // per thread (gmtime_r and snprintf were 8% of the writer thread's CPU).
  thread_local std::int64_t cached_seconds = std::numeric_limits<std::int64_t>::min();
  thread_local char cached[32];
  thread_local int cached_size = 0;
  if (seconds != cached_seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    cached_size =
        std::snprintf(cached, sizeof cached, "%04d-%02d-%02dT%02d:%02d:%02d.", tm.tm_year + 1900,
                      tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    cached_seconds = seconds;
  }
  std::string out(cached, static_cast<std::size_t>(cached_size));
  char digits[7];
  for (int i = 5; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  digits[6] = 'Z';
  out.append(digits, sizeof digits);
  return out;
}

std::optional<std::int64_t> timestamp_day(std::string_view ts) {
  if (ts.size() < 10 || ts[4] != '-' || ts[7] != '-') return std::nullopt;
  auto number = [&](std::size_t pos, std::size_t len) -> int {
    int value = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (ts[i] < '0' || ts[i] > '9') return -1;
      value = value * 10 + (ts[i] - '0');
    }
    return value;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::int64_t utc_day(std::chrono::system_clock::time_point when) {
  using namespace std::chrono;
  return floor<days>(when).time_since_epoch().count();
}

}  // namespace switchyard::audit
