// The policy's `uninspected:` key (design section 8): what happens to a request carrying an
// attachment the proxy could not read (a remote URL it never fetches, a vendor-held file id, audio
// or video, an encrypted or corrupt file, anything over a limit). One handling for all, or one per
// kind; `internal` by default, so unread content never reaches a vendor unless the policy says so.
#pragma once

#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policies/policy.h"

namespace switchyard::policy {

inline constexpr std::array<std::string_view, kUninspectedKinds> kUninspectedKindNames = {
    "remote_url", "file_reference", "audio_video", "unreadable", "over_limit"};

// Parses the value of `uninspected:` in file `display`: a handling (vendor, internal, block), or a
// mapping with `default` and any of the kinds. Appends "FILE:LINE:COL: uninspected...: message"
// errors; nullopt when there were any.
std::optional<UninspectedHandlings> parse_uninspected(const YAML::Node& node,
                                                      const std::string& display,
                                                      std::vector<std::string>* errors);

}  // namespace switchyard::policy
