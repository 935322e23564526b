// The file audit sink: records are chained, signed and durable per the fsync mode; the queue never
// blocks; a write failure refuses records and turns the sink unhealthy; restarts continue the
// chain; rotation by size and by day produces linked, sealed files that verify.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "audit/chain.h"
#include "tests/unit/audit/test_support.h"

namespace switchyard::audit {
namespace {

using namespace switchyard::testing;
namespace json = boost::json;

json::object parse_line(const std::string& line) { return json::parse(line).as_object(); }

std::vector<std::string> events_of(const std::string& text) {
  std::vector<std::string> events;
  for (const auto& line : split_lines(text)) {
    events.emplace_back(parse_line(line).at("event").as_string());
  }
  return events;
}

TEST(AuditSinkTest, WritesChainedSignedRecordsThatVerify) {
  TempDir dir;
  ScopedKey key;
  const auto path = dir.path() / "audit" / "audit.jsonl";  // the directory is created
  write_sample_log(test_config(path), 5);

  const std::string text = read_file(path);
  const auto lines = split_lines(text);
  ASSERT_EQ(lines.size(), 1u + 10u + 1u);  // start, 5 x (decision, outcome), seal
  EXPECT_EQ(events_of(text).front(), "start");
  EXPECT_EQ(events_of(text).back(), "seal");

  std::uint64_t seq = 1;
  std::string prev(audit::kGenesisPrev);
  audit::Sha256 sha;
  audit::HmacSha256 hmac(kTestKey);
  for (const auto& line : lines) {
    const auto record = parse_line(line);
    EXPECT_EQ(record.at("seq").as_int64(), static_cast<std::int64_t>(seq));
    EXPECT_EQ(record.at("prev").as_string(), prev);
    EXPECT_EQ(record.at("kid").as_string(), "test1");
    const std::string ts(record.at("ts").as_string());
    EXPECT_EQ(ts.size(), 27u) << ts;  // 2026-11-03T14:25:01.123456Z
    EXPECT_EQ(ts.back(), 'Z');
    EXPECT_TRUE(audit::mac_matches(hmac, line));
    prev = audit::to_hex(sha.digest(line));
    ++seq;
  }
  const auto second = parse_line(lines[1]);
  EXPECT_EQ(second.at("event").as_string(), "decision");
  EXPECT_EQ(second.at("request_id").as_string(), "req-0");

  const auto summary = verify_texts({text});
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
  EXPECT_EQ(summary.records, 12u);
}

TEST(AuditSinkTest, CallerCannotOverrideChainFields) {
  TempDir dir;
  ScopedKey key;
  const auto path = dir.path() / "audit.jsonl";
  {
    auto sink = audit::make_file_audit_sink(test_config(path));
    DoneWaiter waiter;
    auto record = decision_record(1);
    record["seq"] = 999;
    record["prev"] = "forged";
    record["mac"] = "forged";
    record["kid"] = "other";
    sink->append(std::move(record), waiter.callback());
    ASSERT_TRUE(waiter.wait_for(1));
    EXPECT_EQ(waiter.durable(), 1);
  }
  const auto lines = split_lines(read_file(path));
  ASSERT_EQ(lines.size(), 3u);
  const auto record = parse_line(lines[1]);
  EXPECT_EQ(record.at("seq").as_int64(), 2);
  EXPECT_EQ(record.at("kid").as_string(), "test1");
  EXPECT_NE(record.at("mac").as_string(), "forged");
  EXPECT_TRUE(verify_texts({read_file(path)}).ok);
}

// A deferred record (the outcome) is written without an urgent record to carry it, within the
// writer's lazy timeout; and when an urgent record follows, both land in order and both complete.
TEST(AuditSinkTest, DeferredRecordsAreWrittenAloneAndWithTheNextUrgentOne) {
  TempDir dir;
  ScopedKey key;
  const auto path = dir.path() / "audit.jsonl";
  auto sink = audit::make_file_audit_sink(test_config(path));
  DoneWaiter first;
  sink->append(decision_record(0), first.callback());
  ASSERT_TRUE(first.wait_for(1));
  // The writer is now idle, blocked on an empty queue: the deferred record must still get out.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  DoneWaiter alone;
  sink->append_deferred(outcome_record(1), alone.callback());
  ASSERT_TRUE(alone.wait_for(1));
  EXPECT_EQ(alone.durable(), 1);
  EXPECT_EQ(events_of(read_file(path)), (std::vector<std::string>{"start", "decision", "outcome"}));

  DoneWaiter pair;
  sink->append_deferred(outcome_record(2), pair.callback());
  sink->append(decision_record(3), pair.callback());
  ASSERT_TRUE(pair.wait_for(2));
  EXPECT_EQ(pair.durable(), 2);
  const std::string text = read_file(path);
  EXPECT_EQ(events_of(text),
            (std::vector<std::string>{"start", "decision", "outcome", "outcome", "decision"}));
  EXPECT_EQ(parse_line(split_lines(text)[3]).at("request_id").as_string(), "req-2");
  sink->close();
  EXPECT_TRUE(verify_texts({read_file(path)}).ok);
}

class AuditFsyncModeTest : public ::testing::TestWithParam<audit::FsyncMode> {};

TEST_P(AuditFsyncModeTest, EveryRecordCompletesOnceAndTheLogVerifies) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.fsync = GetParam();
  auto sink = audit::make_file_audit_sink(config);
  DoneWaiter waiter;
  constexpr int kThreads = 4;
  constexpr int kPerThread = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i)
        sink->append(decision_record(t * 1000 + i), waiter.callback());
    });
  }
  for (auto& thread : threads) thread.join();
  ASSERT_TRUE(waiter.wait_for(kThreads * kPerThread));
  EXPECT_EQ(waiter.durable(), kThreads * kPerThread);
  EXPECT_EQ(waiter.failed(), 0);
  EXPECT_TRUE(sink->healthy());
  EXPECT_EQ(sink->failures(), 0u);
  // Records are on disk once done(true) ran, before close().
  EXPECT_EQ(split_lines(read_file(config.path)).size(), 1u + kThreads * kPerThread);
  sink->close();
  const auto summary = verify_texts({read_file(config.path)});
  EXPECT_TRUE(summary.ok);
  EXPECT_EQ(summary.records, 2u + kThreads * kPerThread);
}

