#include "fake_upstream.h"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <optional>
#include <stdexcept>
#include <thread>
#include <type_traits>

#include "test_certs.h"

namespace switchyard::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

// Named, not anonymous: unit_proxy compiles this file through an #include, and GCC rejects members
// of anonymous-namespace types there (-Wsubobject-linkage).
namespace fake_detail {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Shared between the fake and the gates it made, so a gate released after the fake is gone is a
// no-op.
struct Runtime {
  std::mutex mutex;
  bool stopped = false;
  asio::io_context* io = nullptr;
};

class GateImpl : public ChunkGate, public std::enable_shared_from_this<GateImpl> {
 public:
  explicit GateImpl(std::shared_ptr<Runtime> runtime) : runtime_(std::move(runtime)) {}

  void release(std::size_t n) override {
    {
      std::lock_guard lock(mutex_);
      released_ += n;
    }
    std::lock_guard lock(runtime_->mutex);
    if (runtime_->stopped) return;
    asio::post(*runtime_->io, [self = shared_from_this()] {
      std::lock_guard lock(self->mutex_);
      for (asio::steady_timer* waiter : self->waiters_) waiter->cancel();  // each re-checks
    });
  }

  // Runs on the fake's thread.
  asio::awaitable<void> wait() {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    {
      std::lock_guard lock(mutex_);
      waiters_.push_back(&timer);
    }
    struct Unregister {
      GateImpl* gate;
      asio::steady_timer* timer;
      ~Unregister() {
        std::lock_guard lock(gate->mutex_);
        std::erase(gate->waiters_, timer);
      }
    } unregister{this, &timer};
    for (;;) {
      {
        std::lock_guard lock(mutex_);
        if (consumed_ < released_) {
          ++consumed_;
          co_return;
        }
      }
      timer.expires_at(asio::steady_timer::time_point::max());
      co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    }
  }

 private:
  std::shared_ptr<Runtime> runtime_;
  std::mutex mutex_;
  std::size_t released_ = 0;
  std::size_t consumed_ = 0;
  std::vector<asio::steady_timer*> waiters_;  // sessions waiting on this gate
};

template <class Stream>
constexpr bool kIsTls = !std::is_same_v<Stream, tcp::socket>;

template <class Stream>
tcp::socket& raw_socket(Stream& stream) {
  if constexpr (kIsTls<Stream>) {
    return stream.next_layer();
  } else {
    return stream;
  }
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
  if (d.count() <= 0) co_return;
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(d);
  co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace fake_detail

using namespace fake_detail;  // NOLINT(google-build-using-namespace)

std::string RecordedRequest::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name)) return v;
  }
  return {};
}

struct FakeUpstream::Impl {
  Options options;
  std::shared_ptr<Runtime> runtime = std::make_shared<Runtime>();
  std::unique_ptr<asio::io_context> io = std::make_unique<asio::io_context>(1);
  std::optional<ssl::context> tls;
  std::optional<tcp::acceptor> acceptor;
  unsigned short port = 0;

  mutable std::mutex mutex;
  mutable std::condition_variable cv;
  Handler handler = [](const RecordedRequest&) { return openai_json("{}"); };
  std::vector<RecordedRequest> requests;
  std::size_t connections = 0;
  std::size_t closed = 0;
  std::thread thread;

  explicit Impl(Options opts) : options(opts) {
    runtime->io = io.get();
    if (options.tls) {
      const TestCerts& certs = test_certs();
      tls.emplace(ssl::context::tls_server);
      std::string cert = certs.server_cert_file;
      std::string key = certs.server_key_file;
      if (options.cert == Cert::kWrongHost) {
        cert = certs.wrong_host_cert_file;
        key = certs.wrong_host_key_file;
      } else if (options.cert == Cert::kUntrusted) {
        cert = certs.untrusted_server_cert_file;
        key = certs.untrusted_server_key_file;
      }
      tls->use_certificate_chain_file(cert);
      tls->use_private_key_file(key, ssl::context::pem);
    }
    acceptor.emplace(*io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    port = acceptor->local_endpoint().port();
    asio::co_spawn(*io, accept_loop(), asio::detached);
    thread = std::thread([this] { io->run(); });
  }

  ~Impl() {
    {
      std::lock_guard lock(runtime->mutex);
      runtime->stopped = true;
    }
    io->stop();
    if (thread.joinable()) thread.join();
    acceptor.reset();
    io.reset();  // destroys the suspended sessions while the members they touch still exist
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor->async_accept(asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);  // header and body pieces go out at once
      std::size_t index = 0;
      {
        std::lock_guard lock(mutex);
        index = connections++;
      }
      cv.notify_all();
      asio::co_spawn(*io, session(std::move(socket), index), asio::detached);
    }
  }

