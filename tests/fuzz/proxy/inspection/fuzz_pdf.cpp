// Our use of Poppler on hostile bytes: open, count pages, read the text layer, measure and render
// a page (at a low resolution, so each input stays fast). It must neither crash nor hang; the
// timeout budget per input is recorded in docs/attachments.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "proxy/inspection/pdf_document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using switchyard::inspection::PdfDocument;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  PdfDocument document(bytes);
  if (document.status() != PdfDocument::Status::kOk) return 0;
  const int pages = std::min(document.pages(), 4);
  for (int page = 0; page < pages; ++page) {
    (void)document.page_text(page);
    const auto size_at = document.page_pixels(page, 18);
    if (size_at && size_at->first * size_at->second <= 250'000) {
      (void)document.render_gray(page, 18);
    }
  }
  return 0;
}
