// Shared request checks for the adapters: the strict parse plus the common fields (body is an
// object, model, stream), typed accessors that produce 400s naming the field in the API's own
// parameter notation ("messages[2].content"), and the extraction step every adapter ends with.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/adapter.h"

namespace switchyard::adapters {

ApiError missing_field(std::string_view param);
ApiError wrong_type(std::string_view param, std::string_view expected);
// Token-id arrays carry no text the classifier can read: refused rather than forwarded unscanned.
ApiError unclassifiable_input(std::string_view param);

// "messages" + 2 -> "messages[2]"; "messages[2]" + "content" -> "messages[2].content".
std::string param_index(std::string_view base, std::size_t index);
std::string param_member(std::string_view base, std::string_view member);

// Strict parse, body-is-object, required string model, keeps the raw bytes.
Result<ParsedRequest> parse_request_common(Api api, std::string_view body);

// Optional boolean field: absent or null is false.
std::optional<ApiError> read_optional_bool(const boost::json::object& object, std::string_view key,
                                           std::string_view param, bool& out);

// A field that must be a string, or absent/null when !required.
std::optional<ApiError> check_string(const boost::json::object& object, std::string_view key,
                                     std::string_view param, bool required);

// OpenAI stream_options: object or null; include_usage boolean.
std::optional<ApiError> read_stream_options(const boost::json::object& body, bool& include_usage);

// A field that is a string, an array of strings, or (rejected as unclassifiable) token ids:
// Completions "prompt" and Embeddings "input".
std::optional<ApiError> check_text_or_text_array(const boost::json::object& body,
                                                 std::string_view key, bool required);

// Runs extraction and fills segments and binary_payloads.
void finish_extraction(ParsedRequest& request);

}  // namespace switchyard::adapters
