// SHA-256, HMAC-SHA256 and the line layout shared by the audit writer and verifier.
#include "proxy/audit_chain.h"

#include <openssl/evp.h>

#include <cstring>
#include <ctime>
#include <stdexcept>

namespace switchyard::proxy::audit {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr std::size_t kBlockSize = 64;  // SHA-256 block size, the HMAC key pad length

const EVP_MD* sha256_md() {
  // Fetched once: EVP_sha256() per call would look the algorithm up again in OpenSSL 3.
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (md == nullptr) throw std::runtime_error("OpenSSL: SHA256 is not available");
  return md;
}

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

MdCtx new_ctx() {
  MdCtx ctx(EVP_MD_CTX_new());
  if (!ctx) throw std::runtime_error("OpenSSL: out of memory");
  return ctx;
}

void check(int ok) {
  if (ok != 1) throw std::runtime_error("OpenSSL digest operation failed");
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
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
  for (std::size_t i = 0; i < digest.size(); ++i) {
    out[2 * i] = kHexDigits[digest[i] >> 4];
    out[2 * i + 1] = kHexDigits[digest[i] & 0xf];
  }
  return out;
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
  MdCtx ctx = new_ctx();
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {}
Sha256::~Sha256() = default;

Digest Sha256::digest(std::string_view data) {
  Digest out{};
  unsigned int size = 0;
  check(EVP_DigestInit_ex(impl_->ctx.get(), sha256_md(), nullptr));
  check(EVP_DigestUpdate(impl_->ctx.get(), data.data(), data.size()));
  check(EVP_DigestFinal_ex(impl_->ctx.get(), out.data(), &size));
  return out;
}

struct HmacSha256::Impl {
  MdCtx inner = new_ctx();  // state after absorbing key ^ ipad
  MdCtx outer = new_ctx();  // state after absorbing key ^ opad
  MdCtx work = new_ctx();
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
  check(EVP_DigestInit_ex(impl_->inner.get(), sha256_md(), nullptr));
  check(EVP_DigestUpdate(impl_->inner.get(), pad, kBlockSize));
  for (std::size_t i = 0; i < kBlockSize; ++i) pad[i] = block[i] ^ 0x5c;
  check(EVP_DigestInit_ex(impl_->outer.get(), sha256_md(), nullptr));
  check(EVP_DigestUpdate(impl_->outer.get(), pad, kBlockSize));
}

HmacSha256::~HmacSha256() = default;

Digest HmacSha256::mac(std::string_view first, std::string_view second) {
  Digest inner_hash{};
  Digest out{};
  unsigned int size = 0;
  EVP_MD_CTX* work = impl_->work.get();
  check(EVP_MD_CTX_copy_ex(work, impl_->inner.get()));
  check(EVP_DigestUpdate(work, first.data(), first.size()));
  if (!second.empty()) check(EVP_DigestUpdate(work, second.data(), second.size()));
  check(EVP_DigestFinal_ex(work, inner_hash.data(), &size));
  check(EVP_MD_CTX_copy_ex(work, impl_->outer.get()));
  check(EVP_DigestUpdate(work, inner_hash.data(), inner_hash.size()));
  check(EVP_DigestFinal_ex(work, out.data(), &size));
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
  MacSplit split{line.substr(0, member), line.substr(member + kMacMember.size(), kHexDigestSize)};
  for (char c : split.mac_hex) {
    if (hex_value(c) < 0) return std::nullopt;
  }
  return split;
}

bool mac_matches(HmacSha256& hmac, std::string_view line) {
  const auto split = split_mac(line);
  if (!split) return false;
  Digest expected{};
  if (!from_hex(split->mac_hex, expected)) return false;
  const Digest actual = hmac.mac(split->before_mac, "}");
  // Constant time is not needed here (the verifier holds the key and compares its own output),
  // but it costs nothing.
  unsigned char diff = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) diff |= actual[i] ^ expected[i];
  return diff == 0;
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
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(fraction));
  return buf;
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

}  // namespace switchyard::proxy::audit
