// Magic numbers of the formats clients attach. Checked in order; the first match wins. Text comes
// last: anything that is valid UTF-8 without control bytes is a text document.
#include "adapters/attachments/media_sniff.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace switchyard::attachments {
namespace {

bool starts(std::string_view bytes, std::string_view magic) {
  return bytes.size() >= magic.size() && bytes.substr(0, magic.size()) == magic;
}

bool at(std::string_view bytes, std::size_t offset, std::string_view magic) {
  return bytes.size() >= offset + magic.size() && bytes.substr(offset, magic.size()) == magic;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_copy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

// Length of a valid UTF-8 sequence at bytes[i], or 0.
std::size_t utf8_length(std::string_view bytes, std::size_t i) {
  const auto c = static_cast<unsigned char>(bytes[i]);
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if (c < 0x80) return 1;
  if ((c & 0xe0) == 0xc0) {
    n = 2;
    cp = c & 0x1f;
  } else if ((c & 0xf0) == 0xe0) {
    n = 3;
    cp = c & 0x0f;
  } else if ((c & 0xf8) == 0xf0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > bytes.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(bytes[i + k]);
    if ((cc & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3f);
  }
  static constexpr std::array<std::uint32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

}  // namespace

bool looks_like_text(std::string_view bytes) {
  if (starts(bytes, "\xff\xfe") || starts(bytes, "\xfe\xff")) return bytes.size() % 2 == 0;
  if (starts(bytes, "\xef\xbb\xbf")) bytes.remove_prefix(3);
  std::size_t control = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return false;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    if (c == 0x7f) ++control;
    const std::size_t n = utf8_length(bytes, i);
    if (n == 0) return false;
    i += n;
  }
  // A few stray control bytes happen in real text files (form feeds, escape codes); many do not.
  return control * 100 <= bytes.size();
}

SniffedType sniff_media_type(std::string_view bytes) {
  // PDF readers accept the header anywhere in the first kilobyte.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    return {Kind::kPdf, "application/pdf"};
  }
  if (starts(bytes, "\x89PNG\r\n\x1a\n")) return {Kind::kImage, "image/png"};
  if (starts(bytes, "\xff\xd8\xff")) return {Kind::kImage, "image/jpeg"};
  if (starts(bytes, "GIF87a") || starts(bytes, "GIF89a")) return {Kind::kImage, "image/gif"};
  if (starts(bytes, "RIFF") && at(bytes, 8, "WEBP")) return {Kind::kImage, "image/webp"};
  if (starts(bytes, std::string_view("II*\0", 4)) || starts(bytes, std::string_view("MM\0*", 4))) {
    return {Kind::kImage, "image/tiff"};
  }
  if (starts(bytes, "BM") && bytes.size() > 26) return {Kind::kImage, "image/bmp"};
  if (starts(bytes, "P1\n") || starts(bytes, "P4\n") || starts(bytes, "P5\n") ||
      starts(bytes, "P6\n")) {
    return {Kind::kImage, "image/x-portable-anymap"};
  }
  if (starts(bytes, "RIFF") && at(bytes, 8, "WAVE")) return {Kind::kAudio, "audio/wav"};
  if (starts(bytes, "RIFF") && at(bytes, 8, "AVI ")) return {Kind::kVideo, "video/x-msvideo"};
  if (starts(bytes, "ID3") || (bytes.size() > 2 && static_cast<unsigned char>(bytes[0]) == 0xff &&
                               (static_cast<unsigned char>(bytes[1]) & 0xe0) == 0xe0)) {
    return {Kind::kAudio, "audio/mpeg"};
  }
  if (starts(bytes, "OggS")) return {Kind::kAudio, "audio/ogg"};
  if (starts(bytes, "fLaC")) return {Kind::kAudio, "audio/flac"};
  if (at(bytes, 4, "ftyp")) {
    if (at(bytes, 8, "M4A ") || at(bytes, 8, "M4B ")) return {Kind::kAudio, "audio/mp4"};
    return {Kind::kVideo, "video/mp4"};
  }
  if (starts(bytes, "\x1a\x45\xdf\xa3")) return {Kind::kVideo, "video/webm"};
  if (starts(bytes, "PK\x03\x04")) return {Kind::kFile, "application/zip"};
  if (starts(bytes, "\xd0\xcf\x11\xe0")) return {Kind::kFile, "application/x-ole-storage"};
  if (starts(bytes, "\x1f\x8b")) return {Kind::kFile, "application/gzip"};
  if (!bytes.empty() && looks_like_text(bytes)) {
    std::string_view head = bytes.substr(0, 512);
    while (!head.empty() && (head.front() == ' ' || head.front() == '\n' || head.front() == '\r' ||
                             head.front() == '\t')) {
      head.remove_prefix(1);
    }
    const std::string lowered = lower_copy(head.substr(0, 64));
    if (lowered.starts_with("<!doctype html") || lowered.starts_with("<html")) {
      return {Kind::kText, "text/html"};
    }
    if (lowered.starts_with("<svg") || lowered.starts_with("<?xml")) {
      return {Kind::kText,
              lowered.find("<svg") != std::string::npos ? "image/svg+xml" : "text/xml"};
    }
    return {Kind::kText, "text/plain"};
  }
  return {Kind::kFile, ""};
}

Kind kind_of_media_type(std::string_view media_type) {
  const std::string type = lower_copy(media_type);
  if (type == "application/pdf") return Kind::kPdf;
  if (type == "image/svg+xml") return Kind::kText;
  if (type.starts_with("image/")) return Kind::kImage;
  if (type.starts_with("audio/")) return Kind::kAudio;
  if (type.starts_with("video/")) return Kind::kVideo;
  if (type.starts_with("text/") || type == "application/json" || type == "application/xml" ||
      type == "application/x-ndjson" || type == "application/csv") {
    return Kind::kText;
  }
  return Kind::kFile;
}

std::string media_type_of_filename(std::string_view filename) {
  const auto dot = filename.rfind('.');
  if (dot == std::string_view::npos) return "";
  const std::string ext = lower_copy(filename.substr(dot + 1));
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kTypes = {{
      {"pdf", "application/pdf"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"tif", "image/tiff"},
      {"tiff", "image/tiff"},
      {"txt", "text/plain"},
      {"md", "text/markdown"},
      {"csv", "text/csv"},
      {"json", "application/json"},
      {"html", "text/html"},
      {"htm", "text/html"},
      {"xml", "text/xml"},
      {"wav", "audio/wav"},
      {"mp3", "audio/mpeg"},
      {"mp4", "video/mp4"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (ext == extension) return std::string(type);
  }
  return "";
}

}  // namespace switchyard::attachments
