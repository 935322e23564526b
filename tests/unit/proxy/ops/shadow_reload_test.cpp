// The live and the shadow policy as one pair: PolicyStore hands out both from one pointer, a reload
// swaps both or neither (a broken shadow keeps the old pair, good live change included), the
// reload's audit record names both, and the shadow metric appears once a pair was counted.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "admin_fake_audit_sink.h"
#include "metrics_prometheus_parser.h"
#include "proxy/ops/policy_reloader.h"

namespace switchyard::proxy {
namespace {

namespace fs = std::filesystem;
using testing::PromText;

std::string policy_text(const std::string& name, const std::string& version, bool failing = false) {
  return "policy: " + name + "\nversion: \"" + version + "\"\nrules:\n  - id: " + name +
         ".kestrel\n    level: confidential\n"
         "    keywords: [\"Kestrel\"]\ntests:\n  - text: \"Kestrel\"\n    expect: " +
         (failing ? "vendor" : "internal") + "\n";
}

class ShadowReloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("switchyard_shadow_reload_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write(live(), policy_text("live", "1"));
    write(shadow(), policy_text("shadow", "s1"));
    store_.emplace(live(), policy::Policy::load_file(live()), shadow(),
                   policy::Policy::load_file(shadow()));
    ReloaderOptions options;
    options.handle_sighup = false;
    options.use_inotify = false;
    reloader_.emplace(*store_, &audit_, metrics_, options);
  }
  void TearDown() override {
    reloader_.reset();
    fs::remove_all(dir_);
  }
  fs::path live() const { return dir_ / "live.yaml"; }
  fs::path shadow() const { return dir_ / "shadow.yaml"; }
  static void write(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::trunc) << text;
  }
  std::string versions() const {
    const auto pair = store_->pair();
    return pair->live->version() + "/" + pair->shadow->version();
  }

  fs::path dir_;
  Metrics metrics_;
  testing::FakeAuditSink audit_;
  std::optional<PolicyStore> store_;
  std::optional<PolicyReloader> reloader_;
};

TEST_F(ShadowReloadTest, CurrentSharesThePairSoTheShadowOutlivesASwap) {
  std::shared_ptr<const policy::Policy> held = store_->current();
  const policy::Policy* shadow_of_held = store_->pair()->shadow.get();
  write(shadow(), policy_text("shadow", "s2"));
  ASSERT_TRUE(reloader_->reload_now().ok);
  // The old pair lives as long as a request holds its live policy.
  EXPECT_EQ(held->version(), "1");
  EXPECT_EQ(shadow_of_held->version(), "s1");
  EXPECT_EQ(versions(), "1/s2");
}

TEST_F(ShadowReloadTest, ABrokenShadowHoldsBackAGoodLiveChangeUntilItIsFixed) {
  const auto before = store_->pair();
  write(live(), policy_text("live", "2"));
  write(shadow(), policy_text("shadow", "s2", true));
  ReloadResult result = reloader_->reload_now();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(store_->pair(), before);  // the very same pair: nothing swapped
  ASSERT_FALSE(result.errors.empty());
  EXPECT_TRUE(result.errors.front().starts_with(shadow().string() +
                                                ":8:5: tests[0]: expected vendor, got internal"))
      << result.errors.front();
  EXPECT_EQ(metrics_.policy_reloads(false), 1u);
  auto records = audit_.records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].at("result").as_string(), "failure");
  EXPECT_EQ(records[0].at("old_shadow_policy").at("version").as_string(), "s1");
  EXPECT_TRUE(records[0].at("new_shadow_policy").is_null());

  write(shadow(), policy_text("shadow", "s3"));
  result = reloader_->reload_now();
  ASSERT_TRUE(result.ok) << result.errors.front();
  EXPECT_EQ(versions(), "2/s3");
  EXPECT_EQ(result.new_version, "2");
  EXPECT_EQ(result.new_shadow_version, "s3");
  records = audit_.records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].at("new_policy").at("version").as_string(), "2");
  EXPECT_EQ(records[1].at("new_shadow_policy").at("version").as_string(), "s3");
  EXPECT_EQ(records[1].at("shadow_policy_file").as_string(), shadow().string());
}

TEST_F(ShadowReloadTest, ABrokenLiveKeepsTheOldShadowToo) {
  write(live(), "policy: [\n");
  write(shadow(), policy_text("shadow", "s2"));
  EXPECT_FALSE(reloader_->reload_now().ok);
  EXPECT_EQ(versions(), "1/s1");
}

TEST(ShadowMetrics, CountedByLiveAndShadowHandlingAndShownOnceUsed) {
  Metrics metrics;
  EXPECT_EQ(metrics.render().find("switchyard_shadow_decisions_total"), std::string::npos);
  metrics.count_shadow_decision(policy::Handling::kVendor, policy::Handling::kInternal);
  metrics.count_shadow_decision(policy::Handling::kVendor, policy::Handling::kInternal);
  metrics.count_shadow_decision(policy::Handling::kBlock, policy::Handling::kBlock);
  EXPECT_EQ(metrics.shadow_decisions(policy::Handling::kVendor, policy::Handling::kInternal), 2u);
  const PromText text = PromText::parse(metrics.render());
  EXPECT_EQ(
      text.value("switchyard_shadow_decisions_total", {{"live", "vendor"}, {"shadow", "internal"}}),
      2.0);
  EXPECT_EQ(
      text.value("switchyard_shadow_decisions_total", {{"live", "block"}, {"shadow", "block"}}),
      1.0);
  EXPECT_EQ(
      text.value("switchyard_shadow_decisions_total", {{"live", "internal"}, {"shadow", "vendor"}}),
      0.0);
}

}  // namespace
}  // namespace switchyard::proxy
