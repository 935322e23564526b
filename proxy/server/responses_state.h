// Which trust zone produced each OpenAI Responses id, so that `previous_response_id` continues a
// conversation where its history lives (design: a conversation that started internal stays
// internal; a sensitive turn never continues a vendor-held one). Bounded LRU with expiry, per
// process, sharded so that workers rarely contend; only Responses API requests touch it.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "proxy/config/config.h"

namespace switchyard::proxy {

class ResponsesState {
 public:
  using Clock = std::chrono::steady_clock;

  ResponsesState(std::size_t max_entries, std::chrono::seconds ttl);

  void remember(std::string_view response_id, Trust trust, Clock::time_point now = Clock::now());
  // Nullopt when unknown or expired.
  std::optional<Trust> lookup(std::string_view response_id, Clock::time_point now = Clock::now());
  std::size_t size() const;

 private:
  static constexpr std::size_t kShards = 16;
  struct Entry {
    std::string id;
    Trust trust;
    Clock::time_point expires;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::list<Entry> lru;                                                    // most recent first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index;  // views into lru
  };
  Shard& shard_for(std::string_view id);

  std::size_t per_shard_capacity_;
  std::chrono::seconds ttl_;
  std::array<Shard, kShards> shards_;
};

}  // namespace switchyard::proxy
