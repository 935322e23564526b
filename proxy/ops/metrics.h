// Every metric Switchyard exports, declared once as a fixed struct of lock-free atomics and
// rendered in the Prometheus text format (version 0.0.4) by the admin listener. The request path
// only increments by enum or by a small integer id; nothing is created by name while serving,
// except the rule-id table, which is filled when a policy is loaded or reloaded (register_policy)
// and then only read, lock-free, by requests.
//
// Who calls what (the request path never throws here; every call is noexcept):
//   startup:   register_upstream(name) for each configured upstream -> UpstreamId, kept with the
//              upstream; register_policy(policy) for the initial policy (PolicyReloader does it on
//              every successful reload).
//   per conn:  ActiveGauge conn(metrics.active_connections());   // RAII +1 / -1
//   per req:   count_request(api, handling, status) once, at the end (audit outcome time);
//              count_rule_matches(classification) after classify (rule ids only), and
//              count_attachments(reports) once the attachments are inspected,
//              count_classifier_error() when classification.classifier_error;
//              observe_overhead(us) for the time spent in the proxy, upstream wait excluded;
//              observe_upstream_latency(id, us) from request sent to the last body byte;
//              for streams: ActiveGauge s(metrics.active_streams()); observe_stream_ttfb(id, us)
//              from request received to the first body byte written to the client;
//              count_upstream_error(id, kind) for every failed upstream exchange;
//              observe_audit_write(us) from append() to its Done callback; count_audit_failure()
//              when Done reports durable == false.
//   reloads:   PolicyReloader calls count_policy_reload() and register_policy().
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"
#include "adapters/attachments/attachment.h"
#include "policies/policy.h"
#include "proxy/ops/histogram.h"
#include "proxy/upstream/upstream_client.h"

