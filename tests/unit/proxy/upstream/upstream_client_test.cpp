// UpstreamClient against the scriptable fake upstream: replies, streaming, timeouts, closes, the
// keep-alive pool, the retry rule and TLS verification.
#include <gtest/gtest.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <exception>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "integration/support/fake_upstream.h"
#include "integration/support/refusing_port.h"
#include "integration/support/test_certs.h"
#include "proxy/upstream/upstream_client.h"
#include "proxy/upstream/upstream_pool.h"

namespace switchyard::proxy {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using namespace std::chrono_literals;
using testing::FakeUpstream;
using testing::RecordedRequest;
using testing::ScriptedReply;

using SendResult = adapters::Result<std::unique_ptr<UpstreamResponse>, UpstreamError>;
using ReadResult = adapters::Result<std::string, UpstreamError>;

// Runs one awaitable to completion on the test's io_context (which is this thread's, like a
// worker's). (co_spawn's completion wants a default-constructible value, which Result is not: hence
// the wrapper.)
template <class T>
T run(asio::io_context& io, asio::awaitable<T> task) {
  std::optional<T> out;
  std::exception_ptr failure;
  auto wrapper = [](asio::awaitable<T> t, std::optional<T>& o) -> asio::awaitable<void> {
    o.emplace(co_await std::move(t));
  };
  asio::co_spawn(io, wrapper(std::move(task), out), [&](std::exception_ptr e) { failure = e; });
  io.restart();
  io.run();
  if (failure) std::rethrow_exception(failure);
  if (!out) throw std::runtime_error("the task did not finish");
  return std::move(*out);
}

http::request<http::string_body> post(std::string target, std::string body = "{}") {
  http::request<http::string_body> req{http::verb::post, target, 11};
  req.set(http::field::content_type, "application/json");
  req.body() = std::move(body);
  return req;
}

UpstreamEndpoint endpoint_for(const FakeUpstream& fake) {
  UpstreamEndpoint endpoint = parse_base_url("fake", fake.base_url());
  endpoint.timeouts.connect = 5s;
  endpoint.timeouts.first_byte = 10s;
  endpoint.timeouts.idle = 10s;
  endpoint.timeouts.total = 30s;
  return endpoint;
}

class UpstreamClientTest : public ::testing::Test {
 protected:
  std::unique_ptr<UpstreamClient> client(UpstreamEndpoint endpoint,
                                         UpstreamPoolOptions options = {}) {
    auto tls = make_client_tls_context(endpoint);
    return make_upstream_client(io_.get_executor(), std::move(endpoint), std::move(tls), options);
  }
  SendResult send(UpstreamClient& c, http::request<http::string_body> req) {
    return run(io_, c.send(std::move(req)));
  }
  ReadResult read_some(UpstreamResponse& r) { return run(io_, r.read_some()); }
  // The whole body, or the first error's kind in error.
  std::string read_all(UpstreamResponse& r, std::optional<UpstreamError>* error = nullptr) {
    std::string body;
    for (;;) {
      auto piece = read_some(r);
      if (!piece) {
        if (error) *error = piece.error();
        return body;
      }
      if (piece->empty()) return body;
      body += *piece;
    }
  }
  // Reads until exactly `expected` more bytes arrived (the fake holds the rest behind a gate).
  std::string read_exactly(UpstreamResponse& r, std::size_t expected) {
    std::string got;
    while (got.size() < expected) {
      auto piece = read_some(r);
      if (!piece) {
        ADD_FAILURE() << "read failed: " << piece.error().message;
        return got;
      }
      if (piece->empty()) {
        ADD_FAILURE() << "body ended early";
        return got;
      }
      got += *piece;
    }
    return got;
  }

