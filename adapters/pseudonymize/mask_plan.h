// What the vendor gets instead of the matched values of one request: the spans of rules with
// handling redact or pseudonymize, merged where they overlap, each pseudonymized value given its
// placeholder, and the table that restores the vendor's reply. Pure computation (no I/O), shared by
// the proxy's decide() and by `switchyard policy explain`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/adapter.h"
#include "adapters/pseudonymize/pseudonym_key.h"
#include "adapters/pseudonymize/pseudonym_table.h"
#include "adapters/translate/rewrite.h"

namespace switchyard::pseudonymize {

struct MaskSpan {
  std::uint32_t segment = 0;  // index into the request's text segments
  std::size_t begin = 0;      // byte offsets into that segment's text
  std::size_t end = 0;
  std::string category;  // the rule's category: the placeholder's type, or [REDACTED:<category>]
  bool pseudonymize = false;  // false: redact
  std::uint32_t rule = 0;     // the caller's index of the rule, for MaskPlan::pseudonymized
};

struct MaskPlan {
  // Disjoint spans in (segment, offset) order, widened to whole UTF-8 characters; a pseudonymized
  // one carries its placeholder as the replacement. Spans that overlap merge into one, which is
  // pseudonymized only when every span in it is (else redacted), under the first span's category.
  std::vector<adapters::Redaction> edits;
  // The placeholders and their values; null when nothing was pseudonymized.
  std::shared_ptr<const PseudonymTable> pseudonyms;
  // By rule index: how many values of that rule the vendor sees as a placeholder.
  std::vector<std::size_t> pseudonymized;
};

// Placeholders avoid every text already in the request (`raw_body` and each segment's text, so a
// placeholder the client wrote itself is never taken for one of ours) and each other (none
// contains, or overlaps the ends of, another); on a collision the value takes its key's next
// probe. Values are handled in the order of their keyed hash, so the same set of values gets the
// same placeholders in every request. nullopt when a span does not fit its segment, or when a span
// asks for pseudonymization and `key` is null.
std::optional<MaskPlan> plan_masks(const std::vector<adapters::TextSegment>& segments,
                                   std::string_view raw_body, std::vector<MaskSpan> spans,
                                   const PseudonymKey* key, std::size_t rule_count);

}  // namespace switchyard::pseudonymize
