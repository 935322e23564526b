// GIF (87a/89a) block structure and the BMP file header are walked by hand (both are a few fixed
// fields); TIFF directories are read by Leptonica's libtiff calls, which do not decode pixels.
#include "proxy/inspection/image_probe.h"

#include "proxy/inspection/ocr_engine.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace switchyard::inspection {
namespace {

std::uint32_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}

std::uint32_t le32(std::string_view b, std::size_t at) {
  return le16(b, at) | le16(b, at + 2) << 16;
}

// Skips a chain of data sub-blocks (length byte, bytes; a zero length ends it). False when the
// chain runs past the end.
bool skip_sub_blocks(std::string_view b, std::size_t& pos) {
  while (pos < b.size()) {
    const auto n = static_cast<unsigned char>(b[pos++]);
    if (n == 0) return true;
    pos += n;
  }
  return false;
}

std::optional<ImageProbe> probe_gif(std::string_view b) {
  if (b.size() < 13) return std::nullopt;
  ImageProbe probe;
  probe.format = ImageProbe::Format::kGif;
  probe.width = le16(b, 6);
  probe.height = le16(b, 8);
  probe.frames = 0;
  std::size_t pos = 13;
  if (const auto flags = static_cast<unsigned char>(b[10]); flags & 0x80) {
    pos += 3u << ((flags & 7) + 1);  // global color table
  }
  while (pos < b.size()) {
    const auto introducer = static_cast<unsigned char>(b[pos]);
    if (introducer == 0x2c) {  // image descriptor: one frame
      if (pos + 10 > b.size()) break;
      ++probe.frames;
      probe.width = std::max<std::uint64_t>(probe.width, le16(b, pos + 1) + le16(b, pos + 5));
      probe.height = std::max<std::uint64_t>(probe.height, le16(b, pos + 3) + le16(b, pos + 7));
      const auto flags = static_cast<unsigned char>(b[pos + 9]);
      pos += 10;
      if (flags & 0x80) pos += 3u << ((flags & 7) + 1);  // local color table
      pos += 1;                                          // LZW minimum code size
      if (!skip_sub_blocks(b, pos)) break;
    } else if (introducer == 0x21) {  // extension: label, then sub-blocks
      pos += 2;
      if (!skip_sub_blocks(b, pos)) break;
    } else {
      break;  // trailer (0x3b) or bytes that are no GIF block
    }
  }
  if (probe.width == 0 || probe.height == 0) return std::nullopt;
  probe.frames = std::max<std::uint32_t>(probe.frames, 1);
  return probe;
}

std::optional<ImageProbe> probe_bmp(std::string_view b) {
  if (b.size() < 26) return std::nullopt;
  ImageProbe probe;
  if (le32(b, 14) == 12) {  // OS/2 BITMAPCOREHEADER: 16-bit sizes
    probe.width = le16(b, 18);
    probe.height = le16(b, 20);
  } else {
    const auto width = static_cast<std::int32_t>(le32(b, 18));
    const auto height = static_cast<std::int32_t>(le32(b, 22));  // negative: top-down rows
    if (width <= 0 || height == 0 || height == INT32_MIN) return std::nullopt;
    probe.width = static_cast<std::uint64_t>(width);
    probe.height = static_cast<std::uint64_t>(std::abs(height));
  }
  if (probe.width == 0 || probe.height == 0) return std::nullopt;
  return probe;
}

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};

}  // namespace

std::optional<PageSize> tiff_page_size(std::string_view bytes, int page) {
  l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
  if (readHeaderMemTiff(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size(), page, &w, &h,
                        &bps, &spp, &res, &cmap, &format) != 0 ||
      w <= 0 || h <= 0) {
    return std::nullopt;
  }
  return PageSize{static_cast<std::uint64_t>(w), static_cast<std::uint64_t>(h)};
}

std::optional<ImageProbe> probe_image(std::string_view bytes) {
  silence_leptonica();
  if (bytes.size() < 8) return std::nullopt;
  if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return probe_gif(bytes);
  if (bytes.starts_with("BM")) return probe_bmp(bytes);
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, iscmap = 0;
  if (pixReadHeaderMem(data, bytes.size(), &format, &w, &h, &bps, &spp, &iscmap) != 0 || w <= 0 ||
      h <= 0) {
    return std::nullopt;
  }
  ImageProbe probe;
  probe.width = static_cast<std::uint64_t>(w);
  probe.height = static_cast<std::uint64_t>(h);
  const bool tiff = bytes.starts_with(std::string_view("II*\0", 4)) ||
                    bytes.starts_with(std::string_view("MM\0*", 4));
  if (tiff) {
    probe.format = ImageProbe::Format::kTiff;
    std::unique_ptr<FILE, FileCloser> file(fopenReadFromMemory(data, bytes.size()));
    l_int32 pages = 0;
    if (!file || tiffGetCount(file.get(), &pages) != 0 || pages < 1) return std::nullopt;
    probe.frames = static_cast<std::uint32_t>(pages);
  }
  return probe;
}

}  // namespace switchyard::inspection