  asio::io_context io_;
};

// --- parse_base_url
// -------------------------------------------------------------------------------

// send() writes its own head and the body; the bytes must be exactly what Beast's serializer
// writes for the same message.
TEST(SerializeRequestHead, SameBytesAsBeastsSerializer) {
  namespace http = boost::beast::http;
  auto expect_same = [](http::request<http::string_body> req) {
    req.prepare_payload();
    std::ostringstream beast;
    beast << req;
    EXPECT_EQ(serialize_request_head(req) + req.body(), beast.str());
  };
  http::request<http::string_body> post{http::verb::post, "/v1/chat/completions?x=1", 11};
  post.set(http::field::host, "api.example.com:8443");
  post.set(http::field::content_type, "application/json");
  post.set(http::field::authorization, "Bearer sk-test");
  post.set("anthropic-version", "2023-06-01");
  post.set("X-Mixed-Case", "kept as given");
  post.insert("x-repeated", "one");
  post.insert("x-repeated", "two");
  post.body() = R"({"model":"m","messages":[]})";
  expect_same(post);
  http::request<http::string_body> empty_post{http::verb::post, "/v1/x", 11};
  expect_same(empty_post);  // Content-Length: 0
  http::request<http::string_body> get{http::verb::get, "/v1/models", 11};
  get.set(http::field::host, "localhost");
  expect_same(get);
  http::request<http::string_body> head{http::verb::head, "/", 10};
  expect_same(head);
}

TEST(ParseBaseUrl, HttpWithPortAndPath) {
  const auto e = parse_base_url("local", "http://127.0.0.1:11434/v1");
  EXPECT_EQ(e.name, "local");
  EXPECT_FALSE(e.tls);
  EXPECT_EQ(e.host, "127.0.0.1");
  EXPECT_EQ(e.port, "11434");
  EXPECT_EQ(e.base_path, "/v1");
}

TEST(ParseBaseUrl, DefaultPortsAndTrailingSlash) {
  const auto a = parse_base_url("openai", "https://API.OpenAI.com/v1/");
  EXPECT_TRUE(a.tls);
  EXPECT_EQ(a.host, "api.openai.com");
  EXPECT_EQ(a.port, "443");
  EXPECT_EQ(a.base_path, "/v1");
  const auto b = parse_base_url("anthropic", "https://api.anthropic.com");
  EXPECT_EQ(b.base_path, "");
  EXPECT_EQ(parse_base_url("x", "http://example.com/").port, "80");
  EXPECT_EQ(parse_base_url("x", "http://example.com//").base_path, "");
}

TEST(ParseBaseUrl, Ipv6) {
  const auto e = parse_base_url("v6", "http://[::1]:8080/api/v1");
  EXPECT_EQ(e.host, "::1");
  EXPECT_EQ(e.port, "8080");
  EXPECT_EQ(e.base_path, "/api/v1");
}

TEST(ParseBaseUrl, Rejects) {
  for (const char* bad :
       {"ftp://example.com/", "http://user:pw@example.com/", "http://user@x/",
        "http://example.com/v1#frag", "http://example.com/v1?x=1", "example.com/v1", "", "http://",
        "http://:80/", "http://x:0/", "http://x:99999/", "ws://x/"}) {
    EXPECT_THROW(parse_base_url("bad", bad), std::invalid_argument) << bad;
  }
}

TEST(UpstreamTarget, JoinsBasePath) {
  EXPECT_EQ(upstream_target(parse_base_url("a", "http://x/v1"), "/chat/completions"),
            "/v1/chat/completions");
  EXPECT_EQ(upstream_target(parse_base_url("a", "http://x"), "/v1/messages"), "/v1/messages");
  EXPECT_EQ(upstream_target(parse_base_url("a", "http://x/v1"), "models"), "/v1/models");
  EXPECT_EQ(upstream_target(parse_base_url("a", "http://x"), ""), "/");
}

TEST(UpstreamErrorKindNames, AreDistinct) {
  EXPECT_EQ(to_string(UpstreamErrorKind::kTimeoutFirstByte), "timeout_first_byte");
  EXPECT_EQ(to_string(UpstreamErrorKind::kPoolExhausted), "pool_exhausted");
}

// --- replies
// --------------------------------------------------------------------------------------

TEST_F(UpstreamClientTest, JsonReply) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest& r) {
    return testing::openai_json(R"({"echo":)" + std::to_string(r.body.size()) + "}");
  });
  auto c = client(endpoint_for(fake));
  auto res = send(*c, post("/v1/chat/completions", R"({"model":"m"})"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ((*res)->status(), 200u);
  EXPECT_EQ((*res)->headers()[http::field::content_type], "application/json");
  EXPECT_EQ(read_all(**res), R"({"echo":13})");
  EXPECT_TRUE((*res)->done());

  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/v1/chat/completions");
  EXPECT_EQ(requests[0].body, R"({"model":"m"})");
  EXPECT_EQ(requests[0].header("host"), "127.0.0.1:" + std::to_string(fake.port()));
  EXPECT_EQ(requests[0].header("content-length"), "13");
}

TEST_F(UpstreamClientTest, SseInOddSplitsArrivesIncrementally) {
  FakeUpstream fake;
  auto gate = fake.make_gate();
  const std::vector<std::string> events = {"data: {\"a\":1}\n\n", "data: {\"b\":22}\n\n",
                                           "data: [DONE]\n\n"};
  ScriptedReply reply = testing::sse(events, {5, 11, 1, 17});
  reply.gate = gate;
  const std::vector<std::string> chunks = reply.chunks;
  ASSERT_GE(chunks.size(), 4u);
  fake.set_handler([reply](const RecordedRequest&) { return reply; });

  auto c = client(endpoint_for(fake));
  auto res = send(*c, post("/v1/chat/completions"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ((*res)->headers()[http::field::content_type], "text/event-stream");
  // Each piece is readable while the fake still holds the next one behind the gate: nothing waits
  // for the whole body.
  std::string all;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (i > 0) gate->release();
    EXPECT_EQ(read_exactly(**res, chunks[i].size()), chunks[i]) << "chunk " << i;
    EXPECT_FALSE((*res)->done());
    all += chunks[i];
  }
  EXPECT_EQ(read_all(**res), "");
  EXPECT_TRUE((*res)->done());
  EXPECT_EQ(all, events[0] + events[1] + events[2]);
}

TEST_F(UpstreamClientTest, ContentLengthBodyInPieces) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest&) {
    ScriptedReply r = testing::openai_json("");
    r.chunks = {"{\"x\":", "[1,2,", "3]}"};
    r.framing = testing::Framing::kContentLength;
    return r;
  });
  auto c = client(endpoint_for(fake));
  for (int i = 0; i < 2; ++i) {
    auto res = send(*c, post("/v1/embeddings"));
    ASSERT_TRUE(res.ok()) << res.error().message;
    EXPECT_EQ(read_all(**res), R"({"x":[1,2,3]})");
  }
  EXPECT_EQ(fake.connection_count(), 1u);
}

