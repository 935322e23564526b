// The regex analyzer (regex_analysis.h): its facts must hold for every match RE2 finds, its
// re-serialization must match exactly what the pattern matches, anything it does not understand
// must give the conservative answer, and every regex of the shipped packs must get gates.
#include "policies/regex_analysis.h"

#include <gtest/gtest.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "policies/classifier.h"

namespace switchyard::policy {
namespace {

namespace fs = std::filesystem;

std::vector<std::pair<std::string, std::string>> pack_regexes() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry :
       fs::directory_iterator(fs::path(SWITCHYARD_SOURCE_DIR) / "policies/packs")) {
    if (entry.path().extension() != ".yaml") continue;
    const YAML::Node root = YAML::LoadFile(entry.path().string());
    for (const auto& rule : root["rules"]) {
      if (rule["regex"])
        out.emplace_back(rule["id"].as<std::string>(), rule["regex"].as<std::string>());
    }
  }
  return out;
}

// Read once: texts_for() runs per pack regex, and re-parsing every pack each time took most of
// the regex tests' time under ASan (CI timed one out).
const std::vector<std::string>& pack_test_texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    for (const auto& entry :
         fs::directory_iterator(fs::path(SWITCHYARD_SOURCE_DIR) / "policies/packs")) {
      if (entry.path().extension() != ".yaml") continue;
      const YAML::Node root = YAML::LoadFile(entry.path().string());
      for (const auto& test : root["tests"]) out.push_back(test["text"].as<std::string>());
    }
    return out;
  }();
  return texts;
}

// Patterns the parser must get exactly right (each is compared with RE2 on many texts).
const std::vector<std::string>& tricky_patterns() {
  static const std::vector<std::string> patterns = {
      "abc",
      "a|b|",
      "(?:|x)y",
      "(?i)secret",
      "(?i:Ab)c",
      "a(?i)b|c",
      "(?i)a(?-i)b",
      "(?m)^x$",
      "(?s).",
      ".",
      "\\x27\\x{41}\\x{1F600}",
      "\\Qa.b*\\E+c",
      "\\Q\\E",
      "a\\Q(\\E",
      "[[:alpha:]][[:^digit:]]",
      "[]a]",
      "[^]a]",
      "[a-]",
      "[-a]",
      "[a\\-z]",
      "[\\[\\]]",
      "[a-c-e]",
      "[\\d\\s]",
      "[^\\D]",
      "[\\x41-\\x43]",
      "(?i)[k]",
      "(?i)[^k]",
      "[^\\n]",
      "a{2}",
      "a{2,}",
      "a{2,3}",
      "a{,3}",
      "a{",
      "a{1",
      "a{01}",
      "x{0}",
      "(ab){2}?",
      "a*?b+?c??",
      "((a|b)c)*d",
      "(?P<name>a)b",
      "\\bword\\b",
      "\\Bx",
      "\\Aa\\z",
      "社外秘|部外秘",
      "(?i)contrase(?:ñ|n)a",
      "[【\\[(（]\\s*機密",
      "\\pL",
      "\\p{Greek}+",
      "[\\p{Lu}x]",
      "\\PN",
      "[^\\pL]",
      "\\d{3}-\\d{4}",
      "a\\.b\\-c\\_d",
      "\\0\\012\\101",
      "(?U)a+b",
      "(?i)\\w+@\\w+",
      "\\s*x\\s+y",
      "x[ \\t]*=",
      "(?:a|bc|)d",
      "()x",
      "(?:)+y",
      "\\x{10FFFF}",
  };
  return patterns;
}

std::string random_text(std::mt19937& rng, const std::string& alphabet, std::size_t length) {
  std::string s;
  for (std::size_t i = 0; i < length; ++i) {
    s += alphabet[rng() % alphabet.size()];
  }
  return s;
}

