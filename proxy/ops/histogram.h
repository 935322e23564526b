// A fixed-bucket latency histogram for the Prometheus exposition: lock-free observe() (one relaxed
// fetch_add per bucket and one for the sum), buckets fixed at construction, rendered cumulatively
// in seconds. Observations are whole microseconds so the sum stays an exact integer.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace switchyard::proxy {

// Upper bounds in microseconds, ascending. Each histogram also has the implicit +Inf bucket.
using BucketBounds = std::span<const std::uint64_t>;

class Histogram {
 public:
  static constexpr std::size_t kMaxBuckets = 24;

  Histogram() = default;
  explicit Histogram(BucketBounds bounds) { set_bounds(bounds); }
  Histogram(const Histogram&) = delete;
  Histogram& operator=(const Histogram&) = delete;

  // Startup only (before any observe). Bounds beyond kMaxBuckets are ignored.
  void set_bounds(BucketBounds bounds) {
    size_ = std::min(bounds.size(), kMaxBuckets);
    std::copy_n(bounds.begin(), size_, bounds_.begin());
  }

  void observe(std::chrono::microseconds value) noexcept {
    const std::uint64_t us = value.count() < 0 ? 0 : static_cast<std::uint64_t>(value.count());
    // upper_bound semantics of Prometheus: a bucket counts values <= its bound ("le").
    const std::uint64_t* begin = bounds_.data();
    const std::size_t index =
        static_cast<std::size_t>(std::lower_bound(begin, begin + size_, us) - begin);
    counts_[index].fetch_add(1, std::memory_order_relaxed);
    sum_us_.fetch_add(us, std::memory_order_relaxed);
  }

  struct Snapshot {
    std::vector<std::uint64_t> bounds_us;   // finite bounds
    std::vector<std::uint64_t> cumulative;  // bounds_us.size() + 1 entries, the last is +Inf
    std::uint64_t sum_us = 0;
    std::uint64_t count() const { return cumulative.empty() ? 0 : cumulative.back(); }
  };

  // Counts are read bucket by bucket; concurrent observes may land between reads, which only
  // shifts an observation into the next scrape. Cumulative counts are monotonic by construction.
  Snapshot snapshot() const {
    Snapshot s;
    s.bounds_us.assign(bounds_.begin(), bounds_.begin() + size_);
    s.cumulative.resize(size_ + 1);
    std::uint64_t running = 0;
    for (std::size_t i = 0; i <= size_; ++i) {
      running += counts_[i].load(std::memory_order_relaxed);
      s.cumulative[i] = running;
    }
    s.sum_us = sum_us_.load(std::memory_order_relaxed);
    return s;
  }

 private:
  std::array<std::uint64_t, kMaxBuckets> bounds_{};
  std::size_t size_ = 0;
  std::array<std::atomic<std::uint64_t>, kMaxBuckets + 1> counts_{};
  std::atomic<std::uint64_t> sum_us_{0};
};

}  // namespace switchyard::proxy
