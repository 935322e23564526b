// A raw-JSON editor for same-API forwarding: locates values by JSON Pointer in the original bytes
// (a small tokenizer, no tree) and splices replacements in, so every byte outside an edit reaches
// the upstream exactly as the client sent it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::adapters {

struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past the value's last byte
};

// The bytes of the value at `pointer` (RFC 6901; "" is the whole document), or nullopt when the
// path does not exist or the text is malformed before the value is reached. Keys are compared
// after decoding their escapes, so "mod\u0065l" is found as /model (as a JSON parser reads it).
std::optional<ByteRange> find_json_value(std::string_view json, std::string_view pointer);

// Where a new member goes in the object occupying `object` (which must start with '{' and end
// with '}'): the insertion offset and whether a separating comma is needed before the member.
struct MemberInsertion {
  std::size_t offset = 0;
  bool needs_comma = false;
};
std::optional<MemberInsertion> member_insertion_point(std::string_view json, ByteRange object);

// `text` as a JSON string literal, quotes included. Escapes '"', '\\' and control characters;
// everything else (UTF-8 included) is copied as is.
std::string encode_json_string(std::string_view text);

struct SpliceEdit {
  std::size_t begin = 0;  // replaced range [begin, end); begin == end inserts
  std::size_t end = 0;
  std::string replacement;
};

// Applies edits (any order; they must not overlap and must lie within `json`). nullopt otherwise.
std::optional<std::string> apply_splice_edits(std::string_view json, std::vector<SpliceEdit> edits);

}  // namespace switchyard::adapters
