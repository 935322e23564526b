// `switchyard policy diff` and `switchyard classify` against the real binary: which inputs diff
// prints (handling, level and rules-only changes; unchanged inputs never), its table and stderr
// summary, its exit codes and FILE:LINE:COL messages, and classify's output over stdin and files.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "ops_support.h"

namespace switchyard::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kOld = R"(policy: diff-test
version: "1"
rules:
  - id: t.codename
    level: confidential
    category: codename
    keywords: ["Halcyon"]
  - id: t.hostname
    level: confidential
    category: host
    regex: '\bdb\d+\.corp\b'
  - id: t.secret
    level: restricted
    category: secret
    keywords: ["TOPSECRET"]
    handling: block
tests:
  - text: "the Halcyon plan"
    expect: internal
)";

// Kestrel is new (vendor -> internal); Halcyon moves up a level (same handling); a second rule
// matches the hosts (same handling and level: only the rule set changes).
constexpr std::string_view kNew = R"(policy: diff-test
version: "2"
rules:
  - id: t.codename
    level: restricted
    category: codename
    keywords: ["Halcyon"]
  - id: t.kestrel
    level: confidential
    category: codename
    keywords: ["Kestrel"]
  - id: t.hostname
    level: confidential
    category: host
    regex: '\bdb\d+\.corp\b'
  - id: t.db-host
    level: confidential
    category: host
    regex: '\bdb7\.corp\b'
  - id: t.secret
    level: restricted
    category: secret
    keywords: ["TOPSECRET"]
    handling: block
tests:
  - text: "Kestrel"
    expect: internal
)";

struct CliRun {
  int status = -1;
  std::string out, err;
};

class CliBulkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("switchyard_cli_bulk_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write("old.yaml", kOld);
    write("new.yaml", kNew);
    write("corpus1.jsonl",
          "{\"id\": \"k1\", \"text\": \"Kestrel ships in May\"}\n"
          "{\"id\": \"p1\", \"text\": \"a plain sentence\"}\n"
          "\n"
          "{\"id\": \"h1\", \"text\": \"the Halcyon plan\"}\n");
    write("corpus2.jsonl",
          "{\"id\": \"d1\", \"text\": \"connect to db7.corp now\"}\r\n"
          "{\"id\": \"s1\", \"text\": \"TOPSECRET memo\"}\n"
          "{\"id\": {\"row\": 6}, \"text\": \"unchanged db3.corp\"}");  // no final newline
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, std::string_view text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // Runs the binary through the shell (temp paths have no spaces), stdin from `stdin_file`.
  CliRun run(const std::string& args, const std::string& stdin_file = "/dev/null") {
    const std::string out = path("stdout"), err = path("stderr");
    const std::string command =
        switchyard_binary() + " " + args + " < " + stdin_file + " > " + out + " 2> " + err;
    const int raw = std::system(command.c_str());
    CliRun r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
  }

  static std::map<std::string, boost::json::object> by_id(const std::string& out) {
    std::map<std::string, boost::json::object> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
      auto o = boost::json::parse(line).as_object();
      lines[boost::json::serialize(o.at("id"))] = o;
    }
    return lines;
  }

  fs::path dir_;
};

std::string side(const boost::json::object& line, const char* which) {
  const auto& s = line.at(which).as_object();
  std::string rules;
  for (const auto& r : s.at("rules").as_array()) rules += std::string(r.as_string()) + " ";
  return std::string(s.at("handling").as_string()) + "/" + std::string(s.at("level").as_string()) +
         " [" + rules + "]";
}

