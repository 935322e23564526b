// A TCP stream with beast::tcp_stream's timeout contract and a cheaper way of keeping it.
//
// beast::tcp_stream arms a timer when each read or write starts and cancels it when the operation
// completes: a timer-queue insert and removal, a cancelled wait completed through the scheduler,
// and often a timerfd update, around every I/O. In a bare Beast proxy that was a quarter of the
// CPU per request (docs/benchmarks.md, "Session 6"). Here expires_after() only stores the
// deadline; one sweep timer per io_context, due at the earliest pending deadline (sweeps at most
// every kSweepInterval, at least every kLongestSleep), closes the streams whose deadline has
// passed (or, with close_on_timeout(false), cancels their operations). The pending operation (and
// any later one) completes with beast::error::timeout, as with tcp_stream; a timeout fires at most
// kSweepInterval late. The timer moves only when an operation
// starts with a deadline well before the next sweep (rare: client and upstream deadlines are
// seconds away), and is cancelled when no timed operation is pending, so an io_context without
// other work still runs out of work, as with tcp_stream.
//
// A stream and its io_context must run on one thread (each worker has its own io_context), so the
// sweep and the stream's own calls never race.
#pragma once

#include <boost/asio/associator.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/execution_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

namespace switchyard::proxy {

class DeadlineStream;

namespace deadline_detail {

using Clock = std::chrono::steady_clock;
inline constexpr auto kSweepInterval = std::chrono::milliseconds(20);
inline constexpr auto kLongestSleep = std::chrono::seconds(1);

// What the stream and its in-flight handlers share: a handler may complete after the stream is
// gone (its socket closed), and must still find out whether its operation timed out.
struct State {
  explicit State(boost::asio::ip::tcp::socket s) : socket(std::move(s)) {}
  boost::asio::ip::tcp::socket socket;
  Clock::time_point deadline = Clock::time_point::max();
  bool timed_out = false;
  bool close_on_timeout = true;
  unsigned pending = 0;  // operations started and not yet completed
  std::uint64_t bytes_written = 0;
  // The sweep's list of the io_context's live streams (intrusive: no allocation per stream).
  State* prev = nullptr;
  State* next = nullptr;
  class Sweeper* sweeper = nullptr;
};

// One per io_context (an Asio service): the list of its streams and the sweep timer.
class Sweeper final : public boost::asio::execution_context::service {
 public:
  static boost::asio::execution_context::id id;
  explicit Sweeper(boost::asio::execution_context& context);

  void add(State& state);
  void remove(State& state);
  // An operation starts on a stream with a deadline: a sweep must be due while it is pending.
  void timed_op_started(const boost::asio::any_io_executor& executor, Clock::time_point deadline) {
    ++timed_pending_;
    if (!sweeping_) {
      start(executor, deadline);
    } else if (deadline < next_at_ - kSweepInterval) {
      schedule(deadline);  // the planned sweep would be too late for this one
    }
  }
  void timed_op_done() {
    if (--timed_pending_ == 0 && sweeping_) stop();
  }

 private:
  void shutdown() override;
  void start(const boost::asio::any_io_executor& executor, Clock::time_point deadline);
  void stop();
  void schedule(Clock::time_point at);
  void sweep();

  State* head_ = nullptr;
  std::size_t timed_pending_ = 0;
  std::optional<boost::asio::steady_timer> timer_;
  Clock::time_point next_at_ = Clock::time_point::max();  // when the planned sweep runs
  bool sweeping_ = false;
};

// Completes the wrapped handler with beast::error::timeout instead of the error a timed-out
// stream's closed socket produced, and counts written bytes.
template <class Handler, bool kWrite>
class TimedHandler {
 public:
  TimedHandler(Handler handler, std::shared_ptr<State> state)
      : handler_(std::move(handler)), state_(std::move(state)) {
    ++state_->pending;
    timed_ = state_->deadline != Clock::time_point::max() && state_->sweeper != nullptr;
    if (timed_) {
      state_->sweeper->timed_op_started(state_->socket.get_executor(), state_->deadline);
    }
  }

  void operator()(boost::system::error_code ec, std::size_t n) {
    if constexpr (kWrite) state_->bytes_written += n;
    complete(ec);
    std::move(handler_)(ec, n);
  }
  // asio::async_connect's completion.
  void operator()(boost::system::error_code ec, const boost::asio::ip::tcp::endpoint& endpoint) {
    complete(ec);
    std::move(handler_)(ec, endpoint);
  }

  Handler handler_;

 private:
  void complete(boost::system::error_code& ec) {
    --state_->pending;
    if (timed_ && state_->sweeper != nullptr) state_->sweeper->timed_op_done();
    if (ec && state_->timed_out) ec = boost::beast::error::timeout;
  }

