// The joined view (see joined_view.h): find the places, copy excerpts around them, join seams,
// then rewrite digit chains, number words and obfuscated addresses inside the excerpts.
#include "policies/joined_view.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "policies/normalizer.h"

namespace switchyard::policy {

namespace {

// ---------------------------------------------------------------------------------------------
// Character classes (ASCII; bytes of non-ASCII characters count as letters of a word).

constexpr std::array<bool, 256> kDigit = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
  return t;
}();
constexpr std::array<bool, 256> kAsciiLetter = [] {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
  return t;
}();
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] = kDigit[static_cast<std::size_t>(c)] ||
                                     kAsciiLetter[static_cast<std::size_t>(c)] || c >= 0x80;
  }
  return t;
}();
// What a credential, key or card fragment is made of.
constexpr std::array<bool, 256> kTokenByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] = kDigit[static_cast<std::size_t>(c)] ||
                                     kAsciiLetter[static_cast<std::size_t>(c)] || c == '_' ||
                                     c == '+' || c == '/' || c == '=' || c == '-' || c == '.';
  }
  return t;
}();
// An e-mail address label.
constexpr std::array<bool, 256> kLabelByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] = kDigit[static_cast<std::size_t>(c)] ||
                                     kAsciiLetter[static_cast<std::size_t>(c)] || c == '_' ||
                                     c == '%' || c == '+' || c == '-';
  }
  return t;
}();

unsigned char at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// text[begin, end) lowercased into out (same length): ASCII, and the two-byte capitals of
// Latin-1 and Latin Extended-A, so that a word in capitals ("FÜNF", "MAŁPA", "DZIEWIĘĆ") is
// looked up like the word.
void lower_word(std::string_view text, std::size_t begin, std::size_t end, char* out) {
  for (std::size_t m = begin; m < end; ++m) {
    const auto b = static_cast<unsigned char>(text[m]);
    out[m - begin] = lower(text[m]);
    if (b < 0xC3 || b > 0xC5 || m + 1 >= end) continue;
    std::uint32_t cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(text[m + 1]) & 0x3Fu);
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
      cp += 0x20;
    } else if (cp >= 0x100 && cp <= 0x17E && cp != 0x138 && cp != 0x149 && cp != 0x178) {
      // pairs: capital even below U+0139 and from U+014A to U+0177, odd elsewhere
      const bool odd = cp % 2 == 1;
      const bool capital = (cp < 0x139 || (cp >= 0x14A && cp < 0x179)) ? !odd : odd;
      if (capital) ++cp;
    }
    out[m - begin] = static_cast<char>(0xC0 | (cp >> 6));
    out[m - begin + 1] = static_cast<char>(0x80 | (cp & 0x3F));
    ++m;
  }
}

// The bracket that closes the one at c ("[at]", "(punkt)", "{dot}", "<at>"), 0 when c opens none.
char closing_bracket(char c) {
  return c == '[' ? ']' : c == '(' ? ')' : c == '{' ? '}' : c == '<' ? '>' : 0;
}

