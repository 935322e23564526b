// The real binary's command line (design section 3): exit codes as the shell sees them, help on
// stdout, usage errors on stderr, and the policy tools reading their input from stdin.
#include <gtest/gtest.h>

#include <string>

#include "ops_support.h"

namespace switchyard::testing {
namespace {

// Runs `switchyard ARGS` under sh; `redirect` picks what the output captures (e.g.
// "2>&1 >/dev/null" for stderr alone).
ShellResult run(const std::string& args, const std::string& redirect,
                const std::string& input = "") {
  return run_shell((input.empty() ? "" : "printf '%s' '" + input + "' | ") + "'" +
                   switchyard_binary() + "' " + args + " " + redirect);
}

const std::string kGlobex =
    std::string(SWITCHYARD_SOURCE_DIR) + "/tests/unit/policies/data/globex.yaml";

TEST(CliBinaryTest, HelpGoesToStdoutAndExitsZero) {
  const auto help = run("--help", "2>/dev/null");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.output.find("Usage: switchyard"), std::string::npos) << help.output;
  const auto sub = run("audit query --help", "2>/dev/null");
  EXPECT_EQ(sub.status, 0);
  EXPECT_NE(sub.output.find("Usage: switchyard audit query"), std::string::npos) << sub.output;
}

TEST(CliBinaryTest, UsageErrorsGoToStderrAndExitTwo) {
  const auto none = run("", "2>&1 >/dev/null");
  EXPECT_EQ(none.status, 2);
  EXPECT_TRUE(none.output.starts_with("switchyard: a command is required")) << none.output;
  const auto unknown = run("policy explain '" + kGlobex + "' --txet hello", "2>&1 >/dev/null");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_TRUE(unknown.output.starts_with("switchyard policy explain: ")) << unknown.output;
  EXPECT_NE(unknown.output.find("--txet"), std::string::npos) << unknown.output;
}

TEST(CliBinaryTest, ExplainAndClassifyReadStdin) {
  const auto explain =
      run("policy explain '" + kGlobex + "'", "2>/dev/null", "the Halcyon launch plan");
  EXPECT_EQ(explain.status, 0);
  EXPECT_NE(explain.output.find("globex.codenames"), std::string::npos) << explain.output;
  const auto classify = run("classify --policy '" + kGlobex + "'", "2>/dev/null",
                            "{\"id\":7,\"text\":\"the Halcyon plan\"}\nnot json\n");
  EXPECT_EQ(classify.status, 1);  // one line was not JSON
  EXPECT_TRUE(classify.output.starts_with("{\"id\":7,\"handling\":\"internal\""))
      << classify.output;
  // FILE:LINE:COL, stdin named as such (docs/contract-changes.md, issue 19).
  EXPECT_NE(classify.output.find("{\"id\":null,\"error\":\"stdin:2:1: "), std::string::npos)
      << classify.output;
}

}  // namespace
}  // namespace switchyard::testing
