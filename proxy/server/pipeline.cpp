// The stages of design section 1 in order, one coroutine per request. Every early exit writes its
// reply through write_error(); the RequestContext destructor writes the audit outcome on every
// path.
#include "proxy/server/pipeline.h"

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <random>
#include <set>

#include "adapters/pseudonymize/restoring_translator.h"
#include "adapters/translate/rewrite.h"
#include "common/log.h"
#include "proxy/server/attachment_stage.h"
#include "proxy/server/audit_records.h"
#include "proxy/server/decision.h"
#include "proxy/server/endpoints.h"
#include "proxy/server/relay.h"
#include "proxy/server/request_context.h"

// GCC 12 misreports Asio's coroutine frame allocator (operator new/delete of awaitable_frame_base)
// as mismatched for some member coroutines; the pair is Asio's own and matches.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace switchyard::proxy {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using adapters::Api;
using adapters::Dialect;
using Clock = std::chrono::steady_clock;

WorkerContext::WorkerContext(ProxyShared& s, asio::io_context& i)
    : shared(s),
      io(i),
      prefix_((static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}()) {
}

std::string WorkerContext::next_request_id() {
  // "req_" + 12 hex digits of the worker's prefix + 8 of its counter (without snprintf: this runs
  // for every request).
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(4 + 12 + 8, '0');
  id[0] = 'r';
  id[1] = 'e';
  id[2] = 'q';
  id[3] = '_';
  const std::uint64_t prefix = prefix_ & 0xffffffffffffull;
  const std::uint64_t count = ++counter_ & 0xffffffffull;
  for (int i = 0; i < 12; ++i)
    id[static_cast<std::size_t>(15 - i)] = kHex[(prefix >> (4 * i)) & 0xf];
  for (int i = 0; i < 8; ++i) id[static_cast<std::size_t>(23 - i)] = kHex[(count >> (4 * i)) & 0xf];
  return id;
}

std::string render_models(const Config& config) {
  boost::json::array data;
  std::set<std::string, std::less<>> seen;
  auto add = [&](std::string_view id, std::string_view owner) {
    if (!seen.emplace(id).second) return;
    data.push_back(
        boost::json::object{{"id", id}, {"object", "model"}, {"created", 0}, {"owned_by", owner}});
  };
  for (const auto& up : config.upstreams) {
    for (const auto& [name, _] : up.models) add(name, up.name);
    if (up.kind == UpstreamKind::kMock) add("mock", up.name);
  }
  return boost::json::serialize(boost::json::object{{"object", "list"}, {"data", std::move(data)}});
}

RequestContext::~RequestContext() {
  try {
    ProxyShared& s = worker.shared;
    if (s.metrics != nullptr) {
      std::optional<policy::Handling> handling;
      if (decided) handling = decision.handling;
      s.metrics->count_request(api, handling, static_cast<unsigned>(status == 0 ? 499 : status));
      if (api) {
        s.metrics->observe_overhead(
            std::chrono::duration_cast<std::chrono::microseconds>(overhead()));
      }
    }
    if (!audit_outcome || s.audit == nullptr || s.audit_closed.load(std::memory_order_acquire)) {
      return;
    }
    if (status == 0) {
      status = 499;  // the client went away before a reply was written
      if (error_code.empty()) error_code = "client_disconnected";
    }
    Metrics* metrics = s.metrics;
    const AuditBody outcome = outcome_body(*this);
    s.audit->append_serialized(outcome.event, outcome.body, true, [metrics](bool durable) {
      if (!durable && metrics != nullptr) metrics->count_audit_failure();
    });
  } catch (const std::exception& e) {
    log::error("could not write the audit outcome", {{"error", e.what()}});
  }
}

