// Streams are relayed chunk by chunk as they arrive (proven with a gate, not a sleep); a client
// that disconnects cancels the upstream request; the proxy's own usage request is hidden from the
// client; Responses conversation state; graceful shutdown lets a stream in flight finish.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>

#include "support/fake_upstream.h"
#include "support/proxy_fakes.h"
#include "support/proxy_harness.h"

namespace switchyard::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace json = boost::json;

std::string config(const FakeUpstream& internal, const FakeUpstream& vendor,
                   std::string_view extra = "") {
  return R"(
policy: {POLICY}
upstreams:
  - { name: local, api: openai, base_url: ")" +
         internal.base_url() + R"(", trust: internal }
  - { name: vendor, api: openai, base_url: ")" +
         vendor.base_url() + R"(", trust: vendor }
routes: { internal: local, vendor: vendor }
limits: { workers: 2, shutdown_grace_ms: 20000 }
)" + std::string(extra);
}

std::string chunk_event(int i) {
  return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
         "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"piece-" +
         std::to_string(i) + "\"},\"finish_reason\":null}]}\n\n";
}

ScriptedReply gated_stream(std::shared_ptr<ChunkGate> gate, int pieces) {
  std::vector<std::string> events;
  for (int i = 0; i < pieces; ++i) events.push_back(chunk_event(i));
  events.emplace_back("data: [DONE]\n\n");
  ScriptedReply reply = sse(events);
  reply.gate = std::move(gate);
  return reply;
}

TEST(Stream, EachChunkReachesTheClientBeforeTheNextExists) {
  FakeUpstream internal, vendor;
  auto gate = vendor.make_gate();
  vendor.set_handler([gate](const RecordedRequest&) { return gated_stream(gate, 3); });
  ProxyHarness proxy(config(internal, vendor));
  Client client(proxy.port());
  client.start_stream("/v1/chat/completions", chat_request("hello", true));
  EXPECT_EQ(client.stream_header().status, 200u);
  EXPECT_EQ(client.stream_header().header("x-switchyard-route"), "vendor");
  std::string received;
  for (int i = 0; i < 3; ++i) {
    // The fake holds chunk i+1 until released, so piece-i arrived on its own.
    while (received.find("piece-" + std::to_string(i)) == std::string::npos) {
      auto piece = client.next_piece();
      ASSERT_TRUE(piece) << "stream ended early: " << received;
      received += *piece;
    }
    EXPECT_THAT(received, Not(HasSubstr("piece-" + std::to_string(i + 1))));
    gate->release();
  }
  while (auto piece = client.next_piece()) received += *piece;
  EXPECT_THAT(received, HasSubstr("[DONE]"));
}

TEST(Stream, ClientDisconnectCancelsTheUpstreamRequest) {
  FakeUpstream internal, vendor;
  auto gate = vendor.make_gate();
  vendor.set_handler([gate](const RecordedRequest&) { return gated_stream(gate, 50); });
  ProxyHarness proxy(config(internal, vendor));
  std::string request_id;
  {
    Client client(proxy.port());
    client.start_stream("/v1/chat/completions", chat_request("hello", true));
    request_id = client.stream_header().header("x-switchyard-request-id");
    auto piece = client.next_piece();
    ASSERT_TRUE(piece);
    client.close();
  }
  // Each release lets the fake write one more chunk; the proxy's writes to the closed client fail
  // and it drops the upstream connection, which the fake sees as closed.
  gate->release(50);
  EXPECT_TRUE(vendor.wait_for_closed_connections(1, std::chrono::seconds(10)));
  ASSERT_TRUE(proxy.audit().wait_for_records(request_id, 2));
  const auto records = proxy.audit().records_for(request_id);
  EXPECT_EQ(records[1].at("error"), "client_disconnected");
}

