// DeadlineStream keeps beast::tcp_stream's timeout contract with one sweep per io_context: a
// pending operation past its deadline ends with beast::error::timeout, an operation without a
// deadline never does, and the io_context runs out of work once nothing timed is pending.
#include "proxy/upstream/deadline_stream.h"

#include <gtest/gtest.h>
#include <sys/socket.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <optional>
#include <string>

namespace {

namespace asio = boost::asio;
using switchyard::proxy::DeadlineStream;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

// A connected pair on loopback: `ours` is the stream under test, `peer` a plain socket.
struct Pair {
  explicit Pair(asio::io_context& io) : ours(io.get_executor()), peer(io) {
    tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
    ours.socket().connect(acceptor.local_endpoint());
    acceptor.accept(peer);
  }
  DeadlineStream ours;
  tcp::socket peer;
};

TEST(DeadlineStreamTest, ReadPastItsDeadlineTimesOutAndClosesTheSocket) {
  asio::io_context io;
  Pair pair(io);
  std::optional<boost::system::error_code> result;
  const auto start = Clock::now();
  Clock::duration took{};
  pair.ours.expires_after(60ms);
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        std::array<char, 16> buf;
        auto [ec, n] = co_await pair.ours.async_read_some(asio::buffer(buf), kTuple);
        took = Clock::now() - start;
        result = ec;
      },
      asio::detached);
  io.run();  // returns: the timeout ends the only operation, and the sweep stops
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, boost::beast::error::timeout) << result->message();
  EXPECT_GE(took, 60ms);
  EXPECT_FALSE(pair.ours.socket().is_open());
}

TEST(DeadlineStreamTest, WithoutCloseOnTimeoutTheSocketStaysOpenForAReply) {
  asio::io_context io;
  Pair pair(io);
  pair.ours.close_on_timeout(false);
  std::optional<boost::system::error_code> read_result;
  std::optional<boost::system::error_code> write_result;
  pair.ours.expires_after(40ms);
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        std::array<char, 16> buf;
        auto [ec, n] = co_await pair.ours.async_read_some(asio::buffer(buf), kTuple);
        read_result = ec;
        pair.ours.expires_after(10s);
        auto [wec, w] =
            co_await asio::async_write(pair.ours, asio::buffer(std::string_view("408")), kTuple);
        write_result = wec;
      },
      asio::detached);
  io.run();
  ASSERT_TRUE(read_result && write_result);
  EXPECT_EQ(*read_result, boost::beast::error::timeout);
  EXPECT_FALSE(*write_result) << write_result->message();
  std::array<char, 3> got;
  asio::read(pair.peer, asio::buffer(got));
  EXPECT_EQ(std::string_view(got.data(), got.size()), "408");
}

TEST(DeadlineStreamTest, OperationWithoutDeadlineWaitsForData) {
  asio::io_context io;
  Pair pair(io);
  std::string got;
  pair.ours.expires_after(30ms);
  pair.ours.expires_never();  // the deadline is lifted before the read starts
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        std::array<char, 16> buf;
        auto [ec, n] = co_await pair.ours.async_read_some(asio::buffer(buf), kTuple);
        EXPECT_FALSE(ec) << ec.message();
        got.assign(buf.data(), n);
      },
      asio::detached);
  // The peer writes only after four sweep intervals and twice the lifted deadline.
  asio::steady_timer later(io, 100ms);
  later.async_wait([&](auto) { asio::write(pair.peer, asio::buffer(std::string_view("late"))); });
  io.run();
  EXPECT_EQ(got, "late");
  EXPECT_TRUE(pair.ours.socket().is_open());
}

TEST(DeadlineStreamTest, DataBeforeTheDeadlineCompletesAndLaterReadsKeepTheirOwnDeadline) {
  asio::io_context io;
  Pair pair(io);
  std::vector<boost::system::error_code> results;
  asio::write(pair.peer, asio::buffer(std::string_view("now")));
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        std::array<char, 16> buf;
        pair.ours.expires_after(10s);
        auto [ec1, n1] = co_await pair.ours.async_read_some(asio::buffer(buf), kTuple);
        results.push_back(ec1);
        pair.ours.expires_after(40ms);  // nothing more comes: this one times out
        auto [ec2, n2] = co_await pair.ours.async_read_some(asio::buffer(buf), kTuple);
        results.push_back(ec2);
      },
      asio::detached);
  io.run();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_FALSE(results[0]);
  EXPECT_EQ(results[1], boost::beast::error::timeout);
}

TEST(DeadlineStreamTest, DeadlinePassedWhileIdleTimesOutTheNextOperation) {
  asio::io_context io;
  Pair pair(io);
  std::optional<boost::system::error_code> result;
  pair.ours.expires_after(1ms);
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        asio::steady_timer wait(io, 30ms);  // the deadline passes with nothing pending
        co_await wait.async_wait(asio::use_awaitable);
        std::array<char, 16> buf;
        auto [ec, n] = co_await pair.ours.async_read_some(asio::buffer(buf), kTuple);
        result = ec;
      },
      asio::detached);
  io.run();
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, boost::beast::error::timeout);
}

