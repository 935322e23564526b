// Validators: Luhn, IBAN (country length, national account format, mod 97), US SSN ranges and
// samples, Shannon entropy; payment cards and national identifiers in national_ids.cpp.
#include "policies/validators/validators.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "policies/validators/documents.h"
#include "policies/validators/national_ids.h"
#include "policies/validators/national_ids_world.h"
#include "policies/validators/wallets.h"

namespace switchyard::policy {

namespace {

bool is_separator(char c) { return c == ' ' || c == '-' || c == '.'; }

// Digits of value; false if anything but digits and separators appears.
bool digits_only(std::string_view value, std::string* digits) {
  digits->clear();
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      digits->push_back(c);
    } else if (!is_separator(c)) {
      return false;
    }
  }
  return true;
}

struct IbanCountry {
  char code[3];
  int length;
};
// ISO 13616 registry: the length of a full IBAN per country.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
    {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

// The national account part (BBAN) of the IBANs seen most, in the registry's notation: n digits,
// a upper-case letters, c letters or digits. A checksum alone lets one in 97 random strings of the
// right length through; the format rejects most of those (a hex hash that starts "de12").
struct BbanFormat {
  char code[3];
  const char* format;
};
constexpr BbanFormat kBbanFormats[] = {
    {"AT", "16n"},   {"BE", "12n"},      {"BG", "4a6n8c"}, {"CH", "5n12c"},    {"CY", "8n16c"},
    {"CZ", "20n"},   {"DE", "18n"},      {"DK", "14n"},    {"EE", "16n"},      {"ES", "20n"},
    {"FI", "14n"},   {"FR", "10n11c2n"}, {"GB", "4a14n"},  {"GR", "7n16c"},    {"HR", "17n"},
    {"HU", "24n"},   {"IE", "4a14n"},    {"IS", "22n"},    {"IT", "1a10n12c"}, {"LI", "5n12c"},
    {"LT", "16n"},   {"LU", "3n13c"},    {"LV", "4a13c"},  {"MC", "10n11c2n"}, {"MT", "4a5n18c"},
    {"NL", "4a10n"}, {"NO", "11n"},      {"PL", "24n"},    {"PT", "21n"},      {"RO", "4a16c"},
    {"SE", "20n"},   {"SI", "15n"},      {"SK", "20n"},    {"SM", "1a10n12c"},
};

bool bban_matches(std::string_view bban, const char* format) {
  std::size_t at = 0;
  for (const char* f = format; *f != 0;) {
    int count = 0;
    while (*f >= '0' && *f <= '9') count = count * 10 + (*f++ - '0');
    const char kind = *f++;
    for (int k = 0; k < count; ++k, ++at) {
      if (at >= bban.size()) return false;
      const char c = bban[at];
      const bool is_digit = c >= '0' && c <= '9';
      const bool is_upper = c >= 'A' && c <= 'Z';
      if ((kind == 'n' && !is_digit) || (kind == 'a' && !is_upper) ||
          (kind == 'c' && !is_digit && !is_upper)) {
        return false;
      }
    }
  }
  return at == bban.size();
}

}  // namespace

bool not_test_key(std::string_view value) {
  static constexpr std::string_view kTestPrefixes[] = {
      "sk_test_", "rk_test_",  "pk_test_", "whsec_test_", "sk_sbox_",
      "pk_sbox_", "rzp_test_", "test_",    "sandbox-",    "sandbox_",
  };
  for (std::string_view prefix : kTestPrefixes) {
    if (value.substr(0, prefix.size()) == prefix) return false;
  }
  return true;
}