TEST_F(UpstreamClientTest, EofDelimitedBodyIsCompleteAndNotReused) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest&) {
    ScriptedReply r = testing::openai_json("");
    r.chunks = {"hello ", "world"};
    r.framing = testing::Framing::kEof;
    return r;
  });
  auto c = client(endpoint_for(fake));
  for (int i = 0; i < 2; ++i) {
    auto res = send(*c, post("/v1/x"));
    ASSERT_TRUE(res.ok()) << res.error().message;
    std::optional<UpstreamError> error;
    EXPECT_EQ(read_all(**res, &error), "hello world");
    EXPECT_FALSE(error.has_value()) << error->message;
    EXPECT_TRUE((*res)->done());
  }
  EXPECT_EQ(fake.connection_count(), 2u);
}

TEST_F(UpstreamClientTest, RateLimitAndServerErrorsAreResponses) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest& r) {
    if (r.target == "/v1/a") {
      ScriptedReply reply = testing::status_error(429, R"({"error":{"code":"rate_limit"}})");
      reply.headers.emplace_back("retry-after", "7");
      return reply;
    }
    return testing::status_error(503, R"({"error":"overloaded"})");
  });
  auto c = client(endpoint_for(fake));
  auto a = send(*c, post("/v1/a"));
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ((*a)->status(), 429u);
  EXPECT_EQ((*a)->headers()["retry-after"], "7");
  EXPECT_EQ(read_all(**a), R"({"error":{"code":"rate_limit"}})");
  auto b = send(*c, post("/v1/b"));
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ((*b)->status(), 503u);
  EXPECT_EQ(read_all(**b), R"({"error":"overloaded"})");
  EXPECT_EQ(fake.connection_count(), 1u);  // error replies keep the connection
}

