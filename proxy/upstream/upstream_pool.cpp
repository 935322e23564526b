#include "proxy/upstream/upstream_pool.h"

#include <algorithm>

namespace switchyard::proxy {

UpstreamPool::UpstreamPool(std::size_t max_connections, std::size_t max_idle,
                           UpstreamPoolOptions options)
    : max_connections_(std::max<std::size_t>(1, max_connections)),
      max_idle_(std::min(max_idle, max_connections_)),
      options_(options) {}

std::unique_ptr<UpstreamConnection> UpstreamPool::take_idle() {
  while (!idle_.empty()) {
    std::unique_ptr<UpstreamConnection> connection = std::move(idle_.back());
    idle_.pop_back();
    --stats_.idle;
    if (options_.probe_idle_connections && !connection->looks_alive()) {
      ++stats_.dropped_stale;
      connection->close();
      continue;
    }
    ++stats_.leased;
    ++stats_.reused;
    return connection;
  }
  return nullptr;
}

bool UpstreamPool::reserve() {
  if (stats_.leased + stats_.idle >= max_connections_) {
    if (stats_.leased >= max_connections_) return false;
    // The caller wants a fresh connection although idle ones exist (the retry after a stale one):
    // make room by closing the oldest idle connection.
    idle_.front()->close();
    idle_.erase(idle_.begin());
    --stats_.idle;
  }
  ++stats_.leased;
  ++stats_.opened;
  return true;
}

void UpstreamPool::give_back(std::unique_ptr<UpstreamConnection> connection) {
  --stats_.leased;
  if (!connection) return;
  if (max_idle_ == 0) {
    connection->close();
    return;
  }
  if (idle_.size() >= max_idle_) {
    idle_.front()->close();
    idle_.erase(idle_.begin());
    --stats_.idle;
  }
  idle_.push_back(std::move(connection));
  ++stats_.idle;
}

void UpstreamPool::discard(std::unique_ptr<UpstreamConnection> connection) {
  --stats_.leased;
  if (connection) connection->close();
}

}  // namespace switchyard::proxy
