// Fail-closed text extraction: every string leaf of a request body becomes a TextSegment (with its
// JSON Pointer) except a small, explicit deny-list of structural fields whose values are not free
// text. A field the APIs add tomorrow is therefore classified today. The deny-list is documented in
// docs/adapters.md; keep the two in step.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"

namespace switchyard::adapters {

struct ExtractionResult {
  std::vector<TextSegment> segments;
  std::uint32_t binary_payloads = 0;                 // base64 images/files/audio skipped
  std::vector<attachments::Attachment> attachments;  // every attachment part, in document order
};

// Walks `body` in document order (deterministic: same body, same segments). Empty strings are not
// segments.
void extract_text(const boost::json::value& body, ExtractionResult& result);

// Appends "/<key>" with RFC 6901 escaping ("~" -> "~0", "/" -> "~1").
void append_pointer_token(std::string& pointer, std::string_view key);

// True for a data: URL whose media type is binary (image/, audio/, video/, application/pdf and
// application/octet-stream) and base64-encoded; text data: URLs stay text.
bool is_binary_data_url(std::string_view value);

// True for a media type the classifier cannot read as text.
bool is_binary_media_type(std::string_view media_type);

}  // namespace switchyard::adapters
