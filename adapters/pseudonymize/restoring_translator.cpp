// Two paths per SSE event. The fast one, for most events: no text is kept back, and the raw data
// holds neither a placeholder of the table nor a string that ends in the beginning of one; the
// event's bytes go out untouched. Otherwise the event is parsed, its delta strings go through their
// channel's TextRestorer, every other string with a placeholder is restored whole, and the changed
// strings are spliced into the event's own bytes (nothing else in the event changes). Responses
// events carry a rising sequence_number: after an extra delta event, later events are renumbered.
#include "adapters/pseudonymize/restoring_translator.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "adapters/json_splice.h"
#include "adapters/pseudonymize/reply_channels.h"
#include "adapters/pseudonymize/text_restorer.h"
#include "adapters/text_extraction.h"

namespace switchyard::pseudonymize {
namespace {

namespace json = boost::json;
using adapters::Api;

// An SSE event held whole before it is looked at; a longer one passes on unrestored.
constexpr std::size_t kMaxEventBytes = std::size_t{1} << 20;
// A JSON reply held whole before it is restored; a longer one passes on unrestored.
constexpr std::size_t kMaxBodyBytes = std::size_t{64} << 20;
// Open texts tracked per stream; texts beyond it are restored event by event only.
constexpr std::size_t kMaxChannels = 4096;

json::parse_options parse_options() {
  json::parse_options options;
  options.allow_invalid_utf8 = true;  // a vendor's bytes are restored as they are
  options.max_depth = 256;
  return options;
}

std::optional<json::value> parse_json(std::string_view text, json::storage_ptr storage = {}) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec, std::move(storage), parse_options());
  if (ec) return std::nullopt;
  return v;
}

struct Line {
  std::string_view text;
  std::string_view eol;
};

// Calls f(line) for each line of a block, line ends being CRLF, LF or CR.
template <class F>
void for_each_line(std::string_view block, F&& f) {
  std::size_t at = 0;
  if (std::memchr(block.data(), '\r', block.size()) == nullptr) {
    // LF only, as almost every server writes: memchr from line end to line end.
    while (at < block.size()) {
      const void* nl = std::memchr(block.data() + at, '\n', block.size() - at);
      const std::size_t end =
          nl == nullptr ? block.size()
                        : static_cast<std::size_t>(static_cast<const char*>(nl) - block.data());
      const std::size_t next = nl == nullptr ? end : end + 1;
      f(Line{block.substr(at, end - at), block.substr(end, next - end)});
      at = next;
    }
    return;
  }
  while (at < block.size()) {
    std::size_t end = at;
    while (end < block.size() && block[end] != '\n' && block[end] != '\r') ++end;
    std::size_t next = end;
    if (next < block.size()) {
      next += block[next] == '\r' && next + 1 < block.size() && block[next + 1] == '\n' ? 2 : 1;
    }
    f(Line{block.substr(at, end - at), block.substr(end, next - end)});
    at = next;
  }
}

// A byte that may occur in a placeholder (type letters and digits, '-', lowercase hex digits).
bool placeholder_byte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-';
}

// The field name and value of a line ("data: x" -> data, x); comments and blank lines give "".
std::pair<std::string_view, std::string_view> field_of(std::string_view line) {
  if (line.empty() || line[0] == ':') return {};
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return {line, {}};
  std::string_view value = line.substr(colon + 1);
  if (!value.empty() && value[0] == ' ') value.remove_prefix(1);
  return {line.substr(0, colon), value};
}

// Visits every string of a JSON value with its pointer and the member name it sits under.
template <class F>
void for_each_string(const json::value& v, std::string& pointer, std::string_view key, F&& f) {
  switch (v.kind()) {
    case json::kind::string:
      f(pointer, key, v.get_string());
      return;
    case json::kind::object:
      for (const auto& member : v.get_object()) {
        const std::size_t saved = pointer.size();
        const std::string_view name(member.key().data(), member.key().size());
        adapters::append_pointer_token(pointer, name);
        for_each_string(member.value(), pointer, name, f);
        pointer.resize(saved);
      }
      return;
    case json::kind::array: {
      const json::array& a = v.get_array();
      for (std::size_t i = 0; i < a.size(); ++i) {
        const std::size_t saved = pointer.size();
        pointer += '/';
        pointer += std::to_string(i);
        for_each_string(a[i], pointer, key, f);
        pointer.resize(saved);
      }
      return;
    }
    default:
      return;
  }
}

