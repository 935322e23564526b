// OpenAI chat.completion.chunk stream -> Anthropic Messages event stream. Anthropic SDKs need
// message_start before anything else, one content block open at a time with rising indices, each
// closed by content_block_stop, then message_delta (stop_reason, usage) and message_stop. OpenAI
// sends the finish_reason before the usage chunk, so message_delta waits for the usage (or [DONE],
// or the end of the body).
#include <vector>

#include "adapters/translate/translate_prologue.h"

namespace switchyard::adapters::translation {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

class OpenAiToAnthropicStream final : public StreamTranslator {
 public:
  explicit OpenAiToAnthropicStream(std::string fallback_model)
      : fallback_model_(std::move(fallback_model)) {}

  void on_event(const SseEvent& event, std::string& out) override {
    if (ended_) return;
    const std::string_view data = trim(event.data);
    if (data.empty()) return;
    if (data == "[DONE]") {
      close(out);
      return;
    }
    // Chunks are small: parse each into a stack-like buffer instead of the heap.
    json::monotonic_resource resource(parse_buffer_, sizeof(parse_buffer_));
    boost::system::error_code ec;
    json::value chunk = json::parse(data, ec, json::storage_ptr(&resource));
    if (ec || !chunk.is_object()) {
      fail(ApiError{502, "api_error", "", "the upstream sent a stream chunk that is not JSON", ""},
           out);
      return;
    }
    const json::object& root = chunk.get_object();
    if (const auto* error = root.if_contains("error"); error && !error->is_null()) {
      fail(stream_error(Dialect::kAnthropic, *error), out);
      return;
    }
    if (event.event == "error") {
      fail(stream_error(Dialect::kAnthropic, chunk), out);
      return;
    }
    if (!started_) {
      id_ = string_at(root, "id");
      model_ = string_at(root, "model");
      emit_message_start(out);
    }
    bool usage_in_chunk = false;
    if (const auto* usage = root.if_contains("usage"); usage && usage->is_object()) {
      read_usage(usage->get_object());
      usage_in_chunk = true;
    }
    if (const auto* choices = root.if_contains("choices"); choices && choices->is_array()) {
      for (const auto& choice : choices->get_array()) {
        if (!choice.is_object()) continue;
        const json::object& c = choice.get_object();
        if (int_at(c, "index") > 0) continue;  // n > 1 is rejected on the way in
        handle_choice(c, out);
      }
    }
    if (finish_seen_ && (usage_in_chunk || usage_seen_)) close(out);
  }

  void finish(bool complete, std::string& out) override {
    if (ended_) return;
    if (complete && finish_seen_) {
      close(out);
      return;
    }
    fail(ApiError{502, "api_error", "", "the upstream stream ended before the reply was complete",
                  ""},
         out);
  }

  void fail(const ApiError& error, std::string& out) override {
    if (ended_) return;
    ApiError client_error = error;
    client_error.type = error.type.empty() ? "api_error" : error.type;
    out.append(render_stream_error(Dialect::kAnthropic, client_error));
    ended_ = true;
  }

  bool ended() const override { return ended_; }

 private:
  struct ToolSlot {
    std::int64_t key;
    int block;
  };

