// The shadow section of `audit summary`: counts over requests that carry both verdicts.
#include "audit/shadow_summary.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace switchyard::audit {

namespace {

std::string share(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return "-";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f%%",
                100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buffer;
}

}  // namespace

void print_shadow_summary(const std::vector<RequestRow>& rows, std::FILE* out) {
  std::uint64_t judged = 0, changed = 0, handling = 0, level = 0, rules_only = 0;
  std::set<std::string> versions;
  std::map<std::pair<std::string, std::string>, std::uint64_t> moves;
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> causes;  // added, removed
  for (const auto& row : rows) {
    if (!row.has_shadow) continue;
    ++judged;
    versions.insert(row.shadow_policy_version);
    std::set<std::string> live(row.rules.begin(), row.rules.end());
    std::set<std::string> shadow(row.shadow_rules.begin(), row.shadow_rules.end());
    const bool h = row.handling != row.shadow_handling;
    const bool l = row.level != row.shadow_level;
    if (!h && !l && live == shadow) continue;
    ++changed;
    handling += h;
    level += l;
    rules_only += !h && !l;
    ++moves[{row.handling, row.shadow_handling}];
    for (const auto& id : shadow) {
      if (!live.contains(id)) ++causes[id].first;
    }
    for (const auto& id : live) {
      if (!shadow.contains(id)) ++causes[id].second;
    }
  }
  std::fprintf(out, "\nShadow policy\n");
  if (judged == 0) {
    std::fprintf(out,
                 "  no decision record in range carries a shadow verdict (configure "
                 "shadow_policy: PATH)\n");
    return;
  }
  std::string names;
  for (const auto& v : versions) names += (names.empty() ? "" : ", ") + (v.empty() ? "-" : v);
  std::fprintf(out, "  %llu of %zu requests judged by the shadow policy too (version %s)\n",
               static_cast<unsigned long long>(judged), rows.size(), names.c_str());
  std::fprintf(out,
               "  it would change %llu (%s): handling %llu, level %llu, matched rules only %llu\n",
               static_cast<unsigned long long>(changed), share(changed, judged).c_str(),
               static_cast<unsigned long long>(handling), static_cast<unsigned long long>(level),
               static_cast<unsigned long long>(rules_only));
  if (changed == 0) return;

  std::vector<std::pair<std::pair<std::string, std::string>, std::uint64_t>> ordered(moves.begin(),
                                                                                     moves.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::fprintf(out, "\n  %-30s %10s %8s\n", "LIVE -> SHADOW (handling)", "REQUESTS", "SHARE");
  for (const auto& [move, count] : ordered) {
    const std::string label = move.first == move.second ? move.first + " (same handling)"
                                                        : move.first + " -> " + move.second;
    std::fprintf(out, "  %-30s %10llu %8s\n", label.c_str(), static_cast<unsigned long long>(count),
                 share(count, judged).c_str());
  }

  std::vector<std::pair<std::string, std::pair<std::uint64_t, std::uint64_t>>> rules(causes.begin(),
                                                                                     causes.end());
  std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    return a.second.first + a.second.second > b.second.first + b.second.second;
  });
  if (rules.size() > 10) rules.resize(10);
  if (rules.empty()) return;
  std::fprintf(out, "\n  %-36s %12s %16s\n", "RULES BEHIND THE CHANGES", "NOW MATCH",
               "NO LONGER MATCH");
  for (const auto& [id, counts] : rules) {
    std::fprintf(out, "  %-36s %12llu %16llu\n", id.c_str(),
                 static_cast<unsigned long long>(counts.first),
                 static_cast<unsigned long long>(counts.second));
  }
}

}  // namespace switchyard::audit