namespace {

// Appends a record and resumes on this worker once the sink says whether it is durable. The Done
// callback runs on the writer thread (or inline when the sink refuses at once); posting brings the
// result back to the worker's executor.
asio::awaitable<bool> audit_durable(ProxyShared& shared, AuditBody record) {
  audit::AuditSink* sink = shared.audit;
  if (sink == nullptr) co_return false;
  auto executor = co_await asio::this_coro::executor;
  const auto t0 = Clock::now();
  const bool durable = co_await asio::async_initiate<decltype(asio::use_awaitable), void(bool)>(
      [sink, executor](auto handler, AuditBody rec) {
        auto shared_handler = std::make_shared<decltype(handler)>(std::move(handler));
        sink->append_serialized(rec.event, rec.body, false, [shared_handler, executor](bool ok) {
          asio::post(executor, [shared_handler, ok]() mutable { (*shared_handler)(ok); });
        });
      },
      asio::use_awaitable, std::move(record));
  if (shared.metrics != nullptr) {
    shared.metrics->observe_audit_write(
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0));
    if (!durable) shared.metrics->count_audit_failure();
  }
  co_return durable;
}

std::string join_path(std::string_view base, std::string_view path) {
  // An upstream that serves Anthropic's API next to OpenAI's under ".../v1" (vLLM, Ollama) gets
  // ".../v1/messages", not ".../v1/v1/messages".
  if (base.ends_with("/v1") && path.starts_with("/v1/")) path.remove_prefix(3);
  std::string out;
  out.reserve(base.size() + path.size());
  out += base;
  out += path;
  return out;
}

void copy_header(const HttpRequest& from, http::request<http::string_body>& to,
                 std::string_view name) {
  if (auto it = from.find(name); it != from.end()) to.set(name, it->value());
}

// Errors the send() can report that make a vendor fall back to vendor_fallback (internal).
bool vendor_failure_allows_fallback(const UpstreamError& error) {
  return error.kind != UpstreamErrorKind::kCancelled;
}

bool is_timeout(UpstreamErrorKind kind) {
  return kind == UpstreamErrorKind::kTimeoutConnect ||
         kind == UpstreamErrorKind::kTimeoutFirstByte || kind == UpstreamErrorKind::kTimeoutIdle ||
         kind == UpstreamErrorKind::kTimeoutTotal;
}

class Pipeline {
 public:
  Pipeline(WorkerContext& worker, HttpRequest& request, ClientWriter& client)
      : w_(worker),
        s_(worker.shared),
        config_(*worker.shared.config),
        req_(request),
        client_(client),
        ctx_(worker) {}

  asio::awaitable<bool> run() {
    keep_alive_ = req_.keep_alive() && !s_.draining.load(std::memory_order_relaxed);
    const std::string_view method(req_.method_string().data(), req_.method_string().size());
    const std::string_view target(req_.target().data(), req_.target().size());
    const Endpoint endpoint = find_endpoint(method, target);
    switch (endpoint.kind) {
      case EndpointKind::kNotFound:
        co_await fail(Dialect::kOpenAi, 404, "unknown_endpoint",
                      "Unknown endpoint " + std::string(method) + " " +
                          std::string(target.substr(0, std::min<std::size_t>(target.size(), 200))) +
                          "; Switchyard serves /v1/chat/completions, /v1/completions, "
                          "/v1/embeddings, /v1/responses, /v1/models, /v1/messages and "
                          "/v1/messages/count_tokens");
        co_return keep_alive_;
      case EndpointKind::kMethodNotAllowed: {
        const Dialect d = error_dialect_for_target(target);
        const std::string allow = "allow: " + std::string(endpoint.allow) + "\r\n";
        co_await fail(d, 405, "method_not_allowed",
                      "Method " + std::string(method) + " is not allowed here; use " +
                          std::string(endpoint.allow),
                      allow);
        co_return keep_alive_;
      }
      case EndpointKind::kModels:
        co_return co_await models();
      case EndpointKind::kApi:
        break;
    }
    ctx_.api = endpoint.api;
    ctx_.audit_outcome = true;
    co_await api_request();
    co_return keep_alive_;
  }

 private:
  Dialect dialect() const { return adapters::dialect_of(*ctx_.api); }

  asio::awaitable<void> fail(Dialect d, int status, std::string_view code, std::string message,
                             std::string_view extra = {}) {
    const auto error = make_api_error(d, status, code, std::move(message));
    const bool written = co_await write_error(ctx_, client_, d, error, keep_alive_, extra);
    if (!written) keep_alive_ = false;
  }
  asio::awaitable<void> fail_with(const adapters::ApiError& error) {
    const bool written = co_await write_error(ctx_, client_, dialect(), error, keep_alive_);
    if (!written) keep_alive_ = false;
  }

