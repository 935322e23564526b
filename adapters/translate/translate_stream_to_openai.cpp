// Anthropic Messages event stream -> OpenAI chat.completion.chunk stream. OpenAI SDKs expect the
// role in the first delta, content and tool_calls deltas (a call's id, type and name first, then
// its argument fragments, keyed by a tool index that counts calls, not content blocks), one chunk
// with the finish_reason, the usage chunk (choices: []) only when the client asked, then `data:
// [DONE]`.
#include <vector>

#include "adapters/translate/translate_prologue.h"

namespace switchyard::adapters::translation {

namespace {

class AnthropicToOpenAiStream final : public StreamTranslator {
 public:
  AnthropicToOpenAiStream(std::string fallback_model, bool client_wants_usage, std::int64_t created)
      : fallback_model_(std::move(fallback_model)),
        client_wants_usage_(client_wants_usage),
        created_(created) {}

  void on_event(const SseEvent& event, std::string& out) override {
    if (ended_) return;
    if (event.data.empty()) return;  // e.g. an `event:` line alone
    json::monotonic_resource resource(parse_buffer_, sizeof(parse_buffer_));
    boost::system::error_code ec;
    json::value parsed = json::parse(event.data, ec, json::storage_ptr(&resource));
    if (ec || !parsed.is_object()) {
      fail(ApiError{502, "server_error", "", "the upstream sent a stream event that is not JSON",
                    ""},
           out);
      return;
    }
    const json::object& root = parsed.get_object();
    std::string_view type = string_at(root, "type");
    if (type.empty()) type = event.event;

    if (type == "message_start") {
      on_message_start(object_at(root, "message"), out);
    } else if (type == "content_block_start") {
      on_block_start(root, out);
    } else if (type == "content_block_delta") {
      on_block_delta(root, out);
    } else if (type == "message_delta") {
      on_message_delta(root, out);
    } else if (type == "message_stop") {
      close(out);
    } else if (type == "error") {
      const json::object* error = object_at(root, "error");
      fail(stream_error(Dialect::kOpenAi, error ? json::value(*error) : json::value()), out);
    }
    // content_block_stop, ping and event types added later need nothing on the OpenAI side.
  }

  void finish(bool complete, std::string& out) override {
    if (ended_) return;
    if (complete && finish_sent_) {
      close(out);
      return;
    }
    fail(ApiError{502, "server_error", "",
                  "the upstream stream ended before the reply was complete", ""},
         out);
  }

  void fail(const ApiError& error, std::string& out) override {
    if (ended_) return;
    ApiError client_error = error;
    if (client_error.type.empty() || client_error.type == "api_error") {
      client_error.type = "server_error";
    }
    // No [DONE] after an error: the SDKs raise on the error chunk, and a client reading to [DONE]
    // must not take a failed reply for a finished one.
    out.append(render_stream_error(Dialect::kOpenAi, client_error));
    ended_ = true;
  }

  bool ended() const override { return ended_; }

 private:
  void on_message_start(const json::object* message, std::string& out) {
    if (started_) return;
    if (message != nullptr) {
      id_ = string_at(*message, "id");
      model_ = string_at(*message, "model");
      if (const json::object* usage = object_at(*message, "usage")) read_usage(*usage);
    }
    start(out);
  }

  // The chunk framing is the same for every delta: build it once.
  void start(std::string& out) {
    started_ = true;
    head_.assign("data: {\"id\":");
    append_json_string(head_, id_.empty() ? std::string_view("chatcmpl-switchyard") : id_);
    head_.append(",\"object\":\"chat.completion.chunk\",\"created\":");
    append_int(head_, created_);
    head_.append(",\"model\":");
    append_json_string(head_, model_.empty() ? std::string_view(fallback_model_) : model_);
    head_.append(",\"choices\":");
    open_chunk(out);
    out.append("{\"role\":\"assistant\",\"content\":\"\"}");
    close_chunk(out);
  }

  void open_chunk(std::string& out) {
    out.append(head_);
    out.append("[{\"index\":0,\"delta\":");
  }

  static void close_chunk(std::string& out) {
    out.append(",\"logprobs\":null,\"finish_reason\":null}]}\n\n");
  }

  void ensure_started(std::string& out) {
    if (!started_) start(out);
  }

  void emit_text(std::string_view text, std::string& out) {
    if (text.empty()) return;
    open_chunk(out);
    out.append("{\"content\":");
    append_json_string(out, text);
    out.append("}");
    close_chunk(out);
  }

