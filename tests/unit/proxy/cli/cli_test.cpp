// The `switchyard` command line as a whole (design section 3): every command is reachable and has
// generated help, options go in any order, and usage errors look and exit the same everywhere.
#include "proxy/cli/cli.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/unit/common/run_command_line.h"

namespace switchyard::cli {
namespace {

namespace fs = std::filesystem;
using switchyard::testing::CommandResult;

const std::string kSource = SWITCHYARD_SOURCE_DIR;
const std::string kGlobex = kSource + "/tests/unit/policies/data/globex.yaml";
const std::string kQuickstart = kSource + "/examples/quickstart.yaml";

CommandResult run(std::vector<std::string> args) {
  const auto app = make_app();
  return switchyard::testing::run_command_line(*app, std::move(args));
}

// A file in a fresh temporary directory, removed with the object.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text) {
    std::string pattern = (fs::temp_directory_path() / "switchyard-cli-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    std::ofstream(dir_ / name) << text;
    path_ = (dir_ / name).string();
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  fs::path dir_;
  std::string path_;
};

TEST(CliTest, TheBinarysHelpListsEveryCommand) {
  const auto r = run({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("Usage: switchyard"), std::string::npos) << r.out;
  for (const char* command : {"serve", "policy", "classify", "audit"}) {
    EXPECT_NE(r.out.find(std::string("\n  ") + command + " "), std::string::npos) << command;
  }
  EXPECT_EQ(run({"help"}).out, r.out);
}

TEST(CliTest, EveryCommandHasItsOwnHelp) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"serve", "--help"}, "--config"},
      {{"policy", "--help"}, "explain"},
      {{"policy", "check", "--help"}, "FILE"},
      {{"policy", "test", "-h"}, "FILE"},
      {{"policy", "explain", "--help"}, "--text"},
      {{"policy", "diff", "--help"}, "--corpus"},
      {{"classify", "--help"}, "--jobs"},
      {{"audit", "--help"}, "summary"},
      {{"audit", "verify", "--help"}, "--key-env"},
      {{"audit", "query", "--help"}, "--format"},
      {{"audit", "summary", "--help"}, "--by"},
      {{"audit", "report", "--help"}, "--html"},
  };
  for (const auto& [args, mentions] : cases) {
    const auto r = run(args);
    std::string path = "switchyard";
    for (const auto& a : args) {
      if (!a.starts_with("-")) path += " " + a;
    }
    EXPECT_EQ(r.code, 0) << path;
    EXPECT_NE(r.out.find("Usage: " + path), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(mentions), std::string::npos) << r.out;
  }
}

TEST(CliTest, VersionPrintsTheVersion) {
  const auto r = run({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, std::string("switchyard ") + SWITCHYARD_VERSION + "\n");
}

TEST(CliTest, NoCommandOrAnUnknownOneIsAUsageError) {
  auto r = run({});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.err.starts_with("switchyard: a command is required")) << r.err;
  EXPECT_NE(r.err.find("Usage: switchyard"), std::string::npos) << r.err;

  r = run({"polcy", "check", kGlobex});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.err.starts_with("switchyard: unknown command 'polcy'")) << r.err;

  r = run({"policy"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.err.starts_with("switchyard policy: a command is required")) << r.err;
}

// Each subcommand refuses an option it does not know, in the same words, before doing anything.
TEST(CliTest, UnknownOptionsAreUsageErrorsInEveryCommand) {
  const std::vector<std::vector<std::string>> lines = {
      {"serve", "--config", kQuickstart, "--check", "--frobnicate"},
      {"policy", "check", kGlobex, "--frobnicate"},
      {"policy", "test", "--frobnicate", kGlobex},
      {"policy", "explain", kGlobex, "--text", "x", "--frobnicate"},
      {"policy", "diff", kGlobex, kGlobex, "--corpus", "c.jsonl", "--frobnicate"},
      {"classify", "--policy", kGlobex, "--frobnicate"},
      {"audit", "summary", "audit.jsonl", "--frobnicate"},
  };
  for (const auto& args : lines) {
    const auto r = run(args);
    std::string path = "switchyard " + args[0];
    if (args[0] == "policy" || args[0] == "audit") path += " " + args[1];
    EXPECT_EQ(r.code, 2) << path;
    EXPECT_EQ(r.out, "") << path;  // nothing ran
    EXPECT_TRUE(r.err.starts_with(path + ": The following argument was not expected: "
                                         "--frobnicate\n\n"))
        << r.err;
    EXPECT_NE(r.err.find("Usage: " + path), std::string::npos) << r.err;
  }
}

