// `switchyard audit verify|query|summary|report`: the review tools for people who must show what
// the proxy decided and prove the log was not edited (docs/audit.md).
#include <glob.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/audit_commands.h"
#include "audit/chain.h"
#include "audit/reader.h"
#include "audit/shadow_summary.h"
#include "common/command_line.h"

namespace switchyard::audit {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using audit::LogFile;
using audit::MappedFile;
using audit::RequestRow;

using command_line::UsageError;

// Files, directories (every *.jsonl inside) and quoted globs, mapped and put in chain order.
struct Inputs {
  std::vector<MappedFile> mapped;
  std::vector<LogFile> files;  // in chain order
};

Inputs load_inputs(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  for (const auto& arg : args) {
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(arg)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.ends_with(".jsonl")) found.push_back(entry.path());
      }
      if (found.empty()) throw std::runtime_error(arg + ": no *.jsonl files in this directory");
      std::sort(found.begin(), found.end());
      paths.insert(paths.end(), found.begin(), found.end());
    } else if (!fs::exists(arg, ec) && arg.find_first_of("*?[") != std::string::npos) {
      glob_t g{};
      if (::glob(arg.c_str(), 0, nullptr, &g) == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i) paths.emplace_back(g.gl_pathv[i]);
      }
      ::globfree(&g);
      if (paths.empty()) throw std::runtime_error(arg + ": no file matches");
    } else {
      paths.push_back(arg);
    }
  }
  Inputs inputs;
  std::vector<LogFile> given;
  inputs.mapped.reserve(paths.size());
  for (const auto& path : paths) {
    inputs.mapped.emplace_back(path);
    given.push_back({path, inputs.mapped.back().content()});
  }
  for (auto i : audit::chain_order(given)) inputs.files.push_back(given[i]);
  return inputs;
}

std::string with_commas(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

std::string human_ts(std::string_view ts) {
  // 2026-11-03T14:25:01.123456Z -> 2026-11-03 14:25:01
  if (ts.size() < 19) return std::string(ts);
  std::string out(ts.substr(0, 19));
  out[10] = ' ';
  return out;
}

std::string human_bytes(std::uint64_t bytes) {
  char buf[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  } else if (bytes >= 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  }
  return buf;
}

// ---------------------------------------------------------------- verify

struct VerifyOptions {
  std::vector<std::string> files;
  std::string key_env = "SWITCHYARD_AUDIT_KEY";
  std::vector<std::string> keys;  // KID=ENV_NAME
};

int verify(const VerifyOptions& options) {
  audit::VerifyKeys keys;
  const std::string& env = options.key_env;
  if (const char* key = std::getenv(env.c_str()); key != nullptr && *key != '\0') {
    keys.fallback = key;
  }
  for (const auto& spec : options.keys) {
    const auto eq = spec.find('=');  // present and not first: the option's check
    const char* key = std::getenv(spec.substr(eq + 1).c_str());
    if (key == nullptr || *key == '\0') {
      throw UsageError("--key " + spec + ": the variable " + spec.substr(eq + 1) + " is not set");
    }
    keys.by_kid[spec.substr(0, eq)] = key;
  }
  if (!keys.fallback && keys.by_kid.empty()) {
    throw UsageError("no key: set " + env + " to the audit key (or name another variable " +
                     "with --key-env)");
  }
  Inputs inputs;
  try {
    inputs = load_inputs(options.files);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "switchyard audit verify: %s\n", e.what());
    return command_line::kUsageError;
  }
  const auto summary = audit::verify_logs(inputs.files, keys);
  const auto print_finding = [](FILE* out, const char* prefix, const audit::Finding& f) {
    std::fprintf(out, "%s%s:%llu: %s\n", prefix, f.file.c_str(),
                 static_cast<unsigned long long>(f.line), f.detail.c_str());
  };
  if (!summary.ok) {
    print_finding(stdout, "FAIL ", *summary.problem);
    if (summary.records > 0) {
      std::printf("     the %s records before it verify (seq %llu to %llu, %s to %s)\n",
                  with_commas(summary.records).c_str(),
                  static_cast<unsigned long long>(summary.first_seq),
                  static_cast<unsigned long long>(summary.last_seq),
                  human_ts(summary.first_ts).c_str(), human_ts(summary.last_ts).c_str());
    } else {
      std::printf("     no record before it verifies\n");
    }
    return command_line::kFailure;
  }
  std::string kids;
  for (const auto& kid : summary.key_ids) kids += (kids.empty() ? "" : ", ") + kid;
  std::printf("OK   %s records in %llu %s (%s): chain, MACs, seq and file links verify\n",
              with_commas(summary.records).c_str(), static_cast<unsigned long long>(summary.files),
              summary.files == 1 ? "file" : "files", human_bytes(summary.bytes).c_str());
  if (summary.records > 0) {
    std::printf("     first  seq %-10llu %s\n", static_cast<unsigned long long>(summary.first_seq),
                summary.first_ts.c_str());
    std::printf("     last   seq %-10llu %s\n", static_cast<unsigned long long>(summary.last_seq),
                summary.last_ts.c_str());
    std::printf("     key id %s\n", kids.c_str());
  }
  for (const auto& note : summary.notes) print_finding(stdout, "note ", note);
  return command_line::kSuccess;
}

