// Inspects one file in-process, with the proxy's own inspector (no pool: the CLI has nothing else
// to do meanwhile).
#include "proxy/cli/cli_file.h"

#include <fstream>
#include <iterator>

#include "adapters/attachments/data_url.h"
#include "adapters/attachments/media_sniff.h"
#include "common/command_line.h"
#include "proxy/inspection/inspection_pool.h"

namespace switchyard::cli {

FileInspection inspect_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw command_line::UsageError("--file: cannot read " + path);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  attachments::AttachmentLimits limits;
  inspection::AttachmentInput input;
  input.attachment.pointer = path;
  input.attachment.source = attachments::Source::kInline;
  input.attachment.filename = path;
  input.attachment.declared_type = attachments::media_type_of_filename(path);
  input.attachment.document = true;
  input.payload = attachments::encode_base64(bytes);
  input.attachment.encoded_bytes = input.payload.size();
  std::unique_ptr<inspection::OcrEngine> engine;
  inspection::InspectionContext context;
  context.limits = &limits;
  context.ocr = [&]() {
    if (!engine) {
      engine = std::make_unique<inspection::OcrEngine>(
          limits.ocr_data, inspection::tesseract_languages(limits.ocr_languages));
    }
    return engine.get();
  };
  inspection::InspectionOutcome outcome = inspection::inspect_attachments({input}, context);
  FileInspection result;
  result.report = outcome.reports.at(0);
  result.texts = std::move(outcome.texts);
  return result;
}

}  // namespace switchyard::cli
