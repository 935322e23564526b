// Whole (non-streaming) response bodies between chat.completion and Anthropic message.
#include "adapters/translate/translate_prologue.h"

namespace switchyard::adapters::translation {

namespace {

ApiError bad_upstream(std::string_view what) {
  return ApiError{
      502, "api_error", "upstream_invalid_response",
      "the upstream returned a response that cannot be translated: " + std::string(what), ""};
}

std::int64_t at_least_zero(std::int64_t value) { return value < 0 ? 0 : value; }

}  // namespace

std::string_view anthropic_stop_reason(std::string_view finish_reason, bool has_tool_calls) {
  // Some OpenAI-compatible servers report "stop" on a turn that called tools; Anthropic clients
  // continue their tool loop only on tool_use.
  if (has_tool_calls && (finish_reason == "stop" || finish_reason.empty())) return "tool_use";
  if (finish_reason == "length") return "max_tokens";
  if (finish_reason == "tool_calls" || finish_reason == "function_call") return "tool_use";
  if (finish_reason == "content_filter") return "refusal";
  return "end_turn";
}

std::string_view openai_finish_reason(std::string_view stop_reason) {
  if (stop_reason == "max_tokens" || stop_reason == "model_context_window_exceeded") {
    return "length";
  }
  if (stop_reason == "tool_use") return "tool_calls";
  if (stop_reason == "refusal") return "content_filter";
  return "stop";  // end_turn, stop_sequence, pause_turn
}

Result<TranslatedBody> openai_completion_to_anthropic(std::string_view body,
                                                      std::string_view fallback_model) {
  boost::system::error_code ec;
  json::value parsed = json::parse(body, ec);
  if (ec || !parsed.is_object()) return bad_upstream("the body is not a JSON object");
  const json::object& root = parsed.get_object();
  const auto* choices = root.if_contains("choices");
  if (choices == nullptr || !choices->is_array() || choices->get_array().empty() ||
      !choices->get_array()[0].is_object()) {
    return bad_upstream("it has no choices");
  }
  const json::object& choice = choices->get_array()[0].get_object();
  const auto* message_value = choice.if_contains("message");
  if (message_value == nullptr || !message_value->is_object()) {
    return bad_upstream("the choice has no message");
  }
  const json::object& message = message_value->get_object();

  json::array content;
  const std::string_view refusal = string_at(message, "refusal");
  if (!refusal.empty()) content.push_back(json::object{{"type", "text"}, {"text", refusal}});
  if (const auto* text = message.if_contains("content")) {
    if (text->is_string() && !text->get_string().empty()) {
      content.push_back(json::object{{"type", "text"}, {"text", text->get_string()}});
    } else if (text->is_array()) {  // some servers answer with content parts
      for (const auto& part : text->get_array()) {
        if (!part.is_object()) continue;
        const std::string_view part_text = string_at(part.get_object(), "text");
        if (!part_text.empty()) {
          content.push_back(json::object{{"type", "text"}, {"text", part_text}});
        }
      }
    }
  }
  bool has_tool_calls = false;
  if (const auto* calls = message.if_contains("tool_calls"); calls && calls->is_array()) {
    for (const auto& call_value : calls->get_array()) {
      if (!call_value.is_object()) return bad_upstream("a tool call is not an object");
      const json::object& call = call_value.get_object();
      const auto* function = call.if_contains("function");
      if (function == nullptr || !function->is_object()) {
        return bad_upstream("a tool call has no function");
      }
      const std::string_view arguments = string_at(function->get_object(), "arguments");
      json::value input = json::object();
      if (!arguments.empty()) {
        input = json::parse(arguments, ec);
        if (ec || !input.is_object()) {
          return bad_upstream("tool call arguments are not a JSON object");
        }
      }
      content.push_back(json::object{{"type", "tool_use"},
                                     {"id", string_at(call, "id")},
                                     {"name", string_at(function->get_object(), "name")},
                                     {"input", std::move(input)}});
      has_tool_calls = true;
    }
  }

  TranslatedBody result;
  json::object usage_out;
  if (const auto* usage = root.if_contains("usage"); usage && usage->is_object()) {
    const std::int64_t prompt = count_at(usage->get_object(), "prompt_tokens");
    const std::int64_t completion = count_at(usage->get_object(), "completion_tokens");
    std::int64_t cached = 0;
    if (const auto* details = usage->get_object().if_contains("prompt_tokens_details");
        details && details->is_object()) {
      cached = at_least_zero(count_at(details->get_object(), "cached_tokens"));
    }
    result.usage.input_tokens = prompt;
    result.usage.output_tokens = completion;
    // Anthropic counts cache reads apart from input_tokens.
    usage_out["input_tokens"] = at_least_zero(prompt - cached);
    usage_out["output_tokens"] = at_least_zero(completion);
    if (cached > 0) usage_out["cache_read_input_tokens"] = cached;
  } else {
    usage_out["input_tokens"] = 0;
    usage_out["output_tokens"] = 0;
  }

  std::string_view model = string_at(root, "model");
  if (model.empty()) model = fallback_model;
  std::string_view id = string_at(root, "id");
  json::object out{
      {"id", id.empty() ? std::string_view("msg_switchyard") : id},
      {"type", "message"},
      {"role", "assistant"},
      {"model", model},
      {"content", std::move(content)},
      {"stop_reason",
       refusal.empty() ? anthropic_stop_reason(string_at(choice, "finish_reason"), has_tool_calls)
                       : std::string_view("refusal")},
      {"stop_sequence", nullptr},
      {"usage", std::move(usage_out)},
  };
  result.body = to_json(out);
  return result;
}

Result<TranslatedBody> anthropic_message_to_openai(std::string_view body,
                                                   std::string_view fallback_model,
                                                   std::int64_t created) {
  boost::system::error_code ec;
  json::value parsed = json::parse(body, ec);
  if (ec || !parsed.is_object()) return bad_upstream("the body is not a JSON object");
  const json::object& root = parsed.get_object();
  const auto* content = root.if_contains("content");
  if (content == nullptr || !content->is_array()) return bad_upstream("it has no content array");

  std::string text;
  bool has_text = false;
  json::array tool_calls;
  for (const auto& block_value : content->get_array()) {
    if (!block_value.is_object()) return bad_upstream("a content block is not an object");
    const json::object& block = block_value.get_object();
    const std::string_view type = string_at(block, "type");
    if (type == "text") {
      text.append(string_at(block, "text"));
      has_text = true;
    } else if (type == "tool_use") {
      const auto* input = block.if_contains("input");
      tool_calls.push_back(json::object{
          {"id", string_at(block, "id")},
          {"type", "function"},
          {"function", json::object{{"name", string_at(block, "name")},
                                    {"arguments", input ? to_json(*input) : std::string("{}")}}}});
    }
    // thinking and redacted_thinking blocks: the OpenAI client did not ask for reasoning (the
    // request translation rejects `thinking`), and Chat Completions has no field for it.
  }

  json::object message{{"role", "assistant"},
                       {"content", has_text ? json::value(text) : json::value(nullptr)}};
  if (!tool_calls.empty()) message["tool_calls"] = std::move(tool_calls);

  TranslatedBody result;
  json::object usage_out;
  if (const auto* usage = root.if_contains("usage"); usage && usage->is_object()) {
    const json::object& u = usage->get_object();
    const std::int64_t cache_read = at_least_zero(count_at(u, "cache_read_input_tokens"));
    const std::int64_t prompt = at_least_zero(count_at(u, "input_tokens")) + cache_read +
                                at_least_zero(count_at(u, "cache_creation_input_tokens"));
    const std::int64_t completion = at_least_zero(count_at(u, "output_tokens"));
    result.usage.input_tokens = prompt;
    result.usage.output_tokens = completion;
    usage_out = json::object{{"prompt_tokens", prompt},
                             {"completion_tokens", completion},
                             {"total_tokens", prompt + completion}};
    if (cache_read > 0) {
      usage_out["prompt_tokens_details"] = json::object{{"cached_tokens", cache_read}};
    }
  }

  std::string_view model = string_at(root, "model");
  if (model.empty()) model = fallback_model;
  json::object out{
      {"id", string_at(root, "id")},
      {"object", "chat.completion"},
      {"created", created},
      {"model", model},
      {"choices", json::array{json::object{
                      {"index", 0},
                      {"message", std::move(message)},
                      {"logprobs", nullptr},
                      {"finish_reason", openai_finish_reason(string_at(root, "stop_reason"))}}}},
  };
  if (!usage_out.empty()) out["usage"] = std::move(usage_out);
  result.body = to_json(out);
  return result;
}

}  // namespace switchyard::adapters::translation
