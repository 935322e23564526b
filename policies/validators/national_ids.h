// Check digits and structure of national identifiers and payment card numbers (validators of the
// policy language, design 4.2). Each takes the matched value as written: spaces, '-', '.' and '/'
// between the characters are ignored, letters compare without case. A value that is not even the
// right shape fails.
#pragma once

#include <string_view>

namespace switchyard::policy {

// Luhn plus an issuer range and a length that a payment network uses (Visa, Mastercard, Amex,
// Discover, JCB, Diners, Maestro, UnionPay, Mir). Loyalty, gift and fleet cards with other
// leading digits (9xxx store cards, 7xxx fleet cards) fail even when their Luhn digit is right.
bool payment_card_valid(std::string_view value);

bool fr_nir_valid(std::string_view value);     // 15 digits (2A/2B for Corsica), key = 97 - n mod 97
bool de_tax_id_valid(std::string_view value);  // Steuer-ID: 11 digits, ISO 7064 MOD 11,10
bool es_dni_valid(std::string_view value);     // DNI 8 digits + letter, NIE X/Y/Z + 7 + letter
bool it_fiscal_code_valid(std::string_view value);    // codice fiscale: 16 characters, check letter
bool nl_bsn_valid(std::string_view value);            // BSN: 9 digits, the "11-proof"
bool uk_nino_valid(std::string_view value);           // National Insurance number: prefix rules
bool uk_nhs_valid(std::string_view value);            // NHS number: 10 digits, mod 11
bool jp_my_number_valid(std::string_view value);      // My Number: 12 digits, mod 11 check digit
bool pl_pesel_valid(std::string_view value);          // PESEL: 11 digits, date and weighted check
bool pt_nif_valid(std::string_view value);            // NIF: 9 digits, mod 11
bool se_personnummer_valid(std::string_view value);   // personnummer: (YY)YYMMDD-NNNC, date, Luhn
bool dk_cpr_valid(std::string_view value);            // CPR-nummer: DDMMYY-NNNN, date, mod 11
bool no_fodselsnummer_valid(std::string_view value);  // fødselsnummer: 11 digits, two mod-11 digits
bool fi_hetu_valid(
    std::string_view value);  // henkilötunnus: DDMMYY, century sign, NNN, mod-31 char
bool cz_rodne_cislo_valid(
    std::string_view value);                 // rodné číslo: YYMMDD/NNNC, date, 10 digits mod 11
bool ro_cnp_valid(std::string_view value);   // CNP: 13 digits, date, county, weighted check
bool gr_amka_valid(std::string_view value);  // AMKA: DDMMYY + 5 digits, date, Luhn
bool tr_tckn_valid(std::string_view value);  // T.C. Kimlik No: 11 digits, two check digits

}  // namespace switchyard::policy
