// Policy loading (see policy_loader.h). Every check appends to the error list and goes on, so that
// one run of `switchyard policy check` shows every problem of a file.
#include "policies/policy_loader.h"

#include "policies/uninspected_handling.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "common/load_errors.h"

namespace switchyard::policy {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string_view> kTopKeys = {"policy",  "version", "description",
                                                "include", "levels",  "handling",
                                                "rules",   "tests",   "uninspected"};
const std::vector<std::string_view> kRuleKeys = {"id",
                                                 "description",
                                                 "level",
                                                 "category",
                                                 "keywords",
                                                 "regex",
                                                 "validate",
                                                 "context",
                                                 "context_window",
                                                 "context_names",
                                                 "allow",
                                                 "min_count",
                                                 "handling",
                                                 "enabled",
                                                 "case_sensitive",
                                                 "exclude_context",
                                                 "exclude_context_window",
                                                 "exclude_context_around",
                                                 "views"};
const std::vector<std::string_view> kViewNames = {"text", "joined"};
const std::vector<std::string_view> kTestKeys = {"text", "expect", "rules", "level", "description"};
const std::vector<std::string_view> kHandlingNames = {"vendor", "redact", "pseudonymize",
                                                      "internal", "block"};

std::string join(const std::vector<std::string_view>& items) { return load_errors::join(items); }
std::string join(const std::vector<std::string>& items) {
  std::vector<std::string_view> views(items.begin(), items.end());
  return load_errors::join(views);
}

SourceMark mark_of(const YAML::Node& node, SourceMark fallback = {}) {
  const YAML::Mark m = node.Mark();
  if (m.line < 0 || m.column < 0) return fallback;
  return SourceMark{m.line + 1, m.column + 1};
}

bool is_valid_rule_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_' || c == ':';
  });
}

// One file being read: knows its name for error messages.
class FileReader {
 public:
  FileReader(PolicyFileSpec* file, std::vector<std::string>* errors)
      : file_(file), errors_(errors) {}

  void error(SourceMark mark, const std::string& path, const std::string& message) {
    errors_->push_back(format_error(file_->display, mark, path, message));
  }
  void error(const YAML::Node& node, const std::string& path, const std::string& message) {
    error(mark_of(node), path, message);
  }