  void on_block_start(const json::object& root, std::string& out) {
    ensure_started(out);
    const json::object* block = object_at(root, "content_block");
    const std::int64_t index = int_at(root, "index");
    if (block == nullptr || index < 0) return;
    const std::string_view type = string_at(*block, "type");
    if (type == "text") {
      emit_text(string_at(*block, "text"), out);
    } else if (type == "tool_use") {
      const int tool_index = next_tool_++;
      tools_.push_back(Tool{index, tool_index});
      open_chunk(out);
      out.append("{\"tool_calls\":[{\"index\":");
      append_int(out, tool_index);
      out.append(",\"id\":");
      append_json_string(out, string_at(*block, "id"));
      out.append(",\"type\":\"function\",\"function\":{\"name\":");
      append_json_string(out, string_at(*block, "name"));
      out.append(",\"arguments\":\"\"}}]}");
      close_chunk(out);
      // A start that already carries input (not the usual {}) sends it as the first fragment.
      if (const json::object* input = object_at(*block, "input"); input && !input->empty()) {
        emit_arguments(tool_index, to_json(*input), out);
      }
    }
    // thinking / redacted_thinking: the OpenAI client did not ask for reasoning and has no field.
  }

  void emit_arguments(int tool_index, std::string_view fragment, std::string& out) {
    if (fragment.empty()) return;
    open_chunk(out);
    out.append("{\"tool_calls\":[{\"index\":");
    append_int(out, tool_index);
    out.append(",\"function\":{\"arguments\":");
    append_json_string(out, fragment);
    out.append("}}]}");
    close_chunk(out);
  }

  void on_block_delta(const json::object& root, std::string& out) {
    ensure_started(out);
    const json::object* delta = object_at(root, "delta");
    if (delta == nullptr) return;
    const std::string_view type = string_at(*delta, "type");
    if (type == "text_delta") {
      emit_text(string_at(*delta, "text"), out);
    } else if (type == "input_json_delta") {
      const std::int64_t index = int_at(root, "index");
      for (const auto& tool : tools_) {
        if (tool.block == index) {
          emit_arguments(tool.tool_index, string_at(*delta, "partial_json"), out);
          break;
        }
      }
    }
    // thinking_delta, signature_delta, citations_delta: no Chat Completions field.
  }

  void on_message_delta(const json::object& root, std::string& out) {
    ensure_started(out);
    if (const json::object* usage = object_at(root, "usage")) read_usage(*usage);
    std::string_view stop_reason;
    if (const json::object* delta = object_at(root, "delta")) {
      stop_reason = string_at(*delta, "stop_reason");
    }
    if (finish_sent_) return;
    finish_sent_ = true;
    out.append(head_);
    out.append("[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":");
    append_json_string(out, openai_finish_reason(stop_reason));
    out.append("}]}\n\n");
  }

  void read_usage(const json::object& usage) {
    // Anthropic reports cache reads and writes apart from input_tokens; OpenAI's prompt_tokens
    // includes them. message_delta repeats the cumulative counts.
    const std::int64_t input = int_at(usage, "input_tokens");
    const std::int64_t output = int_at(usage, "output_tokens");
    if (input >= 0) input_tokens_ = input;
    if (output >= 0) usage_.output_tokens = output;
    if (const std::int64_t read = int_at(usage, "cache_read_input_tokens"); read >= 0) {
      cache_read_ = read;
    }
    if (const std::int64_t write = int_at(usage, "cache_creation_input_tokens"); write >= 0) {
      cache_write_ = write;
    }
    if (input_tokens_ >= 0) usage_.input_tokens = input_tokens_ + cache_read_ + cache_write_;
  }

  void close(std::string& out) {
    if (ended_) return;
    ensure_started(out);
    if (!finish_sent_) {
      finish_sent_ = true;
      out.append(head_);
      out.append("[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n");
    }
    if (client_wants_usage_) {
      const std::int64_t prompt = std::max<std::int64_t>(0, usage_.input_tokens);
      const std::int64_t completion = std::max<std::int64_t>(0, usage_.output_tokens);
      out.append(head_);
      out.append("[],\"usage\":{\"prompt_tokens\":");
      append_int(out, prompt);
      out.append(",\"completion_tokens\":");
      append_int(out, completion);
      out.append(",\"total_tokens\":");
      append_int(out, prompt + completion);
      if (cache_read_ > 0) {
        out.append(",\"prompt_tokens_details\":{\"cached_tokens\":");
        append_int(out, cache_read_);
        out.append("}");
      }
      out.append("}}\n\n");
    }
    out.append("data: [DONE]\n\n");
    ended_ = true;
  }

  struct Tool {
    std::int64_t block;
    int tool_index;
  };

  std::string fallback_model_;
  bool client_wants_usage_;
  std::int64_t created_;
  std::string id_;
  std::string model_;
  std::string head_;
  std::vector<Tool> tools_;
  int next_tool_ = 0;
  std::int64_t input_tokens_ = -1;
  std::int64_t cache_read_ = 0;
  std::int64_t cache_write_ = 0;
  bool started_ = false;
  bool finish_sent_ = false;
  bool ended_ = false;
  alignas(16) unsigned char parse_buffer_[4096];
};

}  // namespace

std::unique_ptr<StreamTranslator> make_anthropic_to_openai_stream(std::string fallback_model,
                                                                  bool client_wants_usage,
                                                                  std::int64_t created) {
  return std::make_unique<AnthropicToOpenAiStream>(std::move(fallback_model), client_wants_usage,
                                                   created);
}

}  // namespace switchyard::adapters::translation
