// Inspects the attachments of one request: decodes each inline payload, reads its real type from
// its bytes, and reads its text (PDF text layer, OCR of images and scanned pages, text documents)
// within the limits of the config. Runs on an inspection pool thread (or inline in the CLI); never
// throws. What could not be read is reported with a reason, never silently skipped.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/attachments/attachment.h"
#include "adapters/attachments/attachment_limits.h"
#include "proxy/inspection/ocr_engine.h"

namespace switchyard::inspection {

using Clock = std::chrono::steady_clock;

struct AttachmentInput {
  attachments::Attachment attachment;
  std::string payload;  // the JSON string as sent (data: URL, base64); "" when the proxy has none
};

// Text read from attachment `attachment`, for a segment at `path` (its pointer with a fragment:
// "#page=3", "#ocr", "#text").
struct ExtractedText {
  std::size_t attachment = 0;
  std::string path;
  std::string text;
};

struct InspectionOutcome {
  std::vector<attachments::AttachmentReport> reports;  // one per input, same order
  std::vector<ExtractedText> texts;
  // The first attachment whose payload is not valid base64 / a valid data: URL (a client error).
  std::optional<std::size_t> malformed;
  bool cancelled = false;  // the cancel flag stopped the work
};

// What the work needs besides its input: the thread's OCR engine (created on first use; may be
// null or not ready when OCR is unavailable), the cancel flag and the request's deadline.
struct InspectionContext {
  const attachments::AttachmentLimits* limits = nullptr;
  std::function<OcrEngine*()> ocr;
  const std::atomic<bool>* cancel = nullptr;
  Clock::time_point deadline = Clock::time_point::max();
};

InspectionOutcome inspect_attachments(const std::vector<AttachmentInput>& inputs,
                                      const InspectionContext& context);

// The report of an attachment whose bytes the proxy does not have or need (remote URL, file id,
// audio, inline text documents): made on the request's own thread, no pool needed.
attachments::AttachmentReport report_without_bytes(const attachments::Attachment& attachment);

// True when the attachment has bytes to decode and inspect on the pool.
bool needs_inspection(const attachments::Attachment& attachment);

// The same report for an attachment whose inspection did not run (queue full, timed out,
// cancelled): over_limit.
attachments::AttachmentReport report_not_inspected(const attachments::Attachment& attachment,
                                                   std::string reason);
// The same report for an attachment whose inspection failed (a reader threw): unreadable.
attachments::AttachmentReport report_failed(const attachments::Attachment& attachment,
                                            std::string reason);

}  // namespace switchyard::inspection
