// Builds the audit records from the RequestContext. Kept apart from the pipeline so the record
// layout is in one place.
#include "proxy/server/audit_records.h"

#include <array>
#include <cmath>
#include <span>
#include <vector>

#include "proxy/server/masked_prompt.h"

namespace switchyard::proxy {
namespace {

double to_ms(std::chrono::nanoseconds d) {
  return std::round(static_cast<double>(d.count()) / 1e3) / 1e3;  // microsecond precision
}

// What each attachment was and how it was read (design 8); never its content or its text.
template <class W>
void write_attachments(W& r, const std::vector<attachments::AttachmentReport>& reports) {
  r.open_array("attachments");
  for (const auto& a : reports) {
    r.open_item();
    r.str("path", attachments::pointer_for_record(a.pointer));
    r.str("kind", attachments::to_string(a.kind));
    r.str("media_type", a.media_type);
    if (!a.declared_type.empty()) r.str("declared_media_type", a.declared_type);
    r.unum("bytes", a.bytes);
    r.unum("pages", a.pages);
    r.str("inspected", attachments::to_string(a.inspected));
    if (a.uninspected) {
      r.str("uninspected", attachments::to_string(*a.uninspected));
      r.str("reason", a.reason);
    } else {
      r.null("reason");
    }
    r.close();
  }
  r.close();
}

// Written through a template over the writer: audit::AuditBodyWriter in the proxy; the unit tests
// hold it to audit::AuditDomWriter's DOM, serialized the way the file sink did before
// (byte-identical records).
// The shadow policy's verdict (design section 8), in the live verdict's own shapes.
template <class W>
void write_shadow(W& r, const policy::Policy& policy, const policy::Classification& c) {
  r.open("shadow");
  r.open("policy");
  r.str("name", policy.name());
  r.str("version", policy.version());
  r.str("sha256", policy.sha256());
  r.close();
  r.str("handling", policy::to_string(c.handling));
  r.str("level", c.level);
  r.open_array("rules");
  for (const auto& m : c.matches) {
    r.open_item();
    r.str("id", m.id);
    r.str("category", m.category);
    r.unum("count", m.count);
    r.str("handling", policy::to_string(m.handling));
    r.close();
  }
  r.close();
  if (c.classifier_error) r.str("classifier_error", c.error);
  r.close();
}

template <class W>
void write_decision(W& r, const RequestContext& ctx, bool fallback) {
  const Config& config = *ctx.worker.shared.config;
  r.str("event", "decision");
  r.str("request_id", ctx.request_id);
  r.str("client", ctx.client);
  r.str("api", ctx.api ? adapters::to_string(*ctx.api) : std::string_view("unknown"));
  r.str("model", ctx.parsed.model);
  r.boolean("stream", ctx.parsed.stream);
  r.str("handling", policy::to_string(ctx.decision.handling));
  r.str("level", ctx.classification.level);
  r.str("route", fallback ? std::string_view("internal") : to_string(ctx.decision.route));
  r.str("reason", fallback ? std::string_view("vendor_fallback") : ctx.decision.reason);
  const int upstream = fallback ? ctx.final_upstream : ctx.decision.upstream;
  if (upstream >= 0) {
    const auto& up = config.upstreams[upstream];
    r.str("upstream", up.name);
    const auto renamed = up.rename(ctx.parsed.model);
    r.str("upstream_model", renamed ? *renamed : std::string_view(ctx.parsed.model));
  } else {
    r.null("upstream");
    r.null("upstream_model");
  }
  // Pseudonymization counts what the vendor route sent (a fallback sends the real values); the
  // placeholders and values themselves never appear here.
  static const std::vector<std::size_t> kNone;
  const std::vector<std::size_t>& pseudonymized = fallback ? kNone : ctx.decision.pseudonymized;
  r.open_array("rules");
  for (std::size_t i = 0; i < ctx.classification.matches.size(); ++i) {
    const auto& m = ctx.classification.matches[i];
    r.open_item();
    r.str("id", m.id);
    r.str("category", m.category);
    r.unum("count", m.count);
    r.str("handling", policy::to_string(m.handling));
    if (i < pseudonymized.size() && pseudonymized[i] > 0) {
      r.unum("pseudonymized", pseudonymized[i]);
    }
    r.close();
  }
  r.close();
  std::size_t redacted = 0;
  std::size_t placeholders = 0;
  for (const auto& edit : ctx.decision.redactions) {
    ++(edit.replacement.empty() ? redacted : placeholders);
  }
  if (redacted > 0) r.unum("redactions", redacted);
  if (!fallback && placeholders > 0) r.unum("pseudonymized", placeholders);
  if (!ctx.attachments.empty()) write_attachments(r, ctx.attachments);
  if (ctx.classification.classifier_error) r.str("classifier_error", ctx.classification.error);
  if (ctx.policy) {
    r.open("policy");
    r.str("name", ctx.policy->name());
    r.str("version", ctx.policy->version());
    r.str("sha256", ctx.policy->sha256());
    r.close();
  }
  if (ctx.shadow && ctx.shadow_policy != nullptr) write_shadow(r, *ctx.shadow_policy, *ctx.shadow);
  // The prompt as the auditor knows it: every extracted text segment joined by '\n' (hashed part
  // by part: joining was a copy of the whole prompt per request).
  const auto& segments = ctx.parsed.segments;
  std::size_t bytes = segments.empty() ? 0 : segments.size() - 1;
  for (const auto& s : segments) bytes += s.text.size();
  r.open("prompt");
  r.unum("bytes", bytes);
  r.unum("segments", segments.size());
  if (ctx.worker.shared.audit != nullptr) {
    std::array<std::string_view, 16> few;
    std::vector<std::string_view> many;
    if (segments.size() > few.size()) many.resize(segments.size());
    const std::span<std::string_view> parts =
        many.empty() ? std::span<std::string_view>(few.data(), segments.size())
                     : std::span<std::string_view>(many);
    for (std::size_t i = 0; i < segments.size(); ++i) parts[i] = segments[i].text;
    r.str("hmac", ctx.worker.shared.audit->prompt_digest_joined(parts));
  }
  if (config.audit.store_prompts == audit::StorePrompts::kRedacted) {
    const MaskedPrompt masked = mask_prompt(ctx.parsed.segments, ctx.classification);
    if (masked.withheld.empty()) {
      r.str("redacted", masked.text);
      if (masked.truncated) r.boolean("truncated", true);
    } else {
      r.null("redacted");
      r.str("withheld", masked.withheld);
    }
  }
  r.close();
  if (fallback) r.boolean("fallback", true);
}

template <class W>
void write_outcome(W& r, const RequestContext& ctx) {
  const Config& config = *ctx.worker.shared.config;
  r.str("event", "outcome");
  r.str("request_id", ctx.request_id);
  r.str("client", ctx.client);
  r.str("api", ctx.api ? adapters::to_string(*ctx.api) : std::string_view("unknown"));
  r.str("route", to_string(ctx.route()));
  if (ctx.final_upstream >= 0) {
    r.str("upstream", config.upstreams[ctx.final_upstream].name);
  } else {
    r.null("upstream");
  }
  if (ctx.fallback_used) r.boolean("fallback", true);
  r.num("status", ctx.status);
  if (ctx.error_code.empty()) {
    r.null("error");
  } else {
    r.str("error", ctx.error_code);
  }
  r.open("usage");
  if (ctx.usage.input_tokens >= 0) {
    r.num("input_tokens", ctx.usage.input_tokens);
  } else {
    r.null("input_tokens");
  }
  if (ctx.usage.output_tokens >= 0) {
    r.num("output_tokens", ctx.usage.output_tokens);
  } else {
    r.null("output_tokens");
  }
  r.close();
  const auto latency = RequestContext::Clock::now() - ctx.start;
  r.real("latency_ms", to_ms(latency));
  r.real("upstream_ms", to_ms(ctx.upstream_time));
  r.real("overhead_ms", to_ms(ctx.overhead()));
}

}  // namespace

AuditBody decision_body(const RequestContext& ctx, bool fallback) {
  audit::AuditBodyWriter writer;
  write_decision(writer, ctx, fallback);
  return {writer.event(), writer.finish()};
}

AuditBody outcome_body(const RequestContext& ctx) {
  audit::AuditBodyWriter writer;
  write_outcome(writer, ctx);
  return {writer.event(), writer.finish()};
}

}  // namespace switchyard::proxy
