// Response translation between OpenAI Chat Completions and Anthropic Messages, below the
// ResponseTranslator of adapters/translation.h: whole bodies, and stream event translators that
// take one upstream SSE event at a time and append the client's events. Exposed for tests, the fuzz
// target and the benchmark (they fix the clock through TranslateResponseOptions).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/response_translator.h"
#include "adapters/sse_parser.h"

namespace switchyard::adapters {

struct TranslateResponseOptions {
  std::int64_t created = 0;  // OpenAI "created" (Unix seconds) for translated replies; 0: now
  std::size_t max_body_bytes = std::size_t{32} << 20;  // non-streaming bodies are buffered whole
  std::size_t max_event_bytes = std::size_t{1} << 20;  // one upstream SSE event
};

std::unique_ptr<ResponseTranslator> make_translating_response_translator(
    const ParsedRequest& request, const UpstreamResponseInfo& upstream,
    const TranslateResponseOptions& options);

namespace translation {

struct TranslatedBody {
  std::string body;
  Usage usage;
};

// A whole chat.completion into an Anthropic message. Errors (not JSON, tool arguments that are not
// a JSON object...) are 502s in the client's terms.
Result<TranslatedBody> openai_completion_to_anthropic(std::string_view body,
                                                      std::string_view fallback_model);
// A whole Anthropic message into a chat.completion.
Result<TranslatedBody> anthropic_message_to_openai(std::string_view body,
                                                   std::string_view fallback_model,
                                                   std::int64_t created);

// Translates one upstream stream, event by event, with constant memory per open content block.
class StreamTranslator {
 public:
  virtual ~StreamTranslator() = default;
  virtual void on_event(const SseEvent& event, std::string& out) = 0;
  // End of the upstream body: closes the client stream normally when the upstream finished its
  // message, else ends it with an error event.
  virtual void finish(bool complete, std::string& out) = 0;
  // Ends the client stream with `error` (unless it already ended).
  virtual void fail(const ApiError& error, std::string& out) = 0;
  virtual bool ended() const = 0;
  const Usage& usage() const { return usage_; }

 protected:
  Usage usage_;
};

// OpenAI chat.completion.chunk events into Anthropic Messages events.
std::unique_ptr<StreamTranslator> make_openai_to_anthropic_stream(std::string fallback_model);
// Anthropic Messages events into chat.completion.chunk events ending in [DONE]; the usage chunk is
// sent only when the client asked for it (stream_options.include_usage).
std::unique_ptr<StreamTranslator> make_anthropic_to_openai_stream(std::string fallback_model,
                                                                  bool client_wants_usage,
                                                                  std::int64_t created);

// OpenAI finish_reason <-> Anthropic stop_reason.
std::string_view anthropic_stop_reason(std::string_view finish_reason, bool has_tool_calls);
std::string_view openai_finish_reason(std::string_view stop_reason);

}  // namespace translation

}  // namespace switchyard::adapters
