// The JSON endpoint behind the playground (POST /policy/explain on the admin listener): one text or
// one whole request body (either API, extracted by the proxy's own adapters), judged by the live
// policy, the shadow policy or a policy pasted as YAML. The answer carries the handling, the
// level, each matched rule with its masked values and the view it matched in, and the text cut
// into pieces around the matched spans (so the page highlights without ever receiving a raw
// matched value). A pasted policy is bounded: its size, what it may include (only the files the
// serving policy loaded, from memory: never the disk), what its aliases can multiply, and the
// memory its regexes may use; its own tests run and are reported.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "proxy/ops/policy_store.h"

namespace switchyard::proxy {

struct ExplainLimits {
  std::size_t max_request_bytes = std::size_t{2} << 20;   // the whole JSON request
  std::size_t max_text_bytes = std::size_t{1} << 20;      // the text or request body judged
  std::size_t max_policy_bytes = std::size_t{128} << 10;  // a pasted policy's YAML
  // What a pasted policy may amount to once its YAML aliases are expanded: keyword and regex
  // bytes of all rules (includes too), and test text bytes.
  std::size_t max_yaml_nodes = 200000;  // values in the pasted YAML, each alias use counted
  std::size_t max_pattern_bytes = std::size_t{4} << 20;
  std::size_t max_test_text_bytes = std::size_t{4} << 20;
  std::int64_t regex_max_mem = std::int64_t{2} << 20;  // per rule (the proxy allows 8 MiB)
  std::int64_t set_max_mem = std::int64_t{64} << 20;   // per RE2::Set
};

struct ExplainResponse {
  int status = 200;
  std::string body;  // JSON
};

// Handles one request body. Thread-safe; never throws (a failure is a JSON error answer:
// {"error": {"code", "message", "errors"?}} with 400, 404, 413 or 422).
ExplainResponse explain_policy_request(std::string_view request, const PolicyPair& policies,
                                       const ExplainLimits& limits = {});

}  // namespace switchyard::proxy