  asio::awaitable<void> session(tcp::socket socket, std::size_t index) {
    try {
      if (tls) {
        ssl::stream<tcp::socket> stream(std::move(socket), *tls);
        co_await stream.async_handshake(ssl::stream_base::server, asio::use_awaitable);
        co_await serve(stream, index);
      } else {
        co_await serve(socket, index);
      }
    } catch (const std::exception&) {
      // The peer went away or misbehaved: this session is over, which is all a fake needs.
    }
    // Closed before it is counted, so a test that waited for the count sees a closed socket.
    boost::system::error_code ignored;
    socket.close(ignored);
    {
      std::lock_guard lock(mutex);
      ++closed;
    }
    cv.notify_all();
  }

  template <class Stream>
  asio::awaitable<void> serve(Stream& stream, std::size_t index) {
    beast::flat_buffer buffer;
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.body_limit(64 * 1024 * 1024);
      auto [ec, n] =
          co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;
      const auto& req = parser.get();
      RecordedRequest rec;
      rec.method = std::string(req.method_string());
      rec.target = std::string(req.target());
      rec.body = req.body();
      rec.connection_index = index;
      for (const auto& field : req) {
        rec.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
      }
      Handler h;
      {
        std::lock_guard lock(mutex);
        h = handler;
      }
      ScriptedReply reply = h(rec);
      {
        std::lock_guard lock(mutex);
        requests.push_back(std::move(rec));
      }
      cv.notify_all();

      if (reply.close_without_reply) co_return;  // the socket closes as the frame unwinds
      co_await sleep_for(reply.delay_before_header);
      const bool keep_alive = co_await write_reply(stream, reply, req.keep_alive());
      tcp::socket& raw = raw_socket(stream);
      boost::system::error_code ignored;
      if (reply.reset_after_reply && raw.is_open()) {
        raw.set_option(asio::socket_base::linger(true, 0), ignored);
        raw.close(ignored);
        co_return;
      }
      if (!keep_alive || reply.close_after_reply) {
        if (raw.is_open()) raw.shutdown(tcp::socket::shutdown_send, ignored);
        co_return;
      }
    }
  }

  // Returns whether the connection stays open.
  template <class Stream>
  asio::awaitable<bool> write_reply(Stream& stream, const ScriptedReply& reply,
                                    bool request_keep_alive) {
    Framing framing = reply.framing;
    if (framing == Framing::kAuto) {
      bool is_sse = false;
      for (const auto& [k, v] : reply.headers) {
        if (iequals(k, "content-type") && v.find("text/event-stream") != std::string::npos) {
          is_sse = true;
        }
      }
      framing = (reply.chunks.size() > 1 || is_sse) ? Framing::kChunked : Framing::kContentLength;
    }
    const bool keep_alive =
        request_keep_alive && framing != Framing::kEof && !reply.close_after_header;

    http::response<http::empty_body> res{static_cast<http::status>(reply.status), 11};
    for (const auto& [k, v] : reply.headers) res.insert(k, v);
    res.keep_alive(keep_alive);
    if (framing == Framing::kChunked) {
      res.chunked(true);
    } else if (framing == Framing::kContentLength) {
      std::size_t total = 0;
      for (const auto& c : reply.chunks) total += c.size();
      res.content_length(total);
    }
    http::response_serializer<http::empty_body> sr{res};
    co_await http::async_write_header(stream, sr, asio::use_awaitable);

    for (std::size_t i = 0; i < reply.chunks.size(); ++i) {
      if (i > 0) {
        if (reply.gate) co_await static_cast<GateImpl&>(*reply.gate).wait();
        co_await sleep_for(reply.delay_between_chunks);
      }
      const std::string& chunk = reply.chunks[i];
      if (framing == Framing::kChunked) {
        if (!chunk.empty()) {
          co_await asio::async_write(stream, http::make_chunk(asio::buffer(chunk)),
                                     asio::use_awaitable);
        }
      } else {
        co_await asio::async_write(stream, asio::buffer(chunk), asio::use_awaitable);
      }
      if (reply.close_after_header) {
        // Abrupt: no chunk terminator, no TLS close_notify.
        raw_socket(stream).close();
        co_return false;
      }
    }
    if (reply.close_after_header) {  // no chunks at all: header only, then gone
      raw_socket(stream).close();
      co_return false;
    }
    if (framing == Framing::kChunked) {
      co_await asio::async_write(stream, http::make_chunk_last(), asio::use_awaitable);
    } else if (framing == Framing::kEof) {
      if constexpr (kIsTls<Stream>) {
        // A clean TLS end of stream (close_notify), so the client can tell it from a truncation.
        co_await stream.async_shutdown(asio::as_tuple(asio::use_awaitable));
      }
      raw_socket(stream).shutdown(tcp::socket::shutdown_send);
    }
    co_return keep_alive;
  }
};

