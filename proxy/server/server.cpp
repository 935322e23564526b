// Workers, listeners, startup checks and the shutdown sequence. Nothing here runs per request.
#include "proxy/server/server.h"

#include <pthread.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <cstdlib>
#include <future>
#include <optional>
#include <stdexcept>

#include "common/log.h"
#include "common/memory.h"
#include "proxy/inspection/inspection_pool.h"
#include "proxy/ops/admin_server.h"
#include "proxy/ops/policy_reloader.h"
#include "proxy/server/pipeline.h"
#include "proxy/server/responses_state.h"
#include "proxy/server/session.h"
#include "proxy/upstream/mock_upstream.h"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"  // see pipeline.cpp
#endif

namespace switchyard::proxy {

namespace asio = boost::asio;
using asio::ip::tcp;

struct Server::Shared {
  Shared(const Config& config)
      : responses(config.responses_state.max_entries, config.responses_state.ttl),
        auth(config.clients) {}
  ResponsesState responses;
  ClientAuthenticator auth;
  ProxyShared proxy;
  LiveSessions live;
  Metrics* metrics = nullptr;
  std::unique_ptr<PolicyReloader> reloader;
  std::optional<pseudonymize::PseudonymKey> pseudonym_key;
  asio::io_context admin_io{1};
  std::unique_ptr<AdminServer> admin;
  std::thread admin_thread;
};

struct Server::Worker {
  Worker(ProxyShared& shared, LiveSessions& live)
      : io(1), guard(asio::make_work_guard(io)), context(shared, io), tracker(live) {}
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> guard;
  WorkerContext context;
  SessionTracker tracker;
  std::optional<tcp::acceptor> acceptor;
  std::promise<void> finished;  // io.run() returned
  std::thread thread;
};

namespace {

using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, WorkerContext& worker,
                                  SessionTracker& tracker, asio::ssl::context* tls,
                                  Metrics* metrics) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      log::warn("accept failed", {{"error", ec.message()}});
      continue;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto run = [](WorkerContext& w, SessionTracker& t, tcp::socket s, asio::ssl::context* ctx,
                  Metrics* m) -> asio::awaitable<void> {
      std::optional<ActiveGauge> gauge;
      if (m != nullptr) gauge.emplace(m->active_connections());
      if (ctx != nullptr) {
        co_await run_tls_session(w, t, std::move(s), *ctx);
      } else {
        co_await run_plain_session(w, t, std::move(s));
      }
    };
    asio::co_spawn(acceptor.get_executor(), run(worker, tracker, std::move(socket), tls, metrics),
                   asio::detached);
  }
}

// The first rule the policy pseudonymizes with, or "" when it never does.
std::string pseudonymizing_rule(const policy::Policy& policy) {
  for (const auto& rule : policy.rules()) {
    if (rule.handling == policy::Handling::kPseudonymize) return rule.id;
  }
  return {};
}

tcp::endpoint resolve_listen(const ListenAddress& address) {
  boost::system::error_code ec;
  const auto ip =
      asio::ip::make_address(address.host == "localhost" ? "127.0.0.1" : address.host, ec);
  if (ec) throw std::runtime_error("listen address '" + address.host + "' is not an IP address");
  return tcp::endpoint(ip, address.port);
}

}  // namespace

