// Reply shapes as in proxy_fakes.h (api-notes.md), built with boost::json so any text survives.
#include "echo_upstream.h"

#include <boost/json.hpp>
#include <vector>

namespace switchyard::testing {
namespace {

namespace json = boost::json;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Text of a content value: a string, or the text parts of an array of blocks.
std::string content_text(const json::value& content) {
  if (content.is_string()) return std::string(content.get_string());
  std::string text;
  if (!content.is_array()) return text;
  for (const auto& part : content.get_array()) {
    if (!part.is_object()) continue;
    const auto& o = part.get_object();
    const json::value* type = o.if_contains("type");
    const json::value* t = o.if_contains("text");
    if (type != nullptr && type->is_string() && t != nullptr && t->is_string() &&
        (type->get_string() == "text" || type->get_string() == "input_text")) {
      text += t->get_string();
    }
  }
  return text;
}

std::vector<std::string> cut(std::string_view text, std::size_t size) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < text.size(); at += size) out.emplace_back(text.substr(at, size));
  if (out.empty()) out.emplace_back();
  return out;
}

std::string data_event(const json::value& v) { return "data: " + json::serialize(v) + "\n\n"; }

std::string named_event(std::string_view name, const json::value& v) {
  return "event: " + std::string(name) + "\n" + data_event(v);
}

bool offers_tools(const json::object& body) {
  const json::value* tools = body.if_contains("tools");
  return tools != nullptr && tools->is_array() && !tools->get_array().empty();
}

ScriptedReply stream_of(const std::vector<std::string>& events) { return sse(events, {7, 3, 11}); }

ScriptedReply chat(const json::object& body, const std::string& text, std::size_t n) {
  const bool tools = offers_tools(body);
  const std::string args = json::serialize(json::object{{"text", text}});
  const json::value* stream = body.if_contains("stream");
  if (stream == nullptr || !stream->is_bool() || !stream->get_bool()) {
    json::object message{{"role", "assistant"}, {"content", text}};
    if (tools) {
      message["tool_calls"] = json::array{
          json::object{{"id", "call_1"},
                       {"type", "function"},
                       {"function", json::object{{"name", "echo"}, {"arguments", args}}}}};
    }
    return openai_json(json::serialize(json::object{
        {"id", "chatcmpl-echo"},
        {"object", "chat.completion"},
        {"created", 1},
        {"model", "echo"},
        {"choices", json::array{json::object{{"index", 0},
                                             {"message", std::move(message)},
                                             {"finish_reason", tools ? "tool_calls" : "stop"}}}},
        {"usage",
         json::object{{"prompt_tokens", 5}, {"completion_tokens", 5}, {"total_tokens", 10}}}}));
  }
  auto chunk = [](json::object delta, json::value finish) {
    return data_event(json::object{
        {"id", "chatcmpl-echo"},
        {"object", "chat.completion.chunk"},
        {"created", 1},
        {"model", "echo"},
        {"choices", json::array{json::object{
                        {"index", 0}, {"delta", std::move(delta)}, {"finish_reason", finish}}}}});
  };
  std::vector<std::string> events;
  events.push_back(chunk({{"role", "assistant"}, {"content", ""}}, nullptr));
  for (const auto& piece : cut(text, n)) events.push_back(chunk({{"content", piece}}, nullptr));
  if (tools) {
    events.push_back(chunk(
        {{"tool_calls", json::array{json::object{
                            {"index", 0},
                            {"id", "call_1"},
                            {"type", "function"},
                            {"function", json::object{{"name", "echo"}, {"arguments", ""}}}}}}},
        nullptr));
    for (const auto& piece : cut(args, n)) {
      events.push_back(chunk(
          {{"tool_calls", json::array{json::object{
                              {"index", 0}, {"function", json::object{{"arguments", piece}}}}}}},
          nullptr));
    }
  }
  events.push_back(chunk({}, tools ? "tool_calls" : "stop"));
  if (const json::value* options = body.if_contains("stream_options");
      options != nullptr && options->is_object() &&
      options->get_object().contains("include_usage")) {
    events.push_back(data_event(json::object{
        {"id", "chatcmpl-echo"},
        {"object", "chat.completion.chunk"},
        {"created", 1},
        {"model", "echo"},
        {"choices", json::array()},
        {"usage",
         json::object{{"prompt_tokens", 5}, {"completion_tokens", 5}, {"total_tokens", 10}}}}));
  }
  events.emplace_back("data: [DONE]\n\n");
  return stream_of(events);
}