  // Returns the client's own key (for pass-through to a vendor) or nullopt after replying 401.
  asio::awaitable<std::optional<std::string_view>> authenticate(Dialect d) {
    const std::string_view key = client_key(req_, d);
    if (!config_.clients_configured) co_return key;
    if (key.empty()) {
      co_await fail(d, 401, "missing_api_key",
                    d == Dialect::kAnthropic
                        ? "Missing API key: send it in the x-api-key header"
                        : "Missing API key: send it as 'Authorization: Bearer KEY'");
      co_return std::nullopt;
    }
    const auto name = s_.auth->authenticate(key);
    if (!name) {
      co_await fail(d, 401, "invalid_api_key", "Invalid API key");
      co_return std::nullopt;
    }
    ctx_.client = std::string(*name);
    co_return std::string_view{};  // configured clients never pass their key on
  }

  asio::awaitable<bool> models() {
    if (config_.clients_configured) {
      const auto key = co_await authenticate(Dialect::kOpenAi);
      if (!key) co_return keep_alive_;
    }
    const std::string_view body = s_.models_body;
    const bool written =
        co_await write_reply(ctx_, client_, 200, "application/json", body, keep_alive_);
    if (!written) keep_alive_ = false;
    co_return keep_alive_;
  }

  asio::awaitable<void> api_request() {
    const Dialect d = dialect();
    // Without configured clients there is nothing to refuse: no coroutine frame for that.
    std::optional<std::string_view> key;
    if (config_.clients_configured) {
      key = co_await authenticate(d);
    } else {
      key = client_key(req_, d);
    }
    if (!key) co_return;
    client_key_ = *key;

    const auto& adapter = adapters::adapter_for(*ctx_.api);
    auto parsed = adapter.parse(req_.body());
    if (!parsed) {
      co_await fail_with(parsed.error());
      co_return;
    }
    ctx_.parsed = std::move(parsed.value());
    ctx_.parsed_ok = true;

    {
      // One load of the pair: the live and the shadow policy always come from the same reload.
      std::shared_ptr<const PolicyPair> pair = s_.policies->pair();
      if (!pair->live) {
        co_await fail(d, 503, "policy_unavailable", "No policy is loaded; nothing is forwarded");
        co_return;
      }
      ctx_.shadow_policy = pair->shadow.get();
      const policy::Policy* live = pair->live.get();
      ctx_.policy = std::shared_ptr<const policy::Policy>(std::move(pair), live);
    }
    if (!ctx_.parsed.attachments.empty()) {
      const AttachmentStageResult stage =
          co_await inspect_attachments_stage(ctx_, client_, s_.inspection);
      if (s_.metrics != nullptr) s_.metrics->count_attachments(ctx_.attachments);
      if (stage.end == AttachmentStageEnd::kClientGone) {
        keep_alive_ = false;  // nobody to answer: the outcome records 499
        co_return;
      }
      if (stage.end == AttachmentStageEnd::kError) {
        co_await fail_with(*stage.error);
        co_return;
      }
    }
    {
      std::vector<std::string_view> views;
      views.reserve(ctx_.parsed.segments.size());
      for (const auto& seg : ctx_.parsed.segments) views.emplace_back(seg.text);
      ctx_.classification = ctx_.policy->classify(views);
      // The same segments, one more classification; its verdict goes to the record and metrics.
      if (ctx_.shadow_policy != nullptr) ctx_.shadow = ctx_.shadow_policy->classify(views);
    }
    if (s_.metrics != nullptr) {
      s_.metrics->count_rule_matches(ctx_.classification);
      if (ctx_.classification.classifier_error) s_.metrics->count_classifier_error();
      if (ctx_.shadow) {
        s_.metrics->count_shadow_decision(ctx_.classification.handling, ctx_.shadow->handling);
      }
    }

    ctx_.decision =
        decide(config_, ctx_.parsed, ctx_.classification, s_.responses, s_.pseudonym_key,
               ctx_.attachments.empty() ? UninspectedVerdict{} : uninspected_verdict(ctx_));
    ctx_.decided = true;
    ctx_.final_upstream = ctx_.decision.upstream;

    const bool durable = co_await audit_durable(s_, decision_body(ctx_));
    ctx_.decision_audited = true;
    if (ctx_.decision.error) {
      // Refused (block, vendor-held conversation): nothing goes upstream, durable or not.
      ctx_.final_upstream = -1;
      co_await fail_with(*ctx_.decision.error);
      co_return;
    }
    if (!durable) {
      ctx_.final_upstream = -1;
      co_await fail(d, 503, "audit_unavailable",
                    "The audit log is unavailable; the request was not forwarded");
      co_return;
    }
    co_await forward(ctx_.decision.upstream, false);
  }