// Texts to try a pattern on: its own literal pieces mixed with noise.
std::vector<std::string> texts_for(const std::string& pattern, std::mt19937& rng) {
  std::string alphabet = "aAbBcCkKsSxyz019 -_.:=\n\t@<>[]()\"'";
  for (char c : pattern) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != '\\') alphabet += c;
  }
  std::vector<std::string> texts = {"", " ", "\n", "\xC5\xBF", "\xE2\x84\xAA", "K k S s"};
  for (int i = 0; i < 60; ++i) texts.push_back(random_text(rng, alphabet, rng() % 24));
  for (const auto& t : pack_test_texts()) texts.push_back(t);
  std::vector<std::string> valid;
  for (auto& t : texts) {
    // Views are valid UTF-8; drop random splits of multi-byte characters.
    static const RE2 any_utf8("(?s).*");
    if (RE2::FullMatch(t, any_utf8)) valid.push_back(std::move(t));
  }
  return valid;
}

std::size_t count_in(std::string_view s, const ByteSet& set) {
  std::size_t n = 0;
  for (char c : s) n += set[static_cast<unsigned char>(c)];
  return n;
}

std::size_t nonspace_in(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += is_window_unit(static_cast<unsigned char>(c));
  return n;
}

// Every match RE2 can report from some starting position (leftmost-first from each start).
std::vector<re2::StringPiece> matches(const RE2& re, std::string_view text) {
  std::vector<re2::StringPiece> out;
  // A text with no match anywhere has none from any start. This check, without submatches, runs
  // on RE2's DFA; each per-start one allocates and clears a bitmap (slow under ASan: CI timed out).
  if (!RE2::PartialMatch(text, re)) return out;
  for (std::size_t start = 0; start <= text.size(); ++start) {
    if (start > 0 && start < text.size() &&
        (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
      continue;
    }
    re2::StringPiece m;
    if (re.Match(re2::StringPiece(text.data(), text.size()), start, text.size(), RE2::ANCHOR_START,
                 &m, 1)) {
      out.push_back(m);
    }
  }
  return out;
}

void check_facts_hold(const std::string& pattern, const std::vector<std::string>& texts) {
  RE2 re(pattern, RE2::Quiet);
  ASSERT_TRUE(re.ok()) << pattern;
  const RegexFacts facts = analyze_regex(pattern);
  for (const auto& text : texts) {
    for (const auto& m : matches(re, text)) {
      const std::string_view s(m.data(), m.size());
      if (facts.max_length != kUnboundedLength) {
        EXPECT_LE(s.size(), facts.max_length) << pattern << " on " << text;
      }
      if (facts.max_nonspace_length != kUnboundedLength) {
        EXPECT_LE(nonspace_in(s), facts.max_nonspace_length) << pattern << " on " << text;
      }
      if (!facts.required_bytes.all()) {
        EXPECT_GT(count_in(s, facts.required_bytes), 0u) << pattern << " on " << text;
      }
    }
  }
}

void check_reserialized_equal(const std::string& pattern, const std::vector<std::string>& texts) {
  RE2 original(pattern, RE2::Quiet);
  ASSERT_TRUE(original.ok()) << pattern;
  const auto copy = reserialize_regex(pattern);
  if (!copy) return;  // not understood: nothing to compare
  RE2 again(*copy, RE2::Quiet);
  ASSERT_TRUE(again.ok()) << pattern << " -> " << *copy << ": " << again.error();
  for (const auto& text : texts) {
    // No match from the first start means none from any later one (as in matches()).
    const bool any_a = RE2::PartialMatch(text, original);
    ASSERT_EQ(any_a, RE2::PartialMatch(text, again))
        << pattern << " -> " << *copy << " on " << text;
    if (!any_a) continue;
    for (std::size_t start = 0; start <= text.size(); start += text.size() <= 40 ? 1 : 7) {
      re2::StringPiece a;
      re2::StringPiece b;
      const bool ma = original.Match(text, start, text.size(), RE2::UNANCHORED, &a, 1);
      const bool mb = again.Match(text, start, text.size(), RE2::UNANCHORED, &b, 1);
      ASSERT_EQ(ma, mb) << pattern << " -> " << *copy << " on '" << text << "' from " << start;
      // Greediness is not kept, so only where the leftmost match starts is compared.
      if (ma) {
        EXPECT_EQ(a.data(), b.data()) << pattern << " -> " << *copy << " on " << text;
      }
    }
  }
}

TEST(RegexAnalysis, SimpleFacts) {
  auto f = analyze_regex("\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b");
  EXPECT_TRUE(f.understood);
  EXPECT_EQ(f.max_length, 11u);
  ByteSet digits_or_dash;
  for (int b = '0'; b <= '9'; ++b) digits_or_dash.set(static_cast<std::size_t>(b));
  digits_or_dash.set('-');
  EXPECT_TRUE(f.required_bytes.any());
  EXPECT_TRUE((f.required_bytes & ~digits_or_dash).none());  // the digits or the rarer '-'

  f = analyze_regex("a+");
  EXPECT_EQ(f.max_length, kUnboundedLength);
  f = analyze_regex("x\\s*y");
  EXPECT_EQ(f.max_length, kUnboundedLength);
  EXPECT_EQ(f.max_nonspace_length, 2u);
  f = analyze_regex("(?:ab|c){2,3}");
  EXPECT_EQ(f.max_length, 6u);
  f = analyze_regex("社外秘");
  EXPECT_EQ(f.max_length, 9u);
  EXPECT_EQ(f.max_nonspace_length, 3u);  // characters: windows in units are as wide on kanji
  EXPECT_TRUE(f.required_bytes[0xE7] || f.required_bytes[0xE5]);
  EXPECT_FALSE(f.required_bytes['a']);
  // A negated class may take four-byte characters: 64 bytes, but 16 units.
  f = analyze_regex("[^\\s\"]{1,16}");
  EXPECT_EQ(f.max_length, 64u);
  EXPECT_EQ(f.max_nonspace_length, 16u);
  f = analyze_regex("a|");
  EXPECT_TRUE(f.required_bytes.all());  // the empty alternative needs nothing
  f = analyze_regex("x?y?");
  EXPECT_TRUE(f.required_bytes.all());
}

TEST(RegexAnalysis, CaseFoldingCoversKelvinAndLongS) {
  // (?i)k and (?i)s also match U+212A and U+017F: their lead bytes are required too.
  auto f = analyze_regex("(?i)k");
  EXPECT_TRUE(f.required_bytes['k'] && f.required_bytes['K'] && f.required_bytes[0xE2]);
  f = analyze_regex("(?i)s");
  EXPECT_TRUE(f.required_bytes['s'] && f.required_bytes['S'] && f.required_bytes[0xC5]);
  EXPECT_EQ(analyze_regex("(?i)k").max_length, 3u);
  EXPECT_EQ(analyze_regex("k").max_length, 1u);
  // A literal gate made of them is marked fold-sensitive.
  const auto plan = plan_gates("(?i)zebrask");
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->gates.size(), 1u);
  EXPECT_FALSE(plan->gates[0].literals.empty());
  EXPECT_TRUE(plan->gates[0].fold_sensitive);
  EXPECT_FALSE(plan_gates("(?i)zebra")->gates[0].fold_sensitive);
}