class RestoringTranslator final : public adapters::ResponseTranslator {
 public:
  RestoringTranslator(std::unique_ptr<adapters::ResponseTranslator> inner, Api api,
                      std::shared_ptr<const PseudonymTable> table)
      : inner_(std::move(inner)),
        api_(api),
        table_(std::move(table)),
        stream_(inner_->content_type().starts_with("text/event-stream")) {}

  void feed(std::string_view bytes, std::string& out) override {
    inner_->feed(bytes, inner_out_);
    consume(out);
  }

  void finish(bool complete, std::string& out) override {
    inner_->finish(complete, inner_out_);
    consume(out);
    if (!stream_) {
      finish_body(out);
      return;
    }
    if (!pending_.empty()) {
      // A last event without its blank line (the pass-through forwards those as servers mean).
      std::string block = std::move(pending_);
      pending_.clear();
      handle_block(block, out);
    }
    flush_channels(nullptr, out);
  }

  const adapters::Usage& usage() const override { return inner_->usage(); }
  std::optional<std::string> response_id() const override { return inner_->response_id(); }
  std::string content_type() const override { return inner_->content_type(); }
  int status() const override { return inner_->status(); }

 private:
  struct Channel {
    std::string key;
    std::string group;
    TextRestorer restorer;
    // The last delta event of a text still keeping bytes back: the extra delta event that may have
    // to carry them is built from it only when the text ends that way.
    std::string last_event;
    std::string last_data;
    DeltaField last_delta;
  };

  void consume(std::string& out) {
    if (inner_out_.empty()) return;
    if (stream_) {
      split_blocks(inner_out_, out);
    } else if (!body_overflow_) {
      if (body_.size() + inner_out_.size() > kMaxBodyBytes) {
        body_overflow_ = true;
        out.append(body_);
        out.append(inner_out_);
        body_.clear();
      } else {
        body_.append(inner_out_);
      }
    } else {
      out.append(inner_out_);
    }
    inner_out_.clear();
  }

  // ---- JSON bodies ----

  void finish_body(std::string& out) {
    if (body_overflow_) return;
    if (!contains_placeholder(*table_, body_)) {
      out.append(body_);
      return;
    }
    auto parsed = parse_json(body_);
    if (!parsed) {
      out.append(body_);  // not JSON: passed on as it came
      return;
    }
    std::vector<adapters::SpliceEdit> edits;
    restore_strings(body_, *parsed, {}, edits);
    append_edited(body_, std::move(edits), out);
  }

  // Restores every string of `value` that holds a placeholder, except those at `skip` pointers.
  void restore_strings(std::string_view raw, const json::value& value,
                       const std::vector<std::string>& skip,
                       std::vector<adapters::SpliceEdit>& edits) {
    std::string pointer;
    for_each_string(value, pointer, {},
                    [&](const std::string& at, std::string_view key, const json::string& s) {
                      const std::string_view text(s.data(), s.size());
                      if (!contains_placeholder(*table_, text)) return;
                      if (std::find(skip.begin(), skip.end(), at) != skip.end()) return;
                      const TextKind kind =
                          is_json_document_key(key) ? TextKind::kJson : TextKind::kPlain;
                      replace_string(raw, at, restore_text(*table_, text, kind), edits);
                    });
  }

  static void replace_string(std::string_view raw, const std::string& pointer,
                             std::string_view text, std::vector<adapters::SpliceEdit>& edits) {
    const auto range = adapters::find_json_value(raw, pointer);
    if (!range || raw[range->begin] != '"') return;
    edits.push_back({range->begin, range->end, adapters::encode_json_string(text)});
  }

  // The same for a string whose value is `before`, without walking the event to the pointer when
  // that is provably safe. When every escape in the event is one encode_json_string() writes for
  // its character (\" \\ \b \f \n \r \t: no \uXXXX, no \/), each string of the event is spelled
  // exactly as encode_json_string() spells its value (JSON allows no other spelling then, and no
  // raw control characters), so the target string is an occurrence of that spelling; if it is the
  // only one, it is the target. Any other event (a server that writes \u escapes, the text found
  // twice or not at all) is walked.
  static void replace_string(std::string_view raw, bool canonical, const std::string& pointer,
                             std::string_view before, std::string_view text,
                             std::vector<adapters::SpliceEdit>& edits) {
    if (canonical) {
      const std::string spelled = adapters::encode_json_string(before);
      const std::size_t at = raw.find(spelled);
      if (at != std::string_view::npos && raw.find(spelled, at + 1) == std::string_view::npos) {
        edits.push_back({at, at + spelled.size(), adapters::encode_json_string(text)});
        return;
      }
    }
    replace_string(raw, pointer, text, edits);
  }