TEST(CliTest, MissingArgumentsAreUsageErrors) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"serve"}, "switchyard serve: --config is required"},
      {{"serve", "--check", "--config"}, "switchyard serve: --config"},
      {{"policy", "check"}, "switchyard policy check: FILE is required"},
      {{"policy", "explain", "--text", "x"}, "switchyard policy explain: FILE is required"},
      {{"policy", "explain", kGlobex, "--text"}, "switchyard policy explain: --text"},
      {{"classify"}, "switchyard classify: --policy is required"},
      {{"classify", "--policy", kGlobex, "--jobs", "0"}, "switchyard classify: --jobs"},
      {{"classify", "--jobs", "--policy", kGlobex}, "switchyard classify: --jobs"},
      {{"policy", "diff", kGlobex, "--corpus", "c.jsonl"},
       "switchyard policy diff: NEW is required"},
      {{"policy", "diff", kGlobex, kGlobex}, "switchyard policy diff: --corpus is required"},
      {{"policy", "diff", kGlobex, kGlobex, "--corpus"}, "switchyard policy diff: --corpus"},
      {{"policy", "diff", kGlobex, kGlobex, "--corpus", "c.jsonl", "--format", "csv"},
       "switchyard policy diff: --format"},
      {{"policy", "diff", kGlobex, kGlobex, "--corpus", "c.jsonl", "--jobs", "0"},
       "switchyard policy diff: --jobs"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 2) << message;
    EXPECT_TRUE(r.err.starts_with(message)) << r.err;
  }
  const auto extra = run({"policy", "check", kGlobex, kGlobex});
  EXPECT_EQ(extra.code, 2);
  EXPECT_TRUE(
      extra.err.starts_with("switchyard policy check: The following argument was not "
                            "expected"))
      << extra.err;
}

TEST(CliTest, ExplainTakesItsOptionAndFileInAnyOrder) {
  const std::string text = "Please review the Halcyon launch plan";
  const auto first = run({"policy", "explain", kGlobex, "--text", text});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("Handling: internal"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("globex.codenames"), std::string::npos) << first.out;
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"policy", "explain", "--text", text, kGlobex},
                                             {"policy", "explain", "--text=" + text, kGlobex}}) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, first.out);
  }
  // A text that starts with dashes is still the value of --text.
  const auto dashes =
      run({"policy", "explain", kGlobex, "--text", "-----BEGIN RSA PRIVATE KEY-----"});
  EXPECT_EQ(dashes.code, 0) << dashes.err;
  EXPECT_NE(dashes.out.find("Handling: block"), std::string::npos) << dashes.out;
}

TEST(CliTest, ServeCheckTakesItsOptionsInAnyOrder) {
  const auto first = run({"serve", "--config", kQuickstart, "--check"});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find(kQuickstart + ": ok (policy "), std::string::npos) << first.out;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"serve", "--check", "--config", kQuickstart},
           {"serve", "--log-level", "warn", "--check", "--config=" + kQuickstart}}) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, first.out);
  }
  const auto bad_level = run({"serve", "--config", kQuickstart, "--check", "--log-level", "loud"});
  EXPECT_EQ(bad_level.code, 2);
  EXPECT_TRUE(bad_level.err.starts_with("switchyard serve: --log-level")) << bad_level.err;
  EXPECT_EQ(bad_level.out, "");
}

// Two small policies that differ in one keyword, and a corpus where one input changes.
struct DiffFiles {
  static std::string policy(const std::string& keywords) {
    return "policy: codenames\n"
           "levels: [public, confidential]\n"
           "handling: {public: vendor, confidential: internal}\n"
           "rules:\n"
           "  - id: codenames\n"
           "    level: confidential\n"
           "    category: codename\n"
           "    keywords: [" +
           keywords + "]\n";
  }
  TempFile old_policy{"old.yaml", policy("Halcyon")};
  TempFile new_policy{"new.yaml", policy("Halcyon, Kestrel")};
  TempFile corpus{"corpus.jsonl",
                  "{\"id\": \"a\", \"text\": \"the Halcyon plan\"}\n"
                  "{\"id\": \"b\", \"text\": \"Kestrel ships Friday\"}\n"
                  "{\"id\": \"c\", \"text\": \"nothing to see\"}\n"};
};

