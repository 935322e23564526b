// Turns a parsed client request into the bytes sent to the chosen upstream. Same-API forwarding
// changes only what must change (model name, redacted spans, stream_options) and keeps every other
// byte; cross-API translation goes through an explicit list of supported fields and rejects the
// rest with a 400 naming the field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/adapter.h"

namespace switchyard::adapters {

struct Redaction {
  std::uint32_t segment = 0;  // index into ParsedRequest::segments
  std::size_t begin = 0;      // byte offsets into that segment's text
  std::size_t end = 0;
  std::string category;  // replaced by "[REDACTED:<category>]"
  // When set, replaces the span instead of "[REDACTED:<category>]" (a pseudonym's placeholder).
  std::string replacement = {};
};

// What replaces a redaction's span in the text sent upstream.
std::string redaction_text(const Redaction& redaction);

struct RewriteOptions {
  std::optional<std::string> model;      // the upstream's name for the model, when it differs
  std::vector<Redaction> redactions;     // handlings "redact" and "pseudonymize"
  Dialect target = Dialect::kOpenAi;     // the upstream's API; differs from the client's: translate
  bool request_usage_in_stream = false;  // add stream_options.include_usage for the audit's usage
  // Document attachments (PDF and text files) sent as the text the proxy extracted, for upstreams
  // that take no file parts (`documents: text`): JSON Pointer of the part or block -> its text. The
  // part becomes a text part of the target's API, same-API or translated.
  std::vector<std::pair<std::string, std::string>> documents_as_text;
};

// The text of `documents_as_text` for the part at `pointer`, or null.
const std::string* document_text(const RewriteOptions& options, std::string_view pointer);

// The request body for the upstream, or a 400 in the client's terms.
Result<std::string> rewrite_request(const ParsedRequest& request, const RewriteOptions& options);

// True when rewrite_request() adds stream_options.include_usage that the client did not ask for:
// pass it as make_response_translator()'s proxy_added_usage so the extra usage chunk is dropped.
bool rewrite_adds_stream_usage(const ParsedRequest& request, const RewriteOptions& options);

// The redacted text of each segment that has redactions, in segment order: each [begin, end) is
// widened to whole UTF-8 characters, overlapping spans merge (the earliest-starting span's category
// names the merged one), and the span becomes redaction_text() of that span. nullopt when a
// redaction names a missing segment or lies outside its text.
std::optional<std::vector<std::pair<std::uint32_t, std::string>>> apply_redactions(
    const std::vector<TextSegment>& segments, const std::vector<Redaction>& redactions);

// The path to append to the upstream's base_url, e.g. "/chat/completions" for an OpenAI base URL
// that ends in /v1, "/v1/messages" for an Anthropic base URL.
std::string upstream_path(Api client_api, Dialect target);

}  // namespace switchyard::adapters
