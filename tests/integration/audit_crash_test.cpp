// The audit log against the real binary. kill -9 under load: every request that reached the
// upstream has a durable decision record, `switchyard audit verify` passes on what survived (a torn
// last line is a truncated tail, not tampering), and a restart continues the chain. A full disk:
// requests are refused with 503 audit_unavailable and nothing reaches the upstream.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "ops_support.h"
#include "support/fake_upstream.h"

namespace switchyard::testing {
namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;
constexpr std::chrono::seconds kWait{60};
constexpr const char* kKey = "crash-test-audit-key-0123456789abcdef";

ScriptedReply chat_reply() {
  ScriptedReply reply;
  reply.headers = {{"content-type", "application/json"}};
  reply.chunks = {
      R"({"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,)"
      R"("message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],)"
      R"("usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})"};
  return reply;
}

fs::path make_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path data = fs::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/proxy/ops/data";
  fs::copy_file(data / "reload_v1.yaml", dir / "reload_v1.yaml");
  fs::copy_file(data / "reload_pack.yaml", dir / "reload_pack.yaml");
  return dir;
}

// Both routes lead to the fake, so every forwarded request is seen there.
void write_config(const fs::path& dir, const std::string& base_url, const std::string& audit_path) {
  std::ofstream(dir / "switchyard.yaml")
      << "listen: 127.0.0.1:0\n"
         "admin_listen: 127.0.0.1:0\n"
         "policy: reload_v1.yaml\n"
         "upstreams:\n"
         "  - { name: local, api: openai, base_url: \""
      << base_url
      << "\", trust: internal }\n"
         "  - { name: vendor-mock, api: mock, trust: vendor }\n"
         "routes:\n"
         "  internal: local\n"
         "  vendor: { openai: vendor-mock, anthropic: vendor-mock }\n"
         "audit: { path: \""
      << audit_path << "\", fsync: batch, hmac_key_env: SWITCHYARD_AUDIT_KEY }\n"
      << "limits: { workers: 2 }\n";
}

struct Started {
  std::unique_ptr<ProxyProcess> process;
  unsigned short port = 0;
  unsigned short admin_port = 0;
};

Started start_proxy(const fs::path& dir) {
  Started s;
  s.process = std::make_unique<ProxyProcess>(
      std::vector<std::string>{switchyard_binary(), "serve", "--config",
                               (dir / "switchyard.yaml").string()},
      std::vector<std::string>{std::string("SWITCHYARD_AUDIT_KEY=") + kKey});
  const auto serving = s.process->wait_for_msg("switchyard serving", kWait);
  if (!serving) return s;
  s.port = ProxyProcess::listen_port(*serving);
  if (const auto admin = s.process->wait_for_msg("admin listener started", kWait)) {
    s.admin_port = static_cast<unsigned short>(std::stoi(ProxyProcess::field(*admin, "port")));
  }
  return s;
}

// Internal traffic (the policy keeps "Halcyon" internal) with a model name unique per request,
// which the decision record and the forwarded body both carry.
std::string body_for(const std::string& model) {
  boost::json::object body{
      {"model", model},
      {"messages", boost::json::array{boost::json::object{
                       {"role", "user"}, {"content", "Please review the Halcyon launch plan"}}}}};
  return boost::json::serialize(body);
}

ShellResult run_verify(const fs::path& target) {
  return run_shell("SWITCHYARD_AUDIT_KEY='" + std::string(kKey) + "' '" + switchyard_binary() +
                   "' audit verify '" + target.string() + "' 2>&1");
}

std::set<std::string> decision_models(const fs::path& audit_dir) {
  std::set<std::string> models;
  for (const auto& entry : fs::directory_iterator(audit_dir)) {
    std::istringstream in(read_text(entry.path()));
    std::string line;
    while (std::getline(in, line)) {
      boost::system::error_code ec;
      const auto value = boost::json::parse(line, ec);
      if (ec || !value.is_object()) continue;  // the torn tail
      const auto& o = value.as_object();
      if (o.at("event") == "decision") models.emplace(o.at("model").as_string());
    }
  }
  return models;
}

