// `switchyard classify --policy FILE` (design section 3): batch checks of a policy against a
// corpus. Reads JSON Lines {"id": ..., "text": "..."} on stdin, writes one decision per line. With
// `--file PATH`, classifies that document or screenshot as the proxy reads an attachment.
#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "common/command_line.h"
#include "policies/policy.h"
#include "proxy/cli/cli.h"
#include "proxy/cli/cli_file.h"

namespace switchyard::cli {

namespace {

using policy::Policy;
using policy::PolicyError;

struct ClassifyOptions {
  std::string policy_file;
  std::optional<std::string> input_file;  // --file
};

// `classify --file`: one line for the file, with what the proxy's decision record would say about
// it as an attachment (no content, no extracted text).
int classify_file(const Policy& p, const std::string& path) {
  const FileInspection inspected = inspect_file(path);
  std::vector<std::string_view> segments;
  for (const auto& t : inspected.texts) segments.emplace_back(t.text);
  const auto c = p.classify(segments);
  policy::Handling handling = c.handling;
  const auto& report = inspected.report;
  if (report.uninspected) {
    handling =
        std::max(handling,
                 p.uninspected_handling(static_cast<policy::UninspectedKind>(*report.uninspected)));
  }
  boost::json::object out;
  out["id"] = path;
  out["handling"] = std::string(to_string(handling));
  out["level"] = c.level;
  boost::json::array rules, categories;
  std::set<std::string> seen;
  for (const auto& m : c.matches) {
    rules.emplace_back(m.id);
    if (seen.insert(m.category).second) categories.emplace_back(m.category);
  }
  out["rules"] = std::move(rules);
  out["categories"] = std::move(categories);
  boost::json::object attachment{{"kind", attachments::to_string(report.kind)},
                                 {"media_type", report.media_type},
                                 {"bytes", report.bytes},
                                 {"pages", report.pages},
                                 {"inspected", attachments::to_string(report.inspected)}};
  if (!report.declared_type.empty()) attachment["declared_media_type"] = report.declared_type;
  if (report.uninspected) {
    attachment["uninspected"] = attachments::to_string(*report.uninspected);
    attachment["reason"] = report.reason;
  } else {
    attachment["reason"] = nullptr;
  }
  out["attachment"] = std::move(attachment);
  if (c.classifier_error) out["error"] = c.error;
  std::cout << boost::json::serialize(out) << '\n';
  std::cout.flush();
  return command_line::kSuccess;
}

int classify(const ClassifyOptions& options) {
  std::shared_ptr<const Policy> p;
  try {
    p = Policy::load_file(options.policy_file);
  } catch (const PolicyError& e) {
    for (const auto& line : e.errors()) std::fprintf(stderr, "%s\n", line.c_str());
    return command_line::kFailure;
  }
  if (options.input_file) return classify_file(*p, *options.input_file);
  int status = command_line::kSuccess;
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
      status = command_line::kFailure;
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

}  // namespace

void add_classify_command(CLI::App& root) {
  auto options = std::make_shared<ClassifyOptions>();
  CLI::App* classify_command = root.add_subcommand(
      "classify", "JSON Lines {\"id\", \"text\"} on stdin -> one decision per line");
  classify_command->footer(
      "Writes one line per input:\n"
      "  {\"id\": ..., \"handling\": \"internal|vendor|redact|block\", \"level\": \"...\", "
      "\"rules\": [...], \"categories\": [...]}\n"
      "A line that is not such an object gets {\"id\": ..., \"error\": \"...\"} and the exit "
      "code is 1.");
  classify_command->add_option("--policy", options->policy_file, "the policy file")
      ->required()
      ->type_name("FILE");
  command_line::add_optional(*classify_command, "--file", options->input_file,
                             "classify this document or screenshot (PDF, image, text file) instead "
                             "of stdin; writes one line with an \"attachment\" member as the "
                             "decision record has it")
      ->type_name("PATH");
  command_line::on_run(*classify_command, [options] { return classify(*options); });
}

}  // namespace switchyard::cli