  std::shared_ptr<State> state_;
  bool timed_ = false;
};

}  // namespace deadline_detail

class DeadlineStream {
 public:
  using executor_type = boost::asio::any_io_executor;
  using socket_type = boost::asio::ip::tcp::socket;
  // What asio::ssl::stream expects of the layer below it.
  using lowest_layer_type = socket_type;

  explicit DeadlineStream(const executor_type& executor) : DeadlineStream(socket_type(executor)) {}
  explicit DeadlineStream(socket_type socket);
  DeadlineStream(DeadlineStream&&) noexcept = default;
  DeadlineStream& operator=(DeadlineStream&&) = delete;
  DeadlineStream(const DeadlineStream&) = delete;
  DeadlineStream& operator=(const DeadlineStream&) = delete;
  // Closes the socket: pending operations complete with operation_aborted, as with tcp_stream.
  ~DeadlineStream();

  executor_type get_executor() noexcept { return state_->socket.get_executor(); }
  socket_type& socket() noexcept { return state_->socket; }
  lowest_layer_type& lowest_layer() noexcept { return state_->socket; }

  // The deadline for the operations that follow, until changed. A passed deadline times out the
  // pending operation, and every later one.
  void expires_at(deadline_detail::Clock::time_point at);
  void expires_after(deadline_detail::Clock::duration d) {
    expires_at(deadline_detail::Clock::now() + d);
  }
  void expires_never() { state_->deadline = deadline_detail::Clock::time_point::max(); }

  // tcp_stream closes the socket on a timeout. A server that still wants to answer (408 after a
  // request stopped arriving) sets this to false: the timed-out operation is then cancelled and
  // the socket stays open for the reply; the owner closes it after.
  void close_on_timeout(bool close) { state_->close_on_timeout = close; }

  void close();
  // Bytes the kernel accepted from writes on this stream (what a retry decision needs).
  std::uint64_t bytes_written() const { return state_->bytes_written; }

  template <class MutableBufferSequence, class ReadToken>
  auto async_read_some(const MutableBufferSequence& buffers, ReadToken&& token) {
    return boost::asio::async_initiate<ReadToken, void(boost::system::error_code, std::size_t)>(
        [](auto handler, std::shared_ptr<deadline_detail::State> state,
           const MutableBufferSequence& b) {
          auto& socket = state->socket;
          socket.async_read_some(b, deadline_detail::TimedHandler<decltype(handler), false>(
                                        std::move(handler), std::move(state)));
        },
        token, state_, buffers);
  }

  template <class ConstBufferSequence, class WriteToken>
  auto async_write_some(const ConstBufferSequence& buffers, WriteToken&& token) {
    return boost::asio::async_initiate<WriteToken, void(boost::system::error_code, std::size_t)>(
        [](auto handler, std::shared_ptr<deadline_detail::State> state,
           const ConstBufferSequence& b) {
          auto& socket = state->socket;
          socket.async_write_some(b, deadline_detail::TimedHandler<decltype(handler), true>(
                                         std::move(handler), std::move(state)));
        },
        token, state_, buffers);
  }

  // Tries each endpoint in turn, like asio::async_connect; completes with (error, endpoint).
  template <class EndpointSequence, class ConnectToken>
  auto async_connect(const EndpointSequence& endpoints, ConnectToken&& token) {
    return boost::asio::async_initiate<ConnectToken, void(boost::system::error_code,
                                                          boost::asio::ip::tcp::endpoint)>(
        [](auto handler, std::shared_ptr<deadline_detail::State> state, const EndpointSequence& e) {
          auto& socket = state->socket;
          boost::asio::async_connect(socket, e,
                                     deadline_detail::TimedHandler<decltype(handler), false>(
                                         std::move(handler), std::move(state)));
        },
        token, state_, endpoints);
  }

 private:
  std::shared_ptr<deadline_detail::State> state_;
};

}  // namespace switchyard::proxy

// The wrapped handler keeps the executor, allocator and cancellation slot of the handler inside.
namespace boost::asio {
template <template <typename, typename> class Associator, typename Handler, bool kWrite,
          typename DefaultCandidate>
struct associator<Associator, switchyard::proxy::deadline_detail::TimedHandler<Handler, kWrite>,
                  DefaultCandidate> : Associator<Handler, DefaultCandidate> {
  static typename Associator<Handler, DefaultCandidate>::type get(
      const switchyard::proxy::deadline_detail::TimedHandler<Handler, kWrite>& h) noexcept {
    return Associator<Handler, DefaultCandidate>::get(h.handler_);
  }
  static auto get(const switchyard::proxy::deadline_detail::TimedHandler<Handler, kWrite>& h,
                  const DefaultCandidate& c) noexcept
      -> decltype(Associator<Handler, DefaultCandidate>::get(h.handler_, c)) {
    return Associator<Handler, DefaultCandidate>::get(h.handler_, c);
  }
};
}  // namespace boost::asio
