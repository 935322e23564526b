// Typed reads of one member of a JSON object, for the code that walks request, response and error
// bodies: a member that is absent or of another type reads as "" (text), -1 (counts) or nullptr
// (objects), so that callers test one value instead of a chain of kinds.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string_view>

namespace switchyard::adapters {

inline std::string_view string_at(const boost::json::object& object, std::string_view key) {
  if (const auto* value = object.if_contains(key); value != nullptr && value->is_string()) {
    return value->get_string();
  }
  return {};
}

// An integer; -1 for anything else (and for nullptr).
inline std::int64_t integer_of(const boost::json::value* value) {
  if (value == nullptr) return -1;
  if (value->is_int64()) return value->get_int64();
  return value->is_uint64() ? static_cast<std::int64_t>(value->get_uint64()) : -1;
}

// An integer member; -1 when absent or not an integer.
inline std::int64_t int_at(const boost::json::object& object, std::string_view key) {
  return integer_of(object.if_contains(key));
}

// A count that some servers write as a double (12.0): integers, or doubles cut to an integer; -1
// when absent or not a number.
inline std::int64_t count_at(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (value != nullptr && value->is_double()) return static_cast<std::int64_t>(value->get_double());
  return integer_of(value);
}

inline const boost::json::object* object_at(const boost::json::object& object,
                                            std::string_view key) {
  if (const auto* value = object.if_contains(key); value != nullptr && value->is_object()) {
    return &value->get_object();
  }
  return nullptr;
}

}  // namespace switchyard::adapters
