// The Anthropic client APIs: Messages and count_tokens. Same approach as the OpenAI adapters: check
// the fields whose type decides what text there is, then extract every text field.
#include <boost/json.hpp>

#include "adapters/adapter_singletons.h"
#include "adapters/error_format.h"
#include "adapters/request_validation.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

// A string or an array of block objects, each with a string "type"; text blocks have a string
// "text", tool_use blocks an object "input", tool_result blocks string-or-blocks "content".
std::optional<ApiError> check_blocks(const json::value* value, const Param& param, int depth) {
  if (value == nullptr || value->is_null() || value->is_string()) return std::nullopt;
  if (!value->is_array()) return wrong_type(param.str(), "a string or an array of content blocks");
  const json::array& blocks = value->get_array();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Param block_param = param.index(i);
    if (!blocks[i].is_object()) return wrong_type(block_param.str(), "an object");
    const json::object& block = blocks[i].get_object();
    if (auto e = check_string(block, "type", block_param.member("type"), true)) return e;
    std::string_view type(block.at("type").get_string());
    if (type == "text") {
      if (auto e = check_string(block, "text", block_param.member("text"), true)) return e;
    } else if (type == "thinking") {
      if (auto e = check_string(block, "thinking", block_param.member("thinking"), false)) {
        return e;
      }
    } else if (type == "tool_use") {
      const json::value* input = block.if_contains("input");
      if (input != nullptr && !input->is_object()) {
        return wrong_type(block_param.member("input").str(), "an object");
      }
    } else if (type == "tool_result" && depth == 0) {
      if (auto e = check_blocks(block.if_contains("content"), block_param.member("content"),
                                depth + 1)) {
        return e;
      }
    }
  }
  return std::nullopt;
}

std::optional<ApiError> check_messages(const json::object& object) {
  const json::value* messages = object.if_contains("messages");
  if (messages == nullptr || messages->is_null()) return missing_field("messages");
  if (!messages->is_array()) return wrong_type("messages", "an array");
  const json::array& list = messages->get_array();
  Param messages_param("messages");
  for (std::size_t i = 0; i < list.size(); ++i) {
    Param param = messages_param.index(i);
    if (!list[i].is_object()) return wrong_type(param.str(), "an object");
    const json::object& message = list[i].get_object();
    if (auto e = check_string(message, "role", param.member("role"), true)) return e;
    const json::value* content = message.if_contains("content");
    if (content == nullptr || content->is_null())
      return missing_field(param.member("content").str());
    if (auto e = check_blocks(content, param.member("content"), 0)) return e;
  }
  return check_blocks(object.if_contains("system"), Param("system"), 0);
}

class AnthropicAdapterBase : public Adapter {
 public:
  std::string error_body(const ApiError& error) const override {
    return anthropic_error_body(error);
  }
};

class MessagesAdapter final : public AnthropicAdapterBase {
 public:
  Api api() const override { return Api::kAnthropicMessages; }

  Result<ParsedRequest> parse(std::string_view body) const override {
    auto request = parse_request_common(Api::kAnthropicMessages, body);
    if (!request) return request;
    const json::object& object = request->body.get_object();
    if (auto e = read_optional_bool(object, "stream", Param("stream"), request->stream)) return *e;
    if (const json::value* max_tokens = object.if_contains("max_tokens");
        max_tokens != nullptr && !max_tokens->is_int64() && !max_tokens->is_uint64()) {
      return wrong_type("max_tokens", "an integer");
    }
    if (auto e = check_messages(object)) return *e;
    finish_extraction(*request);
    return request;
  }
};

class CountTokensAdapter final : public AnthropicAdapterBase {
 public:
  Api api() const override { return Api::kAnthropicCountTokens; }

  Result<ParsedRequest> parse(std::string_view body) const override {
    auto request = parse_request_common(Api::kAnthropicCountTokens, body);
    if (!request) return request;
    if (auto e = check_messages(request->body.get_object())) return *e;
    finish_extraction(*request);
    return request;
  }
};

}  // namespace

const Adapter& anthropic_adapter(Api api) {
  static const MessagesAdapter messages;
  static const CountTokensAdapter count_tokens;
  return api == Api::kAnthropicCountTokens ? static_cast<const Adapter&>(count_tokens) : messages;
}

}  // namespace switchyard::adapters