TEST(CliTest, PolicyDiffTakesItsOptionsInAnyOrder) {
  const DiffFiles f;
  const std::string& a = f.old_policy.path();
  const std::string& b = f.new_policy.path();
  const std::string& c = f.corpus.path();
  const auto first = run({"policy", "diff", a, b, "--corpus", c});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_EQ(first.out,
            R"({"id":"b","old":{"handling":"vendor","level":"public","rules":[]},)"
            R"("new":{"handling":"internal","level":"confidential","rules":["codenames"]}})"
            "\n");
  EXPECT_TRUE(first.err.starts_with("policy diff: 3 inputs, 1 changed")) << first.err;
  // --corpus stops taking files where the two policies begin; = and a repeated file work too.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"policy", "diff", "--corpus", c, a, b},
           {"policy", "diff", "--jobs", "2", a, "--corpus=" + c, b},
           {"policy", "diff", "--format", "jsonl", a, b, "--jobs=1", "--corpus", c}}) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, first.out) << args[2];
  }
  const auto twice = run({"policy", "diff", a, b, "--corpus", c, c});
  EXPECT_EQ(twice.code, 0) << twice.err;
  EXPECT_EQ(twice.out, first.out + first.out);

  const auto table = run({"policy", "diff", "--format", "table", a, b, "--corpus", c});
  EXPECT_EQ(table.code, 0) << table.err;
  EXPECT_TRUE(table.out.starts_with("ID ")) << table.out;
  EXPECT_NE(table.out.find("+codenames"), std::string::npos) << table.out;

  // The same OLD and NEW change nothing; a policy that does not load is exit 1, not a usage error.
  const auto same = run({"policy", "diff", b, b, "--corpus", c});
  EXPECT_EQ(same.code, 0) << same.err;
  EXPECT_EQ(same.out, "");
  const TempFile broken("broken.yaml", "policy: x\nrules: [\n");
  const auto bad = run({"policy", "diff", a, broken.path(), "--corpus", c});
  EXPECT_EQ(bad.code, 1);
  EXPECT_TRUE(bad.err.starts_with(broken.path() + ":")) << bad.err;
}

TEST(CliTest, ClassifyTakesItsOptionsAndFilesInAnyOrder) {
  const DiffFiles f;
  const std::string& p = f.new_policy.path();
  const std::string& c = f.corpus.path();
  const auto first = run({"classify", "--policy", p, c});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_EQ(first.out,
            R"({"id":"a","handling":"internal","level":"confidential","rules":["codenames"],)"
            R"("categories":["codename"]})"
            "\n"
            R"({"id":"b","handling":"internal","level":"confidential","rules":["codenames"],)"
            R"("categories":["codename"]})"
            "\n"
            R"({"id":"c","handling":"vendor","level":"public","rules":[],"categories":[]})"
            "\n");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"classify", c, "--policy", p},
                                             {"classify", "--jobs", "2", c, "--policy=" + p},
                                             {"classify", "--policy", p, "--jobs=1", c}}) {
    const auto r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, first.out);
  }
}

// Exit 1 is for a command that ran and found a problem, never for a wrong command line.
TEST(CliTest, FailedChecksExitOne) {
  const auto ok = run({"policy", "check", kGlobex});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(ok.out.starts_with("ok: globex-data-classification")) << ok.out;

  const TempFile broken("broken.yaml", "policy: x\nrules: [\n");
  const auto check = run({"policy", "check", broken.path()});
  EXPECT_EQ(check.code, 1);
  EXPECT_TRUE(check.err.starts_with(broken.path() + ":")) << check.err;

  const TempFile failing("failing.yaml",
                         "policy: failing\n"
                         "levels: [public, confidential]\n"
                         "handling: {public: vendor, confidential: internal}\n"
                         "rules:\n"
                         "  - id: codenames\n"
                         "    level: confidential\n"
                         "    category: codename\n"
                         "    keywords: [Halcyon]\n"
                         "tests:\n"
                         "  - text: the Halcyon plan\n"
                         "    expect: vendor\n");
  const auto test = run({"policy", "test", failing.path()});
  EXPECT_EQ(test.code, 1) << test.err;
  EXPECT_NE(test.out.find("0 passed, 1 failed"), std::string::npos) << test.out;
  EXPECT_EQ(run({"policy", "check", failing.path()}).code, 1);
}

}  // namespace
}  // namespace switchyard::cli