INSTANTIATE_TEST_SUITE_P(Modes, AuditFsyncModeTest,
                         ::testing::Values(audit::FsyncMode::kAlways, audit::FsyncMode::kBatch,
                                           audit::FsyncMode::kNever));

// `fsync: never` has nothing to wait for: the caller writes its own record, so the record is in
// the file and reported durable before append returns, with no writer thread in between.
TEST(AuditSinkTest, NeverModeWritesOnTheCallersThreadBeforeAppendReturns) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.fsync = audit::FsyncMode::kNever;
  auto sink = audit::make_file_audit_sink(config);
  const auto caller = std::this_thread::get_id();
  for (int i = 0; i < 3; ++i) {
    bool called = false;
    std::thread::id thread;
    sink->append(decision_record(i), [&](bool durable) {
      EXPECT_TRUE(durable);
      called = true;
      thread = std::this_thread::get_id();
    });
    EXPECT_TRUE(called);
    EXPECT_EQ(thread, caller);
    EXPECT_NE(read_file(config.path).find("\"req-" + std::to_string(i) + "\""), std::string::npos);
  }
  sink->close();
  bool refused = false;
  sink->append(decision_record(9), [&](bool durable) { refused = !durable; });
  EXPECT_TRUE(refused);  // after close, at once
  EXPECT_TRUE(verify_texts({read_file(config.path)}).ok);
}

