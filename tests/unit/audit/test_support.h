// Helpers for the audit tests: a temporary directory, the audit key in the environment, a waiter
// for done() callbacks, file and line helpers, and a sink that writes a small sample log.
#pragma once

#include <stdlib.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "audit/reader.h"
#include "audit/sink.h"

namespace switchyard::testing {

namespace fs = std::filesystem;

inline constexpr char kTestKeyEnv[] = "SWITCHYARD_AUDIT_TEST_KEY";
inline constexpr char kTestKey[] = "test-audit-key-0123456789abcdef-0123456789abcdef";
// An upper bound for awaited events; tests never assert on time.
inline constexpr std::chrono::seconds kWait{30};

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "switchyard-audit-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

class ScopedKey {
 public:
  explicit ScopedKey(const char* value = kTestKey) { ::setenv(kTestKeyEnv, value, 1); }
  ~ScopedKey() { ::unsetenv(kTestKeyEnv); }
};

// Collects done() results and lets the test wait for a number of them.
class DoneWaiter {
 public:
  audit::AuditSink::Done callback() {
    return [this](bool durable) {
      std::lock_guard lock(mutex_);
      (durable ? durable_ : failed_) += 1;
      cv_.notify_all();
    };
  }
  bool wait_for(int total) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, kWait, [&] { return durable_ + failed_ >= total; });
  }
  int durable() const {
    std::lock_guard lock(mutex_);
    return durable_;
  }
  int failed() const {
    std::lock_guard lock(mutex_);
    return failed_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  int durable_ = 0;
  int failed_ = 0;
};

inline std::string read_raw(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The written part of an audit file, as every reader sees it: a live file ends in zero-filled
// space (audit/zero_fill.h).
inline std::string read_file(const fs::path& path) {
  std::string text = read_raw(path);
  const auto last = text.find_last_not_of('\0');
  text.resize(last == std::string::npos ? 0 : last + 1);
  return text;
}

inline void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Complete lines (without their newline); a final piece without newline is included as is.
inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

inline audit::AuditConfig test_config(const fs::path& path) {
  audit::AuditConfig config;
  config.path = path.string();
  config.hmac_key_env = kTestKeyEnv;
  config.key_id = "test1";
  config.fsync = audit::FsyncMode::kBatch;
  config.rotate_daily = false;
  config.rotate_bytes = 0;
  return config;
}

// A decision record as the proxy writes it (design section 6).
inline boost::json::object decision_record(int i) {
  boost::json::object r;
  r["event"] = "decision";
  r["request_id"] = "req-" + std::to_string(i);
  r["client"] = "app-" + std::to_string(i % 3);
  r["api"] = "openai";
  r["model"] = "gpt-4o";
  r["stream"] = i % 2 == 0;
  r["handling"] = i % 4 == 0 ? "block" : (i % 4 == 1 ? "internal" : "vendor");
  r["level"] = i % 4 == 0 ? "restricted" : "public";
  r["upstream"] = i % 4 == 1 ? "local" : "openai";
  r["upstream_model"] = "gpt-4o";
  boost::json::array rules;
  if (i % 4 != 2) {
    rules.push_back(boost::json::object{{"id", i % 4 == 0 ? "secrets.aws_key" : "globex.codenames"},
                                        {"category", i % 4 == 0 ? "secret" : "codename"},
                                        {"count", 1}});
  }
  r["rules"] = std::move(rules);
  r["policy"] = boost::json::object{{"name", "globex"}, {"version", "2026.11.1"}, {"sha256", "ab"}};
  r["prompt"] = boost::json::object{{"bytes", 100 + i}, {"hmac", "00"}};
  return r;
}

inline boost::json::object outcome_record(int i) {
  boost::json::object r;
  r["event"] = "outcome";
  r["request_id"] = "req-" + std::to_string(i);
  r["status"] = i % 4 == 0 ? 403 : 200;
  if (i % 4 == 0) r["error"] = "policy_blocked";
  r["usage"] = boost::json::object{{"input_tokens", 10 + i}, {"output_tokens", 5}};
  r["latency_ms"] = 12.5;
  r["upstream_ms"] = 11.0;
  r["overhead_ms"] = 1.5;
  return r;
}

// Writes `requests` decision+outcome pairs through a sink and closes it.
inline void write_sample_log(const audit::AuditConfig& config, int requests, int first = 0) {
  auto sink = audit::make_file_audit_sink(config);
  DoneWaiter waiter;
  for (int i = first; i < first + requests; ++i) {
    sink->append(decision_record(i), waiter.callback());
    sink->append(outcome_record(i), waiter.callback());
  }
  waiter.wait_for(2 * requests);
  sink->close();
}

inline audit::VerifyKeys test_keys(const std::string& key = kTestKey) {
  audit::VerifyKeys keys;
  keys.fallback = key;
  return keys;
}

inline audit::VerifySummary verify_texts(const std::vector<std::string>& texts,
                                         const std::string& key = kTestKey) {
  std::vector<audit::LogFile> files;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    files.push_back({"file" + std::to_string(i + 1) + ".jsonl", texts[i]});
  }
  return audit::verify_logs(files, test_keys(key));
}

}  // namespace switchyard::testing