TEST(DeadlineStreamTest, OnlyTheStreamPastItsDeadlineIsClosed) {
  asio::io_context io;
  Pair slow(io);
  Pair fast(io);
  std::optional<boost::system::error_code> slow_result;
  std::optional<boost::system::error_code> fast_result;
  slow.ours.expires_after(40ms);
  fast.ours.expires_after(10s);
  auto reader = [](DeadlineStream& s,
                   std::optional<boost::system::error_code>& out) -> asio::awaitable<void> {
    std::array<char, 16> buf;
    auto [ec, n] = co_await s.async_read_some(asio::buffer(buf), kTuple);
    out = ec;
  };
  asio::co_spawn(io, reader(slow.ours, slow_result), asio::detached);
  asio::co_spawn(io, reader(fast.ours, fast_result), asio::detached);
  asio::steady_timer later(io, 120ms);
  later.async_wait([&](auto) { asio::write(fast.peer, asio::buffer(std::string_view("x"))); });
  io.run();
  ASSERT_TRUE(slow_result && fast_result);
  EXPECT_EQ(*slow_result, boost::beast::error::timeout);
  EXPECT_FALSE(*fast_result) << fast_result->message();
}

TEST(DeadlineStreamTest, ShortDeadlineDuringALongPlannedSleepFiresOnTime) {
  // The first read plans the next sweep a second ahead (its own deadline is far away); the second
  // read's 50 ms deadline must move it, not wait for it.
  asio::io_context io;
  Pair idle(io);
  Pair pair(io);
  std::optional<boost::system::error_code> result;
  Clock::duration took{};
  idle.ours.expires_after(60s);
  std::array<char, 16> idle_buf;
  idle.ours.async_read_some(asio::buffer(idle_buf), [](boost::system::error_code, std::size_t) {});
  const auto start = Clock::now();
  pair.ours.expires_after(50ms);
  std::array<char, 16> buf;
  pair.ours.async_read_some(asio::buffer(buf), [&](boost::system::error_code ec, std::size_t) {
    result = ec;
    took = Clock::now() - start;
    idle.ours.close();  // ends the other read, so io.run() returns
  });
  io.run();
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, boost::beast::error::timeout);
  EXPECT_GE(took, 50ms);
  EXPECT_LT(took, 900ms) << "the sweep planned for one second later was not moved";
}

TEST(DeadlineStreamTest, WritesCountTheBytesTheKernelTook) {
  asio::io_context io;
  Pair pair(io);
  const std::string payload(100000, 'x');
  std::string received(payload.size(), '\0');
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        pair.ours.expires_after(10s);
        auto [ec, n] = co_await asio::async_write(pair.ours, asio::buffer(payload), kTuple);
        EXPECT_FALSE(ec) << ec.message();
      },
      asio::detached);
  asio::async_read(pair.peer, asio::buffer(received), [](auto, auto) {});
  io.run();
  EXPECT_EQ(pair.ours.bytes_written(), payload.size());
  EXPECT_EQ(received, payload);
}

TEST(DeadlineStreamTest, ConnectPastItsDeadlineTimesOut) {
  asio::io_context io;
  // Linux drops the SYNs to a listener whose accept queue is full, so a connect to it hangs: fill
  // the queue with connections nobody accepts, then one more that must time out.
  tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
  acceptor.listen(0);
  std::vector<tcp::socket> fillers;
  for (int i = 0; i < 8; ++i) {
    fillers.emplace_back(io, tcp::v4());
    fillers.back().native_non_blocking(true);
    // ::connect, not asio's connect(), which waits for the handshake even on a non-blocking socket.
    const auto target = acceptor.local_endpoint();
    (void)::connect(fillers.back().native_handle(), target.data(), target.size());
  }
  DeadlineStream stream(io.get_executor());
  std::optional<boost::system::error_code> result;
  stream.expires_after(80ms);
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        const std::array<tcp::endpoint, 1> targets{acceptor.local_endpoint()};
        auto [ec, endpoint] = co_await stream.async_connect(targets, kTuple);
        result = ec;
      },
      asio::detached);
  io.run();
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, boost::beast::error::timeout) << result->message();
}

TEST(DeadlineStreamTest, DestroyingTheStreamAbortsItsPendingOperation) {
  asio::io_context io;
  auto pair = std::make_unique<Pair>(io);
  std::optional<boost::system::error_code> result;
  pair->ours.expires_after(10s);
  std::array<char, 16> buf;
  pair->ours.async_read_some(asio::buffer(buf),
                             [&](boost::system::error_code ec, std::size_t) { result = ec; });
  pair.reset();  // the handler runs later and must find the shared state alive
  io.run();
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, asio::error::operation_aborted);
}

}  // namespace
