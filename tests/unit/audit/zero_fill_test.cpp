// Zero-filled audit files: the writer appends into blocks that already exist, keeps zeroed space
// ahead of itself, rotates into a prepared file, and trims what it archives or closes; every
// reader treats the zero tail as unwritten space, never as content or corruption.
#include <gtest/gtest.h>

#include <thread>

#include "audit/reader.h"
#include "audit/zero_fill.h"
#include "tests/unit/audit/test_support.h"

namespace switchyard::audit {
namespace {

using namespace switchyard::testing;

bool all_zero(std::string_view bytes) {
  return bytes.find_first_not_of('\0') == std::string_view::npos;
}

TEST(UnwrittenTailTest, CountsTrailingZeroBytesOnly) {
  EXPECT_EQ(unwritten_tail(""), 0u);
  EXPECT_EQ(unwritten_tail("abc\n"), 0u);
  EXPECT_EQ(unwritten_tail(std::string("abc\n\0\0\0", 7)), 3u);
  EXPECT_EQ(unwritten_tail(std::string("\0\0", 2)), 2u);
  EXPECT_EQ(unwritten_tail(std::string("a\0b\0", 4)), 1u);
}

TEST(ZeroFillSinkTest, LiveFileEndsInZeroedSpaceThatVerifyReportsAsUnwritten) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.zero_fill_bytes = 2u << 20;
  auto sink = make_file_audit_sink(config);
  DoneWaiter waiter;
  for (int i = 0; i < 5; ++i) {
    sink->append(decision_record(i), waiter.callback());
    sink->append(outcome_record(i), waiter.callback());
  }
  waiter.wait_for(10);
  // The zeros are written by a background thread, a MiB at a time: wait until it has prepared the
  // space ahead and the next file (a generous bound; it only fails if the preparer never runs).
  for (int i = 0; i < 3000; ++i) {
    if (fs::exists(config.path + ".next") && fs::file_size(config.path) >= config.zero_fill_bytes) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  const std::string raw = read_raw(config.path);
  const std::string written = read_file(config.path);
  ASSERT_FALSE(written.empty());
  EXPECT_EQ(written.back(), '\n');
  EXPECT_GE(raw.size(), config.zero_fill_bytes);  // the blocks exist ahead of the records
  EXPECT_TRUE(all_zero(std::string_view(raw).substr(written.size())));
  EXPECT_TRUE(fs::exists(config.path + ".next"));  // rotation's file, prepared ahead

  // The raw bytes, zero tail and all, verify; the tail is a note, not a problem.
  const auto summary = verify_texts({raw});
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
  EXPECT_EQ(summary.records, 11u);  // start + 10
  EXPECT_EQ(summary.bytes, written.size());
  ASSERT_FALSE(summary.notes.empty());
  EXPECT_NE(summary.notes.front().detail.find("unwritten space"), std::string::npos);

  // Query and summary read the same records from the raw file.
  const std::vector<LogFile> files{{"audit.jsonl", raw}};
  const auto joined = join_requests(files);
  EXPECT_EQ(joined.rows.size(), 5u);
  EXPECT_EQ(joined.unreadable, 0u);

  // A clean close trims the zero tail and removes the prepared file.
  sink->close();
  const std::string closed = read_raw(config.path);
  EXPECT_EQ(closed.find('\0'), std::string::npos);
  EXPECT_FALSE(fs::exists(config.path + ".next"));
  EXPECT_TRUE(verify_texts({closed}).ok);
}

TEST(ZeroFillSinkTest, OffWritesPlainAppendsWithoutZeroes) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.zero_fill_bytes = 0;
  auto sink = make_file_audit_sink(config);
  DoneWaiter waiter;
  sink->append(decision_record(0), waiter.callback());
  waiter.wait_for(1);
  EXPECT_EQ(read_raw(config.path).find('\0'), std::string::npos);
  EXPECT_FALSE(fs::exists(config.path + ".next"));
}

// What kill -9 leaves: records, then zeroed space (and perhaps a torn line). A restart writes into
// the zeroed space right after the last record, and the whole file verifies.
TEST(ZeroFillSinkTest, RestartAfterACrashContinuesInsideTheZeroedSpace) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.zero_fill_bytes = 1u << 20;
  write_sample_log(config, 2);
  const std::string before = read_file(config.path);
  const std::string torn = "{\"seq\":99,\"ts\":\"2026-TO";
  write_file(config.path, before + torn + std::string(3u << 20, '\0'));

