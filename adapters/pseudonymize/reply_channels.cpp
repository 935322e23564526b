// The event vocabularies are those of docs/api-notes (shared/api-notes.md): chat.completion.chunk
// choices with content / tool_calls deltas and a finish_reason; text_completion choices; Anthropic
// content_block_delta (text_delta, input_json_delta, thinking_delta) closed by content_block_stop;
// Responses "<kind>.delta" events closed by their "<kind>.done".
#include "adapters/pseudonymize/reply_channels.h"

#include <boost/json.hpp>

#include "adapters/text_extraction.h"
#include "common/json_write.h"

namespace switchyard::pseudonymize {
namespace {

namespace json = boost::json;
using adapters::Api;

std::int64_t int_or(const json::object& o, std::string_view key, std::int64_t fallback) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return fallback;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64()) return static_cast<std::int64_t>(v->get_uint64());
  return fallback;
}

std::string_view string_or_empty(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return {};
  return {v->get_string().data(), v->get_string().size()};
}

const json::string* string_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? &v->get_string() : nullptr;
}

std::string_view view(const json::string& s) { return {s.data(), s.size()}; }

void chat_or_completion(Api api, const json::object& root, EventShape& shape) {
  if (const json::value* error = root.if_contains("error"); error != nullptr && !error->is_null()) {
    shape.ends_all = true;
  }
  const json::value* choices = root.if_contains("choices");
  if (choices == nullptr || !choices->is_array()) return;
  const json::array& list = choices->get_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_object()) continue;
    const json::object& choice = list[i].get_object();
    const std::int64_t k = int_or(choice, "index", static_cast<std::int64_t>(i));
    const std::string group = "c" + std::to_string(k);
    const std::string base = "/choices/" + std::to_string(i);
    if (api == Api::kOpenAiCompletions) {
      if (const json::string* text = string_at(choice, "text")) {
        shape.deltas.push_back(
            {group + "/text", group, base + "/text", view(*text), TextKind::kPlain, k, -1, "text"});
      }
    } else if (const json::value* d = choice.if_contains("delta"); d != nullptr && d->is_object()) {
      const json::object& delta = d->get_object();
      for (std::string_view field : {"content", "reasoning_content", "reasoning", "refusal"}) {
        if (const json::string* text = string_at(delta, field)) {
          shape.deltas.push_back({group + "/" + std::string(field), group,
                                  base + "/delta/" + std::string(field), view(*text),
                                  TextKind::kPlain, k, -1, std::string(field)});
        }
      }
      if (const json::value* calls = delta.if_contains("tool_calls");
          calls != nullptr && calls->is_array()) {
        const json::array& tools = calls->get_array();
        for (std::size_t t = 0; t < tools.size(); ++t) {
          if (!tools[t].is_object()) continue;
          const json::object& call = tools[t].get_object();
          const json::value* fn = call.if_contains("function");
          if (fn == nullptr || !fn->is_object()) continue;
          const json::string* args = string_at(fn->get_object(), "arguments");
          if (args == nullptr) continue;
          const std::int64_t j = int_or(call, "index", static_cast<std::int64_t>(t));
          shape.deltas.push_back(
              {group + "/tool/" + std::to_string(j), group,
               base + "/delta/tool_calls/" + std::to_string(t) + "/function/arguments", view(*args),
               TextKind::kJson, k, j, "tool_calls"});
        }
      }
    }
    if (const json::value* finish = choice.if_contains("finish_reason");
        finish != nullptr && finish->is_string()) {
      shape.ended_groups.push_back(group);
    }
  }
}

void anthropic(const json::object& root, EventShape& shape) {
  const std::string_view type = string_or_empty(root, "type");
  if (type == "content_block_delta") {
    const json::value* d = root.if_contains("delta");
    if (d == nullptr || !d->is_object()) return;
    const json::object& delta = d->get_object();
    const std::string_view delta_type = string_or_empty(delta, "type");
    std::string_view field;
    TextKind kind = TextKind::kPlain;
    if (delta_type == "text_delta") {
      field = "text";
    } else if (delta_type == "input_json_delta") {
      field = "partial_json";
      kind = TextKind::kJson;
    } else if (delta_type == "thinking_delta") {
      field = "thinking";
    } else {
      return;
    }
    const json::string* text = string_at(delta, field);
    if (text == nullptr) return;
    const std::string channel = "b" + std::to_string(int_or(root, "index", 0));
    shape.deltas.push_back({channel, channel, "/delta/" + std::string(field), view(*text), kind, 0,
                            -1, std::string(delta_type)});
  } else if (type == "content_block_stop") {
    shape.ended_channels.push_back("b" + std::to_string(int_or(root, "index", 0)));
  } else if (type == "message_delta" || type == "message_stop" || type == "error") {
    shape.ends_all = true;
  }
}

// "output_text|<item_id>|<output_index>|<content_index>|<summary_index>" for both the delta and
// the done event of one part.
std::string responses_channel(std::string_view kind, const json::object& root) {
  std::string key(kind);
  key += '|';
  key += string_or_empty(root, "item_id");
  for (std::string_view field : {"output_index", "content_index", "summary_index"}) {
    key += '|';
    const std::int64_t n = int_or(root, field, -1);
    if (n >= 0) key += std::to_string(n);
  }
  return key;
}

