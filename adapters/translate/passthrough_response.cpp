// Pass-through response handling. Streams are cut at event boundaries found in the raw bytes
// (a blank line: any two consecutive CR/LF/CRLF line ends), so each event block is forwarded byte
// for byte as soon as it is complete, or dropped whole; the SseParser sees the same blocks to read
// usage. A partial event at the end of a cut-off stream is never sent half-way.
#include "adapters/translate/passthrough_response.h"

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <array>

#include "adapters/error_format.h"
#include "adapters/json_fields.h"
#include "adapters/json_splice.h"
#include "adapters/sse_parser.h"
#include "adapters/translate/translation.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

// The counts read_usage_fields looks at, in this order (UsageCounts' indices).
constexpr std::array<std::string_view, 6> kUsageKeys = {
    "prompt_tokens",           "input_tokens",      "cache_creation_input_tokens",
    "cache_read_input_tokens", "completion_tokens", "output_tokens"};
using UsageCounts = std::array<std::int64_t, kUsageKeys.size()>;  // count_at's reading, -1 absent

void combine_usage(const UsageCounts& c, Usage& out) {
  const auto [prompt, input, created, read, completion, output] = c;
  if (input >= 0) {
    out.input_tokens = input + std::max<std::int64_t>(created, 0) + std::max<std::int64_t>(read, 0);
  } else if (prompt >= 0) {
    out.input_tokens = prompt;
  }
  if (output >= 0) {
    out.output_tokens = output;
  } else if (completion >= 0) {
    out.output_tokens = completion;
  }
}

// Reads the counts of a usage object straight from the parser's events: count_at's reading of
// the document json::parse would build (the last of duplicate keys wins, doubles are cut, other
// kinds read -1), with the same validation, without building it (the document was a sixth of
// reading a reply).
struct UsageHandler {
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  UsageCounts counts = {-1, -1, -1, -1, -1, -1};
  bool top_is_object = false;
  int depth = 0;    // open objects and arrays; the usage object's members are at depth 1
  int field = -1;   // the index in kUsageKeys of the member whose value comes next
  std::string key;  // a key the parser hands over in parts (it holds escapes)

  // A member value at depth 1 that is no number: its count reads -1.
  void other_value() {
    if (depth == 1 && field >= 0) counts[static_cast<std::size_t>(field)] = -1;
    field = -1;
  }
  void number(std::int64_t n) {
    if (depth == 1 && field >= 0) counts[static_cast<std::size_t>(field)] = n;
    field = -1;
  }
  bool open() {
    other_value();
    ++depth;
    return true;
  }

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    if (depth == 0) top_is_object = true;
    return open();
  }
  bool on_object_end(std::size_t, json::error_code&) {
    --depth;
    return true;
  }
  bool on_array_begin(json::error_code&) { return open(); }
  bool on_array_end(std::size_t, json::error_code&) {
    --depth;
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    if (depth == 1) key.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code&) {
    if (depth != 1) return true;
    std::string_view full(s.data(), s.size());
    if (!key.empty()) {
      key.append(s.data(), s.size());
      full = key;
    }
    const auto* at = std::find(kUsageKeys.begin(), kUsageKeys.end(), full);
    field = at == kUsageKeys.end() ? -1 : static_cast<int>(at - kUsageKeys.begin());
    key.clear();
    return true;
  }
  bool on_string_part(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, json::error_code&) {
    other_value();
    return true;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    number(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    number(static_cast<std::int64_t>(u));
    return true;
  }
  bool on_double(double d, json::string_view, json::error_code&) {
    number(static_cast<std::int64_t>(d));
    return true;
  }
  bool on_bool(bool, json::error_code&) {
    other_value();
    return true;
  }
  bool on_null(json::error_code&) {
    other_value();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }
};

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// True when some "usage" key has an object value. Chat chunks carry "usage":null on every chunk
// once include_usage is on, so the cheap test must look past the key before paying for a JSON
// parse.
bool has_usage_object(std::string_view data) {
  constexpr std::string_view kKey = "\"usage\"";
  for (std::size_t at = data.find(kKey); at != std::string_view::npos;
       at = data.find(kKey, at + 1)) {
    std::size_t p = at + kKey.size();
    while (p < data.size() && (data[p] == ' ' || data[p] == '\t' || data[p] == '\n' ||
                               data[p] == '\r' || data[p] == ':')) {
      ++p;
    }
    if (p < data.size() && data[p] == '{') return true;
  }
  return false;
}

