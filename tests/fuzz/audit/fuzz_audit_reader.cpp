// Fuzzes what `switchyard audit` reads from files it does not trust: the fast head parser, the MAC
// splitter, verification (every path that names a problem) and the per-request join. The input is
// split at 0xFF bytes into up to four files, so file links and chain ordering get exercised too.
// Invariants: no crash; a log that verifies has a problem-free summary; a named problem points at
// a line that exists.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "audit/chain.h"
#include "audit/reader.h"

namespace {

using namespace switchyard::audit;

void check(bool condition) {
  if (!condition) std::abort();
}

std::uint64_t count_lines(std::string_view text) {
  std::uint64_t lines = 0;
  for_each_line(text, [&](std::string_view, std::uint64_t, bool) { ++lines; });
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<LogFile> files;
  std::size_t start = 0;
  while (files.size() < 4) {
    const auto end = input.find('\xff', start);
    std::string name = "f";  // appended: "f" + std::string trips GCC 12's -Wrestrict at -O3
    name.append(std::to_string(files.size())).append(".jsonl");
    files.push_back(
        {std::move(name), input.substr(start, end == std::string_view::npos ? end : end - start)});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }

  for (const auto& file : files) {
    for_each_line(file.content, [](std::string_view line, std::uint64_t, bool) {
      if (const auto head = parse_head(line)) check(head->prev.size() == kHexDigestSize);
      if (const auto split = split_mac(line)) {
        check(split->mac_hex.size() == kHexDigestSize);
        check(split->before_mac.size() + kMacTailSize == line.size());
      }
      parse_loose_head(line);
    });
  }

  VerifyKeys keys;
  keys.fallback = "test-audit-key-0123456789abcdef-0123456789abcdef";  // the seed corpus key
  const auto order = chain_order(files);
  check(order.size() == files.size());
  std::vector<LogFile> ordered;
  for (auto i : order) ordered.push_back(files[i]);
  const VerifySummary summary = verify_logs(ordered, keys);
  check(summary.ok == !summary.problem.has_value());
  if (summary.problem) {
    bool found = false;
    for (const auto& file : ordered) {
      if (file.name == summary.problem->file) {
        found = true;
        check(summary.problem->line >= 1 && summary.problem->line <= count_lines(file.content));
      }
    }
    check(found);
  }
  check(summary.records <= count_lines(input) + files.size());

  const Joined joined = join_requests(ordered);
  if (!joined.rows.empty()) {
    const std::string html = render_html_report(joined.rows, "fuzz");
    // Record values cannot close the data element or start markup: exactly the page's two
    // script elements end.
    std::size_t ends = 0;
    for (auto pos = html.find("</script>"); pos != std::string::npos;
         pos = html.find("</script>", pos + 1)) {
      ++ends;
    }
    check(ends == 2);
  }
  return 0;
}