TEST(RegexAnalysis, NotUnderstoodIsConservative) {
  for (const std::string p : {"\\C", "a\\1", "(?=a)", "(?<n>a)", "(?#c)", "a**", "*a", "\\Z",
                              "[[:foo:]]", "\\q", "(a", "a)"}) {
    const auto f = analyze_regex(p);
    EXPECT_FALSE(f.understood) << p;
    EXPECT_EQ(f.max_length, kUnboundedLength) << p;
    EXPECT_TRUE(f.required_bytes.all()) << p;
    EXPECT_FALSE(plan_gates(p)) << p;
  }
  // \B is understood but not windowed.
  EXPECT_TRUE(analyze_regex("\\Bx").not_word_boundary);
  EXPECT_FALSE(plan_gates("\\Bx"));
  // Unicode classes match anything: no byte requirement from them.
  EXPECT_TRUE(analyze_regex("\\pL").required_bytes[0xF0]);
  EXPECT_TRUE(analyze_regex("[^\\pL]").required_bytes['a']);
}

TEST(RegexAnalysis, TrickyPatternsReserializeExactly) {
  std::mt19937 rng(5);
  for (const auto& p : tricky_patterns()) {
    if (!RE2(p, RE2::Quiet).ok()) continue;  // only what RE2 accepts matters
    const auto texts = texts_for(p, rng);
    check_reserialized_equal(p, texts);
    check_facts_hold(p, texts);
  }
}

