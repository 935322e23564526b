// Text documents (plain text, CSV, JSON, Markdown, XML, HTML) turned into the text the classifier
// reads: UTF-8 (a UTF-16 file with a byte order mark is converted), HTML and XML with their markup
// removed and character references decoded, so that a card number split by tags still reads whole.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace switchyard::attachments {

// The text of a document whose bytes looks_like_text(). nullopt when they are not valid text.
std::optional<std::string> decode_text_document(std::string_view bytes,
                                                std::string_view media_type);

// Markup removed: tags dropped (block-level ones become line breaks) but their quoted attribute
// values kept, and comments and <script>/<style> bodies kept too: hidden text is still text a
// client sent. Character references are decoded.
std::string strip_markup(std::string_view html);

}  // namespace switchyard::attachments