// ---------------------------------------------------------------- filters

struct Filters {
  std::optional<std::string> since, until, client, handling, rule, level, status, request_id;
};

// The files to read and the records to keep: what query, summary and report share.
struct Selection {
  std::vector<std::string> files;
  Filters filters;
};

// A bound as a timestamp prefix: an age (90m, 24h, 7d) becomes now minus it.
std::optional<std::string> time_bound(const std::optional<std::string>& value, std::string& error) {
  if (!value) return std::nullopt;
  std::string v = *value;
  if (!v.empty() && std::isdigit(static_cast<unsigned char>(v[0])) &&
      (v.back() == 'm' || v.back() == 'h' || v.back() == 'd') &&
      v.find_first_not_of("0123456789") == v.size() - 1) {
    const long amount = std::stol(v.substr(0, v.size() - 1));
    const long unit = v.back() == 'm' ? 60 : v.back() == 'h' ? 3600 : 86400;
    return audit::format_timestamp(std::chrono::system_clock::now() -
                                   std::chrono::seconds(amount * unit));
  }
  if (v.size() > 10 && v[10] == ' ') v[10] = 'T';
  if (!v.empty() && v.back() == 'Z') v.pop_back();
  if (v.size() < 4 || !std::isdigit(static_cast<unsigned char>(v[0]))) {
    error = "cannot read the time '" + *value + "' (use 2026-11-03, 2026-11-03T14:00 or 24h)";
  }
  return v;
}

bool rule_matches(const std::vector<std::string>& rules, const std::string& pattern) {
  for (const auto& rule : rules) {
    if (pattern.ends_with('*') ? rule.starts_with(pattern.substr(0, pattern.size() - 1))
                               : rule == pattern) {
      return true;
    }
  }
  return false;
}

bool status_matches(const RequestRow& row, const std::string& wanted) {
  if (!row.status) return wanted == "none";
  const auto s = *row.status;
  if (wanted == "error") return s >= 400;
  if (wanted.size() == 3 && wanted.substr(1) == "xx") return s / 100 == wanted[0] - '0';
  return std::to_string(s) == wanted;
}

bool keep(const RequestRow& row, const Filters& f) {
  if (f.since && row.ts < *f.since) return false;
  if (f.until && row.ts.substr(0, f.until->size()) > *f.until) return false;
  if (f.client && row.client != *f.client) return false;
  if (f.handling && row.handling != *f.handling) return false;
  if (f.level && row.level != *f.level) return false;
  if (f.request_id && row.request_id != *f.request_id) return false;
  if (f.rule && !rule_matches(row.rules, *f.rule)) return false;
  if (f.status && !status_matches(row, *f.status)) return false;
  return true;
}

