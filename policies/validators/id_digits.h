// Small helpers shared by the check-digit validators (national_ids.cpp, national_ids_world.cpp):
// a value compacted to its letters and digits, digit tests, Luhn and a plausible day/month.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace switchyard::policy::id_digits {

inline bool ignorable(char c) { return c == ' ' || c == '-' || c == '.' || c == '/'; }

// The value's letters (upper-cased) and digits, without separators; false on anything else.
inline bool compact(std::string_view value, std::string* out) {
  out->clear();
  for (char c : value) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
      out->push_back(c);
    } else if (!ignorable(c)) {
      return false;
    }
  }
  return true;
}

inline bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

inline bool all_same(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

inline int digit(char c) { return c - '0'; }

inline int prefix_number(std::string_view digits, std::size_t n) {
  int v = 0;
  for (std::size_t i = 0; i < n && i < digits.size(); ++i) v = v * 10 + digit(digits[i]);
  return v;
}

inline bool luhn(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = digit(*it);
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

// Day and month of a DDMMYY or YYMMDD date, loosely: a real calendar check would add little, and
// a wrong day number (31 February) is a typo the person still owns.
inline bool plausible_date(int day, int month) {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

inline int two(std::string_view d, std::size_t at) { return prefix_number(d.substr(at), 2); }

}  // namespace switchyard::policy::id_digits
