// Runs the proxy in-process for integration tests: a Server on 127.0.0.1:0 built from a YAML
// config (placeholders filled by the test), an in-memory audit sink that records every record and
// can be told to fail, and a small blocking HTTP client that can also read a chunked stream piece
// by piece.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "audit/sink.h"
#include "proxy/ops/metrics.h"
#include "proxy/server/server.h"

namespace switchyard::testing {

// Keeps every record; done(true) inline unless told to fail. `on_append` runs before done, so a
// test can observe what the upstreams had received when the decision was written.
class MemoryAuditSink final : public audit::AuditSink {
 public:
  void append(boost::json::object record, Done done) override;
  std::string prompt_digest(std::string_view text) const override;
  bool healthy() const override { return !fail_; }
  void close() override;

  void set_fail(bool fail) { fail_ = fail; }
  void set_on_append(std::function<void(const boost::json::object&)> hook);
  std::vector<boost::json::object> records() const;
  // Records of one request, in order.
  std::vector<boost::json::object> records_for(std::string_view request_id) const;
  // Waits until `n` records exist for the request (outcomes are written when the request ends,
  // which can be just after the client saw the reply).
  bool wait_for_records(std::string_view request_id, std::size_t n,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
  // Waits until `n` records of the event ("decision", "outcome") exist, whatever their request.
  bool wait_for_event(std::string_view event, std::size_t n,
                      std::chrono::milliseconds timeout = std::chrono::seconds(30)) const;
  bool closed() const;
  // Hold mode: decision records are kept but their done() waits for release_held(), which runs
  // every held one from another thread at once (like the file sink's writer after a sync).
  void set_hold(bool hold);
  bool wait_for_held(std::size_t n,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
  void release_held(bool durable);

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  std::vector<boost::json::object> records_;
  bool hold_ = false;
  std::vector<Done> held_;
  std::function<void(const boost::json::object&)> on_append_;
  std::atomic<bool> fail_{false};
  bool closed_ = false;
};

struct Reply {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  boost::json::value json() const;  // parsed body (throws when not JSON)
  std::string header(std::string_view name) const;
};

class ProxyHarness {
 public:
  // `yaml` is a complete config; "{POLICY}" is replaced by the test policy's path.
  // listen/port 0 is forced unless the yaml sets listen.
  explicit ProxyHarness(std::string yaml, std::function<void(proxy::ServerOptions&)> tweak = {});
  ~ProxyHarness();

  unsigned short port() const { return server_->port(); }
  MemoryAuditSink& audit() { return *audit_; }
  proxy::Server& server() { return *server_; }
  proxy::Metrics& metrics() { return *metrics_; }
  void shutdown() { server_->shutdown(); }

  static std::string policy_path();

 private:
  std::shared_ptr<MemoryAuditSink> audit_;
  std::unique_ptr<proxy::Metrics> metrics_;
  std::unique_ptr<proxy::Server> server_;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// One keep-alive connection to 127.0.0.1:port.
class Client {
 public:
  explicit Client(unsigned short port);
  Reply post(std::string_view target, std::string body, const Headers& headers = {});
  Reply get(std::string_view target, const Headers& headers = {});
  Reply send(boost::beast::http::request<boost::beast::http::string_body> request);
  // Writes raw bytes and reads one response (for malformed requests).
  Reply raw(std::string_view bytes);
  bool connection_closed();  // the server closed this connection (EOF on read)

  // Streaming: send, read the header, then take body pieces as they arrive (dechunked).
  void start_stream(std::string_view target, std::string body, const Headers& headers = {});
  const Reply& stream_header() const { return stream_reply_; }
  // The next piece of the body; nullopt at the end of the body.
  std::optional<std::string> next_piece();
  void close();

 private:
  unsigned short port_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_{io_};
  boost::beast::flat_buffer buffer_;
  std::unique_ptr<boost::beast::http::response_parser<boost::beast::http::empty_body>> parser_;
  std::string pending_;
  std::function<std::size_t(std::uint64_t, boost::beast::string_view, boost::system::error_code&)>
      on_body_;
  Reply stream_reply_;
  void connect();
};

// Request bodies for each API with `text` as the user content.
std::string chat_request(std::string_view text, bool stream, std::string_view model = "gpt-4o");
std::string completions_request(std::string_view text, bool stream);
std::string embeddings_request(std::string_view text);
std::string responses_request(std::string_view text, bool stream,
                              std::optional<std::string> previous = std::nullopt);
std::string messages_request(std::string_view text, bool stream,
                             std::string_view model = "claude-sonnet-4");
std::string count_tokens_request(std::string_view text);

}  // namespace switchyard::testing