// Every other pack regex, from `first`: in two tests, each within the suite's per-test time
// limit under ASan (one took 420 s of its 600 there on this VM).
void check_pack_regexes_understood_and_exact(std::size_t first) {
  std::mt19937 rng(9 + static_cast<unsigned>(first));
  const auto regexes = pack_regexes();
  ASSERT_GT(regexes.size(), 30u);
  for (std::size_t i = first; i < regexes.size(); i += 2) {
    const auto& [id, p] = regexes[i];
    const auto f = analyze_regex(p);
    EXPECT_TRUE(f.understood) << id << ": " << f.error;
    EXPECT_FALSE(f.not_word_boundary) << id;
    const auto texts = texts_for(p, rng);
    check_reserialized_equal(p, texts);
    check_facts_hold(p, texts);
  }
}

TEST(RegexAnalysis, PackRegexesAreUnderstoodAndExactEven) {
  check_pack_regexes_understood_and_exact(0);
}

TEST(RegexAnalysis, PackRegexesAreUnderstoodAndExactOdd) {
  check_pack_regexes_understood_and_exact(1);
}

TEST(RegexAnalysis, EveryPackRegexHasGates) {
  for (const auto& [id, p] : pack_regexes()) {
    std::string why;
    const auto plan = plan_gates(p, &why);
    ASSERT_TRUE(plan) << id << ": " << why;
    for (const auto& gate : plan->gates) {
      EXPECT_TRUE(RE2(gate.regex, RE2::Quiet).ok()) << id << ": " << gate.regex;
      EXPECT_TRUE(gate.min_count > 0 || !gate.literals.empty()) << id;
      for (const auto& lit : gate.literals) EXPECT_GE(lit.text.size(), 2u) << id;
      ByteSet lower_or_space;
      for (int b = 'a'; b <= 'z'; ++b) lower_or_space.set(static_cast<std::size_t>(b));
      lower_or_space.set(' ');
      if (gate.min_count > 0) {
        EXPECT_TRUE((gate.trigger_bytes & lower_or_space).none()) << id;
      }
    }
  }
}

// min_byte_count() is what the classifier skips windows by: every match holds that many bytes of
// the set (a folded letter does not count as a capital; what is not understood asks nothing).
TEST(RegexAnalysis, MinByteCountHoldsForEveryMatch) {
  ByteSet digits, upper, nonascii;
  for (int b = '0'; b <= '9'; ++b) digits.set(static_cast<std::size_t>(b));
  for (int b = 'A'; b <= 'Z'; ++b) upper.set(static_cast<std::size_t>(b));
  for (int b = 0xC2; b <= 0xF4; ++b) nonascii.set(static_cast<std::size_t>(b));
  EXPECT_EQ(min_byte_count("[0-9]{3}-[0-9]{2}", digits), 5u);
  EXPECT_EQ(min_byte_count("a[0-9]|[0-9]{4}", digits), 1u);
  EXPECT_EQ(min_byte_count("\\d*x", digits), 0u);
  EXPECT_EQ(min_byte_count("[A-Z][a-z]+ [A-Z]\\.", upper), 2u);
  EXPECT_EQ(min_byte_count("(?i)[A-Z]{4}", upper), 0u);
  EXPECT_EQ(min_byte_count("[0-9A-Z]{4}", digits), 0u);
  EXPECT_EQ(min_byte_count("caf\xc3\xa9s?|\\x{751F}[0-9]", nonascii), 1u);
  EXPECT_EQ(min_byte_count("(unclosed[0-9]{9}", digits), 0u);
  std::mt19937 rng(13);
  for (const auto& [id, p] : pack_regexes()) {
    const auto plan = plan_gates(p);
    ASSERT_TRUE(plan) << id;
    for (const auto& gate : plan->gates) {
      const RE2 re("(" + gate.regex + ")", RE2::Quiet);
      ASSERT_TRUE(re.ok()) << id;
      const std::size_t need[3] = {min_byte_count(gate.regex, digits),
                                   min_byte_count(gate.regex, upper),
                                   min_byte_count(gate.regex, nonascii)};
      const ByteSet* sets[3] = {&digits, &upper, &nonascii};
      for (const auto& text : texts_for(p, rng)) {
        re2::StringPiece input(text);
        re2::StringPiece match;
        while (RE2::FindAndConsume(&input, re, &match)) {
          for (int s = 0; s < 3; ++s) {
            std::size_t count = 0;
            for (char c : match) count += (*sets[s])[static_cast<unsigned char>(c)];
            EXPECT_GE(count, need[s]) << id << ": " << gate.regex << " on " << match;
          }
          if (match.empty()) break;
        }
      }
    }
  }
}

