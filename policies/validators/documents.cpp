// Check digits of identity documents, health insurance numbers and national bank account numbers
// (see documents.h). The algorithms are the published ones: the GKV-Spitzenverband's
// (Krankenversichertennummer), the Tesorería General de la Seguridad Social's (NUSS), the
// Segurança Social's (NISS), the Cartão de Cidadão's document number, the Polish ID card (weights
// 7/3/1), ICAO Doc 9303 (machine-readable zone, weights 7/3/1), the Banque de France RIB key, the
// Spanish CCC control digits, the Portuguese NIB and the Polish NRB (ISO 7064 mod 97-10) and the
// Dutch 11-proof of old accounts. Phone numbers have no check digit; phone_number only tells a
// placeholder from a number.
#include "policies/validators/documents.h"

#include <cstdint>
#include <set>
#include <string>

#include "policies/validators/id_digits.h"

namespace switchyard::policy {

using namespace id_digits;

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A digit string's remainder modulo m, digit by digit (the numbers are longer than 64 bits).
int mod_of(std::string_view digits, int m) {
  int r = 0;
  for (char c : digits) r = (r * 10 + digit(c)) % m;
  return r;
}

// ICAO 9303: digits as themselves, A-Z as 10-35, the filler '<' as 0; weights 7, 3, 1.
int mrz_check(std::string_view s) {
  static constexpr int kWeights[3] = {7, 3, 1};
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const int v = is_digit(c) ? digit(c) : is_upper(c) ? c - 'A' + 10 : 0;
    total += v * kWeights[i % 3];
  }
  return total % 10;
}

bool mrz_digit_ok(std::string_view field, char check) {
  return is_digit(check) && mrz_check(field) == digit(check);
}

}  // namespace

bool de_kvnr_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 10 || !is_upper(s[0])) return false;
  const std::string_view body = std::string_view(s).substr(1);
  if (!all_digits(body) || all_same(body.substr(0, 8))) return false;
  // The letter as its two-digit position (A = 01), then the eight digits; weights 1 and 2
  // alternating, the digit sums of the products added, mod 10.
  const int letter = s[0] - 'A' + 1;
  std::string digits = {static_cast<char>('0' + letter / 10), static_cast<char>('0' + letter % 10)};
  digits.append(body.substr(0, 8));
  int total = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const int p = digit(digits[i]) * (i % 2 == 0 ? 1 : 2);
    total += p / 10 + p % 10;
  }
  return total % 10 == digit(s[9]);
}

bool de_rvnr_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 12 || !is_upper(s[8])) return false;
  const std::string_view v(s);
  if (!all_digits(v.substr(0, 8)) || !all_digits(v.substr(9))) return false;
  // Area numbers (of the pension insurance institutions) run from 02 to 89; the birth date is
  // DDMMYY
  const int area = two(v, 0);
  if (area < 2 || area > 89 || !plausible_date(two(v, 2), two(v, 4))) return false;
  // The initial as its two-digit position (A = 01), between the date and the serial: twelve
  // digits, weights 2 1 2 5 7 1 2 1 2 1 2 1, the digit sums of the products added, mod 10.
  static constexpr int kWeights[12] = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
  const int letter = s[8] - 'A' + 1;
  std::string digits(v.substr(0, 8));
  digits.push_back(static_cast<char>('0' + letter / 10));
  digits.push_back(static_cast<char>('0' + letter % 10));
  digits.append(v.substr(9, 2));
  int total = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const int p = digit(digits[i]) * kWeights[i];
    total += p / 10 + p % 10;
  }
  return total % 10 == digit(s[11]);
}

bool es_nuss_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 12 || !all_digits(d) || all_same(d)) return false;
  const std::int64_t province = prefix_number(d, 2);
  const std::int64_t number = prefix_number(std::string_view(d).substr(2), 8);
  if (province > 53 || number == 0) return false;
  // Numbers below 10,000,000 are added to province * 10^7; others are written after it.
  const std::int64_t n =
      number < 10000000 ? number + province * 10000000 : province * 100000000 + number;
  return n % 97 == two(d, 10);
}

