// The masking plan: what the vendor sees for each span, placeholders that never collide with the
// request's own text or with each other, stable across requests, counted per rule.
#include "adapters/pseudonymize/mask_plan.h"

#include <gtest/gtest.h>

#include <set>

#include "adapters/translate/rewrite.h"

namespace switchyard::pseudonymize {
namespace {

using adapters::TextSegment;

const PseudonymKey kKey("mask-plan-test-key-0123456789abcdef");

MaskSpan span_of(const std::vector<TextSegment>& segments, std::uint32_t segment,
                 std::string_view value, std::string category, bool pseudonymize,
                 std::uint32_t rule, std::size_t from = 0) {
  const std::size_t at = segments[segment].text.find(value, from);
  EXPECT_NE(at, std::string::npos) << value;
  return MaskSpan{segment, at, at + value.size(), std::move(category), pseudonymize, rule};
}

// What the vendor would see: the segments with the plan's edits applied.
std::vector<std::string> vendor_view(const std::vector<TextSegment>& segments,
                                     const MaskPlan& plan) {
  std::vector<std::string> out;
  for (const auto& s : segments) out.push_back(s.text);
  const auto edited = adapters::apply_redactions(segments, plan.edits);
  EXPECT_TRUE(edited.has_value());
  for (const auto& [segment, text] : *edited) out[segment] = text;
  return out;
}

TEST(MaskPlan, PseudonymizesAndRedactsEachAsItsRuleSays) {
  const std::vector<TextSegment> segments = {
      {"/messages/0/content", "Mail jane.roe@brightwater-logistics.com, ticket REDACTME-7."},
      {"/messages/1/content", "Again: jane.roe@brightwater-logistics.com and bob@acme-corp.io"}};
  std::vector<MaskSpan> spans = {
      span_of(segments, 0, "jane.roe@brightwater-logistics.com", "email", true, 0),
      span_of(segments, 0, "REDACTME-7", "ticket", false, 1),
      span_of(segments, 1, "jane.roe@brightwater-logistics.com", "email", true, 0),
      span_of(segments, 1, "bob@acme-corp.io", "email", true, 0)};
  const auto plan = plan_masks(segments, "", spans, &kKey, 2);
  ASSERT_TRUE(plan.has_value());
  ASSERT_TRUE(plan->pseudonyms);
  EXPECT_EQ(plan->pseudonyms->size(), 2u);  // two distinct values
  EXPECT_EQ(plan->pseudonymized, (std::vector<std::size_t>{3, 0}));
  const std::string jane = kKey.placeholder("EMAIL", "jane.roe@brightwater-logistics.com", 0);
  const auto seen = vendor_view(segments, *plan);
  EXPECT_EQ(seen[0], "Mail " + jane + ", ticket [REDACTED:ticket].");
  EXPECT_NE(seen[1].find("Again: " + jane + " and EMAIL-"), std::string::npos);
  for (const auto& text : seen) {
    EXPECT_EQ(text.find("jane.roe"), std::string::npos);
    EXPECT_EQ(text.find("bob@"), std::string::npos);
  }
  EXPECT_EQ(plan->pseudonyms->find(jane)->value, "jane.roe@brightwater-logistics.com");
}

TEST(MaskPlan, SameValueSamePlaceholderInEveryRequest) {
  // Request 1 has one value, request 2 the same value among others and in another position.
  const std::vector<TextSegment> first = {{"/input", "Call +44 20 7946 0958"}};
  const std::vector<TextSegment> second = {{"/input/0", "Names: Ann Lee, Bo Diaz"},
                                           {"/input/1", "and +44 20 7946 0958 again"}};
  const auto a =
      plan_masks(first, "", {span_of(first, 0, "+44 20 7946 0958", "phone", true, 0)}, &kKey, 1);
  const auto b = plan_masks(second, "",
                            {span_of(second, 0, "Ann Lee", "person_name", true, 0),
                             span_of(second, 0, "Bo Diaz", "person_name", true, 0),
                             span_of(second, 1, "+44 20 7946 0958", "phone", true, 1)},
                            &kKey, 2);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->edits[0].replacement, b->edits[2].replacement);
  EXPECT_EQ(a->edits[0].replacement.substr(0, 6), "PHONE-");
  EXPECT_EQ(b->edits[0].replacement.substr(0, 12), "PERSON-NAME-");
  EXPECT_NE(b->edits[0].replacement, b->edits[1].replacement);
}

TEST(MaskPlan, PlaceholderTheClientWroteIsNeverReused) {
  const std::string value = "jane.roe@brightwater-logistics.com";
  const std::string natural = kKey.placeholder("EMAIL", value, 0);
  // The client wrote our placeholder for that very value itself (in the body, and in a text).
  const std::vector<TextSegment> segments = {
      {"/messages/0/content", "Is " + natural + " the same as " + value + "?"}};
  const std::string raw = R"({"messages":[{"role":"user","content":"Is )" + natural +
                          " the same as " + value + R"(?"}]})";
  const auto plan =
      plan_masks(segments, raw, {span_of(segments, 0, value, "email", true, 0)}, &kKey, 1);
  ASSERT_TRUE(plan && plan->pseudonyms);
  const std::string given = plan->edits[0].replacement;
  EXPECT_NE(given, natural);
  EXPECT_EQ(given, kKey.placeholder("EMAIL", value, 1));  // the next probe
  // The client's own string is not in the table: a reply echoing it gets nothing restored.
  EXPECT_EQ(plan->pseudonyms->find(natural), nullptr);
  // Written only in a part of the body that is not a text segment: still avoided.
  const std::vector<TextSegment> plain = {{"/messages/0/content", "Mail " + value}};
  const auto from_body = plan_masks(plain, R"({"metadata":{"note":")" + natural + R"("}})",
                                    {span_of(plain, 0, value, "email", true, 0)}, &kKey, 1);
  ASSERT_TRUE(from_body);
  EXPECT_NE(from_body->edits[0].replacement, natural);
}

