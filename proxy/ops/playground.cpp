// The playground's HTTP side: the page with its CSP, the policy source, and the explain endpoint
// run off the admin thread.
#include "proxy/ops/playground.h"

#include <openssl/evp.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <string>

#include "policies/policy_impl.h"
#include "proxy/ops/playground_page.h"

namespace switchyard::proxy {

namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

std::string sha256_base64(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  unsigned char out[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
  const int n = EVP_EncodeBlock(out, digest, static_cast<int>(size));
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

struct Page {
  std::string html;
  std::string csp;
};

// Built once: the page and a CSP that allows exactly its own inline script and style (by hash),
// requests to its own origin, and nothing else: no other script, frame, form target or network.
const Page& built_page() {
  static const Page page = [] {
    const PlaygroundPageParts parts = playground_page_parts();
    Page p;
    p.html.reserve(parts.head.size() + parts.style.size() + parts.body.size() +
                   parts.script.size() + 64);
    p.html.append(parts.head)
        .append("<style>")
        .append(parts.style)
        .append("</style>\n</head>\n")
        .append(parts.body)
        .append("<script>")
        .append(parts.script)
        .append("</script>\n</body>\n</html>\n");
    p.csp = "default-src 'none'; script-src 'sha256-" + sha256_base64(parts.script) +
            "'; style-src 'sha256-" + sha256_base64(parts.style) +
            "'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'";
    return p;
  }();
  return page;
}

std::string_view path_of(std::string_view target) {
  if (const auto q = target.find('?'); q != std::string_view::npos) return target.substr(0, q);
  return target;
}

std::string query_value(std::string_view target, std::string_view name) {
  const auto q = target.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view query = target.substr(q + 1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (pair.substr(0, pair.find('=')) == name && pair.find('=') != std::string_view::npos) {
      return std::string(pair.substr(pair.find('=') + 1));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

Playground::Response json_response(int status, std::string body) {
  Playground::Response response;
  response.result(static_cast<unsigned>(status));
  response.set(http::field::content_type, "application/json");
  response.set("x-content-type-options", "nosniff");
  response.body() = std::move(body);
  return response;
}

Playground::Response json_error(int status, std::string_view code, std::string_view message) {
  return json_response(status, boost::json::serialize(boost::json::object{
                                   {"error", {{"code", code}, {"message", message}}}}));
}

// Requests a page on another site could make the browser send: refused. A cross-site form
// cannot send application/json without a CORS preflight, which this listener never grants; the
// browser's Sec-Fetch-Site and Origin headers, when present, are checked as well.
bool cross_site(const Playground::Request& request) {
  if (auto it = request.find("sec-fetch-site"); it != request.end()) {
    const auto site = it->value();
    if (site != "same-origin" && site != "none") return true;
  }
  if (auto it = request.find(http::field::origin); it != request.end()) {
    const auto host = request.find(http::field::host);
    if (host == request.end()) return true;
    std::string origin(it->value());
    const auto scheme = origin.find("://");
    if (scheme != std::string::npos) origin = origin.substr(scheme + 3);
    if (origin != host->value()) return true;
  }
  return false;
}

}  // namespace

struct Playground::Worker {
  asio::thread_pool pool{1};
  std::atomic<std::size_t> queued{0};
  std::atomic<bool> stopped{false};
};

Playground::Playground(PolicyStore& store, ExplainLimits limits)
    : store_(store), limits_(limits), worker_(std::make_unique<Worker>()) {}

Playground::~Playground() { stop(); }

void Playground::stop() {
  if (worker_->stopped.exchange(true)) return;
  worker_->pool.join();
}

bool Playground::serves(std::string_view path) {
  return path == "/playground" || path == "/policy/explain" || path == "/policy/source";
}

std::string_view Playground::page() { return built_page().html; }
std::string_view Playground::content_security_policy() { return built_page().csp; }

asio::awaitable<Playground::Response> Playground::handle(const Request& request) {
  const std::string_view target(request.target().data(), request.target().size());
  const std::string_view path = path_of(target);
  const bool get = request.method() == http::verb::get || request.method() == http::verb::head;
  Response response;
  if (path == "/playground") {
    if (!get) {
      response = json_error(405, "method_not_allowed", "GET /playground");
      response.set(http::field::allow, "GET, HEAD");
      co_return response;
    }
    const Page& page = built_page();
    response.result(http::status::ok);
    response.set(http::field::content_type, "text/html; charset=utf-8");
    response.set("content-security-policy", page.csp);
    response.set("x-content-type-options", "nosniff");
    response.set("x-frame-options", "DENY");
    response.set("referrer-policy", "no-referrer");  // ?text= never leaves in a Referer
    response.body() = page.html;
    co_return response;
  }
  if (path == "/policy/source") {
    if (!get) {
      response = json_error(405, "method_not_allowed", "GET /policy/source");
      response.set(http::field::allow, "GET, HEAD");
      co_return response;
    }
    const auto pair = store_.pair();
    const bool shadow = query_value(target, "policy") == "shadow";
    const auto& policy = shadow ? pair->shadow : pair->live;
    if (!policy) {
      co_return json_error(404, shadow ? "no_shadow_policy" : "no_policy",
                           shadow ? "No shadow policy is configured" : "No policy is loaded");
    }
    const auto& root = policy->impl().source->files.front();
    co_return json_response(
        200, boost::json::serialize(boost::json::object{{"name", policy->name()},
                                                        {"version", policy->version()},
                                                        {"sha256", policy->sha256()},
                                                        {"file", root.display},
                                                        {"yaml", root.bytes}}));
  }
  // POST /policy/explain
  if (request.method() != http::verb::post) {
    response = json_error(405, "method_not_allowed", "POST /policy/explain with a JSON body");
    response.set(http::field::allow, "POST");
    co_return response;
  }
  const auto type = request.find(http::field::content_type);
  if (type == request.end() || !type->value().starts_with("application/json")) {
    co_return json_error(415, "unsupported_media_type", "Send Content-Type: application/json");
  }
  if (cross_site(request)) {
    co_return json_error(403, "cross_site", "Only the playground page itself may call this");
  }
  if (worker_->stopped.load()) co_return json_error(503, "stopping", "The server is stopping");
  if (worker_->queued.fetch_add(1) >= kMaxQueued) {
    worker_->queued.fetch_sub(1);
    co_return json_error(429, "busy", "Other explains are in progress; try again in a moment");
  }
  // The work runs on the playground's thread; co_spawn brings the answer back to this session's
  // strand. The function is a named object: GCC 12 destroys a lambda temporary inside a co_await
  // expression twice (its captures were freed twice).
  Worker* worker = worker_.get();
  auto work = [worker, policies = store_.pair(), limits = limits_,
               body = request.body()]() -> asio::awaitable<ExplainResponse> {
    ExplainResponse result = explain_policy_request(body, *policies, limits);
    worker->queued.fetch_sub(1);
    co_return result;
  };
  ExplainResponse answer =
      co_await asio::co_spawn(worker->pool.get_executor(), std::move(work), asio::use_awaitable);
  co_return json_response(answer.status, std::move(answer.body));
}

}  // namespace switchyard::proxy
