// Where the text of a streamed reply lives, per client API: which string of an event continues
// which text (a "channel": one choice's content, one tool call's arguments, one content block, one
// Responses output part), which events end a channel, and how to write one more delta event for a
// channel whose last bytes were kept back when it ended. Used by the restoring translator.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"
#include "adapters/pseudonymize/text_restorer.h"

namespace switchyard::pseudonymize {

struct DeltaField {
  std::string channel;    // e.g. "c0/content", "c0/tool/1", "b2", "output_text|msg_1|0|0"
  std::string group;      // channels that end together: a choice, an output item; else = channel
  std::string pointer;    // JSON pointer of the delta string in the event
  std::string_view text;  // its value (points into the parsed event)
  TextKind kind = TextKind::kPlain;
  // What a one-more-delta event needs (see make_delta_skeleton).
  std::int64_t choice = 0;  // chat, completions: the choice's index
  std::int64_t tool = -1;   // chat: the tool call's index
  std::string field;        // chat: content | reasoning_content | reasoning | refusal; anthropic:
                            // the delta type; responses: the event type
};

struct EventShape {
  std::vector<DeltaField> deltas;
  std::vector<std::string> ended_channels;
  std::vector<std::string> ended_groups;
  bool ends_all = false;  // the reply's text is over (stop, usage, error, completed)
  bool has_sequence_number = false;
  std::int64_t sequence_number = 0;  // Responses
};

// `data` is the event's parsed JSON; `event` its "event:" name ("" when none).
EventShape analyze_event(adapters::Api api, std::string_view event, const boost::json::value& data);

// A delta event of the channel of `delta` with an empty text at `pointer`, built from the event
// that carried `delta` (chat and completions keep its id, model and created).
struct DeltaSkeleton {
  std::string event;  // the "event:" line's name, "" for none
  boost::json::value data;
  std::string pointer;
};
DeltaSkeleton make_delta_skeleton(adapters::Api api, std::string_view event,
                                  const boost::json::value& data, const DeltaField& delta);

// The SSE block of a skeleton carrying `text`; `sequence_number` is set when >= 0 (Responses).
std::string render_delta(const DeltaSkeleton& skeleton, std::string_view text,
                         std::int64_t sequence_number);

// Whether a string under this member name holds a JSON document (tool call arguments).
bool is_json_document_key(std::string_view key);

}  // namespace switchyard::pseudonymize
