// Builds the audit records from the RequestContext. Kept apart from the pipeline so the record
// layout is in one place.
#include "proxy/audit_records.h"

#include <cmath>

namespace switchyard::proxy {
namespace {

double to_ms(std::chrono::nanoseconds d) {
  return std::round(static_cast<double>(d.count()) / 1e3) / 1e3;  // microsecond precision
}

}  // namespace

boost::json::object decision_record(const RequestContext& ctx, bool fallback) {
  const Config& config = *ctx.worker.shared.config;
  boost::json::object r;
  r["event"] = "decision";
  r["request_id"] = ctx.request_id;
  r["client"] = ctx.client;
  r["api"] = ctx.api ? adapters::to_string(*ctx.api) : std::string_view("unknown");
  r["model"] = ctx.parsed.model;
  r["stream"] = ctx.parsed.stream;
  r["handling"] = policy::to_string(ctx.decision.handling);
  r["level"] = ctx.classification.level;
  r["route"] = fallback ? std::string_view("internal") : to_string(ctx.decision.route);
  r["reason"] = fallback ? std::string_view("vendor_fallback") : ctx.decision.reason;
  const int upstream = fallback ? ctx.final_upstream : ctx.decision.upstream;
  if (upstream >= 0) {
    const auto& up = config.upstreams[upstream];
    r["upstream"] = up.name;
    const auto renamed = up.rename(ctx.parsed.model);
    r["upstream_model"] = renamed ? *renamed : std::string_view(ctx.parsed.model);
  } else {
    r["upstream"] = nullptr;
    r["upstream_model"] = nullptr;
  }
  boost::json::array rules;
  rules.reserve(ctx.classification.matches.size());
  for (const auto& m : ctx.classification.matches) {
    boost::json::object rule;
    rule["id"] = m.id;
    rule["category"] = m.category;
    rule["count"] = m.count;
    rule["handling"] = policy::to_string(m.handling);
    rules.emplace_back(std::move(rule));
  }
  r["rules"] = std::move(rules);
  if (!ctx.decision.redactions.empty()) r["redactions"] = ctx.decision.redactions.size();
  if (ctx.classification.classifier_error) r["classifier_error"] = ctx.classification.error;
  if (ctx.policy) {
    r["policy"] = {{"name", ctx.policy->name()},
                   {"version", ctx.policy->version()},
                   {"sha256", ctx.policy->sha256()}};
  }
  // The prompt as the auditor knows it: every extracted text segment joined by '\n'.
  std::string joined;
  std::size_t total = 0;
  for (const auto& s : ctx.parsed.segments) total += s.text.size() + 1;
  joined.reserve(total);
  for (const auto& s : ctx.parsed.segments) {
    if (!joined.empty()) joined += '\n';
    joined += s.text;
  }
  boost::json::object prompt;
  prompt["bytes"] = joined.size();
  prompt["segments"] = ctx.parsed.segments.size();
  if (ctx.worker.shared.audit != nullptr) {
    prompt["hmac"] = ctx.worker.shared.audit->prompt_digest(joined);
  }
  r["prompt"] = std::move(prompt);
  if (fallback) r["fallback"] = true;
  return r;
}

boost::json::object outcome_record(const RequestContext& ctx) {
  const Config& config = *ctx.worker.shared.config;
  boost::json::object r;
  r["event"] = "outcome";
  r["request_id"] = ctx.request_id;
  r["client"] = ctx.client;
  r["api"] = ctx.api ? adapters::to_string(*ctx.api) : std::string_view("unknown");
  r["route"] = to_string(ctx.route());
  if (ctx.final_upstream >= 0) {
    r["upstream"] = config.upstreams[ctx.final_upstream].name;
  } else {
    r["upstream"] = nullptr;
  }
  if (ctx.fallback_used) r["fallback"] = true;
  r["status"] = ctx.status;
  if (ctx.error_code.empty()) {
    r["error"] = nullptr;
  } else {
    r["error"] = ctx.error_code;
  }
  boost::json::object usage;
  if (ctx.usage.input_tokens >= 0) {
    usage["input_tokens"] = ctx.usage.input_tokens;
  } else {
    usage["input_tokens"] = nullptr;
  }
  if (ctx.usage.output_tokens >= 0) {
    usage["output_tokens"] = ctx.usage.output_tokens;
  } else {
    usage["output_tokens"] = nullptr;
  }
  r["usage"] = std::move(usage);
  const auto latency = RequestContext::Clock::now() - ctx.start;
  r["latency_ms"] = to_ms(latency);
  r["upstream_ms"] = to_ms(ctx.upstream_time);
  r["overhead_ms"] = to_ms(ctx.overhead());
  return r;
}

}  // namespace switchyard::proxy
