// What an attachment is, as the request path sees it: found in a request body (Attachment), then
// inspected (AttachmentReport: what it really was, how it was read, or why it could not be). The
// report is what the audit records and metrics count; it never holds content or extracted text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace switchyard::attachments {

// What the bytes are (from the bytes when there are any, else from what the client declared).
enum class Kind : std::uint8_t { kImage, kPdf, kText, kAudio, kVideo, kFile };
inline constexpr std::size_t kKindCount = 6;
std::string_view to_string(Kind kind);

// Where the content is.
enum class Source : std::uint8_t {
  kInline,         // base64 or a data: URL in the body: decoded and inspected
  kInlineText,     // text carried as a JSON string (Anthropic text document): classified as text
  kContent,        // blocks nested in the body (Anthropic content document): walked as text
  kRemoteUrl,      // a URL: never fetched by the proxy
  kFileReference,  // a file id held by the vendor
  kAudioVideo,     // inline audio or video (OpenAI input_audio): no reader
};

// How the text of an attachment was read.
enum class Inspected : std::uint8_t { kPdfText, kOcr, kText, kNone };
std::string_view to_string(Inspected inspected);

// Why some content of an attachment was not read, grouped as the policy's `uninspected:` keys.
enum class Uninspected : std::uint8_t {
  kRemoteUrl,
  kFileReference,
  kAudioVideo,
  kUnreadable,
  kOverLimit
};
inline constexpr std::size_t kUninspectedCount = 5;
std::string_view to_string(Uninspected kind);
std::optional<Uninspected> parse_uninspected(std::string_view name);

// An attachment's JSON Pointer as audit records show it: array indices and the field names of the
// APIs' own shapes are kept; any other token (a key of a tool's arguments, of a shape no API
// lists) is client text and becomes "*".
std::string pointer_for_record(std::string_view pointer);

// One attachment found in a request body.
struct Attachment {
  std::string pointer;       // JSON Pointer of the part or block, e.g. /messages/0/content/1
  std::string data_pointer;  // the string holding the payload (data URL, base64, text); may be ""
  Source source = Source::kInline;
  std::string declared_type;  // the media type the client declared (lower case); "" when none
  std::string filename;       // a declared file name or title, for type hints and translation
  bool document = false;      // a file/document part rather than an image part
  bool data_url = false;      // the payload is a data: URL (else bare base64 or text)
  // Found outside any part the APIs define (a data: URL or base64 file in some other field): its
  // encoding is not the API's promise, so a malformed one is unreadable rather than a 400.
  bool stray = false;
  std::size_t encoded_bytes = 0;
};

// The result of inspecting one attachment.
struct AttachmentReport {
  std::string pointer;
  Kind kind = Kind::kFile;
  std::string media_type;     // read from the bytes; the declared type when there were none
  std::string declared_type;  // set when it differs from media_type (a mislabeled file)
  std::size_t bytes = 0;      // decoded size; 0 when the proxy never had the bytes
  std::uint32_t pages = 0;    // PDF pages (read or not)
  Inspected inspected = Inspected::kNone;
  // Set when some content was not read; `reason` then says why in a word or two
  // (remote_url, file_reference, audio, video, encrypted, corrupt, unsupported_type, ocr_disabled,
  // bytes_over_limit, pages_over_limit, pixels_over_limit, ocr_time_over_limit, timeout, busy).
  std::optional<Uninspected> uninspected;
  std::string reason;
};

}  // namespace switchyard::attachments