TEST(AuditSinkTest, FullQueueRefusesAtOnceWithoutBlocking) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.queue_capacity = 3;
  auto sink = audit::make_file_audit_sink(config);

  // The first record's callback holds the writer thread, so later records stay queued.
  std::promise<void> writer_inside;
  std::promise<void> release;
  auto released = release.get_future().share();
  sink->append(decision_record(0), [&](bool) {
    writer_inside.set_value();
    released.wait();
  });
  writer_inside.get_future().wait();

  DoneWaiter queued;
  for (int i = 1; i <= 3; ++i) sink->append(decision_record(i), queued.callback());
  bool refused = true;
  bool called = false;
  const auto caller = std::this_thread::get_id();
  std::thread::id called_on;
  sink->append(decision_record(4), [&](bool durable) {
    called = true;
    refused = !durable;
    called_on = std::this_thread::get_id();
  });
  EXPECT_TRUE(called);  // answered before append() returned
  EXPECT_TRUE(refused);
  EXPECT_EQ(called_on, caller);
  EXPECT_EQ(sink->failures(), 1u);
  EXPECT_TRUE(sink->healthy());  // a full queue is back-pressure, not a broken disk

  release.set_value();
  ASSERT_TRUE(queued.wait_for(3));
  EXPECT_EQ(queued.durable(), 3);
  sink->close();
  EXPECT_TRUE(verify_texts({read_file(config.path)}).ok);
}

TEST(AuditSinkTest, WriteFailureRefusesRecordsAndReportsUnhealthy) {
  ScopedKey key;
  audit::AuditConfig config = test_config("/dev/full");  // every write fails with ENOSPC
  auto sink = audit::make_file_audit_sink(config);
  DoneWaiter waiter;
  for (int i = 0; i < 5; ++i) sink->append(decision_record(i), waiter.callback());
  ASSERT_TRUE(waiter.wait_for(5));
  EXPECT_EQ(waiter.durable(), 0);
  EXPECT_EQ(waiter.failed(), 5);
  EXPECT_FALSE(sink->healthy());
  EXPECT_EQ(sink->failures(), 5u);
  sink->close();
  DoneWaiter after_close;
  sink->append(decision_record(9), after_close.callback());
  EXPECT_EQ(after_close.failed(), 1);
}

TEST(AuditSinkTest, UnwritableLocationThrowsAtStartup) {
  ScopedKey key;
  // /proc refuses new directories even for root.
  EXPECT_THROW(audit::make_file_audit_sink(test_config("/proc/switchyard-audit/audit.jsonl")),
               std::runtime_error);
}

TEST(AuditSinkTest, MissingKeyThrowsNamingTheVariable) {
  TempDir dir;
  ::unsetenv(kTestKeyEnv);
  try {
    audit::make_file_audit_sink(test_config(dir.path() / "audit.jsonl"));
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(kTestKeyEnv), std::string::npos) << e.what();
  }
}

TEST(AuditSinkTest, RestartContinuesTheChain) {
  TempDir dir;
  ScopedKey key;
  const auto config = test_config(dir.path() / "audit.jsonl");
  write_sample_log(config, 3, 0);
  write_sample_log(config, 2, 3);
  const std::string text = read_file(config.path);
  const auto events = events_of(text);
  // start, 6 records, seal, start (restart), 4 records, seal
  ASSERT_EQ(events.size(), 14u);
  EXPECT_EQ(events[7], "seal");
  EXPECT_EQ(events[8], "start");
  EXPECT_EQ(parse_line(split_lines(text)[8]).at("reason").as_string(), "restart");
  const auto summary = verify_texts({text});
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
  EXPECT_EQ(summary.first_seq, 1u);
  EXPECT_EQ(summary.last_seq, 14u);
}

