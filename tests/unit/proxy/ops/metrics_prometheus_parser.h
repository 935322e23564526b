// A small, strict parser of the Prometheus text exposition format (0.0.4) for tests: it reads what
// /metrics serves back into families and samples and checks the format's rules (HELP/TYPE once per
// family and before its samples, label syntax and escapes, histogram buckets cumulative and ending
// in +Inf equal to _count, _sum present). Used by the unit tests and the ops integration tests.
#pragma once

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::testing {

struct PromSample {
  std::string name;  // full sample name, e.g. foo_bucket
  std::map<std::string, std::string> labels;
  double value = 0;
};

struct PromFamily {
  std::string name;
  std::string help;
  std::string type;  // counter | gauge | histogram | summary | untyped
  std::vector<PromSample> samples;
};

class PromParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class PromText {
 public:
  // Throws PromParseError with the line number on any violation.
  static PromText parse(std::string_view text) {
    PromText out;
    std::size_t line_no = 0;
    std::string current;  // family the last HELP/TYPE named
    while (!text.empty()) {
      const std::size_t nl = text.find('\n');
      if (nl == std::string_view::npos) fail(line_no + 1, "missing final newline");
      std::string_view line = text.substr(0, nl);
      text.remove_prefix(nl + 1);
      ++line_no;
      if (line.empty()) continue;
      if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
        const bool help = line[2] == 'H';
        std::string_view rest = line.substr(7);
        const std::size_t sp = rest.find(' ');
        if (sp == std::string_view::npos) fail(line_no, "HELP/TYPE without text");
        const std::string name(rest.substr(0, sp));
        check_name(name, line_no);
        PromFamily& family = out.family_slot(name);
        if (help) {
          if (!family.help.empty()) fail(line_no, "second HELP for " + name);
          family.help = std::string(rest.substr(sp + 1));
        } else {
          if (!family.type.empty()) fail(line_no, "second TYPE for " + name);
          if (!family.samples.empty()) fail(line_no, "TYPE after samples for " + name);
          family.type = std::string(rest.substr(sp + 1));
          static const std::set<std::string> kTypes = {"counter", "gauge", "histogram", "summary",
                                                       "untyped"};
          if (!kTypes.count(family.type)) fail(line_no, "unknown type " + family.type);
        }
        current = name;
        continue;
      }
      if (line.starts_with("#")) continue;  // comment
      PromSample sample = parse_sample(line, line_no);
      const std::string family_name = family_of(sample.name, out);
      if (family_name != current) {
        fail(line_no, "sample " + sample.name + " outside its family block (" + current + ")");
      }
      out.families_[family_name].samples.push_back(std::move(sample));
    }
    for (const auto& [name, family] : out.families_) {
      if (family.type.empty()) throw PromParseError(name + ": no TYPE line");
      if (family.type == "histogram") check_histogram(family);
    }
    return out;
  }

  const PromFamily* family(const std::string& name) const {
    auto it = families_.find(name);
    return it == families_.end() ? nullptr : &it->second;
  }
  const std::map<std::string, PromFamily>& families() const { return families_; }

  // The value of the one sample with this name whose labels include `labels`; nullopt when none.
  // Throws when several match (the test asked an ambiguous question).
  std::optional<double> value(const std::string& sample_name,
                              const std::map<std::string, std::string>& labels = {}) const {
    std::optional<double> found;
    for (const auto& [_, family] : families_) {
      for (const auto& sample : family.samples) {
        if (sample.name != sample_name) continue;
        bool match = true;
        for (const auto& [k, v] : labels) {
          auto it = sample.labels.find(k);
          if (it == sample.labels.end() || it->second != v) match = false;
        }
        if (!match) continue;
        if (found) throw PromParseError("ambiguous sample query for " + sample_name);
        found = sample.value;
      }
    }
    return found;
  }

 private:
  [[noreturn]] static void fail(std::size_t line, const std::string& message) {
    throw PromParseError("line " + std::to_string(line) + ": " + message);
  }

  static bool name_char(char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           (!first && c >= '0' && c <= '9');
  }

  static void check_name(const std::string& name, std::size_t line) {
    if (name.empty()) fail(line, "empty metric name");
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (!name_char(name[i], i == 0)) fail(line, "bad metric name " + name);
    }
  }

  PromFamily& family_slot(const std::string& name) {
    PromFamily& family = families_[name];
    family.name = name;
    return family;
  }

  // A histogram's samples are NAME_bucket, NAME_sum and NAME_count.
  static std::string family_of(const std::string& sample, const PromText& text) {
    if (text.families_.count(sample)) return sample;
    for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
      if (sample.size() > suffix.size() && sample.ends_with(suffix)) {
        std::string base = sample.substr(0, sample.size() - suffix.size());
        auto it = text.families_.find(base);
        if (it != text.families_.end() &&
            (it->second.type == "histogram" || it->second.type == "summary")) {
          return base;
        }
      }
    }
    return sample;
  }

  static PromSample parse_sample(std::string_view line, std::size_t line_no) {
    PromSample sample;
    std::size_t i = 0;
    while (i < line.size() && name_char(line[i], i == 0)) ++i;
    sample.name = std::string(line.substr(0, i));
    check_name(sample.name, line_no);
    if (i < line.size() && line[i] == '{') {
      ++i;
      while (i < line.size() && line[i] != '}') {
        std::size_t start = i;
        while (i < line.size() && name_char(line[i], i == start)) ++i;
        std::string key(line.substr(start, i - start));
        if (key.empty()) fail(line_no, "empty label name");
        if (i + 1 >= line.size() || line[i] != '=' || line[i + 1] != '"') {
          fail(line_no, "expected =\" after label " + key);
        }
        i += 2;
        std::string value;
        for (;;) {
          if (i >= line.size()) fail(line_no, "unterminated label value");
          char c = line[i++];
          if (c == '"') break;
          if (c == '\\') {
            if (i >= line.size()) fail(line_no, "dangling escape");
            char e = line[i++];
            if (e == 'n') {
              value += '\n';
            } else if (e == '\\' || e == '"') {
              value += e;
            } else {
              fail(line_no, "bad escape in label value");
            }
          } else if (c == '\n') {
            fail(line_no, "raw newline in label value");
          } else {
            value += c;
          }
        }
        if (sample.labels.count(key)) fail(line_no, "duplicate label " + key);
        sample.labels[key] = value;
        if (i < line.size() && line[i] == ',') ++i;
      }
      if (i >= line.size()) fail(line_no, "unterminated label set");
      ++i;  // '}'
    }
    if (i >= line.size() || line[i] != ' ') fail(line_no, "expected a space before the value");
    ++i;
    std::string rest(line.substr(i));
    if (auto sp = rest.find(' '); sp != std::string::npos) rest = rest.substr(0, sp);  // timestamp
    if (rest == "+Inf") {
      sample.value = INFINITY;
    } else if (rest == "-Inf") {
      sample.value = -INFINITY;
    } else if (rest == "NaN") {
      sample.value = NAN;
    } else {
      char* end = nullptr;
      sample.value = std::strtod(rest.c_str(), &end);
      if (rest.empty() || *end != '\0') fail(line_no, "bad value '" + rest + "'");
    }
    return sample;
  }

  // Per label set (labels other than le): buckets in increasing le, cumulative counts
  // non-decreasing, a final +Inf bucket equal to _count, and a _sum.
  static void check_histogram(const PromFamily& family) {
    struct Series {
      std::vector<std::pair<double, double>> buckets;  // le, count
      std::optional<double> sum, count;
    };
    std::map<std::map<std::string, std::string>, Series> series;
    for (const auto& sample : family.samples) {
      auto labels = sample.labels;
      if (sample.name == family.name + "_bucket") {
        auto le = labels.find("le");
        if (le == labels.end()) throw PromParseError(family.name + ": bucket without le");
        const double bound =
            le->second == "+Inf" ? INFINITY : std::strtod(le->second.c_str(), nullptr);
        labels.erase(le);
        series[labels].buckets.emplace_back(bound, sample.value);
      } else if (sample.name == family.name + "_sum") {
        series[labels].sum = sample.value;
      } else if (sample.name == family.name + "_count") {
        series[labels].count = sample.value;
      } else {
        throw PromParseError(family.name + ": unexpected sample " + sample.name);
      }
    }
    for (const auto& [labels, s] : series) {
      if (s.buckets.empty() || !std::isinf(s.buckets.back().first)) {
        throw PromParseError(family.name + ": histogram does not end with le=\"+Inf\"");
      }
      for (std::size_t i = 1; i < s.buckets.size(); ++i) {
        if (!(s.buckets[i].first > s.buckets[i - 1].first)) {
          throw PromParseError(family.name + ": le not increasing");
        }
        if (s.buckets[i].second < s.buckets[i - 1].second) {
          throw PromParseError(family.name + ": buckets not cumulative");
        }
      }
      if (!s.sum || !s.count) throw PromParseError(family.name + ": missing _sum or _count");
      if (*s.count != s.buckets.back().second) {
        throw PromParseError(family.name + ": +Inf bucket differs from _count");
      }
    }
  }

  std::map<std::string, PromFamily> families_;
};

}  // namespace switchyard::testing
