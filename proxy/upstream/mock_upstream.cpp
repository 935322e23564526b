// Builds the mock's replies with Boost.JSON (so escaping is always right); no network I/O. The API
// is recognized from the upstream path the rewrite chose (/chat/completions, /v1/messages, ...).
#include "proxy/upstream/mock_upstream.h"

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <random>
#include <vector>

#include "adapters/error_format.h"

namespace switchyard::proxy {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

enum class MockApi {
  kChat,
  kCompletions,
  kEmbeddings,
  kResponses,
  kMessages,
  kCountTokens,
  kUnknown
};

MockApi api_from_target(std::string_view target) {
  if (const auto q = target.find('?'); q != std::string_view::npos) target = target.substr(0, q);
  if (target.ends_with("/messages/count_tokens")) return MockApi::kCountTokens;
  if (target.ends_with("/messages")) return MockApi::kMessages;
  if (target.ends_with("/chat/completions")) return MockApi::kChat;
  if (target.ends_with("/completions")) return MockApi::kCompletions;
  if (target.ends_with("/embeddings")) return MockApi::kEmbeddings;
  if (target.ends_with("/responses")) return MockApi::kResponses;
  return MockApi::kUnknown;
}

std::string next_id(std::string_view prefix) {
  static const std::uint64_t salt = std::random_device{}();
  static std::atomic<std::uint64_t> counter{0};
  char buf[64];
  const int n = std::snprintf(buf, sizeof buf, "%.*s%08llx%06llx", static_cast<int>(prefix.size()),
                              prefix.data(), static_cast<unsigned long long>(salt & 0xffffffffu),
                              static_cast<unsigned long long>(counter.fetch_add(1) & 0xffffff));
  return std::string(buf, static_cast<std::size_t>(n));
}

// Text of a string, or of an array of parts/blocks with "text" fields.
std::string text_of(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  std::string out;
  if (v.is_array()) {
    for (const auto& part : v.get_array()) {
      if (!part.is_object()) continue;
      if (const auto* t = part.get_object().if_contains("text"); t && t->is_string()) {
        if (!out.empty()) out += ' ';
        out += t->get_string();
      }
    }
  }
  return out;
}

// The last user turn, to echo back: demos show what the upstream actually received (redacted).
std::string last_user_text(const json::object& body, MockApi api) {
  const json::value* items = nullptr;
  if (api == MockApi::kChat || api == MockApi::kMessages || api == MockApi::kCountTokens) {
    items = body.if_contains("messages");
  } else if (api == MockApi::kCompletions) {
    if (const auto* p = body.if_contains("prompt")) {
      if (p->is_array() && !p->get_array().empty()) return text_of(p->get_array().back());
      return text_of(*p);
    }
  } else if (api == MockApi::kResponses) {
    if (const auto* in = body.if_contains("input")) {
      if (in->is_string()) return std::string(in->get_string());
      items = in;
    }
  }
  if (items == nullptr || !items->is_array()) return {};
  for (auto it = items->get_array().rbegin(); it != items->get_array().rend(); ++it) {
    if (!it->is_object()) continue;
    const auto& item = it->get_object();
    const auto* role = item.if_contains("role");
    if (role && role->is_string() && role->get_string() != "user") continue;
    if (const auto* content = item.if_contains("content")) return text_of(*content);
  }
  return {};
}

std::string truncate_utf8(std::string text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  text += "...";
  return text;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start + 1);
    end = end == std::string::npos ? text.size() : end;
    // Several words per piece keeps streams short while still being several events.
    for (int i = 0; i < 3 && end < text.size(); ++i) {
      const auto next = text.find(' ', end + 1);
      end = next == std::string::npos ? text.size() : next;
    }
    pieces.push_back(text.substr(start, end - start));
    start = end;
  }
  if (pieces.empty()) pieces.emplace_back();
  return pieces;
}

std::string data_event(const json::value& v) { return "data: " + json::serialize(v) + "\n\n"; }
std::string named_event(std::string_view name, const json::value& v) {
  return "event: " + std::string(name) + "\ndata: " + json::serialize(v) + "\n\n";
}

class MockResponse final : public UpstreamResponse {
 public:
  MockResponse(unsigned status, std::string_view content_type, std::vector<std::string> pieces)
      : status_(status), pieces_(std::move(pieces)) {
    headers_.set(http::field::content_type, content_type);
  }
  unsigned status() const override { return status_; }
  const http::fields& headers() const override { return headers_; }
  asio::awaitable<adapters::Result<std::string, UpstreamError>> read_some() override {
    if (next_ >= pieces_.size()) co_return std::string();
    co_return std::move(pieces_[next_++]);
  }
  bool done() const override { return next_ >= pieces_.size(); }

