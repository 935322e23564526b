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
  };
  return all;
}

TEST(CorpusRobustness, DecisionsSurviveCopying) {
  const auto policy =
      Policy::load_file(fs::path(SWITCHYARD_SOURCE_DIR) / "policies/examples/globex.yaml");
  std::vector<corpus::Case> cases;
  std::vector<fs::path> splits;
  for (const auto& entry : fs::directory_iterator(corpus::corpus_dir())) {
    if (entry.is_directory()) splits.push_back(entry.path());
  }
  std::sort(splits.begin(), splits.end());
  for (const auto& split : splits) {
    auto more = corpus::load_split(split);
    cases.insert(cases.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
  }
  ASSERT_GE(cases.size(), 2000u);
  std::vector<bool> as_written;
  for (const auto& transform : transforms()) {
    corpus::Counts counts;
    std::vector<std::string> changed;  // decisions that differ from the untransformed text's
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const Classification result = policy->classify(transform.apply(cases[i].text));
      EXPECT_FALSE(result.classifier_error) << transform.name << " " << cases[i].id;
      const bool predicted = result.handling != Handling::kVendor;
      counts.add(predicted, cases[i].sensitive);
      if (as_written.size() < cases.size()) {
        as_written.push_back(predicted);
      } else if (predicted != as_written[i]) {
        changed.push_back(cases[i].id + (predicted ? " (now sensitive)" : " (now vendor)"));
      }
    }
    std::printf("  %-16s n=%zu  fp=%3zu fn=%3zu  precision=%.3f recall=%.3f  changed=%zu\n",
                transform.name, counts.total(), counts.fp, counts.fn, counts.precision(),
                counts.recall(), changed.size());
    for (std::size_t k = 0; k < changed.size() && k < 12; ++k) {
      std::printf("      %s\n", changed[k].c_str());
    }
    std::fflush(stdout);
    EXPECT_GE(counts.precision(), kMinimum) << transform.name;
    EXPECT_GE(counts.recall(), transform.minimum_recall) << transform.name;
  }
}

}  // namespace
}  // namespace switchyard::policy
