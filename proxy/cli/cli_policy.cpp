// `switchyard policy check|test|explain` and `switchyard classify` (design section 3): the tools
// compliance staff use to write a policy and check it against a corpus before it goes live.
#include <boost/json.hpp>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "policies/policy.h"
#include "proxy/cli/cli.h"

namespace switchyard::cli {

namespace {

using policy::Handling;
using policy::Policy;
using policy::PolicyError;

constexpr std::string_view kPolicyUsage = R"(Usage:
  switchyard policy check FILE                validate a policy and its includes; runs its tests
  switchyard policy test FILE                 run the tests inside a policy and its includes
  switchyard policy explain FILE [--text T]   why a text gets its handling (text from stdin
                                              without --text)
)";

constexpr std::string_view kClassifyUsage = R"(Usage:
  switchyard classify --policy FILE
Reads JSON Lines {"id": ..., "text": "..."} on stdin and writes one line per input:
  {"id": ..., "handling": "...", "level": "...", "rules": [...], "categories": [...]}
)";

void print_errors(const PolicyError& e) {
  for (const auto& line : e.errors()) std::fprintf(stderr, "%s\n", line.c_str());
}

std::string_view handling_in_words(Handling h) {
  switch (h) {
    case Handling::kVendor:
      return "may be sent to the external vendor as is";
    case Handling::kRedact:
      return "matched values are replaced by [REDACTED:<category>] first";
    case Handling::kInternal:
      return "must stay on the internal model";
    case Handling::kBlock:
      return "is refused (HTTP 403)";
  }
  return "";
}

// First and last two characters, the rest as '*' (by code point, so UTF-8 stays intact).
std::string mask(std::string_view value) {
  std::vector<std::string_view> chars;
  for (std::size_t i = 0; i < value.size();) {
    std::size_t n = 1;
    while (i + n < value.size() && (static_cast<unsigned char>(value[i + n]) & 0xC0) == 0x80) ++n;
    chars.push_back(value.substr(i, n));
    i += n;
  }
  std::string out;
  if (chars.size() <= 4) return std::string(chars.size(), '*');
  out.append(chars[0]).append(chars[1]);
  const std::size_t hidden = chars.size() - 4;
  out.append(std::min<std::size_t>(hidden, 12), '*');
  if (hidden > 12) out += "...";
  out.append(chars[chars.size() - 2]).append(chars[chars.size() - 1]);
  return out;
}

// 1-based line and column (in characters) of a byte offset.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

int check(std::string_view file) {
  try {
    auto p = Policy::load_file(std::string(file));
    std::printf("ok: %s %s, %zu rules\n", p->name().c_str(),
                p->version().empty() ? "(no version)" : p->version().c_str(), p->rules().size());
    return 0;
  } catch (const PolicyError& e) {
    print_errors(e);
    return 1;
  }
}

int test(std::string_view file) {
  std::shared_ptr<const Policy> p;
  try {
    p = Policy::load_file_without_tests(std::string(file));
  } catch (const PolicyError& e) {
    print_errors(e);
    return 1;
  }
  std::size_t passed = 0;
  const auto failures = p->run_tests(&passed);
  for (const auto& f : failures) std::printf("%s: %s\n", f.location.c_str(), f.message.c_str());
  std::printf("%zu passed, %zu failed\n", passed, failures.size());
  return failures.empty() ? 0 : 1;
}

