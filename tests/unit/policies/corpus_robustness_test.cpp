// The labeled corpus (all splits) again, each text put through what happens to text on its way
// into a prompt: a mail client quotes it, a terminal numbers its lines, a logger writes it as a
// JSON string, a spreadsheet doubles its quotes, a word processor curls them, an HTML mail wraps it
// in tags. A person reads the same content, so the decision must not change: each transform keeps
// precision and recall of "sensitive" at 0.99 or more over the whole corpus (untransformed: 0.996
// both). Found the gaps closed by the decoded view's copy-mark stage (docs/quality.md, "Copied
// text"); each fix's absence drops at least one transform below the bar.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/json_write.h"
#include "policies/normalizer.h"
#include "policies/policy.h"
#include "tests/unit/policies/corpus_support.h"

namespace switchyard::policy {
namespace {

namespace fs = std::filesystem;

constexpr double kMinimum = 0.99;

// Applies `line` to every line of the text (the line's number from 1).
std::string per_line(std::string_view text,
                     const std::function<std::string(std::size_t, std::string_view)>& line) {
  std::string out;
  std::size_t number = 1;
  for (std::size_t begin = 0;; ++number) {
    const std::size_t end = text.find('\n', begin);
    out += line(number, text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) break;
    out += '\n';
    begin = end + 1;
  }
  return out;
}

std::string json_string(std::string_view text) {
  std::string out = "{\"level\":\"info\",\"msg\":";
  json_write::append_json_string(out, text);
  return out + "}";
}

std::string smart_quotes(std::string_view text) {
  std::string out;
  bool open = true;
  for (const char c : text) {
    if (c == '"') {
      out += open ? "\u201c" : "\u201d";
      open = !open;
    } else if (c == '\'') {
      out += "\u2019";
    } else {
      out += c;
    }
  }
  return out;
}

std::string html_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  for (std::size_t begin = 0;;) {
    const std::size_t at = text.find(from, begin);
    out += text.substr(begin, at == std::string_view::npos ? at : at - begin);
    if (at == std::string_view::npos) return out;
    out += to;
    begin = at + from.size();
  }
}

// UTF-8 read as Windows-1252 and written out again as UTF-8 (a CSV export opened with the wrong
// encoding): every byte of a non-ASCII character becomes a character of its own.
std::string mojibake(std::string_view text) {
  static constexpr std::uint16_t kCp1252[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
      continue;
    }
    const std::uint32_t cp = b < 0xA0 ? kCp1252[b - 0x80] : b;
    append_utf8(cp, &out);
  }
  return out;
}

// A mail client's hard wrap: each line longer than `width` is broken at its last space before it.
std::string hard_wrap(std::string_view text, std::size_t width) {
  return per_line(text, [width](std::size_t, std::string_view line) {
    std::string out;
    while (line.size() > width) {
      const std::size_t space = line.rfind(' ', width - 1);
      if (space == std::string_view::npos || space == 0) break;
      out.append(line.substr(0, space)).append("\n");
      line.remove_prefix(space + 1);
    }
    return out.append(line);
  });
}

// Applies `map` to every code point (UTF-8 in, UTF-8 out).
std::string per_code_point(std::string_view text,
                           const std::function<void(std::uint32_t, std::string*)>& map) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const std::uint32_t cp = decode_utf8_at(text, i, &length);
    map(cp, &out);
    i += length;
  }
  return out;
}

// The ASCII letters of the Latin-1 and Latin Extended-A letters, as a phone or a US keyboard
// types them ("numero de telefono", "haslo", "Strasse").
const char* ascii_of(std::uint32_t cp) {
  static constexpr const char* kLatin1[64] = {
      "A", "A", "A", "A", "A", "A", "AE", "C",     "E", "E", "E", "E", "I", "I", "I",     "I",
      "D", "N", "O", "O", "O", "O", "O",  nullptr, "O", "U", "U", "U", "U", "Y", nullptr, "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",     "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", nullptr, "y"};
  // Latin Extended-A, U+0100..U+017F: the base letter of each.
  static constexpr std::string_view kExtendedA =
      "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo??"
      "RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
  static std::string one[128];
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x152) return "OE";
    if (cp == 0x153) return "oe";
    if (cp == 0x132) return "IJ";
    if (cp == 0x133) return "ij";
    const char c = kExtendedA[cp - 0x100];
    std::string& s = one[static_cast<unsigned char>(c)];
    s.assign(1, c);
    return s.c_str();
  }
  return nullptr;
}

std::string without_diacritics(std::string_view text) {
  return per_code_point(text, [](std::uint32_t cp, std::string* out) {
    if (const char* ascii = ascii_of(cp)) {
      out->append(ascii);
    } else {
      append_utf8(cp, out);
    }
  });
}

