// Attachment inspection speed (issue 16): PDF text extraction in pages per second on one core
// (ordinary text PDFs, Chromium-printed), OCR of a dense 1000x800 screenshot in CPU time on one
// core, and the latency a one-page PDF and a screenshot add to a request through the proxy
// (in-process server, mock upstreams, p50 over the iterations as a counter; a one-line 1000x240
// screenshot and the dense 1000x800 one). Figures and commands:
// docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <ctime>
#include <fstream>

#include "adapters/attachments/data_url.h"
#include "common/log.h"
#include "fixtures/attachment_fixtures.h"
#include "proxy/inspection/inspector.h"
#include "proxy/inspection/pdf_document.h"
#include "proxy/server/server.h"

namespace {

using namespace switchyard;

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Text of every page of a 40-page Chromium-printed PDF; items are pages.
void BM_PdfTextPages(benchmark::State& state) {
  const std::string pdf = testing::fixture("long.pdf");
  std::size_t pages = 0;
  for (auto _ : state) {
    inspection::PdfDocument document(pdf);
    const int n = document.pages();
    for (int i = 0; i < n; ++i) benchmark::DoNotOptimize(document.page_text(i));
    pages += static_cast<std::size_t>(n);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(pages));
}
BENCHMARK(BM_PdfTextPages)->Unit(benchmark::kMillisecond);

// OCR of a dense 1000x800 screenshot (24 lines), single-threaded: CPU seconds per image.
void BM_OcrDenseScreenshot(benchmark::State& state) {
  const std::string png = testing::fixture("dense.png");
  attachments::AttachmentLimits limits;
  inspection::OcrEngine engine(limits.ocr_data, "eng");
  if (!engine.ready()) {
    state.SkipWithError("no Tesseract data");
    return;
  }
  double cpu = 0;
  std::size_t characters = 0;
  for (auto _ : state) {
    const double start = thread_cpu_seconds();
    const auto result =
        engine.recognize_encoded(png, inspection::Clock::time_point::max(), nullptr);
    cpu += thread_cpu_seconds() - start;
    characters = result.text.size();
  }
  state.counters["cpu_s_per_image"] = cpu / static_cast<double>(state.iterations());
  state.counters["characters"] = static_cast<double>(characters);
}
BENCHMARK(BM_OcrDenseScreenshot)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

class DiscardingAuditSink final : public audit::AuditSink {
 public:
  void append(boost::json::object, Done done) override { done(true); }
  void append_serialized(std::string_view, std::string_view, bool, Done done) override {
    done(true);
  }
  std::string prompt_digest(std::string_view) const override { return {}; }
  bool healthy() const override { return true; }
  void close() override {}
};

// The proxy in-process with mock upstreams: a chat request carrying nothing, a one-page PDF, or a
// screenshot. Manual time is the round trip; p50_ms is the median of the iterations.
void BM_ProxyLatency(benchmark::State& state) {
  log::set_min_level(log::Level::kError);
  const std::string policy =
      std::string(SWITCHYARD_SOURCE_DIR) + "/tests/integration/data/attachments_policy.yaml";
  proxy::ServerOptions options;
  options.audit = std::make_shared<DiscardingAuditSink>();
  options.admin = false;
  options.watch_policy = false;
  options.handle_sighup = false;
  proxy::Server server(proxy::parse_config("listen: 127.0.0.1:0\npolicy: " + policy + R"(
upstreams:
  - { name: in, api: mock, trust: internal }
  - { name: out, api: mock, trust: vendor }
routes: { internal: in, vendor: out }
limits: { workers: 1 }
attachments: { jobs: 1 }
)",
                                           "/tmp/bench.yaml"),
                       std::move(options));
  server.start();
  boost::json::array content{boost::json::object{{"type", "text"}, {"text", "Summarize this."}}};
  if (state.range(0) == 1) {
    content.push_back(boost::json::object{
        {"type", "file"},
        {"file", boost::json::object{{"filename", "a.pdf"},
                                     {"file_data", "data:application/pdf;base64," +
                                                       attachments::encode_base64(
                                                           testing::fixture("clean.pdf"))}}}});
  } else if (state.range(0) >= 2) {
    const std::string image = state.range(0) == 2 ? "clean.png" : "dense.png";
    content.push_back(boost::json::object{
        {"type", "image_url"},
        {"image_url",
         boost::json::object{{"url", "data:image/png;base64," +
                                         attachments::encode_base64(testing::fixture(image))}}}});
  }
  const std::string body = boost::json::serialize(boost::json::object{
      {"model", "gpt-4o"},
      {"messages",
       boost::json::array{boost::json::object{{"role", "user"}, {"content", content}}}}});
  namespace http = boost::beast::http;
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
  boost::beast::flat_buffer buffer;
  std::vector<double> samples;
  for (auto _ : state) {
    http::request<http::string_body> request{http::verb::post, "/v1/chat/completions", 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::content_type, "application/json");
    request.body() = body;
    request.prepare_payload();
    const auto start = std::chrono::steady_clock::now();
    http::write(socket, request);
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (response.result_int() != 200) state.SkipWithError("the proxy did not answer 200");
    state.SetIterationTime(seconds);
    samples.push_back(seconds);
  }
  if (!samples.empty()) {
    std::sort(samples.begin(), samples.end());
    state.counters["p50_ms"] = samples[samples.size() / 2] * 1e3;
  }
  socket.close();
  server.shutdown();
}
BENCHMARK(BM_ProxyLatency)
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Arg(3)
    ->ArgName("attachment")  // 0: none, 1: one-page PDF, 2: one-line screenshot, 3: dense one
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
