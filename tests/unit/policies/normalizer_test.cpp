#include "policies/normalizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace switchyard::policy {
namespace {

using ViewKind = NormalizedText::ViewKind;

NormalizedText build(std::string_view text) {
  NormalizedText n;
  std::string error;
  EXPECT_TRUE(n.build(text, NormalizerLimits{}, &error)) << error;
  return n;
}

// The original bytes a view range stands for.
std::string original_of(const NormalizedText& n, ViewKind kind, std::string_view needle) {
  const std::string_view view = n.view(kind);
  const std::size_t at = view.find(needle);
  EXPECT_NE(at, std::string_view::npos) << "'" << needle << "' not in view '" << view << "'";
  if (at == std::string_view::npos) return {};
  const auto [begin, end] = n.to_original(kind, at, at + needle.size());
  return std::string(n.original().substr(begin, end - begin));
}

TEST(Normalizer, AsciiProseIsNeverCopied) {
  const std::string text = "Please summarize the attached press release for the team.";
  const NormalizedText n = build(text);
  EXPECT_EQ(n.normalized().data(), text.data());
  EXPECT_FALSE(n.has_decoded());
  EXPECT_EQ(n.keyword().data(), text.data());
}

TEST(Normalizer, FullWidthDigitsAndLettersBecomeAscii) {
  const std::string text =
      "card \xEF\xBC\x94\xEF\xBC\x95\xEF\xBC\x93\xEF\xBC\x99 and "
      "\xEF\xBC\xA3\xEF\xBC\xAF\xEF\xBC\xAE\xEF\xBC\xA6";  // ４５３９ ＣＯＮＦ
  const NormalizedText n = build(text);
  EXPECT_EQ(n.normalized(), "card 4539 and CONF");
  EXPECT_EQ(original_of(n, ViewKind::kNormalized, "4539"),
            "\xEF\xBC\x94\xEF\xBC\x95\xEF\xBC\x93\xEF\xBC\x99");
  EXPECT_EQ(original_of(n, ViewKind::kNormalized, "53"), "\xEF\xBC\x95\xEF\xBC\x93");
  EXPECT_EQ(original_of(n, ViewKind::kNormalized, "and"), "and");
}

TEST(Normalizer, OtherScriptDigitsBecomeAscii) {
  // Arabic-Indic ٤٥ and Devanagari ३९
  const NormalizedText n = build("\xD9\xA4\xD9\xA5\xE0\xA5\xA9\xE0\xA5\xAF");
  EXPECT_EQ(n.normalized(), "4539");
}

TEST(Normalizer, FormatCharactersAreRemovedButCoveredBySpans) {
  // AKIA<ZWSP>IOSF<soft hyphen>ODNN<word joiner>7<BOM>X
  const std::string text =
      "key AKIA\xE2\x80\x8BIOSF\xC2\xADODNN\xE2\x81\xA0"
      "7\xEF\xBB\xBFX end";
  const NormalizedText n = build(text);
  EXPECT_EQ(n.normalized(), "key AKIAIOSFODNN7X end");
  EXPECT_EQ(original_of(n, ViewKind::kNormalized, "AKIAIOSFODNN7X"),
            "AKIA\xE2\x80\x8BIOSF\xC2\xADODNN\xE2\x81\xA0"
            "7\xEF\xBB\xBFX");
}

TEST(Normalizer, DashesAndSpacesBecomeAscii) {
  // en dash, minus sign, non-breaking space, ideographic space
  const NormalizedText n = build(
      "a\xE2\x80\x93"
      "b\xE2\x88\x92"
      "c\xC2\xA0"
      "d\xE3\x80\x80"
      "e");
  EXPECT_EQ(n.normalized(), "a-b-c d e");
}

TEST(Normalizer, CombiningMarksComposeWithTheLetterBefore) {
  const NormalizedText n = build("cafe\xCC\x81 ok");  // e + combining acute
  EXPECT_EQ(n.normalized(), "caf\xC3\xA9 ok");
  EXPECT_EQ(original_of(n, ViewKind::kNormalized, "\xC3\xA9"), "e\xCC\x81");
  EXPECT_EQ(original_of(n, ViewKind::kNormalized, "ok"), "ok");
}

TEST(Normalizer, InvalidUtf8IsAnError) {
  NormalizedText n;
  std::string error;
  EXPECT_FALSE(n.build("abc\xC3(", NormalizerLimits{}, &error));
  EXPECT_NE(error.find("UTF-8"), std::string::npos);
  EXPECT_FALSE(n.build("\xED\xA0\x80", NormalizerLimits{}, &error));      // surrogate
  EXPECT_FALSE(n.build("\xC0\xAF", NormalizerLimits{}, &error));          // overlong
  EXPECT_FALSE(n.build("\xF4\x90\x80\x80", NormalizerLimits{}, &error));  // > U+10FFFF
}

TEST(Normalizer, PercentEncodingDecodes) {
  const NormalizedText n = build("redirect_uri=https%3A%2F%2Fwiki.corp.globex.internal%2Fx");
  ASSERT_TRUE(n.has_decoded());
  EXPECT_EQ(n.decoded(), "redirect_uri=https://wiki.corp.globex.internal/x");
  EXPECT_EQ(original_of(n, ViewKind::kDecoded, "://"), "%3A%2F%2F");
  EXPECT_EQ(original_of(n, ViewKind::kDecoded, "wiki"), "wiki");
}

TEST(Normalizer, PercentEncodedUtf8AndPlus) {
  const NormalizedText n = build("q=caf%C3%A9+4539+1488");
  EXPECT_EQ(n.decoded(), "q=caf\xC3\xA9 4539 1488");
  // '+' is a space only in form-encoded text (one with %XX escapes), wherever the escape is.
  EXPECT_EQ(build("4539+1488 then 100%25").decoded(), "4539 1488 then 100%");
  EXPECT_FALSE(build("c++ and 4539+1488").has_decoded());
  // Invalid UTF-8 after decoding stays as written.
  EXPECT_FALSE(build("x=%FF%FE").has_decoded());
}

TEST(Normalizer, HtmlEntitiesDecode) {
  const NormalizedText n = build("maria&#64;example&period;com &lt;x&gt; &#x41;");
  EXPECT_EQ(n.decoded(), "maria@example.com <x> A");
  EXPECT_EQ(original_of(n, ViewKind::kDecoded, "@"), "&#64;");
  EXPECT_FALSE(build("fish &chips; AT&T &#0;").has_decoded());
}

TEST(Normalizer, BackslashUEscapesDecode) {
  const NormalizedText n = build(R"(pan \u0034\u0035\u0033\u0039 smile \ud83d\ude00)");
  EXPECT_EQ(n.decoded(), "pan 4539 smile \xF0\x9F\x98\x80");
  EXPECT_EQ(original_of(n, ViewKind::kDecoded, "4539"), R"(\u0034\u0035\u0033\u0039)");
}

TEST(Normalizer, JsonShortEscapesDecode) {
  // A log line or notebook cell pasted as its JSON string.
  const NormalizedText n = build(R"({"msg":"DB_PASSWORD=\"Tr0ub4dor\"\n\tnext\\line \/x"})");
  EXPECT_EQ(n.decoded(), "{\"msg\":\"DB_PASSWORD=\"Tr0ub4dor\"\n\tnext\\line /x\"}");
  EXPECT_EQ(original_of(n, ViewKind::kDecoded, "\"Tr0ub4dor\"\n"), R"(\"Tr0ub4dor\"\n)");
  // A backslash before anything else stays.
  EXPECT_FALSE(build(R"(C:\Users\bob and \q)").has_decoded());
}

