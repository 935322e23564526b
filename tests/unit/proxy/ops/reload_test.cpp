// Hot policy reload against the real policy engine: a good change swaps; broken YAML, a failing
// policy test, an unknown key and a deleted include keep the old policy, and every attempt is
// counted and audited. The watcher sees in-place writes, editor renames, Kubernetes ConfigMap
// `..data` symlink swaps and SIGHUP; a request holding the old policy is unaffected.
// GCC 12 at -O1 with ASan reports a false -Wmaybe-uninitialized inside std::regex's std::function
// (clang, in the fuzz build, has no such warning and would reject the pragma).
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "proxy/ops/policy_reloader.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "admin_fake_audit_sink.h"
#include "metrics_prometheus_parser.h"

namespace switchyard::proxy {
namespace {

namespace fs = std::filesystem;
constexpr std::chrono::seconds kWait{20};  // an upper bound for awaited events, never asserted

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Writes through a temporary file and rename, like most editors and config management tools do.
void write_by_rename(const fs::path& file, const std::string& text) {
  const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".swp");
  std::ofstream(tmp) << text;
  fs::rename(tmp, file);
}

void write_in_place(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::trunc) << text;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "test data lacks: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class ReloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("switchyard_reload_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const fs::path data = fs::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/proxy/ops/data";
    v1_ = read(data / "reload_v1.yaml");
    pack_ = read(data / "reload_pack.yaml");
    std::ofstream(dir_ / "reload_v1.yaml") << v1_;
    std::ofstream(dir_ / "reload_pack.yaml") << pack_;
  }

  void TearDown() override {
    if (reloader_) reloader_->stop();
    reloader_.reset();
    fs::remove_all(dir_);
  }

  fs::path main_file() const { return dir_ / "reload_v1.yaml"; }

  void make_reloader(const fs::path& file, ReloaderOptions options = {}) {
    store_.emplace(file, policy::Policy::load_file(file));
    options.debounce = std::chrono::milliseconds(50);
    reloader_.emplace(*store_, &audit_, metrics_, std::move(options));
  }

  std::string version() const { return store_->current()->version(); }

  void expect_failure_kept_old(const ReloadResult& result, const std::string& error_pattern) {
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(version(), "1") << "the old policy must keep serving";
    ASSERT_FALSE(result.errors.empty());
    bool located = false;
    bool matched = false;
    for (const auto& error : result.errors) {
      // FILE:LINE:COL: at the start of at least one error line
      if (std::regex_search(error, std::regex(R"(\.yaml:\d+:\d+: )"))) located = true;
      if (std::regex_search(error, std::regex(error_pattern))) matched = true;
    }
    EXPECT_TRUE(located) << result.errors.front();
    EXPECT_TRUE(matched) << "no error matches /" << error_pattern << "/: " << result.errors.front();
    EXPECT_EQ(metrics_.policy_reloads(false), 1u);
    EXPECT_EQ(metrics_.policy_reloads(true), 0u);
    const auto records = audit_.records();
    ASSERT_EQ(records.size(), 1u);
    const auto& record = records[0];
    EXPECT_EQ(record.at("event").as_string(), "policy_reload");
    EXPECT_EQ(record.at("result").as_string(), "failure");
    EXPECT_FALSE(record.at("request_id").as_string().empty());
    EXPECT_EQ(record.at("old_policy").at("version").as_string(), "1");
    EXPECT_TRUE(record.at("new_policy").is_null());
    EXPECT_FALSE(record.at("error").as_string().empty());
  }

  fs::path dir_;
  std::string v1_, pack_;
  Metrics metrics_;
  testing::FakeAuditSink audit_;
  std::optional<PolicyStore> store_;
  std::optional<PolicyReloader> reloader_;
};

