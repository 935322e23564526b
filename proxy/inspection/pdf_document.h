// A PDF read with Poppler (poppler-cpp): open from memory, the text layer of each page, and a page
// rendered to 8-bit grey for OCR when it has no text layer (a scan). One document per thread; the
// library's own global state is initialised once, thread-safely, by poppler-cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::inspection {

// An 8-bit grey image (one byte per pixel, rows `stride` bytes apart).
struct GrayImage {
  int width = 0;
  int height = 0;
  int stride = 0;
  int dpi = 0;
  std::vector<unsigned char> pixels;
};

class PdfDocument {
 public:
  enum class Status { kOk, kEncrypted, kCorrupt };

  // Parses the bytes (which must outlive the document).
  explicit PdfDocument(std::string_view bytes);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  Status status() const { return status_; }
  int pages() const;
  // The text layer of page `index` (0-based), UTF-8, in content-stream order.
  std::string page_text(int index) const;
  // The text of the document information dictionary a viewer shows (title, subject, keywords,
  // author), one per line; "" when there is none.
  std::string info_text() const;
  // The files embedded in the document (PDF attachments), their bytes, at most `max_files` of
  // them; `more` is set when there were others.
  std::vector<std::string> embedded_files(std::size_t max_files, bool* more) const;
  // The page's size in pixels at `dpi`; nullopt when the page cannot be read.
  std::optional<std::pair<std::uint64_t, std::uint64_t>> page_pixels(int index, unsigned dpi) const;
  // The page rendered at `dpi`, nullopt when rendering failed.
  std::optional<GrayImage> render_gray(int index, unsigned dpi) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Status status_ = Status::kCorrupt;
};

// Turns off Poppler's messages on stderr (malformed files are routine input here). Idempotent.
void silence_poppler();

}  // namespace switchyard::inspection
