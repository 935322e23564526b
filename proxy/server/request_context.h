// Everything one request carries through the pipeline, in one place. Its destructor is the single
// exit point that runs on every path (like Pingora's logging phase): it writes the audit outcome
// and counts the request in metrics, whether the request ended normally, with an error, or because
// the client went away.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"
#include "adapters/response_translator.h"
#include "policies/policy.h"
#include "proxy/server/decision.h"
#include "proxy/server/pipeline.h"

namespace switchyard::proxy {

struct RequestContext {
  using Clock = std::chrono::steady_clock;

  explicit RequestContext(WorkerContext& w)
      : worker(w), request_id(w.next_request_id()), start(Clock::now()) {}
  ~RequestContext();
  RequestContext(const RequestContext&) = delete;
  RequestContext& operator=(const RequestContext&) = delete;

  WorkerContext& worker;
  std::string request_id;
  Clock::time_point start;

  // Set as the stages progress.
  std::optional<adapters::Api> api;              // known endpoint with an adapter
  std::string client;                            // configured client name; "" without `clients`
  std::shared_ptr<const policy::Policy> policy;  // held to the end: reloads never change it midway
  // The shadow policy of the same pair (kept alive by `policy`, which shares the pair) and its
  // verdict: recorded and counted, never routed on.
  const policy::Policy* shadow_policy = nullptr;
  std::optional<policy::Classification> shadow;
  adapters::ParsedRequest parsed;
  bool parsed_ok = false;
  std::vector<attachments::AttachmentReport> attachments;  // by index of parsed.attachments
  policy::Classification classification;
  Decision decision;
  bool decided = false;
  bool decision_audited = false;  // a decision record was appended: the outcome must follow
  bool fallback_used = false;
  int final_upstream = -1;  // the upstream that answered (differs from the decision on fallback)

  // Outcome.
  int status = 0;
  std::string error_code;  // "" on success
  adapters::Usage usage;
  Clock::time_point upstream_sent{};              // when the (last) upstream request went out
  std::chrono::nanoseconds upstream_time{0};      // awaiting the upstream
  std::chrono::nanoseconds client_write_time{0};  // awaiting the client's socket
  bool audit_outcome = false;  // set once the request is worth an audit record (known endpoint)

  // Where the request actually went: a vendor request that fell back is internal.
  Route route() const {
    if (!decided) return Route::kBlocked;
    return fallback_used ? Route::kInternal : decision.route;
  }
  // Time in the proxy itself: elapsed minus waits on the upstream and the client.
  std::chrono::nanoseconds overhead() const {
    const auto total = Clock::now() - start;
    const auto own = total - upstream_time - client_write_time;
    return own.count() < 0 ? std::chrono::nanoseconds(0) : own;
  }
};

}  // namespace switchyard::proxy
