// The `audit:` section of the configuration file.
#pragma once

#include <cstdint>
#include <string>

namespace switchyard::audit {

enum class FsyncMode : std::uint8_t { kAlways, kBatch, kNever };
enum class StorePrompts : std::uint8_t { kNone, kRedacted };

struct AuditConfig {
  std::string path = "audit/audit.jsonl";
  FsyncMode fsync = FsyncMode::kBatch;
  std::string hmac_key_env = "SWITCHYARD_AUDIT_KEY";  // the key itself never sits in the config
  std::string key_id = "k1";
  std::uint64_t rotate_bytes = 256ull << 20;  // 0: never by size
  // Zero-filled space kept ahead of the writer, so that a sync flushes only data
  // (audit/zero_fill.h). 0: plain appends, for log shippers that tail the active file.
  std::uint64_t zero_fill_bytes = 8ull << 20;
  bool rotate_daily = true;
  StorePrompts store_prompts = StorePrompts::kNone;
  std::size_t queue_capacity = 65536;
};

}  // namespace switchyard::audit
