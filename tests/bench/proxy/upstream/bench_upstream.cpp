// The upstream client's cost per exchange over a pooled keep-alive connection to a loopback fake: a
// 1 KB JSON reply (HTTP and HTTPS) and a 200-event SSE stream. The "CPU" column is the calling
// thread's time, i.e. the client's side only; the fake runs on its own thread.
#include <benchmark/benchmark.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <stdexcept>

#include "proxy/upstream/upstream_client.h"
#include "tests/integration/support/fake_upstream.cpp"  // NOLINT(bugprone-suspicious-include)
#include "tests/integration/support/test_certs.cpp"     // NOLINT(bugprone-suspicious-include)

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using switchyard::proxy::UpstreamClient;

// Sends one request and reads the body to the end; returns the body size (0 on any error).
asio::awaitable<void> exchange(UpstreamClient& client, std::size_t& bytes) {
  http::request<http::string_body> req{http::verb::post, "/v1/chat/completions", 11};
  req.set(http::field::content_type, "application/json");
  req.body() = R"({"model":"m","messages":[{"role":"user","content":"hello"}]})";
  auto res = co_await client.send(std::move(req));
  bytes = 0;
  if (!res) co_return;
  for (;;) {
    auto piece = co_await (*res)->read_some();
    if (!piece || piece->empty()) co_return;
    bytes += piece->size();
  }
}

void run_exchanges(benchmark::State& state, switchyard::testing::FakeUpstream& fake,
                   const std::string& ca_file) {
  asio::io_context io;
  auto endpoint = switchyard::proxy::parse_base_url("bench", fake.base_url());
  endpoint.ca_file = ca_file;
  auto client = switchyard::proxy::make_upstream_client(
      io.get_executor(), endpoint, switchyard::proxy::make_client_tls_context(endpoint));
  std::size_t bytes = 0;
  std::size_t total = 0;
  for (auto _ : state) {
    asio::co_spawn(io, exchange(*client, bytes), asio::detached);
    io.restart();
    io.run();
    if (bytes == 0) {
      state.SkipWithError("exchange failed");
      break;
    }
    total += bytes;
  }
  state.SetBytesProcessed(static_cast<int64_t>(total));
  state.counters["connections"] = static_cast<double>(fake.connection_count());
}

std::string json_body() {
  std::string body =
      R"({"id":"chatcmpl-1","object":"chat.completion","choices":[{"message":{"content":")";
  body.append(900, 'x');
  body += R"("}}]})";
  return body;
}

void BM_UpstreamJsonKeepAlive(benchmark::State& state) {
  switchyard::testing::FakeUpstream fake;
  const auto reply = switchyard::testing::openai_json(json_body());
  fake.set_handler([reply](const auto&) { return reply; });
  run_exchanges(state, fake, "");
}
BENCHMARK(BM_UpstreamJsonKeepAlive)->UseRealTime();

void BM_UpstreamJsonKeepAliveTls(benchmark::State& state) {
  switchyard::testing::FakeUpstream fake({.tls = true});
  const auto reply = switchyard::testing::openai_json(json_body());
  fake.set_handler([reply](const auto&) { return reply; });
  run_exchanges(state, fake, switchyard::testing::test_certs().ca_file);
}
BENCHMARK(BM_UpstreamJsonKeepAliveTls)->UseRealTime();

void BM_UpstreamSse200Events(benchmark::State& state) {
  switchyard::testing::FakeUpstream fake;
  std::vector<std::string> events;
  for (int i = 0; i < 200; ++i) {
    events.push_back(R"(data: {"choices":[{"delta":{"content":"token )" + std::to_string(i) +
                     R"("}}]})"
                     "\n\n");
  }
  const auto reply = switchyard::testing::sse(events);
  fake.set_handler([reply](const auto&) { return reply; });
  run_exchanges(state, fake, "");
}
BENCHMARK(BM_UpstreamSse200Events)->UseRealTime();

}  // namespace
