// Fuzzes the raw-JSON editor: input is "<pointer>\n<json>". Whatever the bytes, lookups stay in
// bounds; when the document is valid JSON, the located value parses to what boost::json finds at
// the same pointer, and splicing it back in yields the same document.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "adapters/json_splice.h"
#include "adapters/strict_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace switchyard::adapters;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  std::string_view pointer = input.substr(0, newline);
  std::string_view json = input.substr(newline + 1);

  auto range = find_json_value(json, pointer);
  if (range) {
    if (range->begin > range->end || range->end > json.size()) std::abort();
    auto same = apply_splice_edits(
        json, {{range->begin, range->end,
                std::string(json.substr(range->begin, range->end - range->begin))}});
    if (!same || *same != json) std::abort();
  }
  if (json.find('{') != std::string_view::npos) {
    auto root = find_json_value(json, "");
    if (root && json[root->begin] == '{') (void)member_insertion_point(json, *root);
  }

  auto parsed = parse_strict_json(json);
  if (!parsed) return 0;
  boost::json::error_code ec;
  const boost::json::value* expected = parsed->find_pointer(pointer, ec);
  if (expected == nullptr) return 0;
  // boost accepts "-" and other tokens we do not; what both find must agree.
  if (!range) {
    if (pointer.find("/-") != std::string_view::npos) return 0;
    std::abort();
  }
  boost::json::value found =
      boost::json::parse(json.substr(range->begin, range->end - range->begin), ec);
  // Compared as text: boost 1.81 reads "0E1667" as NaN, and NaN != NaN.
  if (ec || boost::json::serialize(found) != boost::json::serialize(*expected)) std::abort();
  if (expected->is_string()) {
    std::string_view text(expected->get_string());
    boost::json::value reencoded = boost::json::parse(encode_json_string(text), ec);
    if (ec || reencoded != *expected) std::abort();
  }
  return 0;
}