  // Checks the keys of a mapping; returns key -> value node (first occurrence).
  std::vector<std::pair<std::string, YAML::Node>> keys(const YAML::Node& map,
                                                       const std::string& path,
                                                       const std::vector<std::string_view>& valid,
                                                       const std::string& what) {
    std::vector<std::pair<std::string, YAML::Node>> out;
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const YAML::Node key = it->first;
      if (!key.IsScalar()) {
        error(key, path, "keys must be plain names");
        continue;
      }
      const std::string name = key.Scalar();
      const std::string key_path = path.empty() ? name : path + "." + name;
      if (std::find(valid.begin(), valid.end(), name) == valid.end()) {
        std::string message = "unknown key '" + name + "' in " + what;
        const std::string suggestion = did_you_mean(name, valid);
        if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
        message += " Valid keys: " + join(valid);
        error(key, key_path, message);
        continue;
      }
      if (!seen.insert(name).second) {
        error(key, key_path, "duplicate key '" + name + "'");
        continue;
      }
      out.emplace_back(name, it->second);
    }
    return out;
  }

  std::optional<std::string> string(const YAML::Node& node, const std::string& path,
                                    SourceMark fallback) {
    if (!node.IsScalar()) {
      error(mark_of(node, fallback), path, "expected a text value");
      return std::nullopt;
    }
    return node.Scalar();
  }

  std::optional<std::vector<std::pair<std::string, SourceMark>>> string_list(
      const YAML::Node& node, const std::string& path, SourceMark fallback, bool allow_scalar) {
    std::vector<std::pair<std::string, SourceMark>> out;
    if (allow_scalar && node.IsScalar()) {
      out.emplace_back(node.Scalar(), mark_of(node, fallback));
      return out;
    }
    if (!node.IsSequence()) {
      error(mark_of(node, fallback), path,
            "expected a list of text values, e.g. [\"first\", \"second\"]");
      return std::nullopt;
    }
    bool ok = true;
    std::size_t i = 0;
    for (const auto& item : node) {
      const std::string item_path = path + "[" + std::to_string(i++) + "]";
      if (!item.IsScalar()) {
        error(mark_of(item, fallback), item_path, "expected a text value");
        ok = false;
        continue;
      }
      out.emplace_back(item.Scalar(), mark_of(item, fallback));
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<bool> boolean(const YAML::Node& node, const std::string& path,
                              SourceMark fallback) {
    if (node.IsScalar()) {
      const std::string& v = node.Scalar();
      if (v == "true") return true;
      if (v == "false") return false;
    }
    error(mark_of(node, fallback), path, "expected true or false");
    return std::nullopt;
  }

  std::optional<long long> integer(const YAML::Node& node, const std::string& path,
                                   SourceMark fallback, long long min, long long max) {
    if (node.IsScalar()) {
      const std::string& v = node.Scalar();
      char* end = nullptr;
      const long long value = std::strtoll(v.c_str(), &end, 10);
      if (!v.empty() && end == v.c_str() + v.size()) {
        if (value >= min && value <= max) return value;
        error(mark_of(node, fallback), path,
              "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                  v);
        return std::nullopt;
      }
    }
    error(mark_of(node, fallback), path, "expected a whole number");
    return std::nullopt;
  }

  std::optional<Handling> handling(const YAML::Node& node, const std::string& path,
                                   SourceMark fallback) {
    auto text = string(node, path, fallback);
    if (!text) return std::nullopt;
    if (auto h = parse_handling(*text)) return h;
    std::string message = "unknown handling '" + *text + "'";
    const std::string suggestion = did_you_mean(*text, kHandlingNames);
    if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
    message += " Valid handlings: " + join(kHandlingNames);
    error(mark_of(node, fallback), path, message);
    return std::nullopt;
  }

  PolicyFileSpec& file() { return *file_; }

 private:
  PolicyFileSpec* file_;
  std::vector<std::string>* errors_;
};

void parse_rule(FileReader& reader, const YAML::Node& node, std::size_t index,
                const ClassifierLimits& limits) {
  const std::string path = "rules[" + std::to_string(index) + "]";
  if (!node.IsMap()) {
    reader.error(node, path, "a rule is a mapping with at least id, level and keywords or regex");
    return;
  }
  RuleSpec rule;
  rule.path = path;
  rule.mark = mark_of(node);
  RuleDefinition& d = rule.definition;
  d.location = reader.file().display + ":" + std::to_string(rule.mark.line) + ":" +
               std::to_string(rule.mark.column);
  bool ok = true;
  bool has_id = false, has_level = false, has_keywords = false, has_regex = false;
  bool has_case_sensitive = false;
  SourceMark case_sensitive_mark;
  bool has_views = false;
  SourceMark views_mark;
  // A list of words that must not be empty (context, context_names, exclude_context).
  const auto read_words = [&reader](const auto& value, const std::string& field,
                                    SourceMark fallback, std::string_view what,
                                    std::vector<std::string>* out) {
    auto list = reader.string_list(value, field, fallback, false);
    if (!list) return false;
    bool all = true;
    for (const auto& [word, mark] : *list) {
      if (word.empty()) {
        reader.error(mark, field, std::string(what) + " must not be empty");
        all = false;
      } else {
        out->push_back(word);
      }
    }
    return all;
  };
  for (auto& [key, value] : reader.keys(node, path, kRuleKeys, "a rule")) {
    const std::string field = path + "." + key;
    const SourceMark fallback = mark_of(value, rule.mark);
    if (key == "id") {
      if (auto v = reader.string(value, field, fallback)) {
        if (!is_valid_rule_id(*v)) {
          reader.error(
              fallback, field,
              "rule ids use letters, digits, '.', '-', '_' and ':' only (1 to 128), got '" + *v +
                  "'");
          ok = false;
        } else {
          d.id = *v;
          has_id = true;
        }
      } else {
        ok = false;
      }
    } else if (key == "description") {
      if (auto v = reader.string(value, field, fallback)) d.description = *v;
    } else if (key == "category") {
      if (auto v = reader.string(value, field, fallback)) d.category = *v;
    } else if (key == "level") {
      if (auto v = reader.string(value, field, fallback)) {
        d.level = *v;
        rule.level_mark = fallback;
        has_level = true;
      } else {
        ok = false;
      }
    } else if (key == "keywords") {
      has_keywords = true;
      if (auto list = reader.string_list(value, field, fallback, false)) {
        if (list->empty()) {
          reader.error(fallback, field, "needs at least one keyword");
          ok = false;
        }
        for (std::size_t k = 0; k < list->size(); ++k) {
          const auto& [keyword, mark] = (*list)[k];
          if (!KeywordMatcher::has_matchable_bytes(KeywordMatcher::keyword_form(keyword))) {
            reader.error(mark, field + "[" + std::to_string(k) + "]",
                         "a keyword needs at least one character besides spaces, '-' and '_'");
            ok = false;
            continue;
          }
          d.keywords.push_back(keyword);
        }
      } else {
        ok = false;
      }
    } else if (key == "regex") {
      has_regex = true;
      if (auto v = reader.string(value, field, fallback)) {
        RE2 re(*v, regex_options(limits));
        if (!re.ok()) {
          std::string message = "RE2 rejected the regex: " + re.error();
          if (!re.error_arg().empty()) message += " (at '" + re.error_arg() + "')";
          reader.error(fallback, field, message);
          ok = false;
        } else if (RE2::PartialMatch("", re) && RE2::PartialMatch("x", re)) {
          reader.error(fallback, field,
                       "the regex matches the empty string, so it would match any text");
          ok = false;
        } else {
          d.regex = *v;
          d.is_regex = true;
        }
      } else {
        ok = false;
      }
    } else if (key == "validate") {
      if (auto list = reader.string_list(value, field, fallback, true)) {
        for (const auto& [spec, mark] : *list) {
          std::string message;
          if (auto validator = parse_validator(spec, &message)) {
            d.validators.push_back(*validator);
          } else {
            const std::string suggestion = did_you_mean(spec, validator_names());
            if (!suggestion.empty() && !spec.starts_with("entropy:")) {
              message += "; did you mean '" + suggestion + "'?";
            }
            reader.error(mark, field, message);
            ok = false;
          }
        }
      } else {
        ok = false;
      }
    } else if (key == "context") {
      ok = read_words(value, field, fallback, "context words", &d.context) && ok;
    } else if (key == "context_names") {
      ok = read_words(value, field, fallback, "context names", &d.context_names) && ok;
    } else if (key == "exclude_context") {
      ok = read_words(value, field, fallback, "exclude_context words", &d.exclude_context) && ok;
    } else if (key == "exclude_context_window") {
      if (auto v = reader.integer(value, field, fallback, 1, 10000)) {
        d.exclude_context_window = static_cast<std::size_t>(*v);
      } else {
        ok = false;
      }
    } else if (key == "exclude_context_around") {
      if (auto b = reader.boolean(value, field, fallback)) {
        d.exclude_context_around = *b;
      } else {
        ok = false;
      }
    } else if (key == "views") {
      has_views = true;
      views_mark = fallback;
      if (auto list = reader.string_list(value, field, fallback, true)) {
        d.match_text = false;
        d.match_joined = false;
        if (list->empty()) {
          reader.error(fallback, field, "needs at least one view: text, joined");
          ok = false;
        }
        for (const auto& [name, mark] : *list) {
          if (name == "text") {
            d.match_text = true;
          } else if (name == "joined") {
            d.match_joined = true;
          } else {
            std::string message = "unknown view '" + name + "'";
            const std::string suggestion = did_you_mean(name, kViewNames);
            if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
            message += " Valid views: " + join(kViewNames);
            reader.error(mark, field, message);
            ok = false;
          }
        }
      } else {
        ok = false;
      }
    } else if (key == "context_window") {
      if (auto v = reader.integer(value, field, fallback, 1, 10000)) {
        d.context_window = static_cast<std::size_t>(*v);
      } else {
        ok = false;
      }
    } else if (key == "allow") {
      if (auto list = reader.string_list(value, field, fallback, false)) {
        for (const auto& [entry, mark] : *list) {
          if (entry.empty()) {
            reader.error(mark, field, "allowed values must not be empty");
            ok = false;
          } else {
            d.allow.push_back(entry);
          }
        }
      } else {
        ok = false;
      }
    } else if (key == "min_count") {
      if (auto v = reader.integer(value, field, fallback, 1, 100000)) {
        d.min_count = static_cast<std::size_t>(*v);
      } else {
        ok = false;
      }
    } else if (key == "handling") {
      if (auto h = reader.handling(value, field, fallback)) {
        rule.handling_override = h;
      } else {
        ok = false;
      }
    } else if (key == "enabled") {
      if (auto b = reader.boolean(value, field, fallback)) {
        rule.enabled = *b;
      } else {
        ok = false;
      }
    } else if (key == "case_sensitive") {
      if (auto b = reader.boolean(value, field, fallback)) {
        d.case_sensitive = *b;
        has_case_sensitive = true;
        case_sensitive_mark = fallback;
      } else {
        ok = false;
      }
    }
  }
  if (!has_id) {
    reader.error(rule.mark, path, "missing 'id'");
    ok = false;
  }
  if (!has_level) {
    reader.error(rule.mark, path, "missing 'level'");
    ok = false;
  }
  if (has_keywords == has_regex) {
    reader.error(rule.mark, path,
                 has_keywords ? "has both 'keywords' and 'regex'; a rule has exactly one of them"
                              : "needs exactly one of 'keywords' or 'regex'");
    ok = false;
  }
  if (has_views && has_keywords) {
    reader.error(views_mark, path + ".views",
                 "views applies to regex rules; keywords always match on the keyword view");
    ok = false;
  }
  if (has_case_sensitive && has_regex) {
    reader.error(case_sensitive_mark, path + ".case_sensitive",
                 "case_sensitive applies to keywords; a regex is case-sensitive unless it starts "
                 "with (?i)");
    ok = false;
  }
  if (d.category.empty()) d.category = d.id;
  if (ok) reader.file().rules.push_back(std::move(rule));
}

void parse_test(FileReader& reader, const YAML::Node& node, std::size_t index) {
  const std::string path = "tests[" + std::to_string(index) + "]";
  if (!node.IsMap()) {
    reader.error(node, path, "a test is a mapping with text and expect");
    return;
  }
  TestSpec test;
  test.path = path;
  test.mark = mark_of(node);
  bool ok = true, has_text = false, has_expect = false;
  for (auto& [key, value] : reader.keys(node, path, kTestKeys, "a test")) {
    const std::string field = path + "." + key;
    const SourceMark fallback = mark_of(value, test.mark);
    if (key == "text") {
      if (auto v = reader.string(value, field, fallback)) {
        test.text = *v;
        has_text = true;
      } else {
        ok = false;
      }
    } else if (key == "expect") {
      if (auto h = reader.handling(value, field, fallback)) {
        test.expect = *h;
        has_expect = true;
      } else {
        ok = false;
      }
    } else if (key == "rules") {
      if (auto list = reader.string_list(value, field, fallback, false)) {
        test.rules.emplace();
        for (const auto& [id, mark] : *list) {
          test.rules->push_back(id);
          test.rule_marks.push_back(mark);
        }
      } else {
        ok = false;
      }
    } else if (key == "level") {
      if (auto v = reader.string(value, field, fallback)) {
        test.level = *v;
      } else {
        ok = false;
      }
    } else if (key == "description") {
      if (auto v = reader.string(value, field, fallback)) test.description = *v;
    }
  }
  if (!has_text) reader.error(test.mark, path, "missing 'text'");
  if (!has_expect) {
    reader.error(test.mark, path, "missing 'expect' (one of " + join(kHandlingNames) + ")");
  }
  if (ok && has_text && has_expect) reader.file().tests.push_back(std::move(test));
}

struct Loader {
  PolicySource source;
  std::vector<std::string>* errors;
  std::map<fs::path, std::size_t> index_by_path;
  std::vector<fs::path> stack;
  ClassifierLimits limits;
  const IncludeFiles* include_files = nullptr;  // given: includes come from here, never the disk

  // Returns the file's index, or -1 when it could not be read.
  long load(const fs::path& path, const std::string& display, const std::string* text,
            const std::string& includer, SourceMark include_mark, const std::string& include_path) {
    std::error_code ec;
    fs::path key = text != nullptr            ? fs::path(display)
                   : include_files != nullptr ? path.lexically_normal()
                                              : fs::weakly_canonical(path, ec);
    if (ec) key = path.lexically_normal();
    if (std::find(stack.begin(), stack.end(), key) != stack.end()) {
      std::string chain;
      for (auto it = std::find(stack.begin(), stack.end(), key); it != stack.end(); ++it) {
        chain += it->filename().string() + " -> ";
      }
      chain += key.filename().string();
      errors->push_back(
          format_error(includer, include_mark, include_path, "include cycle: " + chain));
      return -1;
    }
    if (auto it = index_by_path.find(key); it != index_by_path.end()) {
      return static_cast<long>(it->second);  // included before: each file is loaded once
    }
    PolicyFileSpec file;
    file.path = path;
    file.display = display;
    if (text != nullptr) {
      file.bytes = *text;
    } else if (include_files != nullptr) {
      const auto found = include_files->find(key);
      if (found == include_files->end()) {
        std::string known;
        for (const auto& [known_path, bytes] : *include_files) {
          known += (known.empty() ? "" : ", ") + known_path.filename().string();
        }
        errors->push_back(format_error(
            includer, include_mark, include_path,
            "cannot include '" + display + "' here: only the files the serving policy loaded (" +
                (known.empty() ? std::string("none") : known) + ") can be included"));
        return -1;
      }
      file.bytes = found->second;
    } else {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        if (includer.empty()) {
          errors->push_back(format_error(display, {}, "", "cannot read the policy file"));
        } else {
          errors->push_back(format_error(includer, include_mark, include_path,
                                         "cannot read included file '" + display + "'"));
        }
        return -1;
      }
      file.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const std::size_t index = source.files.size();
    source.files.push_back(std::move(file));
    index_by_path[key] = index;
    stack.push_back(key);
    parse(index);
    stack.pop_back();
    return static_cast<long>(index);
  }

  void parse(std::size_t index) {
    YAML::Node root;
    {
      PolicyFileSpec& file = source.files[index];
      try {
        root = YAML::Load(file.bytes);
      } catch (const YAML::ParserException& e) {
        errors->push_back(format_error(file.display, SourceMark{e.mark.line + 1, e.mark.column + 1},
                                       "", "YAML syntax: " + e.msg));
        return;
      } catch (const YAML::Exception& e) {
        errors->push_back(format_error(file.display, {}, "", std::string("YAML: ") + e.what()));
        return;
      }
    }
    // source.files may grow while includes load: always go through the index.
    PolicyFileSpec scratch;
    FileReader reader(&scratch, errors);
    scratch.display = source.files[index].display;
    if (!root.IsMap()) {
      reader.error(root, "", "a policy file is a mapping with at least 'policy:' and 'rules:'");
      return;
    }
    bool has_name = false;
    YAML::Node rules, tests;
    for (auto& [key, value] : reader.keys(root, "", kTopKeys, "a policy file")) {
      const SourceMark fallback = mark_of(value);
      if (key == "policy") {
        if (auto v = reader.string(value, key, fallback)) {
          scratch.name = *v;
          has_name = !v->empty();
        }
      } else if (key == "version") {
        if (auto v = reader.string(value, key, fallback)) scratch.version = *v;
      } else if (key == "description") {
        reader.string(value, key, fallback);
      } else if (key == "include") {
        if (auto list = reader.string_list(value, key, fallback, true)) {
          const fs::path base = source.files[index].path.parent_path();
          for (std::size_t i = 0; i < list->size(); ++i) {
            const auto& [relative, mark] = (*list)[i];
            const std::string include_path = "include[" + std::to_string(i) + "]";
            if (relative.empty() || fs::path(relative).is_absolute()) {
              reader.error(mark, include_path,
                           "includes are paths relative to this file, got '" + relative + "'");
              continue;
            }
            const fs::path resolved = (base / relative).lexically_normal();
            const long included =
                load(resolved, resolved.string(), nullptr, scratch.display, mark, include_path);
            if (included >= 0) scratch.includes.push_back(static_cast<std::size_t>(included));
          }
        }
      } else if (key == "levels") {
        if (auto list = reader.string_list(value, key, fallback, false)) {
          std::vector<std::string> levels;
          for (std::size_t i = 0; i < list->size(); ++i) {
            const auto& [level, mark] = (*list)[i];
            const std::string level_path = "levels[" + std::to_string(i) + "]";
            if (level.empty()) {
              reader.error(mark, level_path, "level names must not be empty");
            } else if (std::find(levels.begin(), levels.end(), level) != levels.end()) {
              reader.error(mark, level_path, "level '" + level + "' is listed twice");
            } else {
              levels.push_back(level);
            }
          }
          if (levels.empty()) {
            reader.error(fallback, key, "needs at least one level");
          } else {
            scratch.levels = std::move(levels);
          }
        }
      } else if (key == "handling") {
        if (!value.IsMap()) {
          reader.error(fallback, key, "expected a mapping from level to handling");
          continue;
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
          if (!it->first.IsScalar()) {
            reader.error(it->first, key, "keys must be level names");
            continue;
          }
          const std::string level = it->first.Scalar();
          const std::string path = "handling." + level;
          if (auto h = reader.handling(it->second, path, mark_of(it->first))) {
            scratch.handling.emplace_back(level, *h);
            scratch.handling_marks.push_back(mark_of(it->first));
          }
        }
      } else if (key == "uninspected") {
        if (index != 0) {
          reader.error(fallback, key,
                       "set by the root policy file only; an included file cannot change how "
                       "unread attachments are handled");
        } else {
          scratch.uninspected = parse_uninspected(value, scratch.display, errors);
        }
      } else if (key == "rules") {
        rules = value;
      } else if (key == "tests") {
        tests = value;
      }
    }
    if (!has_name) reader.error(mark_of(root), "policy", "missing 'policy:' (the policy's name)");
    // Handling keys must be levels of this file.
    const std::vector<std::string>& levels = scratch.levels ? *scratch.levels : default_levels();
    for (std::size_t i = 0; i < scratch.handling.size(); ++i) {
      const std::string& level = scratch.handling[i].first;
      if (std::find(levels.begin(), levels.end(), level) == levels.end()) {
        std::vector<std::string_view> names(levels.begin(), levels.end());
        std::string message = "unknown level '" + level + "'";
        const std::string suggestion = did_you_mean(level, names);
        if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
        message += " Valid levels: " + join(levels);
        reader.error(scratch.handling_marks[i], "handling." + level, message);
      }
    }
    if (rules) {
      if (rules.IsSequence()) {
        std::size_t i = 0;
        for (const auto& node : rules) parse_rule(reader, node, i++, limits);
      } else if (!rules.IsNull()) {
        reader.error(rules, "rules", "expected a list of rules");
      }
    }
    if (tests) {
      if (tests.IsSequence()) {
        std::size_t i = 0;
        for (const auto& node : tests) parse_test(reader, node, i++);
      } else if (!tests.IsNull()) {
        reader.error(tests, "tests", "expected a list of tests");
      }
    }
    PolicyFileSpec& file = source.files[index];
    file.name = std::move(scratch.name);
    file.version = std::move(scratch.version);
    file.levels = std::move(scratch.levels);
    file.handling = std::move(scratch.handling);
    file.handling_marks = std::move(scratch.handling_marks);
    file.includes = std::move(scratch.includes);
    file.rules = std::move(scratch.rules);
    file.tests = std::move(scratch.tests);
    file.uninspected = scratch.uninspected;
  }
};

std::optional<Handling> default_handling(std::string_view level) {
  if (level == "public" || level == "internal") return Handling::kVendor;
  if (level == "confidential" || level == "restricted") return Handling::kInternal;
  return std::nullopt;
}

}  // namespace

std::string format_error(const std::string& file, SourceMark mark, const std::string& path,
                         const std::string& message) {
  return load_errors::located(file, mark.line, mark.column, path, message);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& valid) {
  const std::size_t below = std::max<std::size_t>(2, word.size() / 3) + 1;
  return std::string(load_errors::closest(word, valid, below, /*ignore_case=*/true));
}

PolicySource parse_policy_source(const fs::path& root, std::vector<std::string>* errors) {
  Loader loader;
  loader.errors = errors;
  loader.load(root, root.string(), nullptr, "", {}, "");
  return std::move(loader.source);
}

PolicySource parse_policy_text(const std::string& text, const std::string& display,
                               const fs::path& base_dir, std::vector<std::string>* errors,
                               const IncludeFiles* include_files) {
  Loader loader;
  loader.errors = errors;
  loader.include_files = include_files;
  loader.load(base_dir / display, display, &text, "", {}, "");
  return std::move(loader.source);
}

std::vector<std::size_t> closure_of(const PolicySource& source, std::size_t file) {
  std::vector<std::size_t> order;
  std::vector<bool> seen(source.files.size(), false);
  std::vector<std::size_t> stack = {file};
  // Depth first, in include order, each file once.
  auto visit = [&](auto&& self, std::size_t index) -> void {
    if (seen[index]) return;
    seen[index] = true;
    order.push_back(index);
    for (std::size_t included : source.files[index].includes) self(self, included);
  };
  visit(visit, file);
  return order;
}

std::shared_ptr<const Classifier> compile_closure(const PolicySource& source, std::size_t file,
                                                  const ClassifierLimits& limits,
                                                  std::vector<std::string>* errors) {
  const PolicyFileSpec& root = source.files[file];
  const std::vector<std::string>& levels = root.levels ? *root.levels : default_levels();
  std::vector<Handling> level_handling(levels.size(), Handling::kInternal);
  bool ok = true;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    auto it = std::find_if(root.handling.begin(), root.handling.end(),
                           [&](const auto& entry) { return entry.first == levels[i]; });
    if (it != root.handling.end()) {
      level_handling[i] = it->second;
    } else if (auto h = default_handling(levels[i])) {
      level_handling[i] = *h;
    } else {
      errors->push_back(
          format_error(root.display, {}, "handling",
                       "level '" + levels[i] + "' has no handling; add it under 'handling:'"));
      ok = false;
    }
  }
  std::vector<std::string_view> level_names(levels.begin(), levels.end());
  std::map<std::string, std::string> first_definition;
  std::vector<RuleDefinition> definitions;
  std::set<std::string> all_ids;  // including disabled rules
  for (std::size_t f : closure_of(source, file)) {
    const PolicyFileSpec& spec = source.files[f];
    for (const RuleSpec& rule : spec.rules) {
      const RuleDefinition& d = rule.definition;
      const std::string where = spec.display + ":" + std::to_string(rule.mark.line) + ":" +
                                std::to_string(rule.mark.column);
      if (auto [it, inserted] = first_definition.emplace(d.id, where); !inserted) {
        errors->push_back(
            format_error(spec.display, rule.mark, rule.path + ".id",
                         "duplicate rule id '" + d.id + "'; first defined at " + it->second));
        ok = false;
        continue;
      }
      all_ids.insert(d.id);
      const auto level = std::find(levels.begin(), levels.end(), d.level);
      if (level == levels.end()) {
        std::string message = "unknown level '" + d.level + "'";
        const std::string suggestion = did_you_mean(d.level, level_names);
        if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
        message += " Valid levels: " + join(levels);
        if (f != file) message += " (levels are defined by " + root.display + ")";
        errors->push_back(
            format_error(spec.display, rule.level_mark, rule.path + ".level", message));
        ok = false;
        continue;
      }
      if (!rule.enabled) continue;
      RuleDefinition definition = d;
      definition.level_index = static_cast<std::size_t>(level - levels.begin());
      definition.handling = rule.handling_override.value_or(level_handling[definition.level_index]);
      definitions.push_back(std::move(definition));
    }
  }
  // Tests may only name rules that exist in what their file sees.
  std::set<std::string> enabled_ids;
  for (const auto& d : definitions) enabled_ids.insert(d.id);
  for (const TestSpec& test : root.tests) {
    if (test.level && std::find(levels.begin(), levels.end(), *test.level) == levels.end()) {
      errors->push_back(
          format_error(root.display, test.mark, test.path + ".level",
                       "unknown level '" + *test.level + "'. Valid levels: " + join(levels)));
      ok = false;
    }
    if (!test.rules) continue;
    for (std::size_t i = 0; i < test.rules->size(); ++i) {
      const std::string& id = (*test.rules)[i];
      if (enabled_ids.count(id) != 0) continue;
      std::string message;
      if (all_ids.count(id) != 0) {
        message = "rule '" + id + "' is disabled (enabled: false), so it can never match";
      } else {
        std::vector<std::string_view> names(all_ids.begin(), all_ids.end());
        message = "no rule '" + id + "' in this file or its includes";
        const std::string suggestion = did_you_mean(id, names);
        if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
      }
      errors->push_back(format_error(root.display, test.rule_marks[i],
                                     test.path + ".rules[" + std::to_string(i) + "]", message));
      ok = false;
    }
  }
  if (!ok) return nullptr;
  std::vector<std::string> compile_errors;
  auto classifier =
      Classifier::compile(std::move(definitions), levels, level_handling, limits, &compile_errors);
  for (const auto& message : compile_errors) {
    errors->push_back(format_error(root.display, {}, "", message));
  }
  return classifier;
}

