// Common request checks. Messages name the field and what was expected, never the value.
#include "adapters/request_validation.h"

#include <boost/json.hpp>
#include <string>
#include <utility>

#include "adapters/strict_json.h"
#include "adapters/text_extraction.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

std::string_view kind_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

bool is_number(const json::value& v) { return v.is_int64() || v.is_uint64() || v.is_double(); }

}  // namespace

ApiError missing_field(std::string_view param) {
  return ApiError{400, "invalid_request_error", "missing_required_parameter",
                  "missing required parameter: '" + std::string(param) + "'", std::string(param)};
}

ApiError wrong_type(std::string_view param, std::string_view expected) {
  return ApiError{
      400, "invalid_request_error", "invalid_type",
      "invalid type for '" + std::string(param) + "': expected " + std::string(expected),
      std::string(param)};
}

ApiError unclassifiable_input(std::string_view param) {
  // Appended, not `"'" + std::string(param)`: GCC 12 at -O3 warns about that expression with a
  // false -Wrestrict (GCC bug 105329), which a packager's build would print.
  std::string message = "'";
  message.append(param).append(
      "' holds token ids; this proxy classifies text before forwarding and cannot read token ids, "
      "so send the text itself");
  return ApiError{400, "invalid_request_error", "unclassifiable_input", std::move(message),
                  std::string(param)};
}

std::string Param::str() const {
  std::string out;
  render(out);
  return out;
}

void Param::render(std::string& out) const {
  if (parent_ != nullptr) parent_->render(out);
  if (index_ != kNoIndex) {
    out.push_back('[');
    out.append(std::to_string(index_));
    out.push_back(']');
    return;
  }
  if (!out.empty()) out.push_back('.');
  out.append(name_);
}

Result<ParsedRequest> parse_request_common(Api api, std::string_view body) {
  auto parsed = parse_strict_json(body);
  if (!parsed) return parsed.error();
  ParsedRequest request(std::move(*parsed));
  request.api = api;
  if (!request.body.is_object()) {
    return ApiError{400, "invalid_request_error", "invalid_type",
                    std::string("the request body must be a JSON object, not ") +
                        std::string(kind_name(request.body)),
                    ""};
  }
  const json::object& object = request.body.get_object();
  const json::value* model = object.if_contains("model");
  if (model == nullptr || model->is_null()) return missing_field("model");
  if (!model->is_string()) return wrong_type("model", "a string");
  if (model->get_string().empty()) {
    return ApiError{400, "invalid_request_error", "invalid_value", "'model' must not be empty",
                    "model"};
  }
  request.model = std::string(model->get_string());
  request.raw_body.assign(body);
  return request;
}

std::optional<ApiError> read_optional_bool(const json::object& object, std::string_view key,
                                           const Param& param, bool& out) {
  out = false;
  const json::value* v = object.if_contains(key);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_bool()) return wrong_type(param.str(), "a boolean");
  out = v->get_bool();
  return std::nullopt;
}

std::optional<ApiError> check_string(const json::object& object, std::string_view key,
                                     const Param& param, bool required) {
  const json::value* v = object.if_contains(key);
  if (v == nullptr || v->is_null()) {
    if (required) return missing_field(param.str());
    return std::nullopt;
  }
  if (!v->is_string()) return wrong_type(param.str(), "a string");
  return std::nullopt;
}

std::optional<ApiError> read_stream_options(const json::object& body, bool& include_usage) {
  include_usage = false;
  const json::value* v = body.if_contains("stream_options");
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_object()) return wrong_type("stream_options", "an object");
  return read_optional_bool(v->get_object(), "include_usage",
                            Param("stream_options").member("include_usage"), include_usage);
}

std::optional<ApiError> check_text_or_text_array(const json::object& body, std::string_view key,
                                                 bool required) {
  const json::value* v = body.if_contains(key);
  if (v == nullptr || v->is_null()) {
    if (required) return missing_field(key);
    return std::nullopt;
  }
  if (v->is_string()) return std::nullopt;
  if (is_number(*v)) return unclassifiable_input(key);
  if (!v->is_array()) return wrong_type(key, "a string or an array of strings");
  const json::array& items = v->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::value& item = items[i];
    if (item.is_string()) continue;
    // [1, 2, 3] (one token-id prompt) or [[1, 2], [3]] (several).
    if (is_number(item) || item.is_array()) return unclassifiable_input(Param(key).index(i).str());
    return wrong_type(Param(key).index(i).str(), "a string");
  }
  return std::nullopt;
}

void finish_extraction(ParsedRequest& request) {
  ExtractionResult result;
  extract_text(request.body, result);
  request.segments = std::move(result.segments);
  request.binary_payloads = result.binary_payloads;
  request.attachments = std::move(result.attachments);
}

}  // namespace switchyard::adapters
