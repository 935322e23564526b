// Tamper tests: a log written by the real sink, then edited, cut, reordered, extended or checked
// with the wrong key. Each change is found at the right line and named in the right words.
#include <gtest/gtest.h>

#include "audit/chain.h"
#include "tests/unit/audit/test_support.h"

namespace switchyard::audit {
namespace {

using namespace switchyard::testing;
using audit::Problem;

class AuditTamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_sample_log(test_config(dir_.path() / "audit.jsonl"), 6);
    lines_ = split_lines(read_file(dir_.path() / "audit.jsonl"));
    ASSERT_EQ(lines_.size(), 14u);  // start, 12 records, seal
  }

  static audit::VerifySummary verify(const std::vector<std::string>& lines,
                                     const std::string& key = kTestKey) {
    return verify_texts({join_lines(lines)}, key);
  }

  static void expect_problem(const audit::VerifySummary& s, Problem problem, std::uint64_t line,
                             std::string_view words) {
    ASSERT_FALSE(s.ok);
    ASSERT_TRUE(s.problem.has_value());
    EXPECT_EQ(audit::problem_name(s.problem->problem), audit::problem_name(problem))
        << s.problem->detail;
    EXPECT_EQ(s.problem->line, line) << s.problem->detail;
    EXPECT_NE(s.problem->detail.find(words), std::string::npos) << s.problem->detail;
  }

  TempDir dir_;
  ScopedKey key_;
  std::vector<std::string> lines_;
};

TEST_F(AuditTamperTest, UntouchedLogVerifies) {
  const auto s = verify(lines_);
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.records, 14u);
  EXPECT_TRUE(s.notes.empty());
  ASSERT_EQ(s.key_ids.size(), 1u);
  EXPECT_EQ(s.key_ids[0], "test1");
}

TEST_F(AuditTamperTest, EditedFieldIsNamedEdited) {
  auto lines = lines_;
  const auto pos = lines[3].find("\"handling\":\"");  // the decision of req-1
  ASSERT_NE(pos, std::string::npos);
  lines[3].replace(pos, std::string("\"handling\":\"").size(), "\"handling\":\"x");
  expect_problem(verify(lines), Problem::kEdited, 4, "edited");
}

TEST_F(AuditTamperTest, EditedSeqIsNamedEdited) {
  auto lines = lines_;
  lines[6].replace(0, lines[6].find(','), "{\"seq\":70");
  expect_problem(verify(lines), Problem::kEdited, 7, "edited");
}

TEST_F(AuditTamperTest, DeletedRecordIsNamedMissing) {
  auto lines = lines_;
  lines.erase(lines.begin() + 5);  // seq 6
  expect_problem(verify(lines), Problem::kMissing, 6, "seq 6 is absent");
}

TEST_F(AuditTamperTest, SeveralDeletedRecordsAreNamedMissingWithTheRange) {
  auto lines = lines_;
  lines.erase(lines.begin() + 3, lines.begin() + 6);  // seq 4, 5, 6
  expect_problem(verify(lines), Problem::kMissing, 4, "seq 4 to 6 are absent");
}

TEST_F(AuditTamperTest, SwappedRecordsAreNamedReordered) {
  auto lines = lines_;
  std::swap(lines[7], lines[8]);
  expect_problem(verify(lines), Problem::kReordered, 8, "reordered");
}

TEST_F(AuditTamperTest, RecordMovedDownIsNamedReordered) {
  auto lines = lines_;
  const std::string moved = lines[2];
  lines.erase(lines.begin() + 2);
  lines.insert(lines.begin() + 9, moved);
  expect_problem(verify(lines), Problem::kReordered, 3, "reordered");
}

TEST_F(AuditTamperTest, ForgedLineIsNamedInserted) {
  auto lines = lines_;
  // A plausible record with a made-up MAC, placed between seq 5 and seq 6.
  std::string forged = lines[4];
  forged.replace(forged.size() - 66, 64, std::string(64, 'a'));
  lines.insert(lines.begin() + 5, forged);
  expect_problem(verify(lines), Problem::kInserted, 6, "inserted");
}

TEST_F(AuditTamperTest, CopiedRecordIsNamedInserted) {
  auto lines = lines_;
  lines.insert(lines.begin() + 9, lines[3]);  // a valid record again, later on
  expect_problem(verify(lines), Problem::kInserted, 10, "copy of the record at file1.jsonl:4");
}

TEST_F(AuditTamperTest, AppendedForgedLineIsNamedInserted) {
  auto lines = lines_;
  lines.push_back(R"({"seq":99,"event":"decision","mac":"00"})");
  expect_problem(verify(lines), Problem::kInserted, 15, "inserted");
}

TEST_F(AuditTamperTest, TailCutMidLineIsATruncatedTailNotTampering) {
  std::string text = join_lines(lines_);
  text.resize(text.size() - lines_.back().size() / 2 - 1);
  const auto s = verify_texts({text});
  EXPECT_TRUE(s.ok) << (s.problem ? s.problem->detail : "");
  ASSERT_FALSE(s.notes.empty());
  EXPECT_EQ(s.notes.front().problem, Problem::kTruncatedTail);
  EXPECT_EQ(s.notes.front().line, 14u);
  EXPECT_NE(s.notes.front().detail.find("truncated tail"), std::string::npos);
  EXPECT_EQ(s.records, 13u);
}

