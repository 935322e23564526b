// Request translation between Anthropic Messages and OpenAI Chat Completions. Every field goes
// through an explicit list (docs/translation.md mirrors it); a field outside the list, or a value
// the target cannot express, is a 400 naming the field. Nothing is dropped silently: the few fields
// that are accepted without an equivalent (cache hints, earlier-turn thinking) are listed in the
// docs with the reason they change nothing.
#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>

#include "adapters/attachments/data_url.h"
#include "adapters/strict_json.h"
#include "adapters/translate/translate_errors.h"
#include "adapters/translate/translate_request.h"
#include "adapters/translate/translation.h"
#include "common/json_write.h"

namespace switchyard::adapters {

namespace {

namespace json = boost::json;
using translation::malformed;
using translation::untranslatable;
using MaybeError = std::optional<ApiError>;

constexpr std::string_view kToOpenAi = "cannot be translated to the OpenAI Chat Completions API";
constexpr std::string_view kToAnthropic = "cannot be translated to the Anthropic Messages API";

std::string field(std::string_view base, std::string_view key) {
  std::string path(base);
  if (!path.empty()) path.push_back('.');
  path.append(key);
  return path;
}

std::string item(std::string_view base, std::size_t index) {
  std::string path(base);
  path.push_back('[');
  path.append(std::to_string(index));
  path.push_back(']');
  return path;
}

// "messages[2].content[1]" -> "/messages/2/content/1": where documents_as_text names a part.
std::string pointer_of(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == '.' || c == '[') {
      out.push_back('/');
    } else if (c != ']') {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.front() != '/') out.insert(out.begin(), '/');
  return out;
}

// null counts as absent: several OpenAI clients send every optional field, set to null.
const json::value* get(const json::object& object, std::string_view key) {
  const json::value* found = object.if_contains(key);
  return found == nullptr || found->is_null() ? nullptr : found;
}

MaybeError only_known(const json::object& object, std::string_view path,
                      std::initializer_list<std::string_view> known, std::string_view reason) {
  for (const auto& member : object) {
    if (member.value().is_null()) continue;  // null counts as absent
    if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
      return untranslatable(field(path, member.key()), reason);
    }
  }
  return std::nullopt;
}

MaybeError need_string(const json::value* value, const std::string& path) {
  if (value == nullptr || !value->is_string()) return malformed(path, "must be a string");
  return std::nullopt;
}

MaybeError need_object(const json::value& value, const std::string& path) {
  if (!value.is_object()) return malformed(path, "must be an object");
  return std::nullopt;
}

// Calls `each(object, path)` on the elements of `array`, which must all be objects, in order; the
// first error ends the walk. `base` is the path of the array itself.
template <class Each>
MaybeError for_each_object(const json::array& array, std::string_view base, Each&& each) {
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = item(base, i);
    if (auto error = need_object(array[i], path)) return error;
    if (auto error = each(array[i].get_object(), path)) return error;
  }
  return std::nullopt;
}

// Anthropic content given as a string is one message of `role`, as it is.
bool string_content(const json::value& content, std::string_view role, json::array& messages) {
  if (!content.is_string()) return false;
  messages.push_back(json::object{{"role", role}, {"content", content}});
  return true;
}

MaybeError need_strings(const json::array& items, std::string_view path) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_string()) return malformed(item(path, i), "must be a string");
  }
  return std::nullopt;
}

// The model the upstream gets: the route's rename, else the request's, else the body's own.
MaybeError target_model(const ParsedRequest& request, const RewriteOptions& options,
                        const json::object& root, json::object& out) {
  std::string model = options.model.value_or(request.model);
  if (model.empty()) {
    const json::value* given = get(root, "model");
    if (auto error = need_string(given, "model")) return error;
    model = given->get_string();
  }
  out["model"] = model;
  return std::nullopt;
}

// Anthropic content that is not a string: an array of blocks, walked with for_each_object.
template <class Each>
MaybeError for_each_block(const json::value& content, const std::string& path, Each&& each) {
  if (!content.is_array()) return malformed(path, "must be a string or an array of blocks");
  return for_each_object(content.get_array(), path, each);
}

bool is_number(const json::value& value) {
  return value.is_int64() || value.is_uint64() || value.is_double();
}

double number_of(const json::value& value) {
  if (value.is_int64()) return static_cast<double>(value.get_int64());
  if (value.is_uint64()) return static_cast<double>(value.get_uint64());
  return value.get_double();
}

MaybeError copy_number(const json::object& in, std::string_view key, json::object& out,
                       std::string_view out_key) {
  const json::value* value = get(in, key);
  if (value == nullptr) return std::nullopt;
  if (!is_number(*value)) return malformed(std::string(key), "must be a number");
  out[out_key] = *value;
  return std::nullopt;
}

MaybeError copy_positive_int(const json::value* value, std::string_view key, json::object& out,
                             std::string_view out_key) {
  if (value == nullptr) return std::nullopt;
  if (!(value->is_int64() && value->get_int64() > 0) && !value->is_uint64()) {
    return malformed(std::string(key), "must be a positive integer");
  }
  out[out_key] = *value;
  return std::nullopt;
}