Server::Server(Config config, ServerOptions options)
    : config_(std::move(config)), options_(std::move(options)) {
  shared_ = std::make_unique<Shared>(config_);
  shared_->metrics = options_.metrics != nullptr ? options_.metrics : &global_metrics();

  auto policy = options_.policy ? options_.policy : policy::Policy::load_file(config_.policy);
  // A shadow policy that does not load (or whose tests fail) stops the start like the live one.
  std::shared_ptr<const policy::Policy> shadow;
  if (config_.shadow_policy) shadow = policy::Policy::load_file(*config_.shadow_policy);
  policies_ = std::make_unique<PolicyStore>(config_.policy, policy, config_.shadow_policy, shadow);
  shared_->metrics->register_policy(*policy);

  // The pseudonym key, strictly: a variable that is set must hold a usable key, one the config
  // names must be set, and a policy that pseudonymizes needs it.
  {
    const std::string& env = config_.pseudonymize.key_env;
    std::string error;
    shared_->pseudonym_key = pseudonymize::PseudonymKey::from_env(env, &error);
    const char* value = std::getenv(env.c_str());
    const bool set = value != nullptr && *value != '\0';
    const std::string rule = pseudonymizing_rule(*policy);
    if (!shared_->pseudonym_key &&
        (set || config_.pseudonymize.explicit_key_env || !rule.empty())) {
      throw ConfigError(
          {config_.file.string() + ": pseudonymize.key_env: " + error +
           (rule.empty() ? std::string() : " (the policy pseudonymizes: rule " + rule + ")")});
    }
  }

  // Keys come from the environment once, at startup; they are never logged.
  std::vector<std::string> keys(config_.upstreams.size());
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < config_.upstreams.size(); ++i) {
    const auto& up = config_.upstreams[i];
    if (up.api_key_env.empty()) continue;
    const char* value = std::getenv(up.api_key_env.c_str());
    if (value != nullptr && *value != '\0') {
      keys[i] = value;
    } else if (up.trust == Trust::kVendor && config_.clients_configured) {
      missing.push_back("upstream '" + up.name + "': api_key_env " + up.api_key_env +
                        " is not set (with `clients` configured the proxy sends the vendor key)");
    } else {
      log::warn("upstream key variable is not set; no key will be sent",
                {{"upstream", up.name}, {"api_key_env", up.api_key_env}});
    }
  }
  if (!missing.empty()) throw ConfigError(std::move(missing));

  audit_ = options_.audit
               ? options_.audit
               : std::shared_ptr<audit::AuditSink>(audit::make_file_audit_sink(config_.audit));
  if (config_.audit.store_prompts == audit::StorePrompts::kRedacted) {
    // Said once at start: the log now holds prompt text (masked), which auditors must know.
    log::info("audit.store_prompts: redacted; decision records keep the prompt with matches masked",
              {{"config", config_.file.string()}});
  }

  if (config_.tls) {
    listener_tls_ = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
    listener_tls_->set_options(asio::ssl::context::default_workarounds |
                               asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 |
                               asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                               asio::ssl::context::single_dh_use);
    try {
      listener_tls_->use_certificate_chain_file(config_.tls->cert);
      listener_tls_->use_private_key_file(config_.tls->key, asio::ssl::context::pem);
    } catch (const boost::system::system_error& e) {
      throw std::runtime_error("tls: cannot load " + config_.tls->cert + " / " + config_.tls->key +
                               ": " + e.what());
    }
  }

  unsigned count = config_.limits.workers;
  if (count == 0) count = std::max(1u, std::thread::hardware_concurrency());

  std::vector<UpstreamEndpoint> endpoints(config_.upstreams.size());
  upstream_tls_.resize(config_.upstreams.size());
  for (std::size_t i = 0; i < config_.upstreams.size(); ++i) {
    const auto& up = config_.upstreams[i];
    if (up.kind == UpstreamKind::kMock) continue;
    try {
      endpoints[i] = parse_base_url(up.name, up.base_url);
    } catch (const std::exception& e) {
      throw ConfigError(
          {config_.file.string() + ": upstream '" + up.name + "': base_url: " + e.what()});
    }
    endpoints[i].ca_file = up.ca_file;
    endpoints[i].timeouts = up.timeouts;
    endpoints[i].max_connections = std::max<std::size_t>(1, up.max_connections / count);
    endpoints[i].max_idle_connections =
        std::min(endpoints[i].max_idle_connections, endpoints[i].max_connections);
    if (endpoints[i].tls) upstream_tls_[i] = make_client_tls_context(endpoints[i]);
  }

  ProxyShared& proxy = shared_->proxy;
  proxy.config = &config_;
  proxy.policies = policies_.get();
  proxy.audit = audit_.get();
  proxy.metrics = shared_->metrics;
  proxy.responses = &shared_->responses;
  proxy.auth = &shared_->auth;
  proxy.upstream_keys = std::move(keys);
  proxy.pseudonym_key = shared_->pseudonym_key ? &*shared_->pseudonym_key : nullptr;
  proxy.models_body = render_models(config_);
  inspection_ = std::make_unique<inspection::InspectionPool>(config_.attachments);
  proxy.inspection = inspection_.get();
  for (const auto& up : config_.upstreams) {
    proxy.metric_ids.push_back(shared_->metrics->register_upstream(up.name));
  }

  for (unsigned w = 0; w < count; ++w) {
    auto worker = std::make_unique<Worker>(proxy, shared_->live);
    for (std::size_t i = 0; i < config_.upstreams.size(); ++i) {
      if (config_.upstreams[i].kind == UpstreamKind::kMock) {
        worker->context.upstreams.push_back(make_mock_upstream_client(config_.upstreams[i]));
      } else {
        worker->context.upstreams.push_back(
            make_upstream_client(worker->io.get_executor(), endpoints[i], upstream_tls_[i]));
      }
    }
    workers_.push_back(std::move(worker));
  }

  if (options_.admin && config_.admin_listen) {
    std::vector<UpstreamEndpoint> probes;
    std::vector<bool> gates;
    for (std::size_t i = 0; i < config_.upstreams.size(); ++i) {
      if (config_.upstreams[i].kind == UpstreamKind::kMock) continue;
      probes.push_back(endpoints[i]);
      gates.push_back(config_.upstreams[i].gates_readiness);
    }
    ReadinessSources sources;
    sources.policy = policies_.get();
    sources.audit = audit_.get();
    sources.upstreams = readiness_upstreams(probes, gates);
    shared_->admin =
        std::make_unique<AdminServer>(shared_->admin_io, resolve_listen(*config_.admin_listen),
                                      *shared_->metrics, std::move(sources));
  }
  if (options_.watch_policy) {
    ReloaderOptions reload;
    reload.handle_sighup = options_.handle_sighup;
    if (!shared_->pseudonym_key) {
      // Without a key, a policy that pseudonymizes cannot serve: the reload fails and the old
      // policy stays.
      reload.loader = [env = config_.pseudonymize.key_env](const std::filesystem::path& file) {
        auto next = policy::Policy::load_file(file);
        if (const std::string rule = pseudonymizing_rule(*next); !rule.empty()) {
          throw policy::PolicyError({file.string() + ": rule " + rule +
                                     " pseudonymizes, but no pseudonym key is loaded: set " + env +
                                     " and restart switchyard"});
        }
        return next;
      };
    }
    shared_->reloader =
        std::make_unique<PolicyReloader>(*policies_, audit_.get(), *shared_->metrics, reload);
  }
  // Loading the policy (its tests' classifiers, the YAML trees) freed more than the server keeps.
  memory::release_free_pages();
}

