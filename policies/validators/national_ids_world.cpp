// Check digits of national identifiers outside Europe (see national_ids_world.h). The algorithms
// are the published ones: GB 11643-1999 (China), the Korean resident registration number's
// weighted mod 11 (numbers issued before October 2020; later ones have no check digit), the
// Receita Federal (CPF), NEAK (TAJ) and NAV (adóazonosító jel), UIDAI (Aadhaar, Verhoeff),
// RENAPO (CURP) and SAT (RFC), the Mexican banks' CLABE, and the Israeli Population Authority.
// Company numbers of the same countries (统一社会信用代码, 사업자등록번호, CNPJ, adószám, the RFC
// of a company, Israeli company numbers, nine digits starting with 5) fail by shape, length or
// first digit.
#include "policies/validators/national_ids_world.h"

#include <string>

#include "policies/validators/id_digits.h"

namespace switchyard::policy {

using namespace id_digits;

namespace {

bool plausible_yyyymmdd(std::string_view d, std::size_t at) {
  const int year = prefix_number(d.substr(at), 4);
  return year >= 1900 && year <= 2099 && plausible_date(two(d, at + 6), two(d, at + 4));
}

// The 18 characters of a CURP (and the 13 of an RFC) may hold Ñ as written in UTF-8; compact()
// does not take it, so such a value fails: rare, and failing is the conservative side for a rule
// that needs a label anyway.
bool all_upper(std::string_view s) {
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

bool cn_resident_id_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 18) return false;
  if (!all_digits(std::string_view(s).substr(0, 17))) return false;
  if (!(all_digits(std::string_view(s).substr(17)) || s[17] == 'X')) return false;
  if (s[0] < '1' || s[0] > '8' || !plausible_yyyymmdd(s, 6)) return false;
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int total = 0;
  for (int i = 0; i < 17; ++i) total += kWeights[i] * digit(s[static_cast<std::size_t>(i)]);
  return "10X98765432"[total % 11] == s[17];
}

bool kr_rrn_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 13 || !all_digits(d) || all_same(d)) return false;
  if (!plausible_date(two(d, 4), two(d, 2))) return false;
  // Sex and century: 1-4 Koreans born in the 1900s/2000s, 5-8 foreign residents, 9/0 the 1800s.
  static constexpr int kWeights[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
  int total = 0;
  for (int i = 0; i < 12; ++i) total += kWeights[i] * digit(d[static_cast<std::size_t>(i)]);
  return (11 - total % 11) % 10 == digit(d[12]);
}

bool br_cpf_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 11 || !all_digits(d) || all_same(d)) return false;
  for (std::size_t n : {9u, 10u}) {
    int total = 0;
    for (std::size_t i = 0; i < n; ++i) total += digit(d[i]) * static_cast<int>(n + 1 - i);
    const int check = total * 10 % 11 % 10;
    if (check != digit(d[n])) return false;
  }
  return true;
}

bool hu_taj_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 9 || !all_digits(d) || all_same(d)) return false;
  int total = 0;
  for (std::size_t i = 0; i < 8; ++i) total += digit(d[i]) * (i % 2 == 0 ? 3 : 7);
  return total % 10 == digit(d[8]);
}

bool hu_tax_id_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 10 || !all_digits(d) || d[0] != '8') return false;
  int total = 0;
  for (std::size_t i = 0; i < 9; ++i) total += digit(d[i]) * static_cast<int>(i + 1);
  return total % 11 != 10 && total % 11 == digit(d[9]);
}

bool in_aadhaar_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 12 || !all_digits(d) || d[0] < '2') return false;
  if (all_same(d)) return false;
  // Verhoeff: the dihedral group D5's multiplication table, a position permutation, check 0.
  static constexpr int kD[10][10] = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
      {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
      {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
      {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
      {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  static constexpr int kP[8][10] = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
                                    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
                                    {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
                                    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
  int c = 0;
  for (std::size_t i = 0; i < 12; ++i) c = kD[c][kP[i % 8][digit(d[11 - i])]];
  return c == 0;
}

bool mx_curp_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 18) return false;
  const std::string_view v(s);
  if (!all_upper(v.substr(0, 4)) || !all_digits(v.substr(4, 6)) || !all_upper(v.substr(11, 5))) {
    return false;
  }
  if (s[10] != 'H' && s[10] != 'M' && s[10] != 'X') return false;
  if (!plausible_date(two(v, 8), two(v, 6)) || !all_digits(v.substr(17))) return false;
  // Check digit over the first 17 characters, "0-9A-NÑO-Z" numbered 0..36 (Ñ never occurs here).
  int total = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const char c = s[i];
    int n = 0;
    if (c >= '0' && c <= '9') {
      n = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      n = c - 'A' + 10 + (c > 'N' ? 1 : 0);
    } else {
      return false;
    }
    total += n * static_cast<int>(18 - i);
  }
  return (10 - total % 10) % 10 == digit(s[17]);
}

bool mx_rfc_person_valid(std::string_view value) {
  std::string s;
  if (!compact(value, &s) || s.size() != 13) return false;
  const std::string_view v(s);
  if (!all_upper(v.substr(0, 4)) || !all_digits(v.substr(4, 6))) return false;
  if (!plausible_date(two(v, 8), two(v, 6))) return false;
  // "0-9A-N&O-Z Ñ" numbered 0..38; '&' never survives compact(), so it is absent here too.
  int total = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    const char c = s[i];
    const int n = c <= '9' ? c - '0' : c - 'A' + 10 + (c > 'N' ? 1 : 0);
    total += n * static_cast<int>(13 - i);
  }
  const int r = total % 11;
  const int check = r == 0 ? 0 : 11 - r;
  return check == 10 ? s[12] == 'A' : s[12] == '0' + check;
}

bool mx_clabe_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 18 || !all_digits(d) || all_same(d)) return false;
  static constexpr int kWeights[3] = {3, 7, 1};
  int total = 0;
  for (std::size_t i = 0; i < 17; ++i) total += digit(d[i]) * kWeights[i % 3] % 10;
  return (10 - total % 10) % 10 == digit(d[17]);
}

bool il_id_valid(std::string_view value) {
  std::string d;
  if (!compact(value, &d) || d.size() != 9 || !all_digits(d) || all_same(d)) return false;
  // Companies and associations (ח.פ., עמותה) get nine digits starting with 5, with the same check
  // digit.
  return d[0] != '5' && luhn(d);
}

}  // namespace switchyard::policy
