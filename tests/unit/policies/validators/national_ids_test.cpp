// Check digits of national identifiers and the payment-card validator (issue 17): a published or
// hand-computed valid value passes, with the separators people write; one changed digit fails; a
// value of the wrong shape fails. Then the validator names in a policy file.
#include <gtest/gtest.h>

#include <string>

#include "policies/validators/national_ids.h"
#include "policies/validators/validators.h"

namespace switchyard::policy {
namespace {

TEST(NationalIds, FrenchNir) {
  EXPECT_TRUE(fr_nir_valid("1 85 05 78 006 084 91"));
  EXPECT_TRUE(fr_nir_valid("185057800608491"));
  EXPECT_FALSE(fr_nir_valid("1 85 05 78 006 084 92"));  // key
  EXPECT_FALSE(fr_nir_valid("1 85 05 78 006 184 91"));  // a digit
  EXPECT_FALSE(fr_nir_valid("1850578006084"));          // no key
}

TEST(NationalIds, GermanTaxId) {
  EXPECT_TRUE(de_tax_id_valid("86095742719"));
  EXPECT_TRUE(de_tax_id_valid("86 095 742 719"));
  EXPECT_FALSE(de_tax_id_valid("86095742718"));
  EXPECT_FALSE(de_tax_id_valid("06095742719"));  // never starts with 0
}

TEST(NationalIds, SpanishDniAndNie) {
  EXPECT_TRUE(es_dni_valid("12345678Z"));
  EXPECT_TRUE(es_dni_valid("12345678-z"));
  EXPECT_FALSE(es_dni_valid("12345678A"));
  EXPECT_TRUE(es_dni_valid("X1234567L"));
  EXPECT_FALSE(es_dni_valid("X1234567T"));
  EXPECT_FALSE(es_dni_valid("1234567Z"));
}

TEST(NationalIds, ItalianFiscalCode) {
  EXPECT_TRUE(it_fiscal_code_valid("RSSMRA85T10A562S"));
  EXPECT_FALSE(it_fiscal_code_valid("RSSMRA85T10A562T"));
  EXPECT_FALSE(it_fiscal_code_valid("RSSMRA85T10A56"));
}

TEST(NationalIds, DutchBsn) {
  EXPECT_TRUE(nl_bsn_valid("111222333"));
  EXPECT_TRUE(nl_bsn_valid("1112.22.333"));
  EXPECT_FALSE(nl_bsn_valid("111222334"));
  EXPECT_FALSE(nl_bsn_valid("000000000"));
}

TEST(NationalIds, UkNinoAndNhs) {
  EXPECT_TRUE(uk_nino_valid("AB123456C"));
  EXPECT_TRUE(uk_nino_valid("AB 12 34 56 C"));
  EXPECT_FALSE(uk_nino_valid("BG123456C"));  // a prefix never issued
  EXPECT_FALSE(uk_nino_valid("DA123456C"));  // D is never a first letter
  EXPECT_FALSE(uk_nino_valid("AB123456E"));  // suffix A-D only
  EXPECT_TRUE(uk_nhs_valid("943 476 5919"));
  EXPECT_FALSE(uk_nhs_valid("943 476 5918"));
}

TEST(NationalIds, JapaneseMyNumberPolishPeselPortugueseNif) {
  EXPECT_TRUE(jp_my_number_valid("1234 5678 9018"));
  EXPECT_FALSE(jp_my_number_valid("1234 5678 9017"));
  EXPECT_TRUE(pl_pesel_valid("44051401359"));
  EXPECT_FALSE(pl_pesel_valid("44051401358"));
  EXPECT_TRUE(pt_nif_valid("123456789"));
  EXPECT_TRUE(pt_nif_valid("123 456 789"));
  EXPECT_FALSE(pt_nif_valid("123456788"));
}

TEST(NationalIds, NordicPersonalNumbers) {
  EXPECT_TRUE(se_personnummer_valid("811228-9874"));  // Skatteverket's example
  EXPECT_TRUE(se_personnummer_valid("19811228-9874"));
  EXPECT_TRUE(se_personnummer_valid("198112289874"));
  EXPECT_FALSE(se_personnummer_valid("811228-9875"));    // Luhn
  EXPECT_FALSE(se_personnummer_valid("811328-9873"));    // month 13 (Luhn passes)
  EXPECT_FALSE(se_personnummer_valid("15811228-9874"));  // no such century
  EXPECT_TRUE(dk_cpr_valid("110375-6665"));
  EXPECT_TRUE(dk_cpr_valid("0801858791"));
  EXPECT_FALSE(dk_cpr_valid("110375-6666"));  // mod 11
  EXPECT_FALSE(dk_cpr_valid("321375-0045"));  // day 32 (mod 11 passes)
  EXPECT_TRUE(no_fodselsnummer_valid("03095618757"));
  EXPECT_TRUE(no_fodselsnummer_valid("041069 28687"));
  EXPECT_FALSE(no_fodselsnummer_valid("03095618758"));  // second check digit
  EXPECT_FALSE(no_fodselsnummer_valid("03095618857"));  // first check digit
  EXPECT_TRUE(fi_hetu_valid("131052-308T"));            // DVV's example
  EXPECT_TRUE(fi_hetu_valid("191075-052B"));
  EXPECT_TRUE(fi_hetu_valid("120565-815u"));
  EXPECT_FALSE(fi_hetu_valid("131052-308U"));  // check character
  EXPECT_FALSE(fi_hetu_valid("131052G308T"));  // no such century sign
  EXPECT_FALSE(fi_hetu_valid("131052-3080"));
}

TEST(NationalIds, CzechRomanianGreekTurkishPersonalNumbers) {
  EXPECT_TRUE(cz_rodne_cislo_valid("560417/4444"));
  EXPECT_TRUE(cz_rodne_cislo_valid("9010043812"));
  EXPECT_FALSE(cz_rodne_cislo_valid("560417/4445"));  // not divisible by 11
  EXPECT_FALSE(cz_rodne_cislo_valid("561417/4445"));  // month 14 (mod 11 passes)
  EXPECT_TRUE(ro_cnp_valid("1650214364351"));
  EXPECT_TRUE(ro_cnp_valid("1950904370623"));
  EXPECT_FALSE(ro_cnp_valid("1650214364352"));  // check digit
  EXPECT_FALSE(ro_cnp_valid("1650214994359"));  // county 99 (check passes)
  EXPECT_TRUE(gr_amka_valid("02105736579"));
  EXPECT_TRUE(gr_amka_valid("20048187114"));
  EXPECT_FALSE(gr_amka_valid("02105736578"));  // Luhn
  EXPECT_FALSE(gr_amka_valid("02135736573"));  // month 13 (Luhn passes)
  EXPECT_TRUE(tr_tckn_valid("10000000146"));
  EXPECT_FALSE(tr_tckn_valid("10000000147"));  // eleventh digit
  EXPECT_FALSE(tr_tckn_valid("10000000156"));  // tenth digit
  EXPECT_FALSE(tr_tckn_valid("00000000146"));  // never starts with 0
}

TEST(NationalIds, PaymentCardNeedsAnIssuerRangeAsWellAsLuhn) {
  EXPECT_TRUE(payment_card_valid("4539 1488 0343 6467"));   // Visa
  EXPECT_TRUE(payment_card_valid("378282246310005"));       // Amex, 15 digits
  EXPECT_FALSE(payment_card_valid("4539 1488 0343 6468"));  // Luhn fails
  // A Luhn-valid store or loyalty number (9xxx) is no payment card; plain luhn still passes it.
  EXPECT_FALSE(payment_card_valid("9773132281718004"));
  EXPECT_TRUE(luhn_valid("9773132281718004"));
}

TEST(NationalIds, ValidatorNamesLoad) {
  std::string error;
  for (const char* name :
       {"payment_card", "fr_nir", "de_tax_id", "es_dni", "it_fiscal_code", "nl_bsn", "uk_nino",
        "uk_nhs", "jp_my_number", "pl_pesel", "pt_nif", "se_personnummer", "dk_cpr",
        "no_fodselsnummer", "fi_hetu", "cz_rodne_cislo", "ro_cnp", "gr_amka", "tr_tckn"}) {
    const auto v = parse_validator(name, &error);
    ASSERT_TRUE(v.has_value()) << name << ": " << error;
    EXPECT_EQ(to_string(*v), name);
  }
  const auto v = parse_validator("es_dni", &error);
  EXPECT_TRUE(validate(*v, "12345678Z"));
  EXPECT_FALSE(validate(*v, "12345678A"));
}

}  // namespace
}  // namespace switchyard::policy