TEST(AuditSinkTest, TornTailIsCutAndNotedOnRestart) {
  TempDir dir;
  ScopedKey key;
  const auto config = test_config(dir.path() / "audit.jsonl");
  write_sample_log(config, 2);
  const std::string torn = "{\"seq\":7,\"ts\":\"2026-TORN";
  {
    std::ofstream out(config.path, std::ios::app | std::ios::binary);
    out << torn;
  }
  // What a crash leaves: verify names it a truncated tail and passes.
  const auto crashed = verify_texts({read_file(config.path)});
  EXPECT_TRUE(crashed.ok);
  ASSERT_FALSE(crashed.notes.empty());
  EXPECT_EQ(crashed.notes.front().problem, audit::Problem::kTruncatedTail);

  write_sample_log(config, 1, 10);
  const std::string text = read_file(config.path);
  EXPECT_EQ(text.find(torn), std::string::npos);
  const auto lines = split_lines(text);
  const auto start = parse_line(lines[6]);
  EXPECT_EQ(start.at("event").as_string(), "start");
  EXPECT_EQ(start.at("torn_tail").at("bytes").as_int64(), static_cast<std::int64_t>(torn.size()));
  const auto summary = verify_texts({text});
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
}

std::vector<fs::path> log_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());  // archived names sort before audit.jsonl
  return files;
}

TEST(AuditSinkTest, RotationBySizeProducesLinkedSealedFiles) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.rotate_bytes = 4096;
  write_sample_log(config, 40);

  const auto files = log_files(dir.path());
  ASSERT_GE(files.size(), 4u);
  EXPECT_EQ(files.back().filename(), "audit.jsonl");
  std::vector<std::string> texts;
  for (const auto& file : files) texts.push_back(read_file(file));
  for (std::size_t i = 0; i + 1 < files.size(); ++i) {
    const auto lines = split_lines(texts[i]);
    const auto seal = parse_line(lines.back());
    EXPECT_EQ(seal.at("event").as_string(), "seal");
    EXPECT_EQ(seal.at("reason").as_string(), "rotation");
    EXPECT_EQ(seal.at("archived_as").as_string(), files[i].filename().string());
    EXPECT_LE(texts[i].size(), config.rotate_bytes + 1024);  // the seal may overshoot a little
    const auto next_start = parse_line(split_lines(texts[i + 1]).front());
    EXPECT_EQ(next_start.at("event").as_string(), "start");
    EXPECT_EQ(next_start.at("previous_file").as_string(), files[i].filename().string());
  }
  // Verification in chain order, whatever order the files are given in.
  std::vector<audit::LogFile> inputs;
  for (std::size_t i = files.size(); i-- > 0;) inputs.push_back({files[i].string(), texts[i]});
  const auto order = audit::chain_order(inputs);
  std::vector<audit::LogFile> ordered;
  for (auto i : order) ordered.push_back(inputs[i]);
  const auto summary = audit::verify_logs(ordered, test_keys());
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
  EXPECT_EQ(summary.files, files.size());
  EXPECT_EQ(summary.first_seq, 1u);
  // start + 80 records + seal, plus a seal and a start per rotation
  EXPECT_EQ(summary.records, 82u + 2 * (files.size() - 1));
}

TEST(AuditSinkTest, RestartAfterRotationWithoutCurrentFileLinksToTheNewestArchive) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.rotate_bytes = 4096;
  write_sample_log(config, 20);
  fs::remove(config.path);  // as if the proxy died right after renaming
  config.rotate_bytes = 0;
  write_sample_log(config, 1, 100);
  std::vector<audit::LogFile> inputs;
  std::vector<std::string> texts;
  const auto files = log_files(dir.path());
  for (const auto& file : files) texts.push_back(read_file(file));
  for (std::size_t i = 0; i < files.size(); ++i) inputs.push_back({files[i].string(), texts[i]});
  const auto summary = audit::verify_logs(inputs, test_keys());
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
}

