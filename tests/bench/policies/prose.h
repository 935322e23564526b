// The classifier benchmarks' text and policy (issue 3): shared by bench_classifier (time) and
// classify_instructions (instruction counts under callgrind), so that both measure the same work.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace switchyard::bench {

inline std::filesystem::path default_pack(const std::filesystem::path& source) {
  const auto pack = source / "policies/packs/default.yaml";
  if (std::filesystem::exists(pack)) return pack;
  return source / "tests/unit/policies/data/globex.yaml";  // before the packs existed
}

// Ordinary English prose: the license texts Debian ships, repeated to `size` bytes.
inline std::string prose(std::size_t size) {
  std::string text;
  for (const char* name : {"GPL-3", "Apache-2.0", "MPL-2.0", "LGPL-2.1", "Artistic"}) {
    std::ifstream in(std::filesystem::path("/usr/share/common-licenses") / name, std::ios::binary);
    text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (text.empty()) {
    const char* words[] = {"the",       "quarterly",  "report", "shows",    "that", "our",
                           "customers", "appreciate", "faster", "delivery", "and",  "clear",
                           "pricing",   "for",        "new",    "products", "in",   "every",
                           "region",    "we",         "serve."};
    std::mt19937 rng(1);
    while (text.size() < 65536) {
      text += words[rng() % std::size(words)];
      text += ' ';
    }
  }
  std::string out;
  while (out.size() < size) out += text;
  out.resize(size);
  return out;
}

}  // namespace switchyard::bench
