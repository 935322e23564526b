// Metrics: what the request path counts comes out of render() in valid Prometheus text, read back
// by a strict parser (names, labels and escapes, HELP/TYPE, cumulative histogram buckets).
#include "proxy/ops/metrics.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "metrics_prometheus_parser.h"

namespace switchyard::proxy {
namespace {

using adapters::Api;
using policy::Handling;
using testing::PromParseError;
using testing::PromText;

PromText scrape(const Metrics& metrics) { return PromText::parse(metrics.render()); }

TEST(PromTextParser, RejectsBrokenExpositions) {
  // The parser must be able to fail, or the tests below prove nothing.
  EXPECT_THROW(PromText::parse("foo 1\n"), PromParseError);  // no TYPE
  EXPECT_THROW(PromText::parse("# TYPE foo counter\nfoo{a=\"x} 1\n"), PromParseError);
  EXPECT_THROW(PromText::parse("# TYPE foo counter\nfoo 1"), PromParseError);  // no newline
  EXPECT_THROW(PromText::parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\n"
                               "h_sum 1\nh_count 1\n"),
               PromParseError);  // not cumulative
  EXPECT_THROW(PromText::parse("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n"),
               PromParseError);  // no +Inf
  EXPECT_THROW(PromText::parse("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 1\n"),
               PromParseError);  // +Inf != count
  EXPECT_NO_THROW(PromText::parse("# HELP foo x\n# TYPE foo counter\nfoo{a=\"q\\\"\\\\\"} 1\n"));
}

TEST(Metrics, FreshRenderParsesWithEveryFamilyTyped) {
  Metrics metrics;
  const PromText text = scrape(metrics);
  const std::map<std::string, std::string> expected = {
      {"switchyard_build_info", "gauge"},
      {"switchyard_policy_info", "gauge"},
      {"switchyard_policy_reloads_total", "counter"},
      {"switchyard_requests_total", "counter"},
      {"switchyard_rule_matches_total", "counter"},
      {"switchyard_classifier_errors_total", "counter"},
      {"switchyard_proxy_overhead_seconds", "histogram"},
      {"switchyard_upstream_latency_seconds", "histogram"},
      {"switchyard_stream_time_to_first_byte_seconds", "histogram"},
      {"switchyard_upstream_errors_total", "counter"},
      {"switchyard_active_connections", "gauge"},
      {"switchyard_active_streams", "gauge"},
      {"switchyard_audit_write_seconds", "histogram"},
      {"switchyard_audit_failures_total", "counter"},
  };
  for (const auto& [name, type] : expected) {
    const auto* family = text.family(name);
    ASSERT_NE(family, nullptr) << name;
    EXPECT_EQ(family->type, type) << name;
    EXPECT_FALSE(family->help.empty()) << name;
  }
  EXPECT_EQ(text.value("switchyard_policy_reloads_total", {{"result", "success"}}), 0.0);
  EXPECT_EQ(text.value("switchyard_policy_reloads_total", {{"result", "failure"}}), 0.0);
  EXPECT_EQ(text.value("switchyard_proxy_overhead_seconds_count"), 0.0);
}

TEST(Metrics, RequestsByApiHandlingAndStatusClass) {
  Metrics metrics;
  metrics.count_request(Api::kOpenAiChat, Handling::kInternal, 200);
  metrics.count_request(Api::kOpenAiChat, Handling::kInternal, 201);
  metrics.count_request(Api::kAnthropicMessages, Handling::kBlock, 403);
  metrics.count_request(std::nullopt, std::nullopt, 404);
  metrics.count_request(Api::kOpenAiResponses, Handling::kVendor, 0);  // never answered
  const PromText text = scrape(metrics);
  EXPECT_EQ(text.value("switchyard_requests_total",
                       {{"api", "openai.chat"}, {"handling", "internal"}, {"status", "2xx"}}),
            2.0);
  EXPECT_EQ(text.value("switchyard_requests_total",
                       {{"api", "anthropic.messages"}, {"handling", "block"}, {"status", "4xx"}}),
            1.0);
  EXPECT_EQ(text.value("switchyard_requests_total",
                       {{"api", "none"}, {"handling", "none"}, {"status", "4xx"}}),
            1.0);
  EXPECT_EQ(text.value("switchyard_requests_total",
                       {{"api", "openai.responses"}, {"handling", "vendor"}, {"status", "5xx"}}),
            1.0);
  EXPECT_EQ(text.value("switchyard_requests_total",
                       {{"api", "openai.chat"}, {"handling", "vendor"}, {"status", "2xx"}}),
            std::nullopt);
  EXPECT_EQ(metrics.requests(Api::kOpenAiChat, Handling::kInternal, 299), 2u);
}

TEST(Metrics, RuleMatchesCountOnlyRegisteredIdsByName) {
  Metrics metrics;
  const std::vector<std::string> ids = {"globex.codenames", "pii.payment-card"};
  metrics.register_rule_ids(ids);
  policy::Classification classification;
  classification.matches.push_back(
      {"globex.codenames", "codename", "confidential", Handling::kInternal, 3, {}});
  classification.matches.push_back(
      {"pii.payment-card", "credit_card", "restricted", Handling::kInternal, 1, {}});
  classification.matches.push_back({"never.registered", "x", "public", Handling::kVendor, 2, {}});
  metrics.count_rule_matches(classification);
  metrics.count_rule_match("globex.codenames");
  const PromText text = scrape(metrics);
  EXPECT_EQ(text.value("switchyard_rule_matches_total", {{"rule_id", "globex.codenames"}}), 4.0);
  EXPECT_EQ(text.value("switchyard_rule_matches_total", {{"rule_id", "pii.payment-card"}}), 1.0);
  EXPECT_EQ(text.value("switchyard_rule_matches_total", {{"rule_id", "_other"}}), 2.0);
  EXPECT_EQ(text.value("switchyard_rule_matches_total", {{"rule_id", "never.registered"}}),
            std::nullopt);

  // Re-registering (a reload of the same policy) keeps the counts: counters never go back.
  metrics.register_rule_ids(ids);
  EXPECT_EQ(metrics.rule_matches("globex.codenames"), 4u);
}

TEST(Metrics, ClassifierErrorsAreCounted) {
  Metrics metrics;
  policy::Classification failed;
  failed.classifier_error = true;
  metrics.count_rule_matches(failed);  // counts rule ids only: the caller counts the error once
  EXPECT_EQ(scrape(metrics).value("switchyard_classifier_errors_total"), 0.0);
  metrics.count_classifier_error();
  EXPECT_EQ(scrape(metrics).value("switchyard_classifier_errors_total"), 1.0);
}

TEST(Metrics, HistogramBucketsAreInclusiveCumulativeAndInSeconds) {
  Metrics metrics;
  metrics.observe_overhead(std::chrono::microseconds(100));  // exactly on the 0.0001 bound
  metrics.observe_overhead(std::chrono::microseconds(101));
  metrics.observe_overhead(std::chrono::seconds(5));  // beyond every bound
  const PromText text = scrape(metrics);
  const std::string name = "switchyard_proxy_overhead_seconds";
  EXPECT_EQ(text.value(name + "_bucket", {{"le", "0.00005"}}), 0.0);
  EXPECT_EQ(text.value(name + "_bucket", {{"le", "0.0001"}}), 1.0);
  EXPECT_EQ(text.value(name + "_bucket", {{"le", "0.00025"}}), 2.0);
  EXPECT_EQ(text.value(name + "_bucket", {{"le", "1"}}), 2.0);
  EXPECT_EQ(text.value(name + "_bucket", {{"le", "+Inf"}}), 3.0);
  EXPECT_EQ(text.value(name + "_count"), 3.0);
  EXPECT_DOUBLE_EQ(*text.value(name + "_sum"), 5.000201);
}

TEST(Metrics, UpstreamSeriesAreLabelledByRegisteredName) {
  Metrics metrics;
  const UpstreamId local = metrics.register_upstream("local");
  const UpstreamId openai = metrics.register_upstream("openai");
  EXPECT_EQ(metrics.register_upstream("local"), local);
  EXPECT_EQ(metrics.find_upstream("openai"), openai);
  EXPECT_EQ(metrics.find_upstream("nope"), std::nullopt);
  metrics.observe_upstream_latency(local, std::chrono::milliseconds(30));
  metrics.observe_stream_ttfb(openai, std::chrono::milliseconds(700));
  metrics.count_upstream_error(openai, UpstreamErrorKind::kTimeoutFirstByte);
  metrics.count_upstream_error(openai, UpstreamErrorKind::kTimeoutFirstByte);
  metrics.count_upstream_error(local, UpstreamErrorKind::kConnect);
  const PromText text = scrape(metrics);
  EXPECT_EQ(text.value("switchyard_upstream_latency_seconds_count", {{"upstream", "local"}}), 1.0);
  EXPECT_EQ(text.value("switchyard_upstream_latency_seconds_bucket",
                       {{"upstream", "local"}, {"le", "0.025"}}),
            0.0);
  EXPECT_EQ(text.value("switchyard_upstream_latency_seconds_bucket",
                       {{"upstream", "local"}, {"le", "0.05"}}),
            1.0);
  EXPECT_EQ(text.value("switchyard_upstream_latency_seconds_count", {{"upstream", "openai"}}), 0.0);
  EXPECT_EQ(
      text.value("switchyard_stream_time_to_first_byte_seconds_count", {{"upstream", "openai"}}),
      1.0);
  EXPECT_EQ(text.value("switchyard_upstream_errors_total",
                       {{"upstream", "openai"}, {"kind", "timeout_first_byte"}}),
            2.0);
  EXPECT_EQ(
      text.value("switchyard_upstream_errors_total", {{"upstream", "local"}, {"kind", "connect"}}),
      1.0);
  EXPECT_EQ(
      text.value("switchyard_upstream_errors_total", {{"upstream", "local"}, {"kind", "tls"}}),
      0.0);
}

TEST(Metrics, TooManyUpstreamsShareTheOtherSeries) {
  Metrics metrics;
  UpstreamId last = 0;
  for (std::size_t i = 0; i < Metrics::kMaxUpstreams + 5; ++i) {
    last = metrics.register_upstream("u" + std::to_string(i));
  }
  EXPECT_EQ(last, Metrics::kMaxUpstreams - 1);
  metrics.count_upstream_error(last, UpstreamErrorKind::kClosed);
  const PromText text = scrape(metrics);
  EXPECT_EQ(
      text.value("switchyard_upstream_errors_total", {{"upstream", "_other"}, {"kind", "closed"}}),
      1.0);
}

TEST(Metrics, PolicyInfoLabelsAreEscaped) {
  Metrics metrics;
  metrics.set_policy_info("we\"ird\\name", "2026.11\n1", "abc123");
  const PromText text = scrape(metrics);
  const auto* family = text.family("switchyard_policy_info");
  ASSERT_NE(family, nullptr);
  ASSERT_EQ(family->samples.size(), 1u);
  EXPECT_EQ(family->samples[0].labels.at("name"), "we\"ird\\name");
  EXPECT_EQ(family->samples[0].labels.at("version"), "2026.11\n1");
  EXPECT_EQ(family->samples[0].labels.at("sha256"), "abc123");
  EXPECT_EQ(family->samples[0].value, 1.0);

  metrics.set_policy_info("next", "2", "def");  // a reload replaces the series, never adds one
  const PromText after = scrape(metrics);
  ASSERT_EQ(after.family("switchyard_policy_info")->samples.size(), 1u);
  EXPECT_EQ(after.value("switchyard_policy_info", {{"name", "next"}, {"version", "2"}}), 1.0);
}

TEST(Metrics, ReloadsAuditAndGauges) {
  Metrics metrics;
  metrics.count_policy_reload(true);
  metrics.count_policy_reload(false);
  metrics.count_policy_reload(false);
  metrics.observe_audit_write(std::chrono::microseconds(40));
  metrics.count_audit_failure();
  {
    ActiveGauge connection(metrics.active_connections());
    ActiveGauge stream(metrics.active_streams());
    ActiveGauge moved(std::move(stream));
    const PromText during = scrape(metrics);
    EXPECT_EQ(during.value("switchyard_active_connections"), 1.0);
    EXPECT_EQ(during.value("switchyard_active_streams"), 1.0);
  }
  const PromText text = scrape(metrics);
  EXPECT_EQ(text.value("switchyard_active_connections"), 0.0);
  EXPECT_EQ(text.value("switchyard_active_streams"), 0.0);
  EXPECT_EQ(text.value("switchyard_policy_reloads_total", {{"result", "success"}}), 1.0);
  EXPECT_EQ(text.value("switchyard_policy_reloads_total", {{"result", "failure"}}), 2.0);
  EXPECT_GT(*text.value("switchyard_policy_last_reload_success_timestamp_seconds"), 0.0);
  EXPECT_EQ(text.value("switchyard_audit_write_seconds_bucket", {{"le", "0.00005"}}), 1.0);
  EXPECT_EQ(text.value("switchyard_audit_failures_total"), 1.0);
}

TEST(Metrics, ConcurrentIncrementsAreNotLostAndRenderStaysValid) {
  Metrics metrics;
  const std::vector<std::string> ids = {"a.rule", "b.rule"};
  metrics.register_rule_ids(ids);
  const UpstreamId up = metrics.register_upstream("local");
  constexpr int kThreads = 4;
  constexpr int kPerThread = 20000;
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      while (!go.load()) std::this_thread::yield();
      for (int i = 0; i < kPerThread; ++i) {
        metrics.count_request(Api::kOpenAiChat, Handling::kVendor, 200);
        metrics.count_rule_match(i % 2 ? "a.rule" : "b.rule");
        metrics.observe_upstream_latency(up, std::chrono::microseconds(i));
      }
    });
  }
  go.store(true);
  // Scrapes while writers run must parse (cumulative buckets by construction).
  for (int i = 0; i < 20; ++i) EXPECT_NO_THROW(scrape(metrics));
  for (auto& thread : threads) thread.join();
  const PromText text = scrape(metrics);
  EXPECT_EQ(text.value("switchyard_requests_total",
                       {{"api", "openai.chat"}, {"handling", "vendor"}, {"status", "2xx"}}),
            double(kThreads * kPerThread));
  EXPECT_EQ(text.value("switchyard_rule_matches_total", {{"rule_id", "a.rule"}}),
            double(kThreads * kPerThread / 2));
  EXPECT_EQ(text.value("switchyard_upstream_latency_seconds_count", {{"upstream", "local"}}),
            double(kThreads * kPerThread));
}

