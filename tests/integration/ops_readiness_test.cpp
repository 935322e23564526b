// Readiness does not cascade (issue 20): with the internal model or a vendor down, /readyz stays
// 200 so the load balancer keeps the replica, the routes that still work keep serving, internal
// traffic still fails closed, and the outage shows in /readyz's detail and in
// switchyard_upstream_reachable. Only an upstream configured with `gates_readiness: true` takes the
// replica out. Runs the real server with its admin listener, fake upstreams on 127.0.0.1:0.
#include <gtest/gtest.h>

#include "support/fake_upstream.h"
#include "support/proxy_fakes.h"
#include "support/proxy_harness.h"
#include "support/refusing_port.h"

namespace switchyard::testing {
namespace {

constexpr std::string_view kSensitive = "Status of Project Kestrel?";
constexpr std::string_view kClean = "What is the capital of France?";

std::string config(const std::string& internal_url, const std::string& vendor_url,
                   bool internal_gates = false) {
  return R"(
listen: 127.0.0.1:0
admin_listen: 127.0.0.1:0
policy: {POLICY}
upstreams:
  - name: local
    api: openai
    base_url: )" +
         internal_url + R"(
    trust: internal
    timeouts: { connect_ms: 1000, first_byte_ms: 2000 }
)" + (internal_gates ? "    gates_readiness: true\n" : "") +
         R"(
  - name: vendor
    api: openai
    base_url: )" +
         vendor_url + R"(
    trust: vendor
    timeouts: { connect_ms: 1000, first_byte_ms: 2000 }
routes:
  internal: local
  vendor: vendor
limits: { workers: 2 }
)";
}

void with_admin(proxy::ServerOptions& options) { options.admin = true; }

struct Readiness {
  unsigned status = 0;
  boost::json::object body;
  const boost::json::object& upstream(std::string_view name) const {
    for (const auto& u : body.at("upstreams").as_array()) {
      if (u.at("name").as_string() == name) return u.as_object();
    }
    throw std::runtime_error("no upstream " + std::string(name) + " in /readyz");
  }
};

Readiness readyz(ProxyHarness& proxy) {
  Client admin(proxy.server().admin_port());
  const Reply reply = admin.get("/readyz");
  return {reply.status, reply.json().as_object()};
}

std::string metrics(ProxyHarness& proxy) {
  Client admin(proxy.server().admin_port());
  return admin.get("/metrics").body;
}

std::string down_url(const RefusingPort& port) {
  return "http://127.0.0.1:" + std::to_string(port.port()) + "/v1";
}

TEST(Readiness, InternalModelDownKeepsTheReplicaReadyAndVendorTrafficFlowing) {
  const RefusingPort down;
  FakeUpstream vendor;
  vendor.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-VENDOR"); });
  ProxyHarness proxy(config(down_url(down), vendor.base_url()), with_admin);

  const Readiness ready = readyz(proxy);
  EXPECT_EQ(ready.status, 200u) << boost::json::serialize(ready.body);
  EXPECT_TRUE(ready.body.at("ready").as_bool());
  EXPECT_FALSE(ready.upstream("local").at("reachable").as_bool());
  EXPECT_FALSE(ready.upstream("local").at("gates_readiness").as_bool());
  EXPECT_TRUE(ready.upstream("vendor").at("reachable").as_bool());

  Client client(proxy.port());
  const Reply general = client.post("/v1/chat/completions", chat_request(kClean, false));
  EXPECT_EQ(general.status, 200u) << general.body;
  EXPECT_NE(general.body.find("FROM-VENDOR"), std::string::npos);
  // Still fail closed: the sensitive request is refused, never sent to the vendor instead.
  const Reply sensitive = client.post("/v1/chat/completions", chat_request(kSensitive, false));
  EXPECT_EQ(sensitive.status, 503u) << sensitive.body;
  EXPECT_EQ(sensitive.json().at("error").at("code"), "internal_upstream_unavailable");
  EXPECT_EQ(vendor.request_count(), 1u);

  const std::string text = metrics(proxy);
  EXPECT_NE(text.find("switchyard_upstream_reachable{upstream=\"local\"} 0\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("switchyard_upstream_reachable{upstream=\"vendor\"} 1\n"), std::string::npos)
      << text;
}

TEST(Readiness, VendorDownKeepsTheReplicaReadyAndInternalTrafficFlowing) {
  const RefusingPort down;
  FakeUpstream internal;
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
  ProxyHarness proxy(config(internal.base_url(), down_url(down)), with_admin);

  const Readiness ready = readyz(proxy);
  EXPECT_EQ(ready.status, 200u) << boost::json::serialize(ready.body);
  EXPECT_TRUE(ready.upstream("local").at("reachable").as_bool());
  EXPECT_FALSE(ready.upstream("vendor").at("reachable").as_bool());

  Client client(proxy.port());
  const Reply sensitive = client.post("/v1/chat/completions", chat_request(kSensitive, true));
  EXPECT_EQ(sensitive.status, 200u) << sensitive.body;
  EXPECT_NE(sensitive.body.find("FROM-INTERNAL"), std::string::npos);
  const Reply general = client.post("/v1/chat/completions", chat_request(kClean, false));
  EXPECT_EQ(general.status, 502u) << general.body;  // the vendor's outage, told to its client
  EXPECT_EQ(general.header("x-switchyard-route"), "vendor");
  EXPECT_EQ(internal.request_count(), 1u);  // no vendor_fallback configured: nothing rerouted

  const std::string text = metrics(proxy);
  EXPECT_NE(text.find("switchyard_upstream_reachable{upstream=\"vendor\"} 0\n"), std::string::npos)
      << text;
}

TEST(Readiness, AnUpstreamConfiguredToGateReadinessTakesTheReplicaOut) {
  const RefusingPort down;
  FakeUpstream vendor;
  vendor.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-VENDOR"); });
  ProxyHarness proxy(config(down_url(down), vendor.base_url(), /*internal_gates=*/true),
                     with_admin);

  const Readiness ready = readyz(proxy);
  EXPECT_EQ(ready.status, 503u) << boost::json::serialize(ready.body);
  EXPECT_FALSE(ready.body.at("ready").as_bool());
  EXPECT_TRUE(ready.upstream("local").at("gates_readiness").as_bool());
  EXPECT_FALSE(ready.upstream("local").at("reachable").as_bool());
  // Not ready is the load balancer's business: the listener itself still serves what it can.
  Client client(proxy.port());
  EXPECT_EQ(client.post("/v1/chat/completions", chat_request(kClean, false)).status, 200u);
}

TEST(Readiness, AGatingUpstreamThatIsUpKeepsTheReplicaReady) {
  FakeUpstream internal;
  const RefusingPort vendor_down;
  ProxyHarness proxy(config(internal.base_url(), down_url(vendor_down), /*internal_gates=*/true),
                     with_admin);
  const Readiness ready = readyz(proxy);
  EXPECT_EQ(ready.status, 200u) << boost::json::serialize(ready.body);
  EXPECT_TRUE(ready.upstream("local").at("reachable").as_bool());
}

}  // namespace
}  // namespace switchyard::testing
