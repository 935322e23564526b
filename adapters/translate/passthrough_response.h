// The same-dialect response path: upstream bytes go to the client unchanged and event by event
// (never a whole stream), token usage and the Responses id are read on the way, the usage chunk
// the proxy asked for on the client's behalf is dropped, and upstream errors are rewritten into the
// client's error format.
#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <string_view>

#include "adapters/response_translator.h"

namespace switchyard::adapters {

// Bytes of one SSE event the pass-through path will hold back at most (a longer event is passed on
// uninspected); also the bound on a buffered upstream error body.
inline constexpr std::size_t kMaxInspectedEventBytes = 1 << 20;
inline constexpr std::size_t kMaxErrorBodyBytes = 64 << 10;
// Non-streamed bodies are copied for usage reading up to this size (they are forwarded as they
// arrive regardless).
inline constexpr std::size_t kMaxInspectedBodyBytes = 8 << 20;

std::unique_ptr<ResponseTranslator> make_passthrough_response_translator(
    const ParsedRequest& request, const UpstreamResponseInfo& upstream, bool proxy_added_usage);

// Reads a usage object in any of the three vocabularies into `out`: prompt_tokens /
// completion_tokens (OpenAI Chat, Completions, Embeddings), input_tokens / output_tokens
// (Responses, Anthropic), plus Anthropic's cache_creation_input_tokens and
// cache_read_input_tokens, which count as input. Fields absent leave `out` as it was.
void read_usage_fields(const boost::json::object& usage, Usage& out);

// The same from a usage object's JSON text, read without building a document: false, leaving
// `out` as it was, when the text is not a JSON object (json::parse's validation).
bool read_usage_json(std::string_view text, Usage& out);

}  // namespace switchyard::adapters
