// An in-memory audit::AuditSink for the ops tests: keeps every record, reports durable at once, and
// lets a test flip its health to see /readyz follow.
#pragma once

#include <atomic>
#include <mutex>
#include <vector>

#include "audit/sink.h"

namespace switchyard::testing {

class FakeAuditSink : public audit::AuditSink {
 public:
  void append(boost::json::object record, Done done) override {
    {
      std::lock_guard lock(mutex_);
      records_.push_back(std::move(record));
    }
    if (done) done(healthy_.load());
  }
  std::string prompt_digest(std::string_view) const override { return "digest"; }
  bool healthy() const override { return healthy_.load(); }
  void close() override {}

  void set_healthy(bool healthy) { healthy_.store(healthy); }
  std::vector<boost::json::object> records() const {
    std::lock_guard lock(mutex_);
    return records_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<boost::json::object> records_;
  std::atomic<bool> healthy_{true};
};

}  // namespace switchyard::testing
