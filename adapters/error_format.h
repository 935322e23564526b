// Errors in each client API's own format: the status-to-type table, the error bodies, and reading
// an error object or an upstream's error body whatever its shape (OpenAI, Anthropic, old vLLM's
// flat object, Ollama's string, FastAPI's detail, non-JSON). The one home for these: the proxy's
// own errors, passed-through upstream errors and translated ones all render here.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

#include "adapters/adapter.h"

namespace switchyard::adapters {

// Anthropic's error.type for an HTTP status: invalid_request_error 400, authentication_error 401,
// permission_error 403, not_found_error 404, request_too_large 413, rate_limit_error 429,
// api_error 500, overloaded_error 529; other 4xx invalid_request_error, other 5xx api_error.
std::string_view anthropic_error_type(int status);

// OpenAI's conventional error.type for a status, used when the error carries none.
std::string_view openai_error_type(int status);

// Appends {"error":{"message":...,"type":...,"param":...|null,"code":...|null}} (OpenAI) or
// {"type":"error","error":{"type":...,"message":...}} (Anthropic), with `type` as error.type.
void append_error_body(std::string& out, Dialect dialect, std::string_view type,
                       const ApiError& error);

// The OpenAI body: error.type, or the status's type when it has none.
std::string openai_error_body(const ApiError& error);

// The Anthropic body: the type always follows the status.
std::string anthropic_error_body(const ApiError& error);

std::string error_body_for(Dialect dialect, const ApiError& error);

// The fields an error object may carry, whatever its API.
struct ErrorFields {
  std::string message;
  std::string type;
  std::string code;  // a string code; numeric codes (llama.cpp, vLLM repeat the status) are not
  std::string param;
  int status_hint = 0;  // ...but a numeric code from 400 to 599 is kept here
};

ErrorFields read_error_fields(const boost::json::object& error);

// Reads an upstream error body (any of the known shapes, or not JSON at all) into an ApiError that
// keeps `status`. The message is the upstream's when it gave one, else a generic one.
ApiError normalize_upstream_error(int status, std::string_view body);

}  // namespace switchyard::adapters
