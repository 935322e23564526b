// Same-API forwarding: edits spliced into the client's own bytes (model, redacted strings,
// stream_options.include_usage); everything else is left byte for byte. Cross-API requests go to
// translate_request().
#include "adapters/translate/rewrite.h"

#include <algorithm>
#include <boost/json.hpp>

#include "adapters/json_splice.h"
#include "adapters/translate/translation.h"

namespace switchyard::adapters {
namespace {

ApiError internal_error(std::string message) {
  return ApiError{500, "server_error", "rewrite_failed", std::move(message), ""};
}

// Adds or sets stream_options.include_usage = true.
bool usage_edit(std::string_view json, std::vector<SpliceEdit>& edits) {
  constexpr std::string_view kMember = R"("stream_options":{"include_usage":true})";
  auto options = find_json_value(json, "/stream_options");
  if (!options) {
    auto root = find_json_value(json, "");
    if (!root) return false;
    auto at = member_insertion_point(json, *root);
    if (!at) return false;
    edits.push_back({at->offset, at->offset, (at->needs_comma ? "," : "") + std::string(kMember)});
    return true;
  }
  if (json[options->begin] != '{') {  // null (validated by the adapter)
    edits.push_back({options->begin, options->end, R"({"include_usage":true})"});
    return true;
  }
  if (auto flag = find_json_value(json, "/stream_options/include_usage")) {
    edits.push_back({flag->begin, flag->end, "true"});
    return true;
  }
  auto at = member_insertion_point(json, *options);
  if (!at) return false;
  edits.push_back({at->offset, at->offset,
                   std::string(at->needs_comma ? "," : "") + R"("include_usage":true)"});
  return true;
}

bool speaks_stream_options(Api api) {
  return api == Api::kOpenAiChat || api == Api::kOpenAiCompletions;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string redaction_text(const Redaction& redaction) {
  if (!redaction.replacement.empty()) return redaction.replacement;
  return "[REDACTED:" + redaction.category + "]";
}

bool rewrite_adds_stream_usage(const ParsedRequest& request, const RewriteOptions& options) {
  return options.target == dialect_of(request.api) && options.request_usage_in_stream &&
         request.stream && speaks_stream_options(request.api) && !request.client_wants_usage;
}

std::optional<std::vector<std::pair<std::uint32_t, std::string>>> apply_redactions(
    const std::vector<TextSegment>& segments, const std::vector<Redaction>& redactions) {
  std::vector<const Redaction*> sorted;
  sorted.reserve(redactions.size());
  for (const Redaction& r : redactions) {
    if (r.segment >= segments.size() || r.begin > r.end ||
        r.end > segments[r.segment].text.size()) {
      return std::nullopt;
    }
    sorted.push_back(&r);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const Redaction* a, const Redaction* b) {
    return a->segment != b->segment ? a->segment < b->segment : a->begin < b->begin;
  });
  std::vector<std::pair<std::uint32_t, std::string>> out;
  std::size_t i = 0;
  while (i < sorted.size()) {
    std::uint32_t segment = sorted[i]->segment;
    const std::string& text = segments[segment].text;
    std::string result;
    result.reserve(text.size() + 32);
    std::size_t copied = 0;  // text before this offset is already in result
    while (i < sorted.size() && sorted[i]->segment == segment) {
      std::size_t begin = sorted[i]->begin;
      std::size_t end = sorted[i]->end;
      const Redaction& first = *sorted[i];
      ++i;
      // Merge every following span that starts inside this one.
      while (i < sorted.size() && sorted[i]->segment == segment && sorted[i]->begin < end) {
        end = std::max(end, sorted[i]->end);
        ++i;
      }
      // Whole characters only, so the re-encoded string stays valid UTF-8.
      while (begin > 0 && begin < text.size() &&
             is_continuation(static_cast<unsigned char>(text[begin]))) {
        --begin;
      }
      while (end < text.size() && is_continuation(static_cast<unsigned char>(text[end]))) ++end;
      begin = std::max(begin, copied);
      if (end <= begin) continue;  // swallowed by the previous span's widening
      result.append(text, copied, begin - copied);
      result.append(redaction_text(first));
      copied = end;
    }
    result.append(text, copied, std::string::npos);
    out.emplace_back(segment, std::move(result));
  }
  return out;
}

const std::string* document_text(const RewriteOptions& options, std::string_view pointer) {
  for (const auto& [where, text] : options.documents_as_text) {
    if (where == pointer) return &text;
  }
  return nullptr;
}

Result<std::string> rewrite_request(const ParsedRequest& request, const RewriteOptions& options) {
  if (options.target != dialect_of(request.api)) return translate_request(request, options);

  std::string serialized;
  std::string_view json = request.raw_body;
  if (json.empty()) {
    serialized = boost::json::serialize(request.body);
    json = serialized;
  }

  std::vector<SpliceEdit> edits;
  if (options.model && *options.model != request.model) {
    auto range = find_json_value(json, "/model");
    if (!range) return internal_error("the request has no model field to rewrite");
    edits.push_back({range->begin, range->end, encode_json_string(*options.model)});
  }

  if (!options.redactions.empty()) {
    auto redacted = apply_redactions(request.segments, options.redactions);
    if (!redacted) return internal_error("a redaction does not fit its text segment");
    for (const auto& [segment, text] : *redacted) {
      auto range = find_json_value(json, request.segments[segment].path);
      if (!range || json[range->begin] != '"') {
        return internal_error("a redacted text segment was not found in the request body");
      }
      edits.push_back({range->begin, range->end, encode_json_string(text)});
    }
  }

  // Documents the upstream cannot take as files become text parts of the client's own API.
  const std::string_view text_type = request.api == Api::kOpenAiResponses ? "input_text" : "text";
  for (const auto& [pointer, text] : options.documents_as_text) {
    auto range = find_json_value(json, pointer);
    if (!range || json[range->begin] != '{') {
      return internal_error("a document attachment was not found in the request body");
    }
    edits.push_back({range->begin, range->end,
                     R"({"type":")" + std::string(text_type) + R"(","text":)" +
                         encode_json_string(text) + "}"});
  }

  if (rewrite_adds_stream_usage(request, options)) {
    if (!usage_edit(json, edits)) return internal_error("could not add stream_options");
  }

  if (edits.empty()) return std::string(json);
  auto out = apply_splice_edits(json, std::move(edits));
  if (!out) return internal_error("overlapping edits to the request body");
  return std::move(*out);
}

std::string upstream_path(Api client_api, Dialect target) {
  if (target == Dialect::kAnthropic) {
    return client_api == Api::kAnthropicCountTokens ? "/v1/messages/count_tokens" : "/v1/messages";
  }
  switch (client_api) {
    case Api::kOpenAiChat:
      return "/chat/completions";
    case Api::kOpenAiCompletions:
      return "/completions";
    case Api::kOpenAiEmbeddings:
      return "/embeddings";
    case Api::kOpenAiResponses:
      return "/responses";
    // Anthropic clients to an OpenAI-dialect upstream are translated to Chat Completions.
    case Api::kAnthropicMessages:
    case Api::kAnthropicCountTokens:
      return "/chat/completions";
  }
  return "/chat/completions";
}

}  // namespace switchyard::adapters
