// Names of the five handlings, as written in policy files, audit records and headers.
#include "policies/policy.h"

namespace switchyard::policy {

std::string_view to_string(Handling handling) {
  switch (handling) {
    case Handling::kVendor:
      return "vendor";
    case Handling::kRedact:
      return "redact";
    case Handling::kPseudonymize:
      return "pseudonymize";
    case Handling::kInternal:
      return "internal";
    case Handling::kBlock:
      return "block";
  }
  return "block";
}

std::optional<Handling> parse_handling(std::string_view text) {
  if (text == "vendor") return Handling::kVendor;
  if (text == "redact") return Handling::kRedact;
  if (text == "pseudonymize") return Handling::kPseudonymize;
  if (text == "internal") return Handling::kInternal;
  if (text == "block") return Handling::kBlock;
  return std::nullopt;
}

}  // namespace switchyard::policy
