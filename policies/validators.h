// Checks that turn a regex candidate into a finding (design 4.2 `validate`): checksums and
// structural rules that a regex cannot express. A candidate whose validator fails never counts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace switchyard::policy {

struct Validator {
  enum class Kind { kLuhn, kIban, kUsSsn, kEntropy };
  Kind kind = Kind::kLuhn;
  double min_bits_per_char = 0;  // kEntropy only
};

// "luhn" | "iban" | "us_ssn" | "entropy:<bits per char>". On failure returns nullopt and sets
// *error to a message that lists the valid names.
std::optional<Validator> parse_validator(std::string_view spec, std::string* error);
std::string to_string(const Validator& validator);

bool validate(const Validator& validator, std::string_view value);

bool luhn_valid(std::string_view value);
bool iban_valid(std::string_view value);
bool us_ssn_valid(std::string_view value);
double shannon_entropy(std::string_view value);  // bits per byte

inline constexpr std::string_view kValidatorNames = "luhn, iban, us_ssn, entropy:<bits per char>";

}  // namespace switchyard::policy
