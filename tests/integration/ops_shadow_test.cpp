// The shadow policy against the real binary: every decision record carries the shadow verdict
// while the route follows the live policy alone; the shadow metric counts live/shadow pairs;
// `audit summary --shadow` names the moves and their rules; and reloads swap the live and the
// shadow policy together or not at all (a broken shadow holds back a good live change, and no
// request ever sees a new live policy with an old shadow or the reverse, even under load). A
// shadow policy that does not load stops the start.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "ops_support.h"
#include "tests/unit/proxy/ops/metrics_prometheus_parser.h"

namespace switchyard::testing {
namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;
constexpr std::chrono::seconds kWait{30};  // upper bound for awaited events, never asserted
constexpr std::string_view kKey = "SWITCHYARD_AUDIT_KEY=ops-test-key-0123456789abcdef";

std::string shadow_policy(const std::string& version, bool failing_test = false) {
  return "policy: shadow-test\n"
         "version: \"" +
         version +
         "\"\n"
         "include: [reload_pack.yaml]\n"
         "rules:\n"
         "  - id: reload.codename\n"
         "    level: confidential\n"
         "    category: codename\n"
         "    keywords: [\"Halcyon\"]\n"
         "  - id: shadow.kestrel\n"
         "    level: confidential\n"
         "    category: codename\n"
         "    keywords: [\"Kestrel\"]\n"
         "tests:\n"
         "  - text: \"Kestrel\"\n"
         "    expect: " +
         std::string(failing_test ? "vendor" : "internal") + "\n";
}

void write_by_rename(const fs::path& file, const std::string& text) {
  const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".tmp");
  std::ofstream(tmp) << text;
  fs::rename(tmp, file);
}

class OpsShadowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("switchyard_ops_shadow_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "policies");
    const fs::path data = fs::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/proxy/ops/data";
    live_v1_ = read_text(data / "reload_v1.yaml");
    std::ofstream(dir_ / "policies/reload_v1.yaml") << live_v1_;
    std::ofstream(dir_ / "policies/reload_pack.yaml") << read_text(data / "reload_pack.yaml");
    std::ofstream(dir_ / "policies/shadow.yaml") << shadow_policy("s1");
    std::ofstream(dir_ / "switchyard.yaml") << "listen: 127.0.0.1:0\n"
                                               "admin_listen: 127.0.0.1:0\n"
                                               "policy: policies/reload_v1.yaml\n"
                                               "shadow_policy: policies/shadow.yaml\n"
                                            << kMockUpstreamsYaml
                                            << "audit:\n"
                                               "  path: audit/audit.jsonl\n"
                                               "  fsync: batch\n"
                                               "  hmac_key_env: SWITCHYARD_AUDIT_KEY\n"
                                               "limits: { workers: 2 }\n";
  }

  void start() {
    proxy_.emplace(std::vector<std::string>{switchyard_binary(), "serve", "--config",
                                            (dir_ / "switchyard.yaml").string()},
                   std::vector<std::string>{std::string(kKey), "SWITCHYARD_LOG_LEVEL=info"});
    const auto serving = proxy_->wait_for_msg("switchyard serving", kWait);
    ASSERT_TRUE(serving) << proxy_->all_stderr();
    EXPECT_EQ(ProxyProcess::field(*serving, "shadow_policy"), "shadow-test");
    port_ = ProxyProcess::listen_port(*serving);
    const auto admin = proxy_->wait_for_msg("admin listener started", kWait);
    ASSERT_TRUE(admin) << proxy_->all_stderr();
    admin_port_ = static_cast<unsigned short>(std::stoi(ProxyProcess::field(*admin, "port")));
  }

  void TearDown() override {
    if (proxy_) {
      proxy_->signal(SIGTERM);
      proxy_->wait_exit(kWait);
      proxy_.reset();
    }
    fs::remove_all(dir_);
  }

  // Sends one chat request; returns its route and request id.
  std::pair<std::string, std::string> send(std::string_view text) {
    HttpClient client(port_);
    const HttpReply reply = client.request(http::verb::post, "/v1/chat/completions",
                                           chat_body(text), {{"content-type", "application/json"}});
    EXPECT_EQ(reply.status, 200u) << reply.body;
    return {reply.header("x-switchyard-route"), reply.header("x-switchyard-request-id")};
  }

  // The decision records in the log, by request id (written durably before the reply).
  std::map<std::string, boost::json::object> decisions() {
    std::map<std::string, boost::json::object> out;
    std::istringstream in(read_audit_text(dir_ / "audit/audit.jsonl"));
    std::string line;
    while (std::getline(in, line)) {
      boost::system::error_code ec;
      auto v = boost::json::parse(line, ec);
      if (ec || !v.is_object() || v.at("event") != "decision") continue;
      out[std::string(v.at("request_id").as_string())] = v.as_object();
    }
    return out;
  }

  fs::path dir_;
  std::string live_v1_;
  std::optional<ProxyProcess> proxy_;
  unsigned short port_ = 0;
  unsigned short admin_port_ = 0;
};