TEST_F(UpstreamClientTest, HeadAndNoContentHaveNoBody) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest&) {
    ScriptedReply r;
    r.status = 204;
    return r;
  });
  auto c = client(endpoint_for(fake));
  auto res = send(*c, post("/v1/x"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ((*res)->status(), 204u);
  EXPECT_TRUE((*res)->done());
  EXPECT_EQ(read_all(**res), "");
  auto again = send(*c, post("/v1/x"));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(fake.connection_count(), 1u);
}

// --- failures
// -------------------------------------------------------------------------------------

TEST_F(UpstreamClientTest, SlowFirstByteTimesOut) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest&) {
    ScriptedReply r = testing::openai_json("{}");
    r.delay_before_header = 60s;  // far beyond the limit; the fake is stopped when the test ends
    return r;
  });
  auto endpoint = endpoint_for(fake);
  endpoint.timeouts.first_byte = 100ms;
  auto c = client(endpoint);
  auto res = send(*c, post("/v1/chat/completions"));
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, UpstreamErrorKind::kTimeoutFirstByte) << res.error().message;
  EXPECT_TRUE(res.error().request_bytes_sent);
  EXPECT_EQ(fake.request_count(), 1u);
}

TEST_F(UpstreamClientTest, IdleTimeoutMidStream) {
  FakeUpstream fake;
  auto gate = fake.make_gate();  // never released: the second chunk never comes
  fake.set_handler([gate](const RecordedRequest&) {
    ScriptedReply r = testing::sse({"data: 1\n\n", "data: 2\n\n"});
    r.gate = gate;
    return r;
  });
  auto endpoint = endpoint_for(fake);
  endpoint.timeouts.idle = 100ms;
  auto c = client(endpoint);
  auto res = send(*c, post("/v1/chat/completions"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(read_exactly(**res, 9), "data: 1\n\n");
  auto next = read_some(**res);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().kind, UpstreamErrorKind::kTimeoutIdle) << next.error().message;
  EXPECT_TRUE(next.error().request_bytes_sent);
  EXPECT_FALSE((*res)->done());
  auto again = read_some(**res);  // errors stick
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, UpstreamErrorKind::kTimeoutIdle);
  EXPECT_EQ(pool_stats(*c).leased, 0u);
  EXPECT_EQ(pool_stats(*c).idle, 0u);
}

TEST_F(UpstreamClientTest, TotalTimeoutWinsOverLongerPhaseLimits) {
  FakeUpstream fake;
  auto gate = fake.make_gate();
  fake.set_handler([gate](const RecordedRequest&) {
    ScriptedReply r = testing::sse({"data: 1\n\n", "data: 2\n\n"});
    r.gate = gate;
    return r;
  });
  auto endpoint = endpoint_for(fake);
  endpoint.timeouts.total = 300ms;
  auto c = client(endpoint);
  auto res = send(*c, post("/v1/chat/completions"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(read_exactly(**res, 9), "data: 1\n\n");
  auto next = read_some(**res);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().kind, UpstreamErrorKind::kTimeoutTotal) << next.error().message;
}

TEST_F(UpstreamClientTest, MidStreamCloseIsAnError) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest&) {
    ScriptedReply r = testing::sse({"data: 1\n\n", "data: 2\n\n"});
    r.close_after_header = true;
    return r;
  });
  auto c = client(endpoint_for(fake));
  auto res = send(*c, post("/v1/chat/completions"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  std::optional<UpstreamError> error;
  EXPECT_EQ(read_all(**res, &error), "data: 1\n\n");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->kind, UpstreamErrorKind::kClosed) << error->message;
  EXPECT_TRUE(error->request_bytes_sent);
  EXPECT_FALSE((*res)->done());
}

TEST_F(UpstreamClientTest, MidStreamCloseOfContentLengthBody) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest&) {
    ScriptedReply r = testing::openai_json("");
    r.chunks = {"{\"partial\":", "true}"};
    r.framing = testing::Framing::kContentLength;
    r.close_after_header = true;
    return r;
  });
  auto c = client(endpoint_for(fake));
  auto res = send(*c, post("/v1/x"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  std::optional<UpstreamError> error;
  EXPECT_EQ(read_all(**res, &error), "{\"partial\":");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->kind, UpstreamErrorKind::kClosed) << error->message;
}

TEST_F(UpstreamClientTest, CloseWithoutReplyIsClosedAfterSending) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest&) {
    ScriptedReply r;
    r.close_without_reply = true;
    return r;
  });
  auto c = client(endpoint_for(fake));
  auto res = send(*c, post("/v1/x"));
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, UpstreamErrorKind::kClosed) << res.error().message;
  EXPECT_TRUE(res.error().request_bytes_sent);
  EXPECT_EQ(fake.request_count(), 1u);  // not retried: the request reached the upstream
  EXPECT_EQ(fake.connection_count(), 1u);
}

