// Check digits of national identifiers and payment cards (see national_ids.h). The algorithms are
// the published ones: INSEE (NIR), BZSt (Steuer-ID, ISO 7064 MOD 11,10), Ministerio del Interior
// (DNI/NIE letter), Agenzia delle Entrate (codice fiscale), the Dutch "elfproef", HMRC (NINO
// prefixes), NHS Digital (mod 11), the My Number Act's ordinance, PESEL, the Portuguese NIF, and
// the personal numbers of Sweden (Skatteverket), Denmark (CPR), Norway (Skatteetaten), Finland
// (DVV), Czechia (rodné číslo), Romania (CNP), Greece (AMKA) and Turkey (T.C. Kimlik No).
#include "policies/validators/national_ids.h"

#include "policies/validators/id_digits.h"

#include <algorithm>
#include <array>
#include <string>

namespace switchyard::policy {

using namespace id_digits;

bool payment_card_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || !all_digits(d) || all_same(d)) return false;
  const std::size_t n = d.size();
  if (n < 12 || n > 19 || !luhn(d)) return false;
  const int p1 = digit(d[0]);
  const int p2 = prefix_number(d, 2);
  const int p3 = prefix_number(d, 3);
  const int p4 = prefix_number(d, 4);
  const int p6 = prefix_number(d, 6);
  bool ok = false;
  if (p1 == 4) ok = n == 13 || n == 16 || n == 19;                               // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) ok = ok || n == 16;  // Mastercard
  if (p4 >= 2200 && p4 <= 2204) ok = ok || n == 16;                              // Mir
  if (p2 == 34 || p2 == 37) ok = ok || n == 15;                                  // Amex
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
    ok = ok || (n >= 14 && n <= 19);  // Diners Club
  }
  if (p4 >= 3528 && p4 <= 3589) ok = ok || (n >= 16 && n <= 19);  // JCB
  if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) {
    ok = ok || (n >= 16 && n <= 19);  // Discover
  }
  if (p2 == 62) ok = ok || (n >= 16 && n <= 19);                            // UnionPay
  if (p2 == 50 || (p2 >= 56 && p2 <= 69)) ok = ok || (n >= 12 && n <= 19);  // Maestro
  return ok;
}

bool fr_nir_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 15) return false;
  // Corsica: departments 2A and 2B count as 19 and 18 for the key.
  long long correction = 0;
  if (s[6] == 'A' || s[6] == 'B') {
    if (s[5] != '2') return false;
    correction = s[6] == 'A' ? 1000000 : 2000000;
    s[6] = '0';
  }
  if (!all_digits(s)) return false;
  const int sex = digit(s[0]);
  if (sex != 1 && sex != 2 && sex != 3 && sex != 4 && sex != 7 && sex != 8) return false;
  const int month = prefix_number(s.substr(3), 2);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  long long body = 0;
  for (int i = 0; i < 13; ++i) body = body * 10 + digit(s[static_cast<std::size_t>(i)]);
  body -= correction;
  const int key = prefix_number(s.substr(13), 2);
  return key >= 1 && key <= 97 && key == 97 - static_cast<int>(body % 97);
}

bool de_tax_id_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 11 || !all_digits(d) || d[0] == '0') return false;
  // Of the first ten digits exactly one occurs twice or three times; the others at most once.
  std::array<int, 10> counts{};
  for (int i = 0; i < 10; ++i)
    ++counts[static_cast<std::size_t>(digit(d[static_cast<std::size_t>(i)]))];
  int repeated = 0;
  for (int c : counts) {
    if (c > 3) return false;
    if (c >= 2) ++repeated;
  }
  if (repeated != 1) return false;
  int product = 10;
  for (int i = 0; i < 10; ++i) {
    int sum = (digit(d[static_cast<std::size_t>(i)]) + product) % 10;
    if (sum == 0) sum = 10;
    product = (sum * 2) % 11;
  }
  int check = 11 - product;
  if (check == 10) check = 0;
  return check == digit(d[10]);
}

bool es_dni_valid(std::string_view value) {
  static constexpr std::string_view kLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
  std::string s;
  if (!compact(value, &s) || s.size() != 9) return false;
  const char letter = s[8];
  std::string number = s.substr(0, 8);
  if (number[0] == 'X' || number[0] == 'Y' || number[0] == 'Z') {
    number[0] = static_cast<char>('0' + (number[0] - 'X'));
  }
  if (!all_digits(number) || all_same(number)) return false;
  long long n = 0;
  for (char c : number) n = n * 10 + digit(c);
  return kLetters[static_cast<std::size_t>(n % 23)] == letter;
}