std::string_view type_of(const json::object& block) {
  if (const auto* type = block.if_contains("type"); type && type->is_string()) {
    return type->get_string();
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Anthropic Messages -> OpenAI Chat Completions
// ---------------------------------------------------------------------------------------------

json::object text_part(std::string_view text) {
  return json::object{{"type", "text"}, {"text", text}};
}

// Content parts as OpenAI content: a lone text part becomes a plain string, which every
// OpenAI-compatible server accepts; anything else stays an array of parts.
json::value as_openai_content(json::array parts) {
  if (parts.size() == 1 && type_of(parts[0].get_object()) == "text") {
    return parts[0].get_object().at("text");
  }
  return parts;
}

MaybeError anthropic_text_block(const json::object& block, const std::string& path,
                                json::array& parts) {
  if (auto error =
          only_known(block, path, {"type", "text", "cache_control", "citations"}, kToOpenAi)) {
    return error;
  }
  if (const auto* citations = get(block, "citations");
      citations && !(citations->is_array() && citations->get_array().empty())) {
    return untranslatable(field(path, "citations"), kToOpenAi);
  }
  const json::value* text = get(block, "text");
  if (auto error = need_string(text, field(path, "text"))) return error;
  parts.push_back(text_part(text->get_string()));
  return std::nullopt;
}

MaybeError anthropic_image_block(const json::object& block, const std::string& path,
                                 json::array& parts) {
  if (auto error = only_known(block, path, {"type", "source", "cache_control"}, kToOpenAi)) {
    return error;
  }
  const json::value* source = get(block, "source");
  const std::string source_path = field(path, "source");
  if (source == nullptr || !source->is_object()) return malformed(source_path, "must be an object");
  const json::object& src = source->get_object();
  const std::string_view kind = type_of(src);
  std::string url;
  if (kind == "base64") {
    if (auto error = only_known(src, source_path, {"type", "media_type", "data"}, kToOpenAi)) {
      return error;
    }
    const json::value* media_type = get(src, "media_type");
    const json::value* data = get(src, "data");
    if (auto error = need_string(media_type, field(source_path, "media_type"))) return error;
    if (auto error = need_string(data, field(source_path, "data"))) return error;
    url.reserve(data->get_string().size() + 32);
    url.append("data:").append(media_type->get_string()).append(";base64,");
    url.append(data->get_string());
  } else if (kind == "url") {
    if (auto error = only_known(src, source_path, {"type", "url"}, kToOpenAi)) return error;
    const json::value* address = get(src, "url");
    if (auto error = need_string(address, field(source_path, "url"))) return error;
    url = address->get_string();
  } else {
    return untranslatable(field(source_path, "type"),
                          "(an image by file id) cannot be translated to the OpenAI Chat "
                          "Completions API; send it by URL or base64");
  }
  parts.push_back(json::object{{"type", "image_url"}, {"image_url", json::object{{"url", url}}}});
  return std::nullopt;
}

// An Anthropic document: a PDF becomes an OpenAI file part (or its extracted text when the upstream
// takes no files), a text document a text part, a content document its own parts. URLs and file
// ids name bytes the OpenAI API cannot fetch.
MaybeError anthropic_document_block(const json::object& block, const std::string& path,
                                    const RewriteOptions& options, json::array& parts) {
  if (auto error = only_known(block, path,
                              {"type", "source", "title", "context", "citations", "cache_control"},
                              kToOpenAi)) {
    return error;
  }
  if (const auto* citations = get(block, "citations")) {
    const json::object* c = citations->if_object();
    const json::value* enabled = c != nullptr ? c->if_contains("enabled") : nullptr;
    if (enabled != nullptr && !(enabled->is_bool() && !enabled->get_bool())) {
      return untranslatable(field(path, "citations"),
                            "(document citations) cannot be translated to the OpenAI Chat "
                            "Completions API");
    }
  }
  std::string heading;
  for (std::string_view key : {"title", "context"}) {
    if (const json::value* text = get(block, key)) {
      if (auto error = need_string(text, field(path, key))) return error;
      heading.append(text->get_string()).append("\n\n");
    }
  }
  if (const std::string* text = document_text(options, pointer_of(path))) {
    parts.push_back(text_part(*text));
    return std::nullopt;
  }
  const json::value* source = get(block, "source");
  const std::string source_path = field(path, "source");
  if (source == nullptr || !source->is_object()) return malformed(source_path, "must be an object");
  const json::object& src = source->get_object();
  const std::string_view kind = type_of(src);
  if (kind == "text") {
    const json::value* data = get(src, "data");
    if (auto error = need_string(data, field(source_path, "data"))) return error;
    parts.push_back(text_part(heading + std::string(data->get_string())));
    return std::nullopt;
  }
  if (kind == "content") {
    const json::value* content = get(src, "content");
    const std::string content_path = field(source_path, "content");
    if (!heading.empty()) parts.push_back(text_part(heading));
    if (content != nullptr && content->is_string()) {
      parts.push_back(text_part(content->get_string()));
      return std::nullopt;
    }
    if (content == nullptr || !content->is_array()) {
      return malformed(content_path, "must be a string or an array of blocks");
    }
    for (std::size_t i = 0; i < content->get_array().size(); ++i) {
      const std::string element_path = item(content_path, i);
      if (auto error = need_object(content->get_array()[i], element_path)) return error;
      const json::object& element = content->get_array()[i].get_object();
      const std::string_view type = type_of(element);
      MaybeError error;
      if (type == "text") {
        error = anthropic_text_block(element, element_path, parts);
      } else if (type == "image") {
        error = anthropic_image_block(element, element_path, parts);
      } else {
        return untranslatable(field(element_path, "type"), kToOpenAi);
      }
      if (error) return error;
    }
    return std::nullopt;
  }
  if (kind == "base64") {
    const json::value* media_type = get(src, "media_type");
    const json::value* data = get(src, "data");
    if (auto error = need_string(media_type, field(source_path, "media_type"))) return error;
    if (auto error = need_string(data, field(source_path, "data"))) return error;
    std::string url;
    url.reserve(data->get_string().size() + 40);
    url.append("data:").append(media_type->get_string()).append(";base64,");
    url.append(data->get_string());
    const json::value* title = get(block, "title");
    const std::string filename = title != nullptr && title->is_string()
                                     ? std::string(title->get_string())
                                     : std::string("document.pdf");
    // The title is the file's name there; only a context needs a text part of its own.
    if (const json::value* context = get(block, "context")) {
      parts.push_back(text_part(std::string(context->get_string()) + "\n\n"));
    }
    parts.push_back(json::object{
        {"type", "file"},
        {"file", json::object{{"filename", filename}, {"file_data", std::move(url)}}}});
    return std::nullopt;
  }
  return untranslatable(field(source_path, "type"),
                        "(a document by URL or file id) cannot be translated to the OpenAI Chat "
                        "Completions API; send it as base64 or text");
}

// An image or document inside a tool result. OpenAI tool messages hold text only: text (a text
// document, or a document's text for an upstream with `documents: text`) stays in the tool
// message; an image or a file part is carried to the user message that follows the tool messages,
// and the tool message says so.
MaybeError anthropic_tool_result_attachment(const json::object& element, std::string_view type,
                                            const std::string& path, const RewriteOptions& options,
                                            json::array& text_parts, json::array& carried) {
  json::array parts;
  MaybeError error = type == "image" ? anthropic_image_block(element, path, parts)
                                     : anthropic_document_block(element, path, options, parts);
  if (error) return error;
  for (json::value& part : parts) {
    if (type_of(part.get_object()) == "text") {
      text_parts.push_back(std::move(part));
      continue;
    }
    const std::string_view what = type_of(part.get_object()) == "file" ? "file" : "image";
    text_parts.push_back(text_part("[The " + std::string(what) +
                                   " of this tool result follows in the next user message.]"));
    carried.push_back(std::move(part));
  }
  return std::nullopt;
}

MaybeError anthropic_tool_result(const json::object& block, const std::string& path,
                                 const RewriteOptions& options, json::array& messages,
                                 json::array& carried) {
  if (auto error =
          only_known(block, path, {"type", "tool_use_id", "content", "is_error", "cache_control"},
                     kToOpenAi)) {
    return error;
  }
  const json::value* id = get(block, "tool_use_id");
  if (auto error = need_string(id, field(path, "tool_use_id"))) return error;
  json::value content = "";
  const std::string content_path = field(path, "content");
  if (const json::value* given = get(block, "content")) {
    if (given->is_string()) {
      content = *given;
    } else if (given->is_array()) {
      json::array parts;
      for (std::size_t i = 0; i < given->get_array().size(); ++i) {
        const json::value& element = given->get_array()[i];
        const std::string element_path = item(content_path, i);
        if (auto error = need_object(element, element_path)) return error;
        const std::string_view type = type_of(element.get_object());
        MaybeError error;
        if (type == "text") {
          error = anthropic_text_block(element.get_object(), element_path, parts);
        } else if (type == "image" || type == "document") {
          json::array attachments;
          error = anthropic_tool_result_attachment(element.get_object(), type, element_path,
                                                   options, parts, attachments);
          if (!error && !attachments.empty()) {
            carried.push_back(
                text_part("[From the result of tool call " + std::string(id->get_string()) + ":]"));
            for (json::value& a : attachments) carried.push_back(std::move(a));
          }
        } else {
          return untranslatable(field(element_path, "type"),
                                "('" + std::string(type) +
                                    "' tool result block) cannot be carried by an OpenAI Chat "
                                    "Completions tool message, which holds text only");
        }
        if (error) return error;
      }
      content = parts.empty() ? json::value("") : as_openai_content(std::move(parts));
    } else {
      return malformed(content_path, "must be a string or an array of blocks");
    }
  }
  if (const json::value* is_error = get(block, "is_error")) {
    if (!is_error->is_bool()) return malformed(field(path, "is_error"), "must be a boolean");
    if (is_error->get_bool()) {
      // OpenAI tool messages have no error flag: say it in the text the model reads.
      if (content.is_string()) {
        content = "Error: " + std::string(content.get_string());
      } else {
        content.get_array().insert(content.get_array().begin(), text_part("Error:"));
      }
    }
  }
  messages.push_back(json::object{
      {"role", "tool"}, {"tool_call_id", id->get_string()}, {"content", std::move(content)}});
  return std::nullopt;
}

MaybeError anthropic_user_message(const json::value& content, const std::string& path,
                                  const RewriteOptions& options, json::array& messages) {
  if (string_content(content, "user", messages)) return std::nullopt;
  json::array parts;
  // Tool results become separate `tool` messages; the blocks around them stay in order.
  auto flush = [&] {
    if (parts.empty()) return;
    messages.push_back(
        json::object{{"role", "user"}, {"content", as_openai_content(std::move(parts))}});
    parts = json::array();
  };
  // Images and files of tool results: they open the user message after the tool messages (OpenAI
  // wants the tool messages right after the assistant's tool calls).
  json::array carried;
  auto release = [&] {
    for (json::value& part : carried) parts.push_back(std::move(part));
    carried = json::array();
  };
  if (content.is_array() && content.get_array().empty()) {
    messages.push_back(json::object{{"role", "user"}, {"content", ""}});
  }
  const auto each = [&](const json::object& block, const std::string& block_path) -> MaybeError {
    const std::string_view type = type_of(block);
    if (type != "tool_result") release();
    if (type == "text") return anthropic_text_block(block, block_path, parts);
    if (type == "image") return anthropic_image_block(block, block_path, parts);
    if (type == "document") return anthropic_document_block(block, block_path, options, parts);
    if (type == "tool_result") {
      flush();
      return anthropic_tool_result(block, block_path, options, messages, carried);
    }
    return untranslatable(field(block_path, "type"),
                          "('" + std::string(type) + "' block) " + std::string(kToOpenAi));
  };
  if (auto error = for_each_block(content, path, each)) return error;
  release();
  flush();
  return std::nullopt;
}

MaybeError anthropic_tool_use(const json::object& block, const std::string& path,
                              json::array& tool_calls) {
  if (auto error =
          only_known(block, path, {"type", "id", "name", "input", "cache_control"}, kToOpenAi)) {
    return error;
  }
  const json::value* id = get(block, "id");
  const json::value* name = get(block, "name");
  if (auto error = need_string(id, field(path, "id"))) return error;
  if (auto error = need_string(name, field(path, "name"))) return error;
  const json::value* input = get(block, "input");
  if (input != nullptr && !input->is_object()) {
    return malformed(field(path, "input"), "must be an object");
  }
  std::string arguments = input == nullptr ? "{}" : json_write::to_json(*input);
  tool_calls.push_back(json::object{
      {"id", id->get_string()},
      {"type", "function"},
      {"function", json::object{{"name", name->get_string()}, {"arguments", arguments}}}});
  return std::nullopt;
}

MaybeError anthropic_assistant_message(const json::value& content, const std::string& path,
                                       json::array& messages) {
  if (string_content(content, "assistant", messages)) return std::nullopt;
  json::array texts;
  json::array tool_calls;
  const auto each = [&](const json::object& block, const std::string& block_path) -> MaybeError {
    const std::string_view type = type_of(block);
    if (type == "text") return anthropic_text_block(block, block_path, texts);
    if (type == "tool_use") return anthropic_tool_use(block, block_path, tool_calls);
    // Reasoning from an earlier turn: Anthropic itself strips it from the context of later turns,
    // and an OpenAI upstream has no field for it. Documented in docs/translation.md.
    if (type == "thinking" || type == "redacted_thinking") return std::nullopt;
    return untranslatable(field(block_path, "type"),
                          "('" + std::string(type) + "' block) " + std::string(kToOpenAi));
  };
  if (auto error = for_each_block(content, path, each)) return error;
  json::object message{{"role", "assistant"}};
  if (texts.empty()) {
    message["content"] = tool_calls.empty() ? json::value("") : json::value(nullptr);
  } else {
    message["content"] = as_openai_content(std::move(texts));
  }
  if (!tool_calls.empty()) message["tool_calls"] = std::move(tool_calls);
  messages.push_back(std::move(message));
  return std::nullopt;
}

MaybeError anthropic_system(const json::value& system, json::array& messages) {
  if (string_content(system, "system", messages)) return std::nullopt;
  if (!system.is_array()) return malformed("system", "must be a string or an array of blocks");
  json::array parts;
  for (std::size_t i = 0; i < system.get_array().size(); ++i) {
    const std::string path = item("system", i);
    const json::value& block = system.get_array()[i];
    if (auto error = need_object(block, path)) return error;
    if (type_of(block.get_object()) != "text") {
      return untranslatable(field(path, "type"), kToOpenAi);
    }
    if (auto error = anthropic_text_block(block.get_object(), path, parts)) return error;
  }
  if (!parts.empty()) {
    messages.push_back(
        json::object{{"role", "system"}, {"content", as_openai_content(std::move(parts))}});
  }
  return std::nullopt;
}

MaybeError anthropic_tools(const json::value& tools, json::object& out) {
  if (!tools.is_array()) return malformed("tools", "must be an array");
  json::array converted;
  for (std::size_t i = 0; i < tools.get_array().size(); ++i) {
    const std::string path = item("tools", i);
    const json::value& tool_value = tools.get_array()[i];
    if (auto error = need_object(tool_value, path)) return error;
    const json::object& tool = tool_value.get_object();
    if (const json::value* type = get(tool, "type"); type && *type != "custom") {
      return untranslatable(field(path, "type"),
                            "names a server tool that Anthropic runs itself; an OpenAI Chat "
                            "Completions upstream cannot run it");
    }
    if (auto error = only_known(
            tool, path, {"type", "name", "description", "input_schema", "cache_control", "strict"},
            kToOpenAi)) {
      return error;
    }
    const json::value* name = get(tool, "name");
    if (auto error = need_string(name, field(path, "name"))) return error;
    json::object function{{"name", name->get_string()}};
    if (const json::value* description = get(tool, "description")) {
      if (auto error = need_string(description, field(path, "description"))) return error;
      function["description"] = *description;
    }
    const json::value* schema = get(tool, "input_schema");
    if (schema == nullptr || !schema->is_object()) {
      return malformed(field(path, "input_schema"), "must be an object");
    }
    function["parameters"] = *schema;
    if (const json::value* strict = get(tool, "strict")) {
      if (!strict->is_bool()) return malformed(field(path, "strict"), "must be a boolean");
      function["strict"] = *strict;
    }
    converted.push_back(json::object{{"type", "function"}, {"function", std::move(function)}});
  }
  if (!converted.empty()) out["tools"] = std::move(converted);
  return std::nullopt;
}

MaybeError anthropic_tool_choice(const json::value& choice, json::object& out) {
  if (!choice.is_object()) return malformed("tool_choice", "must be an object");
  const json::object& object = choice.get_object();
  if (auto error = only_known(object, "tool_choice", {"type", "name", "disable_parallel_tool_use"},
                              kToOpenAi)) {
    return error;
  }
  const std::string_view type = type_of(object);
  json::value converted;
  if (type == "auto") {
    converted = "auto";
  } else if (type == "any") {
    converted = "required";
  } else if (type == "none") {
    converted = "none";
  } else if (type == "tool") {
    const json::value* name = get(object, "name");
    if (auto error = need_string(name, "tool_choice.name")) return error;
    converted = json::object{{"type", "function"},
                             {"function", json::object{{"name", name->get_string()}}}};
  } else {
    return untranslatable("tool_choice.type", kToOpenAi);
  }
  bool disable_parallel = false;
  if (const json::value* flag = get(object, "disable_parallel_tool_use")) {
    if (!flag->is_bool()) {
      return malformed("tool_choice.disable_parallel_tool_use", "must be a boolean");
    }
    disable_parallel = flag->get_bool();
  }
  // OpenAI rejects tool_choice without tools; Anthropic ignores it then, so leaving it out keeps
  // the meaning.
  if (!out.contains("tools")) return std::nullopt;
  out["tool_choice"] = std::move(converted);
  if (disable_parallel && type != "none") out["parallel_tool_calls"] = false;
  return std::nullopt;
}

Result<std::string> anthropic_to_openai(const ParsedRequest& request, const RewriteOptions& options,
                                        const json::object& root) {
  if (auto error =
          only_known(root, "",
                     {"model", "messages", "system", "max_tokens", "stop_sequences", "temperature",
                      "top_p", "stream", "metadata", "tools", "tool_choice", "thinking"},
                     kToOpenAi)) {
    return *error;
  }
  json::object out;
  if (auto error = target_model(request, options, root, out)) return *error;

  if (const json::value* thinking = get(root, "thinking")) {
    if (!thinking->is_object() || type_of(thinking->get_object()) != "disabled") {
      return untranslatable("thinking",
                            "(extended thinking) cannot be translated to the OpenAI Chat "
                            "Completions API; only {\"type\":\"disabled\"} is accepted");
    }
  }

  json::array messages;
  if (const json::value* system = get(root, "system")) {
    if (auto error = anthropic_system(*system, messages)) return *error;
  }
  const json::value* given_messages = get(root, "messages");
  if (given_messages == nullptr || !given_messages->is_array()) {
    return malformed("messages", "must be an array");
  }
  const auto each_message = [&](const json::object& message,
                                const std::string& path) -> MaybeError {
    if (auto error = only_known(message, path, {"role", "content"}, kToOpenAi)) return error;
    const json::value* role = get(message, "role");
    const json::value* content = get(message, "content");
    if (content == nullptr) return malformed(field(path, "content"), "is required");
    if (role != nullptr && *role == "user") {
      return anthropic_user_message(*content, field(path, "content"), options, messages);
    }
    if (role != nullptr && *role == "assistant") {
      return anthropic_assistant_message(*content, field(path, "content"), messages);
    }
    return malformed(field(path, "role"), "must be \"user\" or \"assistant\"");
  };
  if (auto error = for_each_object(given_messages->get_array(), "messages", each_message)) {
    return *error;
  }
  out["messages"] = std::move(messages);

  if (auto error = copy_positive_int(get(root, "max_tokens"), "max_tokens", out, "max_tokens")) {
    return *error;
  }
  if (const json::value* stop = get(root, "stop_sequences")) {
    if (!stop->is_array()) return malformed("stop_sequences", "must be an array of strings");
    if (auto error = need_strings(stop->get_array(), "stop_sequences")) return *error;
    if (!stop->get_array().empty()) out["stop"] = *stop;
  }
  if (auto error = copy_number(root, "temperature", out, "temperature")) return *error;
  if (auto error = copy_number(root, "top_p", out, "top_p")) return *error;
  if (const json::value* tools = get(root, "tools")) {
    if (auto error = anthropic_tools(*tools, out)) return *error;
  }
  if (const json::value* choice = get(root, "tool_choice")) {
    if (auto error = anthropic_tool_choice(*choice, out)) return *error;
  }
  if (const json::value* metadata = get(root, "metadata")) {
    if (!metadata->is_object()) return malformed("metadata", "must be an object");
    if (auto error = only_known(metadata->get_object(), "metadata", {"user_id"}, kToOpenAi)) {
      return *error;
    }
    if (const json::value* user = get(metadata->get_object(), "user_id")) {
      if (auto error = need_string(user, "metadata.user_id")) return *error;
      out["user"] = *user;
    }
  }
  if (const json::value* stream = get(root, "stream")) {
    if (!stream->is_bool()) return malformed("stream", "must be a boolean");
    if (stream->get_bool()) {
      out["stream"] = true;
      // Anthropic clients always get usage in message_delta: ask the upstream for it.
      out["stream_options"] = json::object{{"include_usage", true}};
    }
  }
  return json_write::to_json(out);
}

// ---------------------------------------------------------------------------------------------
// OpenAI Chat Completions -> Anthropic Messages
// ---------------------------------------------------------------------------------------------

MaybeError openai_image_part(const json::object& part, const std::string& path,
                             json::array& blocks) {
  if (auto error = only_known(part, path, {"type", "image_url"}, kToAnthropic)) return error;
  const json::value* image = get(part, "image_url");
  const std::string image_path = field(path, "image_url");
  if (image == nullptr || !image->is_object()) return malformed(image_path, "must be an object");
  // `detail` is a resolution hint; Anthropic sizes images itself, so it changes nothing there.
  if (auto error = only_known(image->get_object(), image_path, {"url", "detail"}, kToAnthropic)) {
    return error;
  }
  const json::value* url_value = get(image->get_object(), "url");
  const std::string url_path = field(image_path, "url");
  if (auto error = need_string(url_value, url_path)) return error;
  const std::string_view url = url_value->get_string();
  json::object source;
  if (url.starts_with("data:")) {
    const auto comma = url.find(',');
    const std::string_view header = url.substr(5, comma == std::string_view::npos ? 0 : comma - 5);
    constexpr std::string_view kBase64 = ";base64";
    if (comma == std::string_view::npos || !header.ends_with(kBase64)) {
      return untranslatable(url_path,
                            "is a data: URL without base64 encoding; Anthropic takes images as "
                            "base64 data or an http(s) URL");
    }
    source = json::object{{"type", "base64"},
                          {"media_type", header.substr(0, header.size() - kBase64.size())},
                          {"data", url.substr(comma + 1)}};
  } else if (url.starts_with("https://") || url.starts_with("http://")) {
    source = json::object{{"type", "url"}, {"url", url}};
  } else {
    return untranslatable(url_path, "is neither an http(s) URL nor a base64 data: URL");
  }
  blocks.push_back(json::object{{"type", "image"}, {"source", std::move(source)}});
  return std::nullopt;
}

// An OpenAI file part: a PDF becomes an Anthropic base64 document, a text file a text document
// (or either becomes its extracted text when the upstream takes no files). File ids are held by
// OpenAI and cannot move.
MaybeError openai_file_part(const json::object& part, const std::string& path,
                            const RewriteOptions& options, json::array& blocks) {
  if (auto error = only_known(part, path, {"type", "file"}, kToAnthropic)) return error;
  const json::value* file = get(part, "file");
  const std::string file_path = field(path, "file");
  if (file == nullptr || !file->is_object()) return malformed(file_path, "must be an object");
  if (auto error = only_known(file->get_object(), file_path, {"file_data", "file_id", "filename"},
                              kToAnthropic)) {
    return error;
  }
  if (const std::string* text = document_text(options, pointer_of(path))) {
    blocks.push_back(json::object{{"type", "text"}, {"text", *text}});
    return std::nullopt;
  }
  const json::value* data = get(file->get_object(), "file_data");
  if (data == nullptr) {
    return untranslatable(field(file_path, "file_id"),
                          "(a file held by OpenAI) cannot be translated to the Anthropic Messages "
                          "API; send the file itself as file_data");
  }
  if (auto error = need_string(data, field(file_path, "file_data"))) return error;
  const std::string_view value = data->get_string();
  const auto url = attachments::parse_data_url(value);
  std::string media_type = url ? url->media_type : std::string("application/pdf");
  std::string_view base64 = url ? url->payload : value;
  json::object document{{"type", "document"}};
  if (const json::value* name = get(file->get_object(), "filename"); name && name->is_string()) {
    document["title"] = name->get_string();
  }
  if (media_type == "application/pdf" && (!url || url->base64)) {
    document["source"] =
        json::object{{"type", "base64"}, {"media_type", "application/pdf"}, {"data", base64}};
  } else if (media_type.starts_with("text/")) {
    auto decoded =
        url ? attachments::decode_data_url_payload(*url) : attachments::decode_base64(base64);
    if (!decoded || !is_valid_utf8(*decoded)) {
      return malformed(field(file_path, "file_data"), "is not valid base64 text");
    }
    document["source"] =
        json::object{{"type", "text"}, {"media_type", "text/plain"}, {"data", std::move(*decoded)}};
  } else {
    return untranslatable(field(file_path, "file_data"),
                          "(a '" + media_type +
                              "' file) cannot be translated: Anthropic takes PDF "
                              "and text documents");
  }
  blocks.push_back(std::move(document));
  return std::nullopt;
}

MaybeError openai_text_part(const json::object& part, const std::string& path,
                            json::array& blocks) {
  if (auto error = only_known(part, path, {"type", "text"}, kToAnthropic)) return error;
  const json::value* text = get(part, "text");
  if (auto error = need_string(text, field(path, "text"))) return error;
  blocks.push_back(json::object{{"type", "text"}, {"text", text->get_string()}});
  return std::nullopt;
}

// Content parts of one message into Anthropic blocks; `images` says whether image parts are
// allowed in this role.
MaybeError openai_parts(const json::array& parts, const std::string& path, bool images,
                        const RewriteOptions& options, json::array& blocks) {
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string part_path = item(path, i);
    if (auto error = need_object(parts[i], part_path)) return error;
    const json::object& part = parts[i].get_object();
    const std::string_view type = type_of(part);
    MaybeError error;
    if (type == "text") {
      error = openai_text_part(part, part_path, blocks);
    } else if (type == "image_url" && images) {
      error = openai_image_part(part, part_path, blocks);
    } else if (type == "file" && images) {
      error = openai_file_part(part, part_path, options, blocks);
    } else {
      return untranslatable(field(part_path, "type"),
                            "('" + std::string(type) + "' part) " + std::string(kToAnthropic));
    }
    if (error) return error;
  }
  return std::nullopt;
}

MaybeError openai_tool_calls(const json::value& calls, const std::string& path,
                             json::array& blocks) {
  if (!calls.is_array()) return malformed(path, "must be an array");
  for (std::size_t i = 0; i < calls.get_array().size(); ++i) {
    const std::string call_path = item(path, i);
    if (auto error = need_object(calls.get_array()[i], call_path)) return error;
    const json::object& call = calls.get_array()[i].get_object();
    if (auto error = only_known(call, call_path, {"id", "type", "function"}, kToAnthropic)) {
      return error;
    }
    if (const json::value* type = get(call, "type"); type && *type != "function") {
      return untranslatable(field(call_path, "type"), kToAnthropic);
    }
    const json::value* id = get(call, "id");
    if (auto error = need_string(id, field(call_path, "id"))) return error;
    const json::value* function = get(call, "function");
    const std::string function_path = field(call_path, "function");
    if (function == nullptr || !function->is_object()) {
      return malformed(function_path, "must be an object");
    }
    if (auto error = only_known(function->get_object(), function_path, {"name", "arguments"},
                                kToAnthropic)) {
      return error;
    }
    const json::value* name = get(function->get_object(), "name");
    const json::value* arguments = get(function->get_object(), "arguments");
    if (auto error = need_string(name, field(function_path, "name"))) return error;
    const std::string arguments_path = field(function_path, "arguments");
    json::value input = json::object();
    if (arguments != nullptr) {
      if (auto error = need_string(arguments, arguments_path)) return error;
      if (!arguments->get_string().empty()) {
        boost::system::error_code ec;
        input = json::parse(arguments->get_string(), ec);
        if (ec) return malformed(arguments_path, "is not valid JSON");
        if (!input.is_object()) {
          return untranslatable(arguments_path,
                                "is not a JSON object; Anthropic tool_use input must be one");
        }
      }
    }
    blocks.push_back(json::object{{"type", "tool_use"},
                                  {"id", id->get_string()},
                                  {"name", name->get_string()},
                                  {"input", std::move(input)}});
  }
  return std::nullopt;
}

struct AnthropicConversation {
  json::array system;  // text blocks
  bool system_single_string = false;
  json::array messages;
  // Index of the user message that carries tool results, while more may be appended to it.
  std::optional<std::size_t> tool_results_message;
};

json::array& blocks_of(json::object& message) {
  json::value& content = message["content"];
  if (content.is_string()) {
    json::array blocks;
    if (!content.get_string().empty()) {
      blocks.push_back(json::object{{"type", "text"}, {"text", content.get_string()}});
    }
    content = std::move(blocks);
  }
  return content.get_array();
}

MaybeError openai_message(const json::object& message, const std::string& path,
                          const RewriteOptions& options, AnthropicConversation& conversation) {
  const json::value* role_value = get(message, "role");
  if (auto error = need_string(role_value, field(path, "role"))) return error;
  const std::string_view role = role_value->get_string();
  const json::value* content = get(message, "content");
  const std::string content_path = field(path, "content");

  if (role == "system" || role == "developer") {
    if (auto error = only_known(message, path, {"role", "content"}, kToAnthropic)) return error;
    if (!conversation.messages.empty()) {
      return untranslatable(field(path, "role"),
                            "(a system message after the conversation started) cannot be "
                            "translated: Anthropic takes the system prompt only before the first "
                            "message");
    }
    if (content != nullptr && content->is_string()) {
      conversation.system_single_string = conversation.system.empty();
      conversation.system.push_back(
          json::object{{"type", "text"}, {"text", content->get_string()}});
    } else if (content != nullptr && content->is_array()) {
      conversation.system_single_string = false;
      if (auto error = openai_parts(content->get_array(), content_path, false, options,
                                    conversation.system)) {
        return error;
      }
    } else {
      return malformed(content_path, "must be a string or an array of parts");
    }
    if (conversation.system.size() > 1) conversation.system_single_string = false;
    return std::nullopt;
  }

  if (role == "user") {
    if (auto error = only_known(message, path, {"role", "content"}, kToAnthropic)) return error;
    json::value converted;
    if (content != nullptr && content->is_string()) {
      converted = *content;
    } else if (content != nullptr && content->is_array()) {
      json::array blocks;
      if (auto error = openai_parts(content->get_array(), content_path, true, options, blocks)) {
        return error;
      }
      converted = std::move(blocks);
    } else {
      return malformed(content_path, "must be a string or an array of parts");
    }
    if (conversation.tool_results_message) {
      // Text after tool results joins their user turn, after them, as Anthropic expects.
      json::array& blocks =
          blocks_of(conversation.messages[*conversation.tool_results_message].get_object());
      if (converted.is_string()) {
        if (!converted.get_string().empty()) {
          blocks.push_back(json::object{{"type", "text"}, {"text", converted.get_string()}});
        }
      } else {
        for (auto& block : converted.get_array()) blocks.push_back(std::move(block));
      }
      conversation.tool_results_message.reset();  // only the message right after joins
      return std::nullopt;
    }
    conversation.messages.push_back(
        json::object{{"role", "user"}, {"content", std::move(converted)}});
    return std::nullopt;
  }

  if (role == "assistant") {
    if (auto error = only_known(
            message, path, {"role", "content", "tool_calls", "refusal", "function_call", "audio"},
            kToAnthropic)) {
      return error;
    }
    for (std::string_view key : {"refusal", "function_call", "audio"}) {
      if (get(message, key) != nullptr) return untranslatable(field(path, key), kToAnthropic);
    }
    conversation.tool_results_message.reset();
    const json::value* tool_calls = get(message, "tool_calls");
    const bool has_calls =
        tool_calls != nullptr && tool_calls->is_array() && !tool_calls->get_array().empty();
    if (!has_calls && (content == nullptr || content->is_string())) {
      conversation.messages.push_back(json::object{
          {"role", "assistant"}, {"content", content == nullptr ? json::value("") : *content}});
      return std::nullopt;
    }
    json::array blocks;
    if (content != nullptr && content->is_string()) {
      if (!content->get_string().empty()) {
        blocks.push_back(json::object{{"type", "text"}, {"text", content->get_string()}});
      }
    } else if (content != nullptr && content->is_array()) {
      if (auto error = openai_parts(content->get_array(), content_path, false, options, blocks)) {
        return error;
      }
    } else if (content != nullptr) {
      return malformed(content_path, "must be a string, an array of parts or null");
    }
    if (tool_calls != nullptr) {
      if (auto error = openai_tool_calls(*tool_calls, field(path, "tool_calls"), blocks)) {
        return error;
      }
    }
    conversation.messages.push_back(
        json::object{{"role", "assistant"}, {"content", std::move(blocks)}});
    return std::nullopt;
  }

  if (role == "tool") {
    if (auto error = only_known(message, path, {"role", "content", "tool_call_id"}, kToAnthropic)) {
      return error;
    }
    const json::value* id = get(message, "tool_call_id");
    if (auto error = need_string(id, field(path, "tool_call_id"))) return error;
    json::object result{{"type", "tool_result"}, {"tool_use_id", id->get_string()}};
    if (content != nullptr && content->is_string()) {
      result["content"] = *content;
    } else if (content != nullptr && content->is_array()) {
      json::array blocks;
      if (auto error = openai_parts(content->get_array(), content_path, false, options, blocks)) {
        return error;
      }
      result["content"] = std::move(blocks);
    } else {
      return malformed(content_path, "must be a string or an array of parts");
    }
    // Parallel tool results go into one user turn, in order (Anthropic wants them together).
    if (!conversation.tool_results_message) {
      conversation.messages.push_back(json::object{{"role", "user"}, {"content", json::array()}});
      conversation.tool_results_message = conversation.messages.size() - 1;
    }
    blocks_of(conversation.messages[*conversation.tool_results_message].get_object())
        .push_back(std::move(result));
    return std::nullopt;
  }

  return untranslatable(field(path, "role"),
                        "('" + std::string(role) + "' message) " + std::string(kToAnthropic));
}

MaybeError openai_tools(const json::value& tools, json::object& out) {
  if (!tools.is_array()) return malformed("tools", "must be an array");
  json::array converted;
  for (std::size_t i = 0; i < tools.get_array().size(); ++i) {
    const std::string path = item("tools", i);
    if (auto error = need_object(tools.get_array()[i], path)) return error;
    const json::object& tool = tools.get_array()[i].get_object();
    if (type_of(tool) != "function") {
      return untranslatable(field(path, "type"),
                            "(only function tools) " + std::string(kToAnthropic));
    }
    if (auto error = only_known(tool, path, {"type", "function"}, kToAnthropic)) return error;
    const json::value* function = get(tool, "function");
    const std::string function_path = field(path, "function");
    if (function == nullptr || !function->is_object()) {
      return malformed(function_path, "must be an object");
    }
    const json::object& fn = function->get_object();
    if (auto error = only_known(fn, function_path, {"name", "description", "parameters", "strict"},
                                kToAnthropic)) {
      return error;
    }
    const json::value* name = get(fn, "name");
    if (auto error = need_string(name, field(function_path, "name"))) return error;
    json::object converted_tool{{"name", name->get_string()}};
    if (const json::value* description = get(fn, "description")) {
      if (auto error = need_string(description, field(function_path, "description"))) {
        return error;
      }
      converted_tool["description"] = *description;
    }
    if (const json::value* strict = get(fn, "strict")) {
      if (!strict->is_bool()) return malformed(field(function_path, "strict"), "must be a boolean");
      if (strict->get_bool()) {
        return untranslatable(field(function_path, "strict"),
                              "(strict schema adherence) cannot be translated to the Anthropic "
                              "Messages API");
      }
    }
    // Anthropic requires a schema; OpenAI lets a function without parameters take none.
    const json::value* parameters = get(fn, "parameters");
    if (parameters != nullptr && !parameters->is_object()) {
      return malformed(field(function_path, "parameters"), "must be an object");
    }
    converted_tool["input_schema"] =
        parameters != nullptr
            ? *parameters
            : json::value(json::object{{"type", "object"}, {"properties", json::object()}});
    converted.push_back(std::move(converted_tool));
  }
  if (!converted.empty()) out["tools"] = std::move(converted);
  return std::nullopt;
}

MaybeError openai_tool_choice(const json::object& root, json::object& out) {
  const json::value* choice = get(root, "tool_choice");
  const json::value* parallel = get(root, "parallel_tool_calls");
  if (parallel != nullptr && !parallel->is_bool()) {
    return malformed("parallel_tool_calls", "must be a boolean");
  }
  json::object converted;
  if (choice != nullptr) {
    if (choice->is_string()) {
      const std::string_view mode = choice->get_string();
      if (mode == "auto") {
        converted["type"] = "auto";
      } else if (mode == "required") {
        converted["type"] = "any";
      } else if (mode == "none") {
        converted["type"] = "none";
      } else {
        return untranslatable("tool_choice", kToAnthropic);
      }
    } else if (choice->is_object()) {
      const json::object& object = choice->get_object();
      if (type_of(object) != "function") {
        return untranslatable("tool_choice.type", kToAnthropic);
      }
      if (auto error = only_known(object, "tool_choice", {"type", "function"}, kToAnthropic)) {
        return error;
      }
      const json::value* function = get(object, "function");
      if (function == nullptr || !function->is_object()) {
        return malformed("tool_choice.function", "must be an object");
      }
      const json::value* name = get(function->get_object(), "name");
      if (auto error = need_string(name, "tool_choice.function.name")) return error;
      converted["type"] = "tool";
      converted["name"] = name->get_string();
    } else {
      return malformed("tool_choice", "must be a string or an object");
    }
  }
  // Both only mean something alongside tools (OpenAI rejects them otherwise, Anthropic ignores).
  if (!out.contains("tools")) return std::nullopt;
  if (parallel != nullptr && !parallel->get_bool()) {
    if (converted.empty()) converted["type"] = "auto";
    if (converted["type"] != "none") converted["disable_parallel_tool_use"] = true;
  }
  if (!converted.empty()) out["tool_choice"] = std::move(converted);
  return std::nullopt;
}

// Fields OpenAI clients often send with their neutral value; only that value translates.
MaybeError neutral_only(const json::object& root) {
  struct Neutral {
    std::string_view key;
    bool (*is_neutral)(const json::value&);
    std::string_view reason;
  };
  static const Neutral kNeutral[] = {
      {"n", [](const json::value& v) { return v.is_int64() && v.get_int64() == 1; },
       "above 1 cannot be translated: Anthropic returns one choice per request"},
      {"presence_penalty", [](const json::value& v) { return is_number(v) && number_of(v) == 0; },
       "(non-zero) cannot be translated: Anthropic has no presence penalty"},
      {"frequency_penalty", [](const json::value& v) { return is_number(v) && number_of(v) == 0; },
       "(non-zero) cannot be translated: Anthropic has no frequency penalty"},
      {"logprobs", [](const json::value& v) { return v.is_bool() && !v.get_bool(); },
       "cannot be translated: Anthropic does not return log probabilities"},
      {"logit_bias", [](const json::value& v) { return v.is_object() && v.get_object().empty(); },
       "cannot be translated: Anthropic has no logit bias"},
      {"response_format",
       [](const json::value& v) {
         return v.is_object() && v.get_object().size() == 1 && type_of(v.get_object()) == "text";
       },
       "(JSON mode or a JSON schema) cannot be translated to the Anthropic Messages API; only "
       "{\"type\":\"text\"} is accepted"},
      {"modalities",
       [](const json::value& v) {
         return v.is_array() && v.get_array().size() == 1 && v.get_array()[0] == "text";
       },
       "cannot be translated: only [\"text\"] output is available through Anthropic"},
      {"store", [](const json::value& v) { return v.is_bool() && !v.get_bool(); },
       "cannot be translated: stored completions are an OpenAI feature"},
      {"metadata", [](const json::value& v) { return v.is_object() && v.get_object().empty(); },
       "(stored-completion metadata) cannot be translated to the Anthropic Messages API"},
  };
  for (const auto& neutral : kNeutral) {
    const json::value* value = get(root, neutral.key);
    if (value != nullptr && !neutral.is_neutral(*value)) {
      return untranslatable(std::string(neutral.key), neutral.reason);
    }
  }
  return std::nullopt;
}

Result<std::string> openai_to_anthropic(const ParsedRequest& request, const RewriteOptions& options,
                                        const json::object& root) {
  if (auto error = only_known(root, "",
                              {"model",
                               "messages",
                               "max_tokens",
                               "max_completion_tokens",
                               "temperature",
                               "top_p",
                               "stop",
                               "stream",
                               "stream_options",
                               "user",
                               "safety_identifier",
                               "tools",
                               "tool_choice",
                               "parallel_tool_calls",
                               "n",
                               "presence_penalty",
                               "frequency_penalty",
                               "logprobs",
                               "logit_bias",
                               "response_format",
                               "modalities",
                               "store",
                               "metadata"},
                              kToAnthropic)) {
    return *error;
  }
  if (auto error = neutral_only(root)) return *error;

  json::object out;
  if (auto error = target_model(request, options, root, out)) return *error;

  // Anthropic requires max_tokens; OpenAI makes it optional (docs/translation.md: the default).
  const json::value* max_completion = get(root, "max_completion_tokens");
  const json::value* max_tokens = get(root, "max_tokens");
  if (max_completion != nullptr) {
    if (auto error =
            copy_positive_int(max_completion, "max_completion_tokens", out, "max_tokens")) {
      return *error;
    }
  } else if (max_tokens != nullptr) {
    if (auto error = copy_positive_int(max_tokens, "max_tokens", out, "max_tokens")) return *error;
  } else {
    out["max_tokens"] = kDefaultAnthropicMaxTokens;
  }

  AnthropicConversation conversation;
  const json::value* messages = get(root, "messages");
  if (messages == nullptr || !messages->is_array()) {
    return malformed("messages", "must be an array");
  }
  const auto each_message = [&](const json::object& message, const std::string& path) {
    return openai_message(message, path, options, conversation);
  };
  if (auto error = for_each_object(messages->get_array(), "messages", each_message)) {
    return *error;
  }
  if (!conversation.system.empty()) {
    if (conversation.system_single_string) {
      out["system"] = conversation.system[0].get_object().at("text");
    } else {
      out["system"] = std::move(conversation.system);
    }
  }
  out["messages"] = std::move(conversation.messages);

  if (const json::value* stop = get(root, "stop")) {
    if (stop->is_string()) {
      out["stop_sequences"] = json::array{*stop};
    } else if (stop->is_array()) {
      if (auto error = need_strings(stop->get_array(), "stop")) return *error;
      if (!stop->get_array().empty()) out["stop_sequences"] = *stop;
    } else {
      return malformed("stop", "must be a string or an array of strings");
    }
  }
  if (const json::value* temperature = get(root, "temperature")) {
    if (!is_number(*temperature)) return malformed("temperature", "must be a number");
    if (number_of(*temperature) > 1.0) {
      return untranslatable("temperature",
                            "above 1 cannot be translated: Anthropic accepts 0 to 1 (OpenAI "
                            "allows up to 2)");
    }
    out["temperature"] = *temperature;
  }
  if (auto error = copy_number(root, "top_p", out, "top_p")) return *error;
  const json::value* user = get(root, "user");
  if (user == nullptr) user = get(root, "safety_identifier");
  if (user != nullptr) {
    if (auto error = need_string(user, "user")) return *error;
    out["metadata"] = json::object{{"user_id", *user}};
  }
  if (const json::value* tools = get(root, "tools")) {
    if (auto error = openai_tools(*tools, out)) return *error;
  }
  if (auto error = openai_tool_choice(root, out)) return *error;
  if (const json::value* stream_options = get(root, "stream_options")) {
    // Consumed here: the response translator emits the usage chunk when the client asked.
    if (!stream_options->is_object()) return malformed("stream_options", "must be an object");
    if (auto error = only_known(stream_options->get_object(), "stream_options",
                                {"include_usage", "include_obfuscation"}, kToAnthropic)) {
      return *error;
    }
  }
  if (const json::value* stream = get(root, "stream")) {
    if (!stream->is_bool()) return malformed("stream", "must be a boolean");
    if (stream->get_bool()) out["stream"] = true;
  }
  return json_write::to_json(out);
}

// Applies the redactions to a copy of the body before translating it. A segment's pointer names a
// string whose text is the segment's text; if that does not hold, fail closed rather than forward
// unredacted text.
Result<json::value> redacted_body(const ParsedRequest& request,
                                  const std::vector<Redaction>& redactions) {
  json::value body = request.body;
  std::map<std::uint32_t, std::vector<const Redaction*>> by_segment;
  for (const auto& redaction : redactions) by_segment[redaction.segment].push_back(&redaction);
  for (auto& [segment_index, list] : by_segment) {
    ApiError failure{500, "api_error", "redaction_failed",
                     "the request could not be redacted for translation", ""};
    if (segment_index >= request.segments.size()) return failure;
    const TextSegment& segment = request.segments[segment_index];
    boost::system::error_code ec;
    json::value* target = body.find_pointer(segment.path, ec);
    if (ec || target == nullptr || !target->is_string() || target->get_string() != segment.text) {
      return failure;
    }
    std::sort(list.begin(), list.end(),
              [](const Redaction* a, const Redaction* b) { return a->begin < b->begin; });
    std::string text;
    std::size_t position = 0;
    for (const Redaction* redaction : list) {
      if (redaction->begin < position || redaction->end < redaction->begin ||
          redaction->end > segment.text.size()) {
        return failure;
      }
      text.append(segment.text, position, redaction->begin - position);
      text.append(redaction_text(*redaction));
      position = redaction->end;
    }
    text.append(segment.text, position);
    *target = text;
  }
  return body;
}

}  // namespace

