// Operations, end to end against the real binary: /metrics scraped and parsed after real traffic;
// hot reload under load with a valid change, broken YAML, a failing policy test, an unknown key and
// a deleted include (the old policy keeps serving each time, the new one serves after a good
// change, and no request fails during any swap); every attempt counted and audited.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "ops_support.h"
#include "tests/unit/proxy/ops/metrics_prometheus_parser.h"

namespace switchyard::testing {
namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;
constexpr std::chrono::seconds kWait{30};  // upper bound for awaited events, never asserted

constexpr std::string_view kCodename = "Please review the Halcyon launch plan";
constexpr std::string_view kPlain = "Summarize a public press release";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("test data lacks: " + from);
  text.replace(at, from.size(), to);
  return text;
}

void write_by_rename(const fs::path& file, const std::string& text) {
  const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".tmp");
  std::ofstream(tmp) << text;
  fs::rename(tmp, file);
}

class OpsReloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // No pseudonym key: the proxy serves these policies without one (none pseudonymizes).
    ::unsetenv("SWITCHYARD_PSEUDONYM_KEY");
    dir_ = fs::temp_directory_path() / ("switchyard_ops_reload_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "policies");
    const fs::path data = fs::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/proxy/ops/data";
    v1_ = read_text(data / "reload_v1.yaml");
    pack_ = read_text(data / "reload_pack.yaml");
    // v2: the codename rule is gone, so codename text goes to the vendor.
    v2_ = replace(v1_, "version: \"1\"", "version: \"2\"");
    v2_ = v2_.substr(0, v2_.find("rules:")) +
          "tests:\n  - text: \"the Halcyon launch plan\"\n    expect: vendor\n";
    std::ofstream(policy()) << v1_;
    std::ofstream(dir_ / "policies/reload_pack.yaml") << pack_;
    std::ofstream(dir_ / "switchyard.yaml") << "listen: 127.0.0.1:0\n"
                                               "admin_listen: 127.0.0.1:0\n"
                                               "policy: policies/reload_v1.yaml\n"
                                            << kMockUpstreamsYaml
                                            << "audit:\n"
                                               "  path: audit/audit.jsonl\n"
                                               "  fsync: batch\n"
                                               "  hmac_key_env: SWITCHYARD_AUDIT_KEY\n"
                                               "limits: { workers: 2 }\n";
    proxy_.emplace(std::vector<std::string>{switchyard_binary(), "serve", "--config",
                                            (dir_ / "switchyard.yaml").string()},
                   std::vector<std::string>{"SWITCHYARD_AUDIT_KEY=ops-test-key-0123456789abcdef",
                                            "SWITCHYARD_LOG_LEVEL=info"});
    const auto serving = proxy_->wait_for_msg("switchyard serving", kWait);
    ASSERT_TRUE(serving) << proxy_->all_stderr();
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

  fs::path policy() const { return dir_ / "policies/reload_v1.yaml"; }

  std::string route_of(std::string_view text) {
    HttpClient client(port_);
    const HttpReply reply = client.request(http::verb::post, "/v1/chat/completions",
                                           chat_body(text), {{"content-type", "application/json"}});
    EXPECT_EQ(reply.status, 200u) << reply.body;
    return reply.header("x-switchyard-route");
  }

  PromText scrape() {
    HttpClient admin(admin_port_);
    const HttpReply reply = admin.get("/metrics");
    EXPECT_EQ(reply.status, 200u);
    EXPECT_TRUE(reply.header("content-type").starts_with("text/plain; version=0.0.4"));
    return PromText::parse(reply.body);
  }

  // Counters move when a request's context ends, just after its reply was written: scrape until the
  // exposition satisfies `ready` (bounded; nothing to await from outside the process).
  PromText scrape_until(const std::function<bool(const PromText&)>& ready) {
    PromText text = scrape();
    for (int i = 0; i < 2000 && !ready(text); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      text = scrape();
    }
    return text;
  }

  // Waits for the n-th (1-based) log line with this message.
  void await_log(std::string_view msg, std::size_t nth) {
    ASSERT_TRUE(proxy_->wait_for_msg(msg, kWait, nth - 1)) << "no " << nth << "th '" << msg << "'\n"
                                                           << proxy_->all_stderr();
  }

  fs::path dir_;
  std::string v1_, v2_, pack_;
  std::optional<ProxyProcess> proxy_;
  unsigned short port_ = 0;
  unsigned short admin_port_ = 0;
};

