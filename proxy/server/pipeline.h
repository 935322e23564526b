// The fixed stages for one request (design section 1, stages 3 to 13): endpoint, auth, parse,
// classify, decide, audit the decision, rewrite, forward, relay, audit the outcome. The session
// reads the request and hands it here with a ClientWriter; this file owns the order of the stages.
#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "adapters/pseudonymize/pseudonym_key.h"
#include "audit/sink.h"
#include "proxy/config/config.h"
#include "proxy/ops/metrics.h"
#include "proxy/ops/policy_store.h"
#include "proxy/server/auth.h"
#include "proxy/server/responses_state.h"
#include "proxy/upstream/upstream_client.h"

namespace switchyard::inspection {
class InspectionPool;
}

namespace switchyard::proxy {

// What every worker shares, read-only while serving (except the atomics and the sharded state).
struct ProxyShared {
  const Config* config = nullptr;
  PolicyStore* policies = nullptr;
  audit::AuditSink* audit = nullptr;
  Metrics* metrics = nullptr;
  ResponsesState* responses = nullptr;
  const ClientAuthenticator* auth = nullptr;
  std::vector<std::string> upstream_keys;  // by upstream index: the key from api_key_env, or ""
  const pseudonymize::PseudonymKey* pseudonym_key = nullptr;  // null: none loaded
  std::vector<UpstreamId> metric_ids;                         // by upstream index
  std::string models_body;                                    // GET /v1/models, rendered once
  inspection::InspectionPool* inspection = nullptr;           // PDF/OCR work for attachments
  std::atomic<bool> draining{false};
  std::atomic<bool> audit_closed{false};  // after close(): outcome records are dropped
};

// One per worker thread; everything here is touched only from that thread.
class WorkerContext {
 public:
  WorkerContext(ProxyShared& shared, boost::asio::io_context& io);
  ProxyShared& shared;
  boost::asio::io_context& io;
  std::vector<std::unique_ptr<UpstreamClient>> upstreams;  // by upstream index

  std::string next_request_id();

 private:
  std::uint64_t prefix_;
  std::uint64_t counter_ = 0;
};

// The client connection as the pipeline sees it: write these bytes, or fail.
class ClientWriter {
 public:
  virtual ~ClientWriter() = default;
  virtual boost::asio::awaitable<bool> write(
      std::span<const boost::asio::const_buffer> buffers) = 0;
  // While the request waits on other work (attachment inspection) and nothing is read or written:
  // calls `on_gone` once, on the worker's thread, if the client closes the connection, until
  // stop_watching(). By default nothing is watched.
  virtual void watch_for_close(std::function<void()> on_gone) { (void)on_gone; }
  virtual void stop_watching() {}
};

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Runs stages 3-13 for one request and writes the whole reply. Returns whether the connection may
// serve another request.
boost::asio::awaitable<bool> handle_request(WorkerContext& worker, HttpRequest& request,
                                            ClientWriter& client);

// A reply for a request the session could not read (400/408/413/431), in the error format of the
// target's endpoint (error_dialect_for_target; OpenAI's when unknown). Always "Connection: close".
boost::asio::awaitable<void> reply_read_error(WorkerContext& worker, ClientWriter& client,
                                              adapters::Dialect dialect, int status,
                                              std::string_view code, std::string message);

// The body of GET /v1/models for a configuration.
std::string render_models(const Config& config);

}  // namespace switchyard::proxy