Result<std::string> translate_request(const ParsedRequest& request, const RewriteOptions& options) {
  const Dialect client = dialect_of(request.api);
  if (client == options.target) {
    return ApiError{500, "api_error", "translation_misrouted",
                    "translate_request was called for same-API forwarding", ""};
  }
  if (request.api == Api::kAnthropicCountTokens) {
    return ApiError{400, "invalid_request_error", "count_tokens_unsupported",
                    "count_tokens is not available for this request: it was routed to an "
                    "upstream that speaks only the OpenAI Chat Completions API, which has no "
                    "token counting endpoint",
                    ""};
  }
  if (request.api != Api::kAnthropicMessages && request.api != Api::kOpenAiChat) {
    return ApiError{400, "invalid_request_error", "translation_unsupported",
                    std::string("requests to ") + std::string(to_string(request.api)) +
                        " cannot be translated to another API; only chat completions and "
                        "messages are",
                    ""};
  }
  const json::value* body = &request.body;
  json::value redacted;
  if (!options.redactions.empty()) {
    auto result = redacted_body(request, options.redactions);
    if (!result) return result.error();
    redacted = std::move(*result);
    body = &redacted;
  }
  const json::object* root = body->if_object();
  if (root == nullptr) return malformed("", "must be a JSON object");
  return request.api == Api::kAnthropicMessages ? anthropic_to_openai(request, options, *root)
                                                : openai_to_anthropic(request, options, *root);
}

}  // namespace switchyard::adapters
