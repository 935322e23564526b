// Strict loading of `uninspected:`, with the same error format and did-you-mean as the rest of the
// policy file. `redact` is refused: there is nothing to redact in content nobody read.
#include "policies/uninspected_handling.h"

#include <algorithm>

#include "policies/policy_loader.h"

namespace switchyard::policy {
namespace {

SourceMark mark_of(const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  if (m.line < 0 || m.column < 0) return {};
  return SourceMark{m.line + 1, m.column + 1};
}

const std::vector<std::string_view> kAllowed = {"vendor", "internal", "block"};

std::optional<Handling> handling_of(const YAML::Node& node, const std::string& display,
                                    const std::string& path, std::vector<std::string>* errors) {
  if (node.IsScalar()) {
    const std::string& text = node.Scalar();
    if (std::find(kAllowed.begin(), kAllowed.end(), text) != kAllowed.end()) {
      return parse_handling(text);
    }
    std::string message = "unknown handling '" + text + "' for uninspected attachments";
    if (text == "redact") {
      message = "'redact' cannot apply to an attachment nobody could read";
    } else if (const std::string suggestion = did_you_mean(text, kAllowed); !suggestion.empty()) {
      message += "; did you mean '" + suggestion + "'?";
    }
    errors->push_back(
        format_error(display, mark_of(node), path, message + ". Valid: vendor, internal, block"));
    return std::nullopt;
  }
  errors->push_back(
      format_error(display, mark_of(node), path, "expected one of vendor, internal, block"));
  return std::nullopt;
}

}  // namespace

std::optional<UninspectedHandlings> parse_uninspected(const YAML::Node& node,
                                                      const std::string& display,
                                                      std::vector<std::string>* errors) {
  const std::size_t before = errors->size();
  UninspectedHandlings out;
  out.fill(Handling::kInternal);
  if (!node.IsMap()) {
    if (auto h = handling_of(node, display, "uninspected", errors)) out.fill(*h);
    if (errors->size() != before) return std::nullopt;
    return out;
  }
  std::vector<std::string_view> keys = {"default"};
  keys.insert(keys.end(), kUninspectedKindNames.begin(), kUninspectedKindNames.end());
  std::array<bool, kUninspectedKinds> set{};
  std::optional<Handling> fallback;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string name = it->first.IsScalar() ? it->first.Scalar() : std::string();
    const std::string path = "uninspected." + name;
    const auto found = std::find(keys.begin(), keys.end(), name);
    if (found == keys.end()) {
      std::string message = "unknown key '" + name + "' in uninspected";
      if (const std::string suggestion = did_you_mean(name, keys); !suggestion.empty()) {
        message += "; did you mean '" + suggestion + "'?";
      }
      message +=
          " Valid keys: default, remote_url, file_reference, audio_video, unreadable, "
          "over_limit";
      errors->push_back(format_error(display, mark_of(it->first), path, message));
      continue;
    }
    const auto h = handling_of(it->second, display, path, errors);
    if (!h) continue;
    if (name == "default") {
      fallback = h;
      continue;
    }
    const auto index = static_cast<std::size_t>(found - keys.begin() - 1);
    out[index] = *h;
    set[index] = true;
  }
  if (fallback) {
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (!set[i]) out[i] = *fallback;
    }
  }
  if (errors->size() != before) return std::nullopt;
  return out;
}

}  // namespace switchyard::policy