TEST(Stream, UsageIsAccountedButHiddenFromClientsThatDidNotAsk) {
  FakeUpstream internal, vendor;
  vendor.set_handler([](const RecordedRequest& r) { return api_reply(r, "FROM-VENDOR"); });
  ProxyHarness proxy(config(internal, vendor));
  Client client(proxy.port());
  Reply reply = client.post("/v1/chat/completions", chat_request("hello", true));
  ASSERT_EQ(reply.status, 200u);
  EXPECT_THAT(vendor.requests().back().body, HasSubstr("\"include_usage\":true"));
  EXPECT_THAT(reply.body, Not(HasSubstr("\"usage\"")));
  auto id = reply.header("x-switchyard-request-id");
  ASSERT_TRUE(proxy.audit().wait_for_records(id, 2));
  EXPECT_EQ(proxy.audit().records_for(id)[1].at("usage").at("output_tokens").to_number<int>(), 3);

  // A client that asked gets the usage chunk.
  json::object body = json::parse(chat_request("hello", true)).as_object();
  body["stream_options"] = {{"include_usage", true}};
  reply = client.post("/v1/chat/completions", json::serialize(body));
  EXPECT_THAT(reply.body, HasSubstr("\"usage\""));
}

TEST(Stream, UpstreamCutMidStreamEndsTheClientStreamCleanly) {
  FakeUpstream internal, vendor;
  vendor.set_handler([](const RecordedRequest&) {
    ScriptedReply reply = sse({chunk_event(0), chunk_event(1)});
    reply.close_after_header = true;
    return reply;
  });
  ProxyHarness proxy(config(internal, vendor));
  Client client(proxy.port());
  const Reply reply = client.post("/v1/chat/completions", chat_request("hello", true));
  EXPECT_EQ(reply.status, 200u);
  EXPECT_THAT(reply.body, HasSubstr("piece-0"));
  const auto id = reply.header("x-switchyard-request-id");
  ASSERT_TRUE(proxy.audit().wait_for_records(id, 2));
  EXPECT_NE(proxy.audit().records_for(id)[1].at("error"), nullptr);
}

TEST(ResponsesState, ConversationsStayWhereTheyStarted) {
  FakeUpstream internal, vendor;
  internal.set_handler([](const RecordedRequest& r) { return api_reply(r, "INTERNAL"); });
  vendor.set_handler([](const RecordedRequest& r) { return api_reply(r, "VENDOR"); });
  ProxyHarness proxy(config(internal, vendor));
  Client client(proxy.port());
  // Started internally (sensitive); the clean follow-up stays internal.
  Reply first = client.post("/v1/responses", responses_request("Project Kestrel plan", false));
  ASSERT_EQ(first.status, 200u) << first.body;
  const std::string internal_id(first.json().at("id").as_string());
  Reply next = client.post("/v1/responses", responses_request("and then?", true, internal_id));
  EXPECT_EQ(next.status, 200u);
  EXPECT_EQ(next.header("x-switchyard-route"), "internal");
  EXPECT_EQ(vendor.request_count(), 0u);

  // Started at the vendor (streamed: the id is read from the stream); a clean follow-up continues
  // there; a sensitive one is refused.
  Reply vendor_first = client.post("/v1/responses", responses_request("hello", true));
  ASSERT_EQ(vendor_first.status, 200u);
  const auto at = vendor_first.body.find("resp_VENDOR_");
  ASSERT_NE(at, std::string::npos);
  const std::string vendor_id = vendor_first.body.substr(at, vendor_first.body.find('"', at) - at);
  EXPECT_EQ(client.post("/v1/responses", responses_request("more", false, vendor_id))
                .header("x-switchyard-route"),
            "vendor");
  const Reply refused =
      client.post("/v1/responses", responses_request("Project Kestrel details", false, vendor_id));
  EXPECT_EQ(refused.status, 409u);
  EXPECT_EQ(refused.json().at("error").at("code"), "vendor_held_conversation");
  const Reply unknown =
      client.post("/v1/responses", responses_request("Project Kestrel", false, "resp_unknown"));
  EXPECT_EQ(unknown.status, 409u);
  EXPECT_EQ(internal.request_count(), 2u);
  EXPECT_EQ(vendor.request_count(), 2u);
}

