// The admin listener over real sockets with a Beast client: /healthz, /readyz (policy, audit,
// upstream probes, draining) and /metrics in Prometheus text.
#include "proxy/ops/admin_server.h"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "admin_fake_audit_sink.h"
#include "integration/support/refusing_port.h"
#include "metrics_prometheus_parser.h"

namespace switchyard::proxy {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct Reply {
  unsigned status = 0;
  std::string content_type;
  std::string content_length;
  std::string body;
};

http::request<http::string_body> make_request(std::string_view target, http::verb verb) {
  http::request<http::string_body> request{verb, target, 11};
  request.set(http::field::host, "127.0.0.1");
  request.keep_alive(true);
  request.prepare_payload();
  return request;
}

Reply read_reply(tcp::socket& socket, beast::flat_buffer& buffer, bool head = false) {
  http::response_parser<http::string_body> parser;
  parser.skip(head);
  http::read(socket, buffer, parser);
  auto response = parser.release();
  return {response.result_int(), std::string(response[http::field::content_type]),
          std::string(response[http::field::content_length]), response.body()};
}

Reply fetch(unsigned short port, std::string_view target, http::verb verb = http::verb::get) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  http::write(socket, make_request(target, verb));
  beast::flat_buffer buffer;
  return read_reply(socket, buffer, verb == http::verb::head);
}

class AdminServerTest : public ::testing::Test {
 protected:
  void start(ReadinessSources sources) {
    server_.emplace(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0), metrics_,
                    std::move(sources));
    server_->start();
    runner_ = std::thread([this] { io_.run(); });
  }

  void TearDown() override {
    if (server_) server_->stop();
    work_.reset();
    if (runner_.joinable()) runner_.join();
  }

  unsigned short port() const { return server_->port(); }

  // A store holding a real policy, so that readiness depends on what a test varies.
  PolicyStore* loaded_policy() {
    const auto file =
        std::filesystem::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/proxy/ops/data/reload_v1.yaml";
    store_.emplace(file, policy::Policy::load_file(file));
    return &*store_;
  }

  boost::json::object readyz(unsigned* status = nullptr) {
    const Reply reply = fetch(port(), "/readyz");
    if (status) *status = reply.status;
    EXPECT_EQ(reply.content_type, "application/json");
    return boost::json::parse(reply.body).as_object();
  }

  asio::io_context io_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_{
      asio::make_work_guard(io_)};
  Metrics metrics_;
  std::optional<PolicyStore> store_;
  std::optional<AdminServer> server_;
  std::thread runner_;
  testing::FakeAuditSink audit_;
};

TEST_F(AdminServerTest, HealthzIsAlwaysOk) {
  start({});
  const Reply reply = fetch(port(), "/healthz");
  EXPECT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.body, "ok\n");
  const Reply with_query = fetch(port(), "/healthz?verbose=1");
  EXPECT_EQ(with_query.status, 200u);
}

TEST_F(AdminServerTest, HeadAnswersHeadersOnly) {
  start({});
  const Reply reply = fetch(port(), "/healthz", http::verb::head);
  EXPECT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.content_length, "3");
  EXPECT_EQ(reply.body, "");
}

TEST_F(AdminServerTest, UnknownPathAndMethod) {
  start({});
  EXPECT_EQ(fetch(port(), "/v1/chat/completions").status, 404u);
  EXPECT_EQ(fetch(port(), "/metrics", http::verb::post).status, 405u);
}

TEST_F(AdminServerTest, MetricsServesPrometheusText) {
  start({});
  metrics_.count_request(adapters::Api::kOpenAiChat, policy::Handling::kRedact, 200);
  const Reply reply = fetch(port(), "/metrics");
  EXPECT_EQ(reply.status, 200u);
  EXPECT_TRUE(reply.content_type.starts_with("text/plain; version=0.0.4")) << reply.content_type;
  const auto text = testing::PromText::parse(reply.body);
  EXPECT_EQ(text.value("switchyard_requests_total",
                       {{"api", "openai.chat"}, {"handling", "redact"}, {"status", "2xx"}}),
            1.0);
}

TEST_F(AdminServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  start({});
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port()});
  beast::flat_buffer buffer;
  for (int i = 0; i < 3; ++i) {
    http::write(socket, make_request(i % 2 ? "/metrics" : "/healthz", http::verb::get));
    EXPECT_EQ(read_reply(socket, buffer).status, 200u);
  }
}

TEST_F(AdminServerTest, NotReadyWithoutAPolicy) {
  PolicyStore store("missing.yaml", nullptr);
  ReadinessSources sources;
  sources.policy = &store;
  sources.audit = &audit_;
  start(std::move(sources));
  unsigned status = 0;
  const auto body = readyz(&status);
  EXPECT_EQ(status, 503u);
  EXPECT_FALSE(body.at("ready").as_bool());
  EXPECT_FALSE(body.at("policy").at("loaded").as_bool());
  EXPECT_TRUE(body.at("audit").at("writable").as_bool());
}