TEST(Normalizer, TypographicQuotesBecomeAscii) {
  // “…” ‘…’ „…“ as word processors and chat apps write them; guillemets stay.
  const NormalizedText n = build(
      "password \xE2\x80\x9CS3cret!\xE2\x80\x9D, it\xE2\x80\x99s \xE2\x80\x9Ex\xE2\x80\x9C "
      "\xC2\xAB"
      "y\xC2\xBB");
  EXPECT_EQ(n.normalized(),
            "password \"S3cret!\", it's \"x\" \xC2\xAB"
            "y\xC2\xBB");
  EXPECT_EQ(original_of(n, ViewKind::kNormalized, "\"S3cret!\""),
            "\xE2\x80\x9CS3cret!\xE2\x80\x9D");
}

TEST(Normalizer, Cp1252MojibakeIsRepaired) {
  // "MÃ¼ller", "contraseÃ±a", "donâ€™t", "ÃŸ" (0x9F is Ÿ in cp1252) as a wrong code page leaves
  // them.
  const NormalizedText n = build(
      "M\xC3\x83\xC2\xBCller contrase\xC3\x83\xC2\xB1"
      "a don\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t "
      "Stra\xC3\x83\xC5\xB8"
      "e");
  EXPECT_EQ(n.normalized(),
            "M\xC3\xBCller contrase\xC3\xB1"
            "a don't Stra\xC3\x9F"
            "e");
  EXPECT_EQ(original_of(n, ViewKind::kNormalized, "\xC3\xBC"), "\xC3\x83\xC2\xBC");
  // Real text with these letters stays: "SÃO PAULO", "Âge", "â€" without a third piece.
  const std::string kept = "S\xC3\x83O PAULO, \xC3\x82ge, \xC3\xA2\xE2\x82\xAC.";
  EXPECT_EQ(build(kept).normalized().find("\xC3\x83O"), 1u);
  EXPECT_NE(build(kept).normalized().find("\xC3\x82ge"), std::string_view::npos);
}