// A gate is a necessary condition: wherever the pattern matches, the gate matches inside the
// match's span (with one character of context on each side), and the match holds the trigger.
// Every fourth pattern from `first`, for the same reason as above (178 s under ASan last session,
// over 400 s this session on a shared VM).
void check_gates_match_inside_every_match(std::size_t first) {
  std::mt19937 rng(11 + static_cast<unsigned>(first));
  std::vector<std::string> patterns = tricky_patterns();
  for (const auto& [id, p] : pack_regexes()) patterns.push_back(p);
  for (std::size_t i = first; i < patterns.size(); i += 4) {
    const std::string& p = patterns[i];
    RE2 re(p, RE2::Quiet);
    if (!re.ok()) continue;
    const auto plan = plan_gates(p);
    if (!plan) continue;
    std::vector<std::unique_ptr<RE2>> gates;
    for (const auto& g : plan->gates) gates.push_back(std::make_unique<RE2>(g.regex, RE2::Quiet));
    for (const auto& text : texts_for(p, rng)) {
      for (const auto& m : matches(re, text)) {
        const std::size_t begin = static_cast<std::size_t>(m.data() - text.data());
        const std::size_t end = begin + m.size();
        // One character of context on each side.
        std::size_t from = begin;
        if (from > 0) {
          --from;
          while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
        }
        std::size_t to = end;
        if (to < text.size()) {
          ++to;
          while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
        }
        bool found = false;
        for (std::size_t g = 0; g < gates.size() && !found; ++g) {
          const RegexGate& gate = plan->gates[g];
          re2::StringPiece gm;
          if (!gates[g]->Match(text, from, to, RE2::UNANCHORED, &gm, 1)) continue;
          const std::string_view span(m.data(), m.size());
          if (gate.min_count > 0) {
            found = count_in(span, gate.trigger_bytes) >= gate.min_count;
          } else {
            std::string folded(span);
            for (auto& c : folded) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
            for (const auto& lit : gate.literals) {
              found = found || folded.find(lit.text) != std::string::npos;
            }
            // U+017F and U+212A stand for s and k under (?i): the classifier does not rely on
            // such literals where the text has them.
            found = found ||
                    (gate.fold_sensitive && (folded.find("\xC5\xBF") != std::string::npos ||
                                             folded.find("\xE2\x84\xAA") != std::string::npos));
          }
        }
        EXPECT_TRUE(found) << p << " matched '" << std::string(m.data(), m.size()) << "' in '"
                           << text << "'";
      }
    }
  }
}

TEST(RegexAnalysis, GatesMatchInsideEveryMatch0) { check_gates_match_inside_every_match(0); }
TEST(RegexAnalysis, GatesMatchInsideEveryMatch1) { check_gates_match_inside_every_match(1); }
TEST(RegexAnalysis, GatesMatchInsideEveryMatch2) { check_gates_match_inside_every_match(2); }
TEST(RegexAnalysis, GatesMatchInsideEveryMatch3) { check_gates_match_inside_every_match(3); }

}  // namespace
}  // namespace switchyard::policy
