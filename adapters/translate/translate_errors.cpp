// Error mapping between the OpenAI and Anthropic formats.
#include "adapters/translate/translate_errors.h"

#include "adapters/error_format.h"
#include "adapters/json_fields.h"

namespace switchyard::adapters::translation {

namespace json = boost::json;

ApiError untranslatable(std::string param, std::string_view reason) {
  ApiError error;
  error.status = 400;
  error.type = "invalid_request_error";
  error.code = "untranslatable_field";
  error.message = "'" + param + "' " + std::string(reason);
  error.param = std::move(param);
  return error;
}

ApiError malformed(std::string param, std::string_view reason) {
  ApiError error;
  error.status = 400;
  error.type = "invalid_request_error";
  error.code = "invalid_request";
  error.message =
      (param.empty() ? std::string("request body") : "'" + param + "'") + " " + std::string(reason);
  error.param = std::move(param);
  return error;
}

std::string_view anthropic_type_for_status(int status) {
  // Statuses an OpenAI-side upstream answers that Anthropic has words of its own for; the rest as
  // in every Anthropic error body.
  switch (status) {
    case 402:
      return "billing_error";
    case 503:
      return "overloaded_error";
    case 504:
      return "timeout_error";
    default:
      return anthropic_error_type(status);
  }
}

int status_for_anthropic_type(std::string_view type) {
  if (type == "invalid_request_error") return 400;
  if (type == "authentication_error") return 401;
  if (type == "billing_error") return 402;
  if (type == "permission_error") return 403;
  if (type == "not_found_error") return 404;
  if (type == "request_too_large") return 413;
  if (type == "rate_limit_error") return 429;
  if (type == "timeout_error") return 504;
  if (type == "overloaded_error") return 529;
  return 500;
}

int client_status_for(Dialect client, int upstream_status) {
  if (client == Dialect::kOpenAi && upstream_status == 529) return 503;
  return upstream_status;
}

namespace {

// Finds the error object in any of the shapes upstreams use.
bool read_error_body(const json::value& body, ErrorFields& fields) {
  const auto* root = body.if_object();
  if (root == nullptr) return false;
  if (const auto* error = root->if_contains("error")) {
    if (error->is_object()) {
      fields = read_error_fields(error->get_object());
      return true;
    }
    if (error->is_string()) {  // {"error":"model not found"} (Ollama's native shape)
      fields.message = std::string(error->get_string());
      return true;
    }
  }
  if (string_at(*root, "object") == "error") {  // older vLLM: flat
    fields = read_error_fields(*root);
    return true;
  }
  if (const auto* detail = root->if_contains("detail"); detail && detail->is_string()) {
    fields.message = std::string(detail->get_string());  // FastAPI servers
    return true;
  }
  return false;
}

ApiError to_client(Dialect client, int status, ErrorFields fields) {
  ApiError error;
  error.status = client_status_for(client, status);
  error.message = fields.message.empty() ? "upstream returned HTTP " + std::to_string(status)
                                         : std::move(fields.message);
  if (client == Dialect::kAnthropic) {
    error.type = std::string(anthropic_type_for_status(status));
  } else {
    error.type = std::string(openai_error_type(error.status));
    // Keep the upstream's own error type where OpenAI has a code slot for it.
    error.code = !fields.type.empty() ? std::move(fields.type) : std::move(fields.code);
    error.param = std::move(fields.param);
  }
  return error;
}

}  // namespace

ApiError upstream_error(Dialect client, int upstream_status, std::string_view body) {
  ErrorFields fields;
  boost::system::error_code ec;
  json::value parsed = json::parse(body, ec);
  if (!ec) read_error_body(parsed, fields);
  return to_client(client, upstream_status, std::move(fields));
}

ApiError stream_error(Dialect client, const json::value& error_object) {
  ErrorFields fields;
  if (const auto* object = error_object.if_object()) fields = read_error_fields(*object);
  int status = fields.status_hint;
  if (status == 0) {
    // Anthropic types name their status; OpenAI types are mapped by the same words where they
    // overlap, and anything else is a server-side failure.
    status = status_for_anthropic_type(fields.type);
    if (fields.type == "server_error") status = 500;
    if (fields.type == "rate_limit_exceeded" || fields.type == "requests" ||
        fields.type == "tokens") {
      status = 429;
    }
  }
  if (fields.message.empty()) fields.message = "upstream reported an error in the stream";
  ApiError error = to_client(client, status, std::move(fields));
  return error;
}

std::string render_error_body(Dialect client, const ApiError& error) {
  std::string out;
  append_error_body(out, client, error.type, error);
  return out;
}

std::string render_stream_error(Dialect client, const ApiError& error) {
  std::string out = client == Dialect::kAnthropic ? "event: error\ndata: " : "data: ";
  out.append(render_error_body(client, error));
  out.append("\n\n");
  return out;
}

}  // namespace switchyard::adapters::translation
