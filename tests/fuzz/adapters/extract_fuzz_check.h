// Shared body of the extraction fuzzers: parse with one adapter, then check invariants that tie the
// adapter, the raw-JSON editor and the rewriter together. Any violation aborts.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/adapter.h"
#include "adapters/json_splice.h"
#include "adapters/strict_json.h"
#include "adapters/translate/rewrite.h"

namespace switchyard::adapters::fuzz {

inline void check(bool condition) {
  if (!condition) std::abort();
}

inline void check_extraction(Api api, const std::uint8_t* data, std::size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  const Adapter& adapter = adapter_for(api);
  auto parsed = adapter.parse(body);
  if (!parsed) {
    const ApiError& e = parsed.error();
    check(e.status == 400 && !e.message.empty());
    check(!adapter.error_body(e).empty());
    return;
  }
  // Every segment is a string the raw editor finds at the same pointer, with the same text.
  for (const TextSegment& segment : parsed->segments) {
    check(!segment.text.empty());
    check(is_valid_utf8(segment.text));
    auto range = find_json_value(body, segment.path);
    check(range.has_value());
    check(body[range->begin] == '"');
    boost::json::value decoded =
        boost::json::parse(body.substr(range->begin, range->end - range->begin));
    check(decoded.is_string() && std::string_view(decoded.get_string()) == segment.text);
  }
  // No edits: the bytes come back unchanged.
  RewriteOptions unchanged;
  unchanged.target = dialect_of(api);
  auto same = rewrite_request(*parsed, unchanged);
  check(same.ok() && *same == body);
  // Model, a redaction of every segment and stream_options: the result parses and re-extracts.
  RewriteOptions options;
  options.target = dialect_of(api);
  options.model = "rewritten-model";
  options.request_usage_in_stream = true;
  for (std::uint32_t i = 0; i < parsed->segments.size(); ++i) {
    options.redactions.push_back({i, 0, parsed->segments[i].text.size() / 2, "fuzz"});
  }
  auto edited = rewrite_request(*parsed, options);
  check(edited.ok());
  auto reparsed = adapter.parse(*edited);
  check(reparsed.ok());
  check(reparsed->model == "rewritten-model");
}

}  // namespace switchyard::adapters::fuzz
