// The cryptography and byte layout of an audit record line (docs/audit.md, "Canonical form"):
// SHA-256 of the previous line for `prev`, HMAC-SHA256 over the line without its `mac` member, the
// prompt digest key, and the RFC 3339 timestamps. Shared by the writer (audit_file_sink.cpp) and
// the verifier (audit_reader.cpp) so both sides agree on every byte.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace switchyard::audit {

using Digest = std::array<unsigned char, 32>;

// `prev` of the very first record of a log: nothing precedes it.
inline constexpr std::string_view kGenesisPrev =
    "0000000000000000000000000000000000000000000000000000000000000000";
// Every line ends with this member followed by 64 lowercase hex digits and `"}`.
inline constexpr std::string_view kMacMember = ",\"mac\":\"";
inline constexpr std::size_t kHexDigestSize = 64;
// `,"mac":"` + 64 hex + `"}`
inline constexpr std::size_t kMacTailSize = kMacMember.size() + kHexDigestSize + 2;
// Label of the prompt digest key: HMAC(audit key, label).
inline constexpr std::string_view kPromptDigestLabel = "switchyard prompt-digest v1";

std::string to_hex(const Digest& digest);
// Lowercase hex only (the form we write); false on anything else.
bool from_hex(std::string_view hex, Digest& out);
// True when `hex` is exactly the lowercase hex of `digest` (no allocation).
bool hex_equals(const Digest& digest, std::string_view hex);

// SHA-256 with a reusable context (one per thread).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  Digest digest(std::string_view data);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// HMAC-SHA256 (RFC 2104) with the keyed inner and outer states computed once, so each message
// costs its own bytes plus three compression blocks. mac() only reads the keyed states (it works on
// a copy), so one object may serve several threads.
class HmacSha256 {
 public:
  explicit HmacSha256(std::string_view key);
  ~HmacSha256();
  HmacSha256(const HmacSha256&) = delete;
  HmacSha256& operator=(const HmacSha256&) = delete;
  // MAC over the concatenation first + second (saves copying the record to append "}").
  Digest mac(std::string_view first, std::string_view second = {}) const;
  // MAC over the parts joined by `separator`, without joining them.
  Digest mac_joined(std::span<const std::string_view> parts, char separator) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The key under which prompt digests are computed, derived so a leaked digest key does not expose
// the record MAC key.
std::string derive_prompt_key(std::string_view audit_key);

// Splits a record line (without its newline) into the bytes the MAC covers and the MAC's hex.
// The covered bytes are the line with its final `,"mac":"<hex>"` member removed: the part before
// that member followed by the closing `}`. Returns nullopt when the line does not end that way.
struct MacSplit {
  std::string_view before_mac;  // from `{` up to (not including) `,"mac":"`
  std::string_view mac_hex;     // the 64 characters where the hex MAC belongs
};
std::optional<MacSplit> split_mac(std::string_view line);

// True when `line` carries a MAC that verifies under `hmac`.
bool mac_matches(HmacSha256& hmac, std::string_view line);

// RFC 3339 UTC with microseconds, e.g. 2026-11-03T14:25:01.123456Z.
std::string format_timestamp(std::chrono::system_clock::time_point when);
// The UTC day (days since 1970-01-01) of a timestamp in the form above; nullopt if malformed.
std::optional<std::int64_t> timestamp_day(std::string_view ts);
// Days since 1970-01-01 (UTC) of a time point.
std::int64_t utc_day(std::chrono::system_clock::time_point when);

}  // namespace switchyard::audit
