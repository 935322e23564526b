// Error rendering and upstream error normalization.
#include "adapters/error_format.h"

#include <boost/json.hpp>

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

// Upstream messages are passed on, bounded so a huge error page cannot flood the client.
constexpr std::size_t kMaxMessageBytes = 2048;

std::string string_or_empty(const json::object& object, std::string_view key) {
  if (const json::value* v = object.if_contains(key); v != nullptr && v->is_string()) {
    return std::string(v->get_string());
  }
  return {};
}

// Cuts at most kMaxMessageBytes without splitting a UTF-8 sequence.
std::string bounded(std::string text) {
  if (text.size() <= kMaxMessageBytes) return text;
  std::size_t cut = kMaxMessageBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  text.append("...");
  return text;
}

void read_error_object(const json::object& error, ApiError& out) {
  out.message = string_or_empty(error, "message");
  out.type = string_or_empty(error, "type");
  out.param = string_or_empty(error, "param");
  out.code =
      string_or_empty(error, "code");  // numeric codes (llama.cpp repeats the status) dropped
}

}  // namespace

std::string_view anthropic_error_type(int status) {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 500:
      return "api_error";
    case 529:
      return "overloaded_error";
    default:
      break;
  }
  return status >= 500 ? "api_error" : "invalid_request_error";
}

std::string_view openai_error_type(int status) {
  switch (status) {
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 429:
      return "rate_limit_error";
    default:
      break;
  }
  return status >= 500 ? "server_error" : "invalid_request_error";
}

std::string openai_error_body(const ApiError& error) {
  json::object inner;
  inner["message"] = error.message;
  inner["type"] = error.type.empty() ? openai_error_type(error.status) : error.type;
  inner["param"] = error.param.empty() ? json::value(nullptr) : json::value(error.param);
  inner["code"] = error.code.empty() ? json::value(nullptr) : json::value(error.code);
  json::object outer;
  outer["error"] = std::move(inner);
  return json::serialize(outer);
}

std::string anthropic_error_body(const ApiError& error) {
  json::object inner;
  inner["type"] = anthropic_error_type(error.status);
  inner["message"] = error.message;
  json::object outer;
  outer["type"] = "error";
  outer["error"] = std::move(inner);
  return json::serialize(outer);
}

std::string error_body_for(Dialect dialect, const ApiError& error) {
  return dialect == Dialect::kAnthropic ? anthropic_error_body(error) : openai_error_body(error);
}

ApiError normalize_upstream_error(int status, std::string_view body) {
  ApiError out;
  out.status = status;
  json::error_code ec;
  json::value parsed = json::parse(body, ec);
  if (!ec && parsed.is_object()) {
    const json::object& object = parsed.get_object();
    const json::value* error = object.if_contains("error");
    if (error != nullptr && error->is_object()) {
      // OpenAI {"error":{...}}, Anthropic {"type":"error","error":{...}}, llama.cpp.
      read_error_object(error->get_object(), out);
    } else if (error != nullptr && error->is_string()) {
      out.message = std::string(error->get_string());  // Ollama {"error":"..."}
    } else if (const json::value* detail = object.if_contains("detail");
               detail != nullptr && detail->is_string()) {
      out.message = std::string(detail->get_string());  // FastAPI {"detail":"..."}
    } else {
      read_error_object(object, out);  // old vLLM {"object":"error","message":...}
      if (out.type == "error") out.type.clear();
    }
  }
  out.message = bounded(std::move(out.message));
  if (out.message.empty()) out.message = "upstream returned HTTP " + std::to_string(status);
  if (out.type.empty()) out.type = std::string(openai_error_type(status));
  return out;
}

}  // namespace switchyard::adapters
