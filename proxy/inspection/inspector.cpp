// One attachment at a time, in request order, sharing the request's OCR time budget and deadline.
// Reasons are short words (docs/attachments.md lists them); the report keeps the first one.
#include "proxy/inspection/inspector.h"

#include "adapters/attachments/data_url.h"
#include "adapters/attachments/media_sniff.h"
#include "adapters/attachments/text_document.h"
#include "proxy/inspection/image_probe.h"
#include "proxy/inspection/pdf_document.h"

namespace switchyard::inspection {

namespace {

using attachments::AttachmentReport;
using attachments::Inspected;
using attachments::Kind;
using attachments::Source;
using attachments::Uninspected;

void not_read(AttachmentReport& report, Uninspected kind, std::string reason) {
  if (report.uninspected) return;  // the first reason is the one that matters
  report.uninspected = kind;
  report.reason = std::move(reason);
}

std::size_t visible_characters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && (u & 0xc0) != 0x80) ++count;  // count code points, skip spaces and controls
  }
  return count;
}

bool same_type(std::string_view declared, const attachments::SniffedType& sniffed) {
  if (declared.empty() || declared == sniffed.media_type) return true;
  if (declared == "image/jpg" && sniffed.media_type == "image/jpeg") return true;
  // Text is text: text/markdown, text/csv or application/json read as plain text are not
  // mislabeled.
  return sniffed.kind == Kind::kText && attachments::kind_of_media_type(declared) == Kind::kText;
}

class Work {
 public:
  Work(const InspectionContext& context, InspectionOutcome& outcome)
      : context_(context),
        limits_(*context.limits),
        outcome_(outcome),
        ocr_left_(limits_.ocr_time) {}

  void inspect(std::size_t index, const AttachmentInput& input) {
    const attachments::Attachment& a = input.attachment;
    AttachmentReport& report = outcome_.reports[index];
    report.pointer = a.pointer;
    report.kind = attachments::kind_of_media_type(a.declared_type);
    report.media_type = a.declared_type;
    std::optional<std::string> bytes;
    if (a.data_url) {
      if (auto url = attachments::parse_data_url(input.payload)) {
        bytes = attachments::decode_data_url_payload(*url);
      }
    } else {
      bytes = attachments::decode_base64(input.payload);
    }
    if (!bytes) {
      if (!outcome_.malformed && !a.stray) outcome_.malformed = index;
      not_read(report, Uninspected::kUnreadable, "malformed_encoding");
      return;
    }
    report.bytes = bytes->size();
    if (bytes->size() > limits_.max_bytes) {
      not_read(report, Uninspected::kOverLimit, "bytes_over_limit");
      return;
    }
    const attachments::SniffedType sniffed = attachments::sniff_media_type(*bytes);
    report.kind = sniffed.kind;
    if (!sniffed.media_type.empty()) report.media_type = sniffed.media_type;
    if (report.media_type.empty()) report.media_type = "application/octet-stream";
    if (!same_type(a.declared_type, sniffed)) report.declared_type = a.declared_type;
    switch (sniffed.kind) {
      case Kind::kPdf:
        pdf(index, a, *bytes, report);
        break;
      case Kind::kImage:
        image(index, a, *bytes, report);
        break;
      case Kind::kText:
        text(index, a, *bytes, sniffed.media_type, report);
        break;
      case Kind::kAudio:
        not_read(report, Uninspected::kAudioVideo, "audio");
        break;
      case Kind::kVideo:
        not_read(report, Uninspected::kAudioVideo, "video");
        break;
      case Kind::kFile:
        not_read(report, Uninspected::kUnreadable, "unsupported_type");
        break;
    }
  }

 private:
  bool stopped() const {
    return (context_.cancel != nullptr && context_.cancel->load()) ||
           Clock::now() >= context_.deadline;
  }
  std::string stop_reason() const {
    return context_.cancel != nullptr && context_.cancel->load() ? "cancelled" : "timeout";
  }

  void add_text(std::size_t index, const attachments::Attachment& a, std::string fragment,
                std::string text) {
    if (text.empty()) return;
    outcome_.texts.push_back({index, a.pointer + "#" + std::move(fragment), std::move(text)});
  }

