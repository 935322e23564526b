// Check digits and structure of national identifiers outside Europe (validators of the policy
// language, design 4.2), as national_ids.h: the matched value as written, spaces, '-', '.' and '/'
// between the characters ignored, letters without case; a value of the wrong shape fails.
#pragma once

#include <string_view>

namespace switchyard::policy {

bool cn_resident_id_valid(std::string_view value);  // 居民身份证: region, YYYYMMDD, GB 11643 check
bool kr_rrn_valid(std::string_view value);      // 주민등록번호: YYMMDD-GNNNNNC, date, mod 11
bool br_cpf_valid(std::string_view value);      // CPF: 11 digits, two mod-11 check digits
bool hu_taj_valid(std::string_view value);      // TAJ: 9 digits, weights 3/7, mod 10
bool hu_tax_id_valid(std::string_view value);   // adóazonosító jel: 8 + 9 digits, mod 11
bool in_aadhaar_valid(std::string_view value);  // Aadhaar: 12 digits, not 0/1 first, Verhoeff
bool mx_curp_valid(std::string_view value);     // CURP: 18 characters, date, state, mod 10
bool mx_rfc_person_valid(std::string_view value);  // RFC of a person: 13 characters, mod 11
bool mx_clabe_valid(std::string_view value);       // CLABE: 18 digits, weights 3/7/1, mod 10
bool il_id_valid(std::string_view value);  // Teudat Zehut: 9 digits, Luhn; not starting with 5

}  // namespace switchyard::policy
