// The policy currently serving. Requests take a shared_ptr at their start and keep it to the end,
// so a reload never changes the rules under a request in flight; a failed reload keeps the old
// policy.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "policies/policy.h"

namespace switchyard::proxy {

class PolicyStore {
 public:
  PolicyStore(std::filesystem::path file, std::shared_ptr<const policy::Policy> initial)
      : file_(std::move(file)), current_(std::move(initial)) {}

  std::shared_ptr<const policy::Policy> current() const {
    return current_.load(std::memory_order_acquire);
  }
  void swap(std::shared_ptr<const policy::Policy> next) {
    current_.store(std::move(next), std::memory_order_release);
  }
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::atomic<std::shared_ptr<const policy::Policy>> current_;
};

}  // namespace switchyard::proxy