// An upstream outage is reported, never a reason to leave the load balancer by itself: the other
// routes still serve, and internal traffic fails closed on its own (issue 20).
TEST_F(AdminServerTest, UnreachableUpstreamsAreReportedWithoutFailingReadiness) {
  asio::io_context upstream_io;
  tcp::acceptor listening(upstream_io, {asio::ip::make_address("127.0.0.1"), 0});
  const std::string up_port = std::to_string(listening.local_endpoint().port());
  const switchyard::testing::RefusingPort down;
  const std::string down_port = std::to_string(down.port());

  ReadinessSources sources;
  sources.policy = loaded_policy();
  sources.audit = &audit_;
  sources.upstreams = {{"local", "127.0.0.1", down_port, false},
                       {"openai", "127.0.0.1", up_port, false},
                       {"anthropic", "127.0.0.1", down_port, false}};
  start(std::move(sources));
  unsigned status = 0;
  const auto body = readyz(&status);
  EXPECT_EQ(status, 200u) << boost::json::serialize(body);
  EXPECT_TRUE(body.at("ready").as_bool());
  const auto& upstreams = body.at("upstreams").as_array();
  ASSERT_EQ(upstreams.size(), 3u);
  EXPECT_EQ(upstreams[0].at("name").as_string(), "local");
  EXPECT_FALSE(upstreams[0].at("reachable").as_bool());
  EXPECT_FALSE(upstreams[0].at("gates_readiness").as_bool());
  EXPECT_FALSE(upstreams[0].at("error").as_string().empty());
  EXPECT_TRUE(upstreams[1].at("reachable").as_bool());
  EXPECT_EQ(upstreams[1].at("address").as_string(), "127.0.0.1:" + up_port);
  EXPECT_FALSE(upstreams[2].at("reachable").as_bool());
}

TEST_F(AdminServerTest, AGatingUpstreamFailsReadinessOnlyWhenItIsDown) {
  asio::io_context upstream_io;
  tcp::acceptor listening(upstream_io, {asio::ip::make_address("127.0.0.1"), 0});
  const std::string up_port = std::to_string(listening.local_endpoint().port());
  const switchyard::testing::RefusingPort down;
  const std::string down_port = std::to_string(down.port());

  ReadinessSources sources;
  sources.policy = loaded_policy();
  sources.audit = &audit_;
  sources.upstreams = {{"local", "127.0.0.1", up_port, true},
                       {"vendor", "127.0.0.1", down_port, false},
                       {"gating-down", "127.0.0.1", down_port, true}};
  start(std::move(sources));
  unsigned status = 0;
  const auto body = readyz(&status);
  EXPECT_EQ(status, 503u);
  EXPECT_FALSE(body.at("ready").as_bool());
  const auto& upstreams = body.at("upstreams").as_array();
  ASSERT_EQ(upstreams.size(), 3u);
  EXPECT_TRUE(upstreams[0].at("reachable").as_bool());
  EXPECT_TRUE(upstreams[0].at("gates_readiness").as_bool());
  EXPECT_TRUE(upstreams[2].at("gates_readiness").as_bool());
  EXPECT_FALSE(upstreams[2].at("reachable").as_bool());
}

TEST_F(AdminServerTest, GatingUpstreamThatIsUpKeepsReadiness) {
  asio::io_context upstream_io;
  tcp::acceptor listening(upstream_io, {asio::ip::make_address("127.0.0.1"), 0});
  const switchyard::testing::RefusingPort down;
  ReadinessSources sources;
  sources.policy = loaded_policy();
  sources.audit = &audit_;
  sources.upstreams = {
      {"local", "127.0.0.1", std::to_string(listening.local_endpoint().port()), true},
      {"vendor", "127.0.0.1", std::to_string(down.port()), false}};
  start(std::move(sources));
  unsigned status = 0;
  readyz(&status);
  EXPECT_EQ(status, 200u);
}

// switchyard_upstream_reachable comes from the same probes, refreshed by a scrape on its own
// (no /readyz needed), one series per probed upstream.
TEST_F(AdminServerTest, MetricsCarryEachUpstreamsReachability) {
  asio::io_context upstream_io;
  tcp::acceptor listening(upstream_io, {asio::ip::make_address("127.0.0.1"), 0});
  const switchyard::testing::RefusingPort down;
  metrics_.register_upstream("mock-vendor");  // configured but never probed: no series
  ReadinessSources sources;
  sources.upstreams = {
      {"local", "127.0.0.1", std::to_string(down.port()), false},
      {"openai", "127.0.0.1", std::to_string(listening.local_endpoint().port()), false}};
  start(std::move(sources));
  const Reply reply = fetch(port(), "/metrics");
  ASSERT_EQ(reply.status, 200u);
  const auto text = testing::PromText::parse(reply.body);
  EXPECT_EQ(text.value("switchyard_upstream_reachable", {{"upstream", "local"}}), 0.0);
  EXPECT_EQ(text.value("switchyard_upstream_reachable", {{"upstream", "openai"}}), 1.0);
  EXPECT_EQ(reply.body.find("switchyard_upstream_reachable{upstream=\"mock-vendor\"}"),
            std::string::npos);
  const auto id = metrics_.find_upstream("local");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(metrics_.upstream_reachable(*id), false);
}