TEST_F(AuditTamperTest, TailCutInAFileThatIsNotTheLastIsAProblem) {
  std::string first = join_lines(lines_);
  first.resize(first.size() - 10);
  const auto s = verify_texts({first, join_lines(lines_)});
  expect_problem(s, Problem::kTruncatedTail, 14, "truncated tail");
}

TEST_F(AuditTamperTest, WrongKeyFailsFromLineOne) {
  expect_problem(verify(lines_, "some-other-key-0123456789"), Problem::kWrongKey, 1, "wrong key");
}

TEST_F(AuditTamperTest, UnknownKeyIdAsksForThatKey) {
  audit::VerifyKeys keys;
  keys.by_kid["other"] = kTestKey;
  const std::string text = join_lines(lines_);
  const std::vector<audit::LogFile> files = {{"audit.jsonl", text}};
  const auto s = audit::verify_logs(files, keys);
  ASSERT_FALSE(s.ok);
  EXPECT_EQ(s.problem->problem, Problem::kWrongKey);
  EXPECT_NE(s.problem->detail.find("test1"), std::string::npos) << s.problem->detail;
}

TEST_F(AuditTamperTest, ReplacedLineThatIsNotJsonIsNamedEdited) {
  auto lines = lines_;
  lines[3] = "hello";
  expect_problem(verify(lines), Problem::kEdited, 4, "edited");
}

TEST_F(AuditTamperTest, EmptyLineIsNamedInserted) {
  auto lines = lines_;
  lines.insert(lines.begin() + 3, "");
  expect_problem(verify(lines), Problem::kInserted, 4, "empty line");
}

TEST(AuditRotatedTamperTest, RemovedMiddleFileIsNamedMissingAtTheBoundary) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.rotate_bytes = 4096;
  write_sample_log(config, 30);
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir.path())) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  ASSERT_GE(paths.size(), 3u);
  std::vector<std::string> texts;
  for (const auto& path : paths) texts.push_back(read_file(path));

  EXPECT_TRUE(verify_texts(texts).ok);
  texts.erase(texts.begin() + 1);
  const auto s = verify_texts(texts);
  ASSERT_FALSE(s.ok);
  EXPECT_EQ(s.problem->problem, Problem::kMissing) << s.problem->detail;
  EXPECT_EQ(s.problem->file, "file2.jsonl");
  EXPECT_EQ(s.problem->line, 1u);
  EXPECT_NE(s.problem->detail.find("between file1.jsonl and this file"), std::string::npos)
      << s.problem->detail;
}

TEST(AuditReaderTest, FastHeadParserReadsTheFixedPrefixOnly) {
  const std::string line = std::string("{\"seq\":42,\"ts\":\"2026-11-03T14:25:01.123456Z\",") +
                           "\"event\":\"decision\",\"prev\":\"" + std::string(64, 'a') +
                           "\",\"kid\":\"k1\",\"x\":1,\"mac\":\"" + std::string(64, 'b') + "\"}";
  const auto head = audit::parse_head(line);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->seq, 42u);
  EXPECT_EQ(head->event, "decision");
  EXPECT_EQ(head->kid, "k1");
  EXPECT_FALSE(audit::parse_head("{\"seq\":042,"));
  EXPECT_FALSE(audit::parse_head("{\"seq\":99999999999999999999,\"ts\":\"x\""));
  EXPECT_FALSE(audit::parse_head("{\"ts\":\"x\",\"seq\":1}"));
  const auto split = audit::split_mac(line);
  ASSERT_TRUE(split);
  EXPECT_EQ(split->mac_hex, std::string(64, 'b'));
  EXPECT_TRUE(split->before_mac.ends_with("\"x\":1"));
}

TEST(AuditReaderTest, JoinsDecisionAndOutcomePerRequest) {
  TempDir dir;
  ScopedKey key;
  const auto config = test_config(dir.path() / "audit.jsonl");
  write_sample_log(config, 4);
  const std::string text = read_file(config.path);
  const std::vector<audit::LogFile> files = {{"audit.jsonl", text}};
  const auto joined = audit::join_requests(files);
  ASSERT_EQ(joined.rows.size(), 4u);
  EXPECT_EQ(joined.other_events.at("start"), 1u);
  EXPECT_EQ(joined.other_events.at("seal"), 1u);
  const auto& blocked = joined.rows[0];
  EXPECT_EQ(blocked.request_id, "req-0");
  EXPECT_EQ(blocked.handling, "block");
  ASSERT_EQ(blocked.rules.size(), 1u);
  EXPECT_EQ(blocked.rules[0], "secrets.aws_key");
  EXPECT_EQ(blocked.categories, std::vector<std::string>{"secret"});
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.error, "policy_blocked");
  EXPECT_EQ(blocked.input_tokens, 10);
  EXPECT_EQ(blocked.policy_version, "2026.11.1");
  EXPECT_TRUE(blocked.has_decision && blocked.has_outcome);
  EXPECT_EQ(joined.rows[1].status, 200);
  EXPECT_TRUE(joined.rows[2].rules.empty());
}

}  // namespace
}  // namespace switchyard::audit
