// The extraction walk. The deny-list is deliberately short: a denied field is one a client cannot
// use to carry free text past the classifier without breaking the request (ids, enums, roles,
// signatures and encrypted blobs the upstream verifies, binary attachments).
#include "adapters/text_extraction.h"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cstdint>

#include "adapters/attachments/attachment_finder.h"
#include "adapters/json_fields.h"

namespace switchyard::adapters {
namespace {

namespace json = boost::json;

// Top-level fields whose string value is an identifier or an enum.
constexpr std::array<std::string_view, 6> kTopLevelDeny = {
    "model",        "previous_response_id", "tool_choice",
    "service_tier", "reasoning_effort",     "truncation"};

// Fields denied at any depth outside free-form subtrees, when their value is a string.
constexpr std::array<std::string_view, 13> kStructuralDeny = {
    "role",          "type",        "id",        "tool_call_id",
    "tool_use_id",   "call_id",     "signature", "encrypted_content",
    "finish_reason", "stop_reason", "status",    "media_type",
    "detail"};

// Subtrees of free-form data (tool inputs, metadata, JSON schemas): no field is structural there,
// so nothing is denied; every string is text.
constexpr std::array<std::string_view, 4> kFreeFormKeys = {"metadata", "parameters", "input_schema",
                                                           "schema"};

// The lengths of a list's names as bits: most keys of a body have a length no listed name has, and
// one test rules them out (every member of every body is looked up).
template <std::size_t N>
constexpr std::uint64_t lengths_of(const std::array<std::string_view, N>& list) {
  std::uint64_t bits = 0;
  for (std::string_view name : list) bits |= std::uint64_t{1} << name.size();
  return bits;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::uint64_t lengths,
              std::string_view key) {
  if (key.size() >= 64 || ((lengths >> key.size()) & 1) == 0) return false;
  return std::find(list.begin(), list.end(), key) != list.end();
}

constexpr std::uint64_t kTopLevelDenyLengths = lengths_of(kTopLevelDeny);
constexpr std::uint64_t kStructuralDenyLengths = lengths_of(kStructuralDeny);
constexpr std::uint64_t kFreeFormKeyLengths = lengths_of(kFreeFormKeys);

bool is_tool_use_block(std::string_view type) {
  return type == "tool_use" || type == "server_tool_use" || type == "mcp_tool_use";
}

class Extractor {
 public:
  explicit Extractor(ExtractionResult& result) : result_(result) { path_.reserve(128); }

  void walk(const json::value& v, bool free_form, std::string_view parent_key, bool top_level) {
    switch (v.kind()) {
      case json::kind::string:
        emit(v.get_string());
        break;
      case json::kind::object:
        walk_object(v.get_object(), free_form, parent_key, top_level);
        break;
      case json::kind::array:
        walk_array(v.get_array(), free_form, parent_key);
        break;
      default:
        break;  // numbers, bools and null carry no text
    }
  }

 private:
  void walk_object(const json::object& object, bool free_form, std::string_view parent_key,
                   bool top_level) {
    std::string_view type = free_form ? std::string_view() : string_at(object, "type");
    if (!type.empty()) {
      if (auto attachment = attachments::find_attachment(object, type, path_)) {
        // Inspected later, by the attachment stage. Its payload string is still skipped or
        // emitted by the rules below (binary payloads are skipped, text ones stay text too).
        if (!attachment->data_pointer.empty()) payloads_.push_back(attachment->data_pointer);
        result_.attachments.push_back(std::move(*attachment));
      }
    }
    for (const json::key_value_pair& member : object) {
      std::string_view key(member.key().data(), member.key().size());
      const json::value& child = member.value();
      std::size_t saved = path_.size();
      append_pointer_token(path_, key);
      if (child.is_string()) {
        if (free_form ||
            !skip_string(object, key, child.get_string(), type, parent_key, top_level)) {
          emit(child.get_string());
        }
      } else {
        bool child_free = free_form || contains(kFreeFormKeys, kFreeFormKeyLengths, key) ||
                          (key == "input" && is_tool_use_block(type));
        walk(child, child_free, key, false);
      }
      path_.resize(saved);
    }
  }

