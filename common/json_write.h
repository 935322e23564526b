// Small JSON writing helpers (translation, audit records, logs): a compact serializer that prints
// numbers the way people and upstream servers expect (0.7, not 7E-1) and a string escaper used to
// build stream events without allocating a JSON tree per event.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace switchyard::json_write {

// Appends `text` as a JSON string literal (with quotes). Bytes >= 0x80 pass through unchanged.
void append_json_string(std::string& out, std::string_view text);

// Appends `value` compactly; object keys keep their insertion order.
void append_json(std::string& out, const boost::json::value& value);

std::string to_json(const boost::json::value& value);

void append_int(std::string& out, std::int64_t number);

}  // namespace switchyard::json_write
