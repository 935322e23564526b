// Decide (pipeline stage 8): from the policy's classification to a route, a target upstream, the
// upstream's model name, the spans to redact and the values to pseudonymize. Pure: no I/O, so every
// rule of the routing contract is unit-tested here. Fail-closed rules live here too (unredactable
// matches go internal, sensitive continuations of vendor-held conversations are refused).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"
#include "adapters/pseudonymize/pseudonym_key.h"
#include "adapters/pseudonymize/pseudonym_table.h"
#include "adapters/translate/rewrite.h"
#include "policies/policy.h"
#include "proxy/config/config.h"
#include "proxy/server/attachment_stage.h"
#include "proxy/server/responses_state.h"

namespace switchyard::proxy {

enum class Route : std::uint8_t { kInternal, kVendor, kBlocked };
std::string_view to_string(Route route);

struct Decision {
  Route route = Route::kBlocked;
  policy::Handling handling = policy::Handling::kBlock;  // what the policy said
  std::string_view reason = "policy";  // policy | classifier_error | model_internal_only |
                                       // previous_response_internal | unredactable_match |
                                       // vendor_held_conversation | uninspected_attachment |
                                       // pseudonym_key_unset
  int upstream = -1;                   // index into Config::upstreams
  int fallback = -1;  // vendor route only: the internal upstream tried when the vendor fails
  std::optional<std::string_view> upstream_model;         // rename from the target's models map
  adapters::Dialect target = adapters::Dialect::kOpenAi;  // the wire API sent upstream
  // Vendor route, handlings redact and pseudonymize: what replaces each matched value.
  std::vector<adapters::Redaction> redactions;
  // Vendor route: the placeholders of this request and their values (restored in the reply), and
  // by index of classification.matches how many values of that rule went out as placeholders.
  std::shared_ptr<const pseudonymize::PseudonymTable> pseudonyms;
  std::vector<std::size_t> pseudonymized;
  std::optional<adapters::ApiError> error;  // set: answer with it and forward nothing
};

// `state` may be null (no Responses API state: unknown ids are treated as vendor-held). `key` may
// be null (no pseudonym key loaded): a request with values to pseudonymize then stays internal.
// `uninspected`: the policy's handling of the attachments the proxy could not read.
Decision decide(const Config& config, const adapters::ParsedRequest& request,
                const policy::Classification& classification, ResponsesState* state,
                const pseudonymize::PseudonymKey* key = nullptr,
                const UninspectedVerdict& uninspected = {});

// Fills target and upstream_model for `upstream` (also used for vendor_fallback).
void target_upstream(const Config& config, const adapters::ParsedRequest& request, int upstream,
                     Decision& decision);

// An error in the given dialect's vocabulary (type chosen from the status).
adapters::ApiError make_api_error(adapters::Dialect dialect, int status, std::string_view code,
                                  std::string message, std::string_view param = {});

}  // namespace switchyard::proxy
