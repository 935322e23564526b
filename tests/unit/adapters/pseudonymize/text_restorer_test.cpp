// The streaming restorer of one text: any cutting of the text gives the output of restoring it
// whole; only a possible placeholder beginning is kept back, never more than the longest
// placeholder; invented placeholders stay; JSON documents get their values escaped.
#include "adapters/pseudonymize/text_restorer.h"

#include <gtest/gtest.h>

#include <random>

namespace switchyard::pseudonymize {
namespace {

PseudonymTable table() {
  PseudonymTable t;
  t.add("EMAIL-7f3a91", "jane.roe@brightwater-logistics.com");
  t.add("PHONE-0b12cd", "+44 20 7946 0958");
  t.add("PERSON-NAME-a4c9e0", "Jane \"JJ\" Roe");
  return t;
}

std::string restore_in_pieces(const PseudonymTable& t, std::string_view text,
                              const std::vector<std::size_t>& cuts, TextKind kind) {
  TextRestorer r(t, kind);
  std::string out;
  std::size_t at = 0;
  for (std::size_t cut : cuts) {
    r.feed(text.substr(at, cut - at), out);
    at = cut;
  }
  r.feed(text.substr(at), out);
  r.finish(out);
  return out;
}

TEST(RestoreText, ReplacesKnownPlaceholders) {
  const auto t = table();
  EXPECT_EQ(restore_text(t, "Write to EMAIL-7f3a91 or call PHONE-0b12cd.", TextKind::kPlain),
            "Write to jane.roe@brightwater-logistics.com or call +44 20 7946 0958.");
}

TEST(RestoreText, InventedAndAlteredPlaceholdersStayAsTheyAre) {
  const auto t = table();
  for (std::string_view text : {"EMAIL-7f3a92", "EMAIL-7F3A91", "email-7f3a91", "EMAIL_7f3a91",
                                "EMAIL-7f3a9", "PHONE-7f3a91", "EMAIL--7f3a91", "EMAIL 7f3a91"}) {
    EXPECT_EQ(restore_text(t, text, TextKind::kPlain), text) << text;
  }
}

TEST(RestoreText, EveryCutGivesTheWholeTextsOutput) {
  const auto t = table();
  const std::string text =
      "Dear PERSON-NAME-a4c9e0, EMAIL-7f3a91EMAIL-7f3a91 (PHONE-0b12cd). EMAIL-7f3a9 E EM PHONE-0b";
  const std::string whole = restore_text(t, text, TextKind::kPlain);
  for (std::size_t a = 0; a <= text.size(); ++a) {
    for (std::size_t b = a; b <= text.size(); b += 3) {
      ASSERT_EQ(restore_in_pieces(t, text, {a, b}, TextKind::kPlain), whole) << a << " " << b;
    }
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0; at < text.size(); at += 1 + rng() % 4) cuts.push_back(at);
    ASSERT_EQ(restore_in_pieces(t, text, cuts, TextKind::kPlain), whole);
  }
}

TEST(TextRestorer, HoldsOnlyWhatMayBecomeAPlaceholder) {
  const auto t = table();
  TextRestorer r(t, TextKind::kPlain);
  std::string out;
  r.feed("Hello E", out);
  EXPECT_EQ(out, "Hello ");  // "E" may begin EMAIL-...
  EXPECT_TRUE(r.holding());
  r.feed("very", out);
  EXPECT_EQ(out, "Hello Every");  // it did not: out at once
  EXPECT_FALSE(r.holding());
  r.feed(" lower-case words end here", out);
  EXPECT_FALSE(r.holding());
  r.feed(": EMAIL-7f3a", out);
  EXPECT_EQ(out, "Hello Every lower-case words end here: ");
  r.feed("91!", out);
  EXPECT_EQ(out, "Hello Every lower-case words end here: jane.roe@brightwater-logistics.com!");
}

TEST(TextRestorer, CutOffMidPlaceholderIsFlushedAsReceived) {
  const auto t = table();
  TextRestorer r(t, TextKind::kPlain);
  std::string out;
  r.feed("Reply to EMAIL-7f", out);
  r.finish(out);
  EXPECT_EQ(out, "Reply to EMAIL-7f");
}

TEST(TextRestorer, HeldBytesAreBoundedByTheLongestPlaceholder) {
  const auto t = table();
  TextRestorer r(t, TextKind::kPlain);
  std::string out;
  std::size_t fed = 0;
  // A very long stream made only of placeholder-ish bytes: nothing accumulates.
  for (int i = 0; i < 100000; ++i) {
    const std::string piece = i % 2 ? "EMAIL-" : "PERSON-NAME-";
    r.feed(piece, out);
    fed += piece.size();
    ASSERT_LT(fed - out.size(), t.max_length());
  }
  r.finish(out);
  EXPECT_EQ(out.size(), fed);
}

TEST(TextRestorer, JsonArgumentsGetEscapedValuesInsideStrings) {
  const auto t = table();
  const std::string args =
      R"({"to": "PERSON-NAME-a4c9e0 <EMAIL-7f3a91>", "note": "say \"PHONE-0b12cd\"", "n": PHONE-0b12cd})";
  const std::string whole = restore_text(t, args, TextKind::kJson);
  EXPECT_EQ(
      whole,
      R"({"to": "Jane \"JJ\" Roe <jane.roe@brightwater-logistics.com>", "note": "say \"+44 20 7946 0958\"", "n": +44 20 7946 0958})");
  // Cut anywhere (the string state is carried across pieces).
  for (std::size_t a = 0; a <= args.size(); ++a) {
    ASSERT_EQ(restore_in_pieces(t, args, {a}, TextKind::kJson), whole) << a;
  }
  // In plain text the same value goes in as it is.
  EXPECT_EQ(restore_text(t, "PERSON-NAME-a4c9e0", TextKind::kPlain), "Jane \"JJ\" Roe");
}

TEST(TextRestorer, ControlCharactersInValuesAreEscapedInJson) {
  PseudonymTable t;
  t.add("ADDRESS-00aa11", "1 Main St\nSpringfield\t\x01");
  EXPECT_EQ(restore_text(t, R"(["ADDRESS-00aa11"])", TextKind::kJson),
            R"(["1 Main St\nSpringfield\t\u0001"])");
}

TEST(TextRestorer, NonUtf8BytesPassThrough) {
  const auto t = table();
  const std::string text = std::string("\xff\xfe EMAIL-7f3a91 \xc3") + "\x28";
  EXPECT_EQ(restore_text(t, text, TextKind::kPlain),
            std::string("\xff\xfe jane.roe@brightwater-logistics.com \xc3") + "\x28");
}

TEST(TextRestorer, EmptyTableChangesNothing) {
  PseudonymTable t;
  EXPECT_EQ(restore_text(t, "EMAIL-7f3a91", TextKind::kPlain), "EMAIL-7f3a91");
  TextRestorer r(t, TextKind::kPlain);
  std::string out;
  r.feed("EMA", out);
  EXPECT_EQ(out, "EMA");
}

}  // namespace
}  // namespace switchyard::pseudonymize