TEST_F(UpstreamClientTest, ConnectionRefused) {
  const switchyard::testing::RefusingPort down;
  auto c =
      client(parse_base_url("down", "http://127.0.0.1:" + std::to_string(down.port()) + "/v1"));
  auto res = send(*c, post("/v1/x"));
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, UpstreamErrorKind::kConnect) << res.error().message;
  EXPECT_FALSE(res.error().request_bytes_sent);
  EXPECT_EQ(pool_stats(*c).leased, 0u);
}

TEST_F(UpstreamClientTest, MalformedResponseIsProtocolError) {
  // A raw server on this io_context that answers anything with garbage.
  asio::ip::tcp::acceptor acceptor(io_, {asio::ip::make_address("127.0.0.1"), 0});
  const auto port = acceptor.local_endpoint().port();
  asio::co_spawn(
      io_,
      [&acceptor]() -> asio::awaitable<void> {
        auto socket = co_await acceptor.async_accept(asio::use_awaitable);
        char buf[256];
        co_await socket.async_read_some(asio::buffer(buf), asio::use_awaitable);
        static const std::string kGarbage = "HTTP/1.1 two hundred OK\r\n\r\n";
        co_await asio::async_write(socket, asio::buffer(kGarbage), asio::use_awaitable);
        co_await socket.async_read_some(asio::buffer(buf),
                                        asio::as_tuple(asio::use_awaitable));  // until closed
      },
      asio::detached);
  auto c = client(parse_base_url("garbage", "http://127.0.0.1:" + std::to_string(port)));
  auto res = send(*c, post("/x"));
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, UpstreamErrorKind::kProtocol) << res.error().message;
  EXPECT_TRUE(res.error().request_bytes_sent);
}

// --- the pool
// -------------------------------------------------------------------------------------

TEST_F(UpstreamClientTest, KeepAliveReusesOneConnection) {
  FakeUpstream fake;
  auto c = client(endpoint_for(fake));
  for (int i = 0; i < 5; ++i) {
    auto res = send(*c, post("/v1/chat/completions", std::to_string(i)));
    ASSERT_TRUE(res.ok()) << res.error().message;
    EXPECT_EQ(read_all(**res), "{}");
  }
  EXPECT_EQ(fake.connection_count(), 1u);
  EXPECT_EQ(fake.request_count(), 5u);
  EXPECT_EQ(pool_stats(*c).reused, 4u);
  EXPECT_EQ(pool_stats(*c).idle, 1u);
  EXPECT_EQ(fake.requests()[4].connection_index, 0u);
}