bool pt_niss_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 11 || !all_digits(d) || all_same(d)) return false;
  // 1: a person; 2: a company or other collective entity, whose number is public.
  if (d[0] != '1') return false;
  static constexpr int kWeights[10] = {29, 23, 19, 17, 13, 11, 7, 5, 3, 2};
  int total = 0;
  for (std::size_t i = 0; i < 10; ++i) total += digit(d[i]) * kWeights[i];
  return 9 - total % 10 == digit(d[10]);
}

bool pt_cc_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 12) return false;
  const std::string_view v(s);
  if (!all_digits(v.substr(0, 9)) || !is_upper(s[9]) || !is_upper(s[10]) || !is_digit(s[11])) {
    return false;
  }
  // The manual's example and blank forms are all zeros.
  if (all_same(v.substr(0, 8))) return false;
  int total = 0;
  for (std::size_t i = 0; i < 8; ++i) total += digit(s[i]) * static_cast<int>(9 - i);
  const int civil_check = (11 - total % 11) % 11 % 10;
  if (civil_check != digit(s[8])) return false;
  // The whole document number: from the right, every second value doubled (minus 9 when 10 or
  // more), letters A = 10 ... Z = 35; the sum is a multiple of 10.
  int sum = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const char c = s[s.size() - 1 - k];
    int n = is_digit(c) ? digit(c) : c - 'A' + 10;
    if (k % 2 == 1) {
      n *= 2;
      if (n >= 10) n -= 9;
    }
    sum += n;
  }
  return sum % 10 == 0;
}

bool pl_id_card_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 9) return false;
  if (!is_upper(s[0]) || !is_upper(s[1]) || !is_upper(s[2]) ||
      !all_digits(std::string_view(s).substr(3))) {
    return false;
  }
  static constexpr int kWeights[9] = {7, 3, 1, 0, 7, 3, 1, 7, 3};
  int total = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    const int v = is_digit(s[i]) ? digit(s[i]) : s[i] - 'A' + 10;
    total += v * kWeights[i];
  }
  return total % 10 == digit(s[3]);
}

bool icao_mrz_valid(std::string_view value) {
  // Line 2 of a passport (TD3), 44 characters as printed: no separators to ignore.
  if (value.size() != 44) return false;
  for (char c : value) {
    if (!is_digit(c) && !is_upper(c) && c != '<') return false;
  }
  const std::string_view number = value.substr(0, 9);
  if (number.find_first_of("0123456789") == std::string_view::npos) return false;
  // UTO (Utopia) is the issuing state of ICAO's and the manufacturers' specimen documents.
  if (value.substr(10, 3) == "UTO") return false;
  if (!mrz_digit_ok(number, value[9]) || !mrz_digit_ok(value.substr(13, 6), value[19]) ||
      !mrz_digit_ok(value.substr(21, 6), value[27])) {
    return false;
  }
  const std::string_view optional = value.substr(28, 14);
  const bool optional_empty = optional.find_first_not_of('<') == std::string_view::npos;
  if (!(optional_empty && value[42] == '<') && !mrz_digit_ok(optional, value[42])) return false;
  std::string composite(value.substr(0, 10));
  composite.append(value.substr(13, 7));
  composite.append(value.substr(21, 22));
  return mrz_digit_ok(composite, value[43]);
}

bool document_number_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() < 6 || s.size() > 16) return false;
  if (s.find_first_of("0123456789") == std::string::npos) return false;
  if (std::set<char>(s.begin(), s.end()).size() < 3) return false;
  // Six digits in a row counting up or down (X1234567, 123456789, 987654321) are the placeholder
  // of a form, a manual or a help page, not an issued number.
  int up = 1;
  int down = 1;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const bool digits = is_digit(s[i]) && is_digit(s[i - 1]);
    up = digits && s[i] == s[i - 1] + 1 ? up + 1 : 1;
    down = digits && s[i] == s[i - 1] - 1 ? down + 1 : 1;
    if (up >= 6 || down >= 6) return false;
  }
  return true;
}

