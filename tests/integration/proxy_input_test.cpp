// Bad input gets a clear error in the endpoint's format and is never forwarded; limits give
// 413/431; auth (401, vendor key injection, pass-through, internal never gets a key); header
// forwarding; /v1/models.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>

#include "proxy/server/auth.h"
#include "support/fake_upstream.h"
#include "support/proxy_fakes.h"
#include "support/proxy_harness.h"
#include "support/test_certs.h"

namespace switchyard::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace json = boost::json;
namespace http = boost::beast::http;

std::string config(const FakeUpstream& internal, const FakeUpstream& openai,
                   const FakeUpstream& anthropic, std::string_view extra = "",
                   std::string_view limits_extra = "") {
  return R"(
policy: {POLICY}
upstreams:
  - name: local
    api: openai
    base_url: )" +
         internal.base_url() + R"(
    trust: internal
    models: { "private-model": "llama-private" }
    api_key_env: SY_TEST_INTERNAL_KEY
  - name: openai
    api: openai
    base_url: )" +
         openai.base_url() + R"(
    trust: vendor
    api_key_env: SY_TEST_OPENAI_KEY
  - name: anthropic
    api: anthropic
    base_url: )" +
         anthropic.base_url("") + R"(
    trust: vendor
    api_key_env: SY_TEST_ANTHROPIC_KEY
  - name: demo
    api: mock
    trust: vendor
    models: { "demo-model": "demo-model" }
routes:
  internal: local
  vendor: { openai: openai, anthropic: anthropic }
limits: { workers: 1, max_body_bytes: 64KiB, max_header_bytes: 4KiB, max_headers: 20)" +
         std::string(limits_extra) + " }\n" + std::string(extra);
}

class Input : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("SY_TEST_INTERNAL_KEY");
    ::setenv("SY_TEST_OPENAI_KEY", "sk-vendor-openai", 1);
    ::setenv("SY_TEST_ANTHROPIC_KEY", "sk-vendor-anthropic", 1);
    for (auto* f : {&internal_, &openai_, &anthropic_}) {
      f->set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-FAKE"); });
    }
  }
  std::size_t forwarded() const {
    return internal_.request_count() + openai_.request_count() + anthropic_.request_count();
  }
  FakeUpstream internal_, openai_, anthropic_;
};

void expect_openai_error(const Reply& reply, unsigned status, std::string_view code = {}) {
  EXPECT_EQ(reply.status, status) << reply.body;
  const auto body = reply.json();
  ASSERT_TRUE(body.at("error").is_object()) << reply.body;
  EXPECT_FALSE(body.at("error").at("message").as_string().empty());
  if (!code.empty()) {
    EXPECT_EQ(body.at("error").at("code"), json::value(code)) << reply.body;
  }
  EXPECT_FALSE(reply.header("x-switchyard-request-id").empty());
}

void expect_anthropic_error(const Reply& reply, unsigned status) {
  EXPECT_EQ(reply.status, status) << reply.body;
  const auto body = reply.json();
  EXPECT_EQ(body.at("type"), "error") << reply.body;
  EXPECT_FALSE(body.at("error").at("message").as_string().empty());
}

TEST_F(Input, UnknownPathsAndMethods) {
  ProxyHarness proxy(config(internal_, openai_, anthropic_));
  Client client(proxy.port());
  expect_openai_error(client.post("/v1/files", "{}"), 404, "unknown_endpoint");
  expect_openai_error(client.get("/"), 404);
  expect_openai_error(client.post("/v1/chat/completions/x", chat_request("hi", false)), 404);
  const Reply wrong = client.get("/v1/chat/completions");
  expect_openai_error(wrong, 405);
  EXPECT_EQ(wrong.header("allow"), "POST");
  expect_anthropic_error(client.get("/v1/messages"), 405);
  EXPECT_EQ(forwarded(), 0u);
}

