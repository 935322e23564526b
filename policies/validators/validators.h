// Checks that turn a regex candidate into a finding (design 4.2 `validate`): checksums and
// structural rules that a regex cannot express. A candidate whose validator fails never counts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::policy {

struct Validator {
  enum class Kind {
    kLuhn,
    kPaymentCard,
    kIban,
    kUsSsn,
    kFrNir,
    kDeTaxId,
    kEsDni,
    kItFiscalCode,
    kNlBsn,
    kUkNino,
    kUkNhs,
    kJpMyNumber,
    kPlPesel,
    kPtNif,
    kSePersonnummer,
    kDkCpr,
    kNoFodselsnummer,
    kFiHetu,
    kCzRodneCislo,
    kRoCnp,
    kGrAmka,
    kTrTckn,
    kCnResidentId,
    kKrRrn,
    kBrCpf,
    kHuTaj,
    kHuTaxId,
    kInAadhaar,
    kMxCurp,
    kMxRfcPerson,
    kMxClabe,
    kIlId,
    kDeKvnr,
    kDeRvnr,
    kEsNuss,
    kPtNiss,
    kPtCc,
    kPlIdCard,
    kIcaoMrz,
    kDocumentNumber,
    kFrRib,
    kEsCcc,
    kPtNib,
    kPlNrb,
    kNlAccount,
    kPhoneNumber,
    kBip39Phrase,
    kNotTestKey,
    kNotTextbookType7,
    kLettersLookRandom,
    kEntropy,
  };
  Kind kind = Kind::kLuhn;
  double min_bits_per_char = 0;  // kEntropy only
};

// A name of validator_names(), or "entropy:<bits per char>". On failure returns nullopt and sets
// *error to a message that lists the valid names.
std::optional<Validator> parse_validator(std::string_view spec, std::string* error);
std::string to_string(const Validator& validator);
// The names parse_validator takes ("entropy" for entropy:<bits>), for suggestions.
std::vector<std::string_view> validator_names();

bool validate(const Validator& validator, std::string_view value);

bool luhn_valid(std::string_view value);
// False for a payment provider's test-mode or sandbox key (sk_test_, rk_test_, pk_test_,
// sk_sbox_, rzp_test_, Mollie's test_ ...): it reaches no money and no customer.
bool not_test_key(std::string_view value);
// False for a Cisco type 7 string (two decimal digits 00-15, then pairs of hex digits) that
// decodes to a password of textbooks, labs and configuration guides (cisco, class, sanfran,
// cisco123, password ...): type 7 is reversible, so the value says which password it hides.
// Any other value passes.
bool not_textbook_type7(std::string_view value);
// True for a value with any byte that is no ASCII letter (other validators judge it). A value of
// ASCII letters only passes when it looks generated rather than like a word or an identifier: at
// least eight letters, both cases twice or more, at most 30 % vowels, three case changes or more,
// and a case pattern camelCase never has (a lone lower-case letter between capitals, or two
// capitals or more after a lower-case letter, as in "sTKeUGJvlD" but not "getPwdFromVault") or
// at most 15 % vowels.
bool letters_look_random(std::string_view value);
bool iban_valid(std::string_view value);
bool us_ssn_valid(std::string_view value);
double shannon_entropy(std::string_view value);  // bits per byte

}  // namespace switchyard::policy