 private:
  unsigned status_;
  http::fields headers_;
  std::vector<std::string> pieces_;
  std::size_t next_ = 0;
};

class MockClient final : public UpstreamClient {
 public:
  explicit MockClient(const UpstreamConfig& config) : trust_(config.trust) {
    endpoint_.name = config.name;
    endpoint_.host = "mock";
    endpoint_.port = "0";
  }

  asio::awaitable<adapters::Result<std::unique_ptr<UpstreamResponse>, UpstreamError>> send(
      http::request<http::string_body> request) override {
    co_return respond(request);
  }
  const UpstreamEndpoint& endpoint() const override { return endpoint_; }

 private:
  std::unique_ptr<UpstreamResponse> json_reply(unsigned status, const json::value& body) const {
    return std::make_unique<MockResponse>(status, "application/json",
                                          std::vector<std::string>{json::serialize(body)});
  }

  std::unique_ptr<UpstreamResponse> error(MockApi api, unsigned status, std::string message) const {
    const auto dialect = api == MockApi::kMessages || api == MockApi::kCountTokens
                             ? adapters::Dialect::kAnthropic
                             : adapters::Dialect::kOpenAi;
    adapters::ApiError error;
    error.status = static_cast<int>(status);
    error.message = std::move(message);
    std::string body;
    adapters::append_error_body(body, dialect, "invalid_request_error", error);
    return std::make_unique<MockResponse>(status, "application/json",
                                          std::vector<std::string>{std::move(body)});
  }

  static json::object openai_usage(std::int64_t in, std::int64_t out) {
    return {{"prompt_tokens", in}, {"completion_tokens", out}, {"total_tokens", in + out}};
  }

  // Ends an OpenAI stream: the usage chunk (choices: []) when the client asked for it, then
  // [DONE].
  static std::unique_ptr<UpstreamResponse> openai_stream(
      std::vector<std::string> events, bool include_usage, const json::object& usage,
      const std::string& id, std::string_view object, std::int64_t created,
      const std::string& model) {
    if (include_usage) {
      events.push_back(data_event(json::object{{"id", id},
                                               {"object", object},
                                               {"created", created},
                                               {"model", model},
                                               {"choices", json::array{}},
                                               {"usage", usage}}));
    }
    events.emplace_back("data: [DONE]\n\n");
    return std::make_unique<MockResponse>(200, "text/event-stream", std::move(events));
  }

  std::unique_ptr<UpstreamResponse> respond(const http::request<http::string_body>& request) const {
    const MockApi api = api_from_target(request.target());
    if (api == MockApi::kUnknown) return error(api, 404, "the mock does not serve this path");
    boost::system::error_code ec;
    json::value parsed = json::parse(request.body(), ec);
    if (ec || !parsed.is_object()) return error(api, 400, "the mock expects a JSON object body");
    const json::object& body = parsed.get_object();
    std::string model = "mock";
    if (const auto* m = body.if_contains("model"); m && m->is_string()) model = m->get_string();
    bool stream = false;
    if (const auto* s = body.if_contains("stream"); s && s->is_bool()) stream = s->get_bool();
    bool include_usage = false;
    if (const auto* so = body.if_contains("stream_options"); so && so->is_object()) {
      if (const auto* iu = so->get_object().if_contains("include_usage"); iu && iu->is_bool()) {
        include_usage = iu->get_bool();
      }
    }
    const std::int64_t input_tokens = static_cast<std::int64_t>(request.body().size() / 4 + 1);
    std::string text = "[switchyard mock: " + std::string(to_string(trust_)) +
                       " route] Canned reply from upstream '" + endpoint_.name + "' for model '" +
                       model + "'; no model was called.";
    const std::string echo = truncate_utf8(last_user_text(body, api), 200);
    if (!echo.empty()) text += " It received: \"" + echo + "\"";
    const std::int64_t output_tokens = static_cast<std::int64_t>(text.size() / 4 + 1);
    const std::int64_t created = std::chrono::duration_cast<std::chrono::seconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();

    switch (api) {
      case MockApi::kChat:
        return chat(model, text, stream, include_usage, input_tokens, output_tokens, created);
      case MockApi::kCompletions:
        return completions(model, text, stream, include_usage, input_tokens, output_tokens,
                           created);
      case MockApi::kEmbeddings:
        return embeddings(body, model, input_tokens);
      case MockApi::kResponses:
        return responses(model, text, stream, input_tokens, output_tokens, created);
      case MockApi::kMessages:
        return messages(model, text, stream, input_tokens, output_tokens);
      case MockApi::kCountTokens:
        return json_reply(200, {{"input_tokens", input_tokens}});
      case MockApi::kUnknown:
        break;
    }
    return error(api, 404, "the mock does not serve this path");
  }