TEST_F(AdminServerTest, ProbeResultsAreCachedForTheConfiguredTime) {
  asio::io_context upstream_io;
  std::optional<tcp::acceptor> listening(std::in_place, upstream_io,
                                         tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  const std::string up_port = std::to_string(listening->local_endpoint().port());
  ReadinessSources sources;
  sources.upstreams = {{"local", "127.0.0.1", up_port, true}};
  sources.probe_cache = std::chrono::hours(1);
  start(std::move(sources));
  EXPECT_TRUE(readyz().at("upstreams").as_array()[0].at("reachable").as_bool());
  listening.reset();  // the upstream goes away; the cached result stands for probe_cache
  EXPECT_TRUE(readyz().at("upstreams").as_array()[0].at("reachable").as_bool());
}

TEST_F(AdminServerTest, UncachedProbeSeesAnUpstreamGoAway) {
  asio::io_context upstream_io;
  std::optional<tcp::acceptor> listening(std::in_place, upstream_io,
                                         tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  const std::string up_port = std::to_string(listening->local_endpoint().port());
  ReadinessSources sources;
  sources.upstreams = {{"local", "127.0.0.1", up_port, true}};
  sources.probe_cache = std::chrono::milliseconds(0);
  start(std::move(sources));
  EXPECT_TRUE(readyz().at("upstreams").as_array()[0].at("reachable").as_bool());
  listening.reset();
  EXPECT_FALSE(readyz().at("upstreams").as_array()[0].at("reachable").as_bool());
}

TEST_F(AdminServerTest, AuditUnhealthyAndDrainingAreReported) {
  ReadinessSources sources;
  sources.audit = &audit_;
  start(std::move(sources));
  audit_.set_healthy(false);
  unsigned status = 0;
  auto body = readyz(&status);
  EXPECT_EQ(status, 503u);
  EXPECT_FALSE(body.at("audit").at("writable").as_bool());
  audit_.set_healthy(true);
  server_->set_draining(true);
  body = readyz(&status);
  EXPECT_EQ(status, 503u);
  EXPECT_TRUE(body.at("draining").as_bool());
}

TEST_F(AdminServerTest, ReadyWhenPolicyAuditAndUpstreamsAreFine) {
  // A real policy: the admin listener reports its identity.
  const auto file =
      std::filesystem::path(SWITCHYARD_SOURCE_DIR) / "tests/unit/proxy/ops/data/reload_v1.yaml";
  PolicyStore store(file, policy::Policy::load_file(file));
  asio::io_context upstream_io;
  tcp::acceptor listening(upstream_io, {asio::ip::make_address("127.0.0.1"), 0});
  ReadinessSources sources;
  sources.policy = &store;
  sources.audit = &audit_;
  sources.upstreams = {
      {"local", "127.0.0.1", std::to_string(listening.local_endpoint().port()), true}};
  start(std::move(sources));
  unsigned status = 0;
  const auto body = readyz(&status);
  EXPECT_EQ(status, 200u) << boost::json::serialize(body);
  EXPECT_TRUE(body.at("ready").as_bool());
  EXPECT_EQ(body.at("policy").at("name").as_string(), "reload-test");
  EXPECT_EQ(body.at("policy").at("version").as_string(), "1");
  EXPECT_EQ(body.at("policy").at("sha256").as_string(), store.current()->sha256());
}

TEST_F(AdminServerTest, StopClosesTheListener) {
  start({});
  const unsigned short bound = port();
  EXPECT_EQ(fetch(bound, "/healthz").status, 200u);
  server_->stop();
  work_.reset();
  runner_.join();
  asio::io_context io;
  tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect({asio::ip::make_address("127.0.0.1"), bound}, ec);
  EXPECT_TRUE(ec) << "still accepting after stop()";
}

TEST(ReadinessUpstreams, SkipsEndpointsWithoutAHost) {
  UpstreamEndpoint real;
  real.name = "local";
  real.host = "127.0.0.1";
  real.port = "11434";
  UpstreamEndpoint mock;
  mock.name = "mock";
  const auto list = readiness_upstreams({real, mock});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].name, "local");
  EXPECT_EQ(list[0].port, "11434");
  EXPECT_FALSE(list[0].gates_readiness);  // reported only, unless configured
  const auto gating = readiness_upstreams({mock, real}, {false, true});
  ASSERT_EQ(gating.size(), 1u);
  EXPECT_TRUE(gating[0].gates_readiness);
}

}  // namespace
}  // namespace switchyard::proxy
