// `switchyard audit verify|query|summary|report`: the review tools for people who must show what
// the proxy decided and prove the log was not edited (docs/audit.md).
#include <glob.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/audit_commands.h"
#include "audit/chain.h"
#include "audit/reader.h"

namespace switchyard::audit {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using audit::LogFile;
using audit::MappedFile;
using audit::RequestRow;

constexpr std::string_view kAuditUsage = R"(Usage:
  switchyard audit verify FILE|DIR... [--key-env NAME] [--key KID=ENV]...
      Check the hash chain, the MACs, seq continuity and the links between rotated files.
      The key comes from SWITCHYARD_AUDIT_KEY (or the variable --key-env names); records signed
      under other key ids take --key KID=ENV. Prints the first bad line as FILE:LINE and what is
      wrong with it; exit 1 on any problem.

  switchyard audit query FILE|DIR... [filters] [--format table|jsonl|csv] [--limit N]
      One line per request, decision and outcome joined.
      Filters: --since T  --until T  --client NAME  --handling internal|vendor|redact|block
               --rule ID (a trailing * matches a prefix)  --level L  --status CODE|4xx|5xx|error
               --request-id ID
      T is a timestamp or its prefix (2026-11-03, 2026-11-03T14:00) or an age (90m, 24h, 7d).

  switchyard audit summary FILE|DIR... [--by day|client|rule|handling] [--since T] [--until T]
      Requests per group, blocked and internal shares, errors, latency; top rules and errors.

  switchyard audit report FILE|DIR... --html OUT.html [--since T] [--until T] [--max-rows N]
      A self-contained HTML page (no network): decisions over time by handling, top rules, top
      clients, and a filterable table.

Files may be given in any order: they are read in chain order (by their first seq). A directory
means every *.jsonl file in it.
)";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "switchyard audit: %s\n\n%s", message.c_str(), kAuditUsage.data());
  return 2;
}

// Arguments: positional files and --name value options (some repeatable).
struct Parsed {
  std::vector<std::string> files;
  std::map<std::string, std::vector<std::string>> options;
  std::optional<std::string> error;

  std::optional<std::string> get(const std::string& name) const {
    const auto it = options.find(name);
    if (it == options.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
  }
};

Parsed parse_args(Args args, const std::set<std::string>& known) {
  Parsed parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string arg(args[i]);
    if (arg.starts_with("--")) {
      std::string name = arg.substr(2);
      std::string value;
      if (const auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      } else if (i + 1 < args.size()) {
        value = std::string(args[++i]);
      } else {
        parsed.error = "--" + name + " needs a value";
        return parsed;
      }
      if (!known.contains(name)) {
        parsed.error = "unknown option --" + name;
        return parsed;
      }
      parsed.options[name].push_back(value);
    } else {
      parsed.files.push_back(arg);
    }
  }
  if (parsed.files.empty()) parsed.error = "no audit files given";
  return parsed;
}

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

int verify(Args args) {
  const auto parsed = parse_args(args, {"key-env", "key"});
  if (parsed.error) return usage_error(*parsed.error);
  audit::VerifyKeys keys;
  const std::string env = parsed.get("key-env").value_or("SWITCHYARD_AUDIT_KEY");
  if (const char* key = std::getenv(env.c_str()); key != nullptr && *key != '\0') {
    keys.fallback = key;
  }
  if (const auto it = parsed.options.find("key"); it != parsed.options.end()) {
    for (const auto& spec : it->second) {
      const auto eq = spec.find('=');
      if (eq == std::string::npos || eq == 0) return usage_error("--key takes KID=ENV_NAME");
      const char* key = std::getenv(spec.substr(eq + 1).c_str());
      if (key == nullptr || *key == '\0') {
        return usage_error("--key " + spec + ": the variable " + spec.substr(eq + 1) +
                           " is not set");
      }
      keys.by_kid[spec.substr(0, eq)] = key;
    }
  }
  if (!keys.fallback && keys.by_kid.empty()) {
    return usage_error("no key: set " + env + " to the audit key (or name another variable " +
                       "with --key-env)");
  }
  Inputs inputs;
  try {
    inputs = load_inputs(parsed.files);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "switchyard audit verify: %s\n", e.what());
    return 2;
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
    return 1;
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
  return 0;
}

// ---------------------------------------------------------------- filters

