// Recognizes attachment parts and blocks in request bodies, per API shape:
//   OpenAI Chat:  {"type":"image_url","image_url":{"url":...}}, {"type":"file","file":{...}},
//                 {"type":"input_audio","input_audio":{...}}
//   Responses:    {"type":"input_image","image_url"|"file_id":...},
//                 {"type":"input_file","file_data"|"file_id"|"file_url":...}
//   Anthropic:    {"type":"image"|"document","source":{"type":"base64"|"text"|"content"|"url"|
//                 "file",...}}
// wherever they appear (messages, tool results, nested document content). The text extractor calls
// this for every object it walks; it costs one comparison of the type for any other object.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string_view>

#include "adapters/attachments/attachment.h"

namespace switchyard::attachments {

// The attachment `object` (at JSON Pointer `pointer`, with its "type" value `type`) is, if any.
std::optional<Attachment> find_attachment(const boost::json::object& object, std::string_view type,
                                          std::string_view pointer);

// True when a string found anywhere in a body (outside any recognized part) carries a file: a data:
// URL, or bare base64 whose first bytes are a known binary format (PDF, image, audio, video,
// archive). Cheap for ordinary text: it stops at the first character base64 has not.
// `binary` says whether the payload is binary (never meaningful as text).
bool is_payload_string(std::string_view value, bool* binary);

// An attachment for a binary payload found outside any recognized part (a shape this proxy does
// not know yet): the string at `pointer` holds a data: URL or base64 with the given media type.
Attachment stray_payload(std::string_view pointer, std::string_view value,
                         std::string_view declared_type);

}  // namespace switchyard::attachments