TEST_F(UpstreamClientTest, UnreadResponseIsNotReused) {
  FakeUpstream fake;
  auto c = client(endpoint_for(fake));
  {
    auto res = send(*c, post("/v1/x"));
    ASSERT_TRUE(res.ok()) << res.error().message;
  }  // destroyed before its body was read: its connection is closed, not pooled
  EXPECT_TRUE(fake.wait_for_closed_connections(1, 10s));
  auto res = send(*c, post("/v1/x"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(read_all(**res), "{}");
  EXPECT_EQ(fake.connection_count(), 2u);
}

TEST_F(UpstreamClientTest, DroppingAStreamClosesTheUpstreamConnection) {
  FakeUpstream fake;
  auto gate = fake.make_gate();
  fake.set_handler([gate](const RecordedRequest&) {
    ScriptedReply r = testing::sse({"data: 1\n\n", "data: 2\n\n", "data: 3\n\n"});
    r.gate = gate;
    return r;
  });
  auto c = client(endpoint_for(fake));
  auto res = send(*c, post("/v1/chat/completions"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(read_exactly(**res, 9), "data: 1\n\n");
  EXPECT_EQ(fake.closed_connection_count(), 0u);
  res.value().reset();  // the client went away
  gate->release(2);     // the fake's next write then fails on the closed connection
  EXPECT_TRUE(fake.wait_for_closed_connections(1, 10s));
  EXPECT_EQ(pool_stats(*c).leased, 0u);
  EXPECT_EQ(pool_stats(*c).idle, 0u);
}

TEST_F(UpstreamClientTest, PoolBoundGivesPoolExhausted) {
  FakeUpstream fake;
  auto gate = fake.make_gate();
  fake.set_handler([gate](const RecordedRequest& r) {
    if (r.target == "/v1/quick") return testing::openai_json("{}");
    ScriptedReply reply = testing::sse({"data: 1\n\n", "data: 2\n\n"});
    reply.gate = gate;
    return reply;
  });
  auto endpoint = endpoint_for(fake);
  endpoint.max_connections = 2;
  auto c = client(endpoint);
  auto a = send(*c, post("/v1/stream"));
  auto b = send(*c, post("/v1/stream"));
  ASSERT_TRUE(a.ok() && b.ok());
  auto third = send(*c, post("/v1/quick"));
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().kind, UpstreamErrorKind::kPoolExhausted);
  EXPECT_FALSE(third.error().request_bytes_sent);
  EXPECT_EQ(fake.connection_count(), 2u);

  gate->release(2);  // both streams can finish now
  EXPECT_EQ(read_all(**a), "data: 1\n\ndata: 2\n\n");
  auto fourth = send(*c, post("/v1/quick"));  // a's connection is idle again
  ASSERT_TRUE(fourth.ok()) << fourth.error().message;
  EXPECT_EQ(read_all(**fourth), "{}");
  EXPECT_EQ(fake.connection_count(), 2u);
}

TEST_F(UpstreamClientTest, IdleCapClosesTheOldest) {
  FakeUpstream fake;
  auto endpoint = endpoint_for(fake);
  endpoint.max_idle_connections = 1;
  auto c = client(endpoint);
  auto a = send(*c, post("/v1/x"));
  auto b = send(*c, post("/v1/x"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(read_all(**a), "{}");
  EXPECT_EQ(read_all(**b), "{}");
  EXPECT_EQ(pool_stats(*c).idle, 1u);
  EXPECT_TRUE(fake.wait_for_closed_connections(1, 10s));
  // LIFO: the newest (b's) connection is the one kept and reused.
  auto again = send(*c, post("/v1/x"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(read_all(**again), "{}");
  EXPECT_EQ(fake.requests().back().connection_index, fake.requests()[1].connection_index);
}

TEST_F(UpstreamClientTest, IdleConnectionClosedByPeerIsDropped) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest& r) {
    ScriptedReply reply = testing::openai_json("{}");
    reply.close_after_reply = r.target == "/v1/then-close";  // like a server's idle timeout
    return reply;
  });
  auto c = client(endpoint_for(fake));
  auto first = send(*c, post("/v1/then-close"));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(read_all(**first), "{}");
  ASSERT_TRUE(fake.wait_for_closed_connections(1, 10s));
  auto second = send(*c, post("/v1/x"));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(read_all(**second), "{}");
  EXPECT_EQ(pool_stats(*c).dropped_stale, 1u);
  EXPECT_EQ(fake.connection_count(), 2u);
  EXPECT_EQ(fake.request_count(), 2u);
}

TEST_F(UpstreamClientTest, StaleConnectionResetIsRetriedOnceOnANewConnection) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest& r) {
    ScriptedReply reply = testing::openai_json("{}");
    reply.reset_after_reply = r.target == "/v1/then-reset";
    return reply;
  });
  // Without the idle probe the pooled socket is handed out although the peer reset it: the write
  // then fails before the kernel took any byte, which is the case the retry exists for.
  auto c = client(endpoint_for(fake), UpstreamPoolOptions{.probe_idle_connections = false});
  auto first = send(*c, post("/v1/then-reset"));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(read_all(**first), "{}");
  ASSERT_TRUE(fake.wait_for_closed_connections(1, 10s));
  auto second = send(*c, post("/v1/x", "second"));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(read_all(**second), "{}");
  EXPECT_EQ(fake.connection_count(), 2u);
  ASSERT_EQ(fake.request_count(), 2u);  // the failed attempt never reached the upstream
  EXPECT_EQ(fake.requests()[1].body, "second");
  EXPECT_EQ(fake.requests()[1].connection_index, 1u);
}

TEST_F(UpstreamClientTest, StaleConnectionThatAcceptedBytesIsNotRetried) {
  FakeUpstream fake;
  fake.set_handler([](const RecordedRequest& r) {
    ScriptedReply reply = testing::openai_json("{}");
    reply.close_after_reply = r.target == "/v1/then-close";
    return reply;
  });
  // The peer sent FIN only: the kernel accepts the write, so the request may have been delivered
  // and must not be sent again.
  auto c = client(endpoint_for(fake), UpstreamPoolOptions{.probe_idle_connections = false});
  auto first = send(*c, post("/v1/then-close"));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(read_all(**first), "{}");
  ASSERT_TRUE(fake.wait_for_closed_connections(1, 10s));
  auto second = send(*c, post("/v1/x"));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, UpstreamErrorKind::kClosed) << second.error().message;
  EXPECT_TRUE(second.error().request_bytes_sent);
  EXPECT_EQ(fake.connection_count(), 1u);
}