void run_file_tests(const PolicySource& source, std::size_t file, const Classifier& classifier,
                    std::vector<PolicyTestFailure>* failures, std::size_t* passed) {
  const PolicyFileSpec& spec = source.files[file];
  for (const TestSpec& test : spec.tests) {
    const std::string_view text = test.text;
    const Classification c = classifier.classify(std::span<const std::string_view>(&text, 1));
    std::vector<std::string> matched;
    for (const auto& m : c.matches) matched.push_back(m.id);
    std::vector<std::string> problems;
    if (c.classifier_error) problems.push_back("classifier error: " + c.error);
    if (c.handling != test.expect) {
      problems.push_back("expected " + std::string(to_string(test.expect)) + ", got " +
                         std::string(to_string(c.handling)));
    }
    if (test.rules) {
      std::vector<std::string> want = *test.rules;
      std::vector<std::string> got = matched;
      std::sort(want.begin(), want.end());
      want.erase(std::unique(want.begin(), want.end()), want.end());
      std::sort(got.begin(), got.end());
      if (want != got) {
        problems.push_back("expected rules [" + join(want) + "], matched [" + join(got) + "]");
      }
    }
    if (test.level && c.level != *test.level) {
      problems.push_back("expected level " + *test.level + ", got " + c.level);
    }
    if (problems.empty()) {
      if (passed != nullptr) ++*passed;
      continue;
    }
    std::string message = test.path + ": ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
      if (i > 0) message += "; ";
      message += problems[i];
    }
    if (!test.rules) {
      message += matched.empty() ? " (no rule matched)" : " (matched: " + join(matched) + ")";
    }
    PolicyTestFailure failure;
    failure.location = spec.display + ":" + std::to_string(test.mark.line) + ":" +
                       std::to_string(test.mark.column);
    failure.message = std::move(message);
    failures->push_back(std::move(failure));
  }
}

}  // namespace switchyard::policy
