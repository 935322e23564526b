// Poppler's C++ wrapper. A document that needs a user password is "encrypted"; one that is
// encrypted only against editing (an owner password) opens and is read like any other.
#include "proxy/inspection/pdf_document.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-embedded-file.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstring>
#include <mutex>

namespace switchyard::inspection {

struct PdfDocument::Impl {
  std::unique_ptr<poppler::document> document;
};

void silence_poppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

PdfDocument::PdfDocument(std::string_view bytes) : impl_(std::make_unique<Impl>()) {
  silence_poppler();
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return;
  impl_->document.reset(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!impl_->document) {
    // Poppler says only "could not open": an /Encrypt dictionary tells the two apart.
    status_ =
        bytes.find("/Encrypt") != std::string_view::npos ? Status::kEncrypted : Status::kCorrupt;
    return;
  }
  if (impl_->document->is_locked()) {
    status_ = Status::kEncrypted;
    return;
  }
  status_ = Status::kOk;
}

PdfDocument::~PdfDocument() = default;

int PdfDocument::pages() const { return status_ == Status::kOk ? impl_->document->pages() : 0; }

std::string PdfDocument::page_text(int index) const {
  std::unique_ptr<poppler::page> page(impl_->document->create_page(index));
  if (!page) return {};
  const poppler::byte_array utf8 =
      page->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
  return std::string(utf8.data(), utf8.size());
}

std::string PdfDocument::info_text() const {
  std::string out;
  const poppler::document& d = *impl_->document;
  for (const poppler::ustring& value :
       {d.get_title(), d.get_subject(), d.get_keywords(), d.get_author()}) {
    const poppler::byte_array utf8 = value.to_utf8();
    if (utf8.empty()) continue;
    if (!out.empty()) out += '\n';
    out.append(utf8.data(), utf8.size());
  }
  return out;
}

std::vector<std::string> PdfDocument::embedded_files(std::size_t max_files, bool* more) const {
  std::vector<std::string> out;
  *more = false;
  if (!impl_->document->has_embedded_files()) return out;
  // The document owns the embedded_file objects.
  for (const poppler::embedded_file* file : impl_->document->embedded_files()) {
    if (out.size() == max_files) {
      *more = true;
      break;
    }
    if (file == nullptr || !file->is_valid()) {
      out.emplace_back();
      continue;
    }
    const poppler::byte_array data = file->data();
    out.emplace_back(data.data(), data.size());
  }
  return out;
}

std::optional<std::pair<std::uint64_t, std::uint64_t>> PdfDocument::page_pixels(
    int index, unsigned dpi) const {
  std::unique_ptr<poppler::page> page(impl_->document->create_page(index));
  if (!page) return std::nullopt;
  const poppler::rectf box = page->page_rect(poppler::media_box);
  const double width = std::abs(box.width()) * dpi / 72.0;
  const double height = std::abs(box.height()) * dpi / 72.0;
  if (!std::isfinite(width) || !std::isfinite(height) || width > 1e9 || height > 1e9) {
    return std::pair<std::uint64_t, std::uint64_t>{UINT32_MAX, UINT32_MAX};
  }
  return std::pair<std::uint64_t, std::uint64_t>{static_cast<std::uint64_t>(width) + 1,
                                                 static_cast<std::uint64_t>(height) + 1};
}

std::optional<GrayImage> PdfDocument::render_gray(int index, unsigned dpi) const {
  std::unique_ptr<poppler::page> page(impl_->document->create_page(index));
  if (!page) return std::nullopt;
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) return std::nullopt;
  GrayImage out;
  out.width = image.width();
  out.height = image.height();
  out.stride = image.bytes_per_row();
  out.dpi = static_cast<int>(dpi);
  const auto size = static_cast<std::size_t>(out.stride) * static_cast<std::size_t>(out.height);
  out.pixels.resize(size);
  std::memcpy(out.pixels.data(), image.const_data(), size);
  return out;
}

}  // namespace switchyard::inspection