bool not_textbook_type7(std::string_view value) {
  // Cisco's published Vigenere key for type 7.
  static constexpr std::string_view kXlat = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";
  static constexpr std::string_view kTextbook[] = {
      "cisco",  "class", "sanfran", "cisco123", "cisco1", "ccna",    "ccnp", "password", "admin",
      "secret", "test",  "lab",     "letmein",  "enable", "console", "vty",  "telnet",   "ssh",
  };
  if (value.size() < 4 || value.size() % 2 != 0 || value.size() > 2 + 2 * 32) return true;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (value[0] < '0' || value[0] > '9' || value[1] < '0' || value[1] > '9') return true;
  const std::size_t seed = static_cast<std::size_t>((value[0] - '0') * 10 + (value[1] - '0'));
  if (seed > 15) return true;
  std::string plain;
  for (std::size_t i = 2; i < value.size(); i += 2) {
    const int high = hex(value[i]);
    const int low = hex(value[i + 1]);
    if (high < 0 || low < 0) return true;
    const char c =
        static_cast<char>((high * 16 + low) ^ kXlat[(seed + plain.size()) % kXlat.size()]);
    if (c < 0x20 || c > 0x7e) return true;
    plain.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  for (std::string_view word : kTextbook) {
    if (plain == word) return false;
  }
  return true;
}

bool luhn_valid(std::string_view value) {
  std::string digits;
  if (!digits_only(value, &digits)) return false;
  if (digits.size() < 12 || digits.size() > 19) return false;
  if (std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; })) {
    return false;  // 0000..., 1111...: placeholders, not cards
  }
  int sum = 0;
  bool double_it = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (double_it) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

namespace {

// The country's length, the BBAN format where known, and mod-97 = 1, on a compact upper-case IBAN.
bool iban_checks(const std::string& iban) {
  if (iban.size() < 15 || iban.size() > 34) return false;
  if (!(iban[0] >= 'A' && iban[0] <= 'Z' && iban[1] >= 'A' && iban[1] <= 'Z')) return false;
  if (!(iban[2] >= '0' && iban[2] <= '9' && iban[3] >= '0' && iban[3] <= '9')) return false;
  const auto* country = std::find_if(
      std::begin(kIbanCountries), std::end(kIbanCountries),
      [&](const IbanCountry& c) { return c.code[0] == iban[0] && c.code[1] == iban[1]; });
  if (country == std::end(kIbanCountries) || static_cast<int>(iban.size()) != country->length) {
    return false;
  }
  const auto* format = std::find_if(
      std::begin(kBbanFormats), std::end(kBbanFormats),
      [&](const BbanFormat& f) { return f.code[0] == iban[0] && f.code[1] == iban[1]; });
  if (format != std::end(kBbanFormats) &&
      !bban_matches(std::string_view(iban).substr(4), format->format)) {
    return false;
  }
  // Move the first four characters to the end, letters become 10..35, remainder mod 97 must be 1.
  const std::string rearranged = iban.substr(4) + iban.substr(0, 4);
  int remainder = 0;
  for (char c : rearranged) {
    if (c >= '0' && c <= '9') {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      const int v = c - 'A' + 10;
      remainder = (remainder * 100 + v) % 97;
    }
  }
  return remainder == 1;
}

// A scanned IBAN: OCR reads 0 as O, 1 as I or l, 5 as S, 8 as B. Where the country's format has
// a digit (the BBAN's n positions), such a letter is read back as its digit, at most three of
// them; the result must then pass every check, so a misread still needs mod-97 to come out 1.
bool iban_after_ocr_fold(std::string iban) {
  if (iban.size() < 4) return false;
  const auto* format = std::find_if(
      std::begin(kBbanFormats), std::end(kBbanFormats),
      [&](const BbanFormat& f) { return f.code[0] == iban[0] && f.code[1] == iban[1]; });
  if (format == std::end(kBbanFormats)) return false;
  int folded = 0;
  std::size_t at = 4;
  for (const char* f = format->format; *f != 0;) {
    int count = 0;
    while (*f >= '0' && *f <= '9') count = count * 10 + (*f++ - '0');
    const char kind = *f++;
    for (int k = 0; k < count && at < iban.size(); ++k, ++at) {
      if (kind != 'n') continue;
      char& c = iban[at];
      const char digit = c == 'O'                 ? '0'
                         : (c == 'I' || c == 'L') ? '1'
                         : c == 'S'               ? '5'
                         : c == 'B'               ? '8'
                                                  : 0;
      if (digit != 0) {
        c = digit;
        ++folded;
      }
    }
  }
  return folded > 0 && folded <= 3 && iban_checks(iban);
}

}  // namespace

bool iban_valid(std::string_view value) {
  std::string iban;
  for (char c : value) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    iban.push_back(c);
  }
  return iban_checks(iban) || iban_after_ocr_fold(iban);
}

