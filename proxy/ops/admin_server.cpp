// The admin listener: one coroutine per connection on its own strand, keep-alive, tiny request
// limits (admin requests carry no body). /readyz probes stale upstreams in parallel on the
// session's strand and waits for all of them (each bounded by probe_timeout), so a scrape never
// hangs.
#include "proxy/ops/admin_server.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <list>
#include <mutex>

#include "common/log.h"
#include "proxy/ops/playground.h"

namespace switchyard::proxy {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kHeaderLimit = 8 * 1024;
constexpr std::chrono::seconds kIdleTimeout{30};
constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

struct ProbeOutcome {
  bool reachable = false;
  std::string error;
  double connect_ms = 0;
};

asio::awaitable<boost::system::error_code> resolve_and_connect(tcp::resolver& resolver,
                                                               tcp::socket& socket,
                                                               const ReadinessUpstream& upstream) {
  boost::system::error_code ec;
  auto results = co_await resolver.async_resolve(upstream.host, upstream.port,
                                                 asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return ec;
  co_await asio::async_connect(socket, results, asio::redirect_error(asio::use_awaitable, ec));
  co_return ec;
}

// A TCP connect, nothing more: it proves the route and that something listens, without sending a
// request that could cost money or show up in a model server's logs.
asio::awaitable<ProbeOutcome> probe(ReadinessUpstream upstream, std::chrono::milliseconds timeout) {
  using namespace asio::experimental::awaitable_operators;
  auto executor = co_await asio::this_coro::executor;
  tcp::resolver resolver(executor);
  tcp::socket socket(executor);
  asio::steady_timer timer(executor);
  timer.expires_after(timeout);
  const auto started = Clock::now();
  boost::system::error_code timer_ec;
  auto which = co_await (resolve_and_connect(resolver, socket, upstream) ||
                         timer.async_wait(asio::redirect_error(asio::use_awaitable, timer_ec)));
  ProbeOutcome outcome;
  outcome.connect_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  if (which.index() == 1) {
    outcome.error = "timeout after " + std::to_string(timeout.count()) + " ms";
  } else if (const auto ec = std::get<0>(which)) {
    outcome.error = ec.message();
  } else {
    outcome.reachable = true;
  }
  boost::system::error_code ignored;
  socket.close(ignored);
  co_return outcome;
}

}  // namespace

std::vector<ReadinessUpstream> readiness_upstreams(const std::vector<UpstreamEndpoint>& endpoints,
                                                   const std::vector<bool>& gates) {
  std::vector<ReadinessUpstream> out;
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    const auto& endpoint = endpoints[i];
    if (endpoint.host.empty()) continue;
    out.push_back({endpoint.name, endpoint.host, endpoint.port, i < gates.size() && gates[i]});
  }
  return out;
}

struct AdminServer::State : std::enable_shared_from_this<AdminServer::State> {
  struct Probe {
    ProbeOutcome outcome;
    bool checked = false;
    Clock::time_point at{};
  };

  State(asio::io_context& io_context, tcp::endpoint where, Metrics& m, ReadinessSources s)
      : io(io_context),
        endpoint(where),
        metrics(m),
        sources(std::move(s)),
        acceptor_strand(asio::make_strand(io_context)),
        acceptor(acceptor_strand),
        probes(sources.upstreams.size()) {
    for (const auto& upstream : sources.upstreams) {
      metric_ids.push_back(metrics.register_upstream(upstream.name));
    }
    if (sources.playground && sources.policy != nullptr) {
      playground = std::make_unique<Playground>(*sources.policy);
    }
  }

  asio::io_context& io;
  tcp::endpoint endpoint;
  Metrics& metrics;
  ReadinessSources sources;
  asio::strand<asio::io_context::executor_type> acceptor_strand;
  tcp::acceptor acceptor;
  std::atomic<unsigned short> bound_port{0};
  std::atomic<bool> draining{false};
  std::atomic<bool> stopped{false};

  std::mutex mutex;  // guards probes and sessions
  std::vector<Probe> probes;
  std::vector<UpstreamId> metric_ids;  // per upstream, for switchyard_upstream_reachable
  std::list<std::weak_ptr<beast::tcp_stream>> sessions;
  std::unique_ptr<Playground> playground;  // null when not served

  asio::awaitable<void> accept_loop();
  asio::awaitable<void> session(std::shared_ptr<beast::tcp_stream> stream);
  asio::awaitable<http::response<http::string_body>> handle(
      const http::request<http::string_body>& request);
  asio::awaitable<void> refresh_probes();
  std::string readiness_body(bool& ready);
};

