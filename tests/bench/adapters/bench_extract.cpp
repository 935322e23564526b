// Request-path cost of the adapters on the 1 KB bench request (tests/bench/data/, a copy of
// ../shared/bench/): strict parse + validation + extraction, and the same-API rewrite with and
// without edits; plus the pass-through relay of a chat stream.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>

#include "adapters/adapter.h"
#include "adapters/response_translator.h"
#include "adapters/translate/rewrite.h"

namespace {

using namespace switchyard::adapters;

std::string read_data(const char* name) {
  std::ifstream in(std::string(SWITCHYARD_SOURCE_DIR) + "/tests/bench/data/" + name,
                   std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void BM_ParseExtractOpenAiChat(benchmark::State& state) {
  const std::string body = read_data("request-openai.json");
  const Adapter& adapter = adapter_for(Api::kOpenAiChat);
  for (auto _ : state) {
    auto parsed = adapter.parse(body);
    if (!parsed) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_ParseExtractOpenAiChat);

void BM_ParseExtractAnthropicMessages(benchmark::State& state) {
  const std::string body = read_data("request-anthropic.json");
  const Adapter& adapter = adapter_for(Api::kAnthropicMessages);
  for (auto _ : state) {
    auto parsed = adapter.parse(body);
    if (!parsed) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_ParseExtractAnthropicMessages);

void BM_RewriteUnchanged(benchmark::State& state) {
  auto parsed = adapter_for(Api::kOpenAiChat).parse(read_data("request-openai.json"));
  RewriteOptions options;
  for (auto _ : state) {
    auto out = rewrite_request(*parsed, options);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_RewriteUnchanged);

void BM_RewriteModelRedactUsage(benchmark::State& state) {
  auto parsed = adapter_for(Api::kOpenAiChat).parse(read_data("request-openai.json"));
  RewriteOptions options;
  options.model = "llama3.1:8b";
  options.request_usage_in_stream = true;
  const TextSegment& last = parsed->segments.back();
  options.redactions.push_back({static_cast<std::uint32_t>(parsed->segments.size() - 1), 0,
                                std::min<std::size_t>(8, last.text.size()), "pii"});
  parsed->stream = true;
  for (auto _ : state) {
    auto out = rewrite_request(*parsed, options);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_RewriteModelRedactUsage);

// 100 content chunks plus the usage chunk, relayed in 512-byte reads; reports per-event cost.
void BM_PassthroughChatStream(benchmark::State& state) {
  std::string stream;
  for (int i = 0; i < 100; ++i) {
    stream +=
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"token \"},"
        "\"finish_reason\":null}],\"usage\":null}\n\n";
  }
  stream +=
      "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
      "\"usage\":{\"prompt_tokens\":250,\"completion_tokens\":100}}\n\ndata: [DONE]\n\n";
  ParsedRequest request;
  request.api = Api::kOpenAiChat;
  request.stream = true;
  const bool drop = state.range(0) != 0;
  std::string out;
  for (auto _ : state) {
    auto translator =
        make_response_translator(request, UpstreamResponseInfo{200, true, Dialect::kOpenAi}, drop);
    out.clear();
    for (std::size_t at = 0; at < stream.size(); at += 512) {
      translator->feed(std::string_view(stream).substr(at, 512), out);
    }
    translator->finish(true, out);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 102));
}
BENCHMARK(BM_PassthroughChatStream)->Arg(0)->Arg(1);

}  // namespace
