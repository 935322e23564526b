// Sharded LRU: a list in recency order plus a hash index whose keys view the list's strings (list
// nodes never move, so the views stay valid until the entry is erased).
#include "proxy/server/responses_state.h"

#include <algorithm>
#include <functional>

namespace switchyard::proxy {

ResponsesState::ResponsesState(std::size_t max_entries, std::chrono::seconds ttl)
    : per_shard_capacity_(std::max<std::size_t>(1, (max_entries + kShards - 1) / kShards)),
      ttl_(ttl) {}

ResponsesState::Shard& ResponsesState::shard_for(std::string_view id) {
  return shards_[std::hash<std::string_view>{}(id) % kShards];
}

void ResponsesState::remember(std::string_view response_id, Trust trust, Clock::time_point now) {
  if (response_id.empty()) return;
  Shard& shard = shard_for(response_id);
  std::lock_guard lock(shard.mutex);
  if (auto it = shard.index.find(response_id); it != shard.index.end()) {
    it->second->trust = trust;
    it->second->expires = now + ttl_;
    shard.lru.splice(shard.lru.begin(), shard.lru, it->second);
    return;
  }
  shard.lru.push_front(Entry{std::string(response_id), trust, now + ttl_});
  shard.index.emplace(shard.lru.front().id, shard.lru.begin());
  while (shard.lru.size() > per_shard_capacity_) {
    shard.index.erase(shard.lru.back().id);
    shard.lru.pop_back();
  }
}

std::optional<Trust> ResponsesState::lookup(std::string_view response_id, Clock::time_point now) {
  Shard& shard = shard_for(response_id);
  std::lock_guard lock(shard.mutex);
  auto it = shard.index.find(response_id);
  if (it == shard.index.end()) return std::nullopt;
  if (it->second->expires <= now) {
    const auto node = it->second;
    shard.index.erase(it);
    shard.lru.erase(node);
    return std::nullopt;
  }
  shard.lru.splice(shard.lru.begin(), shard.lru, it->second);
  return it->second->trust;
}

std::size_t ResponsesState::size() const {
  std::size_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.lru.size();
  }
  return total;
}

}  // namespace switchyard::proxy
