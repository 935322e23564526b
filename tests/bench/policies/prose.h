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

// What the proxy classifies per request in the load harness: a system prompt and a user message of
// about 1 KB together, nothing to find.
inline constexpr const char* kChatSystem =
    "You are the customer support assistant for Northwind Supplies, a B2B distributor of office "
    "and janitorial products. Answer politely and concisely. Use the order data provided by the "
    "user. If a question involves refunds over 500 USD, explain that a human agent will follow "
    "up within one business day. Never invent tracking numbers or delivery dates.";
inline constexpr const char* kChatUser =
    "Hello, this is Maria Keller from Alder and Finch Accounting. We placed order NW-48213 last "
    "Thursday for 40 cases of copy paper, 12 boxes of nitrile gloves and 6 floor cleaning "
    "concentrates. Our office manager says the invoice arrived but the goods have not. Could you "
    "tell me whether the order has shipped, which carrier is handling it and when we can expect "
    "delivery? We also need to know if the gloves can be split into a separate shipment, since "
    "our cleaning staff run out on Friday. Thank you.";

}  // namespace switchyard::bench
