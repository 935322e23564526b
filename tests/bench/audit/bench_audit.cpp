// The audit log's hot paths: the writer (records per second through the real sink, per fsync mode,
// on a temporary file) and the verifier (bytes per second over a log the real sink wrote; the goal
// is at least 100 MB/s). SWITCHYARD_BENCH_AUDIT_MB sets the size of the verified log (default 16,
// docs/benchmarks.md, "Audit log", uses 64).
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "audit/reader.h"
#include "audit/sink.h"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace switchyard;
using namespace switchyard::audit;

constexpr char kKeyEnv[] = "SWITCHYARD_BENCH_AUDIT_KEY";
constexpr char kKey[] = "bench-audit-key-0123456789abcdef-0123456789abcdef";

// A decision record shaped like the proxy's (proxy/audit_records.cpp), about 600 bytes on disk.
json::object decision(int i) {
  json::object r;
  r["event"] = "decision";
  r["request_id"] = "01JC9ZK6Q3V0BENCH" + std::to_string(i);
  r["client"] = "marketing-app-" + std::to_string(i % 7);
  r["api"] = "openai";
  r["model"] = "gpt-4o";
  r["stream"] = true;
  r["handling"] = i % 3 == 0 ? "internal" : "vendor";
  r["level"] = i % 3 == 0 ? "confidential" : "public";
  r["route"] = i % 3 == 0 ? "internal" : "vendor";
  r["reason"] = i % 3 == 0 ? "rule globex.codenames" : "default";
  r["upstream"] = i % 3 == 0 ? "local" : "openai";
  r["upstream_model"] = i % 3 == 0 ? "llama3.1:8b" : "gpt-4o";
  json::array rules;
  if (i % 3 == 0) {
    rules.push_back(json::object{{"id", "globex.codenames"},
                                 {"category", "codename"},
                                 {"count", 2},
                                 {"handling", "internal"}});
  }
  r["rules"] = std::move(rules);
  r["policy"] = json::object{{"name", "globex-data-classification"},
                             {"version", "2026.11.1"},
                             {"sha256", std::string(64, 'c')}};
  r["prompt"] =
      json::object{{"bytes", 812 + i % 100}, {"segments", 2}, {"hmac", std::string(64, 'd')}};
  return r;
}