  std::unique_ptr<UpstreamResponse> chat(const std::string& model, const std::string& text,
                                         bool stream, bool include_usage, std::int64_t in,
                                         std::int64_t out, std::int64_t created) const {
    const std::string id = next_id("chatcmpl-mock-");
    const json::object usage = openai_usage(in, out);
    if (!stream) {
      return json_reply(
          200, {{"id", id},
                {"object", "chat.completion"},
                {"created", created},
                {"model", model},
                {"choices",
                 json::array{json::object{
                     {"index", 0},
                     {"message", {{"role", "assistant"}, {"content", text}, {"refusal", nullptr}}},
                     {"logprobs", nullptr},
                     {"finish_reason", "stop"}}}},
                {"usage", usage}});
    }
    std::vector<std::string> events;
    auto chunk = [&](json::object delta, json::value finish) {
      return data_event(json::object{
          {"id", id},
          {"object", "chat.completion.chunk"},
          {"created", created},
          {"model", model},
          {"choices",
           json::array{json::object{
               {"index", 0}, {"delta", std::move(delta)}, {"finish_reason", std::move(finish)}}}}});
    };
    events.push_back(chunk({{"role", "assistant"}, {"content", ""}}, nullptr));
    for (const auto& piece : split_words(text))
      events.push_back(chunk({{"content", piece}}, nullptr));
    events.push_back(chunk({}, "stop"));
    return openai_stream(std::move(events), include_usage, usage, id, "chat.completion.chunk",
                         created, model);
  }

  std::unique_ptr<UpstreamResponse> completions(const std::string& model, const std::string& text,
                                                bool stream, bool include_usage, std::int64_t in,
                                                std::int64_t out, std::int64_t created) const {
    const std::string id = next_id("cmpl-mock-");
    const json::object usage = openai_usage(in, out);
    auto object = [&](const std::string& piece, json::value finish) {
      return json::object{
          {"id", id},
          {"object", "text_completion"},
          {"created", created},
          {"model", model},
          {"choices", json::array{json::object{{"text", piece},
                                               {"index", 0},
                                               {"logprobs", nullptr},
                                               {"finish_reason", std::move(finish)}}}}};
    };
    if (!stream) {
      auto body = object(text, "stop");
      body["usage"] = usage;
      return json_reply(200, body);
    }
    std::vector<std::string> events;
    for (const auto& piece : split_words(text))
      events.push_back(data_event(object(piece, nullptr)));
    events.push_back(data_event(object("", "stop")));
    return openai_stream(std::move(events), include_usage, usage, id, "text_completion", created,
                         model);
  }