  // Stages 10-12 for one upstream. On a vendor failure before any byte reached the client, tries
  // the internal vendor_fallback once (never the reverse).
  asio::awaitable<void> forward(int upstream, bool is_fallback) {
    const UpstreamConfig& up = config_.upstreams[upstream];
    ctx_.final_upstream = upstream;
    const Dialect client_dialect = dialect();
    const Dialect target = up.target_dialect(client_dialect);
    const bool internal = up.trust == Trust::kInternal;

    adapters::RewriteOptions options;
    if (const auto renamed = up.rename(ctx_.parsed.model);
        renamed && *renamed != ctx_.parsed.model) {
      options.model = std::string(*renamed);
    }
    if (!internal) options.redactions = ctx_.decision.redactions;
    options.target = target;
    if (up.documents_as_text && !ctx_.parsed.attachments.empty()) {
      options.documents_as_text = documents_as_text(ctx_);
    }
    const bool usage_api = *ctx_.api == Api::kOpenAiChat || *ctx_.api == Api::kOpenAiCompletions;
    options.request_usage_in_stream = ctx_.parsed.stream && usage_api && target == Dialect::kOpenAi;
    const bool proxy_added_usage =
        options.request_usage_in_stream && !ctx_.parsed.client_wants_usage;

    auto body = adapters::rewrite_request(ctx_.parsed, options);
    if (!body) {
      ctx_.final_upstream = -1;  // nothing was sent: the outcome names no upstream
      co_await fail_with(body.error());
      co_return;
    }

    http::request<http::string_body> out{http::verb::post,
                                         join_path(w_.upstreams[upstream]->endpoint().base_path,
                                                   adapters::upstream_path(*ctx_.api, target)),
                                         11};
    out.set(http::field::content_type, "application/json");
    out.set(http::field::accept, ctx_.parsed.stream ? "text/event-stream" : "application/json");
    out.set(http::field::user_agent, "switchyard/" SWITCHYARD_VERSION);
    // Credentials: an internal upstream only ever sees its own key; a vendor sees its configured
    // key when clients are configured, else the client's own key.
    const std::string_view key = internal || config_.clients_configured
                                     ? std::string_view(s_.upstream_keys[upstream])
                                     : client_key_;
    if (!key.empty()) {
      if (target == Dialect::kAnthropic) {
        out.set("x-api-key", key);
      } else {
        std::string bearer;
        bearer.reserve(7 + key.size());
        bearer += "Bearer ";
        bearer += key;
        out.set(http::field::authorization, bearer);
      }
    }
    if (target == Dialect::kAnthropic) {
      if (auto it = req_.find("anthropic-version");
          it != req_.end() && client_dialect == Dialect::kAnthropic) {
        out.set("anthropic-version", it->value());
      } else {
        out.set("anthropic-version", "2023-06-01");
      }
      if (client_dialect == Dialect::kAnthropic) copy_header(req_, out, "anthropic-beta");
    } else if (!internal && client_dialect == Dialect::kOpenAi) {
      copy_header(req_, out, "openai-organization");
      copy_header(req_, out, "openai-project");
    }
    out.body() = std::move(body.value());

    const UpstreamId metric_id = s_.metric_ids[upstream];
    ctx_.upstream_sent = Clock::now();
    auto sent = co_await w_.upstreams[upstream]->send(std::move(out));
    ctx_.upstream_time += Clock::now() - ctx_.upstream_sent;

    if (!sent) {
      const UpstreamError& error = sent.error();
      if (s_.metrics != nullptr) s_.metrics->count_upstream_error(metric_id, error.kind);
      log::warn("upstream request failed", {{"request_id", ctx_.request_id},
                                            {"upstream", up.name},
                                            {"kind", to_string(error.kind)},
                                            {"detail", error.message}});
      if (internal) {
        // Fail closed: internal traffic never goes anywhere else.
        co_await fail(client_dialect, 503, "internal_upstream_unavailable",
                      "The internal model is unavailable (" + std::string(to_string(error.kind)) +
                          "); the request was not sent anywhere else");
        co_return;
      }
      if (!is_fallback && ctx_.decision.fallback >= 0 && vendor_failure_allows_fallback(error)) {
        co_await fall_back();
        co_return;
      }
      const bool timeout = is_timeout(error.kind);
      co_await fail(client_dialect, timeout ? 504 : 502,
                    timeout ? "upstream_timeout" : "vendor_upstream_unavailable",
                    "The upstream is unavailable (" + std::string(to_string(error.kind)) + ")");
      co_return;
    }
    std::unique_ptr<UpstreamResponse> response = std::move(sent.value());
    const unsigned status = response->status();
    if (!internal && !is_fallback && ctx_.decision.fallback >= 0 &&
        (status >= 500 || status == 429)) {
      response.reset();  // closes that connection: the body is not needed
      co_await fall_back();
      co_return;
    }

    adapters::UpstreamResponseInfo info;
    info.status = static_cast<int>(status);
    info.dialect = target;
    if (auto it = response->headers().find(http::field::content_type);
        it != response->headers().end()) {
      info.event_stream = it->value().starts_with("text/event-stream");
    }
    auto translator = adapters::make_response_translator(ctx_.parsed, info, proxy_added_usage);
    if (!translator) {
      co_await fail(client_dialect, 502, "translation_unavailable",
                    "The upstream's response cannot be translated into this API");
      co_return;
    }
    if (!internal && ctx_.decision.pseudonyms) {
      // The vendor saw placeholders: the client gets its values back.
      translator = pseudonymize::make_restoring_translator(std::move(translator), *ctx_.api,
                                                           ctx_.decision.pseudonyms);
    }
    const RelayResult relayed =
        co_await relay_response(ctx_, *response, *translator, client_, keep_alive_);
    if (!relayed.client_ok) keep_alive_ = false;
    if (*ctx_.api == Api::kOpenAiResponses && s_.responses != nullptr &&
        relayed.upstream_complete && translator->status() < 400) {
      if (auto id = translator->response_id()) s_.responses->remember(*id, up.trust);
    }
  }

  asio::awaitable<void> fall_back() {
    ctx_.fallback_used = true;
    ctx_.final_upstream = ctx_.decision.fallback;
    const bool durable = co_await audit_durable(s_, decision_body(ctx_, true));
    if (!durable) {
      co_await fail(dialect(), 503, "audit_unavailable",
                    "The audit log is unavailable; the request was not forwarded");
      co_return;
    }
    co_await forward(ctx_.decision.fallback, true);
  }

  WorkerContext& w_;
  ProxyShared& s_;
  const Config& config_;
  HttpRequest& req_;
  ClientWriter& client_;
  RequestContext ctx_;
  bool keep_alive_ = true;
  std::string_view client_key_;
};

}  // namespace

asio::awaitable<bool> handle_request(WorkerContext& worker, HttpRequest& request,
                                     ClientWriter& client) {
  Pipeline pipeline(worker, request, client);
  co_return co_await pipeline.run();
}

asio::awaitable<void> reply_read_error(WorkerContext& worker, ClientWriter& client, Dialect d,
                                       int status, std::string_view code, std::string message) {
  RequestContext ctx(worker);
  const auto error = make_api_error(d, status, code, std::move(message));
  co_await write_error(ctx, client, d, error, false);
}

}  // namespace switchyard::proxy
