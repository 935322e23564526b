// The per-API adapter: parses a client request body, extracts every piece of text it carries (with
// its JSON path) for classification, and renders errors in that API's own format. One adapter per
// client API; the proxy picks it from the endpoint table.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/api_error.h"
#include "adapters/attachments/attachment.h"

namespace switchyard::adapters {

// The client-facing APIs Switchyard serves (design section 2).
enum class Api : std::uint8_t {
  kOpenAiChat,            // POST /v1/chat/completions
  kOpenAiCompletions,     // POST /v1/completions
  kOpenAiEmbeddings,      // POST /v1/embeddings
  kOpenAiResponses,       // POST /v1/responses
  kAnthropicMessages,     // POST /v1/messages
  kAnthropicCountTokens,  // POST /v1/messages/count_tokens
};

// The wire family: which error format and auth headers a client or an upstream speaks.
enum class Dialect : std::uint8_t { kOpenAi, kAnthropic };

std::string_view to_string(Api api);
Dialect dialect_of(Api api);

// One piece of text to classify. `path` is a JSON Pointer into the body (RFC 6901); text that lives
// inside a JSON-encoded string (tool call arguments) has the pointer of that string.
// Text read from an attachment (a PDF page, an OCR'd image) has a pointer with a fragment
// ("/messages/0/content/1#page=3") and the attachment's index: it is not a string of the body, so
// it can be classified but not redacted in place.
struct TextSegment {
  std::string path;
  std::string text;
  std::int32_t attachment = -1;  // index into ParsedRequest::attachments; -1: text of the body
};

struct ParsedRequest {
  ParsedRequest() = default;
  // Takes the parsed document with its storage (the parser's arena).
  explicit ParsedRequest(boost::json::value parsed) : body(std::move(parsed)) {}
  ParsedRequest(const ParsedRequest&) = default;
  ParsedRequest& operator=(const ParsedRequest&) = default;
  ParsedRequest(ParsedRequest&&) noexcept = default;
  // boost::json::value's move assignment deep-copies when the two storages differ, and the body
  // lives in the strict parser's arena: moving the whole request in place keeps that arena (the
  // copy was ~3 k instructions per request).
  ParsedRequest& operator=(ParsedRequest&& other) noexcept {
    if (this != &other) {
      std::destroy_at(this);
      std::construct_at(this, std::move(other));
    }
    return *this;
  }

  Api api = Api::kOpenAiChat;
  boost::json::value body;
  std::vector<TextSegment> segments;
  std::string model;
  bool stream = false;
  bool client_wants_usage = false;  // OpenAI stream_options.include_usage as the client sent it
  std::optional<std::string> previous_response_id;  // Responses API
  // The client's body bytes as received: same-API forwarding splices edits into them so every other
  // byte reaches the upstream unchanged. Empty when the request was built in code (then the body
  // value is serialized instead).
  std::string raw_body;
  // Base64 images, files and audio that were not extracted as text.
  std::uint32_t binary_payloads = 0;
  // Every attachment part or block, in document order; inspected by the pipeline before
  // classification (proxy/inspection), which appends their text to `segments`.
  std::vector<attachments::Attachment> attachments;
};

class Adapter {
 public:
  virtual ~Adapter() = default;
  virtual Api api() const = 0;
  // Parses and validates the body and extracts every text field. Malformed JSON, wrong types,
  // duplicate keys, token-array prompts (unclassifiable) come back as a 400 ApiError.
  virtual Result<ParsedRequest> parse(std::string_view body) const = 0;
  // {"error":{...}} for OpenAI, {"type":"error","error":{...}} for Anthropic.
  virtual std::string error_body(const ApiError& error) const = 0;
};

// The adapter for an API; these are stateless singletons.
const Adapter& adapter_for(Api api);

}  // namespace switchyard::adapters
