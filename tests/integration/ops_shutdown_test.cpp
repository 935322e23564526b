// SIGTERM under load, against the real binary: a stream in flight when the signal arrives finishes
// completely, new connections are refused while it drains, /readyz says draining, the process
// exits 0 and the audit file ends with a seal record that `switchyard audit verify` accepts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>

#include "ops_support.h"
#include "support/fake_upstream.h"

namespace switchyard::testing {
namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;
constexpr std::chrono::seconds kWait{30};
constexpr const char* kAuditKeyEnv = "SWITCHYARD_AUDIT_KEY=ops-test-key-0123456789abcdef";

bool connection_refused(unsigned short port) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
  return ec == boost::asio::error::connection_refused;
}

TEST(OpsShutdown, SigtermDrainsInFlightStreamsRefusesNewOnesAndSealsTheAudit) {
  const fs::path dir =
      fs::temp_directory_path() / ("switchyard_ops_shutdown_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path data = fs::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/proxy/ops/data";
  fs::copy_file(data / "reload_v1.yaml", dir / "reload_v1.yaml");
  fs::copy_file(data / "reload_pack.yaml", dir / "reload_pack.yaml");

  // The internal model streams two chunks; the second waits for the gate.
  FakeUpstream model;
  auto gate = model.make_gate();
  model.set_handler([gate](const RecordedRequest&) {
    ScriptedReply reply = sse(
        {"data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
         "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"},"
         "\"finish_reason\":null}]}\n\n",
         "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
         "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}"
         "\n\ndata: [DONE]\n\n"});
    reply.gate = gate;
    return reply;
  });
  std::ofstream(dir / "switchyard.yaml")
      << "listen: 127.0.0.1:0\n"
         "admin_listen: 127.0.0.1:0\n"
         "policy: reload_v1.yaml\n"
         "upstreams:\n"
         "  - { name: local, api: openai, base_url: \""
      << model.base_url()
      << "\", trust: internal }\n"
         "  - { name: vendor-mock, api: mock, trust: vendor }\n"
         "routes:\n"
         "  internal: local\n"
         "  vendor: { openai: vendor-mock, anthropic: vendor-mock }\n"
         "audit: { path: audit/audit.jsonl, fsync: always, hmac_key_env: SWITCHYARD_AUDIT_KEY }\n"
         "limits: { workers: 2, shutdown_grace_ms: 20000 }\n";

  ProxyProcess proxy({switchyard_binary(), "serve", "--config", (dir / "switchyard.yaml").string()},
                     {kAuditKeyEnv});
  const auto serving = proxy.wait_for_msg("switchyard serving", kWait);
  ASSERT_TRUE(serving) << proxy.all_stderr();
  const auto port = ProxyProcess::listen_port(*serving);
  const auto admin = proxy.wait_for_msg("admin listener started", kWait);
  ASSERT_TRUE(admin);
  const auto admin_port =
      static_cast<unsigned short>(std::stoi(ProxyProcess::field(*admin, "port")));
  HttpClient admin_client(admin_port);
  ASSERT_EQ(admin_client.get("/readyz").status, 200u);

  // A streaming request routed to the internal model; it is in flight once the model has it.
  auto in_flight = std::async(std::launch::async, [port] {
    HttpClient client(port);
    return client.request(http::verb::post, "/v1/chat/completions",
                          chat_body("Please review the Halcyon launch plan", true),
                          {{"content-type", "application/json"}});
  });
  ASSERT_TRUE(model.wait_for_requests(1, kWait));

  proxy.signal(SIGTERM);
  ASSERT_TRUE(proxy.wait_for_msg("shutting down: draining requests in flight", kWait))
      << proxy.all_stderr();

  // New connections are refused once every worker closed its listener (posted right after the log
  // line; each attempt is a real connect, no sleeping).
  bool refused = false;
  for (int attempt = 0; attempt < 100000 && !refused; ++attempt) refused = connection_refused(port);
  EXPECT_TRUE(refused) << "still accepting new connections while draining";
  // The admin listener stays up during the drain and says so.
  const HttpReply ready = HttpClient(admin_port).get("/readyz");
  EXPECT_EQ(ready.status, 503u);
  EXPECT_TRUE(boost::json::parse(ready.body).at("draining").as_bool()) << ready.body;

  // The request in flight is still running; let it finish.
  EXPECT_EQ(in_flight.wait_for(std::chrono::seconds(0)), std::future_status::timeout);
  gate->release(10);
  const HttpReply reply = in_flight.get();
  EXPECT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.header("x-switchyard-route"), "internal");
  EXPECT_NE(reply.body.find("\"Hel\""), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("\"lo\""), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("[DONE]"), std::string::npos) << reply.body;

  ASSERT_EQ(proxy.wait_exit(kWait), 0) << proxy.all_stderr();
  EXPECT_EQ(model.request_count(), 1u);

  // The audit file: the request's decision and outcome, then the seal as the very last record.
  std::vector<boost::json::object> records;
  std::istringstream audit(read_text(dir / "audit/audit.jsonl"));
  for (std::string line; std::getline(audit, line);) {
    records.push_back(boost::json::parse(line).as_object());
  }
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records.back().at("event").as_string(), "seal");
  std::size_t outcomes = 0;
  for (const auto& record : records) {
    if (record.at("event").as_string() == "outcome") {
      ++outcomes;
      EXPECT_EQ(record.at("status").as_int64(), 200);
    }
  }
  EXPECT_EQ(outcomes, 1u);

  ProxyProcess verify(
      {switchyard_binary(), "audit", "verify", (dir / "audit/audit.jsonl").string()},
      {kAuditKeyEnv});
  EXPECT_EQ(verify.wait_exit(kWait), 0) << verify.all_stderr();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace switchyard::testing