// --- TLS
// ------------------------------------------------------------------------------------------

TEST_F(UpstreamClientTest, TlsWithTheTestCa) {
  FakeUpstream fake({.tls = true});
  fake.set_handler([](const RecordedRequest&) {
    return testing::sse({"data: 1\n\n", "data: 2\n\n"});
  });
  auto endpoint = endpoint_for(fake);
  EXPECT_TRUE(endpoint.tls);
  endpoint.ca_file = testing::test_certs().ca_file;
  auto c = client(endpoint);
  for (int i = 0; i < 3; ++i) {
    auto res = send(*c, post("/v1/chat/completions"));
    ASSERT_TRUE(res.ok()) << res.error().message;
    EXPECT_EQ(read_all(**res), "data: 1\n\ndata: 2\n\n");
  }
  EXPECT_EQ(fake.connection_count(), 1u);
}

TEST_F(UpstreamClientTest, TlsByHostNameWithSni) {
  FakeUpstream fake({.tls = true});
  auto endpoint = parse_base_url("tls", "https://localhost:" + std::to_string(fake.port()) + "/v1");
  endpoint.ca_file = testing::test_certs().ca_file;
  auto c = client(endpoint);
  auto res = send(*c, post("/v1/x"));
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(read_all(**res), "{}");
  EXPECT_EQ(fake.requests()[0].header("host"), "localhost:" + std::to_string(fake.port()));
}

TEST_F(UpstreamClientTest, TlsWithoutTheCaFails) {
  FakeUpstream fake({.tls = true});
  auto c = client(endpoint_for(fake));  // system store only: the test CA is unknown
  auto res = send(*c, post("/v1/x"));
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, UpstreamErrorKind::kTls) << res.error().message;
  EXPECT_FALSE(res.error().request_bytes_sent);
  EXPECT_EQ(fake.request_count(), 0u);
}

TEST_F(UpstreamClientTest, TlsServerSignedByAnUntrustedCaFails) {
  FakeUpstream fake({.tls = true, .cert = FakeUpstream::Cert::kUntrusted});
  auto endpoint = endpoint_for(fake);
  endpoint.ca_file = testing::test_certs().ca_file;
  auto c = client(endpoint);
  auto res = send(*c, post("/v1/x"));
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, UpstreamErrorKind::kTls) << res.error().message;
  EXPECT_NE(res.error().message.find("certificate"), std::string::npos) << res.error().message;
  EXPECT_EQ(fake.request_count(), 0u);
}

TEST_F(UpstreamClientTest, TlsWrongHostNameFails) {
  FakeUpstream fake({.tls = true, .cert = FakeUpstream::Cert::kWrongHost});
  auto endpoint = endpoint_for(fake);
  endpoint.ca_file = testing::test_certs().ca_file;
  for (const std::string host : {"127.0.0.1", "localhost"}) {
    auto e = endpoint;
    e.host = host;
    auto c = client(e);
    auto res = send(*c, post("/v1/x"));
    ASSERT_FALSE(res.ok()) << host;
    EXPECT_EQ(res.error().kind, UpstreamErrorKind::kTls) << res.error().message;
    EXPECT_NE(res.error().message.find("mismatch"), std::string::npos) << res.error().message;
  }
  EXPECT_EQ(fake.request_count(), 0u);
}

TEST_F(UpstreamClientTest, TlsCaFileThatDoesNotExistIsAStartupError) {
  auto endpoint = parse_base_url("tls", "https://127.0.0.1:1/v1");
  endpoint.ca_file = "/nonexistent/ca.pem";
  EXPECT_THROW(make_client_tls_context(endpoint), std::runtime_error);
  EXPECT_EQ(make_client_tls_context(parse_base_url("plain", "http://127.0.0.1:1")), nullptr);
}

}  // namespace
}  // namespace switchyard::proxy
