// Strict JSON parsing of client request bodies: standard JSON only, invalid UTF-8 rejected, bounded
// nesting, and duplicate object keys rejected (boost::json would silently keep one of them, letting
// a client show the classifier one value while the upstream reads the other).
#pragma once

#include <boost/json/value.hpp>
#include <string_view>

#include "adapters/api_error.h"

namespace switchyard::adapters {

// Nesting limit for request bodies; deep enough for tool schemas and tool inputs.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses `body` into a value (allocated from a monotonic resource owned by the value). Errors are
// 400 invalid_request_error ApiErrors with a message that never quotes the body.
Result<boost::json::value> parse_strict_json(std::string_view body);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

}  // namespace switchyard::adapters
