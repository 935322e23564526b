// A scriptable HTTP/1.1 upstream for tests: a Beast server on 127.0.0.1 (port 0) running on its own
// thread, optionally over TLS with a certificate from test_certs, with keep-alive. It records every
// request it receives and answers each one as the handler scripts it (status, headers, body pieces,
// delays, mid-stream closes), so tests can drive the proxy and the upstream client through
// failures.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace switchyard::testing {

// Lets a test hold a scripted body until it says so: with a gate set on a reply, the fake writes
// the first chunk, then waits for one release() before each further chunk. That is how a test
// proves a chunk was delivered before the next one existed, without sleeping. Made by
// FakeUpstream::make_gate.
class ChunkGate {
 public:
  virtual ~ChunkGate() = default;
  virtual void release(std::size_t n = 1) = 0;  // any thread
};

// How the body is framed on the wire.
enum class Framing {
  kAuto,           // chunked when there are several chunks or the reply is SSE, else Content-Length
  kContentLength,  // Content-Length of the whole body, pieces still written and flushed one by one
  kChunked,
  kEof,  // neither: the body ends when the fake closes the connection
};

struct ScriptedReply {
  unsigned status = 200;
  std::vector<std::pair<std::string, std::string>>
      headers;                      // e.g. {"content-type","application/json"}
  std::vector<std::string> chunks;  // body pieces, each written and flushed separately
  Framing framing = Framing::kAuto;
  std::chrono::milliseconds delay_before_header{0};
  std::chrono::milliseconds delay_between_chunks{0};
  bool close_after_header = false;   // mid-stream close: write header + first chunk then close
  bool close_without_reply = false;  // accept the request then close the socket
  bool close_after_reply = false;    // full reply (keep-alive announced), then a silent close (FIN)
  bool reset_after_reply = false;    // full reply, then an abortive close (RST)
  std::shared_ptr<ChunkGate> gate;   // see ChunkGate
};

struct RecordedRequest {
  std::string method;
  std::string target;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::size_t connection_index = 0;  // which accepted connection (0-based) carried it
  // First value of a header, case-insensitively; empty when absent.
  std::string header(std::string_view name) const;
};

class FakeUpstream {
 public:
  enum class Cert {
    kLocalhost,  // signed by the test CA, valid for localhost and 127.0.0.1
    kWrongHost,  // signed by the test CA, valid only for wrong.example
    kUntrusted,  // valid for localhost, signed by the untrusted CA
  };
  struct Options {
    bool tls = false;
    Cert cert = Cert::kLocalhost;
  };
  using Handler = std::function<ScriptedReply(const RecordedRequest&)>;

  FakeUpstream();
  explicit FakeUpstream(Options options);
  ~FakeUpstream();  // stops and joins
  FakeUpstream(const FakeUpstream&) = delete;
  FakeUpstream& operator=(const FakeUpstream&) = delete;

  unsigned short port() const;
  std::string base_url(std::string_view path = "/v1") const;  // "http(s)://127.0.0.1:PORT/v1"
  // Called on the fake's thread for every request; default: 200 with body {}.
  void set_handler(Handler handler);
  std::shared_ptr<ChunkGate> make_gate();

  std::vector<RecordedRequest> requests() const;  // thread-safe copy
  std::size_t request_count() const;
  std::size_t connection_count() const;         // accepted TCP connections (keep-alive reuse)
  std::size_t closed_connection_count() const;  // connections the fake has finished with
  // Block on a condition variable until the count is reached; false on timeout.
  bool wait_for_requests(std::size_t n, std::chrono::milliseconds timeout) const;
  bool wait_for_closed_connections(std::size_t n, std::chrono::milliseconds timeout) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Common replies.
ScriptedReply openai_json(std::string body);
// SSE reply. events are complete event texts ("data: {...}\n\n"); the whole stream is cut into
// chunks of the sizes in split, cycled (e.g. {1, 7, 3} cuts mid-line); empty split: one chunk per
// event.
ScriptedReply sse(const std::vector<std::string>& events,
                  const std::vector<std::size_t>& split = {});
// An error reply with a JSON body, e.g. status_error(429, R"({"error":{...}})").
ScriptedReply status_error(unsigned status, std::string body);

}  // namespace switchyard::testing
