// `switchyard policy diff OLD NEW --corpus FILE...` (design section 8): what a policy change would
// change. Every corpus line is classified by both policies; a line whose handling, level or set of
// matched rules differs is printed (JSON Lines, or a table with --format table), and a summary of
// handling moves and of the rules behind them goes to stderr.
#include <unistd.h>

#include <algorithm>
#include <any>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "common/command_line.h"
#include "common/json_write.h"
#include "policies/policy.h"
#include "proxy/cli/cli.h"
#include "proxy/cli/corpus.h"

namespace switchyard::cli {

namespace {

using policy::Classification;

struct DiffOptions {
  std::string old_file, new_file;
  std::vector<std::string> corpus;
  std::string format = "jsonl";
  unsigned jobs = default_jobs();
};

std::vector<std::string_view> sorted_rules(const Classification& c) {
  std::vector<std::string_view> ids;
  ids.reserve(c.matches.size());
  for (const auto& m : c.matches) ids.emplace_back(m.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

void append_side(std::string& out, const Classification& c) {
  out += "{\"handling\":\"";
  out += policy::to_string(c.handling);
  out += "\",\"level\":";
  json_write::append_json_string(out, c.level);
  out += ",\"rules\":[";
  for (std::size_t i = 0; i < c.matches.size(); ++i) {
    if (i > 0) out += ',';
    json_write::append_json_string(out, c.matches[i].id);
  }
  out += ']';
  if (c.classifier_error) {
    out += ",\"error\":";
    json_write::append_json_string(out, c.error);
  }
  out += '}';
}

std::string clip(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (chars == width - 1 && text.size() - i > 1) {
        // more than fits: end with an ellipsis
        std::size_t rest = 0;
        for (std::size_t j = i; j < text.size(); ++j) {
          rest += (static_cast<unsigned char>(text[j]) & 0xC0) != 0x80;
        }
        if (rest > 1) return out + "…";
      }
      ++chars;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string pad(std::string text, std::size_t width) {
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  if (chars < width) text.append(width - chars, ' ');
  return text;
}

std::string verdict_words(const Classification& c) {
  return std::string(policy::to_string(c.handling)) + "/" + c.level;
}

struct Totals {
  std::uint64_t inputs = 0, changed = 0, handling = 0, level = 0, rules_only = 0, errors = 0;
  std::map<std::pair<std::string, std::string>, std::uint64_t> moves;    // old -> new handling
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> rules;  // id -> added, removed

  void merge(const Totals& o) {
    inputs += o.inputs;
    changed += o.changed;
    handling += o.handling;
    level += o.level;
    rules_only += o.rules_only;
    errors += o.errors;
    for (const auto& [k, v] : o.moves) moves[k] += v;
    for (const auto& [k, v] : o.rules) {
      rules[k].first += v.first;
      rules[k].second += v.second;
    }
  }
};

void print_summary(const Totals& t) {
  std::fprintf(stderr, "policy diff: %llu inputs, %llu changed", (unsigned long long)t.inputs,
               (unsigned long long)t.changed);
  if (t.inputs > 0) {
    std::fprintf(stderr, " (%.1f%%)", 100.0 * static_cast<double>(t.changed) / t.inputs);
  }
  std::fprintf(stderr, ": handling %llu, level %llu, rules only %llu",
               (unsigned long long)t.handling, (unsigned long long)t.level,
               (unsigned long long)t.rules_only);
  if (t.errors > 0) {
    std::fprintf(stderr, "; %llu invalid lines", (unsigned long long)t.errors);
  }
  std::fputs("\n", stderr);
  if (t.changed == 0) return;
  std::vector<std::pair<std::pair<std::string, std::string>, std::uint64_t>> moves(t.moves.begin(),
                                                                                   t.moves.end());
  std::stable_sort(moves.begin(), moves.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::fputs("\n  handling (old -> new)      inputs\n", stderr);
  for (const auto& [move, count] : moves) {
    const std::string label =
        move.first == move.second ? move.first + " (unchanged)" : move.first + " -> " + move.second;
    std::fprintf(stderr, "  %-26s %6llu\n", label.c_str(), (unsigned long long)count);
  }
  std::vector<std::pair<std::string, std::pair<std::uint64_t, std::uint64_t>>> rules(
      t.rules.begin(), t.rules.end());
  std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    return a.second.first + a.second.second > b.second.first + b.second.second;
  });
  if (rules.size() > 10) rules.resize(10);
  if (rules.empty()) return;
  std::fputs("\n  rules that changed most          now match  no longer match\n", stderr);
  for (const auto& [id, counts] : rules) {
    std::fprintf(stderr, "  %-32s %9llu %16llu\n", clip(id, 32).c_str(),
                 (unsigned long long)counts.first, (unsigned long long)counts.second);
  }
}

int policy_diff(const DiffOptions& options) {
  std::shared_ptr<const policy::Policy> old_policy, new_policy;
  bool load_failed = false;
  for (auto [file, target] :
       {std::pair{&options.old_file, &old_policy}, std::pair{&options.new_file, &new_policy}}) {
    try {
      *target = policy::Policy::load_file(*file);
    } catch (const policy::PolicyError& e) {
      for (const auto& line : e.errors()) std::fprintf(stderr, "%s\n", line.c_str());
      load_failed = true;
    }
  }
  if (load_failed) return command_line::kFailure;

  const bool table = options.format == "table";
  Totals totals;
  OutputBuffer out(STDOUT_FILENO);
  if (table) {
    out.text() += pad("ID", 24) + "  " + pad("OLD (handling/level)", 28) + "  " +
                  pad("NEW (handling/level)", 28) + "  RULES (+ now match, - no longer)\n";
  }
  // Per batch on a worker: the changed lines (stdout), the invalid ones (stderr), and counts.
  const auto process = [&](CorpusBatch& batch) {
    Totals& t = batch.state.emplace<Totals>();
    std::string& text = batch.out;
    for (const auto& item : batch.items) {
      if (!item.ok) {
        ++t.errors;
        batch.err += (*item.file == "-" ? std::string("stdin") : *item.file) + ":" +
                     std::to_string(item.line) + ":" + std::to_string(item.error.column) + ": " +
                     item.error.message + "\n";
        continue;
      }
      ++t.inputs;
      const std::string_view input = batch.text(item);
      const Classification a = old_policy->classify(input);
      const Classification b = new_policy->classify(input);
      const bool handling_changed = a.handling != b.handling;
      const bool level_changed = a.level != b.level;
      // Cheap first: most inputs match nothing under either policy.
      if (!handling_changed && !level_changed && a.matches.empty() && b.matches.empty()) continue;
      const auto ra = sorted_rules(a);
      const auto rb = sorted_rules(b);
      if (!handling_changed && !level_changed && ra == rb) continue;
      ++t.changed;
      t.handling += handling_changed;
      t.level += level_changed;
      t.rules_only += !handling_changed && !level_changed;
      ++t.moves[{std::string(policy::to_string(a.handling)),
                 std::string(policy::to_string(b.handling))}];
      std::vector<std::string_view> added, removed;
      std::set_difference(rb.begin(), rb.end(), ra.begin(), ra.end(), std::back_inserter(added));
      std::set_difference(ra.begin(), ra.end(), rb.begin(), rb.end(), std::back_inserter(removed));
      for (auto id : added) ++t.rules[std::string(id)].first;
      for (auto id : removed) ++t.rules[std::string(id)].second;
      const std::string_view id = batch.id(item);
      if (table) {
        std::string rules;
        for (auto r : added) rules += (rules.empty() ? "+" : " +") + std::string(r);
        for (auto r : removed) rules += (rules.empty() ? "-" : " -") + std::string(r);
        if (rules.empty()) rules = "(same rules)";
        text += pad(clip(id, 24), 24);
        text += "  ";
        text += pad(clip(verdict_words(a), 28), 28);
        text += "  ";
        text += pad(clip(verdict_words(b), 28), 28);
        text += "  ";
        text += rules;
        text += '\n';
      } else {
        text += "{\"id\":";
        text += id;
        text += ",\"old\":";
        append_side(text, a);
        text += ",\"new\":";
        append_side(text, b);
        text += "}\n";
      }
    }
  };
  const auto finish = [&](CorpusBatch& batch) {
    if (!batch.err.empty()) std::fputs(batch.err.c_str(), stderr);
    out.text() += batch.out;
    out.line_done();
    if (const Totals* t = std::any_cast<Totals>(&batch.state)) totals.merge(*t);
  };
  try {
    const bool read =
        run_corpus_batches(options.corpus, "policy diff", options.jobs, process, finish);
    out.flush();
    print_summary(totals);
    if (!read || totals.errors > 0) return command_line::kFailure;
  } catch (const std::system_error& e) {
    if (e.code().value() != EPIPE) std::fprintf(stderr, "switchyard policy diff: %s\n", e.what());
    return command_line::kFailure;
  }
  return command_line::kSuccess;
}

}  // namespace

void add_policy_diff_command(CLI::App& policy) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = policy.add_subcommand(
      "diff", "the corpus inputs whose verdict changes from the OLD policy to the NEW one");
  command->footer(
      "Classifies every corpus line ({\"id\": ..., \"text\": \"...\"} JSON Lines, the classify\n"
      "format; \"-\" reads stdin) with both policies and prints each input whose handling, level\n"
      "or set of matched rules changes:\n"
      "  {\"id\": ..., \"old\": {\"handling\", \"level\", \"rules\"}, \"new\": {...}}\n"
      "The output keeps the corpus order. A summary (handling moves, the rules that changed most)\n"
      "goes to stderr. Exit 1 when a policy does not load or a corpus line is not valid\n"
      "(FILE:LINE:COL messages on stderr). See docs/policy-changes.md.");
  command_line::add_positional(*command, "OLD", options->old_file, "the policy in force");
  command_line::add_positional(*command, "NEW", options->new_file, "the changed policy");
  command->add_option("--corpus", options->corpus, "JSON Lines files (\"-\" for stdin)")
      ->required()
      ->type_name("FILE");
  command_line::add_choice(*command, "--format", options->format, {"jsonl", "table"},
                           "JSON Lines, or a table for people (default jsonl)");
  add_jobs_option(*command, options->jobs);
  command_line::on_run(*command, [options] { return policy_diff(*options); });
}

}  // namespace switchyard::cli
