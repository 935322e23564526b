// `switchyard policy check|test|explain` (design section 3): the tools compliance staff use to
// write a policy and see why a text gets the handling it gets (`policy diff`: cli_diff.cpp).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/pseudonymize/mask_plan.h"
#include "adapters/translate/rewrite.h"
#include "common/command_line.h"
#include "policies/finding_display.h"
#include "policies/policy.h"
#include "proxy/cli/cli.h"
#include "proxy/cli/cli_file.h"

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
    case Handling::kPseudonymize:
      return "goes to the external vendor with matched values replaced by placeholders, which "
             "are put back in the vendor's reply";
    case Handling::kInternal:
      return "must stay on the internal model";
    case Handling::kBlock:
      return "is refused (HTTP 403)";
  }
  return "";
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

// What the vendor would receive for a text with this classification: the text with its redacted
// and pseudonymized values replaced, as the proxy does it. Placeholders use the key in
// SWITCHYARD_PSEUDONYM_KEY when it is set, else a fixed demonstration key (and say so).
void print_vendor_view(const std::string& text, const policy::Classification& c,
                       Handling handling) {
  std::printf("\nThe vendor receives:");
  switch (handling) {
    case Handling::kBlock:
      std::printf(" nothing (the request is refused).\n");
      return;
    case Handling::kInternal:
      std::printf(" nothing (the text goes to the internal model, with its values).\n");
      return;
    case Handling::kVendor:
      std::printf(" the text as it is.\n");
      return;
    case Handling::kRedact:
    case Handling::kPseudonymize:
      break;
  }
  std::vector<pseudonymize::MaskSpan> spans;
  for (std::uint32_t i = 0; i < c.matches.size(); ++i) {
    const auto& m = c.matches[i];
    if (m.handling != Handling::kRedact && m.handling != Handling::kPseudonymize) continue;
    if (m.spans.empty()) {
      std::printf(
          " nothing: %s matched only after decoding, where its value cannot be replaced, so "
          "the text goes to the internal model.\n",
          m.id.c_str());
      return;
    }
    for (const auto& s : m.spans) {
      spans.push_back({s.segment, s.begin, s.end, m.category.empty() ? m.id : m.category,
                       m.handling == Handling::kPseudonymize, i});
    }
  }
  std::string error;
  std::optional<pseudonymize::PseudonymKey> key =
      pseudonymize::PseudonymKey::from_env(std::string(pseudonymize::kDefaultKeyEnv), &error);
  const bool demo = !key;
  if (demo) key.emplace("switchyard explain demonstration key");
  const std::vector<adapters::TextSegment> segments = {{"", text}};
  const auto plan =
      pseudonymize::plan_masks(segments, text, std::move(spans), &*key, c.matches.size());
  const auto edited = plan ? adapters::apply_redactions(segments, plan->edits) : std::nullopt;
  if (!edited) {
    std::printf(" (could not be computed)\n");
    return;
  }
  const std::string& seen = edited->empty() ? text : edited->front().second;
  std::printf("\n");
  std::size_t at = 0;
  while (at <= seen.size()) {
    const std::size_t nl = seen.find('\n', at);
    const std::string line = seen.substr(at, nl == std::string::npos ? nl : nl - at);
    std::printf("  | %s\n", line.c_str());
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  if (plan->pseudonyms) {
    std::printf("Placeholders are restored to the values in the vendor's reply. %s\n",
                demo ? "(Shown with a demonstration key: set SWITCHYARD_PSEUDONYM_KEY to see your "
                       "deployment's placeholders.)"
                     : "(Placeholders of the key in SWITCHYARD_PSEUDONYM_KEY.)");
  }
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
  std::optional<std::string> text;        // standard input when absent (and no --file)
  std::optional<std::string> input_file;  // --file: a document or screenshot
};

// One piece of text to explain; `label` names where it came from ("" for --text and stdin,
// "page 2", "ocr", "metadata" for a file).
struct Piece {
  std::string label;
  std::string text;
};

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

// The same for what `explain` was given: a text, or the pieces read from a file. A value found in
// a file's text cannot be replaced inside the file, so the proxy sends such a request internal.
void print_vendor_view(const std::vector<Piece>& pieces, bool file, Handling handling,
                       const policy::Classification& c) {
  if (file && (handling == Handling::kRedact || handling == Handling::kPseudonymize)) {
    std::printf(
        "\nThe vendor receives: nothing: values found in a file's text cannot be replaced inside "
        "the file, so the request goes to the internal model.\n");
    return;
  }
  print_vendor_view(pieces.empty() ? std::string() : pieces.front().text, c, handling);
}

int explain(const std::string& file, const std::vector<Piece>& pieces,
            const attachments::AttachmentReport* attachment) {
  std::shared_ptr<const Policy> p;
  try {
    p = Policy::load_file_without_tests(file);
  } catch (const PolicyError& e) {
    print_errors(e);
    return command_line::kFailure;
  }
  std::vector<std::string_view> segments;
  for (const auto& piece : pieces) segments.emplace_back(piece.text);
  std::vector<policy::Finding> findings;
  const auto c = p->explain(segments, &findings);
  Handling handling = c.handling;
  std::optional<Handling> unread;
  if (attachment != nullptr && attachment->uninspected) {
    unread =
        p->uninspected_handling(static_cast<policy::UninspectedKind>(*attachment->uninspected));
    handling = std::max(handling, *unread);
  }
  std::printf("Policy:   %s %s (sha256 %.12s...)\n", p->name().c_str(), p->version().c_str(),
              p->sha256().c_str());
  if (attachment != nullptr) {
    std::printf("File:     %s, %zu bytes", attachment->media_type.c_str(), attachment->bytes);
    if (!attachment->declared_type.empty()) {
      std::printf(" (its name says %s)", attachment->declared_type.c_str());
    }
    if (attachment->pages > 0) std::printf(", %u pages", attachment->pages);
    std::printf(", read as %s\n",
                std::string(attachments::to_string(attachment->inspected)).c_str());
  }
  std::printf("Handling: %s: the %s %s\n", std::string(to_string(handling)).c_str(),
              attachment != nullptr ? "file" : "text",
              std::string(handling_in_words(handling)).c_str());
  std::printf("Level:    %s\n", c.level.c_str());
  if (unread) {
    std::printf(
        "\nPart of the file could not be read (%s: %s). The policy's uninspected handling for\n"
        "%s is %s, and a request carrying this file gets at least that.\n",
        std::string(attachments::to_string(*attachment->uninspected)).c_str(),
        attachment->reason.c_str(),
        std::string(attachments::to_string(*attachment->uninspected)).c_str(),
        std::string(to_string(*unread)).c_str());
  }
  if (c.classifier_error) {
    std::printf(
        "\nThe classifier could not check this text (%s), so the policy's strictest\n"
        "handling applies. This is never treated as \"nothing found\".\n",
        c.error.c_str());
    return command_line::kSuccess;
  }
  if (c.matches.empty()) {
    std::printf("\nNo rule matched.\n");
    print_vendor_view(pieces, attachment != nullptr, handling, c);
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
      if (f.rule_id != m.id || f.span.segment >= pieces.size()) continue;
      const Piece& piece = pieces[f.span.segment];
      const std::string_view text = piece.text;
      const auto [line, column] = line_column(text, f.span.begin);
      std::printf("      ");
      if (!piece.label.empty()) std::printf("%s: ", piece.label.c_str());
      std::printf("line %zu, column %zu (bytes %zu-%zu): %s", line, column, f.span.begin,
                  f.span.end, policy::mask_value(f.value).c_str());
      const std::string_view original =
          text.substr(std::min(f.span.begin, text.size()), f.span.end - f.span.begin);
      const std::string_view view = policy::finding_view(f, original);
      if (view == "decoded") {
        std::printf("  (found after decoding percent, HTML, \\u or base64 escapes)");
      } else if (f.view == "joined") {
        std::printf(
            "  (found in the joined view: pieces put back together, digits or words collapsed, "
            "or at/dot spelled out)");
      } else if (view == "normalized") {
        std::printf(
            "  (written differently in the text: look-alike or full-width characters, "
            "invisible characters or spacing were normalized)");
      }
      std::printf("\n");
    }
  }
  print_vendor_view(pieces, attachment != nullptr, handling, c);
  return command_line::kSuccess;
}