TEST_F(OpsReloadTest, MetricsScrapeParsesAndCountsRealTraffic) {
  EXPECT_EQ(route_of(kCodename), "internal");
  EXPECT_EQ(route_of(kPlain), "vendor");
  EXPECT_EQ(route_of(kPlain), "vendor");
  const PromText text = scrape_until(
      [](const PromText& t) { return t.value("switchyard_proxy_overhead_seconds_count") == 3.0; });
  EXPECT_EQ(text.value("switchyard_requests_total",
                       {{"api", "openai.chat"}, {"handling", "internal"}, {"status", "2xx"}}),
            1.0);
  EXPECT_EQ(text.value("switchyard_requests_total",
                       {{"api", "openai.chat"}, {"handling", "vendor"}, {"status", "2xx"}}),
            2.0);
  EXPECT_EQ(text.value("switchyard_rule_matches_total", {{"rule_id", "reload.codename"}}), 1.0);
  EXPECT_EQ(text.value("switchyard_rule_matches_total", {{"rule_id", "reload.marker"}}), 0.0);
  EXPECT_EQ(text.value("switchyard_policy_info", {{"name", "reload-test"}, {"version", "1"}}), 1.0);
  EXPECT_EQ(*text.value("switchyard_proxy_overhead_seconds_count"), 3.0);
  ASSERT_NE(text.family("switchyard_upstream_latency_seconds"), nullptr);
  EXPECT_EQ(text.value("switchyard_audit_failures_total"), 0.0);
  // An unknown path is counted without an API.
  HttpClient client(port_);
  EXPECT_EQ(client.request(http::verb::post, "/v1/nope", "{}").status, 404u);
  const std::map<std::string, std::string> not_found = {
      {"api", "none"}, {"handling", "none"}, {"status", "4xx"}};
  EXPECT_EQ(scrape_until([&](const PromText& t) {
              return t.value("switchyard_requests_total", not_found).has_value();
            }).value("switchyard_requests_total", not_found),
            1.0);

  HttpClient admin(admin_port_);
  EXPECT_EQ(admin.get("/healthz").status, 200u);
  const HttpReply ready = admin.get("/readyz");
  EXPECT_EQ(ready.status, 200u) << ready.body;
  const auto body = boost::json::parse(ready.body).as_object();
  EXPECT_EQ(body.at("policy").at("version").as_string(), "1");
  EXPECT_TRUE(body.at("audit").at("writable").as_bool());
}

// Policy is law, and fail closed: a reload that brings in a pseudonymizing rule while the proxy
// has no pseudonym key fails, and the old policy keeps serving (it could not make placeholders, so
// the values would otherwise have to go somewhere they may not).
TEST_F(OpsReloadTest, ReloadThatPseudonymizesWithoutAKeyKeepsTheOldPolicy) {
  ASSERT_EQ(route_of(kCodename), "internal");  // v1
  const std::string rule =
      "  - id: reload.mail\n"
      "    description: Mail addresses as placeholders\n"
      "    level: internal\n"
      "    category: email\n"
      "    regex: '[a-z]+@example\\.org'\n"
      "    handling: pseudonymize\n";
  write_by_rename(policy(), replace(replace(v1_, "version: \"1\"", "version: \"4\""),
                                    "tests:", rule + "tests:"));
  await_log("policy reload failed; the previous policy keeps serving", 1);
  EXPECT_THAT(proxy_->all_stderr(), ::testing::HasSubstr("no pseudonym key is loaded"));
  EXPECT_EQ(route_of(kCodename), "internal");  // still v1
  EXPECT_EQ(scrape().value("switchyard_policy_info", {{"version", "1"}}), 1.0);
}