constexpr std::string_view kIncompleteMessage =
    "the upstream response stream ended before it was complete";

// A JSON object read from a reply, parsed into an arena that starts inside this holder: usage
// objects and most stream events fit, so reading one allocates nothing (with the default resource
// each parse was a handful of heap allocations, and the object was moved to the heap once more).
class ParsedObject {
 public:
  // value_ is built in place: assigning a value from another storage would copy it.
  explicit ParsedObject(std::string_view text)
      : arena_(buffer_, sizeof buffer_),
        value_(json::parse(text, ec_, json::storage_ptr(&arena_))) {}
  ParsedObject(const ParsedObject&) = delete;
  ParsedObject& operator=(const ParsedObject&) = delete;

  explicit operator bool() const { return !ec_ && value_.is_object(); }
  const json::object& operator*() const { return value_.get_object(); }
  const json::object* operator->() const { return &value_.get_object(); }
  const json::object* get() const { return &value_.get_object(); }

 private:
  alignas(16) unsigned char buffer_[1024];
  json::monotonic_resource arena_;
  json::error_code ec_;
  json::value value_;  // destroyed before the arena it lives in
};

class PassthroughTranslator final : public ResponseTranslator {
 public:
  PassthroughTranslator(const ParsedRequest& request, const UpstreamResponseInfo& upstream,
                        bool proxy_added_usage)
      : api_(request.api),
        status_(upstream.status),
        error_(upstream.status >= 400),
        stream_(upstream.event_stream && upstream.status < 400),
        drop_usage_chunk_(proxy_added_usage &&
                          (api_ == Api::kOpenAiChat || api_ == Api::kOpenAiCompletions)),
        parser_(kMaxInspectedEventBytes) {}

  void feed(std::string_view bytes, std::string& out) override {
    if (error_) {
      std::size_t room = kMaxErrorBodyBytes - std::min(kMaxErrorBodyBytes, body_.size());
      body_.append(bytes.substr(0, room));
      return;
    }
    if (!stream_) {
      out.append(bytes);
      if (inspect_body_) {
        if (body_.size() + bytes.size() > kMaxInspectedBodyBytes) {
          inspect_body_ = false;
          body_.clear();
          body_.shrink_to_fit();
        } else {
          body_.append(bytes);
        }
      }
      return;
    }
    feed_stream(bytes, out);
  }

  void finish(bool complete, std::string& out) override {
    if (error_) {
      out.append(error_body_for(dialect_of(api_), normalize_upstream_error(status_, body_)));
      return;
    }
    if (!stream_) {
      if (complete && inspect_body_) inspect_body();
      return;
    }
    if (complete) {
      // A last event without its blank line: forward it (and read it) as servers intend.
      if (!pending_.empty()) {
        std::string block = std::move(pending_);
        pending_.clear();
        handle_block(block, out);
      }
      if (inspect_) parser_.finish([this](const SseEvent& event) { inspect_event(event); });
      return;
    }
    pending_.clear();  // half an event is never sent
    out.append(incomplete_event());
  }

  const Usage& usage() const override { return usage_; }
  std::optional<std::string> response_id() const override { return response_id_; }
  std::string content_type() const override {
    return stream_ ? "text/event-stream" : "application/json";
  }
  int status() const override { return status_; }

