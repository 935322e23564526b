// `audit summary --shadow` over decision records joined by the reader: which requests the shadow
// policy judges differently (handling, level, or only the rule set), the handling moves, and the
// rules that cause them; records without a shadow verdict are left out.
#include "audit/shadow_summary.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace switchyard::audit {
namespace {

std::string decision(const std::string& id, const std::string& live, const std::string& level,
                     const std::string& rules, const std::string& shadow) {
  return R"({"event":"decision","request_id":")" + id + R"(","ts":"2026-12-01T10:00:00Z",)" +
         R"("handling":")" + live + R"(","level":")" + level + R"(","rules":[)" + rules + "]" +
         (shadow.empty() ? "" : ",\"shadow\":" + shadow) + "}\n";
}

std::string printed(const std::string& log) {
  const LogFile file{"audit.jsonl", log};
  const Joined joined = join_requests(std::span<const LogFile>(&file, 1));
  std::FILE* out = std::tmpfile();
  print_shadow_summary(joined.rows, out);
  std::rewind(out);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, out)) > 0;) text.append(buffer, n);
  std::fclose(out);
  return text;
}

TEST(ShadowSummary, CountsMovesAndTheRulesBehindThem) {
  const std::string kestrel =
      R"({"id":"g.kestrel","category":"codename","count":1,"handling":"internal"})";
  const std::string email =
      R"({"id":"pii.email","category":"email","count":1,"handling":"redact"})";
  const std::string host = R"({"id":"g.host","category":"host","count":1,"handling":"internal"})";
  const std::string policy = R"("policy":{"name":"draft","version":"d2","sha256":"ab"})";
  std::string log;
  // vendor -> internal because of g.kestrel (twice)
  for (const char* id : {"r1", "r2"}) {
    log += decision(id, "vendor", "public", "",
                    "{" + policy + R"(,"handling":"internal","level":"confidential","rules":[)" +
                        kestrel + "]}");
  }
  // the same verdict: not a change
  log += decision(
      "r3", "redact", "confidential", email,
      "{" + policy + R"(,"handling":"redact","level":"confidential","rules":[)" + email + "]}");
  // only the rule set changes
  log += decision("r4", "internal", "confidential", host,
                  "{" + policy + R"(,"handling":"internal","level":"confidential","rules":[)" +
                      host + "," + kestrel + "]}");
  // no shadow verdict at all (before shadow_policy was configured)
  log += decision("r5", "vendor", "public", "", "");
  const std::string text = printed(log);
  EXPECT_NE(text.find("4 of 5 requests judged by the shadow policy too (version d2)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("it would change 3 (75.0%): handling 2, level 2, matched rules only 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("vendor -> internal                      2    50.0%"), std::string::npos)
      << text;
  EXPECT_NE(text.find("internal (same handling)                1    25.0%"), std::string::npos)
      << text;
  EXPECT_NE(text.find("g.kestrel                                       3                0"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("pii.email"), std::string::npos) << text;
}

TEST(ShadowSummary, SaysSoWhenNoRecordHasAShadowVerdict) {
  const std::string text = printed(decision("r1", "vendor", "public", "", ""));
  EXPECT_NE(text.find("no decision record in range carries a shadow verdict"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace switchyard::audit