TEST_F(Input, MalformedBodiesAreRejectedInTheClientsFormat) {
  ProxyHarness proxy(config(internal_, openai_, anthropic_));
  Client client(proxy.port());
  expect_openai_error(client.post("/v1/chat/completions", "{not json"), 400);
  expect_openai_error(client.post("/v1/chat/completions", R"({"model":"m","messages":"hi"})"), 400);
  expect_openai_error(client.post("/v1/chat/completions", R"([1,2])"), 400);
  expect_openai_error(client.post("/v1/completions", R"({"model":"m","prompt":[1,2,3]})"), 400);
  expect_openai_error(client.post("/v1/embeddings", R"({"model":"m","input":[[1,2],[3]]})"), 400);
  expect_openai_error(
      client.post("/v1/chat/completions",
                  std::string(R"({"model":"m","messages":[{"role":"user","content":"bad )") +
                      "\xff\xfe" + R"("}]})"),
      400);
  expect_anthropic_error(client.post("/v1/messages", "{not json"), 400);
  expect_anthropic_error(
      client.post("/v1/messages", R"({"model":"m","max_tokens":5,"messages":7})"), 400);
  EXPECT_EQ(forwarded(), 0u);
}

TEST_F(Input, LimitsGive413And431) {
  ProxyHarness proxy(config(internal_, openai_, anthropic_));
  {
    Client client(proxy.port());
    const std::string big = chat_request(std::string(70 * 1024, 'a'), false);
    expect_openai_error(client.post("/v1/chat/completions", big), 413, "request_too_large");
  }
  {
    Client client(proxy.port());
    const std::string big = messages_request(std::string(70 * 1024, 'a'), false);
    expect_anthropic_error(client.post("/v1/messages", big), 413);
  }
  {
    Client client(proxy.port());
    Headers many;
    for (int i = 0; i < 30; ++i) many.emplace_back("x-h" + std::to_string(i), "v");
    expect_openai_error(client.post("/v1/chat/completions", chat_request("hi", false), many), 431);
  }
  {
    Client client(proxy.port());
    Headers large{{"x-large", std::string(5000, 'b')}};
    expect_openai_error(client.post("/v1/chat/completions", chat_request("hi", false), large), 431);
  }
  {
    Client client(proxy.port());
    expect_openai_error(client.raw("POST /v1/chat/completions HTTP/1.1\r\nNo colon here\r\n\r\n"),
                        400);
  }
  {
    // Chunked body beyond the limit.
    Client client(proxy.port());
    std::string request =
        "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 20; ++i) request += "1000\r\n" + std::string(4096, 'c') + "\r\n";
    request += "0\r\n\r\n";
    expect_openai_error(client.raw(request), 413);
  }
  EXPECT_EQ(forwarded(), 0u);
}

// The client-side read timeout (kept by DeadlineStream's sweep, not a timer per read): a request
// whose body stops coming gets 408 and the connection closes; an idle keep-alive connection is
// closed once the timeout passes.
TEST_F(Input, ReadTimeoutGives408MidRequestAndClosesIdleConnections) {
  ProxyHarness proxy(config(internal_, openai_, anthropic_, "", ", read_timeout_ms: 300"));
  {
    Client client(proxy.port());
    const Reply reply = client.raw(
        "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n{\"model\":");
    expect_openai_error(reply, 408, "request_timeout");
    EXPECT_EQ(reply.header("connection"), "close");
  }
  {
    Client client(proxy.port());
    EXPECT_EQ(client.post("/v1/chat/completions", chat_request("hello", false)).status, 200u);
    EXPECT_TRUE(client.connection_closed());  // blocks until the server closes it
  }
  EXPECT_EQ(openai_.request_count(), 1u);
  EXPECT_EQ(forwarded(), 1u);
}