bool fr_rib_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 23) return false;
  const std::string_view v(s);
  if (!all_digits(v.substr(0, 10)) || !all_digits(v.substr(21, 2))) return false;
  // Letters of the account number stand for digits (A, J = 1; B, K, S = 2; ... I, R, Z = 9).
  std::string account;
  for (char c : v.substr(10, 11)) {
    if (is_digit(c)) {
      account.push_back(c);
    } else {
      static constexpr std::string_view kLetters = "123456789123456789234567890";
      account.push_back(kLetters[static_cast<std::size_t>(c - 'A')]);
    }
  }
  if (all_same(account) && account[0] == '0') return false;
  const int bank = mod_of(v.substr(0, 5), 97);
  const int branch = mod_of(v.substr(5, 5), 97);
  const int acc = mod_of(account, 97);
  const int key = 97 - (89 * bank + 15 * branch + 3 * acc) % 97;
  return key == two(v, 21);
}

bool es_ccc_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 20 || !all_digits(d)) return false;
  const std::string_view v(d);
  if (all_same(v.substr(10))) return false;
  static constexpr int kWeights[10] = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};
  auto control = [](std::string_view ten) {
    int total = 0;
    for (std::size_t i = 0; i < 10; ++i) total += digit(ten[i]) * kWeights[i];
    const int c = 11 - total % 11;
    return c == 11 ? 0 : c == 10 ? 1 : c;
  };
  const std::string first = "00" + std::string(v.substr(0, 8));
  return control(first) == digit(d[8]) && control(v.substr(10)) == digit(d[9]);
}

bool pt_nib_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 21 || !all_digits(d)) return false;
  const std::string_view v(d);
  if (all_same(v.substr(8, 11))) return false;
  const int check = 98 - mod_of(std::string(v.substr(0, 19)) + "00", 97);
  return check == two(v, 19);
}

bool pl_nrb_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 26 || !all_digits(d)) return false;
  const std::string_view v(d);
  if (all_same(v.substr(10))) return false;
  // As an IBAN: the account, then P = 25, L = 21, then the two check digits; mod 97 = 1.
  return mod_of(std::string(v.substr(2)) + "2521" + std::string(v.substr(0, 2)), 97) == 1;
}

bool nl_account_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || !all_digits(d)) return false;
  if (d.size() == 10 && d[0] == '0') d.erase(0, 1);
  if (d.size() != 9 || all_same(d)) return false;
  int total = 0;
  for (std::size_t i = 0; i < 9; ++i) total += digit(d[i]) * static_cast<int>(9 - i);
  return total % 11 == 0;
}

bool phone_number_valid(std::string_view value) {
  std::string d;
  for (char c : value) {
    if (is_digit(c)) d.push_back(c);
  }
  if (d.size() < 6 || d.size() > 15) return false;
  // Country code 1 is North America's alone, and its numbers have ten digits after it: "+1 555
  // 0100" in a manual is a fragment.
  const std::size_t plus = value.find_first_not_of(" \t(");
  if (plus != std::string_view::npos && value[plus] == '+' && d[0] == '1' && d.size() != 11) {
    return false;
  }
  if (std::string_view(d).substr(d.size() - 4) == "0000") return false;
  // Six digits in a row that repeat (000000), count up (123456, 567890) or count down (987654).
  int same = 1, up = 1, down = 1;
  for (std::size_t i = 1; i < d.size(); ++i) {
    const int step = (digit(d[i]) - digit(d[i - 1]) + 10) % 10;
    same = step == 0 ? same + 1 : 1;
    up = step == 1 ? up + 1 : 1;
    down = step == 9 ? down + 1 : 1;
    if (same >= 6 || up >= 6 || down >= 6) return false;
  }
  return true;
}

}  // namespace switchyard::policy