// The filters as given, with the time bounds read; a bound it cannot read is a usage error.
Filters read_filters(const Filters& given) {
  std::string error;
  Filters f = given;
  f.since = time_bound(given.since, error);
  f.until = time_bound(given.until, error);
  if (!error.empty()) throw UsageError(error);
  return f;
}

// Loads, joins and filters; prints errors itself.
std::optional<std::vector<RequestRow>> load_rows(const Selection& selection, const char* command,
                                                 audit::Joined* joined_out = nullptr,
                                                 std::size_t* files_out = nullptr) {
  const Filters filters = read_filters(selection.filters);
  try {
    Inputs inputs = load_inputs(selection.files);
    auto joined = audit::join_requests(inputs.files);
    if (files_out) *files_out = inputs.files.size();
    std::vector<RequestRow> rows;
    for (auto& row : joined.rows) {
      if (keep(row, filters)) rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const RequestRow& a, const RequestRow& b) { return a.ts < b.ts; });
    if (joined.unreadable > 0) {
      std::fprintf(stderr,
                   "switchyard audit %s: %llu lines are not JSON records and were skipped (run "
                   "`switchyard audit verify`)\n",
                   command, static_cast<unsigned long long>(joined.unreadable));
    }
    if (joined_out) {
      joined.rows.clear();
      *joined_out = std::move(joined);
    }
    return rows;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "switchyard audit %s: %s\n", command, e.what());
    return std::nullopt;
  }
}

// ---------------------------------------------------------------- tables

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (unsigned char c : s) width += (c & 0xC0) != 0x80;  // count UTF-8 code points
  return width;
}

std::string clip(const std::string& s, std::size_t max) {
  if (display_width(s) <= max) return s;
  std::string out;
  std::size_t width = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80 && ++width > max - 1) break;
    out += static_cast<char>(c);
  }
  return out + "…";
}

// Prints an aligned table; columns listed in `right` are right-aligned (numbers).
void print_table(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows,
                 const std::set<std::size_t>& right, std::size_t max_width = 40) {
  std::vector<std::size_t> width(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = display_width(header[c]);
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    auto& out = cells.emplace_back();
    for (std::size_t c = 0; c < header.size(); ++c) {
      out.push_back(clip(c < row.size() ? row[c] : "", max_width));
      width[c] = std::max(width[c], display_width(out.back()));
    }
  }
  auto line = [&](const std::vector<std::string>& row) {
    std::string text;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::size_t pad = width[c] - display_width(row[c]);
      if (c > 0) text += "  ";
      if (right.contains(c))
        text += std::string(pad, ' ') + row[c];
      else
        text += row[c] + (c + 1 < row.size() ? std::string(pad, ' ') : "");
    }
    std::printf("%s\n", text.c_str());
  };
  line(header);
  std::vector<std::string> rule;
  for (auto w : width) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : cells) line(row);
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::string format_ms(const std::optional<double>& ms) {
  if (!ms) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, *ms < 10 ? "%.2f" : "%.0f", *ms);
  return buf;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%",
                100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

json::object row_json(const RequestRow& r) {
  json::object o;
  o["ts"] = r.ts;
  o["request_id"] = r.request_id;
  o["client"] = r.client;
  o["api"] = r.api;
  o["model"] = r.model;
  o["stream"] = r.stream;
  o["handling"] = r.handling;
  o["level"] = r.level;
  o["upstream"] = r.upstream;
  o["upstream_model"] = r.upstream_model;
  json::array rules;
  for (const auto& rule : r.rules) rules.emplace_back(rule);
  o["rules"] = std::move(rules);
  o["policy_version"] = r.policy_version;
  o["status"] = r.status ? json::value(*r.status) : json::value(nullptr);
  o["error"] = r.error;
  o["latency_ms"] = r.latency_ms ? json::value(*r.latency_ms) : json::value(nullptr);
  o["upstream_ms"] = r.upstream_ms ? json::value(*r.upstream_ms) : json::value(nullptr);
  o["overhead_ms"] = r.overhead_ms ? json::value(*r.overhead_ms) : json::value(nullptr);
  o["input_tokens"] = r.input_tokens ? json::value(*r.input_tokens) : json::value(nullptr);
  o["output_tokens"] = r.output_tokens ? json::value(*r.output_tokens) : json::value(nullptr);
  o["has_decision"] = r.has_decision;
  o["has_outcome"] = r.has_outcome;
  return o;
}

