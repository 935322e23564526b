// The routing contract in one function. Order matters: block first; then everything that forces the
// internal route; then the Responses conversation state, which may refuse; then vendor, redaction
// and pseudonymization.
#include "proxy/server/decision.h"

#include <algorithm>

#include "adapters/error_format.h"
#include "adapters/pseudonymize/mask_plan.h"

namespace switchyard::proxy {

using policy::Handling;

std::string_view to_string(Route route) {
  switch (route) {
    case Route::kInternal:
      return "internal";
    case Route::kVendor:
      return "vendor";
    case Route::kBlocked:
      return "blocked";
  }
  return "blocked";
}

adapters::ApiError make_api_error(adapters::Dialect dialect, int status, std::string_view code,
                                  std::string message, std::string_view param) {
  adapters::ApiError e;
  e.status = status;
  e.code = std::string(code);
  e.message = std::move(message);
  e.param = std::string(param);
  // OpenAI itself answers an unknown URL 404 with type invalid_request_error.
  e.type = dialect == adapters::Dialect::kAnthropic ? adapters::anthropic_error_type(status)
           : status == 404                          ? "invalid_request_error"
                                                    : adapters::openai_error_type(status);
  return e;
}

void target_upstream(const Config& config, const adapters::ParsedRequest& request, int upstream,
                     Decision& decision) {
  decision.upstream = upstream;
  const auto& up = config.upstreams[upstream];
  decision.target = up.target_dialect(adapters::dialect_of(request.api));
  decision.upstream_model = up.rename(request.model);
  if (decision.upstream_model && *decision.upstream_model == request.model) {
    decision.upstream_model.reset();  // nothing to change: keep the bytes
  }
}

namespace {

// A model listed by name only at the internal upstream (and not by name at the vendor) can only be
// served there.
bool model_internal_only(const Config& config, const adapters::ParsedRequest& request) {
  if (request.model.empty() || config.routes.internal < 0) return false;
  if (!config.upstreams[config.routes.internal].lists_model(request.model)) return false;
  const int vendor = config.routes.vendor_for(adapters::dialect_of(request.api));
  return vendor < 0 || !config.upstreams[vendor].lists_model(request.model);
}

std::string blocking_rules(const policy::Classification& c) {
  std::string ids;
  for (const auto& m : c.matches) {
    if (m.handling != Handling::kBlock) continue;
    if (!ids.empty()) ids += ", ";
    ids += m.id;
  }
  return ids;
}

}  // namespace

Decision decide(const Config& config, const adapters::ParsedRequest& request,
                const policy::Classification& classification, ResponsesState* state,
                const pseudonymize::PseudonymKey* key, const UninspectedVerdict& uninspected) {
  Decision d;
  const auto dialect = adapters::dialect_of(request.api);
  d.handling = classification.handling;
  d.reason = classification.classifier_error ? "classifier_error" : "policy";
  d.target = dialect;

  // An attachment nobody could read takes the policy's `uninspected:` handling, unless the rules
  // already said something stricter.
  if (uninspected.handling > classification.handling) {
    d.handling = uninspected.handling;
    d.reason = "uninspected_attachment";
    if (uninspected.handling == Handling::kBlock) {
      d.route = Route::kBlocked;
      d.error = make_api_error(dialect, 403, "policy_blocked",
                               "Request blocked by policy: the attachment at " + uninspected.where +
                                   " could not be inspected (" + uninspected.reason +
                                   ") and the policy blocks what it cannot read");
      return d;
    }
  }

  if (classification.handling == Handling::kBlock) {
    d.route = Route::kBlocked;
    const std::string rules = blocking_rules(classification);
    std::string message = rules.empty()
                              ? std::string("Request blocked by policy")
                              : "Request blocked by policy rule" +
                                    std::string(rules.find(',') == std::string::npos ? "" : "s") +
                                    ": " + rules;
    if (classification.classifier_error) {
      message += " (the classifier failed and the policy fails closed)";
    }
    d.error = make_api_error(dialect, 403, "policy_blocked", std::move(message));
    return d;
  }

  bool internal = d.handling == Handling::kInternal;
  std::vector<adapters::Redaction> redactions;
  std::optional<pseudonymize::MaskPlan> masks;
  if (!internal && (classification.handling == Handling::kRedact ||
                    classification.handling == Handling::kPseudonymize)) {
    std::vector<pseudonymize::MaskSpan> spans;
    bool pseudonyms = false;
    for (std::uint32_t i = 0; i < classification.matches.size(); ++i) {
      const auto& m = classification.matches[i];
      if (m.handling != Handling::kRedact && m.handling != Handling::kPseudonymize) continue;
      const bool in_attachment = std::any_of(m.spans.begin(), m.spans.end(), [&](const auto& s) {
        return s.segment < request.segments.size() && request.segments[s.segment].attachment >= 0;
      });
      if ((m.spans.empty() && m.count > 0) || in_attachment) {
        // Seen only in a decoded view, or in an attachment's text (a PDF page, an image): the
        // original bytes cannot be masked, so they must not reach the vendor.
        internal = true;
        d.reason = "unredactable_match";
        spans.clear();
        break;
      }
      const bool pseudonymize = m.handling == Handling::kPseudonymize;
      pseudonyms = pseudonyms || pseudonymize;
      for (const auto& s : m.spans) {
        spans.push_back(
            {s.segment, s.begin, s.end, m.category.empty() ? m.id : m.category, pseudonymize, i});
      }
    }
    if (!internal && pseudonyms) {
      // Without the key no placeholder can be made: the values must not reach the vendor.
      masks = key != nullptr
                  ? pseudonymize::plan_masks(request.segments, request.raw_body, std::move(spans),
                                             key, classification.matches.size())
                  : std::nullopt;
      if (!masks) {
        internal = true;
        d.reason = key == nullptr ? "pseudonym_key_unset" : "unredactable_match";
      }
    } else if (!internal) {
      // Redaction alone: the spans as they are (rewrite merges overlaps).
      for (auto& s : spans) {
        redactions.push_back({s.segment, s.begin, s.end, std::move(s.category)});
      }
    }
  }
  if (!internal && model_internal_only(config, request)) {
    internal = true;
    d.reason = "model_internal_only";
  }
  if (request.previous_response_id) {
    const auto held = state ? state->lookup(*request.previous_response_id) : std::nullopt;
    if (held == Trust::kInternal) {
      if (!internal) d.reason = "previous_response_internal";
      internal = true;
    } else if (internal) {
      d.route = Route::kBlocked;
      d.reason = "vendor_held_conversation";
      d.error = make_api_error(
          dialect, 409, "vendor_held_conversation",
          "This request must stay on the internal model, but previous_response_id refers to a "
          "conversation held by a vendor (or unknown to this proxy); its history cannot move. "
          "Start a new conversation without previous_response_id.",
          "previous_response_id");
      return d;
    }
  }
  if (internal) {
    d.route = Route::kInternal;
    target_upstream(config, request, config.routes.internal, d);
    return d;
  }
  d.route = Route::kVendor;
  if (masks) {
    d.redactions = std::move(masks->edits);
    d.pseudonyms = std::move(masks->pseudonyms);
    d.pseudonymized = std::move(masks->pseudonymized);
  } else {
    d.redactions = std::move(redactions);
  }
  d.fallback = config.routes.vendor_fallback;
  target_upstream(config, request, config.routes.vendor_for(dialect), d);
  return d;
}

}  // namespace switchyard::proxy
