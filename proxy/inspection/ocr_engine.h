// OCR with Tesseract over Leptonica. One OcrEngine per thread (Tesseract's API object is not
// thread-safe); it loads its languages once and is reused for every image that thread reads. Every
// recognition runs single-threaded (see disable_openmp_threads) and stops at a deadline or when
// the request's cancel flag is set.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proxy/inspection/pdf_document.h"

namespace switchyard::inspection {

class OcrEngine {
 public:
  using Clock = std::chrono::steady_clock;
  struct Result {
    std::string text;
    bool complete = false;  // false: stopped by the deadline or the cancel flag, or failed
    bool failed = false;    // the image could not be decoded or recognized
  };

  // `languages` as Tesseract takes them ("eng+deu"); `data_dir` holds their .traineddata files.
  OcrEngine(const std::string& data_dir, const std::string& languages);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  bool ready() const { return ready_; }
  // An encoded image (PNG, JPEG, GIF, TIFF, WebP, BMP, PNM).
  Result recognize_encoded(std::string_view bytes, Clock::time_point deadline,
                           const std::atomic<bool>* cancel);
  // Page `page` (0-based) of a multi-page TIFF.
  Result recognize_tiff_page(std::string_view bytes, int page, Clock::time_point deadline,
                             const std::atomic<bool>* cancel);
  // A page rendered by PdfDocument.
  Result recognize_gray(const GrayImage& image, Clock::time_point deadline,
                        const std::atomic<bool>* cancel);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool ready_ = false;
};

// Tesseract parallelizes with OpenMP, which would multiply each job's threads on top of the pool's
// (3x slower in wall time under load, measured). Sets the calling thread's OpenMP max-active-levels
// to 0 (and its thread count to 1), so every parallel region it starts runs on the thread itself.
// Once per thread; does nothing without OpenMP. The recognize calls call it.
void disable_openmp_threads();

// Turns off Leptonica's messages on stderr. Idempotent.
void silence_leptonica();

}  // namespace switchyard::inspection
