// The fields of the two audit events per request (design section 6): `decision`, appended and
// awaited before any byte goes upstream, and `outcome`. The sink adds seq, ts, prev and mac. Never
// holds prompt text, matched values or keys: the prompt is recorded as a byte count and a keyed
// hash.
#pragma once

#include <boost/json/object.hpp>

#include "proxy/request_context.h"

namespace switchyard::proxy {

// `fallback`: the record of a second decision, for the vendor_fallback upstream.
boost::json::object decision_record(const RequestContext& ctx, bool fallback = false);
boost::json::object outcome_record(const RequestContext& ctx);

}  // namespace switchyard::proxy