namespace switchyard::proxy {

// A small integer naming one configured upstream in metrics; from register_upstream().
using UpstreamId = std::uint16_t;

// A gauge that requests move up and down; ActiveGauge does it exception-safely.
class Gauge {
 public:
  void add(std::int64_t delta) noexcept { value_.fetch_add(delta, std::memory_order_relaxed); }
  std::int64_t value() const noexcept { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

class ActiveGauge {
 public:
  explicit ActiveGauge(Gauge& gauge) noexcept : gauge_(&gauge) { gauge_->add(1); }
  ~ActiveGauge() {
    if (gauge_) gauge_->add(-1);
  }
  ActiveGauge(ActiveGauge&& other) noexcept : gauge_(other.gauge_) { other.gauge_ = nullptr; }
  ActiveGauge(const ActiveGauge&) = delete;
  ActiveGauge& operator=(const ActiveGauge&) = delete;
  ActiveGauge& operator=(ActiveGauge&&) = delete;

 private:
  Gauge* gauge_;
};

class Metrics {
 public:
  // Label dimensions. The api slot kApiNone counts requests that never reached an adapter (404,
  // 401, GET /v1/models, ...); the handling slot kHandlingNone counts requests refused before a
  // decision (400, 401, 413, ...).
  static constexpr std::size_t kApiCount = 6;  // adapters::Api values
  static constexpr std::size_t kApiSlots = kApiCount + 1;
  static constexpr std::size_t kHandlingSlots = 6;  // policy::Handling values + none
  static constexpr std::size_t kStatusClasses = 5;  // 1xx .. 5xx
  static constexpr std::size_t kUpstreamErrorKinds =
      static_cast<std::size_t>(UpstreamErrorKind::kCancelled) + 1;
  static constexpr std::size_t kMaxUpstreams = 64;
  // Rule ids beyond this many (across all policies loaded since start) count under
  // rule_id="_other".
  static constexpr std::size_t kMaxRuleIds = 4096;

  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // --- startup / reload (may allocate, takes a mutex; never on the request path) ---
  // Returns the id for `name`, registering it the first time. Beyond kMaxUpstreams every further
  // name shares the last id, rendered as upstream="_other".
  UpstreamId register_upstream(std::string_view name);
  std::optional<UpstreamId> find_upstream(std::string_view name) const;
  // Sets switchyard_policy_info to this policy and pre-registers its rule ids (read from the rule
  // definitions in policy.files()), so that count_rule_matches() never allocates.
  void register_policy(const policy::Policy& policy);
  void register_rule_ids(std::span<const std::string> ids);
  void set_policy_info(std::string_view name, std::string_view version, std::string_view sha256);

  // --- request path: lock-free, allocation-free, noexcept ---
  void count_request(std::optional<adapters::Api> api, std::optional<policy::Handling> handling,
                     unsigned status) noexcept;
  void count_rule_matches(const policy::Classification& classification) noexcept;
  void count_rule_match(std::string_view rule_id, std::uint64_t matches = 1) noexcept;
  void count_classifier_error() noexcept { classifier_errors_.fetch_add(1, kRelaxed); }
  // Attachments by kind and result: how they were read (pdf_text, ocr, text) or why not.
  void count_attachments(std::span<const attachments::AttachmentReport> reports) noexcept;
  std::uint64_t attachments(attachments::Kind kind, std::string_view result) const noexcept;
  void observe_overhead(std::chrono::microseconds value) noexcept { overhead_.observe(value); }
  void observe_upstream_latency(UpstreamId id, std::chrono::microseconds value) noexcept;
  void observe_stream_ttfb(UpstreamId id, std::chrono::microseconds value) noexcept;
  void count_upstream_error(UpstreamId id, UpstreamErrorKind kind) noexcept;
  void observe_audit_write(std::chrono::microseconds value) noexcept {
    audit_write_.observe(value);
  }
  void count_audit_failure() noexcept { audit_failures_.fetch_add(1, kRelaxed); }
  void count_policy_reload(bool success) noexcept;
  // The admin listener's latest TCP probe of an upstream (switchyard_upstream_reachable); an
  // upstream never probed (a mock, or before the first /readyz or /metrics) has no series.
  void set_upstream_reachable(UpstreamId id, bool reachable) noexcept {
    upstream_reachable_[clamp(id)].store(reachable ? 1 : 0, kRelaxed);
  }
  std::optional<bool> upstream_reachable(UpstreamId id) const noexcept;
  // A request judged by the shadow policy too (design section 8): its live and shadow handling.
  void count_shadow_decision(policy::Handling live, policy::Handling shadow) noexcept {
    shadow_decisions_[shadow_index(live, shadow)].fetch_add(1, kRelaxed);
  }
  Gauge& active_connections() noexcept { return active_connections_; }
  Gauge& active_streams() noexcept { return active_streams_; }

  // --- admin listener ---
  // The whole exposition, "text/plain; version=0.0.4". Takes the registration mutex briefly.
  std::string render() const;

  // Read-back for tests and /readyz detail.
  std::uint64_t requests(std::optional<adapters::Api> api, std::optional<policy::Handling> handling,
                         unsigned status) const noexcept;
  std::uint64_t rule_matches(std::string_view rule_id) const noexcept;
  std::uint64_t policy_reloads(bool success) const noexcept;
  std::uint64_t upstream_errors(UpstreamId id, UpstreamErrorKind kind) const noexcept;
  std::uint64_t shadow_decisions(policy::Handling live, policy::Handling shadow) const noexcept {
    return shadow_decisions_[shadow_index(live, shadow)].load(kRelaxed);
  }

 private:
  static constexpr auto kRelaxed = std::memory_order_relaxed;
  struct RuleTable;  // lock-free open-addressing map: rule id -> counter

  static std::size_t status_class(unsigned status) noexcept;
  static std::size_t request_index(std::optional<adapters::Api> api,
                                   std::optional<policy::Handling> handling,
                                   unsigned status) noexcept;
  UpstreamId clamp(UpstreamId id) const noexcept;
  static constexpr std::size_t kHandlingCount = kHandlingSlots - 1;  // without "none"
  static std::size_t shadow_index(policy::Handling live, policy::Handling shadow) noexcept {
    return std::min<std::size_t>(static_cast<std::size_t>(live), kHandlingCount - 1) *
               kHandlingCount +
           std::min<std::size_t>(static_cast<std::size_t>(shadow), kHandlingCount - 1);
  }

  std::array<std::atomic<std::uint64_t>, kApiSlots * kHandlingSlots * kStatusClasses> requests_{};
  std::atomic<std::uint64_t> classifier_errors_{0};
  std::array<std::atomic<std::uint64_t>, kHandlingCount * kHandlingCount> shadow_decisions_{};
  static constexpr std::size_t kAttachmentResults = 3 + attachments::kUninspectedCount;
  std::array<std::atomic<std::uint64_t>, attachments::kKindCount * kAttachmentResults>
      attachments_{};
  Histogram overhead_;
  std::array<Histogram, kMaxUpstreams> upstream_latency_;
  std::array<Histogram, kMaxUpstreams> stream_ttfb_;
  std::array<std::atomic<std::uint64_t>, kMaxUpstreams * kUpstreamErrorKinds> upstream_errors_{};
  std::array<std::atomic<std::int8_t>, kMaxUpstreams> upstream_reachable_{};  // -1: never probed
  Histogram audit_write_;
  std::atomic<std::uint64_t> audit_failures_{0};
  std::array<std::atomic<std::uint64_t>, 2> policy_reloads_{};  // [0] failure, [1] success
  std::atomic<std::int64_t> last_reload_success_unix_{0};
  Gauge active_connections_;
  Gauge active_streams_;
  std::int64_t start_time_unix_ = 0;

  mutable std::mutex registration_mutex_;  // guards the names below and rule-table inserts
  std::vector<std::string> upstream_names_;
  std::atomic<std::size_t> upstream_count_{0};
  std::string policy_name_, policy_version_, policy_sha256_;
  std::unique_ptr<RuleTable> rules_;
};

// The process-wide instance the server, the reloader and the admin listener share. Tests build
// their own Metrics objects instead.
Metrics& global_metrics();

// The ids of every rule defined in the policy's files (its own file and its includes), in file
// order. Reads the YAML again; throws on unreadable files (callers are off the request path).
std::vector<std::string> policy_rule_ids(const policy::Policy& policy);
std::vector<std::string> rule_ids_in_files(std::span<const std::filesystem::path> files);

}  // namespace switchyard::proxy