bool it_fiscal_code_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 16) return false;
  // Letters where letters go; digit positions also take the omocodia letters LMNPQRSTUV.
  auto is_letter = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto is_digitish = [](char c) {
    return (c >= '0' && c <= '9') ||
           std::string_view("LMNPQRSTUV").find(c) != std::string_view::npos;
  };
  static constexpr std::string_view kMonths = "ABCDEHLMPRST";
  for (int i = 0; i < 6; ++i) {
    if (!is_letter(s[static_cast<std::size_t>(i)])) return false;
  }
  if (!is_digitish(s[6]) || !is_digitish(s[7]) || kMonths.find(s[8]) == std::string_view::npos ||
      !is_digitish(s[9]) || !is_digitish(s[10]) || !is_letter(s[11]) || !is_digitish(s[12]) ||
      !is_digitish(s[13]) || !is_digitish(s[14]) || !is_letter(s[15])) {
    return false;
  }
  static constexpr int kOdd[26] = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                   20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
  int total = 0;
  for (int i = 0; i < 15; ++i) {
    const char c = s[static_cast<std::size_t>(i)];
    const int v = c >= '0' && c <= '9' ? c - '0' : c - 'A';
    total += i % 2 == 0 ? kOdd[v] : v;
  }
  return s[15] == static_cast<char>('A' + total % 26);
}

bool nl_bsn_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || !all_digits(d)) return false;
  if (d.size() == 8) d.insert(d.begin(), '0');
  if (d.size() != 9 || all_same(d)) return false;
  int total = 0;
  for (int i = 0; i < 8; ++i) total += (9 - i) * digit(d[static_cast<std::size_t>(i)]);
  total -= digit(d[8]);
  return total % 11 == 0;
}

bool uk_nino_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 9) return false;
  static constexpr std::string_view kNotFirst = "DFIQUV";
  static constexpr std::string_view kNotSecond = "DFIOQUV";
  if (s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z') return false;
  if (kNotFirst.find(s[0]) != std::string_view::npos) return false;
  if (kNotSecond.find(s[1]) != std::string_view::npos) return false;
  const std::string_view prefix(s.data(), 2);
  for (std::string_view bad : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}) {
    if (prefix == bad) return false;
  }
  if (!all_digits(std::string_view(s).substr(2, 6))) return false;
  return s[8] >= 'A' && s[8] <= 'D';
}

bool uk_nhs_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 10 || !all_digits(d) || all_same(d)) return false;
  int total = 0;
  for (int i = 0; i < 9; ++i) total += (10 - i) * digit(d[static_cast<std::size_t>(i)]);
  int check = 11 - total % 11;
  if (check == 11) check = 0;
  return check != 10 && check == digit(d[9]);
}

bool jp_my_number_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 12 || !all_digits(d) || all_same(d)) return false;
  int total = 0;
  for (int n = 1; n <= 11; ++n) {
    const int p = digit(d[static_cast<std::size_t>(11 - n)]);
    const int q = n <= 6 ? n + 1 : n - 5;
    total += p * q;
  }
  const int remainder = total % 11;
  const int check = remainder <= 1 ? 0 : 11 - remainder;
  return check == digit(d[11]);
}

bool pl_pesel_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 11 || !all_digits(d) || all_same(d)) return false;
  // The month carries the century (+20 for 2000-2099, +40, +60, +80 for the others).
  const int month = prefix_number(std::string_view(d).substr(2), 2) % 20;
  const int day = prefix_number(std::string_view(d).substr(4), 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  static constexpr int kWeights[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  int total = 0;
  for (int i = 0; i < 10; ++i) total += kWeights[i] * digit(d[static_cast<std::size_t>(i)]);
  return (10 - total % 10) % 10 == digit(d[10]);
}

bool pt_nif_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 9 || !all_digits(d) || all_same(d)) return false;
  if (d[0] == '0' || d[0] == '4') return false;
  int total = 0;
  for (int i = 0; i < 8; ++i) total += (9 - i) * digit(d[static_cast<std::size_t>(i)]);
  int check = 11 - total % 11;
  if (check >= 10) check = 0;
  return check == digit(d[8]);
}