TEST_F(ReloadTest, ValidChangeSwapsAndIsAuditedAndCounted) {
  make_reloader(main_file());
  const std::string old_sha = store_->current()->sha256();
  write_by_rename(main_file(), replace(v1_, "version: \"1\"", "version: \"2\""));
  const ReloadResult result = reloader_->reload_now();
  ASSERT_TRUE(result.ok) << (result.errors.empty() ? "" : result.errors.front());
  EXPECT_EQ(version(), "2");
  EXPECT_EQ(result.old_version, "1");
  EXPECT_EQ(result.new_version, "2");
  EXPECT_NE(result.new_sha256, old_sha);
  EXPECT_EQ(metrics_.policy_reloads(true), 1u);
  const auto records = audit_.records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].at("event").as_string(), "policy_reload");
  EXPECT_EQ(records[0].at("result").as_string(), "success");
  EXPECT_EQ(records[0].at("trigger").as_string(), "manual");
  EXPECT_EQ(records[0].at("old_policy").at("sha256").as_string(), old_sha);
  EXPECT_EQ(records[0].at("new_policy").at("version").as_string(), "2");
  EXPECT_EQ(records[0].at("new_policy").at("sha256").as_string(), result.new_sha256);
  EXPECT_FALSE(records[0].contains("error"));

  // The info metric follows the serving policy.
  const auto text = testing::PromText::parse(metrics_.render());
  EXPECT_EQ(text.value("switchyard_policy_info", {{"name", "reload-test"}, {"version", "2"}}), 1.0);
}

TEST_F(ReloadTest, BrokenYamlKeepsTheOldPolicy) {
  make_reloader(main_file());
  write_in_place(main_file(), v1_ + "\nrules: [ {id: broken\n");
  expect_failure_kept_old(reloader_->reload_now(), "reload_v1\\.yaml");
}

TEST_F(ReloadTest, FailingPolicyTestKeepsTheOldPolicy) {
  make_reloader(main_file());
  // Claims the codename sentence goes to the vendor: the policy's own test fails.
  write_in_place(main_file(), replace(v1_, "the Halcyon launch plan\"\n    expect: internal",
                                      "the Halcyon launch plan\"\n    expect: vendor"));
  expect_failure_kept_old(reloader_->reload_now(), "expect|expected|vendor|internal");
}

TEST_F(ReloadTest, UnknownKeyKeepsTheOldPolicy) {
  make_reloader(main_file());
  write_in_place(main_file(),
                 replace(v1_, "category: codename", "category: codename\n    colour: blue"));
  expect_failure_kept_old(reloader_->reload_now(), "colour");
}

TEST_F(ReloadTest, DeletedIncludeKeepsTheOldPolicy) {
  make_reloader(main_file());
  fs::remove(dir_ / "reload_pack.yaml");
  expect_failure_kept_old(reloader_->reload_now(), "reload_pack\\.yaml");
}

TEST_F(ReloadTest, RequestHoldingTheOldPolicyIsUnaffected) {
  make_reloader(main_file());
  const std::shared_ptr<const policy::Policy> in_flight = store_->current();
  // v2 drops the codename rule (and its test).
  std::string v2 = replace(v1_, "version: \"1\"", "version: \"2\"");
  v2 = v2.substr(0, v2.find("rules:")) +
       "tests:\n  - text: \"the Halcyon launch plan\"\n    expect: vendor\n";
  write_by_rename(main_file(), v2);
  const ReloadResult result = reloader_->reload_now();
  ASSERT_TRUE(result.ok) << (result.errors.empty() ? "" : result.errors.front());
  EXPECT_EQ(store_->current()->classify("the Halcyon launch plan").handling,
            policy::Handling::kVendor);
  EXPECT_EQ(in_flight->version(), "1");
  EXPECT_EQ(in_flight->classify("the Halcyon launch plan").handling, policy::Handling::kInternal);
}

TEST_F(ReloadTest, RuleIdsOfTheNewPolicyAreRegisteredBeforeItServes) {
  make_reloader(main_file());
  reloader_->start();  // registers the initial policy
  metrics_.count_rule_match("reload.marker");
  EXPECT_EQ(metrics_.rule_matches("reload.marker"), 1u);
  write_by_rename(dir_ / "reload_pack.yaml",
                  replace(pack_, "id: reload.marker", "id: reload.marker2"));
  reloader_->stop();
  ASSERT_TRUE(reloader_->reload_now().ok);
  metrics_.count_rule_match("reload.marker2");
  EXPECT_EQ(metrics_.rule_matches("reload.marker2"), 1u);
  EXPECT_EQ(metrics_.rule_matches("_other"), 0u);
}