TEST_F(OpsShadowTest, RecordsMetricsAndSummaryWithoutChangingTheRoute) {
  start();
  const auto [route, id] = send("Kestrel ships in May");
  EXPECT_EQ(route, "vendor");  // the shadow says internal; the live policy routes
  const auto [route2, id2] = send("the Halcyon plan");
  EXPECT_EQ(route2, "internal");
  const auto records = decisions();
  ASSERT_TRUE(records.contains(id));
  const auto& record = records.at(id);
  EXPECT_EQ(record.at("handling").as_string(), "vendor");
  const auto& shadow = record.at("shadow").as_object();
  EXPECT_EQ(shadow.at("handling").as_string(), "internal");
  EXPECT_EQ(shadow.at("level").as_string(), "confidential");
  EXPECT_EQ(shadow.at("policy").at("name").as_string(), "shadow-test");
  EXPECT_EQ(shadow.at("policy").at("version").as_string(), "s1");
  EXPECT_EQ(shadow.at("policy").at("sha256").as_string().size(), 64u);
  EXPECT_EQ(shadow.at("rules").at(0).at("id").as_string(), "shadow.kestrel");
  EXPECT_EQ(records.at(id2).at("shadow").at("handling").as_string(), "internal");

  HttpClient admin(admin_port_);
  const PromText text = PromText::parse(admin.get("/metrics").body);
  EXPECT_EQ(
      text.value("switchyard_shadow_decisions_total", {{"live", "vendor"}, {"shadow", "internal"}}),
      1.0);
  EXPECT_EQ(text.value("switchyard_shadow_decisions_total",
                       {{"live", "internal"}, {"shadow", "internal"}}),
            1.0);
  EXPECT_EQ(
      text.value("switchyard_shadow_decisions_total", {{"live", "vendor"}, {"shadow", "vendor"}}),
      0.0);

  const fs::path out = dir_ / "summary.txt";
  const std::string command = std::string(kKey) + " " + switchyard_binary() + " audit summary " +
                              (dir_ / "audit/audit.jsonl").string() + " --shadow > " +
                              out.string() + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << read_text(out);
  const std::string summary = read_text(out);
  EXPECT_NE(summary.find("2 of 2 requests judged by the shadow policy too (version s1)"),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("it would change 1 (50.0%)"), std::string::npos) << summary;
  EXPECT_NE(summary.find("vendor -> internal"), std::string::npos) << summary;
  EXPECT_NE(summary.find("shadow.kestrel"), std::string::npos) << summary;
}