TEST_F(OpsReloadTest, ReloadUnderLoadKeepsServingThroughEveryFailure) {
  // Load: two clients on keep-alive connections, alternating codename and plain text. Any non-200
  // or connection failure during the swaps fails the test.
  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> sent{0}, failed{0};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> load;
  for (int t = 0; t < 2; ++t) {
    load.emplace_back([&, t] {
      HttpClient client(port_);
      for (std::uint64_t i = 0; !stop.load(); ++i) {
        try {
          const HttpReply reply = client.request(http::verb::post, "/v1/chat/completions",
                                                 chat_body((i + t) % 2 ? kCodename : kPlain),
                                                 {{"content-type", "application/json"}});
          if (reply.status != 200) {
            ++failed;
            std::lock_guard lock(failures_mutex);
            failures.push_back(std::to_string(reply.status) + " " + reply.body);
          }
        } catch (const std::exception& e) {
          ++failed;
          std::lock_guard lock(failures_mutex);
          failures.push_back(e.what());
        }
        ++sent;
      }
    });
  }

  std::size_t successes = 0, failures_seen = 0;
  auto good = [&](const std::string& content, const std::string& expect_version) {
    write_by_rename(policy(), content);
    await_log("policy reloaded", ++successes);
    EXPECT_EQ(boost::json::parse(HttpClient(admin_port_).get("/readyz").body)
                  .at("policy")
                  .at("version")
                  .as_string(),
              expect_version);
  };
  auto bad = [&](const std::function<void()>& break_it, const std::string& what) {
    SCOPED_TRACE(what);
    break_it();
    await_log("policy reload failed; the previous policy keeps serving", ++failures_seen);
    // v2 is still serving: codename text goes to the vendor.
    EXPECT_EQ(route_of(kCodename), "vendor");
    const PromText text = scrape();
    EXPECT_EQ(text.value("switchyard_policy_reloads_total", {{"result", "failure"}}),
              double(failures_seen));
    EXPECT_EQ(text.value("switchyard_policy_info", {{"version", "2"}}), 1.0);
  };

  ASSERT_EQ(route_of(kCodename), "internal");  // v1
  good(v2_, "2");
  EXPECT_EQ(route_of(kCodename), "vendor");

  bad([&] { write_by_rename(policy(), v2_ + "\nrules: [ {id: broken\n"); }, "broken YAML");
  good(v2_ + "\n", "2");
  bad([&] { write_by_rename(policy(), replace(v2_, "expect: vendor", "expect: internal")); },
      "failing policy test");
  good(v2_, "2");
  bad(
      [&] {
        write_by_rename(policy(), replace(v2_, "version: \"2\"", "version: \"2\"\ncolour: blue"));
      },
      "unknown key");
  good(v2_ + "\n", "2");
  bad([&] { fs::remove(dir_ / "policies/reload_pack.yaml"); }, "deleted include");
  // Restoring the include is itself a change: back to v2, then on to v3 (the rule is back).
  std::ofstream(dir_ / "policies/reload_pack.yaml") << pack_;
  await_log("policy reloaded", ++successes);
  good(replace(v1_, "version: \"1\"", "version: \"3\""), "3");
  EXPECT_EQ(route_of(kCodename), "internal");

  stop.store(true);
  for (auto& thread : load) thread.join();
  EXPECT_GT(sent.load(), 0u);
  std::printf("[ ops ] %llu requests during 10 reload attempts, %llu failed\n",
              static_cast<unsigned long long>(sent.load()),
              static_cast<unsigned long long>(failed.load()));
  EXPECT_EQ(failed.load(), 0u) << (failures.empty() ? "" : failures.front());

  const PromText text = scrape();
  EXPECT_EQ(text.value("switchyard_policy_reloads_total", {{"result", "success"}}),
            double(successes));
  EXPECT_EQ(text.value("switchyard_policy_reloads_total", {{"result", "failure"}}), 4.0);
  EXPECT_EQ(text.value("switchyard_policy_info", {{"version", "3"}}), 1.0);

  // Every attempt is in the audit log, in order, after a clean shutdown.
  proxy_->signal(SIGTERM);
  ASSERT_EQ(proxy_->wait_exit(kWait), 0) << proxy_->all_stderr();
  proxy_.reset();
  std::vector<std::string> results;
  std::istringstream audit(read_text(dir_ / "audit/audit.jsonl"));
  for (std::string line; std::getline(audit, line);) {
    const auto record = boost::json::parse(line).as_object();
    if (record.at("event").as_string() == "policy_reload") {
      results.emplace_back(record.at("result").as_string());
      if (results.back() == "failure") {
        EXPECT_FALSE(record.at("error").as_string().empty());
        EXPECT_EQ(record.at("old_policy").at("version").as_string(), "2");
      }
    }
  }
  const std::vector<std::string> expected = {"success", "failure", "success", "failure", "success",
                                             "failure", "success", "failure", "success", "success"};
  EXPECT_EQ(results, expected);
}

}  // namespace
}  // namespace switchyard::testing