TEST_F(CliBulkTest, DiffPrintsOnlyChangedVerdictsIncludingRulesOnlyChanges) {
  const CliRun r = run("policy diff " + path("old.yaml") + " " + path("new.yaml") + " --corpus " +
                       path("corpus1.jsonl") + " " + path("corpus2.jsonl"));
  ASSERT_EQ(r.status, 0) << r.err;
  const auto lines = by_id(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(side(lines.at("\"k1\""), "old"), "vendor/public []");
  EXPECT_EQ(side(lines.at("\"k1\""), "new"), "internal/confidential [t.kestrel ]");
  EXPECT_EQ(side(lines.at("\"h1\""), "old"), "internal/confidential [t.codename ]");
  EXPECT_EQ(side(lines.at("\"h1\""), "new"), "internal/restricted [t.codename ]");
  // Same handling, same level: only the set of matched rules differs.
  EXPECT_EQ(side(lines.at("\"d1\""), "old"), "internal/confidential [t.hostname ]");
  EXPECT_EQ(side(lines.at("\"d1\""), "new"), "internal/confidential [t.hostname t.db-host ]");
  // The summary: counts and the rules behind them.
  EXPECT_NE(r.err.find("6 inputs, 3 changed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("handling 1, level 2, rules only 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("vendor -> internal"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("t.kestrel"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("t.db-host"), std::string::npos) << r.err;
}

TEST_F(CliBulkTest, DiffSamePolicyPrintsNothingAndReadsStdin) {
  const CliRun r = run("policy diff " + path("new.yaml") + " " + path("new.yaml") + " --corpus -",
                       path("corpus1.jsonl"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("3 inputs, 0 changed"), std::string::npos) << r.err;
}

TEST_F(CliBulkTest, DiffTableForPeople) {
  const CliRun r = run("policy diff --format table " + path("old.yaml") + " " + path("new.yaml") +
                       " --corpus " + path("corpus1.jsonl") + " " + path("corpus2.jsonl"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("OLD (handling/level)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("vendor/public"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+t.kestrel"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+t.db-host"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(same rules)"), std::string::npos) << r.out;  // the level-only change
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4) << r.out;
}

TEST_F(CliBulkTest, DiffLoadErrorsExitOneWithFileLineColumn) {
  std::string broken(kNew);
  broken.replace(broken.find("level: restricted"), 17, "level: secretish");
  write("broken.yaml", broken);
  CliRun r = run("policy diff " + path("old.yaml") + " " + path("broken.yaml") + " --corpus " +
                 path("corpus1.jsonl"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(path("broken.yaml") + ":5:12: rules[0].level: unknown level 'secretish'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");

  std::string failing(kNew);
  failing.replace(failing.find("expect: internal"), 16, "expect: vendor");
  write("failing.yaml", failing);
  r = run("policy diff " + path("failing.yaml") + " " + path("new.yaml") + " --corpus " +
          path("corpus1.jsonl"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(path("failing.yaml") + ":26:5: tests[0]: expected vendor, got internal"),
            std::string::npos)
      << r.err;

  r = run("policy diff " + path("old.yaml") + " --corpus " + path("corpus1.jsonl"));
  EXPECT_EQ(r.status, 2) << r.err;
}

TEST_F(CliBulkTest, DiffReportsBadCorpusLinesAndGoesOn) {
  write("bad.jsonl",
        "{\"id\": \"k1\", \"text\": \"Kestrel\"}\n"
        "{\"id\": \"x\", \"text\": 12}\n"
        "{\"id\": \"k2\", \"text\": \"more Kestrel\"}\n");
  const CliRun r = run("policy diff " + path("old.yaml") + " " + path("new.yaml") + " --corpus " +
                       path("bad.jsonl"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(path("bad.jsonl") + ":2:21: \"text\" must be a string"), std::string::npos)
      << r.err;
  EXPECT_EQ(by_id(r.out).size(), 2u) << r.out;
}

TEST_F(CliBulkTest, ClassifyFromStdinAndFiles) {
  CliRun r = run("classify --policy " + path("new.yaml"), path("corpus2.jsonl"));
  ASSERT_EQ(r.status, 0) << r.err;
  auto lines = by_id(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(
      boost::json::serialize(lines.at("\"d1\"")),
      R"({"id":"d1","handling":"internal","level":"confidential","rules":["t.hostname","t.db-host"],"categories":["host"]})");
  EXPECT_EQ(
      boost::json::serialize(lines.at("\"s1\"")),
      R"({"id":"s1","handling":"block","level":"restricted","rules":["t.secret"],"categories":["secret"]})");
  EXPECT_TRUE(lines.contains(R"({"row":6})"));

  write("bad.jsonl", "{\"id\": 1, \"text\": \"ok\"}\nnot json\n");
  r = run("classify --policy " + path("new.yaml") + " " + path("corpus1.jsonl") + " " +
          path("bad.jsonl"));
  EXPECT_EQ(r.status, 1);
  lines = by_id(r.out);
  EXPECT_EQ(lines.size(), 5u) << r.out;  // 3 + 1 + the error line (id null)
  EXPECT_NE(lines.at("null").at("error").as_string().find(path("bad.jsonl") + ":2:1: "),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace switchyard::testing