TEST(Normalizer, CopyMarksAreRemovedInTheDecodedView) {
  // E-mail quotes and line-number gutters (cat -n, nl) at line starts.
  NormalizedText n = build("> > requirepass s3cret\n>> PID|1\n    12\tline\nx > y\n");
  EXPECT_EQ(n.decoded(), "requirepass s3cret\nPID|1\nline\nx > y\n");
  EXPECT_EQ(original_of(n, ViewKind::kDecoded, "requirepass"), "requirepass");
  EXPECT_EQ(n.normalized(), n.original());  // the other views keep the marks
  // Numbers that are content, not a gutter, stay: "0. Definitions", "10:30 meeting", a TSV row.
  EXPECT_FALSE(build("0. Definitions\n10:30 meeting\nname\t3\t4\na > b").has_decoded());
  // A CSV cell's doubled quotes, next to a word; an empty string ("") stays.
  n = build("17,\"secret = \"\"Tr0ub4dor\"\" (old)\"\nx = \"\", y = \"\"\"\"");
  EXPECT_EQ(n.decoded(), "17,\"secret = \"Tr0ub4dor\" (old)\"\nx = \"\", y = \"\"\"\"");
  // Windows line ends.
  EXPECT_EQ(build("a=1\r\nb=2\r\nhl7\rsegment").decoded(), "a=1\nb=2\nhl7\rsegment");
  // Shell history under a question: two lines with consecutive numbers in the first lines.
  n = build("why?\n  501  cat ~/.pgpass\n  502* db:5432:*:app:Orb1t!\n");
  EXPECT_EQ(n.decoded(), "why?\ncat ~/.pgpass\ndb:5432:*:app:Orb1t!\n");
  EXPECT_EQ(original_of(n, ViewKind::kDecoded, "db:5432"), "db:5432");
  // Numbers that do not count up are a table, not a history.
  EXPECT_FALSE(build("  2019  Berlin\n  2021  Paris\n").has_decoded());
  EXPECT_FALSE(build("  7  apples\n").has_decoded());
}

TEST(Normalizer, HtmlMailTagsBecomeLines) {
  const NormalizedText n = build(
      "<div class=\"x>y\">pass: <b>Tr0ub4dor</b><br>\nnext</div><p>one</p><p>two</p>"
      "<td>a</td><td>b</td>");
  EXPECT_EQ(n.decoded(), "pass: Tr0ub4dor\nnext\none\ntwo\na b ");
  EXPECT_EQ(original_of(n, ViewKind::kDecoded, "Tr0ub4dor"), "Tr0ub4dor");
  // Placeholders, XML elements and comparisons are no HTML.
  EXPECT_FALSE(build("key <YOUR_KEY>, <password>x</password>, a < b, List<String>").has_decoded());
}

TEST(Normalizer, Base64BlobsDecodeWhenTheyAreText) {
  // "user:hunter2-password" and "Project Kestrel launch"
  const NormalizedText n = build(
      "Authorization: Basic dXNlcjpodW50ZXIyLXBhc3N3b3Jk and UHJvamVjdCBLZXN0cmVsIGxhdW5jaA==");
  ASSERT_TRUE(n.has_decoded());
  EXPECT_EQ(n.decoded(), "Authorization: Basic user:hunter2-password and Project Kestrel launch");
  // A match inside a decoded blob maps to the whole blob in the original.
  EXPECT_EQ(original_of(n, ViewKind::kDecoded, "Kestrel"), "UHJvamVjdCBLZXN0cmVsIGxhdW5jaA==");
}

