#include "policies/validators/validators.h"

#include <gtest/gtest.h>

namespace switchyard::policy {
namespace {

TEST(Validators, Luhn) {
  EXPECT_TRUE(luhn_valid("4539 1488 0343 6467"));
  EXPECT_TRUE(luhn_valid("4539-1488-0343-6467"));
  EXPECT_TRUE(luhn_valid("378282246310005"));       // Amex, 15 digits
  EXPECT_FALSE(luhn_valid("4539 1488 0343 6468"));  // last digit off
  EXPECT_FALSE(luhn_valid("0000 0000 0000 0000"));  // all zeros passes the sum, not a card
  EXPECT_FALSE(luhn_valid("12345678901"));          // too short
  EXPECT_FALSE(luhn_valid("4539x1488y0343z6467"));  // not only digits and separators
}

TEST(Validators, Iban) {
  EXPECT_TRUE(iban_valid("DE89370400440532013000"));
  EXPECT_TRUE(iban_valid("DE89 3704 0044 0532 0130 00"));
  EXPECT_TRUE(iban_valid("gb82west12345698765432"));  // case does not matter
  EXPECT_TRUE(iban_valid("FR1420041010050500013M02606"));
  EXPECT_FALSE(iban_valid("DE88370400440532013000"));  // check digits wrong
  EXPECT_FALSE(iban_valid("DE8937040044053201300"));   // Germany is 22 long
  EXPECT_FALSE(iban_valid("ZZ89370400440532013000"));  // no such country
  EXPECT_FALSE(iban_valid("DE89-3704-0044-0532-01$0"));
}

TEST(Validators, IbanReadBackFromAScan) {
  // OCR's O, I/l, S, B for 0, 1, 5, 8 where Germany's account format has digits.
  EXPECT_TRUE(iban_valid("DE89 37O4 0044 0532 Ol30 00"));
  EXPECT_TRUE(iban_valid("DE89 3704 0044 0S32 0130 00"));
  EXPECT_TRUE(iban_valid("de89 3704 0044 0532 0l30 00"));
  EXPECT_FALSE(iban_valid("DE89 37O4 0044 0532 Ol30 01"));  // read back, mod-97 fails
  EXPECT_FALSE(iban_valid("DE89 37O4 OO44 O532 Ol30 00"));  // six letters: not a misread
  EXPECT_FALSE(iban_valid("DE89 37X4 0044 0532 0130 00"));  // X is no digit OCR confuses
  // Where the format has letters (the Dutch bank code), a letter stays a letter.
  EXPECT_TRUE(iban_valid("NL91ABNA0417164300"));
  EXPECT_FALSE(iban_valid("NL91ABNA04l7l643OO"));  // four letters: not a misread
  EXPECT_TRUE(iban_valid("NL91ABNA04l7l64300"));   // two: read back, it passes
}

TEST(Validators, UsSsn) {
  EXPECT_TRUE(us_ssn_valid("536-22-8730"));
  EXPECT_TRUE(us_ssn_valid("536 22 8730"));
  EXPECT_TRUE(us_ssn_valid("536228730"));
  EXPECT_FALSE(us_ssn_valid("000-22-8730"));  // area 000
  EXPECT_FALSE(us_ssn_valid("666-22-8730"));  // area 666
  EXPECT_FALSE(us_ssn_valid("912-22-8730"));  // area 9xx
  EXPECT_FALSE(us_ssn_valid("536-00-8730"));  // group 00
  EXPECT_FALSE(us_ssn_valid("536-22-0000"));  // serial 0000
  EXPECT_FALSE(us_ssn_valid("078-05-1120"));  // the Woolworth wallet card
  EXPECT_FALSE(us_ssn_valid("219-09-9999"));  // SSA advertisement
  EXPECT_FALSE(us_ssn_valid("123-45-6789"));
  EXPECT_FALSE(us_ssn_valid("536-22 8730"));  // mixed separators
  EXPECT_FALSE(us_ssn_valid("536-22-873"));   // 8 digits
}

TEST(Validators, NotTextbookType7) {
  // type 7 of "cisco" with seeds 02 and 13, of "class" with seed 10: a textbook's example
  EXPECT_FALSE(not_textbook_type7("02050D480809"));
  EXPECT_FALSE(not_textbook_type7("13061E010803"));
  EXPECT_FALSE(not_textbook_type7("104D05181604"));
  // type 7 of a real password, and values that are no type 7 string
  EXPECT_TRUE(not_textbook_type7("0468040B02245E1C594B53"));
  EXPECT_TRUE(not_textbook_type7("Zw7USe3srQ9x"));
  EXPECT_TRUE(not_textbook_type7("99050D480809"));
  EXPECT_TRUE(not_textbook_type7("$1$abcd$efghijklmnopqrstuvwxyz"));
}

TEST(Validators, LettersLookRandom) {
  // generated letters: a lone lower-case letter between capitals, or capitals after lower case
  EXPECT_TRUE(letters_look_random("wQzRtbXkPn"));
  EXPECT_TRUE(letters_look_random("kXfLmNqTzr"));
  EXPECT_TRUE(letters_look_random("BzxTvKwpLq"));
  EXPECT_TRUE(letters_look_random("WbmTqzKrvX"));  // camelCase's shape, but no vowel
  // anything but letters is left to the other validators
  EXPECT_TRUE(letters_look_random("hunter2"));
  EXPECT_TRUE(letters_look_random("Zw7USe3srQ9x"));
  // words, identifiers, placeholders and short values
  EXPECT_FALSE(letters_look_random("getSecretFromStore"));  // camelCase
  EXPECT_FALSE(letters_look_random("loadTLSCert"));         // two case changes only
  EXPECT_FALSE(letters_look_random("readPGPass"));
  EXPECT_FALSE(letters_look_random("HTTPBasicAuth"));
  EXPECT_FALSE(letters_look_random("CHANGEME"));
  EXPECT_FALSE(letters_look_random("Vergessen"));
  EXPECT_FALSE(letters_look_random("YourPassword"));
  EXPECT_FALSE(letters_look_random("xKqWz"));     // too short
  EXPECT_FALSE(letters_look_random("qwrtzkpl"));  // one case
}

TEST(Validators, NotTestKey) {
  EXPECT_TRUE(not_test_key("sk_live_51Hq8ZtKx2mPq7vLw3nB9cD4f"));
  EXPECT_TRUE(not_test_key("Zw7USe3srQ9"));
  EXPECT_TRUE(not_test_key("contest_entry_key"));  // only a prefix counts
  EXPECT_FALSE(not_test_key("sk_test_51Hq8ZtKx2mPq7vLw3nB9cD4f"));
  EXPECT_FALSE(not_test_key("test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"));
  EXPECT_FALSE(not_test_key("rzp_test_1DP5mmOlF5G5ag"));
}

TEST(Validators, Entropy) {
  EXPECT_DOUBLE_EQ(shannon_entropy("aaaa"), 0.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("abab"), 1.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("abcd"), 2.0);
  std::string error;
  auto v = parse_validator("entropy:3.5", &error);
  ASSERT_TRUE(v.has_value()) << error;
  EXPECT_TRUE(validate(*v, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq9bX4mK2p"));
  EXPECT_FALSE(validate(*v, "aaaaaaaaaaaaaaaabbbbbbbbbbbb"));
}

TEST(Validators, ParseNames) {
  std::string error;
  EXPECT_TRUE(parse_validator("luhn", &error));
  EXPECT_TRUE(parse_validator("iban", &error));
  EXPECT_TRUE(parse_validator("us_ssn", &error));
  EXPECT_FALSE(parse_validator("lunh", &error));
  EXPECT_NE(error.find(
                "luhn, payment_card, iban, us_ssn, fr_nir, de_tax_id, es_dni, "
                "it_fiscal_code, nl_bsn, uk_nino, uk_nhs, jp_my_number, pl_pesel, pt_nif, "
                "se_personnummer, dk_cpr, no_fodselsnummer, fi_hetu, cz_rodne_cislo, "
                "ro_cnp, gr_amka, tr_tckn, cn_resident_id, kr_rrn, br_cpf, hu_taj, "
                "hu_tax_id, in_aadhaar, mx_curp, mx_rfc_person, mx_clabe, il_id, de_kvnr, de_rvnr, "
                "es_nuss, pt_niss, pt_cc, pl_id_card, icao_mrz, document_number, fr_rib, "
                "es_ccc, pt_nib, pl_nrb, nl_account, phone_number, bip39_phrase, "
                "not_test_key, not_textbook_type7, letters_look_random, entropy:<bits per char>"),
            std::string::npos);
  // Every validator is in the message (not_test_key was once left out of it).
  for (const auto name : validator_names()) {
    EXPECT_NE(error.find(std::string(name) + (name == "entropy" ? ":" : ",")), std::string::npos)
        << name;
  }
  EXPECT_FALSE(parse_validator("entropy:", &error));
  EXPECT_FALSE(parse_validator("entropy:abc", &error));
  EXPECT_FALSE(parse_validator("entropy:9", &error));
  EXPECT_EQ(to_string(*parse_validator("entropy:3.5", &error)), "entropy:3.5");
}

}  // namespace
}  // namespace switchyard::policy
