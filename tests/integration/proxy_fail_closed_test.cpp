// The core promise: sensitive traffic never reaches a vendor, whatever fails. Internal upstream
// down, refusing, slow or untrusted gives 503 internal_upstream_unavailable with nothing sent
// elsewhere; a failing vendor may fall back to vendor_fallback (internal), never the reverse; an
// audit log that cannot write stops forwarding.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "support/fake_upstream.h"
#include "support/proxy_fakes.h"
#include "support/proxy_harness.h"
#include "support/refusing_port.h"
#include "support/test_certs.h"

namespace switchyard::testing {
namespace {

using ::testing::HasSubstr;
namespace json = boost::json;

constexpr std::string_view kSensitive = "Status of Project Kestrel?";
constexpr std::string_view kClean = "What is the capital of France?";

std::string config(const std::string& internal_url, const std::string& vendor_url, bool fallback,
                   std::string_view internal_extra = "") {
  return R"(
policy: {POLICY}
upstreams:
  - name: local
    api: openai
    base_url: )" +
         internal_url + R"(
    trust: internal
    timeouts: { connect_ms: 1000, first_byte_ms: 300 }
)" + std::string(internal_extra) +
         R"(
  - name: vendor
    api: openai
    base_url: )" +
         vendor_url + R"(
    trust: vendor
    timeouts: { connect_ms: 1000, first_byte_ms: 300 }
routes:
  internal: local
  vendor: vendor
)" + (fallback ? "  vendor_fallback: local\n" : "") +
         "limits: { workers: 2 }\n";
}

void expect_internal_unavailable(const Reply& reply) {
  EXPECT_EQ(reply.status, 503u) << reply.body;
  EXPECT_EQ(reply.json().at("error").at("code"), "internal_upstream_unavailable");
  EXPECT_EQ(reply.header("x-switchyard-route"), "internal");
}

class FailClosed : public ::testing::Test {
 protected:
  FakeUpstream vendor_;
  void SetUp() override {
    vendor_.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-VENDOR"); });
  }
};

TEST_F(FailClosed, InternalDownIs503AndNothingReachesTheVendor) {
  const switchyard::testing::RefusingPort down;
  ProxyHarness proxy(
      config("http://127.0.0.1:" + std::to_string(down.port()) + "/v1", vendor_.base_url(), true));
  Client client(proxy.port());
  for (bool stream : {false, true}) {
    const Reply reply = client.post("/v1/chat/completions", chat_request(kSensitive, stream));
    expect_internal_unavailable(reply);
    const auto id = reply.header("x-switchyard-request-id");
    ASSERT_TRUE(proxy.audit().wait_for_records(id, 2));
    const auto records = proxy.audit().records_for(id);
    EXPECT_EQ(records[1].at("status").to_number<int>(), 503);
    EXPECT_EQ(records[1].at("error"), "internal_upstream_unavailable");
  }
  // Anthropic clients get it in their format.
  const Reply reply = client.post("/v1/messages", messages_request(kSensitive, false));
  EXPECT_EQ(reply.status, 503u);
  EXPECT_EQ(reply.json().at("type"), "error");
  EXPECT_EQ(vendor_.request_count(), 0u);
}

TEST_F(FailClosed, InternalSlowFirstByteIs503) {
  FakeUpstream internal;
  internal.set_handler([](const RecordedRequest& r) {
    auto reply = api_reply(r, "TOO-LATE");
    reply.delay_before_header = std::chrono::milliseconds(3000);
    return reply;
  });
  ProxyHarness proxy(config(internal.base_url(), vendor_.base_url(), true));
  Client client(proxy.port());
  expect_internal_unavailable(client.post("/v1/chat/completions", chat_request(kSensitive, true)));
  EXPECT_EQ(internal.request_count(), 1u);
  EXPECT_EQ(vendor_.request_count(), 0u);
}

