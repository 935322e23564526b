// A model that repeats what it was sent: the reply to each API (chat, completions, Responses,
// Messages; JSON or SSE) carries the last user text exactly as the upstream received it, and, when
// the request offers tools, a tool call whose arguments are {"text": <that text>}. Streams carry a
// few characters per event, so anything in the text (a placeholder) arrives cut between events.
// Tests of pseudonymization use it to see what the vendor saw come back through the proxy.
#pragma once

#include <cstddef>
#include <string>

#include "fake_upstream.h"

namespace switchyard::testing {

// The last user text of a request body as the upstream received it ("" when there is none).
std::string echoed_text(const RecordedRequest& request);

// The reply for `request` in the API its target names, with `chars_per_event` characters of text
// (or of tool arguments) per stream event; the stream's bytes are also cut into reads of 7, 3 and
// 11 bytes.
ScriptedReply echo_reply(const RecordedRequest& request, std::size_t chars_per_event = 3);

}  // namespace switchyard::testing
