// Text typed without diacritics: on a phone, a US keyboard, in an SMS, or by a German who writes
// ü as "ue". The packs are written with the letters of each language (numéro, fünf, depressão,
// hasło); the same words typed plainly (numero, fuenf, depressao, haslo) must match too. The
// classifier compiles every rule so that a Latin letter with a diacritic in a pattern, keyword,
// context word or allowed value also matches its base letter, and an umlaut also its vowel plus
// "e"; the joined view reads its number words the same way. The text is never changed: a match
// points at what the client sent.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::policy {

// The base letters of a Latin letter with a diacritic (é -> "e", Ł -> "L", ß -> "ss",
// æ -> "ae"), or an empty view when the code point has none.
std::string_view latin_base(std::uint32_t cp);

// The spellings of a word or phrase as it is also typed: itself, without diacritics
// (numéro -> numero), and with German umlauts as vowel + e (fünf -> fuenf). Distinct, the
// original first; only the original when it has no such letter.
std::vector<std::string> plain_spellings(std::string_view text);

// An RE2 pattern (UTF-8) in which every Latin letter with a diacritic outside a character class
// also matches its base letter (`é` -> `(?:é|e)`; an umlaut also the vowel + e: `ü` ->
// `(?:ü|ue?)`), and one inside a class also admits its base letter (`[éè]` -> `[éeèe]`; range
// ends and negated classes stay as written). Every match of the pattern is one of the result.
// Escapes, \Q...\E and \p{...} are copied. The pattern unchanged when it has no such letter.
std::string diacritic_tolerant_regex(std::string_view pattern);

}  // namespace switchyard::policy