Server::~Server() { shutdown(); }

std::uint16_t Server::admin_port() const { return shared_->admin ? shared_->admin->port() : 0; }

void Server::start() {
  std::lock_guard lock(shutdown_mutex_);
  if (started_) return;
  tcp::endpoint endpoint = resolve_listen(config_.listen);
  for (auto& worker : workers_) {
    auto& acceptor = worker->acceptor.emplace(worker->io);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.set_option(ReusePort(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
    // Port 0: the first worker's bind picks the port; the others share it through SO_REUSEPORT.
    endpoint.port(acceptor.local_endpoint().port());
  }
  port_ = endpoint.port();
  for (auto& worker : workers_) {
    asio::co_spawn(worker->io,
                   accept_loop(*worker->acceptor, worker->context, worker->tracker,
                               listener_tls_.get(), shared_->metrics),
                   asio::detached);
    Worker* w = worker.get();
    w->thread = std::thread([w] {
      ::pthread_setname_np(::pthread_self(), "sy-worker");  // for top -H and per-thread CPU
      try {
        w->io.run();
      } catch (const std::exception& e) {
        log::error("worker stopped on an exception", {{"error", e.what()}});
      }
      w->finished.set_value();
    });
  }
  if (shared_->admin) {
    shared_->admin->start();
    shared_->admin_thread = std::thread([this] {
      ::pthread_setname_np(::pthread_self(), "sy-admin");
      shared_->admin_io.run();
    });
  }
  if (shared_->reloader) shared_->reloader->start();
  started_ = true;
  const auto policy = policies_->current();
  const auto shadow = policies_->pair()->shadow;
  log::info("switchyard serving", {{"listen", config_.listen.host + ":" + std::to_string(port_)},
                                   {"tls", config_.tls ? "on" : "off"},
                                   {"workers", std::to_string(workers_.size())},
                                   {"policy", policy->name()},
                                   {"policy_version", policy->version()},
                                   {"shadow_policy", shadow ? shadow->name() : std::string()}});
}

void Server::shutdown() {
  std::lock_guard lock(shutdown_mutex_);
  if (stopped_) return;
  stopped_ = true;
  if (started_) {
    log::info("shutting down: draining requests in flight",
              {{"grace_ms", std::to_string(config_.limits.shutdown_grace.count())}});
    shared_->proxy.draining.store(true);
    if (shared_->admin) shared_->admin->set_draining(true);
    // Stop accepting and close idle keep-alive connections; busy ones close after their reply.
    for (auto& worker : workers_) {
      Worker* w = worker.get();
      asio::post(w->io, [w] {
        boost::system::error_code ignored;
        if (w->acceptor) w->acceptor->close(ignored);
        w->tracker.drain_all();
      });
    }
    const auto deadline = std::chrono::steady_clock::now() + config_.limits.shutdown_grace;
    bool all_done = shared_->live.wait_until_zero(deadline);
    if (!all_done) {
      log::warn("grace period over; closing the remaining connections",
                {{"connections", std::to_string(shared_->live.count())}});
      for (auto& worker : workers_) {
        Worker* w = worker.get();
        asio::post(w->io, [w] { w->tracker.close_all(); });
      }
      // Let the closed sessions unwind (and write their outcome records) briefly.
      all_done =
          shared_->live.wait_until_zero(std::chrono::steady_clock::now() + std::chrono::seconds(2));
    }
    // With no session left, the upstream clients are destroyed on their own threads so pooled
    // connections close cleanly, and each event loop runs out of work by itself.
    for (auto& worker : workers_) {
      Worker* w = worker.get();
      if (all_done) asio::post(w->io, [w] { w->context.upstreams.clear(); });
      w->guard.reset();
    }
    for (auto& worker : workers_) {
      auto finished = worker->finished.get_future();
      if (finished.wait_for(std::chrono::seconds(2)) != std::future_status::ready) {
        worker->io.stop();
      }
    }
    for (auto& worker : workers_) {
      if (worker->thread.joinable()) worker->thread.join();
    }
    if (shared_->reloader) shared_->reloader->stop();
    if (shared_->admin) {
      shared_->admin->stop();
      shared_->admin_io.stop();
      if (shared_->admin_thread.joinable()) shared_->admin_thread.join();
    }
  }
  // Seal the audit log; records of anything destroyed after this point are dropped, not written to
  // a closed sink.
  shared_->proxy.audit_closed.store(true, std::memory_order_release);
  if (audit_) audit_->close();
  // The pool posts completions to the workers' executors: it stops (cancelling what runs) while
  // those still exist.
  shared_->proxy.inspection = nullptr;
  inspection_.reset();
  workers_.clear();
  if (started_) log::info("stopped");
}

int Server::run() {
  std::signal(SIGPIPE, SIG_IGN);
  asio::io_context control(1);
  asio::signal_set signals(control, SIGINT, SIGTERM);
  int received = 0;
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (!ec) received = signal;
  });
  start();
  control.run();
  log::info("signal received", {{"signal", received == SIGINT ? "SIGINT" : "SIGTERM"}});
  shutdown();
  return 0;
}

}  // namespace switchyard::proxy