  // Whether every escape in `raw` (valid JSON) is one encode_json_string() writes for its
  // character.
  static bool canonical_escapes(std::string_view raw) {
    const char* p = raw.data();
    const char* const end = p + raw.size();
    while ((p = static_cast<const char*>(std::memchr(p, '\\', end - p))) != nullptr) {
      if (end - p < 2) return false;
      switch (p[1]) {
        case '"':
        case '\\':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          break;
        default:
          return false;  // \uXXXX or \/: another spelling than ours
      }
      p += 2;
    }
    return true;
  }

  static void append_edited(std::string_view raw, std::vector<adapters::SpliceEdit> edits,
                            std::string& out) {
    if (edits.empty()) {
      out.append(raw);
      return;
    }
    auto edited = adapters::apply_splice_edits(raw, std::move(edits));
    out.append(edited ? std::string_view(*edited) : raw);
  }

  // ---- SSE streams ----

  // Cuts the bytes at event boundaries (a blank line after any of CRLF, LF, CR line ends); each
  // complete block is handled, the rest waits in pending_.
  void split_blocks(std::string_view bytes, std::string& out) {
    std::size_t start = 0;
    if (!after_cr_ && std::memchr(bytes.data(), '\r', bytes.size()) == nullptr) {
      // LF only: jump from line end to line end; a line end right after another ends a block.
      std::size_t line = 0;  // where the current line starts in `bytes`
      for (;;) {
        const void* nl = std::memchr(bytes.data() + line, '\n', bytes.size() - line);
        if (nl == nullptr) break;
        const std::size_t i = static_cast<std::size_t>(static_cast<const char*>(nl) - bytes.data());
        const bool empty = i == line && line_empty_;
        line_empty_ = true;
        line = i + 1;
        if (empty) {
          deliver(bytes.substr(start, i + 1 - start), out);
          start = i + 1;
        }
      }
      if (line < bytes.size()) line_empty_ = false;
      keep_rest(bytes, start, out);
      return;
    }
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      const char c = bytes[i];
      std::size_t boundary = 0;
      if (c == '\n') {
        if (after_cr_) {  // the LF of a CRLF whose CR already ended a line
          after_cr_ = false;
          continue;
        }
        if (line_empty_) boundary = i + 1;
        line_empty_ = true;
      } else if (c == '\r') {
        const bool crlf = i + 1 < bytes.size() && bytes[i + 1] == '\n';
        if (line_empty_) boundary = crlf ? i + 2 : i + 1;
        line_empty_ = true;
        if (crlf) {
          ++i;
          after_cr_ = false;
        } else {
          after_cr_ = i + 1 == bytes.size();
        }
      } else {
        after_cr_ = false;
        line_empty_ = false;
      }
      if (boundary != 0) {
        deliver(bytes.substr(start, boundary - start), out);
        start = boundary;
      }
    }
    keep_rest(bytes, start, out);
  }

  // The last piece of a block: with what is pending, it is a whole block.
  void deliver(std::string_view piece, std::string& out) {
    if (oversized_) {
      out.append(piece);  // the end of an event too large to hold
      oversized_ = false;
    } else if (pending_.empty()) {
      handle_block(piece, out);
    } else {
      pending_.append(piece);
      std::string block = std::move(pending_);
      pending_.clear();
      handle_block(block, out);
    }
  }

  // Bytes after the last block boundary wait for the rest of their block.
  void keep_rest(std::string_view bytes, std::size_t start, std::string& out) {
    if (start >= bytes.size()) return;
    if (oversized_) {
      out.append(bytes.substr(start));
      return;
    }
    pending_.append(bytes.substr(start));
    if (pending_.size() > kMaxEventBytes) {
      // Too large to hold back: the texts kept back go first, then this event as it is.
      flush_channels(nullptr, out);
      out.append(pending_);
      pending_.clear();
      oversized_ = true;
    }
  }

  // Responses: the last sequence_number, read from the raw data without parsing it.
  void note_sequence_number(std::string_view data) {
    constexpr std::string_view kKey = "\"sequence_number\":";
    const std::size_t at = data.find(kKey);
    if (at == std::string_view::npos) return;
    std::size_t p = at + kKey.size();
    while (p < data.size() && data[p] == ' ') ++p;
    std::int64_t n = 0;
    bool any = false;
    while (p < data.size() && data[p] >= '0' && data[p] <= '9' && n < INT64_MAX / 10 - 10) {
      n = n * 10 + (data[p] - '0');
      any = true;
      ++p;
    }
    if (any) last_sequence_ = n;
  }

  bool holding() const {
    return std::any_of(channels_.begin(), channels_.end(),
                       [](const Channel& c) { return c.restorer.holding(); });
  }

  // Whether the raw event data may need work: a placeholder in it, a string that ends in the first
  // bytes of one (a placeholder cut at the event's end), or a piece of tool call arguments (whose
  // every piece the arguments' TextRestorer must see, to know where their strings are).
  bool may_need_restoring(std::string_view data) const {
    if (contains_placeholder(*table_, data)) return true;
    if (data.find("arguments") != std::string_view::npos ||
        data.find("partial_json") != std::string_view::npos) {
      return true;
    }
    const std::size_t longest = table_->max_length();
    for (std::size_t q = data.find('"'); q != std::string_view::npos; q = data.find('"', q + 1)) {
      // The run of placeholder bytes before the quote, at most one placeholder long.
      std::size_t run = q;
      while (run > 0 && q - run < longest && placeholder_byte(data[run - 1])) --run;
      for (std::size_t p = run; p < q; ++p) {
        if (!table_->starts_with_byte(static_cast<unsigned char>(data[p]))) continue;
        if (table_->partial_at_end(data.substr(0, q), p) != std::string_view::npos) return true;
        break;  // partial_at_end looked at every later start too
      }
    }
    return false;
  }

  void handle_block(std::string_view block, std::string& out) {
    std::string_view event;
    std::string data_storage;
    std::string_view data;
    bool has_data = false;
    bool multi_line = false;
    for_each_line(block, [&](const Line& line) {
      const auto [field, value] = field_of(line.text);
      if (field == "event") {
        event = value;
      } else if (field == "data") {
        if (!has_data) {
          data = value;
          has_data = true;
        } else {
          if (!multi_line) {
            data_storage.assign(data);
            multi_line = true;
          }
          data_storage += '\n';
          data_storage.append(value);
          data = data_storage;
        }
      }
    });
    if (api_ == Api::kOpenAiResponses) note_sequence_number(data);
    if (!has_data) {
      out.append(block);
      return;
    }
    const bool renumber = seq_offset_ != 0 && api_ == Api::kOpenAiResponses;
    if (!renumber && !holding() && !may_need_restoring(data)) {
      out.append(block);
      return;
    }
    json::monotonic_resource resource(parse_buffer_, sizeof(parse_buffer_));
    auto parsed = parse_json(data, json::storage_ptr(&resource));
    if (!parsed || !parsed->is_object()) {
      // Not JSON ([DONE], or something unexpected): the texts kept back go out before it.
      flush_channels(nullptr, out);
      out.append(block);
      return;
    }
    const EventShape shape = analyze_event(api_, event, *parsed);
    flush_channels(&shape, out);

    std::vector<adapters::SpliceEdit> edits;
    std::vector<std::string> delta_pointers;
    int canonical = -1;  // canonical_escapes(data), computed when first needed
    for (const DeltaField& delta : shape.deltas) {
      delta_pointers.push_back(delta.pointer);
      const bool final = shape.ends_all || ends(shape, delta.channel, delta.group);
      Channel* channel = find_channel(delta.channel);
      std::string text;
      if (channel == nullptr && (final || channels_.size() >= kMaxChannels)) {
        text = restore_text(*table_, delta.text, delta.kind);
      } else {
        if (channel == nullptr) {
          channels_.push_back(
              Channel{delta.channel, delta.group, TextRestorer(*table_, delta.kind), {}, {}, {}});
          channel = &channels_.back();
        }
        channel->restorer.feed(delta.text, text);
        if (final) {
          channel->restorer.finish(text);
        } else if (channel->restorer.holding()) {
          channel->last_event.assign(event);
          channel->last_data.assign(data);
          channel->last_delta = delta;
          channel->last_delta.text = {};
        }
      }
      if (text != delta.text) {
        if (canonical < 0) canonical = canonical_escapes(data) ? 1 : 0;
        replace_string(data, canonical == 1, delta.pointer, delta.text, text, edits);
      }
    }
    if (contains_placeholder(*table_, data)) restore_strings(data, *parsed, delta_pointers, edits);
    if (api_ == Api::kOpenAiResponses && shape.has_sequence_number && seq_offset_ != 0) {
      if (const auto range = adapters::find_json_value(data, "/sequence_number")) {
        edits.push_back(
            {range->begin, range->end, std::to_string(shape.sequence_number + seq_offset_)});
      }
    }
    // Channels that end here are done with.
    std::erase_if(channels_,
                  [&](const Channel& c) { return shape.ends_all || ends(shape, c.key, c.group); });

    if (edits.empty()) {
      out.append(block);
      return;
    }
    auto edited = adapters::apply_splice_edits(data, std::move(edits));
    if (!edited) {
      out.append(block);
      return;
    }
    rewrite_block(block, *edited, out);
  }

  static bool ends(const EventShape& shape, std::string_view channel, std::string_view group) {
    return std::find(shape.ended_channels.begin(), shape.ended_channels.end(), channel) !=
               shape.ended_channels.end() ||
           std::find(shape.ended_groups.begin(), shape.ended_groups.end(), group) !=
               shape.ended_groups.end();
  }

  Channel* find_channel(std::string_view key) {
    for (Channel& c : channels_) {
      if (c.key == key) return &c;
    }
    return nullptr;
  }

  // Before an event that ends texts (all of them when `shape` is null): each such text still
  // keeping bytes back sends them, as received, in one more delta event of its own.
  void flush_channels(const EventShape* shape, std::string& out) {
    for (auto it = channels_.begin(); it != channels_.end();) {
      const bool ending = shape == nullptr || shape->ends_all || ends(*shape, it->key, it->group);
      const bool carried = shape != nullptr &&
                           std::any_of(shape->deltas.begin(), shape->deltas.end(),
                                       [&](const DeltaField& d) { return d.channel == it->key; });
      if (!ending || carried) {
        ++it;
        continue;
      }
      std::string text;
      it->restorer.finish(text);
      std::optional<json::value> last;
      if (!text.empty() && !it->last_data.empty()) last = parse_json(it->last_data);
      if (last && last->is_object()) {
        const DeltaSkeleton skeleton =
            make_delta_skeleton(api_, it->last_event, *last, it->last_delta);
        std::int64_t sequence = -1;
        if (api_ == Api::kOpenAiResponses) {
          // The extra event takes the number the current event would have had (or the next one
          // after the last event sent); every later event moves up by one.
          sequence = shape != nullptr && shape->has_sequence_number
                         ? shape->sequence_number + seq_offset_
                         : last_sequence_ + seq_offset_ + 1;
          ++seq_offset_;
        }
        out.append(render_delta(skeleton, text, sequence));
      }
      it = channels_.erase(it);
    }
  }

  // The block with its data lines replaced by `data` (split at its line feeds); every other line
  // and the line ends stay as they were.
  static void rewrite_block(std::string_view block, std::string_view data, std::string& out) {
    bool written = false;
    for_each_line(block, [&](const Line& line) {
      if (field_of(line.text).first != "data") {
        out.append(line.text);
        out.append(line.eol);
        return;
      }
      if (written) return;
      written = true;
      const std::string_view eol = line.eol.empty() ? std::string_view("\n") : line.eol;
      std::size_t at = 0;
      for (;;) {
        const std::size_t nl = data.find('\n', at);
        out.append("data: ");
        out.append(data.substr(at, nl == std::string_view::npos ? nl : nl - at));
        out.append(eol);
        if (nl == std::string_view::npos) break;
        at = nl + 1;
      }
    });
  }

  std::unique_ptr<adapters::ResponseTranslator> inner_;
  Api api_;
  std::shared_ptr<const PseudonymTable> table_;
  bool stream_;
  std::string inner_out_;
  // JSON bodies
  std::string body_;
  bool body_overflow_ = false;
  // SSE
  std::string pending_;
  bool line_empty_ = true;
  bool after_cr_ = false;
  bool oversized_ = false;
  std::vector<Channel> channels_;
  std::int64_t seq_offset_ = 0;      // Responses: extra events sent so far
  std::int64_t last_sequence_ = -1;  // Responses: the upstream's number of the last event
  unsigned char parse_buffer_[4096];
};

}  // namespace

std::unique_ptr<adapters::ResponseTranslator> make_restoring_translator(
    std::unique_ptr<adapters::ResponseTranslator> inner, Api client_api,
    std::shared_ptr<const PseudonymTable> table) {
  if (!table || table->empty()) return inner;
  return std::make_unique<RestoringTranslator>(std::move(inner), client_api, std::move(table));
}

}  // namespace switchyard::pseudonymize
