// A benchmark-only reverse proxy: the least a Boost.Beast/Asio server built the way Switchyard is
// (one io_context and SO_REUSEPORT acceptor per core, a coroutine per connection, Beast's parsers
// and serializers, a read timeout per request, a keep-alive upstream connection) must spend per
// request, with no inspection, no JSON, no audit. It answers "what does the fixed stack cost?" in
// the same harness run as nginx and Switchyard (scripts/bench-load.sh with BENCH_FLOOR=1), so the
// gap between Switchyard and nginx can be split into the stack's share and ours. Never installed.
// Usage: bench_beast_floor --listen PORT --upstream HOST:PORT [--threads N] [--untimed |
// --deadline-stream]
#include <sys/socket.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "proxy/upstream/deadline_stream.h"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr auto kTimeout = std::chrono::seconds(60);

// Three ways to keep the timeouts: beast::tcp_stream (a timer around every operation, as
// Switchyard did until session 6), DeadlineStream (what it does now), or none (bare sockets, to
// show what timeouts cost at all).
using switchyard::proxy::DeadlineStream;

tcp::socket& socket_of(beast::tcp_stream& s) { return s.socket(); }
tcp::socket& socket_of(DeadlineStream& s) { return s.socket(); }
tcp::socket& socket_of(tcp::socket& s) { return s; }

template <class Stream>
void expire(Stream& s) {
  if constexpr (!std::is_same_v<Stream, tcp::socket>) s.expires_after(kTimeout);
}

// One upstream connection per client connection, opened on first use and kept: the cheapest
// keep-alive reuse there is (no pool bookkeeping), which is what a floor should measure.
template <class Stream>
asio::awaitable<void> session(tcp::socket socket, tcp::endpoint upstream) {
  Stream client(std::move(socket));
  std::optional<Stream> up;
  beast::flat_buffer client_buffer;
  beast::flat_buffer up_buffer;
  for (;;) {
    http::request_parser<http::string_body> request;
    request.body_limit(8u << 20);
    expire(client);
    if (auto [ec, n] = co_await http::async_read(client, client_buffer, request, kTuple); ec) {
      break;
    }
    http::request<http::string_body> out = request.release();
    const bool keep_alive = out.keep_alive();
    out.keep_alive(true);
    if (!up) {
      up.emplace(co_await asio::this_coro::executor);
      expire(*up);
      if (auto [ec, e] = co_await asio::async_connect(socket_of(*up), std::array{upstream}, kTuple);
          ec) {
        break;
      }
      socket_of(*up).set_option(tcp::no_delay(true));
    }
    expire(*up);
    if (auto [ec, n] = co_await http::async_write(*up, out, kTuple); ec) break;
    http::response_parser<http::string_body> response;
    response.body_limit(64u << 20);
    if (auto [ec, n] = co_await http::async_read(*up, up_buffer, response, kTuple); ec) break;
    http::response<http::string_body> back = response.release();
    back.keep_alive(keep_alive);
    expire(client);
    if (auto [ec, n] = co_await http::async_write(client, back, kTuple); ec) break;
    if (!keep_alive) break;
  }
  beast::error_code ignored;
  socket_of(client).shutdown(tcp::socket::shutdown_both, ignored);
}

enum class Timing { kTcpStream, kDeadlineStream, kNone };

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, tcp::endpoint upstream, Timing timing) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(kTuple);
    if (ec) co_return;
    socket.set_option(tcp::no_delay(true));
    if (timing == Timing::kTcpStream) {
      asio::co_spawn(acceptor.get_executor(),
                     session<beast::tcp_stream>(std::move(socket), upstream), asio::detached);
    } else if (timing == Timing::kDeadlineStream) {
      asio::co_spawn(acceptor.get_executor(), session<DeadlineStream>(std::move(socket), upstream),
                     asio::detached);
    } else {
      asio::co_spawn(acceptor.get_executor(), session<tcp::socket>(std::move(socket), upstream),
                     asio::detached);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string listen_port;
  std::string upstream_spec;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  Timing timing = Timing::kTcpStream;
  for (int i = 1; i < argc; i += 2) {
    const std::string_view flag(argv[i]);
    if (flag == "--untimed" || flag == "--deadline-stream") {
      timing = flag == "--untimed" ? Timing::kNone : Timing::kDeadlineStream;
      --i;
    } else if (i + 1 >= argc) {
      break;
    } else if (flag == "--listen") {
      listen_port = argv[i + 1];
    } else if (flag == "--upstream") {
      upstream_spec = argv[i + 1];
    } else if (flag == "--threads") {
      threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    }
  }
  const auto colon = upstream_spec.rfind(':');
  if (listen_port.empty() || colon == std::string::npos || threads == 0) {
    std::fprintf(stderr,
                 "usage: %s --listen PORT --upstream HOST:PORT [--threads N] [--untimed | "
                 "--deadline-stream]\n",
                 argv[0]);
    return 2;
  }
  const tcp::endpoint upstream(asio::ip::make_address(upstream_spec.substr(0, colon)),
                               static_cast<unsigned short>(std::atoi(&upstream_spec[colon + 1])));
  const tcp::endpoint listen(asio::ip::make_address("127.0.0.1"),
                             static_cast<unsigned short>(std::atoi(listen_port.c_str())));

  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  for (unsigned t = 0; t < threads; ++t) {
    auto& io = *contexts.emplace_back(std::make_unique<asio::io_context>(1));
    auto& acceptor = *acceptors.emplace_back(std::make_unique<tcp::acceptor>(io));
    acceptor.open(listen.protocol());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.set_option(ReusePort(true));
    acceptor.bind(listen);
    acceptor.listen(asio::socket_base::max_listen_connections);
    asio::co_spawn(io, accept_loop(acceptor, upstream, timing), asio::detached);
  }
  asio::signal_set signals(*contexts[0], SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code&, int) {
    for (auto& io : contexts) io->stop();
  });
  std::vector<std::thread> runners;
  for (unsigned t = 1; t < threads; ++t) runners.emplace_back([&io = *contexts[t]] { io.run(); });
  contexts[0]->run();
  for (auto& r : runners) r.join();
  return 0;
}