TEST_F(OpsShadowTest, LiveAndShadowReloadTogetherOrNotAtAll) {
  start();
  const fs::path live = dir_ / "policies/reload_v1.yaml";
  const fs::path shadow = dir_ / "policies/shadow.yaml";
  auto versions = [&](const std::string& id) {
    const auto records = decisions();
    const auto& r = records.at(id);
    return std::string(r.at("policy").at("version").as_string()) + "/" +
           std::string(r.at("shadow").at("policy").at("version").as_string());
  };
  EXPECT_EQ(versions(send("x").second), "1/s1");

  // A shadow-only change reloads the pair.
  write_by_rename(shadow, shadow_policy("s2"));
  proxy_->signal(SIGHUP);
  ASSERT_TRUE(proxy_->wait_for_log(
      [](const auto& l) {
        return ProxyProcess::msg_of(l) == "policy reloaded" &&
               ProxyProcess::field(l, "shadow_version") == "s2";
      },
      kWait))
      << proxy_->all_stderr();
  EXPECT_EQ(versions(send("x").second), "1/s2");

  // A good live change with a shadow whose test fails: neither applies (shadow written first, so
  // no reload can ever see the good pair).
  write_by_rename(shadow, shadow_policy("s3", true));
  std::string live_v2 = live_v1_;
  live_v2.replace(live_v2.find("version: \"1\""), 12, "version: \"2\"");
  write_by_rename(live, live_v2);
  proxy_->signal(SIGHUP);
  ASSERT_TRUE(proxy_->wait_for_log(
      [](const auto& l) {
        return ProxyProcess::msg_of(l) == "policy reload error" &&
               ProxyProcess::field(l, "error").find("shadow.yaml:14:5: tests[0]") !=
                   std::string::npos;
      },
      kWait))
      << proxy_->all_stderr();
  EXPECT_EQ(versions(send("x").second), "1/s2");

  // Fixing the shadow applies both at once, while requests keep coming: every request sees one
  // pair or the other, never a mix.
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0};  // requests done, so the reload surely falls among them
  std::vector<std::string> ids;
  std::thread load([&] {
    HttpClient client(port_);
    while (!stop.load()) {
      const HttpReply reply =
          client.request(http::verb::post, "/v1/chat/completions", chat_body("Kestrel"),
                         {{"content-type", "application/json"}});
      if (reply.status == 200) ids.push_back(reply.header("x-switchyard-request-id"));
      answered.fetch_add(1);
    }
  });
  const auto wait_for_more_than = [&](int n) {
    for (int i = 0; i < 6000 && answered.load() <= n; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  };
  wait_for_more_than(0);  // the load runs before the change
  write_by_rename(shadow, shadow_policy("s4"));
  proxy_->signal(SIGHUP);
  const auto reloaded = proxy_->wait_for_log(
      [](const auto& l) {
        return ProxyProcess::msg_of(l) == "policy reloaded" &&
               ProxyProcess::field(l, "shadow_version") == "s4";
      },
      kWait);
  wait_for_more_than(answered.load());  // and after it
  const std::string after = send("x").second;
  stop = true;
  load.join();
  ASSERT_TRUE(reloaded) << proxy_->all_stderr();
  EXPECT_EQ(ProxyProcess::field(*reloaded, "new_version"), "2");
  EXPECT_EQ(versions(after), "2/s4");
  std::set<std::string> seen;
  for (const auto& id : ids) seen.insert(versions(id));
  for (const auto& pair : seen) EXPECT_TRUE(pair == "1/s2" || pair == "2/s4") << pair;
  EXPECT_FALSE(ids.empty());

  HttpClient admin(admin_port_);
  const PromText text = PromText::parse(admin.get("/metrics").body);
  EXPECT_GE(*text.value("switchyard_policy_reloads_total", {{"result", "failure"}}), 1.0);
  // The policy_reload records name both policies.
  bool audited = false;
  std::istringstream in(read_audit_text(dir_ / "audit/audit.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    auto v = boost::json::parse(line).as_object();
    if (v.at("event") != "policy_reload" || v.at("result") != "success") continue;
    const auto& shadow_record = v.at("new_shadow_policy");
    if (shadow_record.is_object() && shadow_record.at("version") == "s4") {
      audited = v.at("new_policy").at("version") == "2";
    }
  }
  EXPECT_TRUE(audited);
}

TEST_F(OpsShadowTest, AShadowPolicyThatFailsItsTestsStopsTheStart) {
  std::ofstream(dir_ / "policies/shadow.yaml") << shadow_policy("bad", true);
  ProxyProcess proxy(
      {switchyard_binary(), "serve", "--config", (dir_ / "switchyard.yaml").string()},
      {std::string(kKey)});
  const auto status = proxy.wait_exit(kWait);
  ASSERT_TRUE(status);
  EXPECT_EQ(*status, 1);
  EXPECT_NE(proxy.all_stderr().find("shadow.yaml:14:5: tests[0]: expected vendor, got internal"),
            std::string::npos)
      << proxy.all_stderr();
}

}  // namespace
}  // namespace switchyard::testing
