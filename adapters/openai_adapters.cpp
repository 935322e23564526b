// The OpenAI client APIs: Chat Completions, Completions, Embeddings and Responses. Each checks the
// fields that decide routing and classification (types that would hide text, token-id inputs),
// then extracts every text field; the upstream validates the rest.
#include <boost/json.hpp>

#include "adapters/adapter_singletons.h"
#include "adapters/error_format.h"
#include "adapters/request_validation.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

// content: a string, null, or an array of part objects; a text part's "text" is a string.
std::optional<ApiError> check_content(const json::object& holder, const Param& holder_param) {
  const json::value* content = holder.if_contains("content");
  if (content == nullptr || content->is_null() || content->is_string()) return std::nullopt;
  Param param = holder_param.member("content");
  if (!content->is_array()) return wrong_type(param.str(), "a string or an array of content parts");
  const json::array& parts = content->get_array();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Param part_param = param.index(i);
    if (!parts[i].is_object()) return wrong_type(part_param.str(), "an object");
    const json::object& part = parts[i].get_object();
    if (auto e = check_string(part, "type", part_param.member("type"), false)) return e;
    const json::value* type = part.if_contains("type");
    bool is_text = type != nullptr && type->is_string() &&
                   (type->get_string() == "text" || type->get_string() == "input_text" ||
                    type->get_string() == "output_text");
    if (is_text) {
      if (auto e = check_string(part, "text", part_param.member("text"), true)) return e;
    }
  }
  return std::nullopt;
}

class OpenAiAdapterBase : public Adapter {
 public:
  std::string error_body(const ApiError& error) const override { return openai_error_body(error); }
};

class ChatAdapter final : public OpenAiAdapterBase {
 public:
  Api api() const override { return Api::kOpenAiChat; }

  Result<ParsedRequest> parse(std::string_view body) const override {
    auto request = parse_request_common(Api::kOpenAiChat, body);
    if (!request) return request;
    const json::object& object = request->body.get_object();
    if (auto e = read_optional_bool(object, "stream", Param("stream"), request->stream)) return *e;
    if (auto e = read_stream_options(object, request->client_wants_usage)) return *e;
    const json::value* messages = object.if_contains("messages");
    if (messages == nullptr || messages->is_null()) return missing_field("messages");
    if (!messages->is_array()) return wrong_type("messages", "an array");
    const json::array& list = messages->get_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
      Param messages_param("messages");
      Param param = messages_param.index(i);
      if (!list[i].is_object()) return wrong_type(param.str(), "an object");
      const json::object& message = list[i].get_object();
      if (auto e = check_string(message, "role", param.member("role"), true)) return *e;
      if (auto e = check_content(message, param)) return *e;
      if (auto e = check_string(message, "name", param.member("name"), false)) return *e;
      if (auto e = check_tool_calls(message, param)) return *e;
    }
    finish_extraction(*request);
    return request;
  }

 private:
  static std::optional<ApiError> check_tool_calls(const json::object& message,
                                                  const Param& message_param) {
    const json::value* calls = message.if_contains("tool_calls");
    if (calls == nullptr || calls->is_null()) return std::nullopt;
    Param param = message_param.member("tool_calls");
    if (!calls->is_array()) return wrong_type(param.str(), "an array");
    const json::array& list = calls->get_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
      Param call_param = param.index(i);
      if (!list[i].is_object()) return wrong_type(call_param.str(), "an object");
      const json::value* function = list[i].get_object().if_contains("function");
      if (function == nullptr || function->is_null()) continue;
      Param function_param = call_param.member("function");
      if (!function->is_object()) return wrong_type(function_param.str(), "an object");
      // A JSON-encoded string per the API; it is classified as one decoded string.
      if (auto e = check_string(function->get_object(), "arguments",
                                function_param.member("arguments"), false)) {
        return e;
      }
    }
    return std::nullopt;
  }
};

class CompletionsAdapter final : public OpenAiAdapterBase {
 public:
  Api api() const override { return Api::kOpenAiCompletions; }

  Result<ParsedRequest> parse(std::string_view body) const override {
    auto request = parse_request_common(Api::kOpenAiCompletions, body);
    if (!request) return request;
    const json::object& object = request->body.get_object();
    if (auto e = read_optional_bool(object, "stream", Param("stream"), request->stream)) return *e;
    if (auto e = read_stream_options(object, request->client_wants_usage)) return *e;
    if (auto e = check_text_or_text_array(object, "prompt", false)) return *e;
    if (auto e = check_string(object, "suffix", Param("suffix"), false)) return *e;
    finish_extraction(*request);
    return request;
  }
};

class EmbeddingsAdapter final : public OpenAiAdapterBase {
 public:
  Api api() const override { return Api::kOpenAiEmbeddings; }

  Result<ParsedRequest> parse(std::string_view body) const override {
    auto request = parse_request_common(Api::kOpenAiEmbeddings, body);
    if (!request) return request;
    const json::object& object = request->body.get_object();
    if (auto e = check_text_or_text_array(object, "input", true)) return *e;
    finish_extraction(*request);
    return request;
  }
};

class ResponsesAdapter final : public OpenAiAdapterBase {
 public:
  Api api() const override { return Api::kOpenAiResponses; }

  Result<ParsedRequest> parse(std::string_view body) const override {
    auto request = parse_request_common(Api::kOpenAiResponses, body);
    if (!request) return request;
    const json::object& object = request->body.get_object();
    if (auto e = read_optional_bool(object, "stream", Param("stream"), request->stream)) return *e;
    if (auto e = check_string(object, "instructions", Param("instructions"), false)) return *e;
    if (auto e =
            check_string(object, "previous_response_id", Param("previous_response_id"), false)) {
      return *e;
    }
    if (const json::value* id = object.if_contains("previous_response_id");
        id != nullptr && id->is_string()) {
      request->previous_response_id = std::string(id->get_string());
    }
    const json::value* input = object.if_contains("input");
    if (input != nullptr && !input->is_null() && !input->is_string()) {
      if (!input->is_array()) return wrong_type("input", "a string or an array of input items");
      const json::array& items = input->get_array();
      for (std::size_t i = 0; i < items.size(); ++i) {
        Param input_param("input");
        Param param = input_param.index(i);
        if (!items[i].is_object()) return wrong_type(param.str(), "an object");
        const json::object& item = items[i].get_object();
        if (auto e = check_string(item, "type", param.member("type"), false)) return *e;
        if (auto e = check_string(item, "role", param.member("role"), false)) return *e;
        if (auto e = check_content(item, param)) return *e;
      }
    }
    finish_extraction(*request);
    return request;
  }
};

}  // namespace

const Adapter& openai_adapter(Api api) {
  static const ChatAdapter chat;
  static const CompletionsAdapter completions;
  static const EmbeddingsAdapter embeddings;
  static const ResponsesAdapter responses;
  switch (api) {
    case Api::kOpenAiCompletions:
      return completions;
    case Api::kOpenAiEmbeddings:
      return embeddings;
    case Api::kOpenAiResponses:
      return responses;
    default:
      return chat;
  }
}

}  // namespace switchyard::adapters