// Whether a Latin Extended-A letter is the lower-case one of its pair (the pairs change parity
// at U+0139 and again at U+0179).
bool lower_in_pair(std::uint32_t cp) {
  const bool odd = cp % 2 == 1;
  return (cp < 0x139 || (cp >= 0x14A && cp < 0x179)) ? odd : !odd;
}

// Lower or upper case of ASCII, Latin-1 and Latin Extended-A letters (what a caps-lock or a
// lower-casing chat client does to the languages of the corpus).
std::string with_case(std::string_view text, bool upper) {
  return per_code_point(text, [upper](std::uint32_t cp, std::string* out) {
    const bool pair = cp >= 0x100 && cp <= 0x17E && cp != 0x138 && cp != 0x149 && cp != 0x178;
    if (upper) {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)) {
        cp -= 0x20;
      } else if (pair && lower_in_pair(cp)) {
        cp -= 1;
      }
    } else {
      if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) {
        cp += 0x20;
      } else if (pair && !lower_in_pair(cp)) {
        cp += 1;
      }
    }
    append_utf8(cp, out);
  });
}

// Lower or upper case of the words made of letters only (a value with digits keeps its case: a
// person who types without capitals still pastes a key as it is).
std::string words_with_case(std::string_view text, bool upper) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    bool digit = false;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') {
      digit = digit || (text[j] >= '0' && text[j] <= '9');
      ++j;
    }
    const std::string_view word = text.substr(i, j - i);
    out += digit ? std::string(word) : with_case(word, upper);
    if (j < text.size()) out += text[j++];
    i = j;
  }
  return out;
}

// A scanner's OCR misreads inside long digit runs: every third 0, 1, 5 or 8 of a run of six or
// more digits (spaces and dashes between groups count as part of the run) becomes O, l, S or B.
std::string ocr_digits(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size();) {
    if (!(out[i] >= '0' && out[i] <= '9')) {
      ++i;
      continue;
    }
    std::size_t end = i, digits = 0;
    while (end < out.size() && ((out[end] >= '0' && out[end] <= '9') ||
                                ((out[end] == ' ' || out[end] == '-') && end + 1 < out.size() &&
                                 out[end + 1] >= '0' && out[end + 1] <= '9'))) {
      digits += out[end] >= '0' && out[end] <= '9';
      ++end;
    }
    if (digits >= 6) {
      int seen = 0;
      for (std::size_t k = i; k < end; ++k) {
        const char c = out[k];
        if (c != '0' && c != '1' && c != '5' && c != '8') continue;
        if (++seen % 3 != 2) continue;
        out[k] = c == '0' ? 'O' : c == '1' ? 'l' : c == '5' ? 'S' : 'B';
      }
    }
    i = end;
  }
  return out;
}

struct Transform {
  const char* name;
  std::function<std::string(std::string_view)> apply;
  // A wrap may part a label from its value ("password:" at a line's end, the value on the next
  // line), which the text rules do not read across (docs/quality.md, "Copied text").
  double minimum_recall = kMinimum;
};

const std::vector<Transform>& transforms() {
  static const std::vector<Transform> all = {
      {"as written", [](std::string_view t) { return std::string(t); }},
      {"CRLF line ends", [](std::string_view t) { return replace_all(t, "\n", "\r\n"); }},
      {"e-mail quote",
       [](std::string_view t) {
         return per_line(t, [](std::size_t, std::string_view l) { return "> " + std::string(l); });
       }},
      {"cat -n",
       [](std::string_view t) {
         return per_line(t, [](std::size_t n, std::string_view l) {
           char gutter[16];
           std::snprintf(gutter, sizeof gutter, "%6zu\t", n);
           return gutter + std::string(l);
         });
       }},
      {"JSON log line", json_string},
      {"smart quotes", smart_quotes},
      {"CSV cell",
       [](std::string_view t) {
         return "id,comment\n17,\"" + replace_all(t, "\"", "\"\"") + "\"";
       }},
      {"HTML mail",
       [](std::string_view t) {
         return "<div>" + replace_all(html_escaped(t), "\n", "<br>\n") + "</div>";
       }},
      {"HTML paragraphs",
       [](std::string_view t) {
         return "<p>" + replace_all(html_escaped(t), "\n", "</p><p>") + "</p>";
       }},
      {"code fence",
       [](std::string_view t) {
         return "Here is the text:\n```\n" + std::string(t) + "\n```\nWhat does it do?";
       }},
      {"cp1252 mojibake", mojibake},
      {"no-break spaces", [](std::string_view t) { return replace_all(t, " ", "\u00a0"); }},
      {"hard wrap at 72", [](std::string_view t) { return hard_wrap(t, 72); }, 0.98},
      {"no diacritics", without_diacritics},
      {"shell history",
       [](std::string_view t) {
         return "what did I run here?\n" + per_line(t, [](std::size_t n, std::string_view line) {
                  char gutter[16];
                  std::snprintf(gutter, sizeof gutter, "%5zu  ", n + 500);
                  return gutter + std::string(line);
                });
       }},
  };
  return all;
}

