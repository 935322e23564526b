// The policies currently serving: the live policy and, when `shadow_policy` is configured, the
// shadow policy that judges the same requests without changing their route. Both sit in one
// immutable pair behind one atomic pointer, so a reload swaps them together and every request sees
// one consistent pair: never a new live policy with an old shadow, or the reverse. Requests take
// the pair at their start and keep it to the end, so a reload never changes the rules under a
// request in flight; a failed reload keeps the old pair.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "policies/policy.h"

namespace switchyard::proxy {

struct PolicyPair {
  std::shared_ptr<const policy::Policy> live;
  std::shared_ptr<const policy::Policy> shadow;  // null without a shadow policy
};

class PolicyStore {
 public:
  PolicyStore(std::filesystem::path file, std::shared_ptr<const policy::Policy> initial)
      : PolicyStore(std::move(file), std::move(initial), std::nullopt, nullptr) {}
  PolicyStore(std::filesystem::path file, std::shared_ptr<const policy::Policy> initial,
              std::optional<std::filesystem::path> shadow_file,
              std::shared_ptr<const policy::Policy> shadow)
      : file_(std::move(file)),
        shadow_file_(std::move(shadow_file)),
        current_(
            std::make_shared<const PolicyPair>(PolicyPair{std::move(initial), std::move(shadow)})) {
  }

  // The live policy. The pointer shares ownership of the whole pair (aliasing), so the pair's
  // shadow stays alive as long as it does.
  std::shared_ptr<const policy::Policy> current() const {
    auto pair = current_.load(std::memory_order_acquire);
    const policy::Policy* live = pair->live.get();
    if (live == nullptr) return nullptr;
    return std::shared_ptr<const policy::Policy>(std::move(pair), live);
  }
  std::shared_ptr<const PolicyPair> pair() const {
    return current_.load(std::memory_order_acquire);
  }
  // Replaces the live policy, keeping the shadow.
  void swap(std::shared_ptr<const policy::Policy> next) {
    auto pair = current_.load(std::memory_order_acquire);
    swap(PolicyPair{std::move(next), pair->shadow});
  }
  // Replaces both at once.
  void swap(PolicyPair next) {
    current_.store(std::make_shared<const PolicyPair>(std::move(next)), std::memory_order_release);
  }
  const std::filesystem::path& file() const { return file_; }
  const std::optional<std::filesystem::path>& shadow_file() const { return shadow_file_; }

 private:
  std::filesystem::path file_;
  std::optional<std::filesystem::path> shadow_file_;
  std::atomic<std::shared_ptr<const PolicyPair>> current_;
};

}  // namespace switchyard::proxy