TEST(Shutdown, AStreamInFlightFinishesAndTheAuditIsClosed) {
  FakeUpstream internal, vendor;
  auto gate = vendor.make_gate();
  vendor.set_handler([gate](const RecordedRequest& r) {
    return wants_stream(r) ? gated_stream(gate, 2) : api_reply(r, "FROM-VENDOR");
  });
  ProxyHarness proxy(config(internal, vendor));
  Client client(proxy.port());
  client.start_stream("/v1/chat/completions", chat_request("hello", true));
  auto first = client.next_piece();
  ASSERT_TRUE(first);
  // Idle keep-alive connections are closed at once.
  Client idle(proxy.port());
  EXPECT_EQ(idle.post("/v1/chat/completions", chat_request("hi", false)).status, 200u);

  auto stopped = std::async(std::launch::async, [&] { proxy.shutdown(); });
  EXPECT_TRUE(idle.connection_closed());
  gate->release(2);
  std::string rest;
  while (auto piece = client.next_piece()) rest += *piece;
  EXPECT_THAT(rest, HasSubstr("[DONE]"));
  stopped.get();
  EXPECT_TRUE(proxy.audit().closed());
  // Every request has its outcome.
  std::size_t decisions = 0, outcomes = 0;
  for (const auto& r : proxy.audit().records()) {
    decisions += r.at("event") == "decision";
    outcomes += r.at("event") == "outcome";
  }
  EXPECT_EQ(decisions, 2u);
  EXPECT_EQ(outcomes, 2u);
}

TEST(Mock, QuickstartStyleMockAnswersInEachApi) {
  ProxyHarness proxy(R"(
policy: {POLICY}
upstreams:
  - { name: mock-internal, api: mock, trust: internal }
  - { name: mock-vendor, api: mock, trust: vendor }
routes: { internal: mock-internal, vendor: mock-vendor }
limits: { workers: 1 }
)");
  Client client(proxy.port());
  Reply r = client.post("/v1/chat/completions", chat_request("hello there", false));
  ASSERT_EQ(r.status, 200u);
  EXPECT_THAT(std::string(r.json().at("choices").at(0).at("message").at("content").as_string()),
              HasSubstr("[switchyard mock: vendor route]"));
  r = client.post("/v1/chat/completions", chat_request("Project Kestrel", true));
  EXPECT_THAT(r.body, HasSubstr("internal route"));
  EXPECT_THAT(r.body, HasSubstr("[DONE]"));
  r = client.post("/v1/chat/completions", chat_request("my REDACTME-777 token", false));
  EXPECT_THAT(r.body, HasSubstr("[REDACTED:test_token]"));
  EXPECT_THAT(r.body, Not(HasSubstr("REDACTME-777")));
  r = client.post("/v1/messages", messages_request("hello", true));
  EXPECT_THAT(r.body, HasSubstr("event: message_start"));
  EXPECT_THAT(r.body, HasSubstr("event: message_stop"));
  r = client.post("/v1/messages", messages_request("hello", false));
  EXPECT_EQ(r.json().at("type"), "message");
  r = client.post("/v1/messages/count_tokens", count_tokens_request("hello"));
  EXPECT_TRUE(r.json().at("input_tokens").is_int64());
  r = client.post("/v1/embeddings", embeddings_request("hello"));
  EXPECT_EQ(r.json().at("data").as_array().size(), 2u);
  r = client.post("/v1/completions", completions_request("hello", true));
  EXPECT_THAT(r.body, HasSubstr("text_completion"));
  r = client.post("/v1/responses", responses_request("hello", true));
  EXPECT_THAT(r.body, HasSubstr("event: response.completed"));
  r = client.post("/v1/responses", responses_request("hello", false));
  EXPECT_EQ(r.json().at("object"), "response");
}

}  // namespace
}  // namespace switchyard::testing
