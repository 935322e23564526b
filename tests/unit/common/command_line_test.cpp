// The shared command line conventions: exit codes from actions, usage errors in one style, help,
// options in any order, absent versus empty options.
#include "common/command_line.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "tests/unit/common/run_command_line.h"

namespace switchyard::command_line {
namespace {

using testing::run_command_line;

// A root "tool" with a group "group" holding "run" (FILE, --name, --mode, and an exit code) and
// "other".
struct Tool {
  std::unique_ptr<CLI::App> root = make_root("tool", "a test tool", "tool 1.2.3");
  std::string file;
  std::optional<std::string> name;
  std::string mode = "fast";
  int exit_code = 0;
  bool ran = false;
  bool usage_error_in_action = false;

  Tool() {
    CLI::App& group = add_group(*root, "group", "a group of commands");
    CLI::App* run = group.add_subcommand("run", "runs");
    add_positional(*run, "FILE", file, "a file");
    add_optional(*run, "--name", name, "a name");
    add_choice(*run, "--mode", mode, {"fast", "slow"}, "how");
    on_run(*run, [this] {
      ran = true;
      if (usage_error_in_action) throw UsageError("the name '" + name.value_or("") + "' is odd");
      return exit_code;
    });
    on_run(*group.add_subcommand("other", "does nothing"), [] { return kSuccess; });
  }
};

TEST(CommandLineTest, TheActionsReturnValueIsTheExitCode) {
  Tool tool;
  tool.exit_code = kFailure;
  const auto r = run_command_line(*tool.root, {"group", "run", "f"});
  EXPECT_TRUE(tool.ran);
  EXPECT_EQ(r.code, kFailure);
  EXPECT_EQ(r.err, "");  // the action prints its own messages
  Tool ok;
  EXPECT_EQ(run_command_line(*ok.root, {"group", "run", "f"}).code, kSuccess);
}

TEST(CommandLineTest, OptionsAndPositionalsInAnyOrder) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"group", "run", "f", "--name", "n", "--mode", "slow"},
                                             {"group", "run", "--mode", "slow", "--name", "n", "f"},
                                             {"group", "run", "--name=n", "f", "--mode=slow"}}) {
    Tool tool;
    const auto r = run_command_line(*tool.root, args);
    EXPECT_EQ(r.code, kSuccess) << r.err;
    EXPECT_EQ(tool.file, "f");
    EXPECT_EQ(tool.name, "n");
    EXPECT_EQ(tool.mode, "slow");
  }
}

TEST(CommandLineTest, AnAbsentOptionDiffersFromAnEmptyOneAndTheLastValueWins) {
  Tool absent;
  EXPECT_EQ(run_command_line(*absent.root, {"group", "run", "f"}).code, kSuccess);
  EXPECT_FALSE(absent.name.has_value());
  Tool empty;
  EXPECT_EQ(run_command_line(*empty.root, {"group", "run", "f", "--name", ""}).code, kSuccess);
  EXPECT_EQ(empty.name, "");
  Tool twice;
  EXPECT_EQ(run_command_line(*twice.root, {"group", "run", "--name", "a", "f", "--name", "b"}).code,
            kSuccess);
  EXPECT_EQ(twice.name, "b");
}

TEST(CommandLineTest, AnUnknownOptionIsAUsageErrorNamingTheCommandWithItsHelp) {
  Tool tool;
  const auto r = run_command_line(*tool.root, {"group", "run", "f", "--frobnicate"});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_FALSE(tool.ran);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(r.err.starts_with("tool group run: ")) << r.err;
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Usage: tool group run"), std::string::npos) << r.err;
}

TEST(CommandLineTest, MissingArgumentsAreUsageErrors) {
  Tool no_file;
  auto r = run_command_line(*no_file.root, {"group", "run"});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_TRUE(r.err.starts_with("tool group run: FILE is required")) << r.err;
  EXPECT_FALSE(no_file.ran);

  Tool no_value;
  r = run_command_line(*no_value.root, {"group", "run", "f", "--name"});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_TRUE(r.err.starts_with("tool group run: --name")) << r.err;
  EXPECT_FALSE(no_value.ran);
}

TEST(CommandLineTest, AValueOutsideTheChoicesIsAUsageError) {
  Tool tool;
  const auto r = run_command_line(*tool.root, {"group", "run", "f", "--mode", "medium"});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_TRUE(r.err.starts_with("tool group run: --mode")) << r.err;
  EXPECT_FALSE(tool.ran);
}

TEST(CommandLineTest, AUsageErrorFromTheActionLooksLikeTheParsersOwn) {
  Tool tool;
  tool.usage_error_in_action = true;
  const auto r = run_command_line(*tool.root, {"group", "run", "f", "--name", "x"});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_TRUE(r.err.starts_with("tool group run: the name 'x' is odd\n\n")) << r.err;
  EXPECT_NE(r.err.find("Usage: tool group run"), std::string::npos) << r.err;
}

TEST(CommandLineTest, AMissingOrUnknownCommandNamesTheChoices) {
  Tool none;
  auto r = run_command_line(*none.root, {});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_TRUE(r.err.starts_with("tool: a command is required (one of group)")) << r.err;
  EXPECT_NE(r.err.find("Usage: tool"), std::string::npos) << r.err;

  Tool unknown;
  r = run_command_line(*unknown.root, {"group", "jump"});
  EXPECT_EQ(r.code, kUsageError);
  EXPECT_TRUE(r.err.starts_with("tool group: unknown command 'jump' (one of run, other)")) << r.err;
}

TEST(CommandLineTest, HelpIsGeneratedForEveryCommandAndGoesToStdout) {
  Tool root;
  auto r = run_command_line(*root.root, {"--help"});
  EXPECT_EQ(r.code, kSuccess);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("Usage: tool"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("group"), std::string::npos) << r.out;

  Tool sub;
  r = run_command_line(*sub.root, {"group", "run", "f", "--help"});
  EXPECT_EQ(r.code, kSuccess);
  EXPECT_FALSE(sub.ran);
  EXPECT_NE(r.out.find("Usage: tool group run [OPTIONS] FILE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--mode fast|slow"), std::string::npos) << r.out;
}

TEST(CommandLineTest, TheWordHelpAfterCommandsIsTheHelpFlag) {
  Tool flag, word;
  const auto by_flag = run_command_line(*flag.root, {"group", "--help"});
  const auto by_word = run_command_line(*word.root, {"group", "help"});
  EXPECT_EQ(by_word.code, kSuccess);
  EXPECT_EQ(by_word.out, by_flag.out);
  EXPECT_NE(by_word.out.find("Usage: tool group"), std::string::npos);
  // A positional that happens to be "help" stays a positional.
  Tool file;
  EXPECT_EQ(run_command_line(*file.root, {"group", "run", "help"}).code, kSuccess);
  EXPECT_EQ(file.file, "help");
}

TEST(CommandLineTest, VersionPrintsTheVersionLine) {
  Tool tool;
  const auto r = run_command_line(*tool.root, {"--version"});
  EXPECT_EQ(r.code, kSuccess);
  EXPECT_EQ(r.out, "tool 1.2.3\n");
}

}  // namespace
}  // namespace switchyard::command_line