int explain(const ExplainOptions& options) {
  if (!options.input_file) {
    return explain(options.file, {{"", options.text ? *options.text : read_stdin()}}, nullptr);
  }
  FileInspection inspected = inspect_file(*options.input_file);
  std::vector<Piece> pieces;
  for (auto& t : inspected.texts) {
    // "PATH#page=2" -> "page 2"; "PATH#ocr" -> "ocr"
    std::string label = t.path.substr(t.path.rfind('#') + 1);
    if (label.starts_with("page=")) label = "page " + label.substr(5);
    pieces.push_back({std::move(label), std::move(t.text)});
  }
  return explain(options.file, pieces, &inspected.report);
}

}  // namespace

void add_policy_commands(CLI::App& root) {
  CLI::App& policy =
      command_line::add_group(root, "policy", "validate, test, explain and compare policies");

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
  CLI::Option* text_option =
      command_line::add_optional(*explain_command, "--text", explain_options->text,
                                 "the text to explain (default: standard input)")
          ->type_name("TEXT");
  command_line::add_optional(*explain_command, "--file", explain_options->input_file,
                             "a document or screenshot to explain, read as the proxy reads an "
                             "attachment (PDF text, OCR of images and scanned pages, text files)")
      ->type_name("PATH")
      ->excludes(text_option);
  command_line::on_run(*explain_command, [explain_options] { return explain(*explain_options); });

  add_policy_diff_command(policy);
}

}  // namespace switchyard::cli
