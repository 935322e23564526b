#include "proxy/upstream/deadline_stream.h"

#include <algorithm>

namespace switchyard::proxy {

namespace asio = boost::asio;

namespace deadline_detail {

asio::execution_context::id Sweeper::id;

Sweeper::Sweeper(asio::execution_context& context) : asio::execution_context::service(context) {}

void Sweeper::add(State& state) {
  state.sweeper = this;
  state.next = head_;
  if (head_ != nullptr) head_->prev = &state;
  head_ = &state;
}

void Sweeper::remove(State& state) {
  if (state.prev != nullptr) state.prev->next = state.next;
  if (state.next != nullptr) state.next->prev = state.prev;
  if (head_ == &state) head_ = state.next;
  state.prev = state.next = nullptr;
  // state.sweeper stays: a handler still pending on a destroyed stream reports its end to it.
}

void Sweeper::shutdown() {
  // The io_context is going away: its pending handlers are destroyed, not run, and the streams
  // that remain must not reach back into this service.
  while (head_ != nullptr) {
    State& state = *head_;
    remove(state);
    state.sweeper = nullptr;
  }
  sweeping_ = true;  // no new sweep from a late expires_at()
  timer_.reset();
}

void Sweeper::start(const asio::any_io_executor& executor, Clock::time_point deadline) {
  if (!timer_) timer_.emplace(executor);
  sweeping_ = true;
  schedule(std::min(deadline, Clock::now() + kLongestSleep));
}

void Sweeper::stop() {
  sweeping_ = false;
  next_at_ = Clock::time_point::max();
  timer_->cancel();
}

void Sweeper::schedule(Clock::time_point at) {
  next_at_ = at;
  timer_->expires_at(at);  // cancels the wait it replaces (its handler returns at once)
  timer_->async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;  // cancelled: nothing timed is pending, or the service is shutting down
    sweep();
  });
}

void Sweeper::sweep() {
  if (!sweeping_) return;  // stopped after this tick was already queued
  const auto now = Clock::now();
  auto earliest = Clock::time_point::max();
  for (State* s = head_; s != nullptr; s = s->next) {
    // A deadline passed while nothing is pending waits for the next operation, like tcp_stream.
    if (s->pending == 0) continue;
    if (s->deadline > now) {
      earliest = std::min(earliest, s->deadline);
      continue;
    }
    // As beast::tcp_stream does on a timeout: close the socket, so the pending operation ends
    // (its handler reports the timeout) and the peer sees the connection go. Or only end the
    // operation, for an owner that still has something to say.
    s->deadline = Clock::time_point::max();
    s->timed_out = true;
    boost::system::error_code ignored;
    if (s->close_on_timeout) {
      s->socket.close(ignored);
    } else {
      s->socket.cancel(ignored);
    }
  }
  // Closing completes the timed-out operations (their handlers run later, not inside this loop);
  // the sweeps go on until they and every other timed operation are done.
  schedule(std::min(std::max(earliest, now + kSweepInterval), now + kLongestSleep));
}

}  // namespace deadline_detail

DeadlineStream::DeadlineStream(socket_type socket)
    : state_(std::make_shared<deadline_detail::State>(std::move(socket))) {
  auto& context = asio::query(state_->socket.get_executor(), asio::execution::context);
  asio::use_service<deadline_detail::Sweeper>(context).add(*state_);
}

DeadlineStream::~DeadlineStream() {
  if (!state_) return;  // moved from
  if (state_->sweeper != nullptr) state_->sweeper->remove(*state_);
  // Nothing sweeps this state any more; its pending handlers still count themselves done.
  state_->deadline = deadline_detail::Clock::time_point::max();
  boost::system::error_code ignored;
  state_->socket.close(ignored);
}

void DeadlineStream::expires_at(deadline_detail::Clock::time_point at) { state_->deadline = at; }

void DeadlineStream::close() {
  boost::system::error_code ignored;
  state_->socket.close(ignored);
}

}  // namespace switchyard::proxy