bool us_ssn_valid(std::string_view value) {
  std::string digits;
  char separator = 0;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (is_separator(c)) {
      if (separator != 0 && separator != c) return false;  // 123-45 6789: mixed separators
      separator = c;
    } else {
      return false;
    }
  }
  if (digits.size() != 9) return false;
  const int area = std::stoi(digits.substr(0, 3));
  const int group = std::stoi(digits.substr(3, 2));
  const int serial = std::stoi(digits.substr(5, 4));
  if (area == 0 || area == 666 || area >= 900) return false;
  if (group == 0 || serial == 0) return false;
  // Numbers published as examples (Woolworth wallet card, Social Security Administration ads) and
  // the obvious placeholder sequences.
  static constexpr std::string_view kSamples[] = {
      "078051120", "219099999", "123456789", "987654320", "987654321", "111111111",
      "222222222", "333333333", "444444444", "555555555", "777777777", "888888888"};
  return std::find(std::begin(kSamples), std::end(kSamples), digits) == std::end(kSamples);
}

bool letters_look_random(std::string_view value) {
  const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::size_t upper = 0;
  std::size_t vowels = 0;
  for (const char c : value) {
    if (!is_upper(c) && !is_lower(c)) return true;
    upper += is_upper(c) ? 1 : 0;
    vowels += std::string_view("aeiouAEIOU").find(c) != std::string_view::npos ? 1 : 0;
  }
  const std::size_t n = value.size();
  // Random letters are 19 % vowels; words and identifiers built of words, 35 % and more.
  if (n < 8 || upper < 2 || n - upper < 2 || vowels * 10 > n * 3) return false;
  // Runs of one case: camelCase is lower-case runs of two letters or more, each after one capital
  // (or an acronym that a word follows); generated letters break that shape somewhere.
  std::size_t changes = 0;
  bool odd_shape = false;
  std::size_t run_start = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    if (i < n && is_upper(value[i]) == is_upper(value[i - 1])) continue;
    const std::size_t length = i - run_start;
    const bool inner = run_start > 0 && i < n;
    if (!is_upper(value[run_start]) && length == 1 && inner) odd_shape = true;
    if (is_upper(value[run_start]) && length >= 2 && run_start > 0) odd_shape = true;
    if (i < n) ++changes;
    run_start = i;
  }
  // Humps without vowels (WbmTqzKrvX) are no words either.
  return changes >= 3 && (odd_shape || vowels * 100 <= n * 15);
}

double shannon_entropy(std::string_view value) {
  if (value.empty()) return 0;
  std::array<std::size_t, 256> counts{};
  for (char c : value) ++counts[static_cast<unsigned char>(c)];
  double entropy = 0;
  const double n = static_cast<double>(value.size());
  for (std::size_t count : counts) {
    if (count == 0) continue;
    const double p = static_cast<double>(count) / n;
    entropy -= p * std::log2(p);
  }
  return entropy;
}

