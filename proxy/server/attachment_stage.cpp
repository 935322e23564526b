// The attachment stage. The wait is one composed operation on the worker's executor: whichever of
// (task done, deadline timer, client closed) comes first completes it; the others are cancelled.
#include "proxy/server/attachment_stage.h"

#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include "adapters/attachments/data_url.h"
#include "proxy/inspection/inspection_pool.h"
#include "proxy/server/decision.h"
#include "proxy/server/request_context.h"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"  // see pipeline.cpp
#endif

namespace switchyard::proxy {

namespace asio = boost::asio;
using attachments::AttachmentReport;
using inspection::InspectionTask;

namespace {

enum class WaitEnd { kDone, kTimeout, kClientGone };

// Completes once: the task finished, its deadline passed, or the client went away. In the last two
// cases the task's cancel flag is set, so the pool drops or stops it.
asio::awaitable<WaitEnd> wait_for(std::shared_ptr<InspectionTask> task,
                                  inspection::InspectionPool& pool, ClientWriter& client,
                                  bool& submitted) {
  auto executor = co_await asio::this_coro::executor;
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(WaitEnd)>(
      [&](auto handler) {
        using Handler = std::decay_t<decltype(handler)>;
        struct State {
          State(asio::any_io_executor ex, Handler h) : timer(ex), handler(std::move(h)) {}
          asio::steady_timer timer;
          std::optional<Handler> handler;
          bool finished = false;
        };
        auto state = std::make_shared<State>(executor, std::move(handler));
        ClientWriter* writer = &client;
        // The task holds `done`, which holds this: a weak reference back avoids a cycle.
        std::weak_ptr<InspectionTask> weak = task;
        auto finish = [state, weak, writer](WaitEnd end) {
          if (state->finished) return;
          state->finished = true;
          state->timer.cancel();
          writer->stop_watching();
          if (end != WaitEnd::kDone) {
            if (auto t = weak.lock()) t->cancel.store(true);
          }
          auto h = std::move(*state->handler);
          state->handler.reset();
          std::move(h)(end);
        };
        task->done = [executor, finish]() {
          asio::post(executor, [finish] { finish(WaitEnd::kDone); });
        };
        submitted = pool.submit(task);
        if (!submitted) {
          asio::post(executor, [finish] { finish(WaitEnd::kDone); });
          return;
        }
        state->timer.expires_at(task->deadline);
        state->timer.async_wait([finish](boost::system::error_code ec) {
          if (!ec) finish(WaitEnd::kTimeout);
        });
        writer->watch_for_close([executor, finish] {
          asio::post(executor, [finish] { finish(WaitEnd::kClientGone); });
        });
      },
      asio::use_awaitable);
}

// The text of a JSON string in the body, by pointer ("" when absent).
std::string payload_at(const boost::json::value& body, const std::string& pointer) {
  if (pointer.empty()) return {};
  boost::system::error_code ec;
  const boost::json::value* v = body.find_pointer(pointer, ec);
  if (ec || v == nullptr || !v->is_string()) return {};
  return std::string(v->get_string());
}

std::string_view api_word(adapters::Dialect d) {
  return d == adapters::Dialect::kAnthropic ? "block" : "part";
}

}  // namespace

std::string field_of_pointer(std::string_view pointer) {
  std::string out;
  std::size_t i = 0;
  while (i < pointer.size()) {
    if (pointer[i] != '/') break;
    std::size_t end = pointer.find('/', i + 1);
    if (end == std::string_view::npos) end = pointer.size();
    std::string_view token = pointer.substr(i + 1, end - i - 1);
    const bool index =
        !token.empty() && token.find_first_not_of("0123456789") == std::string_view::npos;
    if (index) {
      out += '[';
      out += token;
      out += ']';
    } else {
      if (!out.empty()) out += '.';
      for (std::size_t k = 0; k < token.size(); ++k) {
        if (token[k] == '~' && k + 1 < token.size()) {
          out += token[k + 1] == '1' ? '/' : '~';
          ++k;
        } else {
          out += token[k];
        }
      }
    }
    i = end;
  }
  return out;
}

asio::awaitable<AttachmentStageResult> inspect_attachments_stage(RequestContext& ctx,
                                                                 ClientWriter& client,
                                                                 inspection::InspectionPool* pool) {
  const auto& limits = ctx.worker.shared.config->attachments;
  const auto& found = ctx.parsed.attachments;
  const adapters::Dialect dialect = adapters::dialect_of(*ctx.api);
  AttachmentStageResult result;
  // Limits the client can fix, answered before any work (docs/attachments.md).
  if (found.size() > limits.max_count) {
    result.end = AttachmentStageEnd::kError;
    result.error = make_api_error(dialect, 422, "too_many_attachments",
                                  "The request carries " + std::to_string(found.size()) +
                                      " attachments; this proxy inspects at most " +
                                      std::to_string(limits.max_count) + " per request");
    co_return result;
  }
  for (const auto& a : found) {
    if (a.source == attachments::Source::kInline && a.encoded_bytes / 4 * 3 > limits.max_bytes) {
      result.end = AttachmentStageEnd::kError;
      result.error = make_api_error(dialect, 413, "attachment_too_large",
                                    "The attachment at " + field_of_pointer(a.pointer) +
                                        " is about " + std::to_string(a.encoded_bytes / 4 * 3) +
                                        " bytes; this proxy accepts attachments " + "of at most " +
                                        std::to_string(limits.max_bytes) + " bytes",
                                    field_of_pointer(a.pointer));
      co_return result;
    }
  }

  ctx.attachments.resize(found.size());
  auto task = std::make_shared<InspectionTask>();
  std::vector<std::size_t> pooled;  // task input i is attachment pooled[i]
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!inspection::needs_inspection(found[i])) {
      ctx.attachments[i] = inspection::report_without_bytes(found[i]);
      continue;
    }
    pooled.push_back(i);
    task->inputs.push_back({found[i], payload_at(ctx.parsed.body, found[i].data_pointer)});
  }
  if (pooled.empty()) co_return result;

  task->deadline = std::chrono::steady_clock::now() + limits.timeout;
  WaitEnd end = WaitEnd::kDone;
  bool submitted = false;
  if (pool != nullptr) end = co_await wait_for(task, *pool, client, submitted);
  if (end == WaitEnd::kClientGone) {
    result.end = AttachmentStageEnd::kClientGone;
    co_return result;
  }
  if (!submitted || end == WaitEnd::kTimeout) {
    // Not read: over the pool's queue or the request's deadline. The policy's uninspected
    // handling (over_limit) decides; the request itself goes on.
    const char* reason = !submitted ? "busy" : "timeout";
    for (std::size_t k = 0; k < pooled.size(); ++k) {
      ctx.attachments[pooled[k]] = inspection::report_not_inspected(found[pooled[k]], reason);
    }
    co_return result;
  }
  const inspection::InspectionOutcome& outcome = task->outcome;
  if (outcome.reports.size() != pooled.size()) {
    // Never expected (the pool reports every input); if it happens, nothing counts as read.
    for (std::size_t k = 0; k < pooled.size(); ++k) {
      ctx.attachments[pooled[k]] = inspection::report_failed(found[pooled[k]], "internal_error");
    }
    co_return result;
  }
  if (outcome.malformed) {
    const auto& a = found[pooled[*outcome.malformed]];
    result.end = AttachmentStageEnd::kError;
    result.error = make_api_error(dialect, 400, "invalid_attachment",
                                  "The attachment " + std::string(api_word(dialect)) + " at " +
                                      field_of_pointer(a.pointer) + " is not valid " +
                                      (a.data_url ? "data: URL" : "base64") + " data",
                                  field_of_pointer(a.pointer));
    co_return result;
  }
  for (std::size_t k = 0; k < pooled.size(); ++k) {
    ctx.attachments[pooled[k]] = outcome.reports[k];
  }
  for (const auto& text : outcome.texts) {
    adapters::TextSegment segment;
    segment.path = text.path;
    segment.text = text.text;
    segment.attachment = static_cast<std::int32_t>(pooled[text.attachment]);
    ctx.parsed.segments.push_back(std::move(segment));
  }
  co_return result;
}