TEST_F(ReloadTest, WatcherReloadsOnAnInPlaceWrite) {
  ReloaderOptions options;
  options.poll_interval = std::chrono::hours(1);  // inotify alone
  make_reloader(main_file(), std::move(options));
  reloader_->start();
  write_in_place(main_file(), replace(v1_, "version: \"1\"", "version: \"2\""));
  ASSERT_TRUE(reloader_->wait_for_attempts(1, kWait));
  EXPECT_TRUE(reloader_->last_result().ok);
  EXPECT_EQ(reloader_->last_result().trigger, ReloadTrigger::kFileChange);
  EXPECT_EQ(version(), "2");
}

TEST_F(ReloadTest, WatcherReloadsWhenAnIncludedFileIsReplacedByRename) {
  ReloaderOptions options;
  options.poll_interval = std::chrono::hours(1);
  make_reloader(main_file(), std::move(options));
  reloader_->start();
  write_by_rename(dir_ / "reload_pack.yaml", replace(pack_, "version: \"1\"", "version: \"7\""));
  ASSERT_TRUE(reloader_->wait_for_attempts(1, kWait));
  EXPECT_TRUE(reloader_->last_result().ok);
  // A second edit after the rename is still seen (a file watch would have lost the inode).
  write_by_rename(main_file(), replace(v1_, "version: \"1\"", "version: \"3\""));
  ASSERT_TRUE(reloader_->wait_for_attempts(2, kWait));
  EXPECT_EQ(version(), "3");
}

TEST_F(ReloadTest, WatcherRecordsAFailureThenRecoversWhenFixed) {
  ReloaderOptions options;
  options.poll_interval = std::chrono::hours(1);
  make_reloader(main_file(), std::move(options));
  reloader_->start();
  fs::remove(dir_ / "reload_pack.yaml");
  ASSERT_TRUE(reloader_->wait_for_attempts(1, kWait));
  EXPECT_FALSE(reloader_->last_result().ok);
  EXPECT_EQ(version(), "1");
  std::ofstream(dir_ / "reload_pack.yaml") << replace(pack_, "version: \"1\"", "version: \"9\"");
  ASSERT_TRUE(reloader_->wait_for_attempts(2, kWait));
  EXPECT_TRUE(reloader_->last_result().ok);
  EXPECT_EQ(metrics_.policy_reloads(false), 1u);
  EXPECT_EQ(metrics_.policy_reloads(true), 1u);
  EXPECT_EQ(audit_.records().size(), 2u);
}

// The kubelet updates a ConfigMap volume by writing a new timestamped directory and renaming a
// `..data` symlink over the old one; the visible files are symlinks through `..data`.
TEST_F(ReloadTest, WatcherFollowsAConfigMapSymlinkSwap) {
  const fs::path mount = dir_ / "configmap";
  fs::create_directories(mount / "..2026_01_01_00_00_00.000000001");
  std::ofstream(mount / "..2026_01_01_00_00_00.000000001" / "reload_v1.yaml") << v1_;
  std::ofstream(mount / "..2026_01_01_00_00_00.000000001" / "reload_pack.yaml") << pack_;
  fs::create_directory_symlink("..2026_01_01_00_00_00.000000001", mount / "..data");
  fs::create_symlink("..data/reload_v1.yaml", mount / "reload_v1.yaml");
  fs::create_symlink("..data/reload_pack.yaml", mount / "reload_pack.yaml");

  ReloaderOptions options;
  options.poll_interval = std::chrono::hours(1);
  make_reloader(mount / "reload_v1.yaml", std::move(options));
  reloader_->start();

  const fs::path next = mount / "..2026_01_01_00_01_00.000000002";
  fs::create_directories(next);
  std::ofstream(next / "reload_v1.yaml") << replace(v1_, "version: \"1\"", "version: \"2\"");
  std::ofstream(next / "reload_pack.yaml") << pack_;
  fs::create_directory_symlink(next.filename(), mount / "..data_tmp");
  fs::rename(mount / "..data_tmp", mount / "..data");
  fs::remove_all(mount / "..2026_01_01_00_00_00.000000001");

  ASSERT_TRUE(reloader_->wait_for_attempts(1, kWait));
  EXPECT_TRUE(reloader_->last_result().ok);
  EXPECT_EQ(version(), "2");
}

