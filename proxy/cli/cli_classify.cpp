// `switchyard classify --policy FILE [CORPUS...]` (design section 3): a policy against a corpus at
// the classifier's own speed. Input is read in large blocks and parsed without a DOM
// (jsonl_input.h), output is written through one large buffer; see docs/benchmarks.md for the
// figures. With `--file PATH`, classifies that document or screenshot as the proxy reads an
// attachment.
#include <unistd.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "common/command_line.h"
#include "common/json_write.h"
#include "policies/policy.h"
#include "proxy/cli/cli.h"
#include "proxy/cli/cli_file.h"
#include "proxy/cli/corpus.h"

namespace switchyard::cli {

namespace {

struct ClassifyOptions {
  std::string policy_file;
  std::vector<std::string> corpus;  // stdin when empty
  unsigned jobs = default_jobs();
  std::optional<std::string> input_file;  // --file
};

void append_verdict(std::string& out, std::string_view id_json, const policy::Classification& c) {
  out += "{\"id\":";
  out += id_json;
  out += ",\"handling\":\"";
  out += policy::to_string(c.handling);
  out += "\",\"level\":";
  json_write::append_json_string(out, c.level);
  out += ",\"rules\":[";
  for (std::size_t i = 0; i < c.matches.size(); ++i) {
    if (i > 0) out += ',';
    json_write::append_json_string(out, c.matches[i].id);
  }
  out += "],\"categories\":[";
  // Categories in first-match order, each once (a policy has few; a linear check is enough).
  bool first = true;
  for (std::size_t i = 0; i < c.matches.size(); ++i) {
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j) {
      seen = c.matches[j].category == c.matches[i].category;
    }
    if (seen) continue;
    if (!first) out += ',';
    first = false;
    json_write::append_json_string(out, c.matches[i].category);
  }
  out += ']';
  if (c.classifier_error) {
    out += ",\"error\":";
    json_write::append_json_string(out, c.error);
  }
  out += "}\n";
}

// `classify --file`: one line for the file, with what the proxy's decision record would say about
// it as an attachment (no content, no extracted text).
int classify_file(const policy::Policy& p, const std::string& path) {
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
  std::shared_ptr<const policy::Policy> p;
  try {
    p = policy::Policy::load_file(options.policy_file);
  } catch (const policy::PolicyError& e) {
    for (const auto& line : e.errors()) std::fprintf(stderr, "%s\n", line.c_str());
    return command_line::kFailure;
  }
  if (options.input_file) return classify_file(*p, *options.input_file);
  int status = command_line::kSuccess;
  OutputBuffer out(STDOUT_FILENO);
  const auto process = [&](CorpusBatch& batch) {
    for (const auto& item : batch.items) {
      if (!item.ok) {
        const std::string where = (*item.file == "-" ? std::string("stdin") : *item.file) + ":" +
                                  std::to_string(item.line) + ":" +
                                  std::to_string(item.error.column) + ": ";
        batch.out += "{\"id\":null,\"error\":";
        json_write::append_json_string(batch.out, where + item.error.message);
        batch.out += "}\n";
        batch.failed = true;
      } else {
        append_verdict(batch.out, batch.id(item), p->classify(batch.text(item)));
      }
    }
  };
  const auto finish = [&](CorpusBatch& batch) {
    out.text() += batch.out;
    out.line_done();
    if (batch.failed) status = command_line::kFailure;
  };
  try {
    const bool read = run_corpus_batches(options.corpus, "classify", options.jobs, process, finish);
    out.flush();
    if (!read) return command_line::kFailure;
  } catch (const std::system_error& e) {
    if (e.code().value() != EPIPE) std::fprintf(stderr, "switchyard classify: %s\n", e.what());
    return command_line::kFailure;
  }
  return status;
}

}  // namespace

void add_classify_command(CLI::App& root) {
  auto options = std::make_shared<ClassifyOptions>();
  CLI::App* classify_command = root.add_subcommand(
      "classify", "JSON Lines {\"id\", \"text\"} (files or stdin) -> one decision per line");
  classify_command->footer(
      "Reads each CORPUS file (stdin without one, or \"-\") and writes one line per input, in\n"
      "the input's order:\n"
      "  {\"id\": ..., \"handling\": \"internal|vendor|redact|block\", \"level\": \"...\", "
      "\"rules\": [...], \"categories\": [...]}\n"
      "A line that is not such an object gets {\"id\": null, \"error\": \"FILE:LINE:COL: ...\"} "
      "and the\nexit code is 1. Long runs show progress on stderr.");
  classify_command->add_option("--policy", options->policy_file, "the policy file")
      ->required()
      ->type_name("FILE");
  add_jobs_option(*classify_command, options->jobs);
  CLI::Option* corpus_option =
      classify_command->add_option("CORPUS", options->corpus, "JSON Lines files (\"-\" for stdin)")
          ->type_name("");
  command_line::add_optional(*classify_command, "--file", options->input_file,
                             "classify this document or screenshot (PDF, image, text file) instead "
                             "of a corpus; writes one line with an \"attachment\" member as the "
                             "decision record has it")
      ->type_name("PATH")
      ->excludes(corpus_option);
  command_line::on_run(*classify_command, [options] { return classify(*options); });
}

}  // namespace switchyard::cli
