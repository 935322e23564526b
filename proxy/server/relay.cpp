// Replies are rendered by hand (status line, a few headers, body) rather than through Beast's
// serializer: the set of headers is small and fixed, and this keeps one write per reply.
#include "proxy/server/relay.h"

#include <algorithm>
#include <array>
#include <boost/beast/http/status.hpp>
#include <charconv>
#include <cstdint>
#include <cstdio>

#include "adapters/adapter.h"

namespace switchyard::proxy {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using Clock = std::chrono::steady_clock;

namespace {

void append_number(std::string& out, std::uint64_t value) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, end);
}

// Milliseconds with three decimals ("0.047"), from integers: snprintf's float formatting was 1 %
// of the proxy's CPU.
void append_overhead(std::string& out, std::chrono::nanoseconds d) {
  const auto us = static_cast<std::uint64_t>(std::max<std::int64_t>(0, (d.count() + 500) / 1000));
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, us / 1000).ptr);
  const auto frac = static_cast<unsigned>(us % 1000);
  const char digits[4] = {'.', static_cast<char>('0' + frac / 100),
                          static_cast<char>('0' + frac / 10 % 10),
                          static_cast<char>('0' + frac % 10)};
  out.append(digits, 4);
}

asio::awaitable<bool> timed_write(RequestContext& ctx, ClientWriter& client,
                                  std::span<const asio::const_buffer> buffers) {
  const auto t0 = Clock::now();
  const bool ok = co_await client.write(buffers);
  ctx.client_write_time += Clock::now() - t0;
  co_return ok;
}

bool starts_with_icase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::string response_head(const RequestContext& ctx, int status, std::string_view content_type,
                          std::optional<std::size_t> content_length, bool keep_alive,
                          std::string_view extra_headers) {
  std::string head;
  head.reserve(256 + extra_headers.size());
  head += "HTTP/1.1 ";
  append_number(head, static_cast<std::uint64_t>(status));
  head += ' ';
  const auto reason = http::obsolete_reason(static_cast<http::status>(status));
  head +=
      reason.empty() ? std::string_view("Unknown") : std::string_view(reason.data(), reason.size());
  head += "\r\ncontent-type: ";
  head += content_type;
  if (content_length) {
    head += "\r\ncontent-length: ";
    append_number(head, *content_length);
  } else {
    head += "\r\ntransfer-encoding: chunked";
  }
  if (content_type.starts_with("text/event-stream")) head += "\r\ncache-control: no-cache";
  head += "\r\nx-switchyard-request-id: ";
  head += ctx.request_id;
  head += "\r\nx-switchyard-route: ";
  head += to_string(ctx.route());
  head += "\r\nx-switchyard-overhead-ms: ";
  append_overhead(head, ctx.overhead());
  if (!keep_alive) head += "\r\nconnection: close";
  head += "\r\n";
  head += extra_headers;
  head += "\r\n";
  return head;
}

asio::awaitable<bool> write_reply(RequestContext& ctx, ClientWriter& client, int status,
                                  std::string_view content_type, std::string_view body,
                                  bool keep_alive, std::string_view extra_headers) {
  ctx.status = status;
  const std::string head =
      response_head(ctx, status, content_type, body.size(), keep_alive, extra_headers);
  const std::array<asio::const_buffer, 2> buffers{asio::buffer(head), asio::buffer(body)};
  co_return co_await timed_write(ctx, client, buffers);
}

asio::awaitable<bool> write_error(RequestContext& ctx, ClientWriter& client,
                                  adapters::Dialect dialect, const adapters::ApiError& error,
                                  bool keep_alive, std::string_view extra_headers) {
  ctx.error_code = error.code.empty() ? error.type : error.code;
  const auto& adapter = adapters::adapter_for(dialect == adapters::Dialect::kAnthropic
                                                  ? adapters::Api::kAnthropicMessages
                                                  : adapters::Api::kOpenAiChat);
  const std::string body = adapter.error_body(error);
  co_return co_await write_reply(ctx, client, error.status, "application/json", body, keep_alive,
                                 extra_headers);
}

