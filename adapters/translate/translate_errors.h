// Errors across the API boundary: the 400s for fields that cannot be translated, upstream error
// bodies re-rendered in the client's format (status and type mapped), and the error events that end
// a translated stream.
#pragma once

#include <string>
#include <string_view>

#include "adapters/adapter.h"
#include "adapters/api_error.h"

namespace switchyard::adapters::translation {

// 400 invalid_request_error naming `param` (e.g. "messages[2].content[0].type") in message and
// param.
ApiError untranslatable(std::string param, std::string_view reason);
// 400 for a field whose type or shape is wrong, so it cannot be read at all.
ApiError malformed(std::string param, std::string_view reason);

// Anthropic's error type for an upstream's status: the table of error_format.h, with
// billing_error 402, overloaded_error 503 and timeout_error 504 besides.
std::string_view anthropic_type_for_status(int status);
// The HTTP status an Anthropic error type stands for (500 when unknown).
int status_for_anthropic_type(std::string_view type);

// The status the client sees for an upstream error status: Anthropic's 529 (overloaded) becomes 503
// for OpenAI clients, whose SDKs know 503; everything else is kept.
int client_status_for(Dialect client, int upstream_status);

// Reads an upstream error body (OpenAI {"error":{...}}, vLLM's flat {"object":"error",...},
// {"error":"text"}, {"detail":"text"}, or Anthropic {"type":"error","error":{...}}) into an
// ApiError in the client's terms. A body that is not JSON yields a message with the status only.
ApiError upstream_error(Dialect client, int upstream_status, std::string_view body);

// An error object seen inside a stream (OpenAI chunk {"error":{...}}, Anthropic `error` event data)
// in the client's terms.
ApiError stream_error(Dialect client, const boost::json::value& error_object);

std::string render_error_body(Dialect client, const ApiError& error);
// The bytes that end a client stream with an error: an Anthropic `error` event, or an OpenAI
// `data: {"error":{...}}` chunk (the SDKs raise on it).
std::string render_stream_error(Dialect client, const ApiError& error);

}  // namespace switchyard::adapters::translation