struct Filters {
  std::optional<std::string> since, until, client, handling, rule, level, status, request_id;
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

std::optional<Filters> read_filters(const Parsed& parsed, std::string& error) {
  Filters f;
  f.since = time_bound(parsed.get("since"), error);
  f.until = time_bound(parsed.get("until"), error);
  f.client = parsed.get("client");
  f.handling = parsed.get("handling");
  f.rule = parsed.get("rule");
  f.level = parsed.get("level");
  f.status = parsed.get("status");
  f.request_id = parsed.get("request-id");
  if (!error.empty()) return std::nullopt;
  return f;
}

// Loads, joins and filters; prints errors itself.
std::optional<std::vector<RequestRow>> load_rows(const Parsed& parsed, const char* command,
                                                 audit::Joined* joined_out = nullptr,
                                                 std::size_t* files_out = nullptr) {
  std::string error;
  const auto filters = read_filters(parsed, error);
  if (!filters) {
    usage_error(error);
    return std::nullopt;
  }
  try {
    Inputs inputs = load_inputs(parsed.files);
    auto joined = audit::join_requests(inputs.files);
    if (files_out) *files_out = inputs.files.size();
    std::vector<RequestRow> rows;
    for (auto& row : joined.rows) {
      if (keep(row, *filters)) rows.push_back(std::move(row));
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

int query(Args args) {
  const auto parsed = parse_args(args, {"since", "until", "client", "handling", "rule", "level",
                                        "status", "request-id", "format", "limit"});
  if (parsed.error) return usage_error(*parsed.error);
  const std::string format = parsed.get("format").value_or("table");
  if (format != "table" && format != "jsonl" && format != "csv") {
    return usage_error("--format takes table, jsonl or csv");
  }
  std::size_t limit = SIZE_MAX;
  if (const auto l = parsed.get("limit")) limit = std::strtoull(l->c_str(), nullptr, 10);
  auto rows = load_rows(parsed, "query");
  if (!rows) return 2;
  if (rows->size() > limit) rows->erase(rows->begin(), rows->end() - static_cast<long>(limit));

  if (format == "jsonl") {
    for (const auto& row : *rows) std::printf("%s\n", json::serialize(row_json(row)).c_str());
    return 0;
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
    return 0;
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
  return 0;
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

int summary(Args args) {
  const auto parsed = parse_args(args, {"by", "since", "until"});
  if (parsed.error) return usage_error(*parsed.error);
  const std::string by = parsed.get("by").value_or("day");
  if (by != "day" && by != "client" && by != "rule" && by != "handling") {
    return usage_error("--by takes day, client, rule or handling");
  }
  audit::Joined joined;
  std::size_t files = 0;
  auto rows = load_rows(parsed, "summary", &joined, &files);
  if (!rows) return 2;

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
  if (!joined.other_events.empty()) {
    std::string others;
    for (const auto& [event, count] : joined.other_events) {
      others += (others.empty() ? "" : ", ") + event + " " + with_commas(count);
    }
    std::printf("\nOther records: %s\n", others.c_str());
  }
  return 0;
}

// ---------------------------------------------------------------- report

int report(Args args) {
  const auto parsed = parse_args(args, {"html", "since", "until", "max-rows"});
  if (parsed.error) return usage_error(*parsed.error);
  const auto out_path = parsed.get("html");
  if (!out_path) return usage_error("report needs --html OUT.html");
  std::size_t max_rows = 20000;
  if (const auto m = parsed.get("max-rows")) max_rows = std::strtoull(m->c_str(), nullptr, 10);
  auto rows = load_rows(parsed, "report");
  if (!rows) return 2;
  std::string title;
  for (const auto& file : parsed.files) title += (title.empty() ? "" : ", ") + file;
  if (rows->size() > max_rows) {
    std::fprintf(stderr,
                 "switchyard audit report: %zu requests; the page keeps the latest %zu (use "
                 "--since/--until or --max-rows)\n",
                 rows->size(), max_rows);
    rows->erase(rows->begin(), rows->end() - static_cast<long>(max_rows));
  }
  const std::string html = audit::render_html_report(*rows, title);
  std::ofstream out(*out_path, std::ios::binary | std::ios::trunc);
  out << html;
  out.close();
  if (!out) {
    std::fprintf(stderr, "switchyard audit report: cannot write %s\n", out_path->c_str());
    return 2;
  }
  std::printf("wrote %s: %zu requests\n", out_path->c_str(), rows->size());
  return 0;
}

}  // namespace

int run_command(Args args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kAuditUsage.data(), args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const std::string_view command = args[0];
  const Args rest = args.subspan(1);
  for (auto arg : rest) {
    if (arg == "--help" || arg == "-h") {
      std::fputs(kAuditUsage.data(), stdout);
      return 0;
    }
  }
  if (command == "verify") return verify(rest);
  if (command == "query") return query(rest);
  if (command == "summary") return summary(rest);
  if (command == "report") return report(rest);
  return usage_error("unknown audit command '" + std::string(command) + "'");
}

}  // namespace switchyard::audit