// The TLS listener: a verifying client (the test CA, the server's IP in its certificate) gets its
// reply over TLS, and the read timeout's 408 goes out over TLS too (the timed-out read is
// cancelled under the TLS layer, not the socket closed).
TEST_F(Input, TlsListenerServesAndAnswers408OverTls) {
  const auto& certs = test_certs();
  ProxyHarness proxy(
      config(internal_, openai_, anthropic_,
             "tls: { cert: " + certs.server_cert_file + ", key: " + certs.server_key_file + " }\n",
             ", read_timeout_ms: 300"));

  namespace asio = boost::asio;
  asio::io_context io;
  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.load_verify_file(certs.ca_file);
  auto exchange = [&](std::string_view request) {
    asio::ssl::stream<asio::ip::tcp::socket> stream(io, tls);
    stream.set_verify_mode(asio::ssl::verify_peer);
    stream.set_verify_callback(asio::ssl::host_name_verification("127.0.0.1"));
    stream.next_layer().connect({asio::ip::make_address("127.0.0.1"), proxy.port()});
    stream.handshake(asio::ssl::stream_base::client);
    asio::write(stream, asio::buffer(request.data(), request.size()));
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    return response;
  };

  const std::string body = chat_request("hello over tls", false);
  const auto ok = exchange(
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: application/json\r\nConnection: close\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(ok.result_int(), 200u) << ok.body();
  EXPECT_THAT(ok.body(), HasSubstr("FROM-FAKE"));

  const auto cut = exchange(
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 100\r\n\r\n{\"model\":");
  EXPECT_EQ(cut.result_int(), 408u) << cut.body();
  EXPECT_THAT(cut.body(), HasSubstr("request_timeout"));
  EXPECT_EQ(openai_.request_count(), 1u);
}

TEST_F(Input, KeepAliveServesSeveralRequestsOnOneConnection) {
  ProxyHarness proxy(config(internal_, openai_, anthropic_));
  Client client(proxy.port());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(client.post("/v1/chat/completions", chat_request("hello", false)).status, 200u);
  }
  EXPECT_EQ(openai_.request_count(), 3u);
}

TEST_F(Input, WithoutClientsTheClientKeyGoesToTheVendorOnly) {
  ProxyHarness proxy(config(internal_, openai_, anthropic_));
  Client client(proxy.port());
  const Headers auth{{"authorization", "Bearer sk-client-own"},
                     {"openai-organization", "org-1"},
                     {"openai-project", "proj-1"}};
  EXPECT_EQ(client.post("/v1/chat/completions", chat_request("hello", false), auth).status, 200u);
  EXPECT_EQ(
      client.post("/v1/chat/completions", chat_request("Project Kestrel", false), auth).status,
      200u);
  ASSERT_EQ(openai_.request_count(), 1u);
  ASSERT_EQ(internal_.request_count(), 1u);
  const auto vendor_got = openai_.requests()[0];
  EXPECT_EQ(vendor_got.header("authorization"), "Bearer sk-client-own");
  EXPECT_EQ(vendor_got.header("openai-organization"), "org-1");
  EXPECT_EQ(vendor_got.header("openai-project"), "proj-1");
  const auto internal_got = internal_.requests()[0];
  EXPECT_EQ(internal_got.header("authorization"), "");
  EXPECT_EQ(internal_got.header("openai-organization"), "");
  EXPECT_EQ(internal_got.header("openai-project"), "");

  const Headers anthropic_headers{{"x-api-key", "ant-client-own"},
                                  {"anthropic-version", "2023-06-01"},
                                  {"anthropic-beta", "tools-2024-05-16"}};
  EXPECT_EQ(client.post("/v1/messages", messages_request("hello", false), anthropic_headers).status,
            200u);
  ASSERT_EQ(anthropic_.request_count(), 1u);
  const auto a = anthropic_.requests()[0];
  EXPECT_EQ(a.header("x-api-key"), "ant-client-own");
  EXPECT_EQ(a.header("anthropic-version"), "2023-06-01");
  EXPECT_EQ(a.header("anthropic-beta"), "tools-2024-05-16");
  EXPECT_EQ(a.target, "/v1/messages");
}

TEST_F(Input, InternalUpstreamGetsOnlyItsOwnKey) {
  ::setenv("SY_TEST_INTERNAL_KEY", "internal-own-key", 1);
  ProxyHarness proxy(config(internal_, openai_, anthropic_));
  Client client(proxy.port());
  EXPECT_EQ(client
                .post("/v1/chat/completions", chat_request("Project Kestrel", false),
                      {{"authorization", "Bearer sk-client-own"}})
                .status,
            200u);
  ASSERT_EQ(internal_.request_count(), 1u);
  EXPECT_EQ(internal_.requests()[0].header("authorization"), "Bearer internal-own-key");
}

TEST_F(Input, ConfiguredClientsAreCheckedAndTheVendorKeyIsInjected) {
  const std::string clients = "clients:\n  - { name: app-one, key_sha256: " +
                              proxy::to_hex(proxy::sha256("client-secret-1")) + " }\n";
  ProxyHarness proxy(config(internal_, openai_, anthropic_, clients));
  Client client(proxy.port());
  expect_openai_error(client.post("/v1/chat/completions", chat_request("hello", false)), 401,
                      "missing_api_key");
  expect_openai_error(client.post("/v1/chat/completions", chat_request("hello", false),
                                  {{"authorization", "Bearer wrong"}}),
                      401, "invalid_api_key");
  expect_anthropic_error(
      client.post("/v1/messages", messages_request("hello", false), {{"x-api-key", "wrong"}}), 401);
  EXPECT_EQ(client.get("/v1/models").status, 401u);
  EXPECT_EQ(forwarded(), 0u);

  const Reply ok = client.post("/v1/chat/completions", chat_request("hello", false),
                               {{"authorization", "Bearer client-secret-1"}});
  EXPECT_EQ(ok.status, 200u) << ok.body;
  ASSERT_EQ(openai_.request_count(), 1u);
  EXPECT_EQ(openai_.requests()[0].header("authorization"), "Bearer sk-vendor-openai");
  const auto id = ok.header("x-switchyard-request-id");
  ASSERT_TRUE(proxy.audit().wait_for_records(id, 2));
  EXPECT_EQ(proxy.audit().records_for(id)[0].at("client"), "app-one");
  EXPECT_THAT(json::serialize(proxy.audit().records_for(id)[0]), Not(HasSubstr("client-secret-1")));

  const Reply anthropic = client.post("/v1/messages", messages_request("hello", false),
                                      {{"x-api-key", "client-secret-1"}});
  EXPECT_EQ(anthropic.status, 200u) << anthropic.body;
  ASSERT_EQ(anthropic_.request_count(), 1u);
  EXPECT_EQ(anthropic_.requests()[0].header("x-api-key"), "sk-vendor-anthropic");

  EXPECT_EQ(client
                .post("/v1/chat/completions", chat_request("Project Kestrel", false),
                      {{"authorization", "Bearer client-secret-1"}})
                .status,
            200u);
  ASSERT_EQ(internal_.request_count(), 1u);
  EXPECT_EQ(internal_.requests()[0].header("authorization"), "");
  EXPECT_EQ(internal_.requests()[0].header("x-api-key"), "");
}

TEST_F(Input, ModelsListsWhatUpstreamsOffer) {
  ProxyHarness proxy(config(internal_, openai_, anthropic_));
  Client client(proxy.port());
  const Reply reply = client.get("/v1/models");
  ASSERT_EQ(reply.status, 200u);
  std::vector<std::string> ids;
  const json::value models = reply.json();
  for (const auto& m : models.at("data").as_array()) {
    ids.emplace_back(m.at("id").as_string());
  }
  EXPECT_THAT(ids, ::testing::UnorderedElementsAre("private-model", "demo-model", "mock"));
}

TEST_F(Input, AModelOnlyTheInternalUpstreamServesGoesInternalRenamed) {
  ProxyHarness proxy(config(internal_, openai_, anthropic_));
  Client client(proxy.port());
  const Reply reply =
      client.post("/v1/chat/completions", chat_request("hello", false, "private-model"));
  EXPECT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.header("x-switchyard-route"), "internal");
  ASSERT_EQ(internal_.request_count(), 1u);
  EXPECT_THAT(internal_.requests()[0].body, HasSubstr("\"llama-private\""));
  EXPECT_EQ(openai_.request_count(), 0u);
}

}  // namespace
}  // namespace switchyard::testing
