// Check digits of identity documents, health insurance numbers and national bank account numbers
// of the countries whose languages the packs cover (validators of the policy language, design
// 4.2), as national_ids.h: the matched value as written, spaces, '-', '.' and '/' between the
// characters ignored, letters without case; a value of the wrong shape fails.
#pragma once

#include <string_view>

namespace switchyard::policy {

// Identity documents and health insurance
bool de_kvnr_valid(std::string_view value);  // Krankenversichertennummer: letter, 8 digits, check
bool es_nuss_valid(std::string_view value);  // NUSS: province, 8 digits, mod-97 pair
// Rentenversicherungsnummer (German pension and social insurance number): area 2 digits, birth
// date DDMMYY, the surname's initial, serial 2 digits, check digit
bool de_rvnr_valid(std::string_view value);
bool pt_niss_valid(std::string_view value);  // NISS of a person: 11 digits starting with 1
bool pt_cc_valid(std::string_view value);  // Cartão de Cidadão: 8 digits, check, 2 letters, check
bool pl_id_card_valid(std::string_view value);  // dowód osobisty: 3 letters, check digit, 5 digits
bool icao_mrz_valid(std::string_view value);    // passport MRZ line 2 (TD3): four checks, composite
// A passport or licence number next to its label: 6 to 16 letters and digits with at least one
// digit and at least three different characters (blank forms write XXXXXXXXX or 000000000).
bool document_number_valid(std::string_view value);

// Bank accounts in their national (pre-IBAN) formats
bool fr_rib_valid(std::string_view value);      // RIB: bank 5, branch 5, account 11, key 97 - ...
bool es_ccc_valid(std::string_view value);      // CCC: entity 4, office 4, two control digits, 10
bool pt_nib_valid(std::string_view value);      // NIB: 21 digits, 98 - n*100 mod 97
bool pl_nrb_valid(std::string_view value);      // NRB: 26 digits, the Polish IBAN without "PL"
bool nl_account_valid(std::string_view value);  // old Dutch account: 9 digits passing the 11-proof

// Contact details
// A phone number as written (any separators, '+', parentheses): 6 to 15 digits that are not a
// placeholder. Forms, format hints and documentation fill numbers with zeros (+49 40 000000-0,
// 03-0000-0000) or count up (06 12 34 56 78, 333 123 4567, 0800 123 4567): the number fails when
// six digits in a row repeat one digit or count up or down, or when its last four are zeros
// (+39 02 0000 0000 read as "+39 02 0000").
bool phone_number_valid(std::string_view value);

}  // namespace switchyard::policy
