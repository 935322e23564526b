// The fields of the two audit events per request (design section 6): `decision`, appended and
// awaited before any byte goes upstream, and `outcome`. The sink adds seq, ts, prev and mac. Never
// holds prompt text, matched values or keys: the prompt is recorded as a byte count and a keyed
// hash.
#pragma once

#include <string>

#include "audit/body_writer.h"
#include "proxy/server/request_context.h"

namespace switchyard::proxy {

// The records as audit::AuditSink::append_serialized() takes them: the event name and the rest of
// the members serialized, byte for byte what the file sink wrote for the DOM form the proxy built
// before, now without a DOM (that DOM was most of the request path's share of the audit cost).
struct AuditBody {
  std::string event;
  std::string body;
};
// `fallback`: the record of a second decision, for the vendor_fallback upstream.
AuditBody decision_body(const RequestContext& ctx, bool fallback = false);
AuditBody outcome_body(const RequestContext& ctx);

}  // namespace switchyard::proxy
