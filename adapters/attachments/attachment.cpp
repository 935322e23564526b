// Names of the attachment enums, as the audit records, metrics and the policy language spell them.
#include "adapters/attachments/attachment.h"

#include <algorithm>
#include <array>

namespace switchyard::attachments {

std::string_view to_string(Kind kind) {
  static constexpr std::array<std::string_view, kKindCount> kNames = {"image", "pdf",   "text",
                                                                      "audio", "video", "file"};
  return kNames[static_cast<std::size_t>(kind)];
}

std::string_view to_string(Inspected inspected) {
  static constexpr std::array<std::string_view, 4> kNames = {"pdf_text", "ocr", "text", "none"};
  return kNames[static_cast<std::size_t>(inspected)];
}

namespace {
constexpr std::array<std::string_view, kUninspectedCount> kUninspectedNames = {
    "remote_url", "file_reference", "audio_video", "unreadable", "over_limit"};
}

std::string_view to_string(Uninspected kind) {
  return kUninspectedNames[static_cast<std::size_t>(kind)];
}

std::optional<Uninspected> parse_uninspected(std::string_view name) {
  for (std::size_t i = 0; i < kUninspectedNames.size(); ++i) {
    if (kUninspectedNames[i] == name) return static_cast<Uninspected>(i);
  }
  return std::nullopt;
}

std::string pointer_for_record(std::string_view pointer) {
  static constexpr std::array<std::string_view, 22> kApiFields = {
      "messages", "content", "input",       "output",    "system",      "instructions",
      "source",   "data",    "url",         "image_url", "file",        "file_data",
      "file_url", "file_id", "input_audio", "tools",     "tool_result", "prompt",
      "contents", "parts",   "items",       "result"};
  std::string out;
  std::size_t i = 0;
  while (i < pointer.size() && pointer[i] == '/') {
    std::size_t end = pointer.find('/', i + 1);
    if (end == std::string_view::npos) end = pointer.size();
    const std::string_view token = pointer.substr(i + 1, end - i - 1);
    const bool index =
        !token.empty() && token.size() <= 9 &&
        std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool field = std::find(kApiFields.begin(), kApiFields.end(), token) != kApiFields.end();
    out += '/';
    out += index || field ? token : std::string_view("*");
    i = end;
  }
  return out;
}

}  // namespace switchyard::attachments