TEST(AuditCrash, KillNineUnderLoadLeavesADurableVerifiableLog) {
  const fs::path dir = make_dir("switchyard_audit_crash");
  FakeUpstream model;
  model.set_handler([](const RecordedRequest&) { return chat_reply(); });
  write_config(dir, model.base_url(), "audit/audit.jsonl");
  Started proxy = start_proxy(dir);
  ASSERT_NE(proxy.port, 0) << proxy.process->all_stderr();

  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      HttpClient client(proxy.port);
      for (int i = 0; !stop.load(); ++i) {
        try {
          client.request(http::verb::post, "/v1/chat/completions",
                         body_for("m-" + std::to_string(t) + "-" + std::to_string(i)),
                         {{"content-type", "application/json"}});
        } catch (const std::exception&) {
          return;  // the proxy is gone
        }
      }
    });
  }
  ASSERT_TRUE(model.wait_for_requests(60, kWait));
  proxy.process->signal(SIGKILL);
  proxy.process->wait_exit(kWait);
  stop.store(true);
  for (auto& client : clients) client.join();

  // Every request the upstream saw was audited first.
  const std::set<std::string> audited = decision_models(dir / "audit");
  std::size_t forwarded = 0;
  for (const auto& request : model.requests()) {
    const auto body = boost::json::parse(request.body).as_object();
    const std::string name(body.at("model").as_string());
    EXPECT_TRUE(audited.contains(name)) << name << " reached the upstream without a decision";
    ++forwarded;
  }
  EXPECT_GE(forwarded, 60u);
  EXPECT_GE(audited.size(), forwarded);

  const auto crashed = run_verify(dir / "audit");
  std::printf("verify after kill -9 (%zu requests forwarded):\n%s", forwarded,
              crashed.output.c_str());
  EXPECT_EQ(crashed.status, 0) << crashed.output;
  EXPECT_EQ(crashed.output.find("FAIL"), std::string::npos) << crashed.output;

  // A restart continues the chain; a clean stop seals it.
  Started again = start_proxy(dir);
  ASSERT_NE(again.port, 0) << again.process->all_stderr();
  HttpClient client(again.port);
  EXPECT_EQ(client
                .request(http::verb::post, "/v1/chat/completions", body_for("after-restart"),
                         {{"content-type", "application/json"}})
                .status,
            200u);
  again.process->signal(SIGTERM);
  EXPECT_EQ(again.process->wait_exit(kWait), 0);
  const auto restarted = run_verify(dir / "audit");
  std::printf("verify after the restart:\n%s", restarted.output.c_str());
  EXPECT_EQ(restarted.status, 0) << restarted.output;
  EXPECT_NE(restarted.output.find("OK"), std::string::npos) << restarted.output;
  EXPECT_EQ(restarted.output.find("not sealed"), std::string::npos) << restarted.output;
  fs::remove_all(dir);
}

TEST(AuditFault, FullDiskRefusesRequestsAndForwardsNothing) {
  const fs::path dir = make_dir("switchyard_audit_full");
  FakeUpstream model;
  model.set_handler([](const RecordedRequest&) { return chat_reply(); });
  write_config(dir, model.base_url(), "/dev/full");  // every write fails with ENOSPC
  Started proxy = start_proxy(dir);
  ASSERT_NE(proxy.port, 0) << proxy.process->all_stderr();
  HttpClient client(proxy.port);
  for (int i = 0; i < 3; ++i) {
    const auto reply = client.request(http::verb::post, "/v1/chat/completions",
                                      body_for("full-" + std::to_string(i)),
                                      {{"content-type", "application/json"}});
    EXPECT_EQ(reply.status, 503u) << reply.body;
    EXPECT_NE(reply.body.find("audit_unavailable"), std::string::npos) << reply.body;
  }
  EXPECT_EQ(model.request_count(), 0u);
  if (proxy.admin_port != 0) {
    HttpClient admin(proxy.admin_port);
    EXPECT_EQ(admin.get("/readyz").status, 503u);
  }
  fs::remove_all(dir);
}

TEST(AuditFault, UnwritableLocationStopsTheProxyAtStartupWithAClearMessage) {
  const fs::path dir = make_dir("switchyard_audit_unwritable");
  write_config(dir, "http://127.0.0.1:9", "/proc/switchyard-audit/audit.jsonl");
  ProxyProcess proxy({switchyard_binary(), "serve", "--config", (dir / "switchyard.yaml").string()},
                     {std::string("SWITCHYARD_AUDIT_KEY=") + kKey});
  const auto status = proxy.wait_exit(kWait);
  ASSERT_TRUE(status.has_value());
  EXPECT_NE(*status, 0);
  EXPECT_NE(proxy.all_stderr().find("/proc/switchyard-audit"), std::string::npos)
      << proxy.all_stderr();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace switchyard::testing
