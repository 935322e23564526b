// The prompt copy of `audit.store_prompts: redacted`: every located match masked, overlaps merged,
// segments joined as prompt.hmac joins them; no copy at all when a match cannot be located or the
// classifier failed; long copies cut on a character boundary.
#include "proxy/server/masked_prompt.h"

#include <gtest/gtest.h>

namespace switchyard::proxy {
namespace {

std::vector<adapters::TextSegment> segments(std::initializer_list<std::string> texts) {
  std::vector<adapters::TextSegment> out;
  for (const auto& t : texts) out.push_back({"/p", t, -1});
  return out;
}

policy::RuleMatch match(std::string id, std::vector<policy::MatchSpan> spans) {
  policy::RuleMatch m;
  m.id = std::move(id);
  m.count = spans.size();
  m.spans = std::move(spans);
  return m;
}

TEST(MaskedPrompt, MasksEveryLocatedMatchAcrossSegments) {
  const auto text = segments({"key AKIAABCDEFGHIJKLMNOP here", "mail bob@example.org, card 4111"});
  policy::Classification c;
  c.matches.push_back(match("secrets.aws", {{0, 4, 24}}));
  c.matches.push_back(match("pii.email", {{1, 5, 20}}));
  c.matches.push_back(match("pii.card", {{1, 27, 31}}));
  const MaskedPrompt masked = mask_prompt(text, c);
  EXPECT_TRUE(masked.withheld.empty());
  EXPECT_FALSE(masked.truncated);
  EXPECT_EQ(masked.text,
            "key [REDACTED:secrets.aws] here\nmail [REDACTED:pii.email], card "
            "[REDACTED:pii.card]");
}

TEST(MaskedPrompt, OverlappingAndNestedSpansLeaveNothingOut) {
  const auto text = segments({"0123456789abcdef"});
  policy::Classification c;
  c.matches.push_back(match("a", {{0, 2, 8}}));
  c.matches.push_back(match("b", {{0, 6, 12}}));  // overlaps a's end
  c.matches.push_back(match("c", {{0, 3, 5}}));   // inside a
  c.matches.push_back(match("d", {{0, 14, 16}}));
  EXPECT_EQ(mask_prompt(text, c).text, "01[REDACTED:a]cd[REDACTED:d]");
}

TEST(MaskedPrompt, NoCopyWhenAMatchIsNotLocatedOrTheClassifierFailed) {
  const auto text = segments({"payload c2VjcmV0", "more"});
  policy::Classification decoded_only;
  auto m = match("secrets.decoded", {});
  m.count = 1;  // seen in a decoded view only
  decoded_only.matches.push_back(m);
  EXPECT_EQ(mask_prompt(text, decoded_only).withheld, "unlocated_match");
  EXPECT_TRUE(mask_prompt(text, decoded_only).text.empty());

  policy::Classification outside;
  outside.matches.push_back(match("x", {{5, 0, 1}}));  // no such segment
  EXPECT_EQ(mask_prompt(text, outside).withheld, "unlocated_match");

  policy::Classification failed;
  failed.classifier_error = true;
  EXPECT_EQ(mask_prompt(text, failed).withheld, "classifier_error");
}

TEST(MaskedPrompt, LongCopiesAreCutOnACharacterBoundary) {
  const auto text =
      segments({"ab\xC3\xA9"
                "cd"});  // "abécd"
  policy::Classification none;
  const MaskedPrompt cut = mask_prompt(text, none, 3);
  EXPECT_TRUE(cut.truncated);
  EXPECT_EQ(cut.text, "ab");  // not half of the é
  EXPECT_FALSE(mask_prompt(text, none, 6).truncated);
}

}  // namespace
}  // namespace switchyard::proxy
