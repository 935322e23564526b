// The limits and switches of attachment inspection (config `attachments:`, docs/configuration.md).
// Which limit answers 413/422 and which one leaves an attachment uninspected (the policy's
// `uninspected:` handling then applies) is documented in docs/attachments.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::attachments {

// Where Debian installs Tesseract's language data: TESSDATA_PREFIX when set, else the first of
// /usr/share/tesseract-ocr/{5,4.00}/tessdata that exists.
std::string default_ocr_data_dir();

struct AttachmentLimits {
  // Refused with 413 / 422 before any work (the client can fix these).
  std::size_t max_bytes = 20u << 20;  // one attachment, decoded
  std::size_t max_count = 32;         // attachments in one request
  // Work limits: past them an attachment is uninspected (over_limit).
  std::uint32_t max_pages = 200;              // PDF pages read per attachment
  std::uint64_t max_pixels = 40'000'000;      // one image or one rendered page
  std::chrono::milliseconds ocr_time{20000};  // OCR time of one request
  std::chrono::milliseconds timeout{30000};   // one request's inspection, queue wait included
  // The pool: concurrent PDF/OCR jobs (0: one per core) and requests that may wait for one.
  unsigned jobs = 0;
  std::size_t queue = 256;
  // OCR: off leaves images and scanned pages uninspected (unreadable, reason ocr_disabled).
  bool ocr = true;
  std::vector<std::string> ocr_languages = {"eng"};
  std::string ocr_data = default_ocr_data_dir();  // the tessdata directory
  unsigned scan_dpi = 150;  // resolution scanned PDF pages are rendered at for OCR
  // A PDF page whose text layer has fewer visible characters than this is OCR'd as a scan.
  std::size_t scan_text_threshold = 32;
};

}  // namespace switchyard::attachments
