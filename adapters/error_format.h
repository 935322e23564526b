// Error bodies in each client API's own format, the status-to-type tables, and normalization of an
// upstream's error body (OpenAI, Anthropic, old vLLM's flat object, Ollama's string, non-JSON) into
// an ApiError that the client's adapter renders.
#pragma once

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

// {"error":{"message":...,"type":...,"param":...|null,"code":...|null}}
std::string openai_error_body(const ApiError& error);

// {"type":"error","error":{"type":<from the status>,"message":...}}
std::string anthropic_error_body(const ApiError& error);

std::string error_body_for(Dialect dialect, const ApiError& error);

// Reads an upstream error body (any of the known shapes, or not JSON at all) into an ApiError that
// keeps `status`. The message is the upstream's when it gave one, else a generic one.
ApiError normalize_upstream_error(int status, std::string_view body);

}  // namespace switchyard::adapters
