// A per-request object on the response path: it takes the upstream's body bytes as they arrive (SSE
// or JSON, split anywhere), emits what the client must see (the same bytes, or translated into the
// client's API), normalizes upstream errors into the client's error format, and reads token usage
// for the audit outcome.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/adapter.h"

namespace switchyard::adapters {

struct Usage {
  std::int64_t input_tokens = -1;  // -1: not reported
  std::int64_t output_tokens = -1;
};

struct UpstreamResponseInfo {
  int status = 200;
  bool event_stream = false;  // Content-Type: text/event-stream
  Dialect dialect = Dialect::kOpenAi;
};

class ResponseTranslator {
 public:
  virtual ~ResponseTranslator() = default;
  // Appends to `out` whatever can be sent to the client now. Never buffers a whole stream.
  virtual void feed(std::string_view bytes, std::string& out) = 0;
  // End of the upstream body. `complete` is false when it was cut off (close, timeout): a stream
  // then ends with an error event in the client's format.
  virtual void finish(bool complete, std::string& out) = 0;
  virtual const Usage& usage() const = 0;
  // The response id the upstream assigned (Responses API state), once seen.
  virtual std::optional<std::string> response_id() const = 0;
  // The Content-Type for the client.
  virtual std::string content_type() const = 0;
  // The HTTP status for the client (upstream errors are mapped to the client's API).
  virtual int status() const = 0;
};

std::unique_ptr<ResponseTranslator> make_response_translator(const ParsedRequest& request,
                                                             const UpstreamResponseInfo& upstream,
                                                             bool proxy_added_usage);

}  // namespace switchyard::adapters