TEST(MaskPlan, DifferentValuesNeverShareOrOverlapPlaceholders) {
  std::vector<TextSegment> segments = {{"/input", ""}};
  std::vector<std::string> values;
  for (int i = 0; i < 3000; ++i) values.push_back("user" + std::to_string(i) + "@acme.io");
  for (const auto& v : values) segments[0].text += v + " ";
  std::vector<MaskSpan> spans;
  std::size_t at = 0;
  for (const auto& v : values) {
    spans.push_back(span_of(segments, 0, v, "email", true, 0, at));
    at = spans.back().end;
  }
  const auto plan = plan_masks(segments, "", spans, &kKey, 1);
  ASSERT_TRUE(plan && plan->pseudonyms);
  // 3000 values in 2^24: collisions are likely among the natural placeholders; all resolved.
  ASSERT_EQ(plan->pseudonyms->size(), values.size());
  std::set<std::string> placeholders;
  for (const auto& e : plan->edits) placeholders.insert(e.replacement);
  EXPECT_EQ(placeholders.size(), values.size());
  for (const auto& e : plan->pseudonyms->entries()) {
    EXPECT_EQ(plan->pseudonyms->find(e.placeholder)->value, e.value);
  }
}

TEST(MaskPlan, OverlapsMergeAndRedactionWins) {
  const std::vector<TextSegment> segments = {{"/input", "Call +44 20 7946 0958 now"}};
  const auto full = span_of(segments, 0, "+44 20 7946 0958", "phone", true, 0);
  const auto part = span_of(segments, 0, "20 7946 0958", "phone", true, 1);
  const auto plan = plan_masks(segments, "", {part, full}, &kKey, 2);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->edits.size(), 1u);
  EXPECT_EQ(plan->pseudonyms->entries()[0].value, "+44 20 7946 0958");
  EXPECT_EQ(plan->pseudonymized, (std::vector<std::size_t>{1, 1}));

  auto redacted = part;
  redacted.pseudonymize = false;
  redacted.category = "phone_number";
  const auto mixed = plan_masks(segments, "", {full, redacted}, &kKey, 2);
  ASSERT_TRUE(mixed);
  ASSERT_EQ(mixed->edits.size(), 1u);
  EXPECT_TRUE(mixed->edits[0].replacement.empty());  // redacted, under the first span's category
  EXPECT_EQ(adapters::redaction_text(mixed->edits[0]), "[REDACTED:phone]");
  EXPECT_FALSE(mixed->pseudonyms);
  EXPECT_EQ(mixed->pseudonymized, (std::vector<std::size_t>{0, 0}));
}

