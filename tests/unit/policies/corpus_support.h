// The labeled corpus of tests/corpus/ for the corpus tests: its cases and the counts behind
// precision and recall of "sensitive" (any handling other than vendor).
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace switchyard::policy::corpus {

namespace fs = std::filesystem;

inline fs::path corpus_dir() { return fs::path(SWITCHYARD_SOURCE_DIR) / "tests/corpus"; }

struct Case {
  std::string id;
  std::string text;
  bool sensitive = false;
  std::string category;
  std::string evasion;  // empty when the text is not obfuscated
  std::string file;
};

struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0, tn = 0;
  void add(bool predicted, bool actual) {
    if (predicted && actual) ++tp;
    if (predicted && !actual) ++fp;
    if (!predicted && actual) ++fn;
    if (!predicted && !actual) ++tn;
  }
  // An empty denominator means nothing could go wrong on that side.
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  std::size_t total() const { return tp + fp + fn + tn; }
};

inline std::vector<Case> load_split(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Case> cases;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty()) continue;
      const auto value = boost::json::parse(line);
      const auto& object = value.as_object();
      Case c;
      c.id = std::string(object.at("id").as_string());
      c.text = std::string(object.at("text").as_string());
      const std::string label(object.at("label").as_string());
      EXPECT_TRUE(label == "vendor" || label == "sensitive") << file << ":" << number;
      EXPECT_TRUE(object.contains("note")) << file << ":" << number;
      c.sensitive = label == "sensitive";
      c.category = std::string(object.at("category").as_string());
      if (const auto* evasion = object.if_contains("evasion")) {
        c.evasion = std::string(evasion->as_string());
      }
      c.file = file.filename().string();
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

}  // namespace switchyard::policy::corpus