// ---------------------------------------------------------------- query

struct QueryOptions {
  Selection selection;
  std::string format = "table";
  std::size_t limit = SIZE_MAX;
};

int query(const QueryOptions& options) {
  const std::string& format = options.format;
  const std::size_t limit = options.limit;
  auto rows = load_rows(options.selection, "query");
  if (!rows) return command_line::kUsageError;
  if (rows->size() > limit) rows->erase(rows->begin(), rows->end() - static_cast<long>(limit));

  if (format == "jsonl") {
    for (const auto& row : *rows) std::printf("%s\n", json::serialize(row_json(row)).c_str());
    return command_line::kSuccess;
  }
  if (format == "csv") {
    std::printf(
        "ts,request_id,client,api,model,stream,handling,level,upstream,upstream_model,rules,"
        "policy_version,status,error,latency_ms,upstream_ms,overhead_ms,input_tokens,"
        "output_tokens\n");
    for (const auto& r : *rows) {
      const std::vector<std::string> cells = {
          r.ts,
          r.request_id,
          r.client,
          r.api,
          r.model,
          r.stream ? "true" : "false",
          r.handling,
          r.level,
          r.upstream,
          r.upstream_model,
          join(r.rules, " "),
          r.policy_version,
          r.status ? std::to_string(*r.status) : "",
          r.error,
          format_ms(r.latency_ms),
          format_ms(r.upstream_ms),
          format_ms(r.overhead_ms),
          r.input_tokens ? std::to_string(*r.input_tokens) : "",
          r.output_tokens ? std::to_string(*r.output_tokens) : ""};
      std::string line;
      for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + csv_cell(cells[i]);
      std::printf("%s\n", line.c_str());
    }
    return command_line::kSuccess;
  }
  std::vector<std::vector<std::string>> table;
  for (const auto& r : *rows) {
    std::string status = r.status ? std::to_string(*r.status) : (r.has_outcome ? "?" : "-");
    if (!r.error.empty()) status += " " + r.error;
    table.push_back({human_ts(r.ts), r.request_id, r.client, r.model, r.handling, r.level,
                     r.upstream, join(r.rules, ","), status, format_ms(r.latency_ms)});
  }
  print_table({"TIME (UTC)", "REQUEST", "CLIENT", "MODEL", "HANDLING", "LEVEL", "UPSTREAM", "RULES",
               "STATUS", "MS"},
              table, {9});
  std::printf("%s %s\n", with_commas(rows->size()).c_str(),
              rows->size() == 1 ? "request" : "requests");
  return command_line::kSuccess;
}

// ---------------------------------------------------------------- summary

bool is_error(const RequestRow& r) { return r.handling != "block" && r.status && *r.status >= 400; }

struct Group {
  std::uint64_t requests = 0, blocked = 0, internal = 0, vendor = 0, redact = 0, errors = 0;
  std::int64_t input_tokens = 0, output_tokens = 0;
  std::vector<double> latency;
};

std::string quantile(std::vector<double> v, double q) {
  if (v.empty()) return "";
  std::sort(v.begin(), v.end());
  const auto index = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size()))) - 1;
  return format_ms(v[std::min(index, v.size() - 1)]);
}

