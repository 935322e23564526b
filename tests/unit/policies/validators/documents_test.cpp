// Check digits of identity documents, health insurance numbers and national bank accounts: the
// specifications' own examples pass, the same values with one character changed fail, and the
// look-alikes (companies' numbers, specimens, blank forms) fail.
#include "policies/validators/documents.h"

#include <gtest/gtest.h>

#include <string>

#include "policies/validators/validators.h"

namespace switchyard::policy {
namespace {

TEST(Documents, GermanHealthInsuranceNumber) {
  EXPECT_TRUE(de_kvnr_valid("A123456780"));  // the GKV-Spitzenverband's example
  EXPECT_TRUE(de_kvnr_valid("a123456780"));
  EXPECT_FALSE(de_kvnr_valid("A123456781"));  // check digit
  EXPECT_FALSE(de_kvnr_valid("B123456780"));  // the letter counts
  EXPECT_FALSE(de_kvnr_valid("1123456780"));  // no letter
  EXPECT_FALSE(de_kvnr_valid("A12345678"));   // too short
}

TEST(Documents, GermanPensionInsuranceNumber) {
  EXPECT_TRUE(de_rvnr_valid("10010490A443"));  // the example of the check digit's description
  EXPECT_TRUE(de_rvnr_valid("10 010490 A 443"));
  EXPECT_TRUE(de_rvnr_valid("53 141172 s 128"));
  EXPECT_FALSE(de_rvnr_valid("10010490A444"));  // check digit
  EXPECT_FALSE(de_rvnr_valid("10010490B443"));  // the initial counts
  EXPECT_FALSE(de_rvnr_valid("01010490A443"));  // no area 01
  EXPECT_FALSE(de_rvnr_valid("10011390A443"));  // no month 13
  EXPECT_FALSE(de_rvnr_valid("100104901443"));  // no initial
}

TEST(Documents, SpanishSocialSecurityNumber) {
  EXPECT_TRUE(es_nuss_valid("28 12345678 40"));
  EXPECT_TRUE(es_nuss_valid("28/12345678/40"));
  EXPECT_TRUE(es_nuss_valid("281234567840"));
  EXPECT_FALSE(es_nuss_valid("28 12345678 41"));
  EXPECT_FALSE(es_nuss_valid("99 12345678 40"));  // no province 99
}

TEST(Documents, PortugueseSocialSecurityNumberOfAPerson) {
  EXPECT_TRUE(pt_niss_valid("12345678902"));
  EXPECT_FALSE(pt_niss_valid("12345678903"));
  EXPECT_FALSE(pt_niss_valid("22345678903"));  // valid, but a company's (first digit 2)
  EXPECT_FALSE(pt_niss_valid("1234567890"));
}

TEST(Documents, PortugueseCitizenCard) {
  EXPECT_TRUE(pt_cc_valid("12345678 9 ZZ1"));
  EXPECT_TRUE(pt_cc_valid("123456789ZZ1"));
  EXPECT_FALSE(pt_cc_valid("12345678 9 ZZ2"));  // last check digit
  EXPECT_FALSE(pt_cc_valid("12345678 8 ZZ1"));  // civil number's check digit
  EXPECT_FALSE(pt_cc_valid("00000000 0 ZZ4"));  // the manual's example
}

TEST(Documents, PolishIdCard) {
  EXPECT_TRUE(pl_id_card_valid("ABA300000"));  // the published example
  EXPECT_TRUE(pl_id_card_valid("ABA 300000"));
  EXPECT_FALSE(pl_id_card_valid("ABA400000"));
  EXPECT_FALSE(pl_id_card_valid("AB3000000"));
}

TEST(Documents, PassportMachineReadableZone) {
  // ICAO Doc 9303's example: every check digit holds, but its issuing state is Utopia.
  EXPECT_FALSE(icao_mrz_valid("L898902C36UTO7408122F1204159ZE184226B<<<<<10"));
  // The same line with a real state code: nationality is outside the check digits.
  EXPECT_TRUE(icao_mrz_valid("L898902C36D<<7408122F1204159ZE184226B<<<<<10"));
  EXPECT_FALSE(icao_mrz_valid("L898902C37D<<7408122F1204159ZE184226B<<<<<10"));  // number
  EXPECT_FALSE(icao_mrz_valid("L898902C36D<<7408132F1204159ZE184226B<<<<<10"));  // birth date
  EXPECT_FALSE(icao_mrz_valid("L898902C36D<<7408122F1204159ZE184226B<<<<<11"));  // composite
  EXPECT_FALSE(icao_mrz_valid("L898902C36D<<7408122F1204159ZE184226B<<<<<1"));   // 43 chars
}

TEST(Documents, DocumentNumberNextToItsLabel) {
  EXPECT_TRUE(document_number_valid("C01X00T47"));
  EXPECT_TRUE(document_number_valid("FD8WCXSR5"));
  EXPECT_TRUE(document_number_valid("113002658"));
  EXPECT_FALSE(document_number_valid("XXXXXXXXX"));  // blank form
  EXPECT_FALSE(document_number_valid("000000000"));
  EXPECT_FALSE(document_number_valid("A0A0A0A0A"));  // fewer than three characters
  EXPECT_FALSE(document_number_valid("A1234"));      // too short
  // six digits counting up or down: a form's or a help page's placeholder
  EXPECT_FALSE(document_number_valid("X1234567"));
  EXPECT_FALSE(document_number_valid("P-876543-2"));
  EXPECT_TRUE(document_number_valid("X1234587"));  // five in a row is a number like any other
  EXPECT_TRUE(document_number_valid("R45678Q9"));
}

TEST(Documents, FrenchRib) {
  EXPECT_TRUE(fr_rib_valid("30004 00550 00020033567 63"));
  EXPECT_TRUE(fr_rib_valid("30004005500002003356763"));
  EXPECT_FALSE(fr_rib_valid("30004 00550 00020033567 64"));
  EXPECT_FALSE(fr_rib_valid("30004 00550 00020033567"));
}

TEST(Documents, SpanishCcc) {
  EXPECT_TRUE(es_ccc_valid("2085 0103 92 0300731702"));
  EXPECT_TRUE(es_ccc_valid("20850103920300731702"));
  EXPECT_FALSE(es_ccc_valid("2085 0103 93 0300731702"));  // second control digit
  EXPECT_FALSE(es_ccc_valid("2085 0103 82 0300731702"));  // first control digit
}

TEST(Documents, PortugueseNib) {
  EXPECT_TRUE(pt_nib_valid("0035 0651 00000020201 83"));
  EXPECT_FALSE(pt_nib_valid("0035 0651 00000020201 84"));
  EXPECT_FALSE(pt_nib_valid("0035 0651 00000020201"));
}

TEST(Documents, PolishNrb) {
  EXPECT_TRUE(pl_nrb_valid("61 1090 1014 0000 0712 1981 2874"));  // PL61 1090 ... without PL
  EXPECT_TRUE(pl_nrb_valid("61109010140000071219812874"));
  EXPECT_FALSE(pl_nrb_valid("61 1090 1014 0000 0712 1981 2875"));
  EXPECT_FALSE(pl_nrb_valid("00000000000000000000000000"));
}

TEST(Documents, OldDutchAccountNumber) {
  EXPECT_TRUE(nl_account_valid("12.34.56.789"));
  EXPECT_TRUE(nl_account_valid("123456789"));
  EXPECT_FALSE(nl_account_valid("123456788"));
  EXPECT_FALSE(nl_account_valid("1234567"));  // a Postbank giro number has no check
}

TEST(Documents, PhoneNumberIsNoPlaceholder) {
  EXPECT_TRUE(phone_number_valid("+49 (0)171 583 9527"));
  EXPECT_TRUE(phone_number_valid("06 70 45 01 56"));
  EXPECT_TRUE(phone_number_valid("03-5412-8870"));
  EXPECT_TRUE(phone_number_valid("0612345078"));  // a run of five is a number like any other
  EXPECT_TRUE(phone_number_valid("+1 415 867 5309"));
  EXPECT_FALSE(phone_number_valid("+1 555 0100"));  // North American numbers have ten digits
  // zero-filled and repeated subscriber parts
  EXPECT_FALSE(phone_number_valid("+49 40 000000-0"));
  EXPECT_FALSE(phone_number_valid("03-0000-0000"));
  EXPECT_FALSE(phone_number_valid("+39 02 0000 0000"));
  EXPECT_FALSE(phone_number_valid("0171 999999"));
  EXPECT_FALSE(phone_number_valid("+49 40 000000-99"));  // an extension after the zeros
  EXPECT_TRUE(phone_number_valid("0171 999989"));        // one digit changed: a number
  EXPECT_FALSE(phone_number_valid("+39 02 0000"));
  EXPECT_TRUE(phone_number_valid("+39 02 0100"));
  // counting up or down: format hints and examples
  EXPECT_FALSE(phone_number_valid("06 12 34 56 78"));
  EXPECT_FALSE(phone_number_valid("333 123 4567"));
  EXPECT_FALSE(phone_number_valid("Ex.: 912 345 678"));
  EXPECT_FALSE(phone_number_valid("0800 123 4567"));
  EXPECT_FALSE(phone_number_valid("+1 (987) 654-3210"));
  EXPECT_FALSE(phone_number_valid("0123 / 567890"));  // 9 -> 0 counts up too
  // the boundaries: six in a row fail, five pass
  EXPECT_FALSE(phone_number_valid("0179 234567"));
  EXPECT_TRUE(phone_number_valid("0179 234568"));
  EXPECT_FALSE(phone_number_valid("0179 765432"));
  EXPECT_TRUE(phone_number_valid("0179 765431"));
  EXPECT_FALSE(phone_number_valid("0178 888889"));  // six 8s across the groups
  EXPECT_TRUE(phone_number_valid("0173 888889"));
  EXPECT_FALSE(phone_number_valid("06 12 34 56 79"));    // 123456 still counts up
  EXPECT_TRUE(phone_number_valid("06 12 34 96 78"));     // one digit changed: a number
  EXPECT_FALSE(phone_number_valid("12345"));             // too short for a phone
  EXPECT_FALSE(phone_number_valid("1234567890123456"));  // too long
}

TEST(Documents, NamedInThePolicyLanguage) {
  for (const char* name :
       {"de_kvnr", "de_rvnr", "es_nuss", "pt_niss", "pt_cc", "pl_id_card", "icao_mrz",
        "document_number", "fr_rib", "es_ccc", "pt_nib", "pl_nrb", "nl_account", "phone_number"}) {
    std::string error;
    EXPECT_TRUE(parse_validator(name, &error).has_value()) << name << ": " << error;
  }
  std::string error;
  const auto v = parse_validator("pl_nrb", &error);
  ASSERT_TRUE(v.has_value());
  EXPECT_TRUE(validate(*v, "61 1090 1014 0000 0712 1981 2874"));
  EXPECT_EQ(to_string(*v), "pl_nrb");
}

}  // namespace
}  // namespace switchyard::policy