TEST_F(FailClosed, InternalClosingWithoutReplyIs503) {
  FakeUpstream internal;
  internal.set_handler([](const RecordedRequest&) {
    ScriptedReply reply;
    reply.close_without_reply = true;
    return reply;
  });
  ProxyHarness proxy(config(internal.base_url(), vendor_.base_url(), true));
  Client client(proxy.port());
  expect_internal_unavailable(client.post("/v1/chat/completions", chat_request(kSensitive, false)));
  EXPECT_EQ(vendor_.request_count(), 0u);
}

TEST_F(FailClosed, InternalErrorStatusIsRelayedNeverSentToTheVendor) {
  FakeUpstream internal;
  internal.set_handler([](const RecordedRequest&) {
    return status_error(
        500, R"({"error":{"message":"boom","type":"server_error","param":null,"code":null}})");
  });
  ProxyHarness proxy(config(internal.base_url(), vendor_.base_url(), true));
  Client client(proxy.port());
  const Reply reply = client.post("/v1/chat/completions", chat_request(kSensitive, false));
  EXPECT_EQ(reply.status, 500u);
  EXPECT_EQ(reply.header("x-switchyard-route"), "internal");
  EXPECT_EQ(vendor_.request_count(), 0u);
}

TEST_F(FailClosed, UntrustedInternalCertificateIs503) {
  FakeUpstream internal(FakeUpstream::Options{true, FakeUpstream::Cert::kUntrusted});
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
  ProxyHarness proxy(config(internal.base_url(), vendor_.base_url(), true,
                            "    ca_file: " + test_certs().ca_file + "\n"));
  Client client(proxy.port());
  expect_internal_unavailable(client.post("/v1/chat/completions", chat_request(kSensitive, false)));
  EXPECT_EQ(internal.request_count(), 0u);
  EXPECT_EQ(vendor_.request_count(), 0u);
}

TEST_F(FailClosed, TlsInternalWithTheTestCaWorks) {
  FakeUpstream internal(FakeUpstream::Options{true, FakeUpstream::Cert::kLocalhost});
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
  ProxyHarness proxy(config("https://localhost:" + std::to_string(internal.port()) + "/v1",
                            vendor_.base_url(), false,
                            "    ca_file: " + test_certs().ca_file + "\n"));
  Client client(proxy.port());
  const Reply reply = client.post("/v1/chat/completions", chat_request(kSensitive, true));
  EXPECT_EQ(reply.status, 200u) << reply.body;
  EXPECT_THAT(reply.body, HasSubstr("FROM-INTERNAL"));
  EXPECT_EQ(internal.request_count(), 1u);
}

struct VendorFailure {
  std::string name;
  std::function<ScriptedReply(const RecordedRequest&)> handler;  // empty: vendor is down
  unsigned status_without_fallback;
};

class VendorFailures : public ::testing::TestWithParam<VendorFailure> {};

TEST_P(VendorFailures, FallBackToInternalOnlyWhenConfigured) {
  const auto& failure = GetParam();
  FakeUpstream internal;
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-INTERNAL"); });
  std::optional<FakeUpstream> vendor;
  const switchyard::testing::RefusingPort down;
  std::string vendor_url = "http://127.0.0.1:" + std::to_string(down.port()) + "/v1";
  if (failure.handler) {
    vendor.emplace();
    vendor->set_handler(failure.handler);
    vendor_url = vendor->base_url();
  }
  {
    ProxyHarness proxy(config(internal.base_url(), vendor_url, true));
    Client client(proxy.port());
    const Reply reply = client.post("/v1/chat/completions", chat_request(kClean, false));
    EXPECT_EQ(reply.status, 200u) << reply.body;
    EXPECT_THAT(reply.body, HasSubstr("FROM-INTERNAL"));
    EXPECT_EQ(reply.header("x-switchyard-route"), "internal");
    EXPECT_EQ(internal.request_count(), 1u);
    const auto id = reply.header("x-switchyard-request-id");
    ASSERT_TRUE(proxy.audit().wait_for_records(id, 3));
    const auto records = proxy.audit().records_for(id);
    EXPECT_EQ(records[0].at("route"), "vendor");
    EXPECT_EQ(records[1].at("event"), "decision");
    EXPECT_EQ(records[1].at("reason"), "vendor_fallback");
    EXPECT_EQ(records[1].at("upstream"), "local");
    EXPECT_EQ(records[2].at("upstream"), "local");
    EXPECT_EQ(records[2].at("fallback"), true);
  }
  {
    ProxyHarness proxy(config(internal.base_url(), vendor_url, false));
    Client client(proxy.port());
    const Reply reply = client.post("/v1/chat/completions", chat_request(kClean, false));
    EXPECT_EQ(reply.status, failure.status_without_fallback) << reply.body;
    EXPECT_TRUE(reply.json().at("error").is_object());
    EXPECT_EQ(internal.request_count(), 1u);  // unchanged
  }
}