 private:
  // Splits `bytes` at event boundaries; complete blocks are handled, the rest waits in pending_.
  void feed_stream(std::string_view bytes, std::string& out) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      char c = bytes[i];
      std::size_t boundary = 0;  // one past the block's last byte, when one ends here
      if (c == '\n') {
        if (after_cr_) {  // the LF of a CRLF whose CR already ended the line
          after_cr_ = false;
          // When that CR closed the previous block, this LF opens the next one; it is kept even if
          // the block is dropped, so the client sees the CRLF whole.
          if (i == start && pending_.empty()) crlf_tail_ = true;
          continue;
        }
        if (line_empty_) boundary = i + 1;
        line_empty_ = true;
      } else if (c == '\r') {
        after_cr_ = false;
        bool crlf = i + 1 < bytes.size() && bytes[i + 1] == '\n';
        if (line_empty_) boundary = crlf ? i + 2 : i + 1;
        line_empty_ = true;
        if (crlf) {
          ++i;
        } else {
          after_cr_ = i + 1 == bytes.size();
        }
      } else {
        after_cr_ = false;
        line_empty_ = false;
      }
      if (boundary != 0) {
        std::string_view piece = bytes.substr(start, boundary - start);
        if (pending_.empty()) {
          handle_block(piece, out);
        } else {
          pending_.append(piece);
          std::string block = std::move(pending_);
          pending_.clear();
          handle_block(block, out);
        }
        start = boundary;
      }
    }
    if (start < bytes.size()) {
      pending_.append(bytes.substr(start));
      if (pending_.size() > kMaxInspectedEventBytes) {
        // Too large to hold back: pass it on and stop inspecting (usage stays unknown).
        out.append(pending_);
        pending_.clear();
        inspect_ = false;
        drop_usage_chunk_ = false;
      }
    }
  }

  void handle_block(std::string_view block, std::string& out) {
    drop_block_ = false;
    if (inspect_) {
      bool ok = parser_.feed(block, [this](const SseEvent& event) { inspect_event(event); });
      if (!ok) {
        inspect_ = false;
        drop_usage_chunk_ = false;
      }
    }
    if (!drop_block_) {
      out.append(block);
    } else if (crlf_tail_) {
      out.push_back('\n');
    }
    crlf_tail_ = false;
  }

  void inspect_event(const SseEvent& event) {
    std::string_view data = event.data;
    switch (api_) {
      case Api::kOpenAiChat:
      case Api::kOpenAiCompletions:
      case Api::kOpenAiEmbeddings: {
        if (!has_usage_object(data)) return;
        const ParsedObject parsed(data);
        if (!parsed) return;
        const json::object* usage = object_at(*parsed, "usage");
        if (usage == nullptr) return;
        read_usage_fields(*usage, usage_);
        const json::value* choices = parsed->if_contains("choices");
        if (drop_usage_chunk_ && choices != nullptr && choices->is_array() &&
            choices->get_array().empty()) {
          drop_block_ = true;
        }
        return;
      }
      case Api::kOpenAiResponses: {
        note_sequence_number(data);
        bool interesting = event.event.empty() ? contains(data, "\"response.")
                                               : event.event.rfind("response.", 0) == 0;
        if (!interesting || !contains(data, "\"response\"")) return;
        const ParsedObject parsed(data);
        if (!parsed) return;
        const json::object* response = object_at(*parsed, "response");
        if (response == nullptr) return;
        if (const json::value* id = response->if_contains("id"); id != nullptr && id->is_string()) {
          response_id_ = std::string(id->get_string());
        }
        if (const json::object* usage = object_at(*response, "usage")) {
          read_usage_fields(*usage, usage_);
        }
        return;
      }
      case Api::kAnthropicMessages:
      case Api::kAnthropicCountTokens: {
        bool interesting = event.event.empty()
                               ? contains(data, "\"message_")
                               : event.event == "message_start" || event.event == "message_delta";
        if (!interesting) return;
        const ParsedObject parsed(data);
        if (!parsed) return;
        const json::object* holder = parsed.get();
        if (const json::object* message = object_at(*parsed, "message")) holder = message;
        if (const json::object* usage = object_at(*holder, "usage")) {
          read_usage_fields(*usage, usage_);
        }
        return;
      }
    }
  }

  void inspect_body() {
    if (api_ != Api::kAnthropicCountTokens && api_ != Api::kOpenAiResponses) {
      // Only the usage object matters here: found in the raw bytes and parsed alone, instead of a
      // document built for every reply (that parse was 8 % of the proxy's instructions per
      // request).
      const auto range = find_json_value(body_, "/usage");
      if (!range) return;
      read_usage_json(std::string_view(body_).substr(range->begin, range->end - range->begin),
                      usage_);
      return;
    }
    const ParsedObject parsed(body_);
    if (!parsed) return;
    if (const json::object* usage = object_at(*parsed, "usage")) {
      read_usage_fields(*usage, usage_);
    }
    if (api_ == Api::kAnthropicCountTokens) {
      if (std::int64_t n = count_at(*parsed, "input_tokens"); n >= 0) usage_.input_tokens = n;
    }
    if (api_ == Api::kOpenAiResponses) {
      if (const json::value* id = parsed->if_contains("id"); id != nullptr && id->is_string()) {
        response_id_ = std::string(id->get_string());
      }
    }
  }

  // Responses events carry a rising sequence_number; the error event we may append continues it.
  void note_sequence_number(std::string_view data) {
    constexpr std::string_view kKey = "\"sequence_number\":";
    std::size_t at = data.find(kKey);
    if (at == std::string_view::npos) return;
    std::size_t p = at + kKey.size();
    while (p < data.size() && data[p] == ' ') ++p;
    std::int64_t n = 0;
    bool any = false;
    while (p < data.size() && data[p] >= '0' && data[p] <= '9' && n < (INT64_MAX / 10 - 10)) {
      n = n * 10 + (data[p] - '0');
      any = true;
      ++p;
    }
    if (any) last_sequence_number_ = n;
  }

  std::string incomplete_event() const {
    switch (api_) {
      case Api::kAnthropicMessages:
      case Api::kAnthropicCountTokens: {
        ApiError error{502, "api_error", "", std::string(kIncompleteMessage), ""};
        return "event: error\ndata: " + anthropic_error_body(error) + "\n\n";
      }
      case Api::kOpenAiResponses: {
        json::object event;
        event["type"] = "error";
        event["code"] = "upstream_stream_incomplete";
        event["message"] = kIncompleteMessage;
        event["param"] = nullptr;
        event["sequence_number"] = last_sequence_number_ + 1;
        return "event: error\ndata: " + json::serialize(event) + "\n\n";
      }
      default: {
        ApiError error{502, "server_error", "upstream_stream_incomplete",
                       std::string(kIncompleteMessage), ""};
        return "data: " + openai_error_body(error) + "\n\n";
      }
    }
  }

  Api api_;
  int status_;
  bool error_;
  bool stream_;
  bool drop_usage_chunk_;
  bool inspect_ = true;
  bool inspect_body_ = true;
  bool drop_block_ = false;
  bool line_empty_ = true;  // no byte since the last line end
  bool after_cr_ = false;   // the previous feed ended with a CR
  bool crlf_tail_ = false;  // the current block starts with the LF of the previous block's CRLF
  SseParser parser_;
  std::string pending_;  // stream bytes after the last event boundary
  std::string body_;     // non-stream body copy, or the error body
  Usage usage_;
  std::optional<std::string> response_id_;
  std::int64_t last_sequence_number_ = -1;
};

}  // namespace

void read_usage_fields(const json::object& usage, Usage& out) {
  UsageCounts counts;
  for (std::size_t i = 0; i < kUsageKeys.size(); ++i) counts[i] = count_at(usage, kUsageKeys[i]);
  combine_usage(counts, out);
}

bool read_usage_json(std::string_view text, Usage& out) {
  json::basic_parser<UsageHandler> parser(json::parse_options{});
  json::error_code ec;
  const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
  if (ec || consumed != text.size() || !parser.handler().top_is_object) return false;
  combine_usage(parser.handler().counts, out);
  return true;
}

std::unique_ptr<ResponseTranslator> make_passthrough_response_translator(
    const ParsedRequest& request, const UpstreamResponseInfo& upstream, bool proxy_added_usage) {
  return std::make_unique<PassthroughTranslator>(request, upstream, proxy_added_usage);
}

std::unique_ptr<ResponseTranslator> make_response_translator(const ParsedRequest& request,
                                                             const UpstreamResponseInfo& upstream,
                                                             bool proxy_added_usage) {
  if (upstream.dialect != dialect_of(request.api)) {
    return make_translating_response_translator(request, upstream);
  }
  return make_passthrough_response_translator(request, upstream, proxy_added_usage);
}

}  // namespace switchyard::adapters