  std::unique_ptr<UpstreamResponse> embeddings(const json::object& body, const std::string& model,
                                               std::int64_t in) const {
    std::vector<std::string> inputs;
    if (const auto* input = body.if_contains("input")) {
      if (input->is_string()) {
        inputs.emplace_back(input->get_string());
      } else if (input->is_array()) {
        for (const auto& v : input->get_array()) {
          inputs.push_back(v.is_string() ? std::string(v.get_string()) : json::serialize(v));
        }
      }
    }
    json::array data;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      // A deterministic 8-dimensional vector derived from the text.
      std::uint64_t h = std::hash<std::string>{}(inputs[i]);
      json::array vector;
      for (int d = 0; d < 8; ++d) {
        h = h * 6364136223846793005ull + 1442695040888963407ull;
        vector.push_back(static_cast<double>(static_cast<std::int64_t>(h >> 40) % 2000) / 1000.0 -
                         1.0);
      }
      data.push_back(
          json::object{{"object", "embedding"}, {"index", i}, {"embedding", std::move(vector)}});
    }
    return json_reply(200, {{"object", "list"},
                            {"data", std::move(data)},
                            {"model", model},
                            {"usage", {{"prompt_tokens", in}, {"total_tokens", in}}}});
  }

  std::unique_ptr<UpstreamResponse> responses(const std::string& model, const std::string& text,
                                              bool stream, std::int64_t in, std::int64_t out,
                                              std::int64_t created) const {
    const std::string id = next_id("resp_mock_");
    const std::string item_id = next_id("msg_mock_");
    const json::object part{
        {"type", "output_text"}, {"text", text}, {"annotations", json::array{}}};
    const json::object item{{"id", item_id},
                            {"type", "message"},
                            {"status", "completed"},
                            {"role", "assistant"},
                            {"content", json::array{part}}};
    auto response = [&](std::string_view status, bool done) {
      json::object r{{"id", id},
                     {"object", "response"},
                     {"created_at", created},
                     {"status", status},
                     {"model", model},
                     {"output", done ? json::array{item} : json::array{}}};
      if (done) {
        r["usage"] = {{"input_tokens", in}, {"output_tokens", out}, {"total_tokens", in + out}};
      } else {
        r["usage"] = nullptr;
      }
      return r;
    };
    if (!stream) return json_reply(200, response("completed", true));
    std::vector<std::string> events;
    std::int64_t seq = 0;
    auto event = [&](std::string_view type, json::object fields) {
      fields["type"] = type;
      fields["sequence_number"] = seq++;
      events.push_back(named_event(type, fields));
    };
    event("response.created", {{"response", response("in_progress", false)}});
    event("response.in_progress", {{"response", response("in_progress", false)}});
    json::object open_item = item;
    open_item["status"] = "in_progress";
    open_item["content"] = json::array{};
    event("response.output_item.added", {{"output_index", 0}, {"item", open_item}});
    event("response.content_part.added",
          {{"item_id", item_id},
           {"output_index", 0},
           {"content_index", 0},
           {"part", {{"type", "output_text"}, {"text", ""}, {"annotations", json::array{}}}}});
    for (const auto& piece : split_words(text)) {
      event("response.output_text.delta",
            {{"item_id", item_id}, {"output_index", 0}, {"content_index", 0}, {"delta", piece}});
    }
    event("response.output_text.done",
          {{"item_id", item_id}, {"output_index", 0}, {"content_index", 0}, {"text", text}});
    event("response.content_part.done",
          {{"item_id", item_id}, {"output_index", 0}, {"content_index", 0}, {"part", part}});
    event("response.output_item.done", {{"output_index", 0}, {"item", item}});
    event("response.completed", {{"response", response("completed", true)}});
    return std::make_unique<MockResponse>(200, "text/event-stream", std::move(events));
  }

  std::unique_ptr<UpstreamResponse> messages(const std::string& model, const std::string& text,
                                             bool stream, std::int64_t in, std::int64_t out) const {
    const std::string id = next_id("msg_mock_");
    if (!stream) {
      return json_reply(200,
                        {{"id", id},
                         {"type", "message"},
                         {"role", "assistant"},
                         {"model", model},
                         {"content", json::array{json::object{{"type", "text"}, {"text", text}}}},
                         {"stop_reason", "end_turn"},
                         {"stop_sequence", nullptr},
                         {"usage", {{"input_tokens", in}, {"output_tokens", out}}}});
    }
    std::vector<std::string> events;
    events.push_back(named_event("message_start",
                                 {{"type", "message_start"},
                                  {"message",
                                   {{"id", id},
                                    {"type", "message"},
                                    {"role", "assistant"},
                                    {"model", model},
                                    {"content", json::array{}},
                                    {"stop_reason", nullptr},
                                    {"stop_sequence", nullptr},
                                    {"usage", {{"input_tokens", in}, {"output_tokens", 1}}}}}}));
    events.push_back(
        named_event("content_block_start", {{"type", "content_block_start"},
                                            {"index", 0},
                                            {"content_block", {{"type", "text"}, {"text", ""}}}}));
    events.push_back(named_event("ping", {{"type", "ping"}}));
    for (const auto& piece : split_words(text)) {
      events.push_back(named_event("content_block_delta",
                                   {{"type", "content_block_delta"},
                                    {"index", 0},
                                    {"delta", {{"type", "text_delta"}, {"text", piece}}}}));
    }
    events.push_back(
        named_event("content_block_stop", {{"type", "content_block_stop"}, {"index", 0}}));
    events.push_back(named_event(
        "message_delta", {{"type", "message_delta"},
                          {"delta", {{"stop_reason", "end_turn"}, {"stop_sequence", nullptr}}},
                          {"usage", {{"output_tokens", out}}}}));
    events.push_back(named_event("message_stop", {{"type", "message_stop"}}));
    return std::make_unique<MockResponse>(200, "text/event-stream", std::move(events));
  }

  Trust trust_;
  UpstreamEndpoint endpoint_;
};

}  // namespace

std::unique_ptr<UpstreamClient> make_mock_upstream_client(const UpstreamConfig& config) {
  return std::make_unique<MockClient>(config);
}

}  // namespace switchyard::proxy