  const auto crashed = verify_texts({read_raw(config.path)});
  EXPECT_TRUE(crashed.ok) << (crashed.problem ? crashed.problem->detail : "");
  bool torn_noted = false;
  for (const auto& note : crashed.notes) {
    torn_noted |= note.detail.find("truncated tail") != std::string::npos;
  }
  EXPECT_TRUE(torn_noted);

  write_sample_log(config, 2, 10);
  const std::string after = read_raw(config.path);
  EXPECT_EQ(after.find('\0'), std::string::npos);  // closed cleanly: trimmed
  EXPECT_EQ(after.compare(0, before.size(), before), 0);
  EXPECT_EQ(after.find(torn), std::string::npos);
  const auto summary = verify_texts({after});
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
  EXPECT_EQ(summary.last_seq, 6u + 1u + 4u + 1u);
}

// Junk after a stretch of zeros (blocks that reached the disk out of order in a power loss) is a
// truncated tail after the last record, reported plainly; the records before it verify.
TEST(ZeroFillSinkTest, JunkAfterZerosIsATruncatedTailNotASilentGap) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  write_sample_log(config, 2);
  const std::string good = read_file(config.path);
  const std::string raw = good + std::string(4096, '\0') + "seq\":12,junk" + std::string(512, '\0');
  const auto summary = verify_texts({raw});
  EXPECT_TRUE(summary.ok);
  EXPECT_EQ(summary.records, 6u);
  ASSERT_FALSE(summary.notes.empty());
  EXPECT_EQ(summary.notes.front().problem, Problem::kTruncatedTail);
  // The same junk in a file that is not the last one is a problem.
  EXPECT_FALSE(verify_texts({raw, good}).ok);
}

// The writer overtakes the preparer (a burst larger than the zeroed space): it extends the file
// itself, under the preparer's lock, so no record is ever overwritten with zeros.
TEST(ZeroFillSinkTest, BurstPastTheZeroedSpaceLosesNothing) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.zero_fill_bytes = 1u << 20;
  config.fsync = FsyncMode::kNever;
  auto sink = make_file_audit_sink(config);
  DoneWaiter waiter;
  constexpr int kRequests = 6000;  // ~3 MiB of records
  for (int i = 0; i < kRequests; ++i) {
    sink->append(decision_record(i), waiter.callback());
    sink->append(outcome_record(i), waiter.callback());
  }
  waiter.wait_for(2 * kRequests);
  const std::string raw = read_raw(config.path);
  const std::string written = read_file(config.path);
  EXPECT_GT(written.size(), 2u << 20);
  EXPECT_EQ(written.find('\0'), std::string::npos);  // no hole inside the records
  const auto summary = verify_texts({raw});
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
  EXPECT_EQ(summary.records, 1u + 2u * kRequests);
}

TEST(ZeroFillSinkTest, RotationUsesThePreparedFileAndArchivesTrimmedFiles) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.rotate_bytes = 64 * 1024;
  config.zero_fill_bytes = 1u << 20;
  auto sink = make_file_audit_sink(config);
  DoneWaiter waiter;
  int sent = 0;
  // Fill the first file, give the preparer time to have the next one ready, then rotate.
  for (; sent < 60; ++sent) sink->append(decision_record(sent), waiter.callback());
  waiter.wait_for(sent);
  for (int i = 0; i < 200 && !fs::exists(config.path + ".next"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(fs::exists(config.path + ".next"));
  for (; sent < 400; ++sent) sink->append(decision_record(sent), waiter.callback());
  waiter.wait_for(sent);

  std::vector<fs::path> archives;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    const auto name = entry.path().filename().string();
    if (name != "audit.jsonl" && name != "audit.jsonl.next") archives.push_back(entry.path());
  }
  ASSERT_GE(archives.size(), 2u);
  std::sort(archives.begin(), archives.end());
  std::vector<std::string> texts;
  for (const auto& file : archives) {
    texts.push_back(read_raw(file));
    EXPECT_EQ(texts.back().find('\0'), std::string::npos) << file;  // trimmed when archived
  }
  texts.push_back(read_raw(config.path));  // live: may end in zeros
  const auto summary = verify_texts(texts);
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
  EXPECT_EQ(summary.files, archives.size() + 1);
}

}  // namespace
}  // namespace switchyard::audit
