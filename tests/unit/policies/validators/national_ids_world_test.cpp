// Check digits of the national identifiers outside Europe: published sample numbers pass, the same
// numbers with one digit changed fail, and the company numbers of the same countries fail.
#include "policies/validators/national_ids_world.h"

#include <gtest/gtest.h>

#include <string>

#include "policies/validators/validators.h"

namespace switchyard::policy {
namespace {

TEST(NationalIdsWorld, ChineseResidentId) {
  EXPECT_TRUE(cn_resident_id_valid("11010519491231002X"));  // GB 11643's own example
  EXPECT_TRUE(cn_resident_id_valid("11010519491231002x"));  // lower-case X
  EXPECT_TRUE(cn_resident_id_valid("360426199101010071"));
  EXPECT_FALSE(cn_resident_id_valid("110105194912310021"));  // check character
  EXPECT_FALSE(cn_resident_id_valid("360426199101010072"));
  EXPECT_FALSE(cn_resident_id_valid("360426199113010071"));  // month 13
  EXPECT_FALSE(cn_resident_id_valid("36042619910101007"));   // 17 characters
  // A company's unified social credit code has letters in the body.
  EXPECT_FALSE(cn_resident_id_valid("91110105FQEFLCR634"));
}

TEST(NationalIdsWorld, KoreanResidentRegistrationNumber) {
  EXPECT_TRUE(kr_rrn_valid("971013-9019902"));
  EXPECT_TRUE(kr_rrn_valid("9710139019902"));
  EXPECT_FALSE(kr_rrn_valid("971013-9019903"));  // check digit
  EXPECT_FALSE(kr_rrn_valid("971313-9019902"));  // month 13
  EXPECT_FALSE(kr_rrn_valid("183-77-83536"));    // a business registration number
}

TEST(NationalIdsWorld, BrazilianCpf) {
  EXPECT_TRUE(br_cpf_valid("390.533.447-05"));
  EXPECT_TRUE(br_cpf_valid("39053344705"));
  EXPECT_FALSE(br_cpf_valid("390.533.447-06"));      // second check digit
  EXPECT_FALSE(br_cpf_valid("390.533.447-15"));      // first check digit
  EXPECT_FALSE(br_cpf_valid("111.111.111-11"));      // passes both checks, never issued
  EXPECT_FALSE(br_cpf_valid("11.222.333/0001-81"));  // a company's CNPJ
}

TEST(NationalIdsWorld, HungarianTajAndTaxId) {
  EXPECT_TRUE(hu_taj_valid("123 456 788"));
  EXPECT_TRUE(hu_taj_valid("123-456-788"));
  EXPECT_FALSE(hu_taj_valid("123 456 789"));
  EXPECT_FALSE(hu_taj_valid("1234567880"));
  EXPECT_TRUE(hu_tax_id_valid("8071592153"));
  EXPECT_FALSE(hu_tax_id_valid("8071592154"));
  EXPECT_FALSE(hu_tax_id_valid("7071592153"));     // a person's tax id starts with 8
  EXPECT_FALSE(hu_tax_id_valid("93016618-2-03"));  // a company's adószám
}

TEST(NationalIdsWorld, AadhaarVerhoeff) {
  EXPECT_TRUE(in_aadhaar_valid("2341 2341 2346"));
  EXPECT_TRUE(in_aadhaar_valid("234123412346"));
  EXPECT_FALSE(in_aadhaar_valid("234123412347"));  // Verhoeff
  EXPECT_FALSE(in_aadhaar_valid("234123412364"));  // two digits swapped: Verhoeff catches it
  EXPECT_FALSE(in_aadhaar_valid("123412341234"));  // never starts with 0 or 1
  EXPECT_FALSE(in_aadhaar_valid("23412341234"));   // 11 digits
}

TEST(NationalIdsWorld, MexicanCurpRfcAndClabe) {
  EXPECT_TRUE(mx_curp_valid("BOXW310820HNERXN09"));
  EXPECT_TRUE(mx_curp_valid("HEGG560427MVZRRL04"));
  EXPECT_FALSE(mx_curp_valid("BOXW310820HNERXN08"));  // check digit
  EXPECT_FALSE(mx_curp_valid("BOXW311320HNERXN09"));  // month 13
  EXPECT_FALSE(mx_curp_valid("BOXW310820QNERXN09"));  // sex is H, M or X
  EXPECT_TRUE(mx_rfc_person_valid("GODE561231GR8"));
  EXPECT_FALSE(mx_rfc_person_valid("GODE561231GR7"));
  EXPECT_FALSE(mx_rfc_person_valid("GODE561331GR8"));  // month 13
  // A company's RFC has 12 characters (three letters), even with a valid check.
  EXPECT_FALSE(mx_rfc_person_valid("TZT010820BO8"));
  EXPECT_TRUE(mx_clabe_valid("032180000118359719"));
  EXPECT_FALSE(mx_clabe_valid("032180000118359718"));
  EXPECT_FALSE(mx_clabe_valid("03218000011835971"));  // 17 digits
}

TEST(NationalIdsWorld, IsraeliIdButNotCompanyNumbers) {
  EXPECT_TRUE(il_id_valid("039337423"));
  EXPECT_TRUE(il_id_valid("03933742-3"));
  EXPECT_FALSE(il_id_valid("039337422"));
  // 51-526018-0: a company number, its check digit valid like an ID's.
  EXPECT_FALSE(il_id_valid("51-526018-0"));
}

TEST(NationalIdsWorld, ValidatorNamesLoad) {
  std::string error;
  for (const char* name : {"cn_resident_id", "kr_rrn", "br_cpf", "hu_taj", "hu_tax_id",
                           "in_aadhaar", "mx_curp", "mx_rfc_person", "mx_clabe", "il_id"}) {
    const auto v = parse_validator(name, &error);
    ASSERT_TRUE(v.has_value()) << name << ": " << error;
    EXPECT_EQ(to_string(*v), name);
  }
  EXPECT_TRUE(validate(*parse_validator("in_aadhaar", &error), "2341 2341 2346"));
  EXPECT_FALSE(validate(*parse_validator("in_aadhaar", &error), "2341 2341 2347"));
}

}  // namespace
}  // namespace switchyard::policy
