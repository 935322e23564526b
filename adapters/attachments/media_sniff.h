// The type an attachment's bytes really have, read from their first bytes (magic numbers), never
// from what the client declared: a PDF labelled image/png is read as a PDF, and a file that is
// none of the types the proxy can read says so.
#pragma once

#include <string>
#include <string_view>

#include "adapters/attachments/attachment.h"

namespace switchyard::attachments {

struct SniffedType {
  Kind kind = Kind::kFile;
  std::string media_type;  // e.g. "application/pdf", "image/png", "text/plain"; "" when unknown
};

SniffedType sniff_media_type(std::string_view bytes);

// The kind a declared media type names (image/... -> kImage, ...), for attachments whose bytes the
// proxy never has (remote URLs, file ids).
Kind kind_of_media_type(std::string_view media_type);

// A media type guessed from a file name's extension ("report.pdf" -> application/pdf); "" when
// the extension says nothing.
std::string media_type_of_filename(std::string_view filename);

// True when `bytes` read as text: valid UTF-8 (or UTF-16 with a byte order mark) with no NUL and
// few control characters.
bool looks_like_text(std::string_view bytes);

}  // namespace switchyard::attachments