TEST(MaskPlan, SpansWidenToWholeCharacters) {
  const std::vector<TextSegment> segments = {{"/input", "Name: Zoë Ångström."}};
  const std::size_t begin = segments[0].text.find("Zo");
  const std::size_t end = segments[0].text.find("m.") + 1;
  // Cut through the middle of "ë" and "Å" on purpose.
  const auto plan = plan_masks(
      segments, "",
      {{0, begin, begin + 3, "person_name", true, 0}, {0, begin + 3, end, "person_name", true, 0}},
      &kKey, 1);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->pseudonyms->size(), 1u);
  EXPECT_EQ(plan->pseudonyms->entries()[0].value, "Zoë Ångström");
}

TEST(MaskPlan, RefusesSpansOutsideTheirTextAndPseudonymsWithoutAKey) {
  const std::vector<TextSegment> segments = {{"/input", "short"}};
  EXPECT_FALSE(plan_masks(segments, "", {{0, 2, 50, "x", false, 0}}, &kKey, 1));
  EXPECT_FALSE(plan_masks(segments, "", {{3, 0, 1, "x", false, 0}}, &kKey, 1));
  EXPECT_FALSE(plan_masks(segments, "", {{0, 0, 5, "x", true, 0}}, nullptr, 1));
  const auto redact_only = plan_masks(segments, "", {{0, 0, 5, "x", false, 0}}, nullptr, 1);
  ASSERT_TRUE(redact_only);
  EXPECT_FALSE(redact_only->pseudonyms);
}

}  // namespace
}  // namespace switchyard::pseudonymize

namespace switchyard::pseudonymize {
namespace {

// Types that make placeholders nest (NAME inside PERSON-NAME) or look like placeholder ends
// ("id 123456"): whatever the categories, no two placeholders of one request share bytes.
TEST(MaskPlan, PlaceholdersNeverOverlapWhateverTheCategories) {
  const std::vector<std::string> categories = {"name", "person name",   "e name", "id 000000",
                                               "id",   "x 123456 name", "a"};
  std::vector<TextSegment> segments = {{"/input", ""}};
  std::vector<MaskSpan> spans;
  for (int i = 0; i < 600; ++i) {
    const std::string value = "v" + std::to_string(i);
    const std::size_t at = segments[0].text.size();
    segments[0].text += value + " ";
    spans.push_back({0, at, at + value.size(), categories[i % categories.size()], true, 0});
  }
  const auto plan = plan_masks(segments, "", spans, &kKey, 1);
  ASSERT_TRUE(plan && plan->pseudonyms);
  const auto& entries = plan->pseudonyms->entries();
  ASSERT_EQ(entries.size(), spans.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (std::size_t j = i + 1; j < entries.size(); ++j) {
      const std::string& a = entries[i].placeholder;
      const std::string& b = entries[j].placeholder;
      ASSERT_EQ(a.find(b), std::string::npos) << a << " " << b;
      ASSERT_EQ(b.find(a), std::string::npos) << a << " " << b;
      for (std::size_t k = 1; k < std::min(a.size(), b.size()); ++k) {
        ASSERT_NE(a.substr(a.size() - k), b.substr(0, k)) << a << " " << b;
        ASSERT_NE(b.substr(b.size() - k), a.substr(0, k)) << a << " " << b;
      }
    }
  }
}

}  // namespace
}  // namespace switchyard::pseudonymize
