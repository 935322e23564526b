// Error rendering and upstream error normalization.
#include "adapters/error_format.h"

#include <boost/json.hpp>

#include "adapters/json_fields.h"
#include "common/json_write.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;
using json_write::append_json_string;

// Upstream messages are passed on, bounded so a huge error page cannot flood the client.
constexpr std::size_t kMaxMessageBytes = 2048;

// Cuts at most kMaxMessageBytes without splitting a UTF-8 sequence.
std::string bounded(std::string text) {
  if (text.size() <= kMaxMessageBytes) return text;
  std::size_t cut = kMaxMessageBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  text.append("...");
  return text;
}

// The status-to-type table of both APIs; a status not listed is a client error below 500 and a
// server error from 500 on.
struct StatusTypes {
  int status;
  std::string_view openai;
  std::string_view anthropic;
};
constexpr StatusTypes kStatusTypes[] = {
    {400, "invalid_request_error", "invalid_request_error"},
    {401, "authentication_error", "authentication_error"},
    {403, "permission_error", "permission_error"},
    {404, "not_found_error", "not_found_error"},
    {413, "invalid_request_error", "request_too_large"},
    {429, "rate_limit_error", "rate_limit_error"},
    {529, "server_error", "overloaded_error"},
};

const StatusTypes* listed(int status) {
  for (const auto& row : kStatusTypes) {
    if (row.status == status) return &row;
  }
  return nullptr;
}

void append_string_or_null(std::string& out, const std::string& text) {
  if (text.empty()) {
    out.append("null");
  } else {
    append_json_string(out, text);
  }
}

}  // namespace

std::string_view anthropic_error_type(int status) {
  if (const auto* row = listed(status)) return row->anthropic;
  return status >= 500 ? "api_error" : "invalid_request_error";
}

std::string_view openai_error_type(int status) {
  if (const auto* row = listed(status)) return row->openai;
  return status >= 500 ? "server_error" : "invalid_request_error";
}

void append_error_body(std::string& out, Dialect dialect, std::string_view type,
                       const ApiError& error) {
  out.reserve(out.size() + 128 + error.message.size());
  if (dialect == Dialect::kAnthropic) {
    out.append(R"({"type":"error","error":{"type":)");
    append_json_string(out, type);
    out.append(R"(,"message":)");
    append_json_string(out, error.message);
    out.append("}}");
    return;
  }
  out.append(R"({"error":{"message":)");
  append_json_string(out, error.message);
  out.append(R"(,"type":)");
  append_json_string(out, type);
  out.append(R"(,"param":)");
  append_string_or_null(out, error.param);
  out.append(R"(,"code":)");
  append_string_or_null(out, error.code);
  out.append("}}");
}

std::string openai_error_body(const ApiError& error) {
  std::string out;
  append_error_body(out, Dialect::kOpenAi,
                    error.type.empty() ? openai_error_type(error.status) : error.type, error);
  return out;
}

std::string anthropic_error_body(const ApiError& error) {
  std::string out;
  append_error_body(out, Dialect::kAnthropic, anthropic_error_type(error.status), error);
  return out;
}

std::string error_body_for(Dialect dialect, const ApiError& error) {
  return dialect == Dialect::kAnthropic ? anthropic_error_body(error) : openai_error_body(error);
}

ErrorFields read_error_fields(const json::object& error) {
  ErrorFields fields;
  fields.message = std::string(string_at(error, "message"));
  fields.type = std::string(string_at(error, "type"));
  fields.param = std::string(string_at(error, "param"));
  fields.code = std::string(string_at(error, "code"));
  if (const std::int64_t code = int_at(error, "code"); code >= 400 && code < 600) {
    fields.status_hint = static_cast<int>(code);
  }
  return fields;
}

ApiError normalize_upstream_error(int status, std::string_view body) {
  ErrorFields fields;
  json::error_code ec;
  json::value parsed = json::parse(body, ec);
  if (!ec && parsed.is_object()) {
    const json::object& object = parsed.get_object();
    const json::value* error = object.if_contains("error");
    if (error != nullptr && error->is_object()) {
      // OpenAI {"error":{...}}, Anthropic {"type":"error","error":{...}}, llama.cpp.
      fields = read_error_fields(error->get_object());
    } else if (error != nullptr && error->is_string()) {
      fields.message = std::string(error->get_string());  // Ollama {"error":"..."}
    } else if (const json::value* detail = object.if_contains("detail");
               detail != nullptr && detail->is_string()) {
      fields.message = std::string(detail->get_string());  // FastAPI {"detail":"..."}
    } else {
      fields = read_error_fields(object);  // old vLLM {"object":"error","message":...}
      if (fields.type == "error") fields.type.clear();
    }
  }
  ApiError out;
  out.status = status;
  out.message = bounded(std::move(fields.message));
  if (out.message.empty()) out.message = "upstream returned HTTP " + std::to_string(status);
  out.type = fields.type.empty() ? std::string(openai_error_type(status)) : std::move(fields.type);
  out.code = std::move(fields.code);
  out.param = std::move(fields.param);
  return out;
}

}  // namespace switchyard::adapters
