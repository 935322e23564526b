// `--file PATH` of `switchyard policy explain` and `switchyard classify`: reads a document or a
// screenshot the way the proxy reads an attachment (its type from its bytes; PDF text, OCR, text
// documents), so that compliance staff can check what a file would be judged as.
#pragma once

#include <string>
#include <vector>

#include "adapters/attachments/attachment.h"
#include "proxy/inspection/inspector.h"

namespace switchyard::cli {

struct FileInspection {
  attachments::AttachmentReport report;
  std::vector<inspection::ExtractedText> texts;  // paths are "PATH#page=N", "PATH#ocr", ...
};

// Throws command_line::UsageError (exit 2) when the file cannot be read. Uses the default limits
// (docs/ configuration.md, `attachments:`), OCR in English.
FileInspection inspect_file(const std::string& path);

}  // namespace switchyard::cli