std::string passthrough_headers(const http::fields& headers) {
  std::string out;
  for (const auto& f : headers) {
    const auto name = f.name_string();
    const std::string_view n(name.data(), name.size());
    // Every kept name starts with one of these letters: most headers end at one compare.
    const char first = n.empty() ? '\0' : static_cast<char>(n[0] | 0x20);
    if (first != 'x' && first != 'a' && first != 'r' && first != 'o') continue;
    const bool keep =
        starts_with_icase(n, "x-ratelimit-") || starts_with_icase(n, "anthropic-ratelimit-") ||
        starts_with_icase(n, "retry-after") || starts_with_icase(n, "x-request-id") ||
        starts_with_icase(n, "request-id") || starts_with_icase(n, "openai-processing-ms");
    if (!keep) continue;
    const auto value = f.value();
    if (std::any_of(value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n'; })) {
      continue;
    }
    out.append(n);
    out += ": ";
    out.append(value.data(), value.size());
    out += "\r\n";
  }
  return out;
}

namespace {

std::string upstream_error_code(const UpstreamError& error) {
  switch (error.kind) {
    case UpstreamErrorKind::kTimeoutIdle:
    case UpstreamErrorKind::kTimeoutTotal:
    case UpstreamErrorKind::kTimeoutFirstByte:
    case UpstreamErrorKind::kTimeoutConnect:
      return "upstream_timeout";
    default:
      return "upstream_incomplete";
  }
}

}  // namespace

asio::awaitable<RelayResult> relay_response(RequestContext& ctx, UpstreamResponse& response,
                                            adapters::ResponseTranslator& translator,
                                            ClientWriter& client, bool keep_alive) {
  RelayResult result;
  Metrics* metrics = ctx.worker.shared.metrics;
  const UpstreamId metric_id =
      ctx.final_upstream >= 0 ? ctx.worker.shared.metric_ids[ctx.final_upstream] : UpstreamId{0};
  const std::string extra = passthrough_headers(response.headers());
  const int status = translator.status();
  const std::string content_type = translator.content_type();
  const bool streaming = content_type.starts_with("text/event-stream");
  const auto sent_at = ctx.upstream_sent;  // upstream latency: request sent to the last byte

  std::string out;
  bool first_byte = true;
  static constexpr std::string_view kCrlf = "\r\n";
  static constexpr std::string_view kLastChunk = "0\r\n\r\n";
  auto write_chunk = [&](bool last) -> asio::awaitable<bool> {
    char size_line[24];
    std::size_t n = 0;
    std::array<asio::const_buffer, 4> buffers;
    std::size_t count = 0;
    if (!out.empty()) {
      const auto [end, ec] = std::to_chars(size_line, size_line + 20, out.size(), 16);
      *end = '\r';
      *(end + 1) = '\n';
      n = static_cast<std::size_t>(end + 2 - size_line);
      buffers[count++] = asio::buffer(size_line, n);
      buffers[count++] = asio::buffer(out);
      buffers[count++] = asio::buffer(kCrlf);
    }
    if (last) buffers[count++] = asio::buffer(kLastChunk);
    if (count == 0) co_return true;
    const bool ok = co_await timed_write(
        ctx, client, std::span<const asio::const_buffer>(buffers.data(), count));
    if (ok && first_byte && !out.empty() && metrics) {
      first_byte = false;
      metrics->observe_stream_ttfb(metric_id, std::chrono::duration_cast<std::chrono::microseconds>(
                                                  Clock::now() - ctx.start));
    }
    out.clear();
    co_return ok;
  };

  // A stream: header first, then each translated piece as soon as it exists. A JSON body is small:
  // it is read whole so that the client gets a Content-Length.
  std::optional<ActiveGauge> stream_gauge;
  if (streaming) {
    if (metrics) stream_gauge.emplace(metrics->active_streams());
    ctx.status = status;
    const std::string head =
        response_head(ctx, status, content_type, std::nullopt, keep_alive, extra);
    const std::array<asio::const_buffer, 1> buffers{asio::buffer(head)};
    const bool written = co_await timed_write(ctx, client, buffers);
    if (!written) {
      result.client_ok = false;
      ctx.error_code = "client_disconnected";
      co_return result;
    }
  }

  std::optional<UpstreamError> failure;
  for (;;) {
    const auto t0 = Clock::now();
    auto piece = co_await response.read_some();
    ctx.upstream_time += Clock::now() - t0;
    if (!piece) {
      failure = piece.error();
      break;
    }
    if (piece->empty()) break;
    translator.feed(*piece, out);
    if (!streaming || out.empty()) continue;
    const bool written = co_await write_chunk(false);
    if (!written) {
      // The client went away: returning drops the UpstreamResponse, which cancels upstream.
      result.client_ok = false;
      ctx.usage = translator.usage();
      ctx.error_code = "client_disconnected";
      co_return result;
    }
  }
  translator.finish(!failure, out);
  ctx.usage = translator.usage();
  if (metrics) {
    metrics->observe_upstream_latency(
        metric_id, std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - sent_at));
  }
  if (failure) {
    result.upstream_complete = false;
    ctx.error_code = upstream_error_code(*failure);
    if (metrics) metrics->count_upstream_error(metric_id, failure->kind);
  } else if (status >= 400) {
    ctx.error_code = "upstream_status_" + std::to_string(status);
  }

  if (streaming) {
    result.client_ok = co_await write_chunk(true);
    if (!result.client_ok) ctx.error_code = "client_disconnected";
  } else if (failure) {
    // Nothing of the body has gone out yet: the client gets an error in its own format.
    const auto dialect = adapters::dialect_of(*ctx.api);
    const auto error = make_api_error(
        dialect, 502, upstream_error_code(*failure),
        "The upstream response was cut off: " + std::string(to_string(failure->kind)));
    result.client_ok = co_await write_error(ctx, client, dialect, error, keep_alive);
  } else {
    result.client_ok =
        co_await write_reply(ctx, client, status, content_type, out, keep_alive, extra);
  }
  co_return result;
}

}  // namespace switchyard::proxy