bool validate(const Validator& validator, std::string_view value) {
  switch (validator.kind) {
    case Validator::Kind::kLuhn:
      return luhn_valid(value);
    case Validator::Kind::kPaymentCard:
      return payment_card_valid(value);
    case Validator::Kind::kIban:
      return iban_valid(value);
    case Validator::Kind::kUsSsn:
      return us_ssn_valid(value);
    case Validator::Kind::kFrNir:
      return fr_nir_valid(value);
    case Validator::Kind::kDeTaxId:
      return de_tax_id_valid(value);
    case Validator::Kind::kEsDni:
      return es_dni_valid(value);
    case Validator::Kind::kItFiscalCode:
      return it_fiscal_code_valid(value);
    case Validator::Kind::kNlBsn:
      return nl_bsn_valid(value);
    case Validator::Kind::kUkNino:
      return uk_nino_valid(value);
    case Validator::Kind::kUkNhs:
      return uk_nhs_valid(value);
    case Validator::Kind::kJpMyNumber:
      return jp_my_number_valid(value);
    case Validator::Kind::kPlPesel:
      return pl_pesel_valid(value);
    case Validator::Kind::kPtNif:
      return pt_nif_valid(value);
    case Validator::Kind::kSePersonnummer:
      return se_personnummer_valid(value);
    case Validator::Kind::kDkCpr:
      return dk_cpr_valid(value);
    case Validator::Kind::kNoFodselsnummer:
      return no_fodselsnummer_valid(value);
    case Validator::Kind::kFiHetu:
      return fi_hetu_valid(value);
    case Validator::Kind::kCzRodneCislo:
      return cz_rodne_cislo_valid(value);
    case Validator::Kind::kRoCnp:
      return ro_cnp_valid(value);
    case Validator::Kind::kGrAmka:
      return gr_amka_valid(value);
    case Validator::Kind::kTrTckn:
      return tr_tckn_valid(value);
    case Validator::Kind::kCnResidentId:
      return cn_resident_id_valid(value);
    case Validator::Kind::kKrRrn:
      return kr_rrn_valid(value);
    case Validator::Kind::kBrCpf:
      return br_cpf_valid(value);
    case Validator::Kind::kHuTaj:
      return hu_taj_valid(value);
    case Validator::Kind::kHuTaxId:
      return hu_tax_id_valid(value);
    case Validator::Kind::kInAadhaar:
      return in_aadhaar_valid(value);
    case Validator::Kind::kMxCurp:
      return mx_curp_valid(value);
    case Validator::Kind::kMxRfcPerson:
      return mx_rfc_person_valid(value);
    case Validator::Kind::kMxClabe:
      return mx_clabe_valid(value);
    case Validator::Kind::kIlId:
      return il_id_valid(value);
    case Validator::Kind::kDeKvnr:
      return de_kvnr_valid(value);
    case Validator::Kind::kDeRvnr:
      return de_rvnr_valid(value);
    case Validator::Kind::kEsNuss:
      return es_nuss_valid(value);
    case Validator::Kind::kPtNiss:
      return pt_niss_valid(value);
    case Validator::Kind::kPtCc:
      return pt_cc_valid(value);
    case Validator::Kind::kPlIdCard:
      return pl_id_card_valid(value);
    case Validator::Kind::kIcaoMrz:
      return icao_mrz_valid(value);
    case Validator::Kind::kDocumentNumber:
      return document_number_valid(value);
    case Validator::Kind::kFrRib:
      return fr_rib_valid(value);
    case Validator::Kind::kEsCcc:
      return es_ccc_valid(value);
    case Validator::Kind::kPtNib:
      return pt_nib_valid(value);
    case Validator::Kind::kPlNrb:
      return pl_nrb_valid(value);
    case Validator::Kind::kNlAccount:
      return nl_account_valid(value);
    case Validator::Kind::kPhoneNumber:
      return phone_number_valid(value);
    case Validator::Kind::kBip39Phrase:
      return bip39_phrase_valid(value);
    case Validator::Kind::kNotTestKey:
      return not_test_key(value);
    case Validator::Kind::kNotTextbookType7:
      return not_textbook_type7(value);
    case Validator::Kind::kLettersLookRandom:
      return letters_look_random(value);
    case Validator::Kind::kEntropy:
      return shannon_entropy(value) >= validator.min_bits_per_char;
  }
  return false;
}

