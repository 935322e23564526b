// The deployment's pseudonym key and the placeholder format (docs/pseudonymization.md). A
// placeholder is TYPE-hhhhhh: TYPE from the rule's category (A-Z, 0-9 and '-'), then six lowercase
// hex digits of HMAC-SHA256(key, TYPE, value). Every replica with the same key gives a value the
// same placeholder, with no shared state; without the key nobody can tell which value it stands
// for.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace switchyard::pseudonymize {

inline constexpr std::size_t kMinKeyBytes = 16;
inline constexpr std::size_t kHexDigits = 6;
inline constexpr std::size_t kMaxTypeLength = 24;
// The longest placeholder: TYPE, '-', the hex digits.
inline constexpr std::size_t kMaxPlaceholderLength = kMaxTypeLength + 1 + kHexDigits;
// The variable `switchyard serve` reads the key from unless the config names another.
inline constexpr std::string_view kDefaultKeyEnv = "SWITCHYARD_PSEUDONYM_KEY";

// The TYPE of a category: letters upper-cased, digits kept, every other run of characters one '-',
// at most kMaxTypeLength characters, always starting with a letter ("email" -> "EMAIL",
// "person_name" -> "PERSON-NAME", "" -> "VALUE").
std::string placeholder_type(std::string_view category);

class PseudonymKey {
 public:
  // `secret` must hold at least kMinKeyBytes bytes; throws std::invalid_argument otherwise.
  explicit PseudonymKey(std::string secret);

  // Reads the key from the environment variable `variable`. nullopt with *error set when it is
  // unset, empty or shorter than kMinKeyBytes; the message names the variable, never its value.
  static std::optional<PseudonymKey> from_env(const std::string& variable, std::string* error);

  // The placeholder of `value` under `type` (a placeholder_type()) at collision probe `probe`: 0
  // first; each further probe gives an unrelated placeholder for the same value.
  std::string placeholder(std::string_view type, std::string_view value, unsigned probe) const;

  // HMAC-SHA256 over the type, the value and the probe (each length-prefixed, so no two inputs
  // share their bytes). Thread-safe: copies of a key share its read-only keyed states.
  std::array<unsigned char, 32> digest(std::string_view type, std::string_view value,
                                       unsigned probe) const;

 private:
  struct Keyed;  // the HMAC's keyed inner and outer hash states, computed once
  std::shared_ptr<const Keyed> keyed_;
};

}  // namespace switchyard::pseudonymize
