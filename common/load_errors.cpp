#include "common/load_errors.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace switchyard::load_errors {

std::string located(std::string_view file, int line, int column, std::string_view path,
                    std::string_view message) {
  std::string out(file);
  if (line >= 0) {
    out += ':' + std::to_string(line) + ':' + std::to_string(column);
  }
  out += ": ";
  if (!path.empty()) {
    out += path;
    out += ": ";
  }
  out += message;
  return out;
}

std::string join(std::span<const std::string_view> names) {
  std::string out;
  for (const auto name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, bool ignore_case) {
  const auto fold = [ignore_case](char c) {
    return ignore_case ? std::tolower(static_cast<unsigned char>(c)) : static_cast<int>(c);
  };
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string_view closest(std::string_view word, std::span<const std::string_view> candidates,
                         std::size_t below, bool ignore_case) {
  std::string_view best;
  for (const auto candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate, ignore_case);
    if (d < below) {
      below = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace switchyard::load_errors