ScriptedReply completions(const json::object& body, const std::string& text, std::size_t n) {
  const json::value* stream = body.if_contains("stream");
  auto object = [](std::string_view piece, json::value finish) {
    return json::object{
        {"id", "cmpl-echo"},
        {"object", "text_completion"},
        {"created", 1},
        {"model", "echo"},
        {"choices",
         json::array{json::object{
             {"text", piece}, {"index", 0}, {"logprobs", nullptr}, {"finish_reason", finish}}}}};
  };
  if (stream == nullptr || !stream->is_bool() || !stream->get_bool()) {
    return openai_json(json::serialize(object(text, "stop")));
  }
  std::vector<std::string> events;
  for (const auto& piece : cut(text, n)) events.push_back(data_event(object(piece, nullptr)));
  events.push_back(data_event(object("", "stop")));
  events.emplace_back("data: [DONE]\n\n");
  return stream_of(events);
}

ScriptedReply responses(const json::object& body, const std::string& text, std::size_t n) {
  const bool tools = offers_tools(body);
  const std::string args = json::serialize(json::object{{"text", text}});
  json::array output{json::object{
      {"type", "message"},
      {"id", "msg_echo"},
      {"status", "completed"},
      {"role", "assistant"},
      {"content", json::array{json::object{
                      {"type", "output_text"}, {"text", text}, {"annotations", json::array()}}}}}};
  if (tools) {
    output.push_back(json::object{{"type", "function_call"},
                                  {"id", "fc_echo"},
                                  {"call_id", "call_1"},
                                  {"name", "echo"},
                                  {"arguments", args},
                                  {"status", "completed"}});
  }
  json::object response{
      {"id", "resp_echo"},
      {"object", "response"},
      {"created_at", 1},
      {"status", "completed"},
      {"model", "echo"},
      {"output", output},
      {"usage", json::object{{"input_tokens", 5}, {"output_tokens", 5}, {"total_tokens", 10}}}};
  if (const json::value* instructions = body.if_contains("instructions")) {
    response["instructions"] = *instructions;
  }
  const json::value* stream = body.if_contains("stream");
  if (stream == nullptr || !stream->is_bool() || !stream->get_bool()) {
    return openai_json(json::serialize(response));
  }
  std::int64_t seq = 0;
  std::vector<std::string> events;
  auto event = [&](std::string_view type, json::object fields) {
    fields.emplace("type", type);
    fields.emplace("sequence_number", seq++);
    events.push_back(named_event(type, fields));
  };
  json::object created = response;
  created["status"] = "in_progress";
  created["output"] = json::array();
  event("response.created", {{"response", created}});
  for (const auto& piece : cut(text, n)) {
    event("response.output_text.delta",
          {{"item_id", "msg_echo"}, {"output_index", 0}, {"content_index", 0}, {"delta", piece}});
  }
  event("response.output_text.done",
        {{"item_id", "msg_echo"}, {"output_index", 0}, {"content_index", 0}, {"text", text}});
  if (tools) {
    for (const auto& piece : cut(args, n)) {
      event("response.function_call_arguments.delta",
            {{"item_id", "fc_echo"}, {"output_index", 1}, {"delta", piece}});
    }
    event("response.function_call_arguments.done",
          {{"item_id", "fc_echo"}, {"output_index", 1}, {"arguments", args}});
  }
  event("response.completed", {{"response", response}});
  return stream_of(events);
}