TEST_F(ReloadTest, PollingFallbackWithoutInotify) {
  ReloaderOptions options;
  options.use_inotify = false;
  options.poll_interval = std::chrono::milliseconds(50);
  make_reloader(main_file(), std::move(options));
  reloader_->start();
  write_by_rename(main_file(), replace(v1_, "version: \"1\"", "version: \"4\""));
  ASSERT_TRUE(reloader_->wait_for_attempts(1, kWait));
  EXPECT_EQ(version(), "4");
}

TEST_F(ReloadTest, PollingFallbackSeesAnInPlaceEditThatKeepsSizeAndMtime) {
  // The poll compares contents only when a file's stat() moved: this edit keeps the inode, the
  // size and the mtime, so only the ctime tells (the periodic full comparison is off here).
  ReloaderOptions options;
  options.use_inotify = false;
  options.poll_interval = std::chrono::milliseconds(50);
  options.full_poll_every = 1000000;
  make_reloader(main_file(), std::move(options));
  reloader_->start();
  std::this_thread::sleep_for(std::chrono::milliseconds(120));  // a poll or two of the old file
  const auto mtime = fs::last_write_time(main_file());
  const auto inode = [&] {
    struct stat st {};
    ::stat(main_file().c_str(), &st);
    return st.st_ino;
  };
  const auto before = inode();
  const std::string v6 = replace(v1_, "version: \"1\"", "version: \"6\"");
  ASSERT_EQ(v6.size(), v1_.size());
  {
    std::fstream out(main_file(), std::ios::in | std::ios::out | std::ios::binary);
    out.write(v6.data(), static_cast<std::streamsize>(v6.size()));
  }
  fs::last_write_time(main_file(), mtime);
  ASSERT_EQ(inode(), before);
  ASSERT_TRUE(reloader_->wait_for_attempts(1, kWait));
  EXPECT_EQ(version(), "6");
}

TEST_F(ReloadTest, SighupTriggersAReload) {
  ReloaderOptions options;
  options.poll_interval = std::chrono::hours(1);
  options.use_inotify = false;  // only the signal can cause this reload
  make_reloader(main_file(), std::move(options));
  reloader_->start();
  write_in_place(main_file(), replace(v1_, "version: \"1\"", "version: \"5\""));
  ASSERT_EQ(::kill(::getpid(), SIGHUP), 0);
  ASSERT_TRUE(reloader_->wait_for_attempts(1, kWait));
  EXPECT_EQ(reloader_->last_result().trigger, ReloadTrigger::kSignal);
  EXPECT_EQ(version(), "5");
  EXPECT_EQ(audit_.records().at(0).at("trigger").as_string(), "signal");
}

TEST_F(ReloadTest, RequestReloadRunsOnTheWatcherThread) {
  ReloaderOptions options;
  options.poll_interval = std::chrono::hours(1);
  options.use_inotify = false;
  std::thread::id reload_thread;
  options.on_reload = [&](const ReloadResult&) { reload_thread = std::this_thread::get_id(); };
  make_reloader(main_file(), std::move(options));
  reloader_->start();
  reloader_->request_reload();
  ASSERT_TRUE(reloader_->wait_for_attempts(1, kWait));
  EXPECT_NE(reload_thread, std::this_thread::get_id());
  EXPECT_TRUE(reloader_->last_result().ok);
}

}  // namespace
}  // namespace switchyard::proxy
