// Decide (pipeline stage 8): from the policy's classification to a route, a target upstream, the
// upstream's model name and the spans to redact. Pure: no I/O, so every rule of the routing
// contract is unit-tested here. Fail-closed rules live here too (unredactable matches go internal,
// sensitive continuations of vendor-held conversations are refused).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"
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
                                       // vendor_held_conversation | uninspected_attachment
  int upstream = -1;                   // index into Config::upstreams
  int fallback = -1;  // vendor route only: the internal upstream tried when the vendor fails
  std::optional<std::string_view> upstream_model;         // rename from the target's models map
  adapters::Dialect target = adapters::Dialect::kOpenAi;  // the wire API sent upstream
  std::vector<adapters::Redaction> redactions;            // handling redact only
  std::optional<adapters::ApiError> error;                // set: answer with it and forward nothing
};

// `state` may be null (no Responses API state: unknown ids are treated as vendor-held).
// `uninspected`: the policy's handling of the attachments the proxy could not read.
Decision decide(const Config& config, const adapters::ParsedRequest& request,
                const policy::Classification& classification, ResponsesState* state,
                const UninspectedVerdict& uninspected = {});

// Fills target and upstream_model for `upstream` (also used for vendor_fallback).
void target_upstream(const Config& config, const adapters::ParsedRequest& request, int upstream,
                     Decision& decision);

// An error in the given dialect's vocabulary (type chosen from the status).
adapters::ApiError make_api_error(adapters::Dialect dialect, int status, std::string_view code,
                                  std::string message, std::string_view param = {});

}  // namespace switchyard::proxy