ScriptedReply messages(const json::object& body, const std::string& text, std::size_t n) {
  const bool tools = offers_tools(body);
  json::array content{json::object{{"type", "text"}, {"text", text}}};
  if (tools) {
    content.push_back(json::object{{"type", "tool_use"},
                                   {"id", "toolu_echo"},
                                   {"name", "echo"},
                                   {"input", json::object{{"text", text}}}});
  }
  json::object message{{"id", "msg_echo"},
                       {"type", "message"},
                       {"role", "assistant"},
                       {"model", "echo"},
                       {"content", content},
                       {"stop_reason", tools ? "tool_use" : "end_turn"},
                       {"stop_sequence", nullptr},
                       {"usage", json::object{{"input_tokens", 5}, {"output_tokens", 5}}}};
  const json::value* stream = body.if_contains("stream");
  if (stream == nullptr || !stream->is_bool() || !stream->get_bool()) {
    return openai_json(json::serialize(message));
  }
  std::vector<std::string> events;
  json::object start = message;
  start["content"] = json::array();
  start["stop_reason"] = nullptr;
  events.push_back(
      named_event("message_start", json::object{{"type", "message_start"}, {"message", start}}));
  events.push_back(
      named_event("content_block_start",
                  json::object{{"type", "content_block_start"},
                               {"index", 0},
                               {"content_block", json::object{{"type", "text"}, {"text", ""}}}}));
  for (const auto& piece : cut(text, n)) {
    events.push_back(named_event(
        "content_block_delta",
        json::object{{"type", "content_block_delta"},
                     {"index", 0},
                     {"delta", json::object{{"type", "text_delta"}, {"text", piece}}}}));
    events.push_back(named_event("ping", json::object{{"type", "ping"}}));
  }
  events.push_back(named_event("content_block_stop",
                               json::object{{"type", "content_block_stop"}, {"index", 0}}));
  if (tools) {
    events.push_back(
        named_event("content_block_start",
                    json::object{{"type", "content_block_start"},
                                 {"index", 1},
                                 {"content_block", json::object{{"type", "tool_use"},
                                                                {"id", "toolu_echo"},
                                                                {"name", "echo"},
                                                                {"input", json::object()}}}}));
    const std::string args = json::serialize(json::object{{"text", text}});
    for (const auto& piece : cut(args, n)) {
      events.push_back(named_event("content_block_delta",
                                   json::object{{"type", "content_block_delta"},
                                                {"index", 1},
                                                {"delta", json::object{{"type", "input_json_delta"},
                                                                       {"partial_json", piece}}}}));
    }
    events.push_back(named_event("content_block_stop",
                                 json::object{{"type", "content_block_stop"}, {"index", 1}}));
  }
  events.push_back(named_event(
      "message_delta",
      json::object{{"type", "message_delta"},
                   {"delta", json::object{{"stop_reason", tools ? "tool_use" : "end_turn"},
                                          {"stop_sequence", nullptr}}},
                   {"usage", json::object{{"output_tokens", 5}}}}));
  events.push_back(named_event("message_stop", json::object{{"type", "message_stop"}}));
  return stream_of(events);
}

}  // namespace

std::string echoed_text(const RecordedRequest& request) {
  boost::system::error_code ec;
  const json::value body = json::parse(request.body, ec);
  if (ec || !body.is_object()) return {};
  const json::object& o = body.get_object();
  if (const json::value* prompt = o.if_contains("prompt"); prompt != nullptr) {
    return prompt->is_string() ? std::string(prompt->get_string()) : std::string();
  }
  if (const json::value* input = o.if_contains("input"); input != nullptr) {
    if (input->is_string()) return std::string(input->get_string());
    if (input->is_array() && !input->get_array().empty()) {
      const json::value& last = input->get_array().back();
      if (last.is_object() && last.get_object().contains("content")) {
        return content_text(last.get_object().at("content"));
      }
    }
    return {};
  }
  if (const json::value* messages = o.if_contains("messages");
      messages != nullptr && messages->is_array()) {
    const auto& list = messages->get_array();
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
      if (!it->is_object()) continue;
      const json::object& m = it->get_object();
      const json::value* role = m.if_contains("role");
      if (role == nullptr || !role->is_string() || role->get_string() != "user") continue;
      if (const json::value* content = m.if_contains("content")) return content_text(*content);
    }
  }
  return {};
}

ScriptedReply echo_reply(const RecordedRequest& request, std::size_t chars_per_event) {
  boost::system::error_code ec;
  const json::value body = json::parse(request.body, ec);
  if (ec || !body.is_object()) {
    return status_error(400,
                        R"({"error":{"message":"echo: not JSON","type":"invalid_request_error"}})");
  }
  const json::object& o = body.get_object();
  const std::string text = echoed_text(request);
  const std::string& t = request.target;
  if (ends_with(t, "/chat/completions")) return chat(o, text, chars_per_event);
  if (ends_with(t, "/completions")) return completions(o, text, chars_per_event);
  if (ends_with(t, "/responses")) return responses(o, text, chars_per_event);
  if (ends_with(t, "/messages")) return messages(o, text, chars_per_event);
  return status_error(
      404, R"({"error":{"message":"echo: unknown path","type":"invalid_request_error"}})");
}

}  // namespace switchyard::testing
