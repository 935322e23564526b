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

// A field name for error messages in the API's notation ("messages[2].content"), rendered only when
// an error needs it so valid requests pay nothing for it. Each Param points at its parent: keep the
// parents alive (named locals) while children are in use.
class Param {
 public:
  explicit Param(std::string_view name) : name_(name) {}
  Param member(std::string_view name) const { return Param(this, name, kNoIndex); }
  Param index(std::size_t i) const { return Param(this, {}, i); }
  std::string str() const;

 private:
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  Param(const Param* parent, std::string_view name, std::size_t index)
      : parent_(parent), name_(name), index_(index) {}
  void render(std::string& out) const;

  const Param* parent_ = nullptr;
  std::string_view name_;
  std::size_t index_ = kNoIndex;
};

// Strict parse, body-is-object, required string model, keeps the raw bytes.
Result<ParsedRequest> parse_request_common(Api api, std::string_view body);

// Optional boolean field: absent or null is false.
std::optional<ApiError> read_optional_bool(const boost::json::object& object, std::string_view key,
                                           const Param& param, bool& out);

// A field that must be a string, or absent/null when !required.
std::optional<ApiError> check_string(const boost::json::object& object, std::string_view key,
                                     const Param& param, bool required);

// OpenAI stream_options: object or null; include_usage boolean.
std::optional<ApiError> read_stream_options(const boost::json::object& body, bool& include_usage);

// A field that is a string, an array of strings, or (rejected as unclassifiable) token ids:
// Completions "prompt" and Embeddings "input".
std::optional<ApiError> check_text_or_text_array(const boost::json::object& body,
                                                 std::string_view key, bool required);

// Runs extraction and fills segments and binary_payloads.
void finish_extraction(ParsedRequest& request);

}  // namespace switchyard::adapters
