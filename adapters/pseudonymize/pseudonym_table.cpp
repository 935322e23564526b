// Placeholders are found from their '-' and six hex digits (memchr for the dash, then a binary
// search of the table by the digits' value), and only then compared with the type before the dash:
// text with no dash costs one memchr.
#include "adapters/pseudonymize/pseudonym_table.h"

#include <algorithm>
#include <cstring>

#include "adapters/pseudonymize/pseudonym_key.h"

namespace switchyard::pseudonymize {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The six lowercase hex digits at text[at, at + 6) as a number, or -1.
std::int64_t hex_at(std::string_view text, std::size_t at) {
  if (at + kHexDigits > text.size()) return -1;
  std::int64_t n = 0;
  for (std::size_t i = 0; i < kHexDigits; ++i) {
    const int v = hex_value(text[at + i]);
    if (v < 0) return -1;
    n = (n << 4) | v;
  }
  return n;
}

bool type_byte(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

bool PseudonymTable::well_formed(std::string_view placeholder) {
  if (placeholder.size() < kHexDigits + 2 || placeholder.size() > kMaxPlaceholderLength) {
    return false;
  }
  const std::size_t dash = placeholder.size() - kHexDigits - 1;
  if (placeholder[dash] != '-' || hex_at(placeholder, dash + 1) < 0) return false;
  if (placeholder[0] < 'A' || placeholder[0] > 'Z') return false;
  for (std::size_t i = 0; i < dash; ++i) {
    if (!type_byte(placeholder[i])) return false;
  }
  return true;
}

bool PseudonymTable::make_entry(std::string placeholder, std::string value, Entry* entry) {
  if (!well_formed(placeholder)) return false;
  entry->type_length = placeholder.size() - kHexDigits - 1;
  entry->hex = static_cast<std::uint32_t>(hex_at(placeholder, entry->type_length + 1));
  entry->placeholder = std::move(placeholder);
  entry->value = std::move(value);
  return true;
}

PseudonymTable::PseudonymTable(std::vector<std::pair<std::string, std::string>> mappings) {
  entries_.reserve(mappings.size());
  for (auto& [placeholder, value] : mappings) {
    Entry entry;
    if (make_entry(std::move(placeholder), std::move(value), &entry)) {
      entries_.push_back(std::move(entry));
    }
  }
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.hex != b.hex ? a.hex < b.hex : a.placeholder < b.placeholder;
  });
  entries_.erase(
      std::unique(entries_.begin(), entries_.end(),
                  [](const Entry& a, const Entry& b) { return a.placeholder == b.placeholder; }),
      entries_.end());
  for (const Entry& e : entries_) {
    const auto c = static_cast<unsigned char>(e.placeholder[0]);
    first_bytes_[c >> 6] |= std::uint64_t{1} << (c & 63);
    max_length_ = std::max(max_length_, e.placeholder.size());
  }
}

bool PseudonymTable::add(std::string placeholder, std::string value) {
  if (find(placeholder) != nullptr) return false;
  Entry entry;
  if (!make_entry(std::move(placeholder), std::move(value), &entry)) return false;
  const auto c = static_cast<unsigned char>(entry.placeholder[0]);
  first_bytes_[c >> 6] |= std::uint64_t{1} << (c & 63);
  max_length_ = std::max(max_length_, entry.placeholder.size());
  auto at = std::upper_bound(entries_.begin(), entries_.end(), entry.hex,
                             [](std::uint32_t hex, const Entry& e) { return hex < e.hex; });
  entries_.insert(at, std::move(entry));
  return true;
}

const PseudonymTable::Entry* PseudonymTable::find(std::string_view placeholder) const {
  if (!well_formed(placeholder)) return nullptr;
  const auto hex = static_cast<std::uint32_t>(hex_at(placeholder, placeholder.size() - kHexDigits));
  auto it = std::lower_bound(entries_.begin(), entries_.end(), hex,
                             [](const Entry& e, std::uint32_t h) { return e.hex < h; });
  for (; it != entries_.end() && it->hex == hex; ++it) {
    if (it->placeholder == placeholder) return &*it;
  }
  return nullptr;
}

bool PseudonymTable::next_match(std::string_view text, std::size_t from, Match* match) const {
  if (entries_.empty() || from >= text.size()) return false;
  const char* base = text.data();
  std::size_t at = from + 1;  // a type has at least one byte before the dash
  while (at < text.size()) {
    const void* found = std::memchr(base + at, '-', text.size() - at);
    if (found == nullptr) return false;
    const std::size_t dash = static_cast<std::size_t>(static_cast<const char*>(found) - base);
    if (dash + kHexDigits >= text.size()) return false;  // no room for the digits after it
    at = dash + 1;
    const std::int64_t hex = hex_at(text, dash + 1);
    if (hex < 0) continue;
    const auto lo =
        std::lower_bound(entries_.begin(), entries_.end(), static_cast<std::uint32_t>(hex),
                         [](const Entry& e, std::uint32_t h) { return e.hex < h; });
    const Entry* best = nullptr;
    for (auto it = lo; it != entries_.end() && it->hex == hex; ++it) {
      if (it->type_length > dash || dash - it->type_length < from) continue;
      if (text.compare(dash - it->type_length, it->type_length, it->placeholder, 0,
                       it->type_length) != 0) {
        continue;
      }
      if (best == nullptr || it->type_length > best->type_length) best = &*it;
    }
    if (best != nullptr) {
      match->begin = dash - best->type_length;
      match->end = dash + 1 + kHexDigits;
      match->entry = best;
      return true;
    }
  }
  return false;
}

std::size_t PseudonymTable::partial_at_end(std::string_view text, std::size_t from) const {
  if (max_length_ == 0) return std::string_view::npos;
  std::size_t p = std::max(from, text.size() >= max_length_ ? text.size() - max_length_ + 1 : 0);
  for (; p < text.size(); ++p) {
    if (!starts_with_byte(static_cast<unsigned char>(text[p]))) continue;
    const std::string_view tail = text.substr(p);
    for (const Entry& e : entries_) {
      if (e.placeholder.size() > tail.size() && e.placeholder.compare(0, tail.size(), tail) == 0) {
        return p;
      }
    }
  }
  return std::string_view::npos;
}

}  // namespace switchyard::pseudonymize