int explain(std::string_view file, const std::string& text) {
  std::shared_ptr<const Policy> p;
  try {
    p = Policy::load_file_without_tests(std::string(file));
  } catch (const PolicyError& e) {
    print_errors(e);
    return 1;
  }
  const std::string_view segment = text;
  std::vector<policy::Finding> findings;
  const auto c = p->explain(std::span<const std::string_view>(&segment, 1), &findings);
  std::printf("Policy:   %s %s (sha256 %.12s...)\n", p->name().c_str(), p->version().c_str(),
              p->sha256().c_str());
  std::printf("Handling: %s: the text %s\n", std::string(to_string(c.handling)).c_str(),
              std::string(handling_in_words(c.handling)).c_str());
  std::printf("Level:    %s\n", c.level.c_str());
  if (c.classifier_error) {
    std::printf(
        "\nThe classifier could not check this text (%s), so the policy's strictest\n"
        "handling applies. This is never treated as \"nothing found\".\n",
        c.error.c_str());
    return 0;
  }
  if (c.matches.empty()) {
    std::printf("\nNo rule matched.\n");
    return 0;
  }
  std::printf("\n%zu rule%s matched:\n", c.matches.size(), c.matches.size() == 1 ? "" : "s");
  for (const auto& m : c.matches) {
    const policy::RuleInfo* info = nullptr;
    for (const auto& r : p->rules()) {
      if (r.id == m.id) info = &r;
    }
    std::printf("\n  %s", m.id.c_str());
    if (info != nullptr && !info->description.empty()) {
      std::printf(": %s", info->description.c_str());
    }
    std::printf("\n    category %s, level %s, handling %s", m.category.c_str(), m.level.c_str(),
                std::string(to_string(m.handling)).c_str());
    if (info != nullptr) std::printf(" (rule defined at %s)", info->location.c_str());
    std::printf("\n    found %zu time%s:\n", m.count, m.count == 1 ? "" : "s");
    for (const auto& f : findings) {
      if (f.rule_id != m.id) continue;
      const auto [line, column] = line_column(text, f.span.begin);
      std::printf("      line %zu, column %zu (bytes %zu-%zu): %s", line, column, f.span.begin,
                  f.span.end, mask(f.value).c_str());
      const std::string_view original =
          std::string_view(text).substr(f.span.begin, f.span.end - f.span.begin);
      if (f.view == "decoded") {
        std::printf("  (found after decoding percent, HTML, \\u or base64 escapes)");
      } else if (original != f.value) {
        std::printf(
            "  (written differently in the text: look-alike or full-width characters, "
            "invisible characters or spacing were normalized)");
      }
      std::printf("\n");
    }
  }
  return 0;
}

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

}  // namespace

int policy(Args args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kPolicyUsage.data(), args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const std::string_view command = args[0];
  if (args.size() < 2) {
    std::fprintf(stderr, "switchyard policy %.*s: missing FILE\n\n%s",
                 static_cast<int>(command.size()), command.data(), kPolicyUsage.data());
    return 2;
  }
  const std::string_view file = args[1];
  if (command == "check" && args.size() == 2) return check(file);
  if (command == "test" && args.size() == 2) return test(file);
  if (command == "explain") {
    if (args.size() == 2) return explain(file, read_stdin());
    if (args.size() == 4 && args[2] == "--text") return explain(file, std::string(args[3]));
  }
  std::fprintf(stderr, "switchyard policy: unexpected arguments\n\n%s", kPolicyUsage.data());
  return 2;
}

int classify(Args args) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::fputs(kClassifyUsage.data(), stdout);
    return 0;
  }
  if (args.size() != 2 || args[0] != "--policy") {
    std::fputs(kClassifyUsage.data(), stderr);
    return 2;
  }
  std::shared_ptr<const Policy> p;
  try {
    p = Policy::load_file(std::string(args[1]));
  } catch (const PolicyError& e) {
    print_errors(e);
    return 1;
  }
  int status = 0;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    boost::json::object out;
    boost::system::error_code ec;
    boost::json::value input = boost::json::parse(line, ec);
    const boost::json::object* object = ec ? nullptr : input.if_object();
    const boost::json::string* text =
        object != nullptr && object->contains("text") ? object->at("text").if_string() : nullptr;
    if (text == nullptr) {
      out["id"] = object != nullptr && object->contains("id") ? object->at("id")
                                                              : boost::json::value(nullptr);
      out["error"] =
          "line " + std::to_string(line_number) +
          (ec ? ": invalid JSON: " + ec.message() : ": expected an object with a string \"text\"");
      std::cout << boost::json::serialize(out) << '\n';
      status = 1;
      continue;
    }
    const std::string_view segment(text->data(), text->size());
    const auto c = p->classify(std::span<const std::string_view>(&segment, 1));
    out["id"] = object->contains("id") ? object->at("id") : boost::json::value(nullptr);
    out["handling"] = std::string(to_string(c.handling));
    out["level"] = c.level;
    boost::json::array rules, categories;
    std::set<std::string> seen_categories;
    for (const auto& m : c.matches) {
      rules.emplace_back(m.id);
      if (seen_categories.insert(m.category).second) categories.emplace_back(m.category);
    }
    out["rules"] = std::move(rules);
    out["categories"] = std::move(categories);
    if (c.classifier_error) out["error"] = c.error;
    std::cout << boost::json::serialize(out) << '\n';
  }
  std::cout.flush();
  return status;
}

}  // namespace switchyard::cli
