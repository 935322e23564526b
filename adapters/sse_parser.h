// An incremental Server-Sent Events parser (WHATWG event-stream rules) for upstream response
// bodies: bytes arrive split anywhere, events come out whole. Used by the pass-through response
// path (usage reading, usage-chunk stripping) and by cross-API stream translation.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace switchyard::adapters {

struct SseEvent {
  std::string event;  // the last "event:" field; "" when the event had none
  std::string data;   // "data:" lines joined with '\n'
};

class SseParser {
 public:
  explicit SseParser(std::size_t max_event_bytes = 1 << 20);

  // Feeds bytes split anywhere (CRLF/LF/CR line ends, comments ":...", "data:" with or without the
  // space, multi-line data). Calls on_event for each complete event (terminated by a blank line).
  // Returns false when an event exceeds the limit (caller ends the stream with an error); the
  // parser then stays failed and ignores further input.
  bool feed(std::string_view bytes, const std::function<void(const SseEvent&)>& on_event);

  // End of stream: a last event without its blank line is delivered (servers do that).
  void finish(const std::function<void(const SseEvent&)>& on_event);

  bool failed() const { return failed_; }

 private:
  void process_line(std::string_view line, const std::function<void(const SseEvent&)>& on_event);
  void dispatch(const std::function<void(const SseEvent&)>& on_event);

  std::size_t max_event_bytes_;
  std::string line_;          // the current, unterminated line
  SseEvent pending_;          // fields of the event being built
  bool has_data_ = false;     // at least one data: line in pending_
  bool has_fields_ = false;   // any field (data or event) in pending_
  bool last_was_cr_ = false;  // a CR ended the previous chunk: a leading LF belongs to it
  bool failed_ = false;
};

}  // namespace switchyard::adapters
