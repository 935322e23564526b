// An error to send back to the client, rendered in the client's own API format by its adapter, and
// a small Result type for the request path (errors are values there, not exceptions).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace switchyard::adapters {

struct ApiError {
  int status = 500;
  std::string type;     // OpenAI error.type / Anthropic error.type, e.g. "invalid_request_error"
  std::string code;     // OpenAI error.code, e.g. "policy_blocked"; unused by Anthropic
  std::string message;  // for people; never contains prompt text, matched values or keys
  std::string param;    // OpenAI error.param: the offending field, when there is one
};

template <class T, class E = ApiError>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(E error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const E& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, E> v_;
};

}  // namespace switchyard::adapters
