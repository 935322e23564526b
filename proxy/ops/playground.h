// The policy playground on the admin listener (design section 8), for compliance staff:
//   GET  /playground       a self-contained page (HTML, CSS and JS in this binary; no network, a
//                          Content-Security-Policy that allows nothing but this page and its own
//                          endpoint), ?text=...&input=...&policy=... fills it and runs it on load;
//   POST /policy/explain   the JSON endpoint behind it (policy_explain.h), run on the
//                          playground's own thread so a pasted policy never stalls /metrics or
//                          /readyz; at most kMaxQueued requests wait, then 429;
//   GET  /policy/source    the serving policy's own YAML (?policy=shadow for the shadow one), for
//                          the page's editor.
// The admin listener is for operators only; the page still treats every input as untrusted: it
// never builds HTML from data (DOM text nodes only), and POSTs must be application/json from the
// same origin (a cross-site form cannot send one).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <memory>
#include <string_view>

#include "proxy/ops/policy_explain.h"
#include "proxy/ops/policy_store.h"

namespace switchyard::proxy {

class Playground {
 public:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;
  static constexpr std::size_t kMaxQueued = 4;

  explicit Playground(PolicyStore& store, ExplainLimits limits = {});
  ~Playground();  // stop()
  Playground(const Playground&) = delete;
  Playground& operator=(const Playground&) = delete;

  // Whether `target` (path only) is one of the playground's; what body size its POST may carry.
  static bool serves(std::string_view path);
  std::size_t body_limit() const { return limits_.max_request_bytes; }
  // Answers a request for one of the paths above (method checks included).
  boost::asio::awaitable<Response> handle(const Request& request);
  // Waits for the explain in progress, if any; later requests get 503. Idempotent.
  void stop();

  // The page as served (for tests): the HTML and its Content-Security-Policy.
  static std::string_view page();
  static std::string_view content_security_policy();

 private:
  struct Worker;
  PolicyStore& store_;
  ExplainLimits limits_;
  std::unique_ptr<Worker> worker_;
};

}  // namespace switchyard::proxy
