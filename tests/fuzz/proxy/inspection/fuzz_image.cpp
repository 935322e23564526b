// Our use of Leptonica and Tesseract on hostile bytes, through the inspector as the proxy calls it:
// sniff, read the header (pixel limit before decoding), decode and OCR within a deadline. It must
// neither crash nor hang.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "adapters/attachments/data_url.h"
#include "proxy/inspection/inspector.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace switchyard;
  static attachments::AttachmentLimits limits = [] {
    attachments::AttachmentLimits l;
    l.max_pixels = 400'000;  // keeps each OCR short
    l.ocr_time = std::chrono::milliseconds(2000);
    return l;
  }();
  static std::unique_ptr<inspection::OcrEngine> engine =
      std::make_unique<inspection::OcrEngine>(limits.ocr_data, "eng");
  inspection::AttachmentInput input;
  input.attachment.pointer = "/p";
  input.attachment.source = attachments::Source::kInline;
  input.attachment.declared_type = "image/png";
  input.payload =
      attachments::encode_base64(std::string_view(reinterpret_cast<const char*>(data), size));
  inspection::InspectionContext context;
  context.limits = &limits;
  context.ocr = [] { return engine.get(); };
  context.deadline = inspection::Clock::now() + std::chrono::seconds(5);
  (void)inspection::inspect_attachments({input}, context);
  return 0;
}