void responses(const json::object& root, EventShape& shape) {
  if (const json::value* seq = root.if_contains("sequence_number");
      seq != nullptr && (seq->is_int64() || seq->is_uint64())) {
    shape.has_sequence_number = true;
    shape.sequence_number = int_or(root, "sequence_number", 0);
  }
  const std::string_view type = string_or_empty(root, "type");
  if (type == "response.completed" || type == "response.failed" || type == "response.incomplete" ||
      type == "error" || type == "response.error") {
    shape.ends_all = true;
    return;
  }
  if (type == "response.output_item.done") {
    if (const json::value* item = root.if_contains("item"); item != nullptr && item->is_object()) {
      shape.ended_groups.emplace_back(string_or_empty(item->get_object(), "id"));
    }
    return;
  }
  constexpr std::string_view kPrefix = "response.";
  if (!type.starts_with(kPrefix)) return;
  std::string_view kind = type.substr(kPrefix.size());
  if (kind.find("audio") != std::string_view::npos) return;  // base64 sound, not text
  if (kind.ends_with(".delta")) {
    kind.remove_suffix(6);
    const json::string* text = string_at(root, "delta");
    if (text == nullptr) return;
    const bool arguments = kind.find("arguments") != std::string_view::npos;
    shape.deltas.push_back(
        {responses_channel(kind, root), std::string(string_or_empty(root, "item_id")), "/delta",
         view(*text), arguments ? TextKind::kJson : TextKind::kPlain, 0, -1, std::string(type)});
  } else if (kind.ends_with(".done")) {
    kind.remove_suffix(5);
    shape.ended_channels.push_back(responses_channel(kind, root));
  }
}

}  // namespace

EventShape analyze_event(Api api, std::string_view /*event*/, const json::value& data) {
  EventShape shape;
  if (!data.is_object()) return shape;
  const json::object& root = data.get_object();
  switch (api) {
    case Api::kOpenAiChat:
    case Api::kOpenAiCompletions:
      chat_or_completion(api, root, shape);
      break;
    case Api::kAnthropicMessages:
    case Api::kAnthropicCountTokens:
      anthropic(root, shape);
      break;
    case Api::kOpenAiResponses:
      responses(root, shape);
      break;
    case Api::kOpenAiEmbeddings:
      break;
  }
  return shape;
}

DeltaSkeleton make_delta_skeleton(Api api, std::string_view event, const json::value& data,
                                  const DeltaField& delta) {
  DeltaSkeleton s;
  s.event = std::string(event);
  const json::object& root = data.get_object();
  switch (api) {
    case Api::kOpenAiChat:
    case Api::kOpenAiCompletions: {
      json::object out;
      for (const auto& member : root) {
        if (member.key() == "choices" || member.key() == "usage" || member.key() == "obfuscation") {
          continue;
        }
        out.emplace(member.key(), member.value());
      }
      json::object choice;
      choice["index"] = delta.choice;
      if (api == Api::kOpenAiCompletions) {
        choice["text"] = "";
        choice["logprobs"] = nullptr;
        s.pointer = "/choices/0/text";
      } else if (delta.tool >= 0) {
        choice["delta"] = json::object{
            {"tool_calls",
             json::array{json::object{{"index", delta.tool},
                                      {"function", json::object{{"arguments", ""}}}}}}};
        s.pointer = "/choices/0/delta/tool_calls/0/function/arguments";
      } else {
        choice["delta"] = json::object{{delta.field, ""}};
        std::string pointer = "/choices/0/delta";
        adapters::append_pointer_token(pointer, delta.field);
        s.pointer = pointer;
      }
      choice["finish_reason"] = nullptr;
      out["choices"] = json::array{std::move(choice)};
      s.data = std::move(out);
      return s;
    }
    case Api::kAnthropicMessages:
    case Api::kAnthropicCountTokens: {
      const std::string field = delta.pointer.substr(delta.pointer.rfind('/') + 1);
      s.data = json::object{{"type", "content_block_delta"},
                            {"index", root.contains("index") ? root.at("index") : json::value(0)},
                            {"delta", json::object{{"type", delta.field}, {field, ""}}}};
      s.pointer = delta.pointer;
      if (s.event.empty()) s.event = "content_block_delta";
      return s;
    }
    case Api::kOpenAiResponses: {
      json::object out;
      out["type"] = delta.field;
      out["sequence_number"] = 0;
      for (std::string_view field : {"item_id", "output_index", "content_index", "summary_index"}) {
        if (const json::value* v = root.if_contains(field)) out[field] = *v;
      }
      out["delta"] = "";
      if (root.contains("logprobs")) out["logprobs"] = json::array();
      s.data = std::move(out);
      s.pointer = "/delta";
      return s;
    }
    case Api::kOpenAiEmbeddings:
      break;
  }
  return s;
}

std::string render_delta(const DeltaSkeleton& skeleton, std::string_view text,
                         std::int64_t sequence_number) {
  json::value data = skeleton.data;
  boost::system::error_code ec;
  if (json::value* target = data.find_pointer(skeleton.pointer, ec); target != nullptr) {
    *target = json::string(text);
  }
  if (sequence_number >= 0 && data.is_object() && data.get_object().contains("sequence_number")) {
    data.get_object()["sequence_number"] = sequence_number;
  }
  std::string block;
  if (!skeleton.event.empty()) {
    block += "event: ";
    block += skeleton.event;
    block += '\n';
  }
  block += "data: ";
  json_write::append_json(block, data);
  block += "\n\n";
  return block;
}

bool is_json_document_key(std::string_view key) {
  return key == "arguments" || key == "partial_json";
}

}  // namespace switchyard::pseudonymize
