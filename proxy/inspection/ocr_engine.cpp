// Tesseract's C++ API with a monitor (ETEXT_DESC) for the deadline and cancellation. Images are
// decoded by Leptonica from memory: Tesseract is never handed a file name or URL (it could fetch).
#include "proxy/inspection/ocr_engine.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace switchyard::inspection {

void disable_openmp_threads() {
  // libgomp keeps these settings per thread (OpenMP 5 data-environment ICVs): each thread that
  // runs Tesseract sets them for itself. Looked up at run time: the OpenMP runtime is Tesseract's
  // dependency, not ours.
  thread_local bool done = false;
  if (done) return;
  done = true;
  using SetInt = void (*)(int);
  if (auto set = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"))) {
    set(0);
  }
  if (auto set = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"))) set(1);
}

void silence_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
};

namespace {

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

bool cancelled(void* flag, int /*words*/) {
  return flag != nullptr && static_cast<const std::atomic<bool>*>(flag)->load();
}

OcrEngine::Result run(tesseract::TessBaseAPI& api, OcrEngine::Clock::time_point deadline,
                      const std::atomic<bool>* cancel) {
  OcrEngine::Result result;
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - OcrEngine::Clock::now());
  if (left.count() <= 0 || (cancel != nullptr && cancel->load())) {
    api.Clear();
    return result;
  }
  tesseract::ETEXT_DESC monitor;
  monitor.cancel = &cancelled;
  monitor.cancel_this = const_cast<std::atomic<bool>*>(cancel);
  monitor.set_deadline_msecs(static_cast<int32_t>(std::min<std::int64_t>(left.count(), INT32_MAX)));
  const int status = api.Recognize(&monitor);
  const bool stopped =
      monitor.deadline_exceeded() || (cancel != nullptr && cancel->load()) || status != 0;
  // Whatever was recognized before a stop is still text to classify.
  if (char* text = api.GetUTF8Text()) {
    result.text = text;
    delete[] text;
  }
  result.complete = !stopped;
  result.failed =
      status != 0 && !monitor.deadline_exceeded() && !(cancel != nullptr && cancel->load());
  api.Clear();
  return result;
}

}  // namespace

OcrEngine::OcrEngine(const std::string& data_dir, const std::string& languages)
    : impl_(std::make_unique<Impl>()) {
  disable_openmp_threads();
  silence_leptonica();
  // Tesseract prints warnings ("Estimating resolution...") unless told where to put them.
  impl_->api.SetVariable("debug_file", "/dev/null");
  ready_ = impl_->api.Init(data_dir.c_str(), languages.c_str(), tesseract::OEM_DEFAULT) == 0;
  if (ready_) impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
}

OcrEngine::~OcrEngine() {
  if (ready_) impl_->api.End();
}

OcrEngine::Result OcrEngine::recognize_encoded(std::string_view bytes, Clock::time_point deadline,
                                               const std::atomic<bool>* cancel) {
  disable_openmp_threads();  // this thread's settings (an engine may move between threads)
  Result result;
  if (!ready_) {
    result.failed = true;
    return result;
  }
  PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
  if (!pix) {
    result.failed = true;
    return result;
  }
  impl_->api.SetImage(pix.get());
  // Screenshots carry no resolution; Tesseract guesses badly without one.
  if (pixGetXRes(pix.get()) < 50) impl_->api.SetSourceResolution(96);
  return run(impl_->api, deadline, cancel);
}

OcrEngine::Result OcrEngine::recognize_tiff_page(std::string_view bytes, int page,
                                                 Clock::time_point deadline,
                                                 const std::atomic<bool>* cancel) {
  disable_openmp_threads();
  Result result;
  if (!ready_) {
    result.failed = true;
    return result;
  }
  PixPtr pix(pixReadMemTiff(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size(), page));
  if (!pix) {
    result.failed = true;
    return result;
  }
  impl_->api.SetImage(pix.get());
  if (pixGetXRes(pix.get()) < 50) impl_->api.SetSourceResolution(96);
  return run(impl_->api, deadline, cancel);
}

OcrEngine::Result OcrEngine::recognize_gray(const GrayImage& image, Clock::time_point deadline,
                                            const std::atomic<bool>* cancel) {
  disable_openmp_threads();
  Result result;
  if (!ready_) {
    result.failed = true;
    return result;
  }
  impl_->api.SetImage(image.pixels.data(), image.width, image.height, 1, image.stride);
  impl_->api.SetSourceResolution(image.dpi);
  return run(impl_->api, deadline, cancel);
}

}  // namespace switchyard::inspection