std::vector<std::pair<std::string, std::string>> documents_as_text(const RequestContext& ctx) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto& found = ctx.parsed.attachments;
  for (std::size_t i = 0; i < found.size() && i < ctx.attachments.size(); ++i) {
    const attachments::Attachment& a = found[i];
    // Content documents are blocks already; inline text documents are text already, but an
    // upstream of the other API needs them as a part of its own (translate_request does that).
    if (!a.document || a.source == attachments::Source::kContent ||
        a.source == attachments::Source::kInlineText) {
      continue;
    }
    const AttachmentReport& report = ctx.attachments[i];
    const std::string name = a.filename.empty() ? report.media_type : a.filename;
    std::string text = "[Attached document" + (name.empty() ? std::string() : ": " + name);
    if (report.inspected == attachments::Inspected::kNone) {
      text += "; the proxy could not read it (" + report.reason + ")]";
    } else {
      text += "; its text as read by the proxy";
      if (report.pages > 0) text += ", " + std::to_string(report.pages) + " pages";
      text += "]";
      for (const auto& segment : ctx.parsed.segments) {
        if (segment.attachment != static_cast<std::int32_t>(i)) continue;
        text += "\n\n";
        text += segment.text;
      }
    }
    out.emplace_back(a.pointer, std::move(text));
  }
  return out;
}

UninspectedVerdict uninspected_verdict(const RequestContext& ctx) {
  UninspectedVerdict verdict;
  if (ctx.attachments.empty() || !ctx.policy) return verdict;
  for (const AttachmentReport& report : ctx.attachments) {
    if (!report.uninspected) continue;
    const auto kind = static_cast<policy::UninspectedKind>(*report.uninspected);
    const policy::Handling handling = ctx.policy->uninspected_handling(kind);
    if (verdict.where.empty() || handling > verdict.handling) {
      verdict.handling = handling;
      verdict.where = field_of_pointer(report.pointer);
      verdict.reason = report.reason;
    }
  }
  return verdict;
}

static_assert(policy::kUninspectedKinds == attachments::kUninspectedCount);
static_assert(static_cast<int>(policy::UninspectedKind::kOverLimit) ==
              static_cast<int>(attachments::Uninspected::kOverLimit));

}  // namespace switchyard::proxy