INSTANTIATE_TEST_SUITE_P(
    Vendor, VendorFailures,
    ::testing::Values(
        VendorFailure{"Down", {}, 502},
        VendorFailure{
            "ServerError",
            [](const RecordedRequest&) {
              return status_error(
                  500,
                  R"({"error":{"message":"x","type":"server_error","param":null,"code":null}})");
            },
            500},
        VendorFailure{
            "RateLimited",
            [](const RecordedRequest&) {
              return status_error(
                  429,
                  R"({"error":{"message":"slow down","type":"requests","param":null,"code":"rate_limit_exceeded"}})");
            },
            429},
        VendorFailure{"SlowFirstByte",
                      [](const RecordedRequest& r) {
                        auto reply = api_reply(r, "TOO-LATE");
                        reply.delay_before_header = std::chrono::milliseconds(3000);
                        return reply;
                      },
                      504}),
    [](const auto& info) { return info.param.name; });

TEST(AuditFailure, NothingIsForwardedWhenTheDecisionCannotBeWritten) {
  FakeUpstream internal;
  FakeUpstream vendor;
  ProxyHarness proxy(config(internal.base_url(), vendor.base_url(), true));
  proxy.audit().set_fail(true);
  Client client(proxy.port());
  for (auto text : {kSensitive, kClean}) {
    const Reply reply = client.post("/v1/chat/completions", chat_request(text, false));
    EXPECT_EQ(reply.status, 503u);
    EXPECT_EQ(reply.json().at("error").at("code"), "audit_unavailable");
  }
  EXPECT_EQ(internal.request_count(), 0u);
  EXPECT_EQ(vendor.request_count(), 0u);
}

// The writer completes a whole batch at once, from its own thread: every request waits for its own
// decision record's result and forwards only if it was durable.
TEST(AuditFailure, ConcurrentRequestsForwardOnlyOnceTheirBatchIsDurable) {
  FakeUpstream internal;
  FakeUpstream vendor;
  vendor.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-VENDOR"); });
  ProxyHarness proxy(config(internal.base_url(), vendor.base_url(), true));
  proxy.audit().set_hold(true);
  constexpr int kRequests = 6;
  for (const bool durable : {true, false}) {
    std::vector<std::future<Reply>> replies;
    for (int i = 0; i < kRequests; ++i) {
      replies.push_back(std::async(std::launch::async, [&] {
        Client client(proxy.port());
        return client.post("/v1/chat/completions", chat_request(kClean, false));
      }));
    }
    ASSERT_TRUE(proxy.audit().wait_for_held(kRequests));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(vendor.request_count(), durable ? 0u : static_cast<std::size_t>(kRequests))
        << "forwarded before the decision was durable";
    proxy.audit().release_held(durable);
    for (auto& future : replies) {
      const Reply reply = future.get();
      if (durable) {
        EXPECT_EQ(reply.status, 200u) << reply.body;
        EXPECT_THAT(reply.body, HasSubstr("FROM-VENDOR"));
      } else {
        EXPECT_EQ(reply.status, 503u) << reply.body;
        EXPECT_EQ(reply.json().at("error").at("code"), "audit_unavailable");
      }
    }
    EXPECT_EQ(vendor.request_count(), static_cast<std::size_t>(kRequests));
  }
  EXPECT_EQ(internal.request_count(), 0u);
  proxy.audit().set_hold(false);
}

}  // namespace
}  // namespace switchyard::testing