bool se_personnummer_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || !all_digits(d) || all_same(d)) return false;
  if (d.size() == 12) {
    const int century = two(d, 0);
    if (century < 18 || century > 20) return false;
    d.erase(0, 2);
  }
  if (d.size() != 10) return false;
  // Samordningsnummer (coordination numbers) add 60 to the day.
  const int day = two(d, 4);
  if (!plausible_date(day > 60 ? day - 60 : day, two(d, 2))) return false;
  return luhn(d);
}

bool dk_cpr_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 10 || !all_digits(d) || all_same(d)) return false;
  if (!plausible_date(two(d, 0), two(d, 2))) return false;
  // Numbers issued since 2007 may skip the mod-11 rule; only those that keep it count, so an
  // invoice or order number shaped like a date does not.
  static constexpr int kWeights[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int total = 0;
  for (int i = 0; i < 10; ++i) total += kWeights[i] * digit(d[static_cast<std::size_t>(i)]);
  return total % 11 == 0;
}

bool no_fodselsnummer_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 11 || !all_digits(d) || all_same(d)) return false;
  const int day = two(d, 0);  // D-numbers add 40 to the day
  if (!plausible_date(day > 40 ? day - 40 : day, two(d, 2))) return false;
  static constexpr int kFirst[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static constexpr int kSecond[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int total = 0;
  for (int i = 0; i < 9; ++i) total += kFirst[i] * digit(d[static_cast<std::size_t>(i)]);
  int k1 = 11 - total % 11;
  if (k1 == 11) k1 = 0;
  if (k1 == 10 || k1 != digit(d[9])) return false;
  total = 0;
  for (int i = 0; i < 10; ++i) total += kSecond[i] * digit(d[static_cast<std::size_t>(i)]);
  int k2 = 11 - total % 11;
  if (k2 == 11) k2 = 0;
  return k2 != 10 && k2 == digit(d[10]);
}

bool fi_hetu_valid(std::string_view value) {
  // The century sign is '-' or a letter, so compact() (which drops '-') does not apply.
  std::string s;
  for (char c : value) {
    if (c == ' ') continue;
    s.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  }
  if (s.size() != 11) return false;
  const std::string_view v(s);
  if (!all_digits(v.substr(0, 6)) || !all_digits(v.substr(7, 3))) return false;
  if (std::string_view("+-ABCDEFUVWXY").find(s[6]) == std::string_view::npos) return false;
  if (!plausible_date(two(v, 0), two(v, 2))) return false;
  long number = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 4u, 5u, 7u, 8u, 9u}) number = number * 10 + digit(s[i]);
  return "0123456789ABCDEFHJKLMNPRSTUVWXY"[number % 31] == s[10];
}

bool cz_rodne_cislo_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 10 || !all_digits(d) || all_same(d)) return false;
  // Women add 50 to the month; since 2004 either may add 20 more when a day's numbers run out.
  int month = two(d, 2);
  if (month > 70)
    month -= 70;
  else if (month > 50)
    month -= 50;
  else if (month > 20)
    month -= 20;
  if (!plausible_date(two(d, 4), month)) return false;
  long number = 0;
  for (char c : d) number = number * 10 + digit(c);
  if (number % 11 == 0) return true;
  // Before 1985 a remainder of 10 was written as check digit 0.
  return (number / 10) % 11 == 10 && d[9] == '0';
}

bool ro_cnp_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 13 || !all_digits(d) || d[0] == '0') return false;
  if (!plausible_date(two(d, 5), two(d, 3))) return false;
  const int county = two(d, 7);
  if (county < 1 || county > 52) return false;
  static constexpr int kWeights[12] = {2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9};
  int total = 0;
  for (int i = 0; i < 12; ++i) total += kWeights[i] * digit(d[static_cast<std::size_t>(i)]);
  const int check = total % 11 == 10 ? 1 : total % 11;
  return check == digit(d[12]);
}

bool gr_amka_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 11 || !all_digits(d) || all_same(d)) return false;
  return plausible_date(two(d, 0), two(d, 2)) && luhn(d);
}

bool tr_tckn_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 11 || !all_digits(d) || d[0] == '0' || all_same(d)) {
    return false;
  }
  int odd = 0, even = 0;
  for (std::size_t i = 0; i < 9; ++i) (i % 2 == 0 ? odd : even) += digit(d[i]);
  if (((odd * 7 - even) % 10 + 10) % 10 != digit(d[9])) return false;
  return (odd + even + digit(d[9])) % 10 == digit(d[10]);
}

}  // namespace switchyard::policy
