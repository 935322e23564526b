// Fuzzes the corpus line parser of `switchyard classify` and `policy diff` (jsonl_input.h) against
// boost::json: the two must agree on which lines are valid (apart from a repeated "id" or "text",
// which boost::json accepts by keeping the last and we refuse), and on the decoded text; an id
// must be valid JSON on its own; an error's column must lie within the line.
#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "proxy/cli/jsonl_input.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

std::size_t count_key(const boost::json::object& o, std::string_view key) {
  // boost::json keeps one entry per key; a repeated key is seen in the raw text instead.
  return o.contains(key) ? 1 : 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  std::string scratch;
  switchyard::cli::CorpusLine value;
  switchyard::cli::CorpusLineError error;
  const bool ok = switchyard::cli::parse_corpus_line(line, &scratch, &value, &error);

  boost::system::error_code ec;
  boost::json::parse_options options;
  options.max_depth = 65;
  const boost::json::value reference = boost::json::parse(line, ec, {}, options);
  const bool reference_ok = !ec && reference.is_object() &&
                            count_key(reference.as_object(), "text") == 1 &&
                            reference.as_object().at("text").is_string();
  if (ok) {
    check(reference_ok);
    check(value.text == std::string_view(reference.as_object().at("text").as_string()));
    boost::system::error_code id_ec;
    const boost::json::value id = boost::json::parse(value.id_json, id_ec, {}, options);
    check(!id_ec);
    if (const auto* expected = reference.as_object().if_contains("id")) check(id == *expected);
  } else {
    check(error.column >= 1 && error.column <= line.size() + 1);
    check(!error.message.empty());
    // Where boost::json accepts what we refuse, it is a repeated member or the nesting limit.
    if (reference_ok) {
      check(error.message.find("twice") != std::string::npos ||
            error.message.find("nested") != std::string::npos);
    }
  }
  return 0;
}
