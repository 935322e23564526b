// Golden cases for cross-API translation (tests/golden/translation/): request in / request out,
// whole response in / out, and SSE in / SSE out. Streams are replayed whole, split at seeded random
// byte boundaries, split at every single boundary and fed byte by byte: the output must be
// identical every time, and it must satisfy the structural rules the SDKs rely on.
//
// SWITCHYARD_UPDATE_GOLDEN=1 rewrites the expected files from the current output (review the diff).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "adapters/sse_parser.h"
#include "adapters/translate/translate_response.h"
#include "adapters/translate/translation.h"
#include "common/json_write.h"

namespace switchyard::adapters {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr std::int64_t kCreated = 1700000000;

fs::path golden_dir(std::string_view kind) {
  return fs::path(SWITCHYARD_SOURCE_DIR) / "tests" / "golden" / "translation" / kind;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

bool updating() {
  const char* flag = std::getenv("SWITCHYARD_UPDATE_GOLDEN");
  return flag != nullptr && std::string_view(flag) == "1";
}

// Case names: files <name>.case.json in a golden folder.
std::vector<std::string> case_names(std::string_view kind) {
  std::vector<std::string> names;
  const fs::path dir = golden_dir(kind);
  if (!fs::exists(dir)) return names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    constexpr std::string_view kSuffix = ".case.json";
    if (file.size() > kSuffix.size() && file.ends_with(kSuffix)) {
      names.push_back(file.substr(0, file.size() - kSuffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

Api api_named(std::string_view name) {
  for (Api api : {Api::kOpenAiChat, Api::kAnthropicMessages, Api::kAnthropicCountTokens}) {
    if (to_string(api) == name) return api;
  }
  ADD_FAILURE() << "unknown client_api " << name;
  return Api::kOpenAiChat;
}

Dialect other(Dialect dialect) {
  return dialect == Dialect::kOpenAi ? Dialect::kAnthropic : Dialect::kOpenAi;
}

ParsedRequest client_request(const json::object& spec) {
  ParsedRequest request;
  request.api = api_named(spec.at("client_api").as_string());
  request.body = spec.at("request");
  if (const auto* model = request.body.as_object().if_contains("model");
      model && model->is_string()) {
    request.model = model->get_string();
  }
  if (const auto* stream = request.body.as_object().if_contains("stream");
      stream && stream->is_bool()) {
    request.stream = stream->get_bool();
  }
  if (const auto* segments = spec.if_contains("segments")) {
    for (const auto& segment : segments->as_array()) {
      request.segments.push_back(TextSegment{std::string(segment.at("path").as_string()),
                                             std::string(segment.at("text").as_string())});
    }
  }
  return request;
}

std::string pretty(const json::value& value, int indent = 0) {
  // Stable, readable expected files (keys in output order).
  std::string pad(indent, ' ');
  std::string inner(indent + 2, ' ');
  if (value.is_object() && !value.get_object().empty()) {
    std::string out = "{\n";
    bool first = true;
    for (const auto& member : value.get_object()) {
      if (!first) out += ",\n";
      first = false;
      out += inner + json::serialize(json::string(member.key())) + ": " +
             pretty(member.value(), indent + 2);
    }
    return out + "\n" + pad + "}";
  }
  if (value.is_array() && !value.get_array().empty()) {
    std::string out = "[\n";
    bool first = true;
    for (const auto& element : value.get_array()) {
      if (!first) out += ",\n";
      first = false;
      out += inner + pretty(element, indent + 2);
    }
    return out + "\n" + pad + "]";
  }
  return json_write::to_json(value);
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

class RequestGolden : public testing::TestWithParam<std::string> {};

TEST_P(RequestGolden, MatchesExpected) {
  const fs::path dir = golden_dir("request");
  const json::object spec = json::parse(read_file(dir / (GetParam() + ".case.json"))).as_object();
  ParsedRequest request = client_request(spec);
  RewriteOptions options;
  options.target = other(dialect_of(request.api));
  if (const auto* model = spec.if_contains("model_override")) {
    options.model = std::string(model->as_string());
  }
  if (const auto* redactions = spec.if_contains("redactions")) {
    for (const auto& r : redactions->as_array()) {
      options.redactions.push_back(Redaction{static_cast<std::uint32_t>(r.at("segment").as_int64()),
                                             static_cast<std::size_t>(r.at("begin").as_int64()),
                                             static_cast<std::size_t>(r.at("end").as_int64()),
                                             std::string(r.at("category").as_string())});
    }
  }
  auto result = translate_request(request, options);
  json::value actual;
  if (result) {
    boost::system::error_code ec;
    actual = json::parse(*result, ec);
    ASSERT_FALSE(ec) << "translated body is not JSON: " << *result;
  } else {
    const ApiError& error = result.error();
    EXPECT_NE(error.message.find(error.param), std::string::npos)
        << "the message must name the field: " << error.message;
    actual = json::object{{"error", json::object{{"status", error.status},
                                                 {"type", error.type},
                                                 {"code", error.code},
                                                 {"param", error.param}}}};
  }
  const fs::path expected_path = dir / (GetParam() + ".expected.json");
  if (updating()) write_file(expected_path, pretty(actual) + "\n");
  const json::value expected = json::parse(read_file(expected_path));
  EXPECT_EQ(actual, expected) << "actual: " << pretty(actual);
}

INSTANTIATE_TEST_SUITE_P(Translation, RequestGolden, testing::ValuesIn(case_names("request")));

// ---------------------------------------------------------------------------------------------
// Whole responses
// ---------------------------------------------------------------------------------------------

struct Replay {
  std::string out;
  int status = 0;
  std::string content_type;
  Usage usage;
};

std::unique_ptr<ResponseTranslator> translator_for(const json::object& spec, bool event_stream) {
  ParsedRequest request = client_request(spec);
  UpstreamResponseInfo upstream;
  upstream.dialect = other(dialect_of(request.api));
  upstream.event_stream = event_stream;
  if (const auto* status = spec.if_contains("upstream_status")) {
    upstream.status = static_cast<int>(status->as_int64());
  }
  TranslateResponseOptions options;
  options.created = kCreated;
  return make_translating_response_translator(request, upstream, options);
}

// Feeds `input` in pieces ending at `cuts` (sorted offsets) and returns what the client gets.
Replay replay(const json::object& spec, bool event_stream, std::string_view input,
              const std::vector<std::size_t>& cuts, bool complete) {
  auto translator = translator_for(spec, event_stream);
  Replay result;
  std::size_t position = 0;
  for (std::size_t cut : cuts) {
    translator->feed(input.substr(position, cut - position), result.out);
    position = cut;
  }
  translator->feed(input.substr(position), result.out);
  translator->finish(complete, result.out);
  result.status = translator->status();
  result.content_type = translator->content_type();
  result.usage = translator->usage();
  return result;
}

class ResponseGolden : public testing::TestWithParam<std::string> {};

TEST_P(ResponseGolden, MatchesExpected) {
  const fs::path dir = golden_dir("response");
  const json::object spec = json::parse(read_file(dir / (GetParam() + ".case.json"))).as_object();
  const json::value& upstream_body = spec.at("upstream_body");
  const std::string input = upstream_body.is_string() ? std::string(upstream_body.get_string())
                                                      : json::serialize(upstream_body);
  const Replay whole = replay(spec, false, input, {}, true);
  // Split anywhere, the result is the same.
  for (std::size_t cut = 0; cut <= input.size(); cut += 7) {
    const Replay split = replay(spec, false, input, {cut}, true);
    ASSERT_EQ(split.out, whole.out) << "split at " << cut;
  }
  boost::system::error_code ec;
  json::value body = json::parse(whole.out, ec);
  ASSERT_FALSE(ec) << "client body is not JSON: " << whole.out;
  EXPECT_EQ(whole.content_type, "application/json");
  json::value actual = json::object{{"status", whole.status},
                                    {"usage", json::object{{"input", whole.usage.input_tokens},
                                                           {"output", whole.usage.output_tokens}}},
                                    {"body", body}};
  const fs::path expected_path = dir / (GetParam() + ".expected.json");
  if (updating()) write_file(expected_path, pretty(actual) + "\n");
  EXPECT_EQ(actual, json::parse(read_file(expected_path))) << "actual: " << pretty(actual);
}

INSTANTIATE_TEST_SUITE_P(Translation, ResponseGolden, testing::ValuesIn(case_names("response")));

// ---------------------------------------------------------------------------------------------
// Streams
// ---------------------------------------------------------------------------------------------

std::vector<SseEvent> parse_events(std::string_view bytes) {
  std::vector<SseEvent> events;
  SseParser parser;
  auto collect = [&](const SseEvent& event) { events.push_back(event); };
  EXPECT_TRUE(parser.feed(bytes, collect));
  parser.finish(collect);
  return events;
}

// What Anthropic SDKs rely on: message_start first; blocks opened with rising indices from 0, one
// at a time, each deltas only while open and stopped before message_delta; message_delta then
// message_stop last; or an error event last. Event names equal data.type.
void check_anthropic_stream(std::string_view bytes) {
  const auto events = parse_events(bytes);
  ASSERT_FALSE(events.empty());
  int next_index = 0;
  int open = -1;
  bool started = false;
  bool delta_seen = false;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const SseEvent& event = events[i];
    SCOPED_TRACE("event " + std::to_string(i) + ": " + event.event);
    const json::object data = json::parse(event.data).as_object();
    ASSERT_EQ(event.event, data.at("type").as_string());
    const bool last = i + 1 == events.size();
    if (event.event == "error") {
      EXPECT_TRUE(last) << "an error ends the stream";
      EXPECT_TRUE(data.at("error").as_object().at("type").is_string());
      EXPECT_TRUE(data.at("error").as_object().at("message").is_string());
      return;
    }
    if (i == 0) {
      ASSERT_EQ(event.event, "message_start");
    }
    if (event.event == "message_start") {
      ASSERT_FALSE(started);
      started = true;
      const auto& message = data.at("message").as_object();
      EXPECT_EQ(message.at("role"), "assistant");
      EXPECT_TRUE(message.at("content").as_array().empty());
      EXPECT_TRUE(message.at("usage").as_object().contains("input_tokens"));
    } else if (event.event == "content_block_start") {
      ASSERT_EQ(open, -1) << "a block is still open";
      ASSERT_EQ(data.at("index").as_int64(), next_index);
      open = next_index++;
      const auto& block = data.at("content_block").as_object();
      if (block.at("type") == "tool_use") {
        EXPECT_FALSE(block.at("id").as_string().empty());
        EXPECT_TRUE(block.at("input").as_object().empty());
      }
    } else if (event.event == "content_block_delta") {
      ASSERT_EQ(data.at("index").as_int64(), open);
    } else if (event.event == "content_block_stop") {
      ASSERT_EQ(data.at("index").as_int64(), open);
      open = -1;
    } else if (event.event == "message_delta") {
      ASSERT_EQ(open, -1) << "message_delta with an open block";
      EXPECT_TRUE(data.at("delta").as_object().at("stop_reason").is_string());
      EXPECT_TRUE(data.at("usage").as_object().at("output_tokens").is_int64());
      delta_seen = true;
    } else if (event.event == "message_stop") {
      EXPECT_TRUE(delta_seen);
      EXPECT_TRUE(last) << "message_stop is last";
      return;
    } else if (event.event != "ping") {
      ADD_FAILURE() << "unexpected event";
    }
  }
  ADD_FAILURE() << "the stream ends neither with message_stop nor with an error";
}

// What OpenAI SDKs rely on: chat.completion.chunk objects, role in the first delta, a tool call's
// first delta carries id, type and name; exactly one finish_reason; the usage chunk (choices: [])
// after it and only when asked; [DONE] last; or an error chunk last (no [DONE]).
void check_openai_stream(std::string_view bytes, bool wants_usage) {
  const auto events = parse_events(bytes);
  ASSERT_FALSE(events.empty());
  bool finish_seen = false;
  bool usage_seen = false;
  std::set<std::int64_t> tools_seen;
  std::string id;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const SseEvent& event = events[i];
    SCOPED_TRACE("event " + std::to_string(i) + ": " + event.data);
    EXPECT_TRUE(event.event.empty()) << "OpenAI streams have no event: lines";
    const bool last = i + 1 == events.size();
    if (event.data == "[DONE]") {
      EXPECT_TRUE(last);
      EXPECT_TRUE(finish_seen);
      EXPECT_EQ(usage_seen, wants_usage);
      return;
    }
    const json::object chunk = json::parse(event.data).as_object();
    if (chunk.contains("error")) {
      EXPECT_TRUE(last) << "an error ends the stream";
      EXPECT_TRUE(chunk.at("error").as_object().at("message").is_string());
      return;
    }
    EXPECT_EQ(chunk.at("object"), "chat.completion.chunk");
    if (id.empty()) id = chunk.at("id").as_string();
    EXPECT_EQ(chunk.at("id").as_string(), id);
    const auto& choices = chunk.at("choices").as_array();
    if (choices.empty()) {
      EXPECT_TRUE(wants_usage);
      EXPECT_TRUE(finish_seen);
      EXPECT_FALSE(usage_seen);
      EXPECT_TRUE(chunk.at("usage").as_object().at("total_tokens").is_int64());
      usage_seen = true;
      continue;
    }
    ASSERT_EQ(choices.size(), 1u);
    EXPECT_FALSE(finish_seen) << "nothing after the finish_reason but usage and [DONE]";
    const auto& choice = choices[0].as_object();
    const auto& delta = choice.at("delta").as_object();
    if (i == 0) {
      EXPECT_EQ(delta.at("role"), "assistant");
    }
    if (const auto* calls = delta.if_contains("tool_calls")) {
      for (const auto& call : calls->as_array()) {
        const std::int64_t index = call.at("index").as_int64();
        if (tools_seen.insert(index).second) {
          EXPECT_EQ(index, static_cast<std::int64_t>(tools_seen.size()) - 1);
          EXPECT_TRUE(call.at("id").is_string());
          EXPECT_EQ(call.at("type"), "function");
          EXPECT_TRUE(call.at("function").at("name").is_string());
        }
      }
    }
    if (!choice.at("finish_reason").is_null()) finish_seen = true;
  }
  ADD_FAILURE() << "the stream ends neither with [DONE] nor with an error";
}

class StreamGolden : public testing::TestWithParam<std::string> {};

TEST_P(StreamGolden, MatchesExpectedAtAnySplit) {
  const fs::path dir = golden_dir("stream");
  const json::object spec = json::parse(read_file(dir / (GetParam() + ".case.json"))).as_object();
  const std::string input = read_file(dir / (GetParam() + ".upstream.sse"));
  ASSERT_FALSE(input.empty());
  bool complete = true;
  if (const auto* flag = spec.if_contains("complete")) complete = flag->as_bool();
  bool event_stream = true;
  if (const auto* flag = spec.if_contains("upstream_event_stream")) event_stream = flag->as_bool();

  const Replay whole = replay(spec, event_stream, input, {}, complete);
  const fs::path expected_path = dir / (GetParam() + ".expected.sse");
  if (updating()) write_file(expected_path, whole.out);
  EXPECT_EQ(whole.out, read_file(expected_path));

  const ParsedRequest request = client_request(spec);
  if (event_stream && whole.status == 200) {
    EXPECT_EQ(whole.content_type, "text/event-stream");
    if (dialect_of(request.api) == Dialect::kAnthropic) {
      check_anthropic_stream(whole.out);
    } else {
      const auto* options = request.body.as_object().if_contains("stream_options");
      check_openai_stream(whole.out, options != nullptr && options->at("include_usage").as_bool());
    }
  }
  if (const auto* usage = spec.if_contains("expect_usage")) {
    EXPECT_EQ(whole.usage.input_tokens, usage->at("input").as_int64());
    EXPECT_EQ(whole.usage.output_tokens, usage->at("output").as_int64());
  }

  // Every single boundary (small inputs), byte by byte, and seeded random multi-way splits.
  if (input.size() <= 8192) {
    for (std::size_t cut = 1; cut < input.size(); ++cut) {
      ASSERT_EQ(replay(spec, event_stream, input, {cut}, complete).out, whole.out)
          << "split at " << cut;
    }
  }
  std::vector<std::size_t> every;
  for (std::size_t cut = 1; cut < input.size(); ++cut) every.push_back(cut);
  ASSERT_EQ(replay(spec, event_stream, input, every, complete).out, whole.out) << "byte by byte";
  std::mt19937 random(20260507);
  for (int round = 0; round < 200; ++round) {
    std::uniform_int_distribution<std::size_t> pieces(1, 12);
    std::uniform_int_distribution<std::size_t> offset(0, input.size());
    std::vector<std::size_t> cuts;
    for (std::size_t n = pieces(random); n > 0; --n) cuts.push_back(offset(random));
    std::sort(cuts.begin(), cuts.end());
    ASSERT_EQ(replay(spec, event_stream, input, cuts, complete).out, whole.out)
        << "random round " << round;
  }
}

INSTANTIATE_TEST_SUITE_P(Translation, StreamGolden, testing::ValuesIn(case_names("stream")));

TEST(TranslationGoldens, EveryFolderHasCases) {
  EXPECT_GE(case_names("request").size(), 10u);
  EXPECT_GE(case_names("response").size(), 6u);
  EXPECT_GE(case_names("stream").size(), 6u);
}

}  // namespace
}  // namespace switchyard::adapters
