// CPU cost of restoring pseudonyms in replies, per streamed event (the budget is 2 microseconds),
// beside the cost of the same stream without restoration: chat, Anthropic and Responses streams
// passed through, and an OpenAI stream translated for an Anthropic client. The text of each reply
// mentions the request's three values as placeholders, cut between events as models stream them
// (a few characters per event), plus tool call arguments; "dense" puts a placeholder piece in every
// event; "escaped" is dense from a server that writes \u escapes. Also the request side: planning
// the placeholders of a request with three values.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <string>

#include "adapters/pseudonymize/mask_plan.h"
#include "adapters/pseudonymize/restoring_translator.h"
#include "adapters/translate/passthrough_response.h"
#include "adapters/translate/translate_response.h"

namespace {

using namespace switchyard;
using adapters::Api;
using adapters::Dialect;

std::shared_ptr<const pseudonymize::PseudonymTable> table() {
  auto t = std::make_shared<pseudonymize::PseudonymTable>();
  t->add("EMAIL-7f3a91", "jane.roe@brightwater-logistics.com");
  t->add("PERSON-NAME-a4c9e0", "Jane Roe");
  t->add("PHONE-0b12cd", "+44 20 7946 0958");
  return t;
}

std::string encode(std::string_view s) { return boost::json::serialize(boost::json::value(s)); }

// A reply of `deltas` text events, like a model streams them (one to five words per event); every
// tenth event (every event when dense) carries a placeholder cut in two.
std::vector<std::string> text_pieces(int deltas, bool dense) {
  static const char* kWords[] = {" the quick", " brown fox", " jumps", " over the lazy", " dog,"};
  static const char* kSplit[][2] = {{" write to EMAIL-7f", "3a91"},
                                    {" dear PERSON-NA", "ME-a4c9e0,"},
                                    {" call PHONE-0b12cd", " today"}};
  std::vector<std::string> out;
  for (int i = 0; i < deltas; ++i) {
    if (dense || i % 10 == 9) {
      const auto& s = kSplit[i % 3];
      out.emplace_back(s[0]);
      if (++i < deltas) out.emplace_back(s[1]);
    } else {
      out.emplace_back(kWords[i % 5]);
    }
  }
  return out;
}

struct Stream {
  std::string bytes;
  int events = 0;
};

// `escaped`: the server writes non-ASCII as \u escapes (as Python's json.dumps does by default),
// and every text piece starts with one, so each restored delta is found by its JSON pointer.
Stream chat_stream(int deltas, bool dense, bool escaped = false) {
  Stream s;
  auto chunk = [&](std::string_view delta, std::string_view finish) {
    s.bytes +=
        R"(data: {"id":"chatcmpl-9xYz","object":"chat.completion.chunk","created":1700000001,)"
        R"("model":"gpt-4o-2024-08-06","system_fingerprint":"fp_abc","choices":[{"index":0,"delta":)";
    s.bytes += delta;
    s.bytes += R"(,"logprobs":null,"finish_reason":)";
    s.bytes += finish;
    s.bytes += "}]}\n\n";
    ++s.events;
  };
  chunk(R"({"role":"assistant","content":""})", "null");
  for (const auto& piece : text_pieces(deltas, dense)) {
    std::string spelled = encode(piece);
    if (escaped) spelled.insert(1, "\\u00e9");
    chunk(R"({"content":)" + spelled + "}", "null");
  }
  chunk(
      R"({"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"send_mail","arguments":""}}]})",
      "null");
  for (std::string_view piece :
       {R"({"to": "EMAIL)", R"(-7f3a91", )", R"("body": "Hi PERSON-)", R"(NAME-a4c9e0"})"}) {
    chunk(R"({"tool_calls":[{"index":0,"function":{"arguments":)" + encode(piece) + "}}]}", "null");
  }
  chunk("{}", R"("tool_calls")");
  s.bytes += "data: [DONE]\n\n";
  ++s.events;
  return s;
}

Stream anthropic_stream(int deltas, bool dense) {
  Stream s;
  auto event = [&](std::string_view name, std::string_view data) {
    s.bytes += "event: ";
    s.bytes += name;
    s.bytes += "\ndata: ";
    s.bytes += data;
    s.bytes += "\n\n";
    ++s.events;
  };
  event(
      "message_start",
      R"({"type":"message_start","message":{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":812,"output_tokens":1}}})");
  event("content_block_start",
        R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})");
  for (const auto& piece : text_pieces(deltas, dense)) {
    event("content_block_delta",
          R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":)" +
              encode(piece) + "}}");
  }
  event("content_block_stop", R"({"type":"content_block_stop","index":0})");
  event(
      "message_delta",
      R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":240}})");
  event("message_stop", R"({"type":"message_stop"})");
  return s;
}

Stream responses_stream(int deltas, bool dense) {
  Stream s;
  int seq = 0;
  auto event = [&](std::string_view type, std::string rest) {
    s.bytes += "event: ";
    s.bytes += type;
    s.bytes += "\ndata: {\"type\":\"";
    s.bytes += type;
    s.bytes += "\",\"sequence_number\":" + std::to_string(seq++) + rest + "}\n\n";
    ++s.events;
  };
  event("response.created",
        R"(,"response":{"id":"resp_1","object":"response","status":"in_progress","output":[]})");
  for (const auto& piece : text_pieces(deltas, dense)) {
    event("response.output_text.delta",
          R"(,"item_id":"msg_1","output_index":0,"content_index":0,"delta":)" + encode(piece));
  }
  event("response.output_text.done",
        R"(,"item_id":"msg_1","output_index":0,"content_index":0,"text":"done")");
  event("response.completed",
        R"(,"response":{"id":"resp_1","object":"response","status":"completed","output":[]})");
  return s;
}