  // OCR within what is left of the request's OCR budget and deadline. On an incomplete result the
  // reason says which of the two ran out.
  std::optional<OcrEngine::Result> ocr(
      AttachmentReport& report,
      const std::function<OcrEngine::Result(OcrEngine&, Clock::time_point)>& recognize) {
    if (!limits_.ocr) {
      not_read(report, Uninspected::kUnreadable, "ocr_disabled");
      return std::nullopt;
    }
    OcrEngine* engine = context_.ocr ? context_.ocr() : nullptr;
    if (engine == nullptr || !engine->ready()) {
      not_read(report, Uninspected::kUnreadable, "ocr_unavailable");
      return std::nullopt;
    }
    if (ocr_left_.count() <= 0) {
      not_read(report, Uninspected::kOverLimit, "ocr_time_over_limit");
      return std::nullopt;
    }
    const auto start = Clock::now();
    const auto budget_end = start + ocr_left_;
    const bool budget_first = budget_end < context_.deadline;
    OcrEngine::Result result = recognize(*engine, budget_first ? budget_end : context_.deadline);
    ocr_left_ -= std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    if (result.failed) {
      not_read(report, Uninspected::kUnreadable, "corrupt");
    } else if (!result.complete) {
      if (context_.cancel != nullptr && context_.cancel->load()) {
        not_read(report, Uninspected::kOverLimit, "cancelled");
      } else {
        not_read(report, Uninspected::kOverLimit, budget_first ? "ocr_time_over_limit" : "timeout");
      }
    }
    return result;
  }

  void pdf(std::size_t index, const attachments::Attachment& a, const std::string& bytes,
           AttachmentReport& report) {
    PdfDocument document(bytes);
    if (document.status() != PdfDocument::Status::kOk) {
      not_read(report, Uninspected::kUnreadable,
               document.status() == PdfDocument::Status::kEncrypted ? "encrypted" : "corrupt");
      return;
    }
    const int pages = document.pages();
    report.pages = static_cast<std::uint32_t>(std::max(pages, 0));
    report.inspected = Inspected::kPdfText;
    const int readable = std::min<int>(pages, static_cast<int>(limits_.max_pages));
    for (int page = 0; page < readable; ++page) {
      if (stopped()) {
        not_read(report, Uninspected::kOverLimit, stop_reason());
        return;
      }
      std::string text = document.page_text(page);
      if (visible_characters(text) < limits_.scan_text_threshold) {
        // No text layer to speak of: a scan. Its pixels are read by OCR.
        const auto size = document.page_pixels(page, limits_.scan_dpi);
        if (size && size->first * size->second > limits_.max_pixels) {
          not_read(report, Uninspected::kOverLimit, "pixels_over_limit");
        } else if (size) {
          auto result = ocr(report, [&](OcrEngine& engine, Clock::time_point deadline) {
            auto image = document.render_gray(page, limits_.scan_dpi);
            if (!image) return OcrEngine::Result{{}, false, true};
            return engine.recognize_gray(*image, deadline, context_.cancel);
          });
          if (result) {
            report.inspected = Inspected::kOcr;
            if (!text.empty() && !result->text.empty()) text += '\n';
            text += result->text;
          }
        } else {
          not_read(report, Uninspected::kUnreadable, "corrupt");
        }
      }
      add_text(index, a, "page=" + std::to_string(page + 1), std::move(text));
    }
    if (pages > readable) not_read(report, Uninspected::kOverLimit, "pages_over_limit");
    // Text a reader sees outside the pages: the title and subject a viewer shows, and files
    // attached to the PDF (a CSV travels inside a report as easily as next to it).
    add_text(index, a, "metadata", document.info_text());
    bool more = false;
    const auto files = document.embedded_files(limits_.max_count, &more);
    for (std::size_t i = 0; i < files.size(); ++i) {
      const auto sniffed = attachments::sniff_media_type(files[i]);
      std::optional<std::string> decoded;
      if (sniffed.kind == Kind::kText) {
        decoded = attachments::decode_text_document(files[i], sniffed.media_type);
      }
      if (!decoded) {
        not_read(report, Uninspected::kUnreadable, "embedded_file");
        continue;
      }
      add_text(index, a, "embedded=" + std::to_string(i + 1), std::move(*decoded));
    }
    if (more) not_read(report, Uninspected::kOverLimit, "embedded_files_over_limit");
  }

  void image(std::size_t index, const attachments::Attachment& a, const std::string& bytes,
             AttachmentReport& report) {
    const auto probe = probe_image(bytes);
    if (!probe) {
      not_read(report, Uninspected::kUnreadable, "corrupt");
      return;
    }
    if (probe->width * probe->height > limits_.max_pixels) {
      not_read(report, Uninspected::kOverLimit, "pixels_over_limit");
      return;
    }
    if (probe->format == ImageProbe::Format::kTiff && probe->frames > 1) {
      tiff_pages(index, a, bytes, probe->frames, report);
      return;
    }
    auto result = ocr(report, [&](OcrEngine& engine, Clock::time_point deadline) {
      return engine.recognize_encoded(bytes, deadline, context_.cancel);
    });
    if (!result) return;
    if (!result->failed) report.inspected = Inspected::kOcr;
    add_text(index, a, "ocr", std::move(result->text));
    // Leptonica decodes the first frame of an animation; what the others show was not read.
    if (probe->frames > 1) not_read(report, Uninspected::kUnreadable, "animated");
  }

