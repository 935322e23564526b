// `switchyard audit verify|query|summary|report` on a log written by the real sink: options in
// any order, generated help, usage errors in the shared style (exit 2), a failed check exits 1.
#include "audit/audit_commands.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/command_line.h"
#include "tests/unit/audit/test_support.h"
#include "tests/unit/common/run_command_line.h"

namespace switchyard::audit {
namespace {

using namespace switchyard::testing;

class AuditCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override { write_sample_log(test_config(log_), 8); }

  static CommandResult run(std::vector<std::string> args) {
    auto root = command_line::make_root("switchyard", "test", "switchyard test");
    add_commands(*root);
    args.insert(args.begin(), "audit");
    return run_command_line(*root, std::move(args));
  }

  TempDir dir_;
  ScopedKey key_;
  const fs::path log_path_ = dir_.path() / "audit.jsonl";
  const std::string log_ = log_path_.string();
};

TEST_F(AuditCommandsTest, QueryTakesOptionsAndFilesInAnyOrder) {
  const auto first =
      run({"query", "--format", "jsonl", log_, "--limit", "2", "--handling", "vendor"});
  ASSERT_EQ(first.code, 0) << first.err;
  const auto lines = split_lines(first.out);
  ASSERT_EQ(lines.size(), 2u) << first.out;
  for (const auto& line : lines) EXPECT_NE(line.find("\"handling\":\"vendor\""), std::string::npos);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"query", log_, "--handling", "vendor", "--limit", "2", "--format=jsonl"},
           {"query", "--handling=vendor", "--limit=2", "--format", "csv", "--format", "jsonl",
            log_}}) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, first.out);
  }
}

TEST_F(AuditCommandsTest, VerifyTakesItsKeyOptionsInAnyOrder) {
  const auto first = run({"verify", log_, "--key-env", kTestKeyEnv});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_TRUE(first.out.starts_with("OK ")) << first.out;
  const auto second = run({"verify", "--key-env", kTestKeyEnv, log_});
  EXPECT_EQ(second.code, 0) << second.err;
  EXPECT_EQ(second.out, first.out);
  // The sample log is signed under key id test1.
  const auto by_kid =
      run({"verify", "--key", std::string("test1=") + kTestKeyEnv, "--key-env", "UNSET_X", log_});
  EXPECT_EQ(by_kid.code, 0) << by_kid.err;
}

TEST_F(AuditCommandsTest, AFailedVerificationExitsOneAndAMissingKeyTwo) {
  auto lines = split_lines(read_file(log_path_));
  lines[3][lines[3].find("req-")] = 'R';
  write_file(log_path_, join_lines(lines));
  const auto failed = run({"verify", log_, "--key-env", kTestKeyEnv});
  EXPECT_EQ(failed.code, 1);
  EXPECT_TRUE(failed.out.starts_with("FAIL " + log_ + ":4:")) << failed.out;

  const auto no_key = run({"verify", log_, "--key-env", "SWITCHYARD_AUDIT_TEST_UNSET"});
  EXPECT_EQ(no_key.code, 2);
  EXPECT_TRUE(
      no_key.err.starts_with("switchyard audit verify: no key: set "
                             "SWITCHYARD_AUDIT_TEST_UNSET"))
      << no_key.err;
  const auto bad_spec = run({"verify", log_, "--key", "test1"});
  EXPECT_EQ(bad_spec.code, 2);
  EXPECT_TRUE(bad_spec.err.starts_with("switchyard audit verify: --key: takes KID=ENV_NAME"))
      << bad_spec.err;
}

TEST_F(AuditCommandsTest, SummaryAndReportTakeOptionsAnywhere) {
  const auto first = run({"summary", "--by", "client", log_});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("CLIENT"), std::string::npos) << first.out;
  EXPECT_EQ(run({"summary", log_, "--by=client"}).out, first.out);
  EXPECT_EQ(first.out.find("Shadow policy"), std::string::npos) << first.out;

  // --shadow is a flag: it takes no value, so the file after it is still a file.
  const auto shadow = run({"summary", "--shadow", log_, "--by", "client"});
  ASSERT_EQ(shadow.code, 0) << shadow.err;
  const auto section = shadow.out.find("\nShadow policy\n");
  ASSERT_NE(section, std::string::npos) << shadow.out;
  EXPECT_EQ(shadow.out.substr(0, section), first.out.substr(0, section));  // the section is added
  EXPECT_EQ(run({"summary", log_, "--by", "client", "--shadow"}).out, shadow.out);

  const std::string html = (dir_.path() / "report.html").string();
  const auto report = run({"report", "--html", html, "--max-rows", "3", log_});
  EXPECT_EQ(report.code, 0) << report.err;
  EXPECT_EQ(report.out, "wrote " + html + ": 3 requests\n");
  EXPECT_TRUE(fs::exists(html));
}

TEST_F(AuditCommandsTest, UnknownOptionsAndMissingArgumentsAreUsageErrors) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"query", log_, "--frobnicate"},
       "switchyard audit query: The following argument was not expected: --frobnicate"},
      {{"summary", "--frobnicate", "x", log_}, "switchyard audit summary: The following"},
      {{"query"}, "switchyard audit query: FILE|DIR is required"},
      {{"verify", "--key-env", kTestKeyEnv}, "switchyard audit verify: FILE|DIR is required"},
      {{"report", log_}, "switchyard audit report: --html is required"},
      {{"query", log_, "--since"}, "switchyard audit query: --since"},
      {{"query", log_, "--format", "xml"}, "switchyard audit query: --format"},
      {{"query", log_, "--limit", "some"}, "switchyard audit query: "},
      {{"summary", log_, "--by", "week"}, "switchyard audit summary: --by"},
      {{"summary", log_, "--since", "yesterday"},
       "switchyard audit summary: cannot read the time 'yesterday'"},
      {{"frobnicate", log_}, "switchyard audit: unknown command 'frobnicate'"},
      {{}, "switchyard audit: a command is required (one of verify, query, summary, report)"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 2) << message;
    EXPECT_EQ(r.out, "") << message;
    EXPECT_TRUE(r.err.starts_with(message)) << r.err;
    EXPECT_NE(r.err.find("\n\n"), std::string::npos) << r.err;  // then the command's help
  }
}

TEST_F(AuditCommandsTest, HelpIsGeneratedForTheGroupAndEachCommand) {
  const auto group = run({"--help"});
  EXPECT_EQ(group.code, 0);
  for (const char* command : {"verify", "query", "summary", "report"}) {
    EXPECT_NE(group.out.find(command), std::string::npos) << command;
  }
  EXPECT_EQ(run({"help"}).out, group.out);
  const auto query = run({"query", log_, "--help"});
  EXPECT_EQ(query.code, 0);
  EXPECT_NE(query.out.find("Usage: switchyard audit query [OPTIONS] FILE|DIR..."),
            std::string::npos)
      << query.out;
  for (const char* option : {"--since", "--until", "--client", "--handling", "--rule", "--level",
                             "--status", "--request-id", "--format", "--limit"}) {
    EXPECT_NE(query.out.find(option), std::string::npos) << option;
  }
  const auto summary = run({"summary", "--help"});
  EXPECT_EQ(summary.code, 0);
  EXPECT_NE(summary.out.find("--shadow"), std::string::npos) << summary.out;
}

}  // namespace
}  // namespace switchyard::audit