void add_to(Group& g, const RequestRow& r) {
  ++g.requests;
  g.blocked += r.handling == "block";
  g.internal += r.handling == "internal";
  g.vendor += r.handling == "vendor";
  g.redact += r.handling == "redact";
  g.errors += is_error(r);
  g.input_tokens += r.input_tokens.value_or(0);
  g.output_tokens += r.output_tokens.value_or(0);
  if (r.latency_ms) g.latency.push_back(*r.latency_ms);
}

std::vector<std::string> group_cells(const std::string& name, const Group& g) {
  return {name,
          with_commas(g.requests),
          percent(g.blocked, g.requests),
          percent(g.internal, g.requests),
          percent(g.vendor, g.requests),
          percent(g.redact, g.requests),
          with_commas(g.errors),
          with_commas(static_cast<std::uint64_t>(g.input_tokens)),
          with_commas(static_cast<std::uint64_t>(g.output_tokens)),
          quantile(g.latency, 0.5),
          quantile(g.latency, 0.95)};
}

struct SummaryOptions {
  Selection selection;
  std::string by = "day";
  bool shadow = false;  // add what the shadow policy would change
};

int summary(const SummaryOptions& options) {
  const std::string& by = options.by;
  audit::Joined joined;
  std::size_t files = 0;
  auto rows = load_rows(options.selection, "summary", &joined, &files);
  if (!rows) return command_line::kUsageError;

  Group total;
  std::map<std::string, Group> groups;
  std::map<std::string, std::pair<std::uint64_t, std::string>> rules;  // id -> hits, category
  std::map<std::string, std::uint64_t> errors;
  std::uint64_t without_outcome = 0;
  for (const auto& r : *rows) {
    add_to(total, r);
    if (by == "day") add_to(groups[r.ts.substr(0, 10)], r);
    if (by == "client") add_to(groups[r.client.empty() ? "(anonymous)" : r.client], r);
    if (by == "handling") add_to(groups[r.handling.empty() ? "(none)" : r.handling], r);
    if (by == "rule") {
      if (r.rules.empty()) add_to(groups["(no rule)"], r);
      for (const auto& rule : std::set<std::string>(r.rules.begin(), r.rules.end())) {
        add_to(groups[rule], r);
      }
    }
    for (std::size_t i = 0; i < r.rules.size(); ++i) {
      auto& entry = rules[r.rules[i]];
      ++entry.first;
    }
    if (is_error(r)) ++errors[r.error.empty() ? "status " + std::to_string(*r.status) : r.error];
    without_outcome += !r.has_outcome;
  }

  const std::string first = rows->empty() ? "" : human_ts(rows->front().ts);
  const std::string last = rows->empty() ? "" : human_ts(rows->back().ts);
  std::printf("Audit summary: %s requests in %zu %s", with_commas(total.requests).c_str(), files,
              files == 1 ? "file" : "files");
  if (!rows->empty()) std::printf(", %s to %s UTC", first.c_str(), last.c_str());
  std::printf("\n  blocked %s, internal %s, vendor %s, redacted %s; errors %s",
              percent(total.blocked, total.requests).c_str(),
              percent(total.internal, total.requests).c_str(),
              percent(total.vendor, total.requests).c_str(),
              percent(total.redact, total.requests).c_str(), with_commas(total.errors).c_str());
  if (without_outcome > 0) {
    std::printf("; %s without an outcome record", with_commas(without_outcome).c_str());
  }
  std::printf("\n\n");

  std::vector<std::vector<std::string>> table;
  std::vector<std::pair<std::string, Group>> ordered(groups.begin(), groups.end());
  if (by != "day") {
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
      return a.second.requests > b.second.requests;
    });
  }
  for (const auto& [name, g] : ordered) table.push_back(group_cells(name, g));
  table.push_back(group_cells("total", total));
  std::string label = by == "day"      ? "DAY (UTC)"
                      : by == "client" ? "CLIENT"
                      : by == "rule"   ? "RULE"
                                       : "HANDLING";
  print_table({label, "REQUESTS", "BLOCKED", "INTERNAL", "VENDOR", "REDACTED", "ERRORS",
               "TOKENS IN", "TOKENS OUT", "P50 MS", "P95 MS"},
              table, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});

  if (!rules.empty()) {
    std::vector<std::pair<std::string, std::uint64_t>> top;
    for (const auto& [id, entry] : rules) top.emplace_back(id, entry.first);
    std::stable_sort(top.begin(), top.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (top.size() > 10) top.resize(10);
    std::printf("\nTop rules\n");
    std::vector<std::vector<std::string>> rule_rows;
    for (const auto& [id, hits] : top) {
      rule_rows.push_back({id, with_commas(hits), percent(hits, total.requests)});
    }
    print_table({"RULE", "REQUESTS", "SHARE"}, rule_rows, {1, 2});
  }
  if (!errors.empty()) {
    std::printf("\nErrors\n");
    std::vector<std::pair<std::string, std::uint64_t>> top(errors.begin(), errors.end());
    std::stable_sort(top.begin(), top.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::vector<std::string>> error_rows;
    for (const auto& [name, count] : top) {
      error_rows.push_back({name, with_commas(count), percent(count, total.requests)});
    }
    print_table({"ERROR", "REQUESTS", "SHARE"}, error_rows, {1, 2});
  }
  if (options.shadow) print_shadow_summary(*rows, stdout);
  if (!joined.other_events.empty()) {
    std::string others;
    for (const auto& [event, count] : joined.other_events) {
      others += (others.empty() ? "" : ", ") + event + " " + with_commas(count);
    }
    std::printf("\nOther records: %s\n", others.c_str());
  }
  return command_line::kSuccess;
}

// ---------------------------------------------------------------- report

struct ReportOptions {
  Selection selection;
  std::string html;
  std::size_t max_rows = 20000;
};

int report(const ReportOptions& options) {
  const std::string& out_path = options.html;
  const std::size_t max_rows = options.max_rows;
  auto rows = load_rows(options.selection, "report");
  if (!rows) return command_line::kUsageError;
  std::string title;
  for (const auto& file : options.selection.files) title += (title.empty() ? "" : ", ") + file;
  if (rows->size() > max_rows) {
    std::fprintf(stderr,
                 "switchyard audit report: %zu requests; the page keeps the latest %zu (use "
                 "--since/--until or --max-rows)\n",
                 rows->size(), max_rows);
    rows->erase(rows->begin(), rows->end() - static_cast<long>(max_rows));
  }
  const std::string html = audit::render_html_report(*rows, title);
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out << html;
  out.close();
  if (!out) {
    std::fprintf(stderr, "switchyard audit report: cannot write %s\n", out_path.c_str());
    return command_line::kUsageError;
  }
  std::printf("wrote %s: %zu requests\n", out_path.c_str(), rows->size());
  return command_line::kSuccess;
}

// ---------------------------------------------------------------- the command line

constexpr const char* kFilesNote =
    "Files may be given in any order: they are read in chain order (by their first seq). A\n"
    "directory means every *.jsonl file in it.";

constexpr const char* kTimeNote =
    "T is a timestamp or its prefix (2026-11-03, 2026-11-03T14:00) or an age (90m, 24h, 7d).";

void add_files(CLI::App& command, std::vector<std::string>& files) {
  command_line::add_positional(command, "FILE|DIR", files, "audit log files, directories of them");
}

void add_time_filters(CLI::App& command, Filters& filters) {
  command_line::add_optional(command, "--since", filters.since, "records from time T on")
      ->type_name("T");
  command_line::add_optional(command, "--until", filters.until, "records up to time T")
      ->type_name("T");
}

void add_record_filters(CLI::App& command, Filters& filters) {
  command_line::add_optional(command, "--client", filters.client, "one client's requests")
      ->type_name("NAME");
  command_line::add_optional(command, "--handling", filters.handling,
                             "internal | vendor | redact | block")
      ->type_name("H");
  command_line::add_optional(command, "--rule", filters.rule,
                             "requests a rule matched (a trailing * matches a prefix)")
      ->type_name("ID");
  command_line::add_optional(command, "--level", filters.level, "requests of one level")
      ->type_name("L");
  command_line::add_optional(command, "--status", filters.status, "CODE | 4xx | 5xx | error")
      ->type_name("S");
  command_line::add_optional(command, "--request-id", filters.request_id, "one request")
      ->type_name("ID");
}

void add_verify(CLI::App& audit_command) {
  auto options = std::make_shared<VerifyOptions>();
  CLI::App* command = audit_command.add_subcommand(
      "verify", "check the hash chain, the MACs, seq continuity and the links between files");
  command->footer(
      std::string("The key comes from SWITCHYARD_AUDIT_KEY (or the variable --key-env names);\n"
                  "records signed under other key ids take --key KID=ENV. Prints the first bad\n"
                  "line as FILE:LINE and what is wrong with it; exit 1 on any problem.\n\n") +
      kFilesNote);
  add_files(*command, options->files);
  command
      ->add_option("--key-env", options->key_env,
                   "the variable that holds the audit key (default SWITCHYARD_AUDIT_KEY)")
      ->type_name("NAME");
  command
      ->add_option("--key", options->keys, "the key of key id KID is in variable ENV (repeatable)")
      ->type_name("KID=ENV")
      ->check([](const std::string& spec) -> std::string {
        const auto eq = spec.find('=');
        return eq == std::string::npos || eq == 0 ? "takes KID=ENV_NAME" : "";
      });
  command_line::on_run(*command, [options] { return verify(*options); });
}

void add_query(CLI::App& audit_command) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* command = audit_command.add_subcommand(
      "query", "one line per request, decision and outcome joined, oldest first");
  command->footer(std::string(kTimeNote) + "\n" + kFilesNote);
  add_files(*command, options->selection.files);
  add_time_filters(*command, options->selection.filters);
  add_record_filters(*command, options->selection.filters);
  command_line::add_choice(*command, "--format", options->format, {"table", "jsonl", "csv"},
                           "what to print (default table)");
  command->add_option("--limit", options->limit, "only the latest N requests")->type_name("N");
  command_line::on_run(*command, [options] { return query(*options); });
}

