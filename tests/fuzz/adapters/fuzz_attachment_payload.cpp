// The attachment payload parsers we own: data: URLs, base64, type sniffing and text documents
// (UTF-8/UTF-16 decoding, markup stripping). Checks that decoding round-trips and that the text
// handed to the classifier is always valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/attachments/data_url.h"
#include "adapters/attachments/media_sniff.h"
#include "adapters/attachments/text_document.h"
#include "adapters/strict_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace switchyard;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto url = attachments::parse_data_url(bytes))
    (void)attachments::decode_data_url_payload(*url);
  if (auto decoded = attachments::decode_base64(bytes)) {
    if (attachments::decode_base64(attachments::encode_base64(*decoded)) != decoded) std::abort();
  }
  const auto sniffed = attachments::sniff_media_type(bytes);
  for (std::string_view type : {"text/plain", "text/html"}) {
    if (auto text = attachments::decode_text_document(bytes, type)) {
      if (!adapters::is_valid_utf8(*text)) std::abort();
    }
  }
  (void)sniffed;
  return 0;
}