class Waiter {
 public:
  audit::AuditSink::Done callback() {
    return [this](bool) {
      std::lock_guard lock(mutex_);
      ++done_;
      cv_.notify_all();
    };
  }
  void wait_for(std::int64_t n) {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return done_ >= n; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::int64_t done_ = 0;
};

fs::path temp_dir() {
  std::string pattern = (fs::temp_directory_path() / "switchyard-bench-audit-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

audit::AuditConfig config_for(const fs::path& path, audit::FsyncMode mode) {
  ::setenv(kKeyEnv, kKey, 1);
  audit::AuditConfig config;
  config.path = path.string();
  config.hmac_key_env = kKeyEnv;
  config.fsync = mode;
  config.rotate_bytes = 0;
  config.rotate_daily = false;
  config.queue_capacity = 1 << 20;
  return config;
}

// Appends from the benchmark thread as fast as it can; the writer thread does the rest. Items are
// records made durable per the mode; the time includes waiting for the last done().
void BM_SinkAppend(benchmark::State& state) {
  const auto mode = static_cast<audit::FsyncMode>(state.range(0));
  const fs::path dir = temp_dir();
  auto sink = audit::make_file_audit_sink(config_for(dir / "audit.jsonl", mode));
  std::vector<json::object> records;
  for (int i = 0; i < 1000; ++i) records.push_back(decision(i));
  Waiter waiter;
  std::int64_t sent = 0;
  for (auto _ : state) {
    for (const auto& record : records) sink->append(record, waiter.callback());
    sent += static_cast<std::int64_t>(records.size());
    waiter.wait_for(sent);
  }
  state.SetItemsProcessed(sent);
  sink->close();
  fs::remove_all(dir);
}
BENCHMARK(BM_SinkAppend)
    ->Arg(static_cast<int>(audit::FsyncMode::kNever))
    ->Arg(static_cast<int>(audit::FsyncMode::kBatch))
    ->ArgName("fsync_mode")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// The proxy's path: records handed over already serialized (append_serialized, no DOM on either
// side of the queue). The bodies are made once, outside the timing, as decision() would serialize.
void BM_SinkAppendSerialized(benchmark::State& state) {
  const auto mode = static_cast<audit::FsyncMode>(state.range(0));
  const fs::path dir = temp_dir();
  auto sink = audit::make_file_audit_sink(config_for(dir / "audit.jsonl", mode));
  std::vector<std::string> bodies;
  for (int i = 0; i < 1000; ++i) {
    json::object record = decision(i);
    record.erase("event");
    bodies.push_back(json::serialize(record));
  }
  Waiter waiter;
  std::int64_t sent = 0;
  for (auto _ : state) {
    for (const auto& body : bodies)
      sink->append_serialized("decision", body, false, waiter.callback());
    sent += static_cast<std::int64_t>(bodies.size());
    waiter.wait_for(sent);
  }
  state.SetItemsProcessed(sent);
  sink->close();
  fs::remove_all(dir);
}
BENCHMARK(BM_SinkAppendSerialized)
    ->Arg(static_cast<int>(audit::FsyncMode::kNever))
    ->Arg(static_cast<int>(audit::FsyncMode::kBatch))
    ->ArgName("fsync_mode")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// One record at a time, waiting for its done(): the latency a request sees in each mode.
void BM_SinkRoundTrip(benchmark::State& state) {
  const auto mode = static_cast<audit::FsyncMode>(state.range(0));
  const fs::path dir = temp_dir();
  auto sink = audit::make_file_audit_sink(config_for(dir / "audit.jsonl", mode));
  const json::object record = decision(1);
  Waiter waiter;
  std::int64_t sent = 0;
  for (auto _ : state) {
    sink->append(record, waiter.callback());
    waiter.wait_for(++sent);
  }
  state.SetItemsProcessed(sent);
  sink->close();
  fs::remove_all(dir);
}
BENCHMARK(BM_SinkRoundTrip)
    ->Arg(static_cast<int>(audit::FsyncMode::kAlways))
    ->Arg(static_cast<int>(audit::FsyncMode::kBatch))
    ->Arg(static_cast<int>(audit::FsyncMode::kNever))
    ->ArgName("fsync_mode")
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

// A log written once by the real sink (fsync never), kept in memory for the verifier runs.
const std::string& sample_log() {
  static const std::string text = [] {
    std::size_t megabytes = 16;  // small for the smoke run; the figures use 64
    if (const char* mb = std::getenv("SWITCHYARD_BENCH_AUDIT_MB")) {
      megabytes = std::strtoull(mb, nullptr, 10);
    }
    const fs::path dir = temp_dir();
    const fs::path path = dir / "audit.jsonl";
    {
      auto sink = audit::make_file_audit_sink(config_for(path, audit::FsyncMode::kNever));
      Waiter waiter;
      const std::size_t records = megabytes * (1u << 20) / 620;
      for (std::size_t i = 0; i < records; ++i) {
        sink->append(decision(static_cast<int>(i)), waiter.callback());
        if (i % 4096 == 4095) waiter.wait_for(static_cast<std::int64_t>(i + 1));  // bounded queue
      }
      waiter.wait_for(static_cast<std::int64_t>(records));
      sink->close();
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    fs::remove_all(dir);
    return out.str();
  }();
  return text;
}

void BM_Verify(benchmark::State& state) {
  const std::string& text = sample_log();
  const std::vector<audit::LogFile> files = {{"audit.jsonl", text}};
  audit::VerifyKeys keys;
  keys.fallback = kKey;
  for (auto _ : state) {
    const auto summary = audit::verify_logs(files, keys);
    if (!summary.ok) state.SkipWithError("the sample log does not verify");
    benchmark::DoNotOptimize(summary.records);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["log_MB"] = static_cast<double>(text.size()) / (1 << 20);
}
BENCHMARK(BM_Verify)->Unit(benchmark::kMillisecond)->UseRealTime();

// The join behind query/summary/report (a full JSON parse per line).
void BM_JoinRequests(benchmark::State& state) {
  const std::string& text = sample_log();
  const std::vector<audit::LogFile> files = {{"audit.jsonl", text}};
  for (auto _ : state) {
    const auto joined = audit::join_requests(files);
    benchmark::DoNotOptimize(joined.rows.size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_JoinRequests)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