  void handle_choice(const json::object& choice, std::string& out) {
    if (const auto* delta_value = choice.if_contains("delta");
        delta_value && delta_value->is_object()) {
      const json::object& delta = delta_value->get_object();
      const std::string_view text = string_at(delta, "content");
      if (!text.empty()) {
        if (open_block_ < 0 || !open_is_text_) {
          close_open_block(out);
          open_block_ = next_block_++;
          open_is_text_ = true;
          out.append(
              "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":");
          append_int(out, open_block_);
          out.append(",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        }
        out.append(
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":");
        append_int(out, open_block_);
        out.append(",\"delta\":{\"type\":\"text_delta\",\"text\":");
        append_json_string(out, text);
        out.append("}}\n\n");
      }
      if (const auto* calls = delta.if_contains("tool_calls"); calls && calls->is_array()) {
        for (const auto& call : calls->get_array()) {
          if (call.is_object()) handle_tool_call(call.get_object(), out);
        }
      }
    }
    if (const auto* reason = choice.if_contains("finish_reason"); reason && reason->is_string()) {
      finish_reason_ = reason->get_string();
      finish_seen_ = true;
      close_open_block(out);
    }
  }

  void handle_tool_call(const json::object& call, std::string& out) {
    const std::string_view id = string_at(call, "id");
    std::int64_t key = int_at(call, "index");
    if (key < 0) {
      // No index (some servers send whole calls): a new id starts a new call, else it continues.
      if (!id.empty() || tools_.empty()) {
        key = kSyntheticKeys + static_cast<std::int64_t>(tools_.size());
      } else {
        key = tools_.back().key;
      }
    }
    const json::object* function = nullptr;
    if (const auto* f = call.if_contains("function"); f && f->is_object()) {
      function = &f->get_object();
    }
    const ToolSlot* slot = nullptr;
    for (const auto& candidate : tools_) {
      if (candidate.key == key) slot = &candidate;
    }
    if (slot == nullptr) {
      close_open_block(out);
      const int block = next_block_++;
      tools_.push_back(ToolSlot{key, block});
      slot = &tools_.back();
      open_block_ = block;
      open_is_text_ = false;
      out.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":");
      append_int(out, block);
      out.append(",\"content_block\":{\"type\":\"tool_use\",\"id\":");
      if (id.empty()) {
        std::string generated = "toolu_switchyard_" + std::to_string(block);
        append_json_string(out, generated);
      } else {
        append_json_string(out, id);
      }
      out.append(",\"name\":");
      append_json_string(out, function ? string_at(*function, "name") : std::string_view());
      out.append(",\"input\":{}}}\n\n");
    }
    const std::string_view arguments = function ? string_at(*function, "arguments") : "";
    if (!arguments.empty()) {
      out.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":");
      append_int(out, slot->block);
      out.append(",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":");
      append_json_string(out, arguments);
      out.append("}}\n\n");
    }
  }

  void read_usage(const json::object& usage) {
    const std::int64_t prompt = int_at(usage, "prompt_tokens");
    const std::int64_t completion = int_at(usage, "completion_tokens");
    if (prompt >= 0) usage_.input_tokens = prompt;
    if (completion >= 0) usage_.output_tokens = completion;
    if (const auto* details = usage.if_contains("prompt_tokens_details");
        details && details->is_object()) {
      cached_tokens_ = std::max<std::int64_t>(0, int_at(details->get_object(), "cached_tokens"));
    }
    usage_seen_ = true;
  }

  void emit_message_start(std::string& out) {
    started_ = true;
    out.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":");
    append_json_string(out, id_.empty() ? std::string_view("msg_switchyard") : id_);
    out.append(",\"type\":\"message\",\"role\":\"assistant\",\"model\":");
    append_json_string(out, model_.empty() ? std::string_view(fallback_model_) : model_);
    // Input tokens are known only at the end of an OpenAI stream; message_delta carries them.
    out.append(
        ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
        "\"usage\":{\"input_tokens\":0,\"output_tokens\":0}}}\n\n");
  }

  void close_open_block(std::string& out) {
    if (open_block_ < 0) return;
    out.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":");
    append_int(out, open_block_);
    out.append("}\n\n");
    open_block_ = -1;
  }

  void close(std::string& out) {
    if (ended_) return;
    if (!started_) emit_message_start(out);
    close_open_block(out);
    out.append(
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":");
    append_json_string(out, anthropic_stop_reason(finish_reason_, !tools_.empty()));
    out.append(",\"stop_sequence\":null},\"usage\":{");
    if (usage_.input_tokens >= 0) {
      out.append("\"input_tokens\":");
      append_int(out, std::max<std::int64_t>(0, usage_.input_tokens - cached_tokens_));
      out.append(",");
      if (cached_tokens_ > 0) {
        out.append("\"cache_read_input_tokens\":");
        append_int(out, cached_tokens_);
        out.append(",");
      }
    }
    out.append("\"output_tokens\":");
    append_int(out, std::max<std::int64_t>(0, usage_.output_tokens));
    out.append("}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    ended_ = true;
  }

  static constexpr std::int64_t kSyntheticKeys = std::int64_t{1} << 40;

  std::string fallback_model_;
  std::string id_;
  std::string model_;
  std::string finish_reason_;
  std::vector<ToolSlot> tools_;
  std::int64_t cached_tokens_ = 0;
  int open_block_ = -1;
  bool open_is_text_ = false;
  int next_block_ = 0;
  bool started_ = false;
  bool finish_seen_ = false;
  bool usage_seen_ = false;
  bool ended_ = false;
  alignas(16) unsigned char parse_buffer_[4096];
};

}  // namespace

std::unique_ptr<StreamTranslator> make_openai_to_anthropic_stream(std::string fallback_model) {
  return std::make_unique<OpenAiToAnthropicStream>(std::move(fallback_model));
}

}  // namespace switchyard::adapters::translation