FakeUpstream::FakeUpstream() : FakeUpstream(Options{}) {}
FakeUpstream::FakeUpstream(Options options) : impl_(std::make_unique<Impl>(options)) {}
FakeUpstream::~FakeUpstream() = default;

unsigned short FakeUpstream::port() const { return impl_->port; }

std::string FakeUpstream::base_url(std::string_view path) const {
  return std::string(impl_->options.tls ? "https" : "http") +
         "://127.0.0.1:" + std::to_string(impl_->port) + std::string(path);
}

void FakeUpstream::set_handler(Handler handler) {
  std::lock_guard lock(impl_->mutex);
  impl_->handler = std::move(handler);
}

std::shared_ptr<ChunkGate> FakeUpstream::make_gate() {
  return std::make_shared<GateImpl>(impl_->runtime);
}

std::vector<RecordedRequest> FakeUpstream::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->requests;
}

std::size_t FakeUpstream::request_count() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->requests.size();
}

std::size_t FakeUpstream::connection_count() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->connections;
}

std::size_t FakeUpstream::closed_connection_count() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->closed;
}

bool FakeUpstream::wait_for_requests(std::size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(impl_->mutex);
  return impl_->cv.wait_for(lock, timeout, [&] { return impl_->requests.size() >= n; });
}

bool FakeUpstream::wait_for_closed_connections(std::size_t n,
                                               std::chrono::milliseconds timeout) const {
  std::unique_lock lock(impl_->mutex);
  return impl_->cv.wait_for(lock, timeout, [&] { return impl_->closed >= n; });
}

ScriptedReply openai_json(std::string body) {
  ScriptedReply reply;
  reply.headers = {{"content-type", "application/json"}};
  reply.chunks = {std::move(body)};
  return reply;
}

ScriptedReply sse(const std::vector<std::string>& events, const std::vector<std::size_t>& split) {
  ScriptedReply reply;
  reply.headers = {{"content-type", "text/event-stream"}, {"cache-control", "no-cache"}};
  if (split.empty()) {
    reply.chunks = events;
    return reply;
  }
  std::string all;
  for (const auto& e : events) all += e;
  std::size_t pos = 0;
  for (std::size_t i = 0; pos < all.size(); ++i) {
    const std::size_t size = std::max<std::size_t>(1, split[i % split.size()]);
    reply.chunks.push_back(all.substr(pos, size));
    pos += size;
  }
  return reply;
}

ScriptedReply status_error(unsigned status, std::string body) {
  ScriptedReply reply = openai_json(std::move(body));
  reply.status = status;
  return reply;
}

}  // namespace switchyard::testing
