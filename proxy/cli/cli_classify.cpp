// `switchyard classify --policy FILE [FILE...]` (design section 3): a policy against a corpus at
// the classifier's own speed. Input is read in large blocks and parsed without a DOM
// (jsonl_input.h), output is written through one large buffer; see docs/benchmarks.md for the
// figures.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "common/json_write.h"
#include "policies/policy.h"
#include "proxy/cli/cli.h"
#include "proxy/cli/corpus.h"

namespace switchyard::cli {

namespace {

constexpr std::string_view kClassifyUsage = R"(Usage:
  switchyard classify --policy FILE [--jobs N] [CORPUS...]
Reads JSON Lines {"id": ..., "text": "..."} from each CORPUS file (stdin without one, or "-") and
writes one line per input:
  {"id": ..., "handling": "...", "level": "...", "rules": [...], "categories": [...]}
A line that is not such an object gets {"id": null, "error": "FILE:LINE:COL: ..."} and exit 1.
Output keeps the input's order. --jobs N classifies on N threads (default: the cores, at most
8). Long runs show progress on stderr.
)";

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

}  // namespace

int classify(Args args) {
  std::string policy_file;
  std::vector<std::string> corpus;
  unsigned jobs = default_jobs();
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kClassifyUsage.data(), stdout);
      return 0;
    }
    if (args[i] == "--policy" && i + 1 < args.size()) {
      policy_file = std::string(args[++i]);
    } else if (args[i].starts_with("--policy=")) {
      policy_file = std::string(args[i].substr(9));
    } else if (args[i] == "--jobs" && i + 1 < args.size()) {
      jobs = static_cast<unsigned>(std::strtoul(std::string(args[++i]).c_str(), nullptr, 10));
      if (jobs == 0) jobs = 1;
    } else if (args[i] == "-" || !args[i].starts_with("-")) {
      corpus.emplace_back(args[i]);
    } else {
      std::fprintf(stderr, "switchyard classify: unexpected argument '%.*s'\n\n%s",
                   static_cast<int>(args[i].size()), args[i].data(), kClassifyUsage.data());
      return 2;
    }
  }
  if (policy_file.empty()) {
    std::fputs(kClassifyUsage.data(), stderr);
    return 2;
  }
  std::shared_ptr<const policy::Policy> p;
  try {
    p = policy::Policy::load_file(policy_file);
  } catch (const policy::PolicyError& e) {
    for (const auto& line : e.errors()) std::fprintf(stderr, "%s\n", line.c_str());
    return 1;
  }
  int status = 0;
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
    if (batch.failed) status = 1;
  };
  try {
    const bool read = run_corpus_batches(corpus, "classify", jobs, process, finish);
    out.flush();
    if (!read) return 1;
  } catch (const std::system_error& e) {
    if (e.code().value() != EPIPE) std::fprintf(stderr, "switchyard classify: %s\n", e.what());
    return 1;
  }
  return status;
}

}  // namespace switchyard::cli