TEST(AuditSinkTest, DailyRotationStartsANewFileOnANewUtcDay) {
  TempDir dir;
  ScopedKey key;
  auto config = test_config(dir.path() / "audit.jsonl");
  config.rotate_daily = true;
  // An existing log whose first record is from an earlier day.
  audit::HmacSha256 hmac(kTestKey);
  std::string line =
      "{\"seq\":1,\"ts\":\"2020-01-01T00:00:00.000000Z\",\"event\":\"start\",\"prev\":\"" +
      std::string(audit::kGenesisPrev) + "\",\"kid\":\"test1\",\"reason\":\"new\"";
  line += ",\"mac\":\"" + audit::to_hex(hmac.mac(line, "}")) + "\"}";
  write_file(config.path, line + "\n");

  write_sample_log(config, 1);
  const auto files = log_files(dir.path());
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].filename(), "audit.20200101T000000Z.000000000001.jsonl");
  const auto summary = verify_texts({read_file(files[0]), read_file(files[1])});
  EXPECT_TRUE(summary.ok) << (summary.problem ? summary.problem->detail : "");
}

// The digest of the segments hashed in turn is the digest of their '\n'-joined text.
TEST(AuditSinkTest, PromptDigestOfPartsEqualsTheJoinedText) {
  TempDir dir;
  ScopedKey key;
  auto sink = audit::make_file_audit_sink(test_config(dir.path() / "audit.jsonl"));
  const std::vector<std::vector<std::string_view>> cases = {
      {}, {"one"}, {"system prompt", "user text", "northwind"}, {"", "after an empty part", ""}};
  for (const auto& parts : cases) {
    std::string joined;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) joined += '\n';
      joined += parts[i];
    }
    EXPECT_EQ(sink->prompt_digest_joined(parts), sink->prompt_digest(joined)) << joined;
  }
  sink->close();
}

TEST(AuditSinkTest, PromptDigestIsAKeyedHashUnderADerivedKey) {
  TempDir dir;
  ScopedKey key;
  auto sink = audit::make_file_audit_sink(test_config(dir.path() / "audit.jsonl"));
  const std::string digest = sink->prompt_digest("the prompt");
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_EQ(digest, sink->prompt_digest("the prompt"));
  EXPECT_NE(digest, sink->prompt_digest("the prompt."));
  audit::HmacSha256 derived(audit::derive_prompt_key(kTestKey));
  EXPECT_EQ(digest, audit::to_hex(derived.mac("the prompt")));
  audit::HmacSha256 direct(kTestKey);
  EXPECT_NE(digest, audit::to_hex(direct.mac("the prompt")));
}

TEST(AuditChainTest, HmacMatchesRfc4231TestCase2) {
  audit::HmacSha256 hmac("Jefe");
  EXPECT_EQ(audit::to_hex(hmac.mac("what do ya want ", "for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(AuditChainTest, HmacWithAKeyLongerThanABlockMatchesRfc4231TestCase6) {
  audit::HmacSha256 hmac(std::string(131, '\xaa'));
  EXPECT_EQ(audit::to_hex(hmac.mac("Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(AuditChainTest, TimestampsAreRfc3339UtcWithMicroseconds) {
  using namespace std::chrono;
  const system_clock::time_point t =
      sys_days{year{2026} / 11 / 3} + hours{14} + minutes{25} + seconds{1} + microseconds{123456};
  EXPECT_EQ(audit::format_timestamp(t), "2026-11-03T14:25:01.123456Z");
  // The per-second cache: same second, the next second, a new day, leading zeros.
  EXPECT_EQ(audit::format_timestamp(t + microseconds{500000}), "2026-11-03T14:25:01.623456Z");
  EXPECT_EQ(audit::format_timestamp(t + microseconds{876544}), "2026-11-03T14:25:02.000000Z");
  EXPECT_EQ(audit::format_timestamp(t + hours{10} + microseconds{7}),
            "2026-11-04T00:25:01.123463Z");
  EXPECT_EQ(audit::format_timestamp(sys_days{year{2026} / 11 / 3} + microseconds{42}),
            "2026-11-03T00:00:00.000042Z");
  EXPECT_EQ(audit::timestamp_day("2026-11-03T14:25:01.123456Z"), audit::utc_day(t));
  EXPECT_FALSE(audit::timestamp_day("yesterday"));
}

}  // namespace
}  // namespace switchyard::audit
