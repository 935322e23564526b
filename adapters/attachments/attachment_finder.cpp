// The attachment shapes of each API. An unrecognized source type or a part that names no content
// is still an attachment (uninspected: the proxy cannot tell what the upstream will fetch).
#include "adapters/attachments/attachment_finder.h"

#include <boost/json.hpp>

#include "adapters/attachments/data_url.h"
#include "adapters/attachments/media_sniff.h"

namespace switchyard::attachments {
namespace {

namespace json = boost::json;

std::string_view string_of(const json::object& object, std::string_view key) {
  if (const json::value* v = object.if_contains(key); v != nullptr && v->is_string()) {
    return {v->get_string().data(), v->get_string().size()};
  }
  return {};
}

const json::object* object_of(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  return v != nullptr ? v->if_object() : nullptr;
}

std::string child(std::string_view pointer, std::string_view key) {
  std::string out(pointer);
  out.push_back('/');
  out.append(key);  // our keys have no '~' or '/'
  return out;
}

bool is_http_url(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://");
}

// A URL-valued payload (image_url.url, Responses image_url, file_url): a data: URL is inline;
// anything else is remote and never fetched.
void from_url(Attachment& a, std::string_view url, std::string data_pointer) {
  if (is_data_url(url)) {
    a.source = Source::kInline;
    a.data_url = true;
    a.data_pointer = std::move(data_pointer);
    if (auto parsed = parse_data_url(url)) a.declared_type = parsed->media_type;
    a.encoded_bytes = url.size();
    return;
  }
  a.source = Source::kRemoteUrl;
  a.data_pointer = std::move(data_pointer);
  a.encoded_bytes = 0;
  if (a.declared_type.empty() && is_http_url(url)) {
    // Only a hint for the record: the proxy never fetches the URL.
    std::string_view path = url;
    if (const auto query = path.find_first_of("?#"); query != std::string_view::npos) {
      path = path.substr(0, query);
    }
    a.declared_type = media_type_of_filename(path);
  }
}

// OpenAI file_data: a data: URL, or bare base64 (the type then comes from the file name).
void from_file_data(Attachment& a, std::string_view data, std::string data_pointer) {
  a.source = Source::kInline;
  a.data_pointer = std::move(data_pointer);
  a.encoded_bytes = data.size();
  if (is_data_url(data)) {
    a.data_url = true;
    if (auto parsed = parse_data_url(data)) a.declared_type = parsed->media_type;
  } else if (a.declared_type.empty()) {
    a.declared_type = media_type_of_filename(a.filename);
  }
}

std::optional<Attachment> anthropic_block(const json::object& block, std::string_view pointer,
                                          bool document) {
  const json::object* source = object_of(block, "source");
  if (source == nullptr) return std::nullopt;
  Attachment a;
  a.pointer = std::string(pointer);
  a.document = document;
  a.filename = std::string(string_of(block, "title"));
  a.declared_type = normalize_media_type(string_of(*source, "media_type"));
  const std::string source_pointer = child(pointer, "source");
  const std::string_view kind = string_of(*source, "type");
  if (kind == "base64") {
    a.source = Source::kInline;
    a.data_pointer = child(source_pointer, "data");
    a.encoded_bytes = string_of(*source, "data").size();
  } else if (kind == "text") {
    a.source = Source::kInlineText;
    a.data_pointer = child(source_pointer, "data");
    a.encoded_bytes = string_of(*source, "data").size();
    if (a.declared_type.empty()) a.declared_type = "text/plain";
  } else if (kind == "content") {
    a.source = Source::kContent;
    a.declared_type = "text/plain";
  } else if (kind == "url") {
    from_url(a, string_of(*source, "url"), child(source_pointer, "url"));
    if (a.source == Source::kInline) a.data_url = true;
  } else {
    // "file" (a file id), or a source type this proxy does not know: the bytes are elsewhere.
    a.source = Source::kFileReference;
  }
  return a;
}

}  // namespace

std::optional<Attachment> find_attachment(const json::object& object, std::string_view type,
                                          std::string_view pointer) {
  if (type.empty()) return std::nullopt;
  switch (type[0]) {
    case 'i':
      break;
    case 'd':
      if (type == "document") return anthropic_block(object, pointer, true);
      return std::nullopt;
    case 'f':
      if (type != "file") return std::nullopt;
      {
        // Chat: {"type":"file","file":{"file_data"|"file_id", "filename"}}
        const json::object* file = object_of(object, "file");
        if (file == nullptr) return std::nullopt;
        Attachment a;
        a.pointer = std::string(pointer);
        a.document = true;
        a.filename = std::string(string_of(*file, "filename"));
        const std::string file_pointer = child(pointer, "file");
        if (const std::string_view data = string_of(*file, "file_data"); !data.empty()) {
          from_file_data(a, data, child(file_pointer, "file_data"));
        } else {
          a.source = Source::kFileReference;
          a.declared_type = media_type_of_filename(a.filename);
        }
        return a;
      }
    default:
      return std::nullopt;
  }
  if (type == "image") return anthropic_block(object, pointer, false);
  Attachment a;
  a.pointer = std::string(pointer);
  if (type == "image_url") {
    // Chat: {"image_url":{"url":...}}; some clients send {"image_url":"..."}.
    if (const json::object* image = object_of(object, "image_url")) {
      from_url(a, string_of(*image, "url"), child(child(pointer, "image_url"), "url"));
    } else {
      from_url(a, string_of(object, "image_url"), child(pointer, "image_url"));
    }
    return a;
  }
  if (type == "input_image") {
    if (const std::string_view url = string_of(object, "image_url"); !url.empty()) {
      from_url(a, url, child(pointer, "image_url"));
    } else {
      a.source = Source::kFileReference;
    }
    return a;
  }
  if (type == "input_file") {
    a.document = true;
    a.filename = std::string(string_of(object, "filename"));
    if (const std::string_view data = string_of(object, "file_data"); !data.empty()) {
      from_file_data(a, data, child(pointer, "file_data"));
    } else if (const std::string_view url = string_of(object, "file_url"); !url.empty()) {
      from_url(a, url, child(pointer, "file_url"));
    } else {
      a.source = Source::kFileReference;
      a.declared_type = media_type_of_filename(a.filename);
    }
    return a;
  }
  if (type == "input_audio") {
    a.source = Source::kAudioVideo;
    if (const json::object* audio = object_of(object, "input_audio")) {
      const std::string_view format = string_of(*audio, "format");
      a.declared_type =
          format.empty() ? "audio/unknown" : normalize_media_type("audio/" + std::string(format));
      if (a.declared_type.empty()) a.declared_type = "audio/unknown";
      a.data_pointer = child(child(pointer, "input_audio"), "data");
      a.encoded_bytes = string_of(*audio, "data").size();
    } else {
      a.declared_type = "audio/unknown";
    }
    return a;
  }
  return std::nullopt;
}

bool is_payload_string(std::string_view value, bool* binary) {
  // A data: URL whose header is a media type (or none): not prose that happens to start "data:".
  const std::string_view header = value.substr(0, value.find(','));
  auto url = parse_data_url(value);
  if (url && header.find_first_of(" \t\r\n") == std::string_view::npos &&
      (url->media_type.empty() == (header.size() <= 5 || header[5] == ';'))) {
    const Kind kind = kind_of_media_type(url->media_type);
    *binary = kind != Kind::kText && (url->base64 || kind != Kind::kFile);
    return true;
  }
  // Bare base64: long, nothing outside the alphabet, and a binary format's magic number at the
  // start. 64 characters hold 48 bytes, enough for every magic number sniff_media_type knows.
  constexpr std::size_t kMinimum = 64;
  if (value.size() < kMinimum) return false;
  for (const char c : value) {
    const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=' || c == '-' ||
                          c == '_' || c == '\n' || c == '\r';
    if (!alphabet) return false;
  }
  const auto head = decode_base64(value.substr(0, kMinimum));
  if (!head) return false;
  const SniffedType sniffed = sniff_media_type(*head);
  if (sniffed.kind == Kind::kText || sniffed.media_type.empty()) return false;
  *binary = true;
  return true;
}

Attachment stray_payload(std::string_view pointer, std::string_view value,
                         std::string_view declared_type) {
  Attachment a;
  a.pointer = std::string(pointer);
  a.data_pointer = std::string(pointer);
  a.source = Source::kInline;
  a.stray = true;
  a.encoded_bytes = value.size();
  if (auto parsed = parse_data_url(value)) {
    a.data_url = true;
    a.declared_type = parsed->media_type;
  } else {
    a.declared_type = normalize_media_type(declared_type);
  }
  if (a.declared_type.starts_with("audio/") || a.declared_type.starts_with("video/")) {
    a.source = Source::kAudioVideo;
  }
  return a;
}

}  // namespace switchyard::attachments
