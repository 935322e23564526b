// The fixed metric set and its Prometheus text rendering. See metrics.h for who calls what.
#include "proxy/ops/metrics.h"

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <functional>

namespace switchyard::proxy {
namespace {

// Bucket bounds in microseconds. The proxy's own overhead is expected well under a millisecond;
// upstream latency and time to first byte of model servers run from milliseconds to minutes.
constexpr std::uint64_t kOverheadBounds[] = {50,    100,   250,   500,    1000,   2500,   5000,
                                             10000, 25000, 50000, 100000, 250000, 1000000};
constexpr std::uint64_t kUpstreamBounds[] = {5000,     10000,    25000,    50000,     100000,
                                             250000,   500000,   1000000,  2500000,   5000000,
                                             10000000, 30000000, 60000000, 120000000, 300000000};
constexpr std::uint64_t kAuditBounds[] = {10,   25,   50,    100,   250,    500,    1000,
                                          2500, 5000, 10000, 25000, 100000, 1000000};

constexpr std::string_view kApiNames[Metrics::kApiSlots] = {"openai.chat",
                                                            "openai.completions",
                                                            "openai.embeddings",
                                                            "openai.responses",
                                                            "anthropic.messages",
                                                            "anthropic.count_tokens",
                                                            "none"};
constexpr std::string_view kHandlingNames[Metrics::kHandlingSlots] = {
    "vendor", "redact", "pseudonymize", "internal", "block", "none"};
constexpr std::string_view kStatusNames[Metrics::kStatusClasses] = {"1xx", "2xx", "3xx", "4xx",
                                                                    "5xx"};

// The same names as the upstream client's own, so logs and metric labels agree.
std::string_view error_kind_label(std::size_t kind) {
  return to_string(static_cast<UpstreamErrorKind>(kind));
}

constexpr std::string_view kOtherLabel = "_other";

void append_label_value(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

// Microseconds as a decimal number of seconds, exact ("0.00025", "1", "12.5").
void append_seconds(std::string& out, std::uint64_t us) {
  out += std::to_string(us / 1000000);
  std::uint64_t frac = us % 1000000;
  if (frac == 0) return;
  char digits[8];
  std::snprintf(digits, sizeof digits, "%06llu", static_cast<unsigned long long>(frac));
  std::string_view text(digits, 6);
  while (!text.empty() && text.back() == '0') text.remove_suffix(1);
  out += '.';
  out += text;
}

void append_header(std::string& out, std::string_view name, std::string_view type,
                   std::string_view help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;  // our help strings hold no backslash or newline
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

using Labels = std::initializer_list<std::pair<std::string_view, std::string_view>>;

void append_labels(std::string& out, Labels labels) {
  if (labels.size() == 0) return;
  out += '{';
  bool first = true;
  for (const auto& [key, value] : labels) {
    if (!first) out += ',';
    first = false;
    out += key;
    out += "=\"";
    append_label_value(out, value);
    out += '"';
  }
  out += '}';
}

void append_sample(std::string& out, std::string_view name, Labels labels, std::string_view value) {
  out += name;
  append_labels(out, labels);
  out += ' ';
  out += value;
  out += '\n';
}

void append_sample(std::string& out, std::string_view name, Labels labels, std::int64_t value) {
  append_sample(out, name, labels, std::to_string(value));
}

void append_sample_u(std::string& out, std::string_view name, Labels labels, std::uint64_t value) {
  append_sample(out, name, labels, std::to_string(value));
}

// One histogram series: _bucket lines (cumulative, ending with +Inf), _sum, _count. `extra` is an
// optional label that goes before `le`.
void append_histogram(std::string& out, std::string_view name, const Histogram& histogram,
                      std::string_view extra_key = {}, std::string_view extra_value = {}) {
  const Histogram::Snapshot s = histogram.snapshot();
  const std::string bucket = std::string(name) + "_bucket";
  std::string le;
  for (std::size_t i = 0; i <= s.bounds_us.size(); ++i) {
    le.clear();
    if (i == s.bounds_us.size()) {
      le = "+Inf";
    } else {
      append_seconds(le, s.bounds_us[i]);
    }
    if (extra_key.empty()) {
      append_sample_u(out, bucket, {{"le", le}}, s.cumulative[i]);
    } else {
      append_sample_u(out, bucket, {{extra_key, extra_value}, {"le", le}}, s.cumulative[i]);
    }
  }
  std::string sum;
  append_seconds(sum, s.sum_us);
  if (extra_key.empty()) {
    append_sample(out, std::string(name) + "_sum", {}, sum);
    append_sample_u(out, std::string(name) + "_count", {}, s.count());
  } else {
    append_sample(out, std::string(name) + "_sum", {{extra_key, extra_value}}, sum);
    append_sample_u(out, std::string(name) + "_count", {{extra_key, extra_value}}, s.count());
  }
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

// Open addressing over a fixed array of atomic pointers: inserts happen under the registration
// mutex and publish with release; lookups probe with acquire loads and never lock or allocate.
// Entries are never removed, so a request still holding an old policy finds its rule ids.
struct Metrics::RuleTable {
  static constexpr std::size_t kSlots = 2 * kMaxRuleIds;  // load factor <= 0.5
  static_assert((kSlots & (kSlots - 1)) == 0);

  struct Entry {
    std::string id;
    std::atomic<std::uint64_t> matches{0};
  };

  std::array<std::atomic<Entry*>, kSlots> slots{};
  std::vector<std::unique_ptr<Entry>> entries;  // registration order; guarded by the mutex
  Entry other{std::string(kOtherLabel)};

  Entry* find(std::string_view id) const noexcept {
    std::size_t i = std::hash<std::string_view>{}(id) & (kSlots - 1);
    for (std::size_t probes = 0; probes < kSlots; ++probes, i = (i + 1) & (kSlots - 1)) {
      Entry* entry = slots[i].load(std::memory_order_acquire);
      if (entry == nullptr) return nullptr;
      if (entry->id == id) return entry;
    }
    return nullptr;
  }

  // Caller holds the registration mutex.
  void insert(std::string_view id) {
    if (find(id) != nullptr || entries.size() >= kMaxRuleIds) return;
    auto entry = std::make_unique<Entry>();
    entry->id = std::string(id);
    std::size_t i = std::hash<std::string_view>{}(id) & (kSlots - 1);
    while (slots[i].load(std::memory_order_relaxed) != nullptr) i = (i + 1) & (kSlots - 1);
    slots[i].store(entry.get(), std::memory_order_release);
    entries.push_back(std::move(entry));
  }
};

Metrics::Metrics() : start_time_unix_(unix_now()), rules_(std::make_unique<RuleTable>()) {
  overhead_.set_bounds(kOverheadBounds);
  for (auto& h : upstream_latency_) h.set_bounds(kUpstreamBounds);
  for (auto& h : stream_ttfb_) h.set_bounds(kUpstreamBounds);
  audit_write_.set_bounds(kAuditBounds);
  for (auto& r : upstream_reachable_) r.store(-1, kRelaxed);
}

Metrics::~Metrics() = default;

UpstreamId Metrics::register_upstream(std::string_view name) {
  std::lock_guard lock(registration_mutex_);
  for (std::size_t i = 0; i < upstream_names_.size(); ++i) {
    if (upstream_names_[i] == name) return static_cast<UpstreamId>(i);
  }
  if (upstream_names_.size() >= kMaxUpstreams - 1) {
    if (upstream_names_.size() == kMaxUpstreams - 1) upstream_names_.emplace_back(kOtherLabel);
    upstream_count_.store(upstream_names_.size(), std::memory_order_release);
    return static_cast<UpstreamId>(kMaxUpstreams - 1);
  }
  upstream_names_.emplace_back(name);
  upstream_count_.store(upstream_names_.size(), std::memory_order_release);
  return static_cast<UpstreamId>(upstream_names_.size() - 1);
}

std::optional<UpstreamId> Metrics::find_upstream(std::string_view name) const {
  std::lock_guard lock(registration_mutex_);
  for (std::size_t i = 0; i < upstream_names_.size(); ++i) {
    if (upstream_names_[i] == name) return static_cast<UpstreamId>(i);
  }
  return std::nullopt;
}

void Metrics::register_policy(const policy::Policy& policy) {
  const std::vector<std::string> ids = policy_rule_ids(policy);
  register_rule_ids(ids);
  set_policy_info(policy.name(), policy.version(), policy.sha256());
}

void Metrics::register_rule_ids(std::span<const std::string> ids) {
  std::lock_guard lock(registration_mutex_);
  for (const auto& id : ids) rules_->insert(id);
}

void Metrics::set_policy_info(std::string_view name, std::string_view version,
                              std::string_view sha256) {
  std::lock_guard lock(registration_mutex_);
  policy_name_ = std::string(name);
  policy_version_ = std::string(version);
  policy_sha256_ = std::string(sha256);
}

std::size_t Metrics::status_class(unsigned status) noexcept {
  if (status < 100 || status > 599) return kStatusClasses - 1;  // no valid answer: a server error
  return status / 100 - 1;
}

std::size_t Metrics::request_index(std::optional<adapters::Api> api,
                                   std::optional<policy::Handling> handling,
                                   unsigned status) noexcept {
  std::size_t a = api ? static_cast<std::size_t>(*api) : kApiCount;
  if (a >= kApiSlots) a = kApiCount;
  std::size_t h = handling ? static_cast<std::size_t>(*handling) : kHandlingSlots - 1;
  if (h >= kHandlingSlots) h = kHandlingSlots - 1;
  return (a * kHandlingSlots + h) * kStatusClasses + status_class(status);
}

UpstreamId Metrics::clamp(UpstreamId id) const noexcept {
  return id < kMaxUpstreams ? id : static_cast<UpstreamId>(kMaxUpstreams - 1);
}

void Metrics::count_request(std::optional<adapters::Api> api,
                            std::optional<policy::Handling> handling, unsigned status) noexcept {
  requests_[request_index(api, handling, status)].fetch_add(1, kRelaxed);
}

void Metrics::count_rule_matches(const policy::Classification& classification) noexcept {
  for (const auto& match : classification.matches) {
    count_rule_match(match.id, match.count == 0 ? 1 : match.count);
  }
}

void Metrics::count_rule_match(std::string_view rule_id, std::uint64_t matches) noexcept {
  RuleTable::Entry* entry = rules_->find(rule_id);
  if (entry == nullptr) entry = &rules_->other;
  entry->matches.fetch_add(matches, kRelaxed);
}

namespace {
// Result slots: the three ways of reading, then the five reasons for not reading.
std::size_t attachment_result(const attachments::AttachmentReport& report) noexcept {
  if (report.uninspected) return 3 + static_cast<std::size_t>(*report.uninspected);
  const auto inspected = static_cast<std::size_t>(report.inspected);
  return inspected < 3 ? inspected
                       : 3 + static_cast<std::size_t>(attachments::Uninspected::kUnreadable);
}
std::string_view attachment_result_name(std::size_t slot) {
  if (slot < 3) return attachments::to_string(static_cast<attachments::Inspected>(slot));
  return attachments::to_string(static_cast<attachments::Uninspected>(slot - 3));
}
}  // namespace

void Metrics::count_attachments(std::span<const attachments::AttachmentReport> reports) noexcept {
  for (const auto& report : reports) {
    const auto kind = static_cast<std::size_t>(report.kind);
    if (kind >= attachments::kKindCount) continue;
    attachments_[kind * kAttachmentResults + attachment_result(report)].fetch_add(1, kRelaxed);
  }
}

std::uint64_t Metrics::attachments(attachments::Kind kind, std::string_view result) const noexcept {
  for (std::size_t slot = 0; slot < kAttachmentResults; ++slot) {
    if (attachment_result_name(slot) == result) {
      return attachments_[static_cast<std::size_t>(kind) * kAttachmentResults + slot].load(
          kRelaxed);
    }
  }
  return 0;
}

void Metrics::observe_upstream_latency(UpstreamId id, std::chrono::microseconds value) noexcept {
  upstream_latency_[clamp(id)].observe(value);
}

void Metrics::observe_stream_ttfb(UpstreamId id, std::chrono::microseconds value) noexcept {
  stream_ttfb_[clamp(id)].observe(value);
}

void Metrics::count_upstream_error(UpstreamId id, UpstreamErrorKind kind) noexcept {
  std::size_t k = static_cast<std::size_t>(kind);
  if (k >= kUpstreamErrorKinds) return;
  upstream_errors_[clamp(id) * kUpstreamErrorKinds + k].fetch_add(1, kRelaxed);
}

void Metrics::count_policy_reload(bool success) noexcept {
  policy_reloads_[success ? 1 : 0].fetch_add(1, kRelaxed);
  if (success) last_reload_success_unix_.store(unix_now(), kRelaxed);
}

std::uint64_t Metrics::requests(std::optional<adapters::Api> api,
                                std::optional<policy::Handling> handling,
                                unsigned status) const noexcept {
  return requests_[request_index(api, handling, status)].load(kRelaxed);
}

std::uint64_t Metrics::rule_matches(std::string_view rule_id) const noexcept {
  const RuleTable::Entry* entry = rules_->find(rule_id);
  if (entry == nullptr && rule_id == kOtherLabel) entry = &rules_->other;
  return entry ? entry->matches.load(kRelaxed) : 0;
}

std::uint64_t Metrics::policy_reloads(bool success) const noexcept {
  return policy_reloads_[success ? 1 : 0].load(kRelaxed);
}

std::uint64_t Metrics::upstream_errors(UpstreamId id, UpstreamErrorKind kind) const noexcept {
  std::size_t k = static_cast<std::size_t>(kind);
  if (k >= kUpstreamErrorKinds) return 0;
  return upstream_errors_[clamp(id) * kUpstreamErrorKinds + k].load(kRelaxed);
}

std::optional<bool> Metrics::upstream_reachable(UpstreamId id) const noexcept {
  const auto v = upstream_reachable_[clamp(id)].load(kRelaxed);
  if (v < 0) return std::nullopt;
  return v == 1;
}

std::string Metrics::render() const {
  std::string out;
  out.reserve(16384);
  std::lock_guard lock(registration_mutex_);

  append_header(out, "switchyard_build_info", "gauge", "Build of the running binary.");
  append_sample(out, "switchyard_build_info", {{"version", SWITCHYARD_VERSION}}, 1);

  append_header(out, "switchyard_start_time_seconds", "gauge",
                "Start time of the process, seconds since the Unix epoch.");
  append_sample(out, "switchyard_start_time_seconds", {}, start_time_unix_);

  append_header(out, "switchyard_policy_info", "gauge",
                "The policy currently serving (always 1; the labels carry the identity).");
  if (!policy_name_.empty() || !policy_sha256_.empty()) {
    append_sample(
        out, "switchyard_policy_info",
        {{"name", policy_name_}, {"version", policy_version_}, {"sha256", policy_sha256_}}, 1);
  }

  append_header(out, "switchyard_policy_reloads_total", "counter",
                "Policy reload attempts by result.");
  append_sample_u(out, "switchyard_policy_reloads_total", {{"result", "success"}},
                  policy_reloads_[1].load(kRelaxed));
  append_sample_u(out, "switchyard_policy_reloads_total", {{"result", "failure"}},
                  policy_reloads_[0].load(kRelaxed));

  append_header(out, "switchyard_policy_last_reload_success_timestamp_seconds", "gauge",
                "Time of the last successful reload, seconds since the Unix epoch (0: none).");
  append_sample(out, "switchyard_policy_last_reload_success_timestamp_seconds", {},
                last_reload_success_unix_.load(kRelaxed));

  append_header(out, "switchyard_requests_total", "counter",
                "Requests answered, by client API, handling and HTTP status class. api=\"none\": "
                "no API endpoint matched; handling=\"none\": refused before a decision.");
  for (std::size_t a = 0; a < kApiSlots; ++a) {
    for (std::size_t h = 0; h < kHandlingSlots; ++h) {
      for (std::size_t s = 0; s < kStatusClasses; ++s) {
        const std::uint64_t v =
            requests_[(a * kHandlingSlots + h) * kStatusClasses + s].load(kRelaxed);
        if (v == 0) continue;  // series appear on first use; the label space is mostly impossible
        append_sample_u(
            out, "switchyard_requests_total",
            {{"api", kApiNames[a]}, {"handling", kHandlingNames[h]}, {"status", kStatusNames[s]}},
            v);
      }
    }
  }

  append_header(out, "switchyard_rule_matches_total", "counter",
                "Confirmed matches per policy rule (rule_id=\"_other\": ids beyond the table).");
  for (const auto& entry : rules_->entries) {
    append_sample_u(out, "switchyard_rule_matches_total", {{"rule_id", entry->id}},
                    entry->matches.load(kRelaxed));
  }
  append_sample_u(out, "switchyard_rule_matches_total", {{"rule_id", kOtherLabel}},
                  rules_->other.matches.load(kRelaxed));

  append_header(out, "switchyard_classifier_errors_total", "counter",
                "Classifications that failed and were handled fail-closed.");
  append_sample_u(out, "switchyard_classifier_errors_total", {}, classifier_errors_.load(kRelaxed));

  // Appears once a shadow policy judged a request; then every pair, so rates start at zero.
  bool shadowed = false;
  for (const auto& count : shadow_decisions_) shadowed = shadowed || count.load(kRelaxed) > 0;
  if (shadowed) {
    append_header(out, "switchyard_shadow_decisions_total", "counter",
                  "Requests judged by the shadow policy too, by the live policy's handling and "
                  "the shadow policy's (which never changes the route).");
    for (std::size_t live = 0; live < kHandlingCount; ++live) {
      for (std::size_t shadow = 0; shadow < kHandlingCount; ++shadow) {
        append_sample_u(out, "switchyard_shadow_decisions_total",
                        {{"live", kHandlingNames[live]}, {"shadow", kHandlingNames[shadow]}},
                        shadow_decisions_[live * kHandlingCount + shadow].load(kRelaxed));
      }
    }
  }

  append_header(out, "switchyard_attachments_total", "counter",
                "Attachments in requests, by kind and result: how they were read (pdf_text, ocr, "
                "text) or why they could not be (remote_url, file_reference, audio_video, "
                "unreadable, over_limit).");
  for (std::size_t k = 0; k < attachments::kKindCount; ++k) {
    for (std::size_t r = 0; r < kAttachmentResults; ++r) {
      const std::uint64_t v = attachments_[k * kAttachmentResults + r].load(kRelaxed);
      if (v == 0) continue;
      append_sample_u(out, "switchyard_attachments_total",
                      {{"kind", attachments::to_string(static_cast<attachments::Kind>(k))},
                       {"result", attachment_result_name(r)}},
                      v);
    }
  }

  append_header(out, "switchyard_proxy_overhead_seconds", "histogram",
                "Time spent in the proxy per request, upstream wait excluded.");
  append_histogram(out, "switchyard_proxy_overhead_seconds", overhead_);

  const std::size_t upstreams = upstream_names_.size();
  append_header(out, "switchyard_upstream_latency_seconds", "histogram",
                "Upstream exchange time, request sent to last response byte, by upstream.");
  for (std::size_t i = 0; i < upstreams; ++i) {
    append_histogram(out, "switchyard_upstream_latency_seconds", upstream_latency_[i], "upstream",
                     upstream_names_[i]);
  }
  append_header(out, "switchyard_stream_time_to_first_byte_seconds", "histogram",
                "Streaming responses: request received to first body byte sent to the client.");
  for (std::size_t i = 0; i < upstreams; ++i) {
    append_histogram(out, "switchyard_stream_time_to_first_byte_seconds", stream_ttfb_[i],
                     "upstream", upstream_names_[i]);
  }

  append_header(out, "switchyard_upstream_errors_total", "counter",
                "Failed upstream exchanges by upstream and kind.");
  for (std::size_t i = 0; i < upstreams; ++i) {
    for (std::size_t k = 0; k < kUpstreamErrorKinds; ++k) {
      append_sample_u(out, "switchyard_upstream_errors_total",
                      {{"upstream", upstream_names_[i]}, {"kind", error_kind_label(k)}},
                      upstream_errors_[i * kUpstreamErrorKinds + k].load(kRelaxed));
    }
  }

  append_header(out, "switchyard_upstream_reachable", "gauge",
                "1 when the admin listener's last TCP probe of the upstream connected, else 0 "
                "(mock upstreams are not probed).");
  for (std::size_t i = 0; i < upstreams; ++i) {
    const auto v = upstream_reachable_[i].load(kRelaxed);
    if (v < 0) continue;
    append_sample(out, "switchyard_upstream_reachable", {{"upstream", upstream_names_[i]}},
                  static_cast<std::int64_t>(v));
  }

  append_header(out, "switchyard_active_connections", "gauge", "Open client connections.");
  append_sample(out, "switchyard_active_connections", {}, active_connections_.value());
  append_header(out, "switchyard_active_streams", "gauge", "Streaming responses being relayed.");
  append_sample(out, "switchyard_active_streams", {}, active_streams_.value());

  append_header(out, "switchyard_audit_write_seconds", "histogram",
                "Audit append to durable (under the configured fsync mode).");
  append_histogram(out, "switchyard_audit_write_seconds", audit_write_);
  append_header(out, "switchyard_audit_failures_total", "counter",
                "Audit records that could not be queued or written.");
  append_sample_u(out, "switchyard_audit_failures_total", {}, audit_failures_.load(kRelaxed));
  return out;
}

Metrics& global_metrics() {
  static Metrics metrics;
  return metrics;
}

std::vector<std::string> policy_rule_ids(const policy::Policy& policy) {
  return rule_ids_in_files(policy.files());
}

std::vector<std::string> rule_ids_in_files(std::span<const std::filesystem::path> files) {
  std::vector<std::string> ids;
  for (const auto& file : files) {
    const YAML::Node root = YAML::LoadFile(file.string());
    const YAML::Node rules = root["rules"];
    if (!rules || !rules.IsSequence()) continue;
    for (const auto& rule : rules) {
      if (rule.IsMap() && rule["id"] && rule["id"].IsScalar()) {
        ids.push_back(rule["id"].as<std::string>());
      }
    }
  }
  return ids;
}

}  // namespace switchyard::proxy
