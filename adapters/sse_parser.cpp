// Incremental SSE parsing. Line ends are CRLF, LF or CR (a CRLF split across two feeds is one line
// end); an event ends at a blank line. Unknown fields (id:, retry:) are ignored: nothing downstream
// needs them, and pass-through forwards the original bytes anyway.
#include "adapters/sse_parser.h"

#include <cstring>

namespace switchyard::adapters {

SseParser::SseParser(std::size_t max_event_bytes) : max_event_bytes_(max_event_bytes) {}

bool SseParser::feed(std::string_view bytes, const std::function<void(const SseEvent&)>& on_event) {
  if (failed_) return false;
  std::size_t pos = 0;
  if (last_was_cr_ && !bytes.empty()) {
    last_was_cr_ = false;
    if (bytes[0] == '\n') pos = 1;
  }
  while (pos < bytes.size()) {
    // Find the next CR or LF.
    const char* begin = bytes.data() + pos;
    std::size_t remaining = bytes.size() - pos;
    std::size_t eol = remaining;
    for (std::size_t i = 0; i < remaining; ++i) {
      if (begin[i] == '\n' || begin[i] == '\r') {
        eol = i;
        break;
      }
    }
    if (eol == remaining) {
      line_.append(begin, remaining);
      if (line_.size() + pending_.data.size() + pending_.event.size() > max_event_bytes_) {
        failed_ = true;
        return false;
      }
      return true;
    }
    std::string_view line;
    if (line_.empty()) {
      line = std::string_view(begin, eol);
    } else {
      line_.append(begin, eol);
      line = line_;
    }
    if (line.size() + pending_.data.size() + pending_.event.size() > max_event_bytes_) {
      failed_ = true;
      return false;
    }
    process_line(line, on_event);
    line_.clear();
    pos += eol + 1;
    if (begin[eol] == '\r') {
      if (pos < bytes.size()) {
        if (bytes[pos] == '\n') ++pos;
      } else {
        last_was_cr_ = true;
      }
    }
  }
  return true;
}

void SseParser::finish(const std::function<void(const SseEvent&)>& on_event) {
  if (failed_) return;
  if (!line_.empty()) {
    std::string line = std::move(line_);
    line_.clear();
    process_line(line, on_event);
  }
  dispatch(on_event);
  last_was_cr_ = false;
}

void SseParser::process_line(std::string_view line,
                             const std::function<void(const SseEvent&)>& on_event) {
  if (line.empty()) {
    dispatch(on_event);
    return;
  }
  if (line[0] == ':') return;  // comment (keep-alive)
  std::string_view field = line;
  std::string_view value;
  if (auto colon = line.find(':'); colon != std::string_view::npos) {
    field = line.substr(0, colon);
    value = line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.remove_prefix(1);
  }
  if (field == "data") {
    if (has_data_) pending_.data.push_back('\n');
    pending_.data.append(value);
    has_data_ = true;
    has_fields_ = true;
  } else if (field == "event") {
    pending_.event.assign(value);
    has_fields_ = true;
  }
}

void SseParser::dispatch(const std::function<void(const SseEvent&)>& on_event) {
  // Per the spec an event with no data is not dispatched; an "event:" line alone is still
  // delivered here because some servers send event-only notifications, and callers ignore what
  // they do not know.
  if (has_fields_) on_event(pending_);
  pending_.event.clear();
  pending_.data.clear();
  has_data_ = false;
  has_fields_ = false;
}

}  // namespace switchyard::adapters
