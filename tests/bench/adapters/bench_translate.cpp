// CPU cost of cross-API translation: per upstream stream event, both directions (the budget is 20
// microseconds per event), and per request body. Streams are realistic replies (a text answer, then
// two tool calls with argument fragments) fed in 256-byte reads, as they arrive from a socket.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <string>

#include "adapters/translate/translate_response.h"
#include "adapters/translate/translation.h"

namespace {

using namespace switchyard::adapters;

struct Stream {
  std::string bytes;
  int events = 0;
};

Stream openai_stream(int text_deltas) {
  Stream stream;
  auto chunk = [&](std::string_view delta, std::string_view finish) {
    stream.bytes +=
        R"(data: {"id":"chatcmpl-9xYz","object":"chat.completion.chunk","created":1700000001,)"
        R"("model":"llama3.1:8b","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":)";
    stream.bytes += delta;
    stream.bytes += R"(,"logprobs":null,"finish_reason":)";
    stream.bytes += finish;
    stream.bytes += "}]}\n\n";
    ++stream.events;
  };
  chunk(R"({"role":"assistant","content":""})", "null");
  for (int i = 0; i < text_deltas; ++i) chunk(R"({"content":" the quick brown"})", "null");
  for (int tool = 0; tool < 2; ++tool) {
    chunk(
        R"({"tool_calls":[{"index":)" + std::to_string(tool) +
            R"(,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]})",
        "null");
    for (int i = 0; i < 8; ++i) {
      chunk(R"({"tool_calls":[{"index":)" + std::to_string(tool) +
                R"(,"function":{"arguments":"{\"city\": \"Par"}}]})",
            "null");
    }
  }
  chunk("{}", R"("tool_calls")");
  stream.bytes +=
      R"(data: {"id":"chatcmpl-9xYz","object":"chat.completion.chunk","created":1700000001,)"
      R"("model":"llama3.1:8b","choices":[],"usage":{"prompt_tokens":812,"completion_tokens":240,"total_tokens":1052}})"
      "\n\ndata: [DONE]\n\n";
  stream.events += 2;
  return stream;
}

Stream anthropic_stream(int text_deltas) {
  Stream stream;
  auto event = [&](std::string_view name, std::string_view data) {
    stream.bytes += "event: ";
    stream.bytes += name;
    stream.bytes += "\ndata: ";
    stream.bytes += data;
    stream.bytes += "\n\n";
    ++stream.events;
  };
  event(
      "message_start",
      R"({"type":"message_start","message":{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":812,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}})");
  event("content_block_start",
        R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})");
  event("ping", R"({"type": "ping"})");
  for (int i = 0; i < text_deltas; ++i) {
    event(
        "content_block_delta",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" the quick brown"}})");
  }
  event("content_block_stop", R"({"type":"content_block_stop","index":0})");
  for (int tool = 1; tool <= 2; ++tool) {
    const std::string index = std::to_string(tool);
    event(
        "content_block_start",
        R"({"type":"content_block_start","index":)" + index +
            R"(,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}})");
    for (int i = 0; i < 8; ++i) {
      event("content_block_delta",
            R"({"type":"content_block_delta","index":)" + index +
                R"(,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Par"}})");
    }
    event("content_block_stop", R"({"type":"content_block_stop","index":)" + index + "}");
  }
  event(
      "message_delta",
      R"({"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":240}})");
  event("message_stop", R"({"type":"message_stop"})");
  return stream;
}

void run_stream(benchmark::State& state, Api client_api, const Stream& stream) {
  ParsedRequest request;
  request.api = client_api;
  request.model = "client-model";
  request.stream = true;
  request.client_wants_usage = true;
  UpstreamResponseInfo upstream;
  upstream.event_stream = true;
  upstream.dialect =
      dialect_of(client_api) == Dialect::kAnthropic ? Dialect::kOpenAi : Dialect::kAnthropic;
  TranslateResponseOptions options;
  options.created = 1700000000;
  constexpr std::size_t kRead = 256;
  std::string out;
  for (auto _ : state) {
    auto translator = make_translating_response_translator(request, upstream, options);
    out.clear();
    for (std::size_t position = 0; position < stream.bytes.size(); position += kRead) {
      translator->feed(std::string_view(stream.bytes).substr(position, kRead), out);
    }
    translator->finish(true, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["events"] = stream.events;
  // Seconds of CPU per upstream event, translator creation included.
  state.counters["per_event"] = benchmark::Counter(
      stream.events, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream.bytes.size()));
}

void BM_StreamOpenAiToAnthropic(benchmark::State& state) {
  static const Stream stream = openai_stream(200);
  run_stream(state, Api::kAnthropicMessages, stream);
}
BENCHMARK(BM_StreamOpenAiToAnthropic);

void BM_StreamAnthropicToOpenAi(benchmark::State& state) {
  static const Stream stream = anthropic_stream(200);
  run_stream(state, Api::kOpenAiChat, stream);
}
BENCHMARK(BM_StreamAnthropicToOpenAi);

constexpr std::string_view kAnthropicRequest = R"({
  "model":"claude-sonnet-4-5","max_tokens":2048,"stream":true,
  "system":[{"type":"text","text":"You are a helpful assistant for the logistics team."}],
  "tools":[{"name":"get_weather","description":"Current weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
  "messages":[
    {"role":"user","content":"What is the weather in Paris and should we delay shipment 4411?"},
    {"role":"assistant","content":[{"type":"text","text":"Let me check."},{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{"city":"Paris"}}]},
    {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01","content":"Storm warning, 80 km/h winds"},{"type":"text","text":"Well?"}]}]})";

constexpr std::string_view kOpenAiRequest = R"({
  "model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},
  "tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
  "messages":[
    {"role":"system","content":"You are a helpful assistant for the logistics team."},
    {"role":"user","content":"What is the weather in Paris and should we delay shipment 4411?"},
    {"role":"assistant","content":"Let me check.","tool_calls":[{"id":"call_01","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
    {"role":"tool","tool_call_id":"call_01","content":"Storm warning, 80 km/h winds"},
    {"role":"user","content":"Well?"}]})";

void run_request(benchmark::State& state, Api api, std::string_view body, Dialect target) {
  ParsedRequest request;
  request.api = api;
  request.body = boost::json::parse(body);
  request.stream = true;
  RewriteOptions options;
  options.target = target;
  options.model = "upstream-model";
  for (auto _ : state) {
    auto result = translate_request(request, options);
    if (!result) state.SkipWithError("translation failed");
    benchmark::DoNotOptimize(result);
  }
}

void BM_RequestAnthropicToOpenAi(benchmark::State& state) {
  run_request(state, Api::kAnthropicMessages, kAnthropicRequest, Dialect::kOpenAi);
}
BENCHMARK(BM_RequestAnthropicToOpenAi);

void BM_RequestOpenAiToAnthropic(benchmark::State& state) {
  run_request(state, Api::kOpenAiChat, kOpenAiRequest, Dialect::kAnthropic);
}
BENCHMARK(BM_RequestOpenAiToAnthropic);

}  // namespace