// Clothes that still lose cases (docs/quality.md, "Copied text"): measured when
// SWITCHYARD_ROBUSTNESS_PROTOTYPES is set, without a bar.
const std::vector<Transform>& prototypes() {
  static const std::vector<Transform> all = {
      {"lower case", [](std::string_view t) { return with_case(t, false); }, 0.0},
      {"upper case", [](std::string_view t) { return with_case(t, true); }, 0.0},
      {"OCR digits", ocr_digits, 0.0},
      {"lower-case words", [](std::string_view t) { return words_with_case(t, false); }, 0.0},
      {"upper-case words", [](std::string_view t) { return words_with_case(t, true); }, 0.0},
  };
  return all;
}

// Every split but holdout17 and holdout21, read once per test process.
const std::vector<corpus::Case>& all_cases() {
  static const std::vector<corpus::Case> cases = [] {
    std::vector<corpus::Case> out;
    std::vector<fs::path> splits;
    for (const auto& entry : fs::directory_iterator(corpus::corpus_dir())) {
      // holdout17 and holdout21 are below the quality bar as written (corpus_quality_test.cpp):
      // their misses would take the whole corpus under this test's bar before any copy is made.
      const auto name = entry.path().filename();
      if (entry.is_directory() && name != "holdout17" && name != "holdout21") {
        splits.push_back(entry.path());
      }
    }
    std::sort(splits.begin(), splits.end());
    for (const auto& split : splits) {
      auto more = corpus::load_split(split);
      out.insert(out.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
    }
    return out;
  }();
  return cases;
}

// Every fourth transform from `shard`: the corpus grows with each split, and all transforms in one
// test ran into ASan's 600 s limit. Each shard classifies the texts as written too, for the list
// of changed decisions.
void check_decisions_survive_copying(std::size_t shard) {
  const auto policy =
      Policy::load_file(fs::path(SWITCHYARD_SOURCE_DIR) / "policies/examples/globex.yaml");
  const auto& cases = all_cases();
  ASSERT_GE(cases.size(), 2000u);
  std::vector<bool> as_written;
  for (const auto& c : cases)
    as_written.push_back(policy->classify(c.text).handling != Handling::kVendor);
  std::vector<Transform> measured = transforms();
  if (std::getenv("SWITCHYARD_ROBUSTNESS_PROTOTYPES") != nullptr) {
    measured.insert(measured.end(), prototypes().begin(), prototypes().end());
  }
  for (std::size_t t = shard; t < measured.size(); t += 4) {
    const Transform& transform = measured[t];
    corpus::Counts counts;
    std::vector<std::string> changed;  // decisions that differ from the untransformed text's
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const Classification result = policy->classify(transform.apply(cases[i].text));
      EXPECT_FALSE(result.classifier_error) << transform.name << " " << cases[i].id;
      const bool predicted = result.handling != Handling::kVendor;
      counts.add(predicted, cases[i].sensitive);
      if (predicted != as_written[i]) {
        changed.push_back(cases[i].id + (predicted ? " (now sensitive)" : " (now vendor)"));
      }
    }
    std::printf("  %-16s n=%zu  fp=%3zu fn=%3zu  precision=%.3f recall=%.3f  changed=%zu\n",
                transform.name, counts.total(), counts.fp, counts.fn, counts.precision(),
                counts.recall(), changed.size());
    for (std::size_t k = 0;
         k < changed.size() && (k < 12 || std::getenv("SWITCHYARD_ROBUSTNESS_PROTOTYPES")); ++k) {
      std::printf("      %s\n", changed[k].c_str());
    }
    std::fflush(stdout);
    if (transform.minimum_recall == 0.0) continue;  // a prototype
    EXPECT_GE(counts.precision(), kMinimum) << transform.name;
    EXPECT_GE(counts.recall(), transform.minimum_recall) << transform.name;
  }
}

TEST(CorpusRobustness, DecisionsSurviveCopying0) { check_decisions_survive_copying(0); }
TEST(CorpusRobustness, DecisionsSurviveCopying1) { check_decisions_survive_copying(1); }
TEST(CorpusRobustness, DecisionsSurviveCopying2) { check_decisions_survive_copying(2); }
TEST(CorpusRobustness, DecisionsSurviveCopying3) { check_decisions_survive_copying(3); }

}  // namespace
}  // namespace switchyard::policy