  // A multi-page TIFF (a fax, a scanner's output): every page OCR'd, like a scanned PDF.
  void tiff_pages(std::size_t index, const attachments::Attachment& a, const std::string& bytes,
                  std::uint32_t pages, AttachmentReport& report) {
    report.pages = pages;
    const std::uint32_t readable = std::min(pages, limits_.max_pages);
    for (std::uint32_t page = 0; page < readable; ++page) {
      if (stopped()) {
        not_read(report, Uninspected::kOverLimit, stop_reason());
        return;
      }
      const auto size = tiff_page_size(bytes, static_cast<int>(page));
      if (!size) {
        not_read(report, Uninspected::kUnreadable, "corrupt");
        continue;
      }
      if (size->width * size->height > limits_.max_pixels) {
        not_read(report, Uninspected::kOverLimit, "pixels_over_limit");
        continue;
      }
      auto result = ocr(report, [&](OcrEngine& engine, Clock::time_point deadline) {
        return engine.recognize_tiff_page(bytes, static_cast<int>(page), deadline, context_.cancel);
      });
      if (!result) return;  // OCR off or out of budget: the rest cannot be read either
      if (!result->failed) report.inspected = Inspected::kOcr;
      add_text(index, a, "page=" + std::to_string(page + 1), std::move(result->text));
    }
    if (pages > readable) not_read(report, Uninspected::kOverLimit, "pages_over_limit");
  }

  void text(std::size_t index, const attachments::Attachment& a, const std::string& bytes,
            const std::string& media_type, AttachmentReport& report) {
    auto decoded = attachments::decode_text_document(bytes, media_type);
    if (!decoded) {
      not_read(report, Uninspected::kUnreadable, "corrupt");
      return;
    }
    report.inspected = Inspected::kText;
    add_text(index, a, "text", std::move(*decoded));
  }

  const InspectionContext& context_;
  const attachments::AttachmentLimits& limits_;
  InspectionOutcome& outcome_;
  std::chrono::milliseconds ocr_left_;
};

Kind declared_kind(const attachments::Attachment& a) {
  if (a.declared_type.empty()) return a.document ? Kind::kFile : Kind::kImage;
  return attachments::kind_of_media_type(a.declared_type);
}

}  // namespace

bool needs_inspection(const attachments::Attachment& attachment) {
  return attachment.source == Source::kInline;
}

AttachmentReport report_without_bytes(const attachments::Attachment& a) {
  AttachmentReport report;
  report.pointer = a.pointer;
  report.kind = declared_kind(a);
  report.media_type = a.declared_type;
  switch (a.source) {
    case Source::kInlineText:
    case Source::kContent:
      report.kind = Kind::kText;
      report.bytes = a.encoded_bytes;
      report.inspected = Inspected::kText;  // classified with the body's text
      break;
    case Source::kRemoteUrl:
      report.uninspected = Uninspected::kRemoteUrl;
      report.reason = "remote_url";
      break;
    case Source::kFileReference:
      report.uninspected = Uninspected::kFileReference;
      report.reason = "file_reference";
      break;
    case Source::kAudioVideo:
      report.kind = report.kind == Kind::kVideo ? Kind::kVideo : Kind::kAudio;
      report.bytes = a.encoded_bytes / 4 * 3;
      report.uninspected = Uninspected::kAudioVideo;
      report.reason = report.kind == Kind::kVideo ? "video" : "audio";
      break;
    case Source::kInline:
      break;
  }
  return report;
}

AttachmentReport report_not_inspected(const attachments::Attachment& a, std::string reason) {
  AttachmentReport report;
  report.pointer = a.pointer;
  report.kind = declared_kind(a);
  report.media_type = a.declared_type;
  report.bytes = a.encoded_bytes / 4 * 3;
  report.uninspected = Uninspected::kOverLimit;
  report.reason = std::move(reason);
  return report;
}

AttachmentReport report_failed(const attachments::Attachment& a, std::string reason) {
  AttachmentReport report = report_not_inspected(a, std::move(reason));
  report.uninspected = Uninspected::kUnreadable;
  return report;
}

InspectionOutcome inspect_attachments(const std::vector<AttachmentInput>& inputs,
                                      const InspectionContext& context) {
  InspectionOutcome outcome;
  outcome.reports.resize(inputs.size());
  Work work(context, outcome);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& a = inputs[i].attachment;
    if (!needs_inspection(a)) {
      outcome.reports[i] = report_without_bytes(a);
      continue;
    }
    if ((context.cancel != nullptr && context.cancel->load()) || Clock::now() >= context.deadline) {
      const bool cancelled = context.cancel != nullptr && context.cancel->load();
      outcome.cancelled = outcome.cancelled || cancelled;
      outcome.reports[i] = report_not_inspected(a, cancelled ? "cancelled" : "timeout");
      continue;
    }
    work.inspect(i, inputs[i]);
  }
  if (context.cancel != nullptr && context.cancel->load()) outcome.cancelled = true;
  return outcome;
}

}  // namespace switchyard::inspection
