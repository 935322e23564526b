// data: URLs (RFC 2397) and base64 (RFC 4648), as clients put attachments into request bodies.
// Decoding is strict about the alphabet (a payload that is not base64 is a client error, not
// something to guess at) and tolerant of line breaks, which some encoders insert.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace switchyard::attachments {

struct DataUrl {
  std::string media_type;  // lower case, without parameters; "" when the URL names none
  bool base64 = false;
  std::string_view payload;  // after the comma, still encoded
};

// True for a value that starts with "data:" (any case).
bool is_data_url(std::string_view value);
// nullopt when `value` is not a data: URL or has no comma.
std::optional<DataUrl> parse_data_url(std::string_view value);

// Decoded bytes, or nullopt when `encoded` is not base64 (padding optional; CR, LF, space and tab
// ignored; the URL-safe alphabet accepted as well).
std::optional<std::string> decode_base64(std::string_view encoded);
// The decoded size of a base64 text, without decoding it (an upper bound for malformed input).
std::size_t decoded_base64_size(std::string_view encoded);
std::string encode_base64(std::string_view bytes);

// The payload of a data: URL decoded (base64, or percent-encoding without ";base64").
std::optional<std::string> decode_data_url_payload(const DataUrl& url);

// Lower case, parameters (";charset=...") and surrounding spaces removed; "" when what is left is
// not a media type ("type/subtype" in RFC 6838's characters, at most kMaxMediaType characters).
inline constexpr std::size_t kMaxMediaType = 127;
std::string normalize_media_type(std::string_view media_type);
bool is_media_type_token(std::string_view lower_case_type);

}  // namespace switchyard::attachments