  void walk_array(const json::array& array, bool free_form, std::string_view parent_key) {
    for (std::size_t i = 0; i < array.size(); ++i) {
      std::size_t saved = path_.size();
      path_.push_back('/');
      path_.append(std::to_string(i));
      walk(array[i], free_form, parent_key, false);
      path_.resize(saved);
    }
  }

  // The deny-list, outside free-form subtrees.
  bool skip_string(const json::object& object, std::string_view key, const json::string& value,
                   std::string_view type, std::string_view parent_key, bool top_level) {
    if (top_level && contains(kTopLevelDeny, kTopLevelDenyLengths, key)) return true;
    if (contains(kStructuralDeny, kStructuralDenyLengths, key)) return true;
    std::string_view text(value.data(), value.size());
    if (key == "data") {
      // Anthropic image/document source {"type":"base64","media_type":...,"data":...}.
      if (type == "base64" && is_binary_media_type(string_at(object, "media_type"))) {
        stray(text, string_at(object, "media_type"));
        return true;
      }
      // Anthropic redacted_thinking: encrypted by the vendor, opaque to everyone else.
      if (type == "redacted_thinking") return true;
      // OpenAI {"type":"input_audio","input_audio":{"data":<base64>,"format":"wav"}}.
      if (parent_key == "input_audio") {
        stray(text, "audio/unknown");
        return true;
      }
    }
    // OpenAI chat {"image_url":{"url":"data:..."}}, Responses {"image_url":"data:..."} and
    // file parts {"file_data":"data:application/pdf;base64,..."}.
    if ((key == "url" && parent_key == "image_url") || key == "image_url" || key == "file_data") {
      if (is_binary_data_url(text)) {
        stray(text, {});
        return true;
      }
    }
    return false;
  }

  // A binary payload is never text. Outside any part this proxy recognizes it is still an
  // attachment, inspected like the others (fail closed for shapes the APIs add tomorrow).
  void stray(std::string_view value, std::string_view declared_type, bool binary = true) {
    if (binary) ++result_.binary_payloads;
    if (std::find(payloads_.begin(), payloads_.end(), path_) != payloads_.end()) return;
    result_.attachments.push_back(attachments::stray_payload(path_, value, declared_type));
  }

  void emit(const json::string& s) {
    if (s.empty()) return;
    const std::string_view text(s.data(), s.size());
    // A file in a shape no API listed yet (a new part type, a tool's argument): inspected like
    // any attachment. Binary payloads are no text; text ones are classified as text as well.
    bool binary = false;
    if (attachments::is_payload_string(text, &binary)) {
      stray(text, {}, binary);
      if (binary) return;
    }
    result_.segments.push_back(TextSegment{path_, std::string(text)});
  }

  ExtractionResult& result_;
  std::string path_;
  std::vector<std::string> payloads_;  // data pointers of the attachments found so far
};

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

void append_pointer_token(std::string& pointer, std::string_view key) {
  pointer.push_back('/');
  // Keys almost never hold '~' or '/': then one append instead of a push_back per byte (this runs
  // for every member of every request body).
  if (std::none_of(key.begin(), key.end(), [](char c) { return c == '~' || c == '/'; })) {
    pointer.append(key);
    return;
  }
  for (char c : key) {
    if (c == '~') {
      pointer.append("~0");
    } else if (c == '/') {
      pointer.append("~1");
    } else {
      pointer.push_back(c);
    }
  }
}

bool is_binary_media_type(std::string_view media_type) {
  return starts_with_ci(media_type, "image/") || starts_with_ci(media_type, "audio/") ||
         starts_with_ci(media_type, "video/") || starts_with_ci(media_type, "application/pdf") ||
         starts_with_ci(media_type, "application/octet-stream");
}

bool is_binary_data_url(std::string_view value) {
  if (!starts_with_ci(value, "data:")) return false;
  std::string_view rest = value.substr(5);
  std::size_t comma = rest.find(',');
  if (comma == std::string_view::npos) return false;
  std::string_view header = rest.substr(0, comma);
  if (header.size() < 7 || !starts_with_ci(header.substr(header.size() - 7), ";base64")) {
    return false;
  }
  return is_binary_media_type(header);
}

void extract_text(const json::value& body, ExtractionResult& result) {
  Extractor extractor(result);
  extractor.walk(body, false, {}, true);
}

}  // namespace switchyard::adapters
