// The placeholders of one request and the values they stand for. plan_masks() builds it once; it is
// read-only afterwards and lives in the request's memory only: nothing in it is ever logged,
// audited, counted in metrics or put into an error message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace switchyard::pseudonymize {

class PseudonymTable {
 public:
  struct Entry {
    std::string placeholder;  // TYPE-hhhhhh
    std::string value;        // the bytes the client sent
    std::size_t type_length = 0;
    std::uint32_t hex = 0;  // the six hex digits as a number
  };
  struct Match {
    std::size_t begin = 0;  // the placeholder's bytes in the text
    std::size_t end = 0;
    const Entry* entry = nullptr;
  };

  // Whether `placeholder` has the form TYPE-hhhhhh (TYPE: a letter, then letters, digits, '-').
  static bool well_formed(std::string_view placeholder);

  PseudonymTable() = default;
  // All mappings at once (placeholder, value); malformed or repeated placeholders are left out.
  explicit PseudonymTable(std::vector<std::pair<std::string, std::string>> mappings);

  // Adds a mapping. False (and nothing added) when the placeholder is malformed or already there.
  bool add(std::string placeholder, std::string value);

  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  const std::vector<Entry>& entries() const { return entries_; }
  const Entry* find(std::string_view placeholder) const;
  // The length of the longest placeholder (0 when empty).
  std::size_t max_length() const { return max_length_; }
  // Whether some placeholder starts with byte `c` (its type's first letter).
  bool starts_with_byte(unsigned char c) const { return (first_bytes_[c >> 6] >> (c & 63)) & 1u; }

  // The first placeholder of the table that lies entirely in text[from, end), if any.
  bool next_match(std::string_view text, std::size_t from, Match* match) const;
  // The first position p >= from at which text[p..] is a proper prefix of some placeholder (the
  // text ends inside it), or npos. Only the last max_length() - 1 bytes can qualify.
  std::size_t partial_at_end(std::string_view text, std::size_t from) const;

 private:
  bool make_entry(std::string placeholder, std::string value, Entry* entry);

  std::vector<Entry> entries_;  // sorted by hex
  std::size_t max_length_ = 0;
  std::uint64_t first_bytes_[4] = {0, 0, 0, 0};
};

}  // namespace switchyard::pseudonymize