asio::awaitable<void> AdminServer::State::accept_loop() {
  auto self = shared_from_this();
  while (!stopped.load()) {
    boost::system::error_code ec;
    tcp::socket socket(asio::make_strand(io));
    co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec == asio::error::operation_aborted || stopped.load()) break;
      log::warn("admin accept failed", {{"error", ec.message()}});
      continue;
    }
    auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
    {
      std::lock_guard lock(mutex);
      sessions.remove_if([](const auto& weak) { return weak.expired(); });
      sessions.push_back(stream);
    }
    asio::co_spawn(stream->get_executor(), session(stream), asio::detached);
  }
}

asio::awaitable<void> AdminServer::State::session(std::shared_ptr<beast::tcp_stream> stream) {
  auto self = shared_from_this();
  beast::flat_buffer buffer;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(boost::none);  // decided below, once the target is known
    stream->expires_after(kIdleTimeout);
    boost::system::error_code ec;
    co_await http::async_read_header(*stream, buffer, parser,
                                     asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;  // closed, timed out, stopped, or malformed: nothing worth answering
    // Only the playground's explain takes a body (its own limit); everything else none.
    const auto& header = parser.get();
    const std::string_view path(header.target().data(),
                                std::min(header.target().size(), header.target().find('?')));
    if (playground && header.method() == http::verb::post && path == "/policy/explain") {
      if (parser.content_length() && *parser.content_length() > playground->body_limit()) {
        http::response<http::string_body> too_large{http::status::payload_too_large,
                                                    header.version()};
        too_large.set(http::field::content_type, "application/json");
        too_large.body() = "{\"error\":{\"code\":\"request_too_large\",\"message\":\"at most " +
                           std::to_string(playground->body_limit()) + " bytes\"}}";
        too_large.keep_alive(false);
        too_large.prepare_payload();
        co_await http::async_write(*stream, too_large,
                                   asio::redirect_error(asio::use_awaitable, ec));
        break;
      }
      parser.body_limit(playground->body_limit());
    } else if (parser.chunked() || parser.content_length().value_or(0) > 0) {
      break;  // admin requests carry no body
    }
    co_await http::async_read(*stream, buffer, parser,
                              asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
    const http::request<http::string_body> request = parser.release();
    http::response<http::string_body> response = co_await handle(request);
    response.version(request.version());
    response.keep_alive(request.keep_alive() && !stopped.load());
    if (request.method() != http::verb::head) response.prepare_payload();  // HEAD: set in handle()
    stream->expires_after(kIdleTimeout);
    co_await http::async_write(*stream, response, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !response.keep_alive()) break;
  }
  boost::system::error_code ignored;
  stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream->socket().close(ignored);
}

asio::awaitable<http::response<http::string_body>> AdminServer::State::handle(
    const http::request<http::string_body>& request) {
  http::response<http::string_body> response;
  response.set(http::field::cache_control, "no-store");
  std::string_view target(request.target().data(), request.target().size());
  if (auto q = target.find('?'); q != std::string_view::npos) target = target.substr(0, q);
  const bool head = request.method() == http::verb::head;
  if (playground && Playground::serves(target)) {
    response = co_await playground->handle(request);
    response.set(http::field::cache_control, "no-store");
    if (head) {
      const auto size = response.body().size();
      response.body().clear();
      response.content_length(size);
    }
    co_return response;
  }
  if (request.method() != http::verb::get && !head) {
    response.result(http::status::method_not_allowed);
    response.set(http::field::allow, "GET, HEAD");
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = "method not allowed\n";
    co_return response;
  }
  if (target == "/healthz") {
    response.result(http::status::ok);
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = "ok\n";
  } else if (target == "/readyz") {
    co_await refresh_probes();
    bool ready = false;
    response.body() = readiness_body(ready);
    response.result(ready ? http::status::ok : http::status::service_unavailable);
    response.set(http::field::content_type, "application/json");
  } else if (target == "/metrics") {
    co_await refresh_probes();  // switchyard_upstream_reachable as fresh as /readyz's detail
    response.result(http::status::ok);
    response.set(http::field::content_type, kMetricsContentType);
    response.body() = metrics.render();
  } else {
    response.result(http::status::not_found);
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = playground ? "not found: try /healthz, /readyz, /metrics or /playground\n"
                                 : "not found: try /healthz, /readyz or /metrics\n";
  }
  if (head) {
    // HEAD: same headers, Content-Length of the GET body, no body.
    const auto size = response.body().size();
    response.body().clear();
    response.content_length(size);
  }
  co_return response;
}

// Probes every upstream whose cached result is older than probe_cache, all at once, and waits until
// each finished. The probes run on this session's strand, so the countdown needs no lock.
asio::awaitable<void> AdminServer::State::refresh_probes() {
  const auto now = Clock::now();
  std::vector<std::size_t> stale;
  {
    std::lock_guard lock(mutex);
    for (std::size_t i = 0; i < probes.size(); ++i) {
      if (!probes[i].checked || now - probes[i].at >= sources.probe_cache) stale.push_back(i);
    }
  }
  if (stale.empty()) co_return;
  auto executor = co_await asio::this_coro::executor;
  auto remaining = std::make_shared<std::size_t>(stale.size());
  auto done = std::make_shared<asio::steady_timer>(executor, Clock::time_point::max());
  auto self = shared_from_this();
  for (std::size_t index : stale) {
    asio::co_spawn(executor, probe(sources.upstreams[index], sources.probe_timeout),
                   [self, index, remaining, done](std::exception_ptr error, ProbeOutcome outcome) {
                     if (error) outcome = ProbeOutcome{false, "probe failed", 0};
                     self->metrics.set_upstream_reachable(self->metric_ids[index],
                                                          outcome.reachable);
                     {
                       std::lock_guard lock(self->mutex);
                       self->probes[index] = Probe{std::move(outcome), true, Clock::now()};
                     }
                     if (--*remaining == 0) done->cancel();
                   });
  }
  if (*remaining > 0) {
    boost::system::error_code ec;
    co_await done->async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

std::string AdminServer::State::readiness_body(bool& ready) {
  namespace json = boost::json;
  ready = true;
  json::object body;

  const bool is_draining = draining.load() || stopped.load();
  body["draining"] = is_draining;
  if (is_draining) ready = false;

  json::object policy_detail;
  std::shared_ptr<const policy::Policy> current =
      sources.policy ? sources.policy->current() : nullptr;
  policy_detail["loaded"] = current != nullptr;
  if (current) {
    policy_detail["name"] = current->name();
    policy_detail["version"] = current->version();
    policy_detail["sha256"] = current->sha256();
  } else {
    ready = false;
  }
  body["policy"] = std::move(policy_detail);

  json::object audit_detail;
  audit_detail["configured"] = sources.audit != nullptr;
  if (sources.audit) {
    const bool writable = sources.audit->healthy();
    audit_detail["writable"] = writable;
    if (!writable) ready = false;
  }
  body["audit"] = std::move(audit_detail);

  json::array upstreams;
  const auto now = Clock::now();
  {
    std::lock_guard lock(mutex);
    for (std::size_t i = 0; i < probes.size(); ++i) {
      const auto& source = sources.upstreams[i];
      const auto& state = probes[i];
      json::object entry;
      entry["name"] = source.name;
      entry["address"] = source.host + ":" + source.port;
      entry["gates_readiness"] = source.gates_readiness;
      entry["reachable"] = state.checked && state.outcome.reachable;
      if (state.checked) {
        entry["connect_ms"] = state.outcome.connect_ms;
        entry["checked_ms_ago"] =
            std::chrono::duration_cast<std::chrono::milliseconds>(now - state.at).count();
      }
      if (!state.outcome.error.empty()) entry["error"] = state.outcome.error;
      if (source.gates_readiness && !(state.checked && state.outcome.reachable)) ready = false;
      upstreams.push_back(std::move(entry));
    }
  }
  body["upstreams"] = std::move(upstreams);
  body["ready"] = ready;
  return json::serialize(body) + "\n";
}

AdminServer::AdminServer(asio::io_context& io, tcp::endpoint endpoint, Metrics& metrics,
                         ReadinessSources sources)
    : state_(std::make_shared<State>(io, endpoint, metrics, std::move(sources))) {}

AdminServer::~AdminServer() { stop(); }

void AdminServer::start() {
  auto& acceptor = state_->acceptor;
  acceptor.open(state_->endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(state_->endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  state_->bound_port.store(acceptor.local_endpoint().port());
  asio::co_spawn(state_->acceptor_strand, state_->accept_loop(), asio::detached);
  log::info("admin listener started", {{"address", state_->endpoint.address().to_string()},
                                       {"port", std::to_string(state_->bound_port.load())}});
}

void AdminServer::stop() {
  if (!state_ || state_->stopped.exchange(true)) return;
  auto state = state_;
  if (state->playground) state->playground->stop();  // before the io_context can go away
  // The acceptor and each session's stream belong to their strands: close them there.
  asio::post(state->acceptor_strand, [state] {
    boost::system::error_code ignored;
    state->acceptor.close(ignored);
  });
  std::lock_guard lock(state->mutex);
  for (auto& weak : state->sessions) {
    if (auto stream = weak.lock()) {
      asio::post(stream->get_executor(), [stream] {
        boost::system::error_code ignored;
        stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream->socket().close(ignored);
      });
    }
  }
  state->sessions.clear();
}

unsigned short AdminServer::port() const { return state_->bound_port.load(); }

void AdminServer::set_draining(bool draining) { state_->draining.store(draining); }

}  // namespace switchyard::proxy