void run(benchmark::State& state, Api api, Dialect upstream, const Stream& stream, bool restore) {
  adapters::ParsedRequest request;
  request.api = api;
  request.model = "client-model";
  request.stream = true;
  const adapters::UpstreamResponseInfo info{200, true, upstream};
  const auto pseudonyms = table();
  constexpr std::size_t kRead = 256;
  std::string out;
  for (auto _ : state) {
    std::unique_ptr<adapters::ResponseTranslator> translator;
    if (upstream != adapters::dialect_of(api)) {
      adapters::TranslateResponseOptions options;
      options.created = 1700000000;
      translator = adapters::make_translating_response_translator(request, info, options);
    } else {
      translator = adapters::make_passthrough_response_translator(request, info, false);
    }
    if (restore) {
      translator = pseudonymize::make_restoring_translator(std::move(translator), api, pseudonyms);
    }
    out.clear();
    for (std::size_t at = 0; at < stream.bytes.size(); at += kRead) {
      translator->feed(std::string_view(stream.bytes).substr(at, kRead), out);
    }
    translator->finish(true, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["events"] = stream.events;
  // Seconds of CPU per upstream event, translator creation included.
  state.counters["per_event"] = benchmark::Counter(
      stream.events, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_ChatPassthrough(benchmark::State& state) {
  static const Stream s = chat_stream(200, false);
  run(state, Api::kOpenAiChat, Dialect::kOpenAi, s, false);
}
BENCHMARK(BM_ChatPassthrough);

void BM_ChatRestoring(benchmark::State& state) {
  static const Stream s = chat_stream(200, false);
  run(state, Api::kOpenAiChat, Dialect::kOpenAi, s, true);
}
BENCHMARK(BM_ChatRestoring);

void BM_ChatRestoringDense(benchmark::State& state) {
  static const Stream s = chat_stream(200, true);
  run(state, Api::kOpenAiChat, Dialect::kOpenAi, s, true);
}
BENCHMARK(BM_ChatRestoringDense);

void BM_ChatRestoringDenseEscaped(benchmark::State& state) {
  static const Stream s = chat_stream(200, true, true);
  run(state, Api::kOpenAiChat, Dialect::kOpenAi, s, true);
}
BENCHMARK(BM_ChatRestoringDenseEscaped);

void BM_ChatPassthroughEscaped(benchmark::State& state) {
  static const Stream s = chat_stream(200, true, true);
  run(state, Api::kOpenAiChat, Dialect::kOpenAi, s, false);
}
BENCHMARK(BM_ChatPassthroughEscaped);

void BM_AnthropicPassthrough(benchmark::State& state) {
  static const Stream s = anthropic_stream(200, false);
  run(state, Api::kAnthropicMessages, Dialect::kAnthropic, s, false);
}
BENCHMARK(BM_AnthropicPassthrough);

void BM_AnthropicRestoring(benchmark::State& state) {
  static const Stream s = anthropic_stream(200, false);
  run(state, Api::kAnthropicMessages, Dialect::kAnthropic, s, true);
}
BENCHMARK(BM_AnthropicRestoring);

void BM_ResponsesPassthrough(benchmark::State& state) {
  static const Stream s = responses_stream(200, false);
  run(state, Api::kOpenAiResponses, Dialect::kOpenAi, s, false);
}
BENCHMARK(BM_ResponsesPassthrough);

void BM_ResponsesRestoring(benchmark::State& state) {
  static const Stream s = responses_stream(200, false);
  run(state, Api::kOpenAiResponses, Dialect::kOpenAi, s, true);
}
BENCHMARK(BM_ResponsesRestoring);

void BM_TranslatedOpenAiToAnthropic(benchmark::State& state) {
  static const Stream s = chat_stream(200, false);
  run(state, Api::kAnthropicMessages, Dialect::kOpenAi, s, false);
}
BENCHMARK(BM_TranslatedOpenAiToAnthropic);

void BM_TranslatedOpenAiToAnthropicRestoring(benchmark::State& state) {
  static const Stream s = chat_stream(200, false);
  run(state, Api::kAnthropicMessages, Dialect::kOpenAi, s, true);
}
BENCHMARK(BM_TranslatedOpenAiToAnthropicRestoring);

// The request side: three values in a chat-sized request.
void BM_PlanMasks(benchmark::State& state) {
  const std::vector<adapters::TextSegment> segments = {
      {"/messages/0/content", "You are a helpful assistant for the logistics team."},
      {"/messages/1/content",
       "Name: Jane Roe\nPlease draft a reply to jane.roe@brightwater-logistics.com and remind "
       "her to call +44 20 7946 0958 about shipment 4411 before Friday."}};
  const std::string raw = R"({"model":"gpt-4o","messages":[...]})";
  const std::string& t = segments[1].text;
  const pseudonymize::PseudonymKey key("bench-pseudonym-key-0123456789abcdef");
  std::vector<pseudonymize::MaskSpan> spans = {
      {1, t.find("Jane"), t.find("Jane") + 8, "person_name", true, 0},
      {1, t.find("jane"), t.find("jane") + 34, "email", true, 1},
      {1, t.find("+44"), t.find("+44") + 16, "phone", true, 2}};
  for (auto _ : state) {
    auto plan = pseudonymize::plan_masks(segments, raw, spans, &key, 3);
    benchmark::DoNotOptimize(plan);
  }
}
BENCHMARK(BM_PlanMasks);

}  // namespace