TEST(Normalizer, BinaryBase64AndIdentifiersStayAsWritten) {
  // A SHA-256 in hex and a long identifier are base64 alphabet, but decode to binary.
  EXPECT_FALSE(build("digest e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                   .has_decoded());
  EXPECT_FALSE(build("call createElementNSFromTemplate now").has_decoded());
  EXPECT_FALSE(build("short aGVsbG8= blob").has_decoded());  // under 16 characters
}

TEST(Normalizer, HexRunsDecodeWhenTheyAreText) {
  // auditd's proctitle: "curl -u admin:Maple808$ https://10.0.191.123/api" with NULs between the
  // arguments, which read as spaces
  const NormalizedText n = build(
      "proctitle=6375726C002D750061646D696E3A4D61706C6538303824006874747073"
      "3A2F2F31302E302E3139312E3132332F617069 end");
  ASSERT_TRUE(n.has_decoded());
  EXPECT_EQ(n.decoded(), "proctitle=curl -u admin:Maple808$ https://10.0.191.123/api end");
  // Hashes and ids in hex decode to binary and stay as written; an odd length is no hex text.
  EXPECT_FALSE(
      build("sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").has_decoded());
  EXPECT_FALSE(build("id 0123456789abcdef0").has_decoded());
}

TEST(Normalizer, DecodingIsRecursiveToDepthTwo) {
  // base64("c2VjcmV0IGNvZGVuYW1lIEhhbGN5b24=") where the inner is base64("secret codename Halcyon")
  const NormalizedText n = build("blob YzJWamNtVjBJR052WkdWdVlXMWxJRWhoYkdONWIyND0= end");
  EXPECT_EQ(n.decoded(), "blob secret codename Halcyon end");
  NormalizedText shallow;
  std::string error;
  NormalizerLimits one;
  one.max_decode_depth = 1;
  ASSERT_TRUE(shallow.build("blob YzJWamNtVjBJR052WkdWdVlXMWxJRWhoYkdONWIyND0= end", one, &error));
  EXPECT_EQ(shallow.decoded(), "blob c2VjcmV0IGNvZGVuYW1lIEhhbGN5b24= end");
}

TEST(Normalizer, KeywordViewFoldsHomoglyphsAndCase) {
  // Cyrillic Н, а, о and Greek Κ in "Наlcyon" / "ΚESTREL"; German capital Ü folds to ü.
  const NormalizedText n = build(
      "\xD0\x9D\xD0\xB0lcy\xD0\xBEn \xCE\x9A"
      "ESTREL M\xC3\x9CLLER");
  EXPECT_EQ(n.keyword(), "Halcyon KESTREL M\xC3\xBCLLER");
  EXPECT_EQ(original_of(n, ViewKind::kKeyword, "Halcyon"), "\xD0\x9D\xD0\xB0lcy\xD0\xBEn");
}

// Lower-cased evasions write the small capitals of Cyrillic and Greek: м т к н in "мanта-3",
// τ in "kesτrel". A letter without a Latin look-alike stays (д in "дом").
TEST(Normalizer, KeywordViewFoldsSmallCapitalLookAlikes) {
  const NormalizedText n = build(
      "\xD0\xBC"
      "an\xD1\x82\xD0\xB0-3 kes\xCF\x84rel \xD0\xB4\xD0\xBE\xD0\xBC");
  EXPECT_EQ(n.keyword(), "manta-3 kestrel \xD0\xB4om");
}

TEST(Normalizer, KeywordViewCollapsesLetterSpacing) {
  EXPECT_EQ(build("the p r o j e c t  k e s t r e l plan").keyword(), "the project  kestrel plan");
  EXPECT_EQ(build("stamp I.N.T.E.R.N.A.L now").keyword(), "stamp INTERNAL now");
  EXPECT_EQ(build("H-a-l-c-y-o-n").keyword(), "Halcyon");
  // Ordinary single letters are left alone.
  EXPECT_EQ(build("a cat and I went").keyword(), "a cat and I went");
  EXPECT_EQ(build("options a, b, c").keyword(), "options a, b, c");
  const NormalizedText n = build("x C O N F I D E N T I A L y");
  EXPECT_EQ(original_of(n, ViewKind::kKeyword, "CONFIDENTIAL"), "C O N F I D E N T I A L");
}

TEST(Normalizer, ViewsChainThroughEveryStage) {
  // Full-width, then percent-encoded, then spaced out: all map back to the original.
  const std::string text =
      "\xEF\xBC\xA8"
      "alcyon %48%61%6C%63%79%6F%6E h a l c y o n";
  const NormalizedText n = build(text);
  EXPECT_EQ(n.normalized(), "Halcyon %48%61%6C%63%79%6F%6E h a l c y o n");
  EXPECT_EQ(n.decoded(), "Halcyon Halcyon h a l c y o n");
  EXPECT_EQ(n.keyword(), "Halcyon Halcyon halcyon");
  const std::string_view k = n.keyword();
  auto [b1, e1] = n.to_original(ViewKind::kKeyword, 0, 7);
  EXPECT_EQ(text.substr(b1, e1 - b1),
            "\xEF\xBC\xA8"
            "alcyon");
  auto [b2, e2] = n.to_original(ViewKind::kKeyword, 8, 15);
  EXPECT_EQ(text.substr(b2, e2 - b2), "%48%61%6C%63%79%6F%6E");
  auto [b3, e3] = n.to_original(ViewKind::kKeyword, 16, k.size());
  EXPECT_EQ(text.substr(b3, e3 - b3), "h a l c y o n");
}

TEST(OffsetMap, IdentityAndReplacementPieces) {
  OffsetMap map;
  map.add_identity(0, 4);        // view 0..4 -> src 0..4
  map.add_replacement(4, 6, 1);  // view 4 -> src 4..10
  map.add_identity(12, 3);       // view 5..8 -> src 12..15 (src 10..12 removed)
  using Range = std::pair<std::size_t, std::size_t>;
  EXPECT_EQ(map.map(0, 4), Range(0, 4));
  EXPECT_EQ(map.map(4, 5), Range(4, 10));
  EXPECT_EQ(map.map(3, 6), Range(3, 13));
  EXPECT_EQ(map.map(5, 8), Range(12, 15));
}

// The HTML tags the copy-mark stage knows (looked up by the name's length): each, in either case,
// opening or closing, goes; a closing block tag leaves a line end, a closing cell a space. Names
// one letter off, or of a length no known name has, stay.
TEST(Normalizer, KnownHtmlTagsAndNoOthers) {
  const std::pair<std::string, std::string> kTags[] = {{"p", "\n"},
                                                       {"div", "\n"},
                                                       {"br", "\n"},
                                                       {"li", "\n"},
                                                       {"tr", "\n"},
                                                       {"h1", "\n"},
                                                       {"h2", "\n"},
                                                       {"h3", "\n"},
                                                       {"h4", "\n"},
                                                       {"h5", "\n"},
                                                       {"h6", "\n"},
                                                       {"hr", "\n"},
                                                       {"ul", "\n"},
                                                       {"ol", "\n"},
                                                       {"table", "\n"},
                                                       {"tbody", "\n"},
                                                       {"thead", "\n"},
                                                       {"pre", "\n"},
                                                       {"blockquote", "\n"},
                                                       {"td", " "},
                                                       {"th", " "},
                                                       {"b", ""},
                                                       {"i", ""},
                                                       {"u", ""},
                                                       {"em", ""},
                                                       {"strong", ""},
                                                       {"span", ""},
                                                       {"font", ""},
                                                       {"a", ""},
                                                       {"code", ""},
                                                       {"small", ""},
                                                       {"sup", ""},
                                                       {"sub", ""},
                                                       {"mark", ""},
                                                       {"tt", ""},
                                                       {"s", ""},
                                                       {"strike", ""},
                                                       {"big", ""},
                                                       {"ins", ""},
                                                       {"del", ""}};
  for (const auto& [name, closed] : kTags) {
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string out;
    OffsetMap map;
    ASSERT_TRUE(unwrap_copy_marks("x</" + upper + ">y", &out, &map)) << name;
    EXPECT_EQ(out, "x" + closed + "y") << name;
    ASSERT_TRUE(unwrap_copy_marks("x<" + name + " class=\"k\">y", &out, &map)) << name;
    const bool line_break = name == "br" || name == "hr";
    EXPECT_EQ(out, line_break ? "x\ny" : "xy") << name;
    for (const std::string& other : {name + "x", name.substr(1) + "q", "q" + name.substr(1)}) {
      const bool known = std::any_of(std::begin(kTags), std::end(kTags),
                                     [&](const auto& tag) { return tag.first == other; });
      if (known) continue;
      EXPECT_FALSE(unwrap_copy_marks("x<" + other + ">y", &out, &map)) << other;
    }
  }
}

}  // namespace
}  // namespace switchyard::policy
