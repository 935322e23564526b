// `switchyard policy check|test|explain` (design section 3): the tools compliance staff use to
// write a policy and see why a text gets the handling it gets.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/command_line.h"
#include "policies/policy.h"
#include "proxy/cli/cli.h"

namespace switchyard::cli {

namespace {

using policy::Handling;
using policy::Policy;
using policy::PolicyError;

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

int check(const std::string& file) {
  try {
    auto p = Policy::load_file(file);
    std::printf("ok: %s %s, %zu rules\n", p->name().c_str(),
                p->version().empty() ? "(no version)" : p->version().c_str(), p->rules().size());
    return command_line::kSuccess;
  } catch (const PolicyError& e) {
    print_errors(e);
    return command_line::kFailure;
  }
}

int test(const std::string& file) {
  std::shared_ptr<const Policy> p;
  try {
    p = Policy::load_file_without_tests(file);
  } catch (const PolicyError& e) {
    print_errors(e);
    return command_line::kFailure;
  }
  std::size_t passed = 0;
  const auto failures = p->run_tests(&passed);
  for (const auto& f : failures) std::printf("%s: %s\n", f.location.c_str(), f.message.c_str());
  std::printf("%zu passed, %zu failed\n", passed, failures.size());
  return failures.empty() ? command_line::kSuccess : command_line::kFailure;
}

struct ExplainOptions {
  std::string file;
  std::optional<std::string> text;  // standard input when absent
};

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

int explain(const ExplainOptions& options) {
  std::shared_ptr<const Policy> p;
  try {
    p = Policy::load_file_without_tests(options.file);
  } catch (const PolicyError& e) {
    print_errors(e);
    return command_line::kFailure;
  }
  const std::string text = options.text ? *options.text : read_stdin();
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
    return command_line::kSuccess;
  }
  if (c.matches.empty()) {
    std::printf("\nNo rule matched.\n");
    return command_line::kSuccess;
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
      } else if (f.view == "joined") {
        std::printf(
            "  (found in the joined view: pieces put back together, digits or words collapsed, "
            "or at/dot spelled out)");
      } else if (original != f.value) {
        std::printf(
            "  (written differently in the text: look-alike or full-width characters, "
            "invisible characters or spacing were normalized)");
      }
      std::printf("\n");
    }
  }
  return command_line::kSuccess;
}

}  // namespace

void add_policy_commands(CLI::App& root) {
  CLI::App& policy = command_line::add_group(root, "policy", "validate, test and explain a policy");

  auto check_file = std::make_shared<std::string>();
  CLI::App* check_command =
      policy.add_subcommand("check", "validate a policy and its includes; runs its tests");
  command_line::add_positional(*check_command, "FILE", *check_file, "the policy file");
  command_line::on_run(*check_command, [check_file] { return check(*check_file); });

  auto test_file = std::make_shared<std::string>();
  CLI::App* test_command =
      policy.add_subcommand("test", "run the tests inside a policy and its includes");
  command_line::add_positional(*test_command, "FILE", *test_file, "the policy file");
  command_line::on_run(*test_command, [test_file] { return test(*test_file); });

  auto explain_options = std::make_shared<ExplainOptions>();
  CLI::App* explain_command =
      policy.add_subcommand("explain", "why a text gets the handling it gets");
  command_line::add_positional(*explain_command, "FILE", explain_options->file, "the policy file");
  command_line::add_optional(*explain_command, "--text", explain_options->text,
                             "the text to explain (default: standard input)")
      ->type_name("TEXT");
  command_line::on_run(*explain_command, [explain_options] { return explain(*explain_options); });
}

}  // namespace switchyard::cli