void add_summary(CLI::App& audit_command) {
  auto options = std::make_shared<SummaryOptions>();
  CLI::App* command = audit_command.add_subcommand(
      "summary", "requests per group, blocked and internal shares, errors, latency; top rules");
  command->footer(std::string(kTimeNote) + "\n" + kFilesNote);
  add_files(*command, options->selection.files);
  add_time_filters(*command, options->selection.filters);
  command_line::add_choice(*command, "--by", options->by, {"day", "client", "rule", "handling"},
                           "one row per group (default day)");
  command->add_flag("--shadow", options->shadow,
                    "add what the shadow policy would change: handling moves and the rules behind "
                    "them (docs/policy-changes.md)");
  command_line::on_run(*command, [options] { return summary(*options); });
}

void add_report(CLI::App& audit_command) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* command = audit_command.add_subcommand(
      "report", "a self-contained HTML page: decisions over time, top rules and clients, a table");
  command->footer(std::string(kTimeNote) + "\n" + kFilesNote);
  add_files(*command, options->selection.files);
  command->add_option("--html", options->html, "the page to write")
      ->required()
      ->type_name("OUT.html");
  add_time_filters(*command, options->selection.filters);
  command->add_option("--max-rows", options->max_rows, "keep the latest N requests (default 20000)")
      ->type_name("N");
  command_line::on_run(*command, [options] { return report(*options); });
}

}  // namespace

void add_commands(CLI::App& root) {
  CLI::App& audit_command = command_line::add_group(
      root, "audit", "verify, query, summarize and report on the audit log (docs/audit.md)");
  audit_command.footer(kFilesNote);  // before the subcommands: they inherit it
  add_verify(audit_command);
  add_query(audit_command);
  add_summary(audit_command);
  add_report(audit_command);
}

}  // namespace switchyard::audit