namespace {

struct NamedValidator {
  std::string_view name;
  Validator::Kind kind;
};
constexpr NamedValidator kNamedValidators[] = {
    {"luhn", Validator::Kind::kLuhn},
    {"payment_card", Validator::Kind::kPaymentCard},
    {"iban", Validator::Kind::kIban},
    {"us_ssn", Validator::Kind::kUsSsn},
    {"fr_nir", Validator::Kind::kFrNir},
    {"de_tax_id", Validator::Kind::kDeTaxId},
    {"es_dni", Validator::Kind::kEsDni},
    {"it_fiscal_code", Validator::Kind::kItFiscalCode},
    {"nl_bsn", Validator::Kind::kNlBsn},
    {"uk_nino", Validator::Kind::kUkNino},
    {"uk_nhs", Validator::Kind::kUkNhs},
    {"jp_my_number", Validator::Kind::kJpMyNumber},
    {"pl_pesel", Validator::Kind::kPlPesel},
    {"pt_nif", Validator::Kind::kPtNif},
    {"se_personnummer", Validator::Kind::kSePersonnummer},
    {"dk_cpr", Validator::Kind::kDkCpr},
    {"no_fodselsnummer", Validator::Kind::kNoFodselsnummer},
    {"fi_hetu", Validator::Kind::kFiHetu},
    {"cz_rodne_cislo", Validator::Kind::kCzRodneCislo},
    {"ro_cnp", Validator::Kind::kRoCnp},
    {"gr_amka", Validator::Kind::kGrAmka},
    {"tr_tckn", Validator::Kind::kTrTckn},
    {"cn_resident_id", Validator::Kind::kCnResidentId},
    {"kr_rrn", Validator::Kind::kKrRrn},
    {"br_cpf", Validator::Kind::kBrCpf},
    {"hu_taj", Validator::Kind::kHuTaj},
    {"hu_tax_id", Validator::Kind::kHuTaxId},
    {"in_aadhaar", Validator::Kind::kInAadhaar},
    {"mx_curp", Validator::Kind::kMxCurp},
    {"mx_rfc_person", Validator::Kind::kMxRfcPerson},
    {"mx_clabe", Validator::Kind::kMxClabe},
    {"il_id", Validator::Kind::kIlId},
    {"de_kvnr", Validator::Kind::kDeKvnr},
    {"de_rvnr", Validator::Kind::kDeRvnr},
    {"es_nuss", Validator::Kind::kEsNuss},
    {"pt_niss", Validator::Kind::kPtNiss},
    {"pt_cc", Validator::Kind::kPtCc},
    {"pl_id_card", Validator::Kind::kPlIdCard},
    {"icao_mrz", Validator::Kind::kIcaoMrz},
    {"document_number", Validator::Kind::kDocumentNumber},
    {"fr_rib", Validator::Kind::kFrRib},
    {"es_ccc", Validator::Kind::kEsCcc},
    {"pt_nib", Validator::Kind::kPtNib},
    {"pl_nrb", Validator::Kind::kPlNrb},
    {"nl_account", Validator::Kind::kNlAccount},
    {"phone_number", Validator::Kind::kPhoneNumber},
    {"bip39_phrase", Validator::Kind::kBip39Phrase},
    {"not_test_key", Validator::Kind::kNotTestKey},
    {"not_textbook_type7", Validator::Kind::kNotTextbookType7},
    {"letters_look_random", Validator::Kind::kLettersLookRandom},
};

}  // namespace

std::vector<std::string_view> validator_names() {
  std::vector<std::string_view> names;
  for (const auto& named : kNamedValidators) names.push_back(named.name);
  names.push_back("entropy");
  return names;
}

std::optional<Validator> parse_validator(std::string_view spec, std::string* error) {
  Validator v;
  for (const auto& named : kNamedValidators) {
    if (spec == named.name) {
      v.kind = named.kind;
      return v;
    }
  }
  if (spec.starts_with("entropy:")) {
    const std::string number(spec.substr(8));
    char* end = nullptr;
    const double bits = std::strtod(number.c_str(), &end);
    if (number.empty() || end != number.c_str() + number.size() || !(bits > 0) || bits > 8) {
      *error =
          "entropy needs a number of bits per character between 0 and 8, as in "
          "'entropy:3.5'; got '" +
          std::string(spec) + "'";
      return std::nullopt;
    }
    v.kind = Validator::Kind::kEntropy;
    v.min_bits_per_char = bits;
    return v;
  }
  // The list comes from the table, so that a new validator cannot be left out of it.
  std::string names;
  for (const auto& named : kNamedValidators) names += std::string(named.name) + ", ";
  *error = "unknown validator '" + std::string(spec) + "'; valid validators: " + names +
           "entropy:<bits per char>";
  return std::nullopt;
}

std::string to_string(const Validator& validator) {
  if (validator.kind == Validator::Kind::kEntropy) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "entropy:%g", validator.min_bits_per_char);
    return buffer;
  }
  for (const auto& named : kNamedValidators) {
    if (named.kind == validator.kind) return std::string(named.name);
  }
  return "?";
}

}  // namespace switchyard::policy
