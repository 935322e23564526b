// Reads a policy file and everything it includes into checked specs (design 4.3: strict, every
// error as FILE:LINE:COL: field.path: message, all errors collected), and compiles the rules a
// file sees (itself plus its includes) into a Classifier.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "policies/classifier.h"
#include "policies/policy.h"

namespace switchyard::policy {

struct SourceMark {
  int line = 1;  // 1-based
  int column = 1;
};

struct RuleSpec {
  RuleDefinition definition;  // level_index and handling are resolved per compiled closure
  std::optional<Handling> handling_override;
  bool enabled = true;
  std::string path;  // "rules[3]"
  SourceMark mark;
  SourceMark level_mark;
};

struct TestSpec {
  std::string text;
  Handling expect = Handling::kVendor;
  std::optional<std::vector<std::string>> rules;
  std::vector<SourceMark> rule_marks;
  std::optional<std::string> level;
  std::string description;
  std::string path;  // "tests[0]"
  SourceMark mark;
};

struct PolicyFileSpec {
  std::filesystem::path path;  // as resolved from the including file
  std::string display;         // how errors name the file
  std::string bytes;
  std::string name;
  std::string version;
  std::optional<std::vector<std::string>> levels;
  std::vector<std::pair<std::string, Handling>> handling;
  std::vector<SourceMark> handling_marks;
  std::vector<std::size_t> includes;  // indices into PolicySource::files
  std::vector<RuleSpec> rules;
  std::vector<TestSpec> tests;
  std::optional<UninspectedHandlings> uninspected;  // root file only
};

// files[0] is the root; the order is the include order (depth first, each file once).
struct PolicySource {
  std::vector<PolicyFileSpec> files;
};

inline const std::vector<std::string>& default_levels() {
  static const std::vector<std::string> levels = {"public", "internal", "confidential",
                                                  "restricted"};
  return levels;
}

std::string format_error(const std::string& file, SourceMark mark, const std::string& path,
                         const std::string& message);

// Parses root and its includes; appends every error found to *errors.
PolicySource parse_policy_source(const std::filesystem::path& root,
                                 std::vector<std::string>* errors);
// Files a policy given as text may include, by absolute, lexically normal path, with their bytes.
using IncludeFiles = std::map<std::filesystem::path, std::string>;

// Parses a policy given as text (for tests, fuzzing and the playground). Includes resolve relative
// to base_dir; with `include_files` they are looked up there only and the disk is never read (a
// pasted policy must not read the server's files).
PolicySource parse_policy_text(const std::string& text, const std::string& display,
                               const std::filesystem::path& base_dir,
                               std::vector<std::string>* errors,
                               const IncludeFiles* include_files = nullptr);

// The files[file] closure (itself and everything it includes), in include order.
std::vector<std::size_t> closure_of(const PolicySource& source, std::size_t file);

// Compiles what files[file] sees, with that file's levels and handling. nullptr on errors.
std::shared_ptr<const Classifier> compile_closure(const PolicySource& source, std::size_t file,
                                                  const ClassifierLimits& limits,
                                                  std::vector<std::string>* errors);

// Runs files[file]'s tests against a classifier compiled for its closure.
void run_file_tests(const PolicySource& source, std::size_t file, const Classifier& classifier,
                    std::vector<PolicyTestFailure>* failures, std::size_t* passed);

// The valid name closest to a typo (case-insensitive; nearer than a third of its length), or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& valid);

}  // namespace switchyard::policy
