// An encoded image measured from its headers, before anything is decoded: its size in pixels and
// how many frames (GIF) or pages (TIFF) it holds, so that a decompression bomb is refused by
// `max_pixels` and no later frame or page goes unread without the report saying so. Leptonica
// decodes GIF and BMP files in full to answer a header query, so those two headers are read here.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace switchyard::inspection {

struct ImageProbe {
  enum class Format { kTiff, kGif, kOther };
  Format format = Format::kOther;
  std::uint64_t width = 0;  // the largest extent any frame or the canvas reaches
  std::uint64_t height = 0;
  std::uint32_t frames = 1;  // GIF frames or TIFF pages
};

// nullopt when the header cannot be read (not an image Leptonica knows, or cut short).
std::optional<ImageProbe> probe_image(std::string_view bytes);

struct PageSize {
  std::uint64_t width = 0;
  std::uint64_t height = 0;
};
// The size of page `page` (0-based) of a multi-page TIFF, from its directory.
std::optional<PageSize> tiff_page_size(std::string_view bytes, int page);

}  // namespace switchyard::inspection
