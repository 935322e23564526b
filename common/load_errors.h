// What the strict loaders (policy files, the configuration file) share in their error messages:
// the "FILE:LINE:COL: field.path: message" line, the list of valid names, and the valid name
// closest to a typo ("did you mean ...?").
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace switchyard::load_errors {

// "FILE:LINE:COL: path: message"; ":LINE:COL" is left out when `line` is negative (position
// unknown) and "path: " when `path` is empty. Lines and columns are 1-based.
std::string located(std::string_view file, int line, int column, std::string_view path,
                    std::string_view message);

// "a, b, c"
std::string join(std::span<const std::string_view> names);

// Levenshtein distance; with `ignore_case`, ASCII letters compare without their case.
std::size_t edit_distance(std::string_view a, std::string_view b, bool ignore_case);

// The first candidate nearest to `word`, when nearer than `below`; empty otherwise.
std::string_view closest(std::string_view word, std::span<const std::string_view> candidates,
                         std::size_t below, bool ignore_case);

}  // namespace switchyard::load_errors