TEST(Metrics, RuleIdsAreReadFromEveryPolicyFile) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("metrics_rule_ids_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "main.yaml") << "policy: p\nversion: '1'\ninclude: [pack.yaml]\n"
                                        "rules:\n  - id: main.one\n    keywords: [a]\n"
                                        "  - id: main.two\n    regex: 'b'\n";
    std::ofstream(dir / "pack.yaml") << "rules:\n  - id: pack.one\n    keywords: [c]\n";
  }
  const std::vector<std::filesystem::path> files = {dir / "main.yaml", dir / "pack.yaml"};
  EXPECT_EQ(rule_ids_in_files(files),
            (std::vector<std::string>{"main.one", "main.two", "pack.one"}));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace switchyard::proxy

namespace switchyard::proxy {
namespace {

TEST(MetricsAttachments, CountedByKindAndResult) {
  Metrics metrics;
  std::vector<attachments::AttachmentReport> reports(3);
  reports[0].kind = attachments::Kind::kPdf;
  reports[0].inspected = attachments::Inspected::kPdfText;
  reports[1].kind = attachments::Kind::kImage;
  reports[1].inspected = attachments::Inspected::kOcr;
  reports[2].kind = attachments::Kind::kImage;
  reports[2].uninspected = attachments::Uninspected::kRemoteUrl;
  metrics.count_attachments(reports);
  metrics.count_attachments(std::span(reports).subspan(1, 1));
  EXPECT_EQ(metrics.attachments(attachments::Kind::kPdf, "pdf_text"), 1u);
  EXPECT_EQ(metrics.attachments(attachments::Kind::kImage, "ocr"), 2u);
  EXPECT_EQ(metrics.attachments(attachments::Kind::kImage, "remote_url"), 1u);
  const std::string text = metrics.render();
  EXPECT_NE(text.find("switchyard_attachments_total{kind=\"image\",result=\"ocr\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("# TYPE switchyard_attachments_total counter"), std::string::npos);
}

}  // namespace
}  // namespace switchyard::proxy
