// The per-request ResponseTranslator for cross-API replies. It picks one of three paths from the
// upstream's status and Content-Type: an error body (buffered, re-rendered in the client's format),
// a whole JSON reply (buffered up to a limit, translated at the end), or a stream (parsed event by
// event, translated as it arrives; only the current partial event is held).
#include <chrono>

#include "adapters/translate/translate_errors.h"
#include "adapters/translate/translate_response.h"
#include "adapters/translate/translation.h"

namespace switchyard::adapters {

namespace {

using translation::StreamTranslator;

bool client_wants_usage(const ParsedRequest& request) {
  if (request.client_wants_usage) return true;
  const auto* root = request.body.if_object();
  if (root == nullptr) return false;
  const auto* options = root->if_contains("stream_options");
  if (options == nullptr || !options->is_object()) return false;
  const auto* include = options->get_object().if_contains("include_usage");
  return include != nullptr && include->is_bool() && include->get_bool();
}

std::string requested_model(const ParsedRequest& request) {
  if (!request.model.empty()) return request.model;
  if (const auto* root = request.body.if_object()) {
    if (const auto* model = root->if_contains("model"); model && model->is_string()) {
      return std::string(model->get_string());
    }
  }
  return {};
}

class TranslatingResponseTranslator final : public ResponseTranslator {
 public:
  TranslatingResponseTranslator(const ParsedRequest& request, const UpstreamResponseInfo& upstream,
                                const TranslateResponseOptions& options)
      : client_(dialect_of(request.api)),
        upstream_status_(upstream.status),
        client_stream_(request.stream),
        max_body_bytes_(options.max_body_bytes),
        created_(options.created != 0 ? options.created
                                      : std::chrono::duration_cast<std::chrono::seconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count()),
        model_(requested_model(request)),
        parser_(options.max_event_bytes) {
    if (upstream.status < 200 || upstream.status >= 300) {
      mode_ = Mode::kError;
      status_ = translation::client_status_for(client_, upstream.status);
    } else if (upstream.event_stream && client_stream_) {
      mode_ = Mode::kStream;
      status_ = 200;
      stream_ = client_ == Dialect::kAnthropic
                    ? translation::make_openai_to_anthropic_stream(model_)
                    : translation::make_anthropic_to_openai_stream(
                          model_, client_wants_usage(request), created_);
    } else if (!upstream.event_stream && !client_stream_) {
      mode_ = Mode::kBody;
      status_ = 200;
    } else {
      // The upstream answered a stream request with a whole body or the reverse: report it
      // rather than guess.
      mode_ = Mode::kMismatch;
      status_ = client_stream_ ? 200 : 502;
    }
  }

  void feed(std::string_view bytes, std::string& out) override {
    switch (mode_) {
      case Mode::kStream:
        if (!parser_.feed(bytes, [&](const SseEvent& event) { stream_->on_event(event, out); })) {
          stream_->fail(
              ApiError{502, "", "", "an upstream stream event exceeds the size limit", ""}, out);
        }
        return;
      case Mode::kBody:
      case Mode::kError:
        if (body_.size() + bytes.size() > max_body_bytes_) {
          overflow_ = true;
        } else {
          body_.append(bytes);
        }
        return;
      case Mode::kMismatch:
        return;
    }
  }

  void finish(bool complete, std::string& out) override {
    switch (mode_) {
      case Mode::kStream:
        parser_.finish([&](const SseEvent& event) { stream_->on_event(event, out); });
        stream_->finish(complete, out);
        return;
      case Mode::kError:
        // An error body cut short still yields an error in the client's format.
        out.append(translation::render_error_body(
            client_, translation::upstream_error(client_, upstream_status_, body_)));
        return;
      case Mode::kBody:
        finish_body(complete, out);
        return;
      case Mode::kMismatch: {
        const ApiError error = bad_gateway(
            client_stream_ ? "the upstream answered a streaming request with a whole body"
                           : "the upstream answered a non-streaming request with a stream");
        out.append(client_stream_ ? translation::render_stream_error(client_, error)
                                  : translation::render_error_body(client_, error));
        return;
      }
    }
  }

  const Usage& usage() const override { return stream_ ? stream_->usage() : usage_; }
  std::optional<std::string> response_id() const override { return std::nullopt; }
  std::string content_type() const override {
    return client_stream_ && mode_ != Mode::kError ? "text/event-stream" : "application/json";
  }
  int status() const override { return status_; }

 private:
  enum class Mode { kStream, kBody, kError, kMismatch };

  ApiError bad_gateway(std::string message) const {
    return ApiError{502, client_ == Dialect::kAnthropic ? "api_error" : "server_error",
                    "upstream_invalid_response", std::move(message), ""};
  }

  void finish_body(bool complete, std::string& out) {
    if (!complete || overflow_) {
      status_ = 502;
      out.append(translation::render_error_body(
          client_, bad_gateway(overflow_ ? "the upstream response is too large to translate"
                                         : "the upstream response was cut off")));
      return;
    }
    auto translated = client_ == Dialect::kAnthropic
                          ? translation::openai_completion_to_anthropic(body_, model_)
                          : translation::anthropic_message_to_openai(body_, model_, created_);
    if (!translated) {
      ApiError error = translated.error();
      error.type = client_ == Dialect::kAnthropic ? "api_error" : "server_error";
      status_ = error.status;
      out.append(translation::render_error_body(client_, error));
      return;
    }
    usage_ = translated->usage;
    out.append(translated->body);
  }

  Dialect client_;
  int upstream_status_;
  bool client_stream_;
  std::size_t max_body_bytes_;
  std::int64_t created_;
  std::string model_;
  Mode mode_ = Mode::kBody;
  int status_ = 200;
  SseParser parser_;
  std::unique_ptr<StreamTranslator> stream_;
  std::string body_;
  bool overflow_ = false;
  Usage usage_;
};

}  // namespace

std::unique_ptr<ResponseTranslator> make_translating_response_translator(
    const ParsedRequest& request, const UpstreamResponseInfo& upstream,
    const TranslateResponseOptions& options) {
  return std::make_unique<TranslatingResponseTranslator>(request, upstream, options);
}

std::unique_ptr<ResponseTranslator> make_translating_response_translator(
    const ParsedRequest& request, const UpstreamResponseInfo& upstream) {
  return make_translating_response_translator(request, upstream, TranslateResponseOptions{});
}

}  // namespace switchyard::adapters