bool starts_with_folded(std::string_view text, std::size_t pos, std::string_view word) {
  if (pos + word.size() > text.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (lower(text[pos + k]) != word[k]) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Number words

struct NumberWord {
  std::string_view word;  // lowercase
  char digit;
  bool trigger;  // reported by the literal scan (see triggers())
};
// Digits 0, 4, 5, 7, 8 and 9 are triggers in every language: a dictated number of nine or more
// digits almost surely has one of them, and they are rarer in prose than "one", "two", "un".
constexpr NumberWord kNumberWords[] = {
    // English
    {"zero", '0', true},
    {"one", '1', false},
    {"two", '2', false},
    {"three", '3', false},
    {"four", '4', true},
    {"five", '5', true},
    {"six", '6', false},
    {"seven", '7', true},
    {"eight", '8', true},
    {"nine", '9', true},
    {"oh", '0', false},
    {"nought", '0', false},
    // German
    {"null", '0', true},
    {"eins", '1', false},
    {"zwei", '2', false},
    {"zwo", '2', false},
    {"drei", '3', false},
    {"vier", '4', true},
    {"f\xc3\xbc"
     "nf",
     '5', true},
    {"sechs", '6', false},
    {"sieben", '7', true},
    {"acht", '8', true},
    {"neun", '9', true},
    // French
    {"z\xc3\xa9ro", '0', true},
    {"un", '1', false},
    {"deux", '2', false},
    {"trois", '3', false},
    {"quatre", '4', true},
    {"cinq", '5', true},
    {"sept", '7', true},
    {"huit", '8', true},
    {"neuf", '9', true},
    // Spanish
    {"cero", '0', true},
    {"uno", '1', false},
    {"dos", '2', false},
    {"tres", '3', false},
    {"cuatro", '4', true},
    {"cinco", '5', true},
    {"seis", '6', false},
    {"siete", '7', true},
    {"ocho", '8', true},
    {"nueve", '9', true},
    // Italian (zero as in English)
    {"due", '2', false},
    {"tre", '3', false},
    {"quattro", '4', true},
    {"cinque", '5', true},
    {"sei", '6', false},
    {"sette", '7', true},
    {"otto", '8', true},
    {"nove", '9', true},
    // Dutch
    {"nul", '0', true},
    {"een", '1', false},
    {"\xc3\xa9\xc3\xa9n", '1', false},
    {"twee", '2', false},
    {"drie", '3', false},
    {"vijf", '5', true},
    {"zes", '6', false},
    {"zeven", '7', true},
    {"negen", '9', true},
    // Portuguese
    {"um", '1', false},
    {"uma", '1', false},
    {"dois", '2', false},
    {"duas", '2', false},
    {"tr\xc3\xaas", '3', false},
    {"quatro", '4', true},
    {"sete", '7', true},
    {"oito", '8', true},
    // Polish
    {"jeden", '1', false},
    {"dwa", '2', false},
    {"trzy", '3', false},
    {"cztery", '4', true},
    {"pi\xc4\x99\xc4\x87", '5', true},
    {"sze\xc5\x9b\xc4\x87", '6', false},
    {"siedem", '7', true},
    {"osiem", '8', true},
    {"dziewi\xc4\x99\xc4\x87", '9', true},
};

// A table's entries, each word also as typed without diacritics ("funf", "fuenf", "piec",
// "zero"; normalizer.h). The added spellings live in *spellings (a deque: they never move).
template <typename Entry, std::size_t N>
std::vector<Entry> with_plain_spellings(const Entry (&table)[N],
                                        std::deque<std::string>* spellings) {
  std::vector<Entry> out;
  for (const Entry& entry : table) {
    out.push_back(entry);
    for (auto& spelling : plain_spellings(entry.word)) {
      if (spelling == entry.word) continue;
      spellings->push_back(std::move(spelling));
      Entry plain = entry;
      plain.word = spellings->back();
      out.push_back(plain);
    }
  }
  return out;
}

const std::vector<NumberWord>& number_words() {
  static std::deque<std::string> spellings;
  static const std::vector<NumberWord> all = with_plain_spellings(kNumberWords, &spellings);
  return all;
}

// The digit of a number word (lowercase), or 0. Words are looked up by their first byte.
char number_word_digit(std::string_view w) {
  static const auto index = [] {
    std::array<std::vector<const NumberWord*>, 256> t;
    for (const auto& entry : number_words()) {
      t[static_cast<unsigned char>(entry.word[0])].push_back(&entry);
    }
    return t;
  }();
  if (w.size() < 2) return 0;
  for (const NumberWord* entry : index[static_cast<unsigned char>(w[0])]) {
    if (entry->word == w) return entry->digit;
  }
  return 0;
}

// Teens, tens and hundreds: the words that make a compound number with the units around them
// ("quatre-vingt-trois", "setenta y tres", "osiemset siedemdziesiąt jeden"), as callers dictate a
// phone number in pairs or groups. Lowercase; looked up whole.
struct ValueWord {
  std::string_view word;
  int value;
};
constexpr ValueWord kValueWords[] = {
    // English
    {"ten", 10},
    {"eleven", 11},
    {"twelve", 12},
    {"thirteen", 13},
    {"fourteen", 14},
    {"fifteen", 15},
    {"sixteen", 16},
    {"seventeen", 17},
    {"eighteen", 18},
    {"nineteen", 19},
    {"twenty", 20},
    {"thirty", 30},
    {"forty", 40},
    {"fifty", 50},
    {"sixty", 60},
    {"seventy", 70},
    {"eighty", 80},
    {"ninety", 90},
    // German
    {"zehn", 10},
    {"elf", 11},
    {"zw\xc3\xb6lf", 12},
    {"dreizehn", 13},
    {"vierzehn", 14},
    {"f\xc3\xbcnfzehn", 15},
    {"sechzehn", 16},
    {"siebzehn", 17},
    {"achtzehn", 18},
    {"neunzehn", 19},
    {"zwanzig", 20},
    {"drei\xc3\x9fig", 30},
    {"vierzig", 40},
    {"f\xc3\xbcnfzig", 50},
    {"sechzig", 60},
    {"siebzig", 70},
    {"achtzig", 80},
    {"neunzig", 90},
    // French
    {"dix", 10},
    {"onze", 11},
    {"douze", 12},
    {"treize", 13},
    {"quatorze", 14},
    {"quinze", 15},
    {"seize", 16},
    {"vingt", 20},
    {"vingts", 20},
    {"trente", 30},
    {"quarante", 40},
    {"cinquante", 50},
    {"soixante", 60},
    {"cent", 100},
    // Spanish
    {"diez", 10},
    {"once", 11},
    {"doce", 12},
    {"trece", 13},
    {"catorce", 14},
    {"quince", 15},
    {"diecis\xc3\xa9is", 16},
    {"dieciseis", 16},
    {"diecisiete", 17},
    {"dieciocho", 18},
    {"diecinueve", 19},
    {"veinte", 20},
    {"treinta", 30},
    {"cuarenta", 40},
    {"cincuenta", 50},
    {"sesenta", 60},
    {"setenta", 70},
    {"ochenta", 80},
    {"noventa", 90},
    {"cien", 100},
    {"ciento", 100},
    {"doscientos", 200},
    {"trescientos", 300},
    {"cuatrocientos", 400},
    {"quinientos", 500},
    {"seiscientos", 600},
    {"setecientos", 700},
    {"ochocientos", 800},
    {"novecientos", 900},
    // Italian
    {"dieci", 10},
    {"undici", 11},
    {"dodici", 12},
    {"tredici", 13},
    {"quattordici", 14},
    {"quindici", 15},
    {"sedici", 16},
    {"diciassette", 17},
    {"diciotto", 18},
    {"diciannove", 19},
    {"venti", 20},
    {"trenta", 30},
    {"quaranta", 40},
    {"cinquanta", 50},
    {"sessanta", 60},
    {"settanta", 70},
    {"ottanta", 80},
    {"novanta", 90},
    {"cento", 100},
    // Dutch
    {"tien", 10},
    {"twaalf", 12},
    {"dertien", 13},
    {"veertien", 14},
    {"vijftien", 15},
    {"zestien", 16},
    {"zeventien", 17},
    {"achttien", 18},
    {"negentien", 19},
    {"twintig", 20},
    {"dertig", 30},
    {"veertig", 40},
    {"vijftig", 50},
    {"zestig", 60},
    {"zeventig", 70},
    {"tachtig", 80},
    {"negentig", 90},
    // Portuguese
    {"dez", 10},
    {"doze", 12},
    {"treze", 13},
    {"catorze", 14},
    {"dezasseis", 16},
    {"dezesseis", 16},
    {"dezassete", 17},
    {"dezessete", 17},
    {"dezoito", 18},
    {"dezanove", 19},
    {"dezenove", 19},
    {"vinte", 20},
    {"trinta", 30},
    {"quarenta", 40},
    {"cinquenta", 50},
    {"cinq\xc3\xbc\x65nta", 50},  // cinqüenta (Brazil before 2009)
    {"sessenta", 60},
    {"oitenta", 80},
    {"cem", 100},
    {"duzentos", 200},
    {"trezentos", 300},
    {"quatrocentos", 400},
    {"quinhentos", 500},
    {"seiscentos", 600},
    {"setecentos", 700},
    {"oitocentos", 800},
    {"novecentos", 900},
    // Polish
    {"dziesi\xc4\x99\xc4\x87", 10},
    {"jedena\xc5\x9b\x63ie", 11},
    {"dwana\xc5\x9b\x63ie", 12},
    {"trzyna\xc5\x9b\x63ie", 13},
    {"czterna\xc5\x9b\x63ie", 14},
    {"pi\xc4\x99tna\xc5\x9b\x63ie", 15},
    {"szesna\xc5\x9b\x63ie", 16},
    {"siedemna\xc5\x9b\x63ie", 17},
    {"osiemna\xc5\x9b\x63ie", 18},
    {"dziewi\xc4\x99tna\xc5\x9b\x63ie", 19},
    {"dwadzie\xc5\x9b\x63ia", 20},
    {"trzydzie\xc5\x9b\x63i", 30},
    {"czterdzie\xc5\x9b\x63i", 40},
    {"pi\xc4\x99\xc4\x87"
     "dziesi\xc4\x85t",
     50},
    {"sze\xc5\x9b\xc4\x87"
     "dziesi\xc4\x85t",
     60},
    {"siedemdziesi\xc4\x85t", 70},
    {"osiemdziesi\xc4\x85t", 80},
    {"dziewi\xc4\x99\xc4\x87"
     "dziesi\xc4\x85t",
     90},
    {"sto", 100},
    {"dwie\xc5\x9b\x63ie", 200},
    {"trzysta", 300},
    {"czterysta", 400},
    {"pi\xc4\x99\xc4\x87set", 500},
    {"sze\xc5\x9b\xc4\x87set", 600},
    {"siedemset", 700},
    {"osiemset", 800},
    {"dziewi\xc4\x99\xc4\x87set", 900},
};

// Value words by their first byte (the joined view looks up every word of its excerpts).
const std::array<std::vector<const ValueWord*>, 256>& value_word_index() {
  static const auto index = [] {
    static std::deque<std::string> spellings;
    static const std::vector<ValueWord> all = with_plain_spellings(kValueWords, &spellings);
    std::array<std::vector<const ValueWord*>, 256> t;
    for (const auto& entry : all) t[static_cast<unsigned char>(entry.word[0])].push_back(&entry);
    return t;
  }();
  return index;
}

int value_word(std::string_view w) {
  if (w.size() < 3) return 0;
  for (const ValueWord* entry : value_word_index()[static_cast<unsigned char>(w[0])]) {
    if (entry->word == w) return entry->value;
  }
  return 0;
}

// A unit (1-9) of a compound, or 0 ("zero" never is one).
int unit_value(std::string_view w) {
  if (w == "ein" || w == "tr\xc3\xa9" || w == "d\xc3\xb3s" || w == "tr\xc3\xa9s" ||
      w == "s\xc3\xa9is" || w == "\xc3\xban") {
    return w == "ein" || w == "\xc3\xban" ? 1 : w == "d\xc3\xb3s" ? 2 : w == "s\xc3\xa9is" ? 6 : 3;
  }
  const char d = number_word_digit(w);
  return d > '0' ? d - '0' : 0;
}

// A compound written as one word: German and Dutch put the unit first (fünfundfünfzig,
// zevenenvijftig, tweeëntwintig), Italian and Spanish after the tens (settantatré, ventotto,
// veintitrés). 0 when the word is none.
int one_word_compound(std::string_view w);

// Hundreds written as one word, as callers group a phone number: German and Dutch
// (einhundertvier, vierhundertzwölf, tweehonderddrieëntwintig), Italian (trecentoquarantanove,
// duecentoventiquattro; cento loses its o before otto and ottanta: centottanta). The part before
// the hundreds is a unit (none: one hundred), the part after a number below a hundred, or
// nothing. 0 when the word is none.
int one_word_hundreds(std::string_view w) {
  for (std::string_view mark :
       {std::string_view("hundert"), std::string_view("honderd"), std::string_view("cent")}) {
    const std::size_t at_mark = w.find(mark);
    if (at_mark == std::string_view::npos) continue;
    const bool italian = mark == "cent";
    const std::string_view head = w.substr(0, at_mark);
    std::string_view rest = w.substr(at_mark + mark.size());
    if (italian) {
      // cento, trecento..., or the elided cent+ottanta / cent+otto
      if (!rest.empty() && rest[0] == 'o' && !(rest.size() >= 4 && rest.substr(0, 4) == "otta") &&
          rest != "otto") {
        rest.remove_prefix(1);
      } else if (rest.empty()) {
        return 0;  // "cent" alone is French, and a word of its own
      }
    }
    const int hundreds = head.empty() ? 1 : unit_value(head);
    if (hundreds <= 0) continue;
    if (rest.empty()) return hundreds * 100;
    int below = value_word(rest);
    if (below == 0) below = one_word_compound(rest);
    if (below == 0) below = unit_value(rest);
    if (below <= 0 || below >= 100) continue;
    return hundreds * 100 + below;
  }
  return 0;
}

int one_word_compound(std::string_view w) {
  if (w.size() < 6) return 0;
  if (const int hundreds = one_word_hundreds(w)) return hundreds;
  // unit, joint, tens: the German and Dutch tens end in "ig"
  if (w.substr(w.size() - 2) == "ig") {
    for (std::string_view joint :
         {std::string_view("und"), std::string_view("\xc3\xabn"), std::string_view("en")}) {
      for (std::size_t k = 2; k + joint.size() < w.size(); ++k) {
        if (w.substr(k, joint.size()) != joint) continue;
        const int unit = unit_value(w.substr(0, k));
        const int tens = value_word(w.substr(k + joint.size()));
        if (unit > 0 && tens >= 20 && tens < 100 && tens % 10 == 0) return tens + unit;
      }
    }
    return 0;
  }
  if (w.substr(0, 6) == "veinti") {
    const int unit = unit_value(w.substr(6));
    return unit > 0 ? 20 + unit : 0;
  }
  // tens, unit: Italian (venti+tré, trenta+due; before uno and otto the vowel goes: ventuno)
  for (const ValueWord* entry : value_word_index()[static_cast<unsigned char>(w[0])]) {
    if (entry->value < 20 || entry->value >= 100 || entry->value % 10 != 0) continue;
    const std::string_view tens = entry->word;
    if (tens.size() < 5 || tens.size() >= w.size()) continue;
    if (w.substr(0, tens.size()) == tens) {
      const int unit = unit_value(w.substr(tens.size()));
      if (unit > 0) return entry->value + unit;
    }
    const std::string_view stem = tens.substr(0, tens.size() - 1);
    if (w.substr(0, stem.size()) == stem) {
      const std::string_view rest = w.substr(stem.size());
      if (rest == "uno" || rest == "otto") return entry->value + (rest == "uno" ? 1 : 8);
    }
  }
  return 0;
}

// Kanji digits (a token each; Japanese writes them without separators).
struct KanjiDigit {
  std::string_view bytes;
  char digit;
};
constexpr KanjiDigit kKanjiDigits[] = {
    {"\xe3\x80\x87", '0'}, {"\xe9\x9b\xb6", '0'}, {"\xe4\xb8\x80", '1'}, {"\xe4\xba\x8c", '2'},
    {"\xe4\xb8\x89", '3'}, {"\xe5\x9b\x9b", '4'}, {"\xe4\xba\x94", '5'}, {"\xe5\x85\xad", '6'},
    {"\xe4\xb8\x83", '7'}, {"\xe5\x85\xab", '8'}, {"\xe4\xb9\x9d", '9'},
};

// Katakana digits, as a dictated number is transcribed (ゼロキュウゼロ、イチニサンヨン): a token
// each, without separators. Longest first.
constexpr KanjiDigit kKatakanaDigits[] = {
    {"\xe3\x82\xad\xe3\x83\xa5\xe3\x82\xa6", '9'},  // キュウ
    {"\xe3\x82\xbc\xe3\x83\xad", '0'},              // ゼロ
    {"\xe3\x83\xac\xe3\x82\xa4", '0'},              // レイ
    {"\xe3\x82\xa4\xe3\x83\x81", '1'},              // イチ
    {"\xe3\x82\xb5\xe3\x83\xb3", '3'},              // サン
    {"\xe3\x83\xa8\xe3\x83\xb3", '4'},              // ヨン
    {"\xe3\x83\xad\xe3\x82\xaf", '6'},              // ロク
    {"\xe3\x83\x8a\xe3\x83\x8a", '7'},              // ナナ
    {"\xe3\x83\x8f\xe3\x83\x81", '8'},              // ハチ
    {"\xe3\x83\x8b", '2'},                          // ニ
    {"\xe3\x82\xb4", '5'},                          // ゴ
};

// ---------------------------------------------------------------------------------------------
// Address words

// How "@" is spelled out. Word forms need a space on both sides; bracketed ones need nothing.
constexpr std::string_view kAtBracketed[] = {"[at]", "(at)", "{at}", "<at>", "[@]", "(@)", "{@}"};
constexpr std::string_view kAtWords[] = {
    "at",
    "arroba",
    "chiocciola",
    "arobase",
    "apenstaartje",
    "ma\xc5\x82pa",
    "malpa",
    "klammeraffe",
    "atmark",
    "\xc3\xa4t",
    "\xe3\x82\xa2\xe3\x83\x83\xe3\x83\x88\xe3\x83\x9e\xe3\x83\xbc\xe3\x82\xaf",  // アットマーク
};
constexpr std::string_view kDotBracketed[] = {"[dot]", "(dot)", "{dot}", "<dot>",
                                              "[.]",   "(.)",   "{.}"};
constexpr std::string_view kDotWords[] = {
    "dot",
    "punto",
    "punkt",
    "point",
    "ponto",
    "punt",
    "kropka",
    "\xe3\x83\x89\xe3\x83\x83\xe3\x83\x88",  // ドット
};
// Top-level domains an obfuscated address may end with (the e-mail rules decide the rest).
constexpr std::string_view kTlds[] = {
    "com", "org", "net", "edu", "gov", "io", "co",    "ai",     "app", "dev", "me", "info",
    "biz", "eu",  "de",  "fr",  "es",  "it", "nl",    "pt",     "pl",  "be",  "ch", "at",
    "uk",  "ie",  "se",  "no",  "dk",  "fi", "cz",    "gr",     "hu",  "ro",  "ru", "ua",
    "us",  "ca",  "mx",  "br",  "ar",  "cl", "au",    "nz",     "jp",  "cn",  "kr", "in",
    "sg",  "hk",  "tw",  "za",  "il",  "ae", "tr",    "lu",     "sk",  "si",  "hr", "bg",
    "lt",  "lv",  "ee",  "is",  "mt",  "cy", "email", "online", "xyz"};

// The bytes an "@" or a "." spelled out can start with (spaces before it aside): the plain byte,
// an opening bracket, the first byte of a word in either case. Prose reaches read_form() at every
// " at " and at the word after it; most of those calls end on this table.
constexpr std::array<bool, 256> form_start(char plain, std::span<const std::string_view> words) {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(plain)] = true;
  for (const char c : std::string_view("[({<")) t[static_cast<unsigned char>(c)] = true;
  for (const auto word : words) {
    const auto c = static_cast<unsigned char>(word[0]);
    t[c] = true;
    if (c >= 'a' && c <= 'z') t[c - 32] = true;
  }
  return t;
}
constexpr std::array<bool, 256> kAtFormStart = form_start('@', kAtWords);
constexpr std::array<bool, 256> kDotFormStart = form_start('.', kDotWords);
constexpr bool opens_with_bracket(std::span<const std::string_view> forms) {
  for (const auto form : forms) {
    if (std::string_view("[({<").find(form[0]) == std::string_view::npos) return false;
  }
  return true;
}
static_assert(opens_with_bracket(kAtBracketed) && opens_with_bracket(kDotBracketed));

bool is_at_word(std::string_view w) {
  for (auto word : kAtWords) {
    if (w == word) return true;
  }
  return false;
}
bool is_dot_word(std::string_view w) {
  for (auto word : kDotWords) {
    if (w == word) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Output with a map back to the input (like the normalizer's stages).

class Writer {
 public:
  Writer(std::string_view in, std::string* out, OffsetMap* map) : in_(in), out_(out), map_(map) {
    out_->clear();
    map_->clear();
  }
  // Copies in[copied_, to) unchanged.
  void copy_to(std::size_t to) {
    if (to > copied_) {
      out_->append(in_.substr(copied_, to - copied_));
      map_->add_identity(copied_, to - copied_);
    }
    copied_ = std::max(copied_, to);
  }
  // in[from, to) becomes `text` (empty: removed).
  void replace(std::size_t from, std::size_t to, std::string_view text) {
    copy_to(from);
    out_->append(text);
    map_->add_replacement(from, to - from, text.size());
    copied_ = to;
    changed_ = true;
  }
  bool finish() {
    copy_to(in_.size());
    return changed_;
  }

 private:
  std::string_view in_;
  std::string* out_;
  OffsetMap* map_;
  std::size_t copied_ = 0;
  bool changed_ = false;
};

// ---------------------------------------------------------------------------------------------
// Number chains: digit groups and number words separated by single separators.

struct NumberToken {
  std::size_t begin = 0;
  std::size_t end = 0;
  char digit = 0;  // a word or kanji: its digit; a digit group or a letter: 0
  // A compound number ("quatre-vingt-trois", "setenta y tres"): its value in digits ("83", "73");
  // then digit is 0.
  char value[4] = {};
  std::uint8_t value_length = 0;
  bool kanji = false;
  bool letter = false;  // a capital letter standing alone, spelled out ("I T zero quattro M ...")
  char spelled = 0;     // a letter said with a spelling alphabet's word ("Milano", "Kilo"): it
  int repeat = 0;       // "double" / "triple": the next token counts this often
};

// The words of the spelling alphabets callers use to spell an identifier on the phone: ICAO/NATO,
// German (DIN 5009, old and new), French, Spanish, Italian, Dutch, Portuguese and Polish. Each
// stands for its first letter; as transcripts write them, capitalized.
constexpr std::string_view kSpellingWords[] = {
    "Alpha", "Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
    "Juliett", "Juliet", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo",
    "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "Whisky", "Yankee", "Zulu",
    // German
    "Anton", "Berta", "C\xc3\xa4sar", "Dora", "Emil", "Friedrich", "Gustav", "Heinrich", "Ida",
    "Julius", "Kaufmann", "Konrad", "Ludwig", "Martha", "Nordpol", "Otto", "Paula", "Quelle",
    "Richard", "Samuel", "Siegfried", "Theodor", "Ulrich", "Viktor", "Wilhelm", "Xanthippe",
    "Ypsilon", "Zacharias", "Zeppelin", "Aachen", "Berlin", "Chemnitz", "D\xc3\xbcsseldorf",
    "Essen", "Frankfurt", "Goslar", "Hamburg", "Ingelheim", "Jena", "K\xc3\xb6ln", "Leipzig",
    "M\xc3\xbcnchen", "N\xc3\xbcrnberg", "Offenbach", "Potsdam", "Quickborn", "Rostock",
    "Salzwedel",
    "T\xc3\xbc"
    "bingen",
    "Unna", "V\xc3\xb6lklingen", "Wuppertal", "Xanten", "Zwickau",
    // French
    "Anatole", "Berthe", "C\xc3\xa9lestin", "D\xc3\xa9sir\xc3\xa9", "Eug\xc3\xa8ne",
    "Fran\xc3\xa7ois", "Gaston", "Henri", "Irma", "Joseph",
    "Kl\xc3\xa9"
    "ber",
    "Louis", "Marcel", "Nicolas", "Pierre", "Quintal", "Raoul", "Suzanne", "Th\xc3\xa9r\xc3\xa8se",
    "Ursule", "William", "Xavier", "Yvonne", "Zo\xc3\xa9",
    // Spanish
    "Antonio", "Barcelona", "Carmen", "Dolores", "Enrique", "Francia", "Gerona", "Historia",
    "In\xc3\xa9s", "Jos\xc3\xa9", "Lorenzo", "Madrid", "Navarra", "Oviedo", "Par\xc3\xads",
    "Querido", "Ram\xc3\xb3n",
    "S\xc3\xa1"
    "bado",
    "Tarragona", "Ulises", "Valencia", "Washington",
    "Xil\xc3\xb3"
    "fono",
    "Yegua", "Zaragoza",
    // Italian
    "Ancona", "Bologna", "Como", "Domodossola", "Empoli", "Firenze", "Genova", "Imola", "Jolly",
    "Kappa", "Livorno", "Milano", "Napoli", "Otranto", "Padova", "Quarto", "Roma", "Savona",
    "Torino", "Udine", "Venezia", "Xeres", "Yacht", "Zara",
    // Dutch
    "Bernard", "Cornelis", "Dirk", "Eduard", "Ferdinand", "Gerard", "Hendrik", "Izaak", "Johan",
    "Karel", "Lodewijk", "Maria", "Nico", "Pieter", "Quirinus", "Rudolf", "Simon", "Teunis",
    "Utrecht", "Willem", "Xantippe", "Zaandam",
    // Portuguese
    "Aveiro", "Braga", "Coimbra", "Dafundo", "Faro", "Guarda", "Horta", "It\xc3\xa1lia", "Kodak",
    "Lisboa", "Nazar\xc3\xa9", "Ovar", "Porto", "Queluz", "Rossio",
    "Set\xc3\xba"
    "bal",
    "Tavira", "Unidade", "Vidago", "Waldemar", "York", "Zulmira",
    // Polish
    "Adam",
    "Boles\xc5\x82"
    "aw",
    "Celina", "Dorota", "Ewa", "Franciszek", "Gra\xc5\xbcyna", "Henryk", "Irena", "Jadwiga",
    "Karol", "Marian", "Natalia", "Olga", "Pawe\xc5\x82", "Roman", "Stefan", "Tadeusz", "Urszula",
    "Violetta",
    "Wac\xc5\x82"
    "aw",
    "Xawery", "Ypsylon", "Zygmunt"};

// The letter a spelling alphabet's word at text[i, j) stands for, or 0. The words are looked up
// by their first letter and length (every capitalized word of an excerpt is tried).
char spelled_letter(std::string_view text, std::size_t i, std::size_t j) {
  static const auto index = [] {
    std::array<std::vector<std::string_view>, 26> t;
    for (const std::string_view entry : kSpellingWords) t[entry[0] - 'A'].push_back(entry);
    return t;
  }();
  const std::string_view word = text.substr(i, j - i);
  if (word.size() < 3 || word.size() > 12 || word[0] < 'A' || word[0] > 'Z') return 0;
  for (const std::string_view entry : index[word[0] - 'A']) {
    if (entry.size() == word.size() && entry == word) return word[0];
  }
  return 0;
}

// The word at text[b, e) (lowercase in w) read as a number word, or 0.
int compound_part(std::string_view w, bool* unit) {
  *unit = false;
  if (const int v = value_word(w)) return v;
  if (const int v = one_word_compound(w)) return v;
  if (const int u = unit_value(w)) {
    *unit = true;
    return u;
  }
  return 0;
}

// A line break that stands for a space: a mail client or editor wrapped a long line there, so
// the line before it is long and the next one goes on at once. A dictated number or a spaced
// IBAN wraps like any other words.
constexpr std::size_t kWrappedLineMin = 30;
bool soft_wrap_at(std::string_view text, std::size_t j) {
  if (text[j] != '\n' || j + 1 >= text.size() || text[j + 1] == '\n' || text[j + 1] == ' ') {
    return false;
  }
  return j >= kWrappedLineMin &&
         std::memchr(text.data() + j - kWrappedLineMin, '\n', kWrappedLineMin) == nullptr;
}

// A space, or a line break that stands for one.
bool space_at(std::string_view text, std::size_t j) {
  return text[j] == ' ' || soft_wrap_at(text, j);
}

// Where the connector word of a compound ("y", "e", "et") that ends at text[q] starts, when one
// does (after a space or hyphen); 0 when none.
std::size_t connector_before(std::string_view text, std::size_t q) {
  const auto word_at = [&](std::size_t length) {
    return q > length && (text[q - length - 1] == ' ' || text[q - length - 1] == '-');
  };
  if (q >= 2 && (text[q - 1] == 'y' || text[q - 1] == 'e') && word_at(1)) return q - 1;
  if (q >= 3 && text[q - 2] == 'e' && text[q - 1] == 't' && word_at(2)) return q - 2;
  return 0;
}

// A compound number starting with the word that ends at text[j] (w: lowercased): teens, tens and
// hundreds with the units and connectors that follow ("vingt et un", "setenta y tres", "sessenta e
// dois", "osiemset siedemdziesiąt jeden", "quatre-vingt-dix-sept"), summed. A unit alone is not one
// (it stays a digit), except the French quatre-vingt.
bool read_compound(std::string_view text, std::size_t j, std::string_view w, NumberToken* token) {
  const std::size_t n = text.size();
  bool unit = false;
  int total = compound_part(w, &unit);
  if (total == 0) return false;
  int last = total;
  bool last_unit = unit;
  std::size_t end = j;
  if (unit) {
    // quatre-vingt(s): 80
    if (!(w == "quatre" && j + 6 <= n && text[j] == '-' &&
          starts_with_folded(text, j + 1, "vingt"))) {
      return false;
    }
  }
  while (end < n) {
    // a separator (one space or hyphen), an optional connector word and another separator
    std::size_t k = end;
    if (k < n && (space_at(text, k) || text[k] == '-'))
      ++k;
    else
      break;
    std::size_t e = k;
    while (e < n && (kAsciiLetter[at(text, e)] || (at(text, e) >= 0x80 && at(text, e) < 0xE0))) ++e;
    if (e == k || e - k > 32) break;
    char buf[40];
    lower_word(text, k, e, buf);
    std::string_view next(buf, e - k);
    if (next == "y" || next == "e" || next == "et") {
      if (last_unit || last < 20 || e >= n || (!space_at(text, e) && text[e] != '-')) break;
      k = e + 1;
      e = k;
      while (e < n && (kAsciiLetter[at(text, e)] || (at(text, e) >= 0x80 && at(text, e) < 0xE0)))
        ++e;
      if (e == k || e - k > 32) break;
      lower_word(text, k, e, buf);
      next = std::string_view(buf, e - k);
    }
    if (e < n && kWordByte[at(text, e)] && at(text, e) < 0xE0) break;
    bool next_unit = false;
    const int v = compound_part(next, &next_unit);
    if (v == 0) break;
    int updated = -1;
    if (last_unit && last == 4 && total % 100 == 4 && (next == "vingt" || next == "vingts")) {
      updated = total - 4 + 80;  // quatre-vingt
    } else if (v >= 100) {
      if (total == 0) updated = v;
    } else if (next_unit) {
      // after tens or hundreds ("soixante et un", "osiemset jeden"), or after dix (dix-sept)
      if (!last_unit && (last >= 20 || last == 10) && total % 10 == 0) updated = total + v;
    } else if (v >= 20) {
      // tens, or a one-word compound, after hundreds only ("trescientos veintitrés")
      if (total % 100 == 0) updated = total + v;
    } else if (v >= 10) {
      // teens after hundreds, or after soixante / quatre-vingt (soixante-douze, quatre-vingt-dix)
      if (total % 100 == 0 || total % 100 == 60 || total % 100 == 80) updated = total + v;
    }
    if (updated < 0) break;
    total = updated;
    last = v;
    last_unit = next_unit;
    end = e;
  }
  if (total <= 0 || total > 999) return false;
  const std::string digits = std::to_string(total);
  token->end = end;
  token->value_length = static_cast<std::uint8_t>(digits.size());
  for (std::size_t d = 0; d < digits.size(); ++d) token->value[d] = digits[d];
  return true;
}

// The number word, digit group or (with `letters`) lone capital letter at text[i], if any.
bool read_number_token(std::string_view text, std::size_t i, NumberToken* token,
                       bool letters = false) {
  const std::size_t n = text.size();
  if (i >= n) return false;
  const unsigned char c = at(text, i);
  token->begin = i;
  token->digit = 0;
  token->value_length = 0;
  token->kanji = false;
  token->letter = false;
  token->repeat = 0;
  token->spelled = 0;
  if (letters && c >= 'A' && c <= 'Z' && (i == 0 || !kWordByte[at(text, i - 1)]) &&
      (i + 1 == n || !kWordByte[at(text, i + 1)])) {
    token->end = i + 1;
    token->letter = true;
    return true;
  }
  if (letters && c >= 'A' && c <= 'Z' && (i == 0 || !kWordByte[at(text, i - 1)])) {
    std::size_t j = i + 1;
    while (j < n && j - i < 16 &&
           (kAsciiLetter[at(text, j)] || (at(text, j) >= 0x80 && at(text, j) < 0xE0))) {
      ++j;
    }
    if (j == n || !kWordByte[at(text, j)]) {
      if (const char letter = spelled_letter(text, i, j)) {
        token->end = j;
        token->letter = true;
        token->spelled = letter;
        return true;
      }
    }
  }
  if (kDigit[c]) {
    std::size_t j = i;
    while (j < n && kDigit[at(text, j)]) ++j;
    // A version, a time or a decimal ("1.2.3", "10:30", "3.5") is not part of a dictated number,
    // and neither is a digit run glued to letters ("v2", "x86").
    if (j < n && (kAsciiLetter[at(text, j)] ||
                  ((text[j] == '.' || text[j] == ':') && j + 1 < n && kDigit[at(text, j + 1)]))) {
      return false;
    }
    if (i > 0 && kAsciiLetter[at(text, i - 1)]) return false;
    if (i > 1 && (text[i - 1] == '.' || text[i - 1] == ':') && kDigit[at(text, i - 2)])
      return false;
    token->end = j;
    return true;
  }
  if (c >= 0xE0) {
    if (i + 3 > n) return false;
    for (const auto& k : kKatakanaDigits) {
      if (text.substr(i, k.bytes.size()) == k.bytes) {
        token->end = i + k.bytes.size();
        token->digit = k.digit;
        token->kanji = true;
        return true;
      }
    }
    for (const auto& k : kKanjiDigits) {
      if (text[i] == k.bytes[0] && text[i + 1] == k.bytes[1] && text[i + 2] == k.bytes[2]) {
        token->end = i + 3;
        token->digit = k.digit;
        token->kanji = true;
        return true;
      }
    }
    return false;
  }
  if (!kAsciiLetter[c] && c < 0x80) return false;
  if (i > 0 && kWordByte[at(text, i - 1)]) return false;  // inside a word
  std::size_t j = i;
  while (j < n && (kAsciiLetter[at(text, j)] || (at(text, j) >= 0x80 && at(text, j) < 0xE0))) ++j;
  // (hundreds said as one word run long: zweihundertdreiundvierzig)
  if (j == i || j - i > 32) return false;
  if (j < n && kWordByte[at(text, j)] && at(text, j) < 0xE0) return false;
  char word[40];
  const std::size_t length = j - i;
  lower_word(text, i, j, word);
  const std::string_view w(word, length);
  if (w == "double" || w == "triple") {
    token->end = j;
    token->repeat = w == "double" ? 2 : 3;
    return true;
  }
  if (read_compound(text, j, w, token)) return true;
  if (j - i > 12) return false;
  if (const char digit = number_word_digit(w)) {
    token->end = j;
    token->digit = digit;
    return true;
  }
  return false;
}

// A Japanese separator between the groups of a number: the comma 、, or の as a phone number is
// said and written ("090の1234の5678", "〇九〇の一二三四").
bool japanese_mark_at(std::string_view text, std::size_t j) {
  return j + 2 < text.size() && at(text, j) == 0xE3 &&
         ((at(text, j + 1) == 0x80 && at(text, j + 2) == 0x81) ||
          (at(text, j + 1) == 0x81 && at(text, j + 2) == 0xAE));
}

// The separator after a token: up to three bytes of spaces (or a wrapped line's break) with at
// most one ',', '-' or '、'. Kanji digits follow each other directly. Returns the next token's
// position, or npos.
// A hesitation a speech-to-text tool writes between the digits of a dictated number ("null eins
// sieben, ähm, fünf vier ..."): skipped like a separator. Lowercase ASCII or Latin-1 bytes.
bool filler_word(std::string_view w) {
  // ("um" is Portuguese for one)
  for (std::string_view f : {"\xc3\xa4h", "\xc3\xa4hm", "\xc3\xb6hm", "hm", "hmm", "uh", "uhm",
                             "umm", "erm", "euh", "heu", "eh", "ehm", "eeh", "mmm", "yyy", "eee"}) {
    if (w == f) return true;
  }
  return false;
}

// The end of a filler word and the separator after it, at text[j] (npos when none).
std::size_t skip_filler(std::string_view text, std::size_t j) {
  const std::size_t n = text.size();
  std::size_t e = j;
  while (e < n && e - j < 4 &&
         (kAsciiLetter[at(text, e)] || (at(text, e) >= 0x80 && at(text, e) < 0xE0)))
    ++e;
  if (e == j || e - j > 4 || (e < n && kWordByte[at(text, e)])) return std::string_view::npos;
  char buf[8];
  lower_word(text, j, e, buf);
  if (!filler_word(std::string_view(buf, e - j))) return std::string_view::npos;
  if (e < n && (text[e] == ',' || text[e] == '.')) ++e;
  if (e >= n || text[e] != ' ') return std::string_view::npos;
  return e + 1;
}

std::size_t skip_number_separator(std::string_view text, std::size_t i, bool after_kanji) {
  const std::size_t n = text.size();
  std::size_t j = i;
  int marks = 0;
  int spaces = 0;
  bool wrapped = false;
  while (j < n && j - i < 4) {
    if (text[j] == ' ' || (!wrapped && soft_wrap_at(text, j))) {
      wrapped = wrapped || text[j] == '\n';
      ++spaces;
      ++j;
    } else if ((text[j] == ',' || text[j] == '-') && marks == 0) {
      ++marks;
      ++j;
    } else if (marks == 0 && japanese_mark_at(text, j)) {  // 、 or の
      ++marks;
      j += 3;
    } else {
      break;
    }
  }
  if (j == i) return after_kanji ? i : std::string_view::npos;
  if (spaces > 2) return std::string_view::npos;
  if (j < n && (text[j] == 'e' || text[j] == 'h' || text[j] == 'u' || text[j] == 'm' ||
                text[j] == 'y' || at(text, j) == 0xC3)) {
    // one hesitation between two tokens
    const std::size_t after = skip_filler(text, j);
    if (after != std::string_view::npos) return after;
  }
  return j;
}

struct NumberChain {
  std::size_t begin = 0;
  std::size_t end = 0;
  int tokens = 0;
  int words = 0;
  int digits = 0;
  int groups = 0;
  int letters = 0;
};

// Parses the chain that starts at the token at `i` (collecting its tokens when `out` is given);
// with `letters`, lone capital letters are tokens too.
NumberChain parse_number_chain(std::string_view text, std::size_t i, std::vector<NumberToken>* out,
                               bool letters = false) {
  NumberChain chain;
  chain.begin = i;
  chain.end = i;
  NumberToken token;
  int pending_repeat = 0;
  std::size_t pos = i;
  while (pos != std::string_view::npos && read_number_token(text, pos, &token, letters)) {
    if (token.letter) {
      if (pending_repeat > 0) break;
      ++chain.tokens;
      ++chain.letters;
    } else if (token.repeat > 0) {
      if (pending_repeat > 0) break;
      pending_repeat = token.repeat;
    } else {
      const int copies = pending_repeat > 0 ? pending_repeat : 1;
      pending_repeat = 0;
      ++chain.tokens;
      if (token.digit != 0) {
        ++chain.words;
        chain.digits += copies;
      } else if (token.value_length > 0) {
        ++chain.words;
        chain.digits += copies * token.value_length;
      } else {
        ++chain.groups;
        chain.digits += static_cast<int>(token.end - token.begin);
      }
    }
    chain.end = token.end;
    if (out != nullptr) out->push_back(token);
    pos = skip_number_separator(text, token.end, token.kanji);
    if (chain.tokens >= 64) break;
  }
  return chain;
}

// ---------------------------------------------------------------------------------------------
// Digit runs an OCR engine misread: some 0, 1, 5 or 8 came out as a letter ("4O12 8888 l234 5S78").

// The digit a misread letter stands for, or 0.
char misread_digit(unsigned char c) {
  switch (c) {
    case 'O':
    case 'o':
      return '0';
    case 'l':
    case 'I':
      return '1';
    case 'S':
      return '5';
    case 'B':
      return '8';
    default:
      return 0;
  }
}

bool digit_or_misread(unsigned char c) { return kDigit[c] || misread_digit(c) != 0; }

}  // namespace

bool same_but_misread_digits(std::string_view written, std::string_view view) {
  if (written.size() != view.size()) return false;
  for (std::size_t k = 0; k < written.size(); ++k) {
    if (written[k] != view[k] && misread_digit(at(written, k)) != view[k]) return false;
  }
  return true;
}

namespace {

// Back from a digit at `d` to where its run of digit groups and misread letters starts (groups
// separated by one space or hyphen), at most 96 bytes back.
std::size_t misread_run_start(std::string_view text, std::size_t d) {
  std::size_t q = d;
  while (q > 0 && d - q < 96) {
    if (digit_or_misread(at(text, q - 1))) {
      --q;
    } else if (q >= 2 && (text[q - 1] == ' ' || text[q - 1] == '-') &&
               digit_or_misread(at(text, q - 2))) {
      --q;
    } else {
      break;
    }
  }
  return q;
}

// The misread run at text[i]: digit groups separated by single spaces or hyphens, in which some
// bytes are misread letters, after up to three capitals glued to the first group (the country of
// an IBAN, the letter of an identifier: "CH22 0S70 ...", "K441O19956"), which stay letters. Read
// as one only when it stands alone (no letter or digit glued to either end), holds at least eight
// digits, and each group has at least as many digits as letters, so that a word ("BOSS", "Oslo",
// "SOS") or a code with real letters ("4B12-XK") never is one; the validators of the rules that
// then see it decide the rest. Sets *first to its first group and *end past its last.
bool read_misread_run(std::string_view text, std::size_t i, std::size_t* first, std::size_t* end,
                      bool prefix = false) {
  const std::size_t n = text.size();
  if (i >= n || (i > 0 && kWordByte[at(text, i - 1)])) return false;
  std::size_t pos = i;
  if (prefix) {
    while (pos < n && pos - i < 3 && text[pos] >= 'A' && text[pos] <= 'Z') ++pos;
    if (pos == i || pos >= n || !kDigit[at(text, pos)]) return false;
  } else if (!digit_or_misread(at(text, i))) {
    return text[i] >= 'A' && text[i] <= 'Z' && read_misread_run(text, i, first, end, true);
  }
  *first = pos;
  int digits = 0;
  int letters = 0;
  for (int groups = 0; groups < 32; ++groups) {
    const std::size_t g = pos;
    while (pos < n && digit_or_misread(at(text, pos))) ++pos;
    int group_digits = 0;
    for (std::size_t k = g; k < pos; ++k) group_digits += kDigit[at(text, k)] ? 1 : 0;
    const int group_letters = static_cast<int>(pos - g) - group_digits;
    if (group_digits == 0 || group_letters > group_digits) return false;
    digits += group_digits;
    letters += group_letters;
    if (pos < n && kWordByte[at(text, pos)]) return false;  // glued to another letter
    *end = pos;
    if (pos + 1 < n && (text[pos] == ' ' || text[pos] == '-') &&
        digit_or_misread(at(text, pos + 1))) {
      ++pos;
    } else {
      break;
    }
  }
  if (letters > 0 && digits >= 8 && letters * 3 <= digits) return true;
  // Read as digits, the capitals at the start may have been a prefix.
  return !prefix && i + 1 < n && text[i] >= 'A' && text[i] <= 'Z' &&
         read_misread_run(text, i, first, end, true);
}

// Worth rewriting: several number words in a row, or three or more digit groups that only
// together have the length of an identifier (nine digits: an SSN, a BSN, a phone number without
// its zero). Two groups are left alone: "02110-1301" is a ZIP code, "2024-01 15" a date.
//
// A chain with letters is an identifier spelled character by character on a call (an IBAN, a
// codice fiscale): at least two letters and four number words among twelve tokens or more. The
// letters make it one value, so a short run of words between two letters ("zero quattro" in
// "I T zero quattro M tre ...") is part of it.
bool chain_counts(const NumberChain& chain) {
  if (chain.letters > 0) return chain.letters >= 2 && chain.words >= 4 && chain.tokens >= 12;
  // (compound words hold two or three digits each: "seiscientos doce, treinta y cuatro, ...")
  if (chain.words >= 2 && (chain.tokens >= 4 || chain.digits >= 6)) return true;
  return chain.words == 0 && chain.groups >= 3 && chain.digits >= 9;
}

// ---------------------------------------------------------------------------------------------
// Obfuscated addresses: label (dot label)* at label (dot label)+, the last label a TLD.

struct AddressForm {
  std::size_t end = 0;
  bool obfuscated = false;  // not a plain '.' or '@'
  bool plain_word = false;  // the English word "at" (ambiguous in prose)
};

bool read_form_plain(std::string_view text, std::size_t i, bool at_form, AddressForm* form) {
  const std::size_t n = text.size();
  std::size_t j = i;
  while (j < n && space_at(text, j)) ++j;
  const bool spaced_before = j > i;
  const char plain = at_form ? '@' : '.';
  if (j < n && text[j] == plain) {
    std::size_t k = j + 1;
    while (k < n && space_at(text, k)) ++k;
    form->end = k;
    form->obfuscated = spaced_before || k > j + 1;
    form->plain_word = false;
    return true;
  }
  // A word of either list in brackets: "(at)", "(punkt)", "[chiocciola]", "(małpa)".
  if (const char close = j < n ? closing_bracket(text[j]) : 0; close != 0) {
    std::size_t e = j + 1;
    char word[24];
    std::size_t length = 0;
    while (e < n && length < sizeof word && text[e] != close && text[e] != ' ' && text[e] != '\n') {
      word[length++] = lower(text[e++]);
    }
    const std::string_view w(word, length);
    if (e < n && text[e] == close && length > 1 && (at_form ? is_at_word(w) : is_dot_word(w))) {
      std::size_t k = e + 1;
      while (k < n && space_at(text, k)) ++k;
      form->end = k;
      form->obfuscated = true;
      form->plain_word = false;
      return true;
    }
  }
  for (auto b : at_form ? std::span<const std::string_view>(kAtBracketed)
                        : std::span<const std::string_view>(kDotBracketed)) {
    if (starts_with_folded(text, j, b)) {
      std::size_t k = j + b.size();
      while (k < n && space_at(text, k)) ++k;
      form->end = k;
      form->obfuscated = true;
      form->plain_word = false;
      return true;
    }
  }
  if (!spaced_before) {
    // Japanese words need no spaces.
    const std::string_view jp =
        at_form ? kAtWords[std::size(kAtWords) - 1] : kDotWords[std::size(kDotWords) - 1];
    if (text.substr(j, jp.size()) == jp) {
      std::size_t k = j + jp.size();
      while (k < n && space_at(text, k)) ++k;
      form->end = k;
      form->obfuscated = true;
      form->plain_word = false;
      return true;
    }
    return false;
  }
  std::size_t k = j;
  // (アットマーク, between spaces as a transcript writes it, takes 18 bytes; the Latin words
  // are shorter than 16)
  const std::size_t longest = at(text, j) == 0xE3 ? 24 : 16;
  while (k < n && (kAsciiLetter[at(text, k)] || at(text, k) >= 0x80) && k - j < longest) ++k;
  if (k == j || k >= n || !space_at(text, k)) return false;
  char word[28];
  lower_word(text, j, k, word);
  const std::string_view w(word, k - j);
  if (at_form ? !is_at_word(w) : !is_dot_word(w)) return false;
  while (k < n && space_at(text, k)) ++k;
  form->end = k;
  form->obfuscated = true;
  form->plain_word = at_form && w == "at";
  return true;
}

// read_form_plain() behind the cheap test of its first byte (may_be_address_form).
bool read_form(std::string_view text, std::size_t i, bool at_form, AddressForm* form) {
  return may_be_address_form(text, i, at_form) && read_form_plain(text, i, at_form, form);
}

// Bytes of the label character at text[j] (0: none). Latin letters with diacritics (U+00C0 to
// U+017F, two bytes) count: local parts are typed with the accents of the person's name
// ("kamińska44"), and internationalized addresses (RFC 6531) allow them.
std::size_t label_char_at(std::string_view text, std::size_t j) {
  const unsigned char c = at(text, j);
  if (kLabelByte[c]) return 1;
  if (c >= 0xC3 && c <= 0xC5 && j + 1 < text.size() && (at(text, j + 1) & 0xC0) == 0x80 &&
      !(c == 0xC3 && (at(text, j + 1) == 0x97 || at(text, j + 1) == 0xB7))) {  // not × or ÷
    return 2;
  }
  return 0;
}
// Bytes of the label character that ends at text[w - 1] (0: none).
std::size_t label_char_before(std::string_view text, std::size_t w) {
  if (w == 0) return 0;
  if (kLabelByte[at(text, w - 1)]) return 1;
  if (w >= 2 && label_char_at(text, w - 2) == 2) return 2;
  return 0;
}

std::size_t read_label(std::string_view text, std::size_t i) {
  std::size_t j = i;
  while (j < text.size() && j - i < 64) {
    const std::size_t length = label_char_at(text, j);
    if (length == 0) break;
    j += length;
  }
  return j;
}

struct AddressParse {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::pair<std::size_t, std::size_t>> labels;  // local labels, then domain labels
  std::size_t local_labels = 0;
};

// An obfuscated address starting at text[i] (a label start).
bool parse_address(std::string_view text, std::size_t i, AddressParse* out) {
  out->labels.clear();
  out->begin = i;
  bool any_obfuscated = false;
  bool plain_at_word = false;
  std::size_t pos = i;
  std::size_t label_end = read_label(text, pos);
  if (label_end == pos) return false;
  out->labels.emplace_back(pos, label_end);
  pos = label_end;
  AddressForm form;
  bool local_has_mark = false;
  for (int k = 0;; ++k) {
    if (read_form(text, pos, true, &form)) break;
    if (k >= 4 || !read_form(text, pos, false, &form)) return false;
    any_obfuscated = any_obfuscated || form.obfuscated;
    local_has_mark = true;
    pos = form.end;
    label_end = read_label(text, pos);
    if (label_end == pos) return false;
    out->labels.emplace_back(pos, label_end);
    pos = label_end;
  }
  any_obfuscated = any_obfuscated || form.obfuscated;
  plain_at_word = form.plain_word;
  out->local_labels = out->labels.size();
  pos = form.end;
  bool domain_obfuscated = false;
  for (int k = 0; k < 6; ++k) {
    label_end = read_label(text, pos);
    if (label_end == pos) break;
    out->labels.emplace_back(pos, label_end);
    pos = label_end;
    AddressForm dot;
    if (!read_form(text, pos, false, &dot)) break;
    // A trailing '.' ends the sentence, not the address.
    const std::size_t next = read_label(text, dot.end);
    if (next == dot.end) break;
    domain_obfuscated = domain_obfuscated || dot.obfuscated;
    pos = dot.end;
  }
  const std::size_t domain_labels = out->labels.size() - out->local_labels;
  if (domain_labels < 2) return false;
  const auto [tld_begin, tld_end] = out->labels.back();
  if (tld_end < text.size() && kWordByte[at(text, tld_end)]) return false;
  char tld[16];
  if (tld_end - tld_begin > sizeof tld) return false;
  for (std::size_t m = tld_begin; m < tld_end; ++m) tld[m - tld_begin] = lower(text[m]);
  const std::string_view t(tld, tld_end - tld_begin);
  if (std::find(std::begin(kTlds), std::end(kTlds), t) == std::end(kTlds)) return false;
  any_obfuscated = any_obfuscated || domain_obfuscated;
  if (!any_obfuscated) return false;  // a plain address: the e-mail rules see it as it is
  // "we are at acme.io": the English word "at" with a real domain needs a local part that looks
  // like an address (john.smith, jsmith84, j_smith).
  if (plain_at_word && !domain_obfuscated) {
    bool marked = local_has_mark;
    for (std::size_t l = 0; l < out->local_labels && !marked; ++l) {
      for (std::size_t m = out->labels[l].first; m < out->labels[l].second; ++m) {
        if (kDigit[at(text, m)] || text[m] == '_' || text[m] == '.') marked = true;
      }
    }
    if (!marked) return false;
  }
  out->end = tld_end;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Seams

bool is_fragment_byte(unsigned char c) { return kTokenByte[c]; }

struct Fragment {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool digits = false;  // all digits
  bool strong = false;  // looks like part of a credential (digits and letters, mixed case, _+/=)
};

Fragment classify_fragment(std::string_view text, std::size_t begin, std::size_t end) {
  Fragment f{begin, end, true, false};
  bool digit = false, upper = false, lowercase = false, symbol = false;
  int case_changes = 0;
  int last_case = 0;  // 1 upper, 2 lower
  for (std::size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      f.digits = false;
      int this_case = 0;
      if (c >= 'A' && c <= 'Z') {
        upper = true;
        this_case = 1;
      } else if (c >= 'a' && c <= 'z') {
        lowercase = true;
        this_case = 2;
      } else if (c == '_' || c == '+' || c == '/' || c == '=') {
        symbol = true;
      }
      if (this_case != 0) {
        if (last_case != 0 && this_case != last_case) ++case_changes;
        last_case = this_case;
      }
    }
  }
  // Random-looking: digits and letters, symbols of base64 and key formats, or the case changing
  // inside the token (not a capitalized word such as "Corresponding").
  const std::size_t length = end - begin;
  f.strong = (digit && (upper || lowercase)) || (case_changes >= 3 && length >= 8) ||
             (symbol && (upper || lowercase || digit));
  return f;
}

// The fragment that ends a line [begin, end): its last token, trailing dots, ellipses and
// commas aside. Digit groups before it count as part of a digit fragment ("4532 7153").
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// Where a closing tag of a subtitle cue or markup (</v>, </c>, </i>, </font>) that ends at
// text[e] starts, or e when none.
std::size_t before_closing_tag(std::string_view text, std::size_t begin, std::size_t e) {
  if (e < begin + 4 || text[e - 1] != '>') return e;
  std::size_t k = e - 1;
  while (k > begin && e - k < 8 && kAsciiLetter[at(text, k - 1)]) --k;
  if (k >= begin + 2 && k < e - 1 && text[k - 1] == '/' && text[k - 2] == '<') return k - 2;
  return e;
}

bool line_end_fragment(std::string_view text, std::size_t begin, std::size_t end, Fragment* f) {
  std::size_t e = end;
  while (e > begin && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
  e = before_closing_tag(text, begin, e);
  // "..." and "…"
  while (e > begin && (text[e - 1] == '.' || text[e - 1] == ',' || text[e - 1] == ';')) --e;
  if (e >= begin + 3 && at(text, e - 3) == 0xE2 && at(text, e - 2) == 0x80 &&
      at(text, e - 1) == 0xA6) {
    e -= 3;
  }
  // Most lines end with a word: a token of lower-case letters only is not a fragment. (Four
  // lower-case letters also end one in forty random base64 fragments, so they do not settle it.)
  std::size_t b = e;
  while (b > begin && is_lower(text[b - 1])) --b;
  if (b == begin || !is_fragment_byte(at(text, b - 1))) return false;
  while (b > begin && is_fragment_byte(at(text, b - 1)) && e - b < 256) --b;
  while (b < e && (text[b] == '.' || text[b] == '-')) ++b;
  if (e - b < 2) return false;
  *f = classify_fragment(text, b, e);
  if (f->digits && e - b < 6) {
    // A year or a section number ends many lines; half a card ends with a group of a chain, and
    // a phone number said in two breaths with its trunk prefix ("It's 07877" / "624286").
    if (e - b >= 4 && text[b] == '0') return true;
    std::size_t q = b;
    while (q > begin && (text[q - 1] == ' ' || text[q - 1] == ',' || text[q - 1] == '-')) --q;
    return q < b && q > begin && kDigit[at(text, q - 1)];
  }
  return f->digits || (f->strong && e - b >= 4);
}

// The fragment a continuation line starts with, after a chat prefix ("[10:42] ", "<nick> ",
// "Name:", "> ") and up to three short words ("rest is", "and then").
bool line_start_fragment(std::string_view text, std::size_t begin, std::size_t end, bool wrap,
                         Fragment* f) {
  std::size_t p = begin;
  // A time or a ratio ("10:42", "3/4") is not the rest of a value.
  auto ends_cleanly = [&](std::size_t e) {
    return e >= end ||
           !(text[e] == ':' || (text[e] == '.' && e + 1 < end && kDigit[at(text, e + 1)]));
  };
  // A key of its own ("host_base = ...") starts a new line of a config file, not the rest of a
  // value.
  auto is_key = [&](std::size_t e) {
    while (e < end && (text[e] == ' ' || text[e] == '\t')) ++e;
    return e < end && text[e] == '=';
  };
  if (wrap) {
    std::size_t e = p;
    while (e < end && is_fragment_byte(at(text, e))) ++e;
    if (e == p || !ends_cleanly(e) || is_key(e)) return false;
    *f = classify_fragment(text, p, e);
    return true;
  }
  // A subtitle cue's number, on its own line above the cue's times ("13" over "00:01:04,400 -->
  // ..."), is no continuation: the cue's text is.
  {
    std::size_t e = p;
    while (e < end && kDigit[at(text, e)]) ++e;
    if (e > p && e == end && end + 1 < text.size()) {
      const std::string_view next_line = text.substr(end + 1, 64);
      if (next_line.substr(0, next_line.find('\n')).find("-->") != std::string_view::npos) {
        return false;
      }
    }
  }
  auto skip_spaces = [&] {
    while (p < end && (text[p] == ' ' || text[p] == '\t' || text[p] == '>')) ++p;
  };
  skip_spaces();
  for (int k = 0; k < 2 && p < end && (text[p] == '[' || text[p] == '<' || text[p] == '('); ++k) {
    const char close = text[p] == '[' ? ']' : text[p] == '<' ? '>' : ')';
    std::size_t q = p + 1;
    while (q < end && text[q] != close && q - p < 40) ++q;
    if (q >= end || text[q] != close) break;
    p = q + 1;
    skip_spaces();
  }
  // "Name:" / "marco.rossi:" label
  {
    std::size_t q = p;
    while (q < end && q - p < 32 && text[q] != ':' && text[q] != '\n') ++q;
    if (q < end && text[q] == ':' && q + 1 < end && text[q + 1] == ' ' && q > p) {
      p = q + 1;
      skip_spaces();
    }
  }
  for (int words = 0; words <= 3 && p < end; ++words) {
    std::size_t e = p;
    while (e < end && is_fragment_byte(at(text, e))) ++e;
    if (e > p && ends_cleanly(e) && !is_key(e)) {
      const Fragment candidate = classify_fragment(text, p, e);
      if (candidate.digits || (candidate.strong && e - p >= 4)) {
        *f = candidate;
        return true;
      }
    }
    // a short plain word ("rest", "is:", "and") may come first
    std::size_t w = p;
    while (w < end && kAsciiLetter[at(text, w)]) ++w;
    if (w == p || w - p > 10) return false;
    p = w;
    while (p < end && (text[p] == ':' || text[p] == ',')) ++p;
    if (p >= end || text[p] != ' ') return false;
    skip_spaces();
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Windows

std::size_t snap_begin(std::string_view text, std::size_t want, std::size_t limit) {
  // Start at a word start within [want, limit): after a space or a line break.
  for (std::size_t i = want; i < limit && i - want < 32; ++i) {
    if (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t') return i;
  }
  std::size_t i = want;
  while (i > 0 && (at(text, i) & 0xC0) == 0x80) --i;
  return i;
}
std::size_t snap_end(std::string_view text, std::size_t want, std::size_t limit) {
  for (std::size_t i = want; i > limit && want - i < 32; --i) {
    if (i == text.size() || text[i] == ' ' || text[i] == '\n' || text[i] == '\t') return i;
  }
  std::size_t i = want;
  while (i < text.size() && (at(text, i) & 0xC0) == 0x80) ++i;
  return i;
}

// The line break at or after `from` ('\n', or the two characters \n of a JSON string): its
// position and where the next line starts; (size, size) when the text ends first.
std::pair<std::size_t, std::size_t> next_break(std::string_view text, std::size_t from) {
  const std::size_t n = text.size();
  for (std::size_t k = from; k < n; ++k) {
    if (text[k] == '\n') return {k, k + 1};
    if (text[k] == '\\' && k + 1 < n && text[k + 1] == 'n' && (k == 0 || text[k - 1] != '\\')) {
      return {k, k + 2};
    }
  }
  return {n, n};
}

// True when only spaces, '.', ',' and a closing tag of a subtitle cue (</v>) stand between
// text[e] and the end of its line.
bool ends_line(std::string_view text, std::size_t e) {
  const std::size_t n = text.size();
  while (e < n && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r' || text[e] == '.' ||
                   text[e] == ',')) {
    ++e;
  }
  if (e + 3 < n && text[e] == '<' && text[e + 1] == '/') {
    std::size_t k = e + 2;
    while (k < n && k - e < 9 && kAsciiLetter[at(text, k)]) ++k;
    if (k < n && k > e + 2 && text[k] == '>') e = k + 1;
  }
  return e >= n || text[e] == '\n' || (text[e] == '\\' && e + 1 < n && text[e + 1] == 'n');
}

// Where the line holding `at` starts.
std::size_t line_start(std::string_view text, std::size_t at) {
  std::size_t k = at;
  while (k > 0) {
    if (text[k - 1] == '\n') return k;
    if (k >= 2 && text[k - 1] == 'n' && text[k - 2] == '\\' && (k < 3 || text[k - 3] != '\\'))
      return k;
    --k;
  }
  return 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

const std::vector<JoinedView::Trigger>& JoinedView::triggers() {
  static const std::vector<Trigger> list = [] {
    std::vector<Trigger> t;
    for (const auto& w : number_words()) {
      if (w.trigger) t.push_back({std::string(w.word), true});
    }
    for (const auto& k : kKanjiDigits) {
      if (k.digit == '0' || k.digit == '4' || k.digit == '5' || k.digit == '7' || k.digit == '8' ||
          k.digit == '9') {
        t.push_back({std::string(k.bytes), false});
      }
    }
    // Compound numbers that may hold no trigger word of their own: German tens (…zig) and
    // Polish ones (…dziesiąt, …dzieści) inside their words (a Dutch or a French number says its
    // zero: "nul zes", "zéro six"); katakana digits of two characters or more.
    for (std::string_view tens : {"zig", "dziesi\xc4\x85t", "dzie\xc5\x9b\x63i"}) {
      for (auto& spelling : plain_spellings(tens)) t.push_back({std::move(spelling), false});
    }
    for (const auto& k : kKatakanaDigits) {
      if (k.bytes.size() > 3) t.push_back({std::string(k.bytes), false});
    }
    for (auto b : kAtBracketed) t.push_back({std::string(b), false});
    for (auto b : kDotBracketed) t.push_back({std::string(b), false});
    for (auto w : kAtWords) {
      if (w == "at") {
        t.push_back({" at ", false});
      } else {
        t.push_back({std::string(w), static_cast<unsigned char>(w[0]) < 0xE0});
      }
    }
    for (auto w : kDotWords) {
      if (w == "dot" || w == "point") {
        t.push_back({" " + std::string(w) + " ", false});
      } else {
        t.push_back({std::string(w), static_cast<unsigned char>(w[0]) < 0xE0});
      }
    }
    // "zéro" typed plainly is the English "zero": one trigger.
    std::vector<Trigger> unique;
    for (auto& trigger : t) {
      if (std::none_of(unique.begin(), unique.end(), [&](const Trigger& u) {
            return u.text == trigger.text && u.word == trigger.word;
          })) {
        unique.push_back(std::move(trigger));
      }
    }
    return unique;
  }();
  return list;
}

bool may_be_address_form(std::string_view text, std::size_t i, bool at_form) {
  const std::size_t n = text.size();
  std::size_t j = i;
  while (j < n && space_at(text, j)) ++j;
  return j < n && (at_form ? kAtFormStart : kDotFormStart)[at(text, j)];
}

bool read_address_form_plain(std::string_view text, std::size_t i, bool at_form, std::size_t* end) {
  AddressForm form;
  if (!read_form_plain(text, i, at_form, &form)) return false;
  *end = form.end;
  return true;
}

bool rewrite_for_joined_view(std::string_view in, std::string* out, OffsetMap* map, bool misreads) {
  Writer writer(in, out, map);
  std::vector<NumberToken> tokens;
  AddressParse address;
  const std::size_t n = in.size();
  // Where an address could have its "@": only word starts shortly before one try to parse one.
  std::vector<std::size_t> ats;
  for (std::size_t k = 0; k < n; ++k) {
    const unsigned char c = at(in, k);
    if (c == '@') {
      ats.push_back(k);
    } else if ((c == '[' || c == '(' || c == '{' || c == '<' || c == ' ') && k + 2 < n) {
      AddressForm form;
      if ((lower(in[k + 1]) == 'a' || in[k + 1] == '@' || at(in, k + 1) >= 0x80 ||
           lower(in[k + 1]) == 'c' || lower(in[k + 1]) == 'k' || lower(in[k + 1]) == 'm') &&
          read_form(in, c == ' ' ? k : k, true, &form)) {
        ats.push_back(k);
      }
    } else if (c == 0xE3 && k + 2 < n) {
      AddressForm form;
      if (read_form(in, k, true, &form)) ats.push_back(k);
    }
  }
  std::size_t next_at = 0;
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = at(in, i);
    const bool word_start = i == 0 || !kWordByte[at(in, i - 1)];
    while (next_at < ats.size() && ats[next_at] < i) ++next_at;
    const bool at_ahead = next_at < ats.size() && ats[next_at] - i <= 160;
    // Addresses first: "dziewięć" is never a label, "zero" could be one ("zero at acme dot io").
    if (at_ahead && word_start && kLabelByte[c] && c != '-' && c != '+' && c != '%' &&
        parse_address(in, i, &address)) {
      // Labels stay identity pieces; the separators between them become '@' or '.'.
      for (std::size_t l = 1; l < address.labels.size(); ++l) {
        writer.replace(address.labels[l - 1].second, address.labels[l].first,
                       l == address.local_labels ? "@" : ".");
      }
      writer.copy_to(address.end);
      i = address.end;
      continue;
    }
    std::size_t misread_first = 0;
    std::size_t misread_end = 0;
    // (a misread run has a digit in its first four bytes: most words are passed at once)
    if (misreads && word_start &&
        (kDigit[c] || (i + 1 < n && kDigit[at(in, i + 1)]) ||
         (i + 2 < n && kDigit[at(in, i + 2)]) || (i + 3 < n && kDigit[at(in, i + 3)])) &&
        read_misread_run(in, i, &misread_first, &misread_end)) {
      for (std::size_t k = misread_first; k < misread_end; ++k) {
        if (const char digit = misread_digit(at(in, k))) writer.replace(k, k + 1, {&digit, 1});
      }
      i = misread_end;
      continue;
    }
    if (kDigit[c] || c >= 0x80 || (kAsciiLetter[c] && word_start)) {
      tokens.clear();
      NumberChain chain = parse_number_chain(in, i, &tokens, true);
      if (chain.letters > 0 && !chain_counts(chain)) {
        // Not a spelled identifier: the chain as number words and digits alone.
        tokens.clear();
        chain = parse_number_chain(in, i, &tokens);
      }
      if (chain.tokens > 0 && chain_counts(chain)) {
        int repeat = 0;
        for (std::size_t t = 0; t < tokens.size(); ++t) {
          const NumberToken& token = tokens[t];
          const std::size_t next_begin = t + 1 < tokens.size() ? tokens[t + 1].begin : token.end;
          if (token.repeat > 0) {
            repeat = token.repeat;
            writer.replace(token.begin, next_begin, "");
            continue;
          }
          const int copies = repeat > 0 ? repeat : 1;
          repeat = 0;
          if (token.spelled != 0) {
            writer.replace(token.begin, token.end, std::string(1, token.spelled));
          } else if (token.digit != 0) {
            writer.replace(token.begin, token.end,
                           std::string(static_cast<std::size_t>(copies), token.digit));
          } else if (token.value_length > 0) {
            std::string digits;
            for (int k = 0; k < copies; ++k) digits.append(token.value, token.value_length);
            writer.replace(token.begin, token.end, digits);
          } else if (copies > 1) {
            std::string digits;
            for (int k = 0; k < copies; ++k)
              digits.append(in.substr(token.begin, token.end - token.begin));
            writer.replace(token.begin, token.end, digits);
          } else {
            writer.copy_to(token.end);
          }
          if (next_begin > token.end) writer.replace(token.end, next_begin, "");
        }
        i = chain.end;
        continue;
      }
      if (kDigit[c]) {
        while (i < n && kDigit[at(in, i)]) ++i;
        continue;
      }
    }
    if (kWordByte[c]) {
      // Skip the rest of the word (a number word never starts inside one).
      ++i;
      while (i < n && kWordByte[at(in, i)] && at(in, i) < 0xE0) ++i;
      continue;
    }
    ++i;
  }
  return writer.finish();
}

struct JoinedView::Scratch {
  // An excerpt of one segment; `gaps` (seams) are left out of it.
  struct Window {
    std::size_t begin;
    std::size_t end;
    std::vector<std::pair<std::size_t, std::size_t>> gaps;
  };
  struct CrossSeam {  // seams between segments: two pieces
    std::uint32_t first_segment;
    std::size_t first_begin;
    std::size_t first_end;
    std::uint32_t second_segment;
    std::size_t second_begin;
    std::size_t second_end;
  };
  struct OpenFragment {
    std::uint32_t segment;
    Fragment fragment;
    int line;
    std::size_t line_length;
  };
  std::vector<std::vector<Window>> windows;  // places: digit chains, words, addresses
  std::vector<std::vector<Window>> joins;    // seams within one segment
  std::vector<CrossSeam> cross;
  std::vector<OpenFragment> open;
  std::vector<std::size_t> followed;
  JoinHints naive;
  std::vector<std::uint32_t> sorted;
};

JoinedView::JoinedView() : scratch_(std::make_unique<Scratch>()) {}
JoinedView::~JoinedView() = default;
JoinedView::JoinedView(JoinedView&&) noexcept = default;
JoinedView& JoinedView::operator=(JoinedView&&) noexcept = default;

bool JoinedView::build(std::span<const std::string_view> views,
                       const std::vector<JoinHints>* hints) {
  raw_.clear();
  pieces_.clear();
  text_.clear();
  rewrite_map_.clear();
  if (!scratch_) scratch_ = std::make_unique<Scratch>();
  using Window = Scratch::Window;
  using OpenFragment = Scratch::OpenFragment;
  auto& windows = scratch_->windows;
  auto& joins = scratch_->joins;
  auto& cross = scratch_->cross;
  auto& open = scratch_->open;
  if (windows.size() < views.size()) {
    windows.resize(views.size());
    joins.resize(views.size());
  }
  for (std::size_t s = 0; s < views.size(); ++s) {
    windows[s].clear();
    joins[s].clear();
  }
  cross.clear();
  std::size_t seam_count = 0;
  constexpr std::size_t kMaxSeams = 512;
  constexpr int kTurnLines = 5;  // a continuation may come this many lines later
  // Lines shorter than this were ended by their writer, not wrapped by a terminal.
  constexpr std::size_t kWrapWidth = 24;

  auto context_begin = [&](std::string_view text, std::size_t begin) {
    return snap_begin(text, begin > kJoinContext ? begin - kJoinContext : 0, begin);
  };
  auto context_end = [&](std::string_view text, std::size_t end) {
    return std::max(end, snap_end(text, std::min(text.size(), end + kJoinContext), end));
  };
  bool misread_places = false;
  auto add_window = [&](std::uint32_t s, std::size_t begin, std::size_t end) {
    windows[s].push_back({context_begin(views[s], begin), context_end(views[s], end), {}});
  };

  // Seams. From a line where a value may start (a rule's literal, a digit chain at the line's
  // end), the following lines of the segment and of the next segments (a segment boundary is a
  // line break) are read while a fragment waits for its continuation.
  std::vector<std::size_t>& followed = scratch_->followed;  // per segment: lines before are read
  followed.assign(views.size(), 0);
  auto follow = [&](std::uint32_t s, std::size_t begin) {
    if (begin < followed[s] || seam_count >= kMaxSeams) return;
    open.clear();
    int line_number = 0;
    while (s < views.size()) {
      const std::string_view text = views[s];
      const auto [end, next] = next_break(text, begin);
      ++line_number;
      for (std::size_t k = 0; k < open.size() && seam_count < kMaxSeams;) {
        const OpenFragment& o = open[k];
        const Fragment& first = o.fragment;
        const std::size_t first_length = first.end - first.begin;
        Fragment second;
        bool joined = false;
        if (o.line == line_number - 1 && o.line_length >= kWrapWidth &&
            line_start_fragment(text, begin, end, true, &second)) {
          // A terminal or mail wrap: a long line broken inside a token that looks like a
          // credential or a long number.
          const std::size_t total = first_length + (second.end - second.begin);
          joined = (first.digits && second.digits && total >= 6) ||
                   (first.strong && first_length >= 8 && total >= 16);
        }
        if (!joined && line_start_fragment(text, begin, end, false, &second)) {
          // A continuation a few turns later: both pieces of the same kind.
          const std::size_t second_length = second.end - second.begin;
          joined = (first.digits && second.digits && first_length >= 2 && second_length >= 2) ||
                   (!first.digits && !second.digits && first.strong && second.strong &&
                    first_length + second_length >= 16);
        }
        if (joined) {
          ++seam_count;
          if (o.segment == s) {
            joins[s].push_back({context_begin(text, first.begin),
                                context_end(text, second.end),
                                {{first.end, second.begin}}});
          } else {
            cross.push_back({o.segment, context_begin(views[o.segment], first.begin), first.end, s,
                             second.begin, context_end(text, second.end)});
          }
        }
        // A fragment is continued once; it expires after kTurnLines lines.
        if (joined || line_number - o.line >= kTurnLines) {
          open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
        } else {
          ++k;
        }
      }
      Fragment last;
      if (end > begin && line_end_fragment(text, begin, end, &last)) {
        if (open.size() >= 8) open.erase(open.begin());
        open.push_back({s, last, line_number, end - begin});
      }
      followed[s] = std::max(followed[s], next);
      if (open.empty() || line_number > 64) break;
      if (next >= text.size()) {
        // On into the next segment (another message of the conversation).
        if (++s >= views.size()) break;
        begin = 0;
      } else {
        begin = next;
      }
    }
    open.clear();
  };

  auto& found = scratch_->naive;
  AddressParse address;
  for (std::uint32_t s = 0; s < views.size(); ++s) {
    const std::string_view text = views[s];
    // Without hints, every position is one (the reference for tests).
    if (hints == nullptr) {
      found.clear();
      for (std::size_t k = 0; k < text.size(); ++k) {
        if (kDigit[at(text, k)] || text[k] == '\n')
          found.digits.push_back(static_cast<std::uint32_t>(k));
        if (k == 0 || !kWordByte[at(text, k - 1)] || at(text, k) >= 0xE0 || text[k] == ' ') {
          found.words.push_back(static_cast<std::uint32_t>(k));
        }
        if (k == 0 || text[k - 1] == '\n') found.values.push_back(static_cast<std::uint32_t>(k));
      }
    }
    const JoinHints* h = hints == nullptr ? &found : (s < hints->size() ? &(*hints)[s] : nullptr);
    if (h == nullptr) continue;

    // Digit chains around the dense digit runs the scan found; one that ends a line may be half
    // a number continued later.
    std::size_t covered = 0;
    for (std::uint32_t d : h->digits) {
      if (d >= text.size() || d < covered || !kDigit[at(text, d)]) continue;
      {
        const std::size_t q = misread_run_start(text, d);
        std::size_t p = q;  // with up to three capitals before it
        while (p > 0 && q - p < 3 && text[p - 1] >= 'A' && text[p - 1] <= 'Z') --p;
        std::size_t run_first = 0;
        std::size_t run_end = 0;
        if (read_misread_run(text, q, &run_first, &run_end) ||
            (p < q && read_misread_run(text, p, &run_first, &run_end, true))) {
          add_window(s, std::min(p, q), run_end);
          misread_places = true;
          covered = run_end;
          // an account number said in two cues or turns ("DE60 4635 9002" / "6514 4577 86"):
          // groups, the last of digits only, end the line
          std::size_t last_group = run_end;
          while (last_group > run_first && kDigit[at(text, last_group - 1)]) --last_group;
          if (last_group > run_first && last_group < run_end && text[last_group - 1] == ' ' &&
              ends_line(text, run_end)) {
            follow(s, line_start(text, run_first));
          }
          continue;
        }
      }
      // back to the chain's first group (separators: spaces, ',', '-')
      std::size_t first = d;
      while (first > 0 && kDigit[at(text, first - 1)]) --first;
      for (int k = 0; k < 32 && first > 0; ++k) {
        std::size_t q = first;
        if (q >= 3 && japanese_mark_at(text, q - 3)) {
          q -= 3;
        } else {
          while (q > 0 && first - q < 3 &&
                 (text[q - 1] == ' ' || text[q - 1] == ',' || text[q - 1] == '-' ||
                  soft_wrap_at(text, q - 1)))
            --q;
        }
        if (q == first || q == 0 || !kDigit[at(text, q - 1)]) break;
        while (q > 0 && kDigit[at(text, q - 1)]) --q;
        first = q;
      }
      if (first > 0 && (kAsciiLetter[at(text, first - 1)] ||
                        ((text[first - 1] == '.' || text[first - 1] == ':') && first > 1 &&
                         kDigit[at(text, first - 2)]))) {
        // The groups of an identifier ("CZ81 9415 ...") are the text rules' business, unless a
        // wrapped line broke them: then the excerpt puts the line back together.
        if (kAsciiLetter[at(text, first - 1)]) {
          std::size_t next = first;
          while (next < text.size() && kDigit[at(text, next)]) ++next;
          next = next < text.size() ? skip_number_separator(text, next, false) : next;
          const NumberChain chain =
              next < text.size() ? parse_number_chain(text, next, nullptr) : NumberChain{};
          if (chain.groups >= 2 && text.substr(chain.begin, chain.end - chain.begin).find('\n') !=
                                       std::string_view::npos) {
            add_window(s, chain.begin, chain.end);
            covered = chain.end;
            continue;
          }
          // an identifier said in two cues or turns: the rest may come a few lines later
          if (chain.groups >= 1 && ends_line(text, chain.end)) follow(s, line_start(text, first));
        }
        while (covered < text.size() && kDigit[at(text, covered)]) ++covered;
        covered = std::max(covered, static_cast<std::size_t>(d) + 1);
        continue;
      }
      const NumberChain chain = parse_number_chain(text, first, nullptr);
      covered = std::max(chain.end, static_cast<std::size_t>(d) + 1);
      if (chain.tokens > 0 && chain_counts(chain)) add_window(s, chain.begin, chain.end);
      if (chain.groups >= 1 && ends_line(text, chain.end)) {
        follow(s, line_start(text, chain.begin));
      }
    }

    // Lines where a joined rule's literal occurs: a key or a card may go on later.
    for (std::uint32_t v : h->values) {
      if (v > text.size()) continue;
      follow(s, line_start(text, v));
    }

    // Number words and address words.
    if (h->words.empty()) continue;
    auto& sorted = scratch_->sorted;
    sorted.assign(h->words.begin(), h->words.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    covered = 0;  // triggers before this lie in a place already found
    for (std::uint32_t found_at : sorted) {
      if (found_at >= text.size() || found_at < covered) continue;
      // The tens of a compound are found inside their word ("fünfundfünfzig"): from its start.
      std::size_t hint = found_at;
      if (kAsciiLetter[at(text, hint)] || (at(text, hint) >= 0x80 && at(text, hint) < 0xE0)) {
        while (hint > 0 && (kAsciiLetter[at(text, hint - 1)] ||
                            (at(text, hint - 1) >= 0x80 && at(text, hint - 1) < 0xE0))) {
          --hint;
        }
      }
      if (hint < covered) continue;
      NumberToken token;
      if (read_number_token(text, hint, &token) && token.repeat == 0) {
        // A number word: back to the chain's first token, then forward; first as part of an
        // identifier spelled with letters, then as a number alone.
        const auto chain_through = [&](bool letters) {
          std::size_t first = hint;
          for (int k = 0; k < 40; ++k) {
            std::size_t q = first;
            while (q > 0 && (text[q - 1] == ' ' || text[q - 1] == ',' || text[q - 1] == '-' ||
                             soft_wrap_at(text, q - 1))) {
              --q;
            }
            if (q >= 3 && japanese_mark_at(text, q - 3)) q -= 3;
            // A compound's connector ("cuarenta y cinco", "vingt et un", "sessenta e dois"):
            // the compound starts at the word before it and must take in the word at `first`.
            std::size_t must_reach = q;
            const std::size_t connector = connector_before(text, q);
            if (connector > 0) {
              must_reach = first + 1;
              q = connector;
              while (q > 0 && (text[q - 1] == ' ' || text[q - 1] == '-')) --q;
            }
            std::size_t w = q;
            if (w >= 3 && at(text, w - 3) >= 0xE0) {
              w -= 3;  // a kanji digit?
            } else {
              while (w > 0 && (kAsciiLetter[at(text, w - 1)] || kDigit[at(text, w - 1)] ||
                               (at(text, w - 1) >= 0x80 && at(text, w - 1) < 0xE0))) {
                --w;
              }
            }
            // (a compound read from there may take in the word at `first`: "siedemdziesiąt
            // osiem" reached from its unit)
            NumberToken previous;
            if (w == q || !read_number_token(text, w, &previous, letters) ||
                previous.end < must_reach) {
              break;
            }
            first = w;
          }
          return parse_number_chain(text, first, nullptr, letters);
        };
        NumberChain chain = chain_through(true);
        if (chain.letters == 0 || !chain_counts(chain)) chain = chain_through(false);
        if (chain.end > hint && chain.tokens > 0 && chain_counts(chain)) {
          add_window(s, chain.begin, chain.end);
          covered = chain.end;
        }
        continue;
      }
      {
        // An at word needs a domain after it ("at gmail dot com", "[at] acme.io"); a dot word a
        // label on each side. Prose ("at your option", "at this point in time") stops here.
        AddressForm form;
        std::size_t start = hint;
        if (start > 0 && closing_bracket(text[start - 1]) != 0) {
          --start;  // a word in brackets: "(punkt)"
        }
        while (start > 0 && text[start - 1] == ' ') --start;
        if (read_form(text, start, true, &form)) {
          const std::size_t label_end = read_label(text, form.end);
          AddressForm dot;
          if (label_end == form.end || !read_form(text, label_end, false, &dot) ||
              read_label(text, dot.end) == dot.end) {
            continue;
          }
        } else if (read_form(text, start, false, &form)) {
          if (label_char_before(text, start) == 0 || read_label(text, form.end) == form.end) {
            continue;
          }
        } else {
          continue;
        }
      }
      // Try the starts of the few words before the trigger, on the previous line too when a
      // wrap broke it and the trigger is a bracketed form (prose has many "at this point").
      std::size_t q = hint;
      const bool bracketed = closing_bracket(text[hint]) != 0;
      for (int k = 0; k < 6 && q > 0; ++k) {
        while (q > 0 && label_char_before(text, q) == 0 &&
               (text[q - 1] != '\n' || (bracketed && soft_wrap_at(text, q - 1))) && hint - q < 96) {
          --q;
        }
        std::size_t w = q;
        while (label_char_before(text, w) > 0) w -= label_char_before(text, w);
        if (w == q) break;
        if (parse_address(text, w, &address) && address.end > hint) {
          add_window(s, address.begin, address.end);
          covered = address.end;
          break;
        }
        q = w;
      }
    }
  }

  const bool nothing =
      cross.empty() &&
      std::all_of(windows.begin(), windows.begin() + static_cast<std::ptrdiff_t>(views.size()),
                  [](const auto& w) { return w.empty(); }) &&
      std::all_of(joins.begin(), joins.begin() + static_cast<std::ptrdiff_t>(views.size()),
                  [](const auto& w) { return w.empty(); });
  if (nothing) return false;
  auto add_piece = [&](std::uint32_t s, std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    pieces_.push_back({raw_.size(), end - begin, {s, begin, end}});
    raw_.append(views[s].substr(begin, end - begin));
  };
  auto separate = [&] {
    if (!raw_.empty()) raw_.append("\n\n");
  };
  // Overlapping windows of one segment become one excerpt (gaps and all).
  auto emit = [&](std::uint32_t s, std::vector<Window>& list) {
    std::sort(list.begin(), list.end(),
              [](const Window& a, const Window& b) { return a.begin < b.begin; });
    for (std::size_t k = 0; k < list.size();) {
      std::size_t begin = list[k].begin;
      std::size_t end = list[k].end;
      std::vector<std::pair<std::size_t, std::size_t>> gaps = list[k].gaps;
      std::size_t m = k + 1;
      while (m < list.size() && list[m].begin <= end + 16) {
        end = std::max(end, list[m].end);
        gaps.insert(gaps.end(), list[m].gaps.begin(), list[m].gaps.end());
        ++m;
      }
      std::sort(gaps.begin(), gaps.end());
      separate();
      std::size_t at_pos = begin;
      for (const auto& [gap_begin, gap_end] : gaps) {
        if (gap_begin < at_pos) continue;
        add_piece(s, at_pos, gap_begin);
        at_pos = gap_end;
      }
      add_piece(s, at_pos, end);
      k = m;
    }
  };
  for (std::uint32_t s = 0; s < views.size(); ++s) {
    emit(s, windows[s]);
    emit(s, joins[s]);
  }
  for (const auto& seam : cross) {
    separate();
    add_piece(seam.first_segment, seam.first_begin, seam.first_end);
    add_piece(seam.second_segment, seam.second_begin, seam.second_end);
  }
  // Misreads only where a misread run was found: the check would cost every excerpt's numbers.
  if (!rewrite_for_joined_view(raw_, &text_, &rewrite_map_, misread_places)) {
    text_ = raw_;
    rewrite_map_.clear();
  }
  return true;
}

void JoinedView::map(std::size_t begin, std::size_t end, std::vector<JoinedSource>* out) const {
  out->clear();
  if (end <= begin) return;
  auto [raw_begin, raw_end] =
      rewrite_map_.empty() ? std::make_pair(begin, end) : rewrite_map_.map(begin, end);
  auto it =
      std::upper_bound(pieces_.begin(), pieces_.end(), raw_begin,
                       [](std::size_t offset, const Piece& p) { return offset < p.raw_begin; });
  if (it != pieces_.begin()) --it;
  for (; it != pieces_.end() && it->raw_begin < raw_end; ++it) {
    const std::size_t b = std::max(raw_begin, it->raw_begin);
    const std::size_t e = std::min(raw_end, it->raw_begin + it->length);
    if (e <= b) continue;
    const std::size_t source_begin = it->source.begin + (b - it->raw_begin);
    const std::size_t source_end = it->source.begin + (e - it->raw_begin);
    if (!out->empty() && out->back().segment == it->source.segment &&
        out->back().end == source_begin) {
      out->back().end = source_end;
    } else {
      out->push_back({it->source.segment, source_begin, source_end});
    }
  }
}

}  // namespace switchyard::policy
