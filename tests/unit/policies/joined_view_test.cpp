// The joined view (design 4.4, issue 17): digit chains collapse, number words become digits,
// spelled-out addresses become addresses, values broken by a wrap or spread over messages are put
// back together, and every piece maps back to the segment it came from. Then the classifier: the
// rules that list the joined view find what the text views miss, with spans in each segment.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "policies/joined_view.h"
#include "test_support.h"

namespace switchyard::policy {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string rewritten(std::string_view in) {
  std::string out;
  OffsetMap map;
  if (!rewrite_for_joined_view(in, &out, &map)) return std::string(in);
  return out;
}

// The joined view of one or more segments, built without hints (looks everywhere).
std::string joined(std::vector<std::string_view> views) {
  JoinedView view;
  if (!view.build(views, nullptr)) return "";
  return std::string(view.text());
}

TEST(JoinedView, DigitGroupsCollapse) {
  EXPECT_THAT(rewritten("card 4 5 2 7, 8 0 5 2, 1 1 3 4, 9 9 0 1 please"),
              HasSubstr("4527805211349901"));
  EXPECT_THAT(rewritten("call me on 0 6 - 1 2 3 4 5 6 7 8"), HasSubstr("0612345678"));
}

TEST(JoinedView, NumberWordsBecomeDigits) {
  EXPECT_THAT(rewritten("Nummer: vier fünf drei sieben null zwei acht eins"),
              HasSubstr("45370281"));
  EXPECT_THAT(rewritten("numero tre tre nove, uno due quattro, cinque sei sette otto"),
              HasSubstr("3391245678"));
  EXPECT_THAT(rewritten("カード番号は四五二七八〇五二です"), HasSubstr("45278052"));
  // の separates the groups of a phone number as it is said.
  EXPECT_THAT(rewritten("携帯は〇九〇の七一三四の八二五九です"), HasSubstr("09071348259"));
  EXPECT_THAT(joined({"携帯: 090の7134の8259"}), HasSubstr("09071348259"));
}

// Numbers dictated in pairs and groups: teens, tens and hundreds with their units, one compound
// each, written out in digits; zeros and single units stay digits.
TEST(JoinedView, CompoundNumberWordsBecomeTheirDigits) {
  EXPECT_THAT(rewritten("portable : zéro six, quatre-vingt-un, cinquante-deux, soixante et onze"),
              HasSubstr("06815271"));
  EXPECT_THAT(rewritten("Handy: null eins sechs fünfundfünfzig sechsundsechzig dreizehn"),
              HasSubstr("016556613"));
  EXPECT_THAT(
      rewritten("llamen al seiscientos setenta y tres, ochenta y siete, cero ocho, veintitrés"),
      HasSubstr("673870823"));
  EXPECT_THAT(rewritten("numero tre quattro otto settantatré trentasei ventotto"),
              HasSubstr("348733628"));
  EXPECT_THAT(rewritten("bel op nul zes, zevenenvijftig, eenendertig, tweeëntwintig"),
              HasSubstr("06573122"));
  EXPECT_THAT(rewritten("numer siedemset dwadzieścia osiem, trzysta sześć, czterysta trzydzieści"),
              HasSubstr("728306430"));
  EXPECT_THAT(rewritten("ligar para o nove sessenta e dois quarenta e seis vinte e dois"),
              HasSubstr("9624622"));
  EXPECT_THAT(rewritten("o número é novecentos e doze, cinquenta e três, setecentos e oito"),
              HasSubstr("91253708"));
  EXPECT_THAT(rewritten("携帯はゼロキュウゼロ、ロクサンサンゴ、サンゼロニキュウです"),
              HasSubstr("09063353029"));
  // Two numbers in a row stay two ("twenty twenty" is 2020, not 40); a year or a count alone is
  // not rewritten.
  EXPECT_THAT(rewritten("call twenty twenty, thirty one, forty two"), HasSubstr("20203142"));
  EXPECT_THAT(rewritten("Treffen um vierzehn Uhr dreißig in Raum zweiundvierzig"),
              HasSubstr("vierzehn Uhr"));
}

// An identifier spelled on a call: capital letters alone and digits as words make one value, even
// where only two number words stand between two letters.
TEST(JoinedView, SpelledLettersJoinTheNumberWordsAroundThem) {
  EXPECT_THAT(rewritten("Cliente: I T zero quattro M tre sei sette sette sette nove sette uno"),
              HasSubstr("IT04M36777971"));
  EXPECT_THAT(rewritten("Klant: N L acht zes N K M M vier acht zeven acht een zes negen"),
              HasSubstr("NL86NKMM4878169"));
  // A lone capital among a few number words is no spelled identifier: the words alone collapse
  // as before, the letter stays.
  EXPECT_THAT(rewritten("Plan B: uno due tre quattro cinque"), HasSubstr("Plan B: 12345"));
  EXPECT_THAT(rewritten("Room A uno due tre quattro"), HasSubstr("Room A 1234"));
  // Letters without enough number words between them stay apart ("A B C" is not a value).
  EXPECT_THAT(rewritten("options A B C D E F G H I J K L uno due"), HasSubstr("A B C D"));
}

TEST(JoinedView, SpelledOutAddressesBecomeAddresses) {
  EXPECT_THAT(rewritten("write to anna.k [at] mailbox [dot] org today"),
              HasSubstr("anna.k@mailbox.org"));
  EXPECT_THAT(rewritten("scrivimi: giulia.b chiocciola libero punto it"),
              HasSubstr("giulia.b@libero.it"));
  // The local part keeps the accents of a name.
  EXPECT_THAT(rewritten("mail: kamińska44 małpa telefonica kropka es"),
              HasSubstr("kamińska44@telefonica.es"));
  // The words of every language also in brackets, as a German Impressum writes them.
  EXPECT_THAT(rewritten("Kontakt: j.hoffmann(at)hoffmann-bau(punkt)de"),
              HasSubstr("j.hoffmann@hoffmann-bau.de"));
  EXPECT_THAT(rewritten("scrivi a g.ferri[chiocciola]ferri-studio[punto]it"),
              HasSubstr("g.ferri@ferri-studio.it"));
  EXPECT_THAT(joined({"napisz na jan.kowalski(Małpa)kowalscy(kropka)pl"}),
              HasSubstr("jan.kowalski@kowalscy.pl"));
  // A bracketed word that is neither stays.
  EXPECT_THAT(rewritten("call (at)tention (punktlich) de"), Not(HasSubstr("@")));
}

TEST(JoinedView, OrdinaryWordsStayAsTheyAre) {
  // "at" and "dot" in prose, and counting in words, are not addresses or numbers to collapse.
  for (std::string_view text :
       {"We meet at the office at ten, dot the i's.", "Step one, two, three: open the menu.",
        "See you at acme.io soon"}) {
    EXPECT_THAT(rewritten(text), Not(HasSubstr("@"))) << text;
  }
  EXPECT_EQ(joined({"Summarize the attached press release in three bullet points."}), "");
}

// The address parser asks may_be_address_form() before it reads a form: wherever that says no,
// the full reading finds none either. Random texts of forms in every case, brackets, spaces and
// look-alike words, at every position.
TEST(JoinedView, FormPrefilterRejectsOnlyWhatIsNoForm) {
  const std::vector<std::string> pieces = {
      "@",
      "[at]",
      "(AT)",
      "{At}",
      "<at>",
      "[@]",
      "(@)",
      "{@}",
      "at",
      "AT",
      "At",
      "arroba",
      "Arroba",
      "chiocciola",
      "AROBASE",
      "apenstaartje",
      "ma\xc5\x82pa",
      "Klammeraffe",
      "atmark",
      "\xc3\xa4t",
      "\xc3\x84t",
      "\xe3\x82\xa2\xe3\x83\x83\xe3\x83\x88\xe3\x83\x9e\xe3\x83\xbc\xe3\x82\xaf",
      ".",
      "[dot]",
      "(DOT)",
      "{dot}",
      "<Dot>",
      "[.]",
      "(.)",
      "{.}",
      "dot",
      "Dot",
      "punto",
      "PUNKT",
      "point",
      "ponto",
      "punt",
      "Kropka",
      "\xe3\x83\x89\xe3\x83\x83\xe3\x83\x88",
      "anna",
      "gmail",
      "com",
      "x",
      "9",
      "_",
      "-",
      "[",
      "(",
      "{",
      "<",
      "]",
      ")",
      "\xc3\xa9",
      "\xe3\x80\x81",
      "\n",
      "bat",
      "dots",
      "pointe",
      "atom",
      "kat",
      "mat",
      "cat",
      "data"};
  std::mt19937 rng(41);
  std::size_t forms = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < count; ++k) {
      text += std::string(rng() % 3, ' ');
      text += pieces[rng() % pieces.size()];
    }
    text += std::string(rng() % 2, ' ');
    for (std::size_t i = 0; i <= text.size(); ++i) {
      for (const bool at_form : {true, false}) {
        std::size_t end = 0;
        const bool form = read_address_form_plain(text, i, at_form, &end);
        forms += form;
        if (form) {
          EXPECT_TRUE(may_be_address_form(text, i, at_form))
              << "at " << i << (at_form ? " (at)" : " (dot)") << " of \"" << text << "\"";
        }
      }
    }
  }
  EXPECT_GT(forms, 2000u);  // the texts hold forms of every kind
}

TEST(JoinedView, WrappedTokenIsPutBackTogether) {
  const std::string_view text =
      "$ export GITHUB_TOKEN=ghu_NgvJBcyWkxxda\nOE50Pdz3JbAzOicBNXJ5zcb\n$ git push";
  EXPECT_THAT(joined({text}), HasSubstr("ghu_NgvJBcyWkxxdaOE50Pdz3JbAzOicBNXJ5zcb"));
  // The next line of a config file is a key of its own, not the rest of the value.
  EXPECT_THAT(joined({"[default]\nsecret_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
                      "host_base = s3.amazonaws.com\n"}),
              Not(HasSubstr("EXAMPLEKEYhost_base")));
}

// A mail client wraps long lines at a space: a dictated number, a spelled-out address or the
// groups of an IBAN go on on the next line. A short line's break was its writer's.
TEST(JoinedView, ValuesWrappedAtASpaceGoOnOnTheNextLine) {
  EXPECT_THAT(joined({"Cliente: il mio numero di telefono è tre tre nove, uno due quattro,\n"
                      "cinque sei sette otto, grazie"}),
              HasSubstr("3391245678"));
  EXPECT_THAT(joined({"o número da D. Martins para a chamada é o nove sessenta e\n"
                      "seis treze catorze quarenta e sete"}),
              HasSubstr("966131447"));
  EXPECT_THAT(joined({"Ticket update: customer asks us to write to jbennett AT\n"
                      "contoso-health(dot)org instead."}),
              HasSubstr("jbennett@contoso-health.org"));
  EXPECT_THAT(joined({"Mzdu prosím posílejte na účet CZ81 9415 5952 8527\n3429 5928."}),
              HasSubstr("CZ81 94155952852734295928"));
  // Lines a person ended: a list of quantities, one per line.
  EXPECT_THAT(joined({"qty:\n4 5 2\n7 8 0\n5 2 1"}), Not(HasSubstr("452780")));
}

TEST(JoinedView, ValueSplitOverMessagesMapsToEachSegment) {
  const std::string_view first = "card number starts 4539 1488";
  const std::string_view second = "and then 0343 6467";
  JoinedView view;
  ASSERT_TRUE(view.build(std::vector<std::string_view>{first, second}, nullptr));
  const std::string_view text = view.text();
  const std::size_t at = text.find("4539148803436467");
  ASSERT_NE(at, std::string_view::npos) << text;
  std::vector<JoinedSource> sources;
  view.map(at, at + 16, &sources);
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].segment, 0u);
  EXPECT_EQ(first.substr(sources[0].begin, sources[0].end - sources[0].begin), "4539 1488");
  EXPECT_EQ(sources[1].segment, 1u);
  EXPECT_EQ(second.substr(sources[1].begin, sources[1].end - sources[1].begin), "0343 6467");
}

// The rules that list the joined view, through the classifier and the shipped packs.
std::shared_ptr<const Policy> shipped() {
  static const auto p = Policy::load_file(std::filesystem::path(SWITCHYARD_SOURCE_DIR) /
                                          "policies/packs/default.yaml");
  return p;
}

TEST(JoinedView, ClassifierFindsWrappedAndSplitValuesWithSpansInEachSegment) {
  const std::vector<std::string_view> segments = {"number starts 4539 1488", "0343 6467 exp 09/27"};
  const auto c = shipped()->classify(segments);
  ASSERT_FALSE(c.classifier_error) << c.error;
  EXPECT_EQ(c.handling, Handling::kInternal);
  bool card = false;
  for (const auto& m : c.matches) {
    if (m.id != "pii.payment-card" && m.id != "pii.payment-card-unformatted") continue;
    card = true;
    std::vector<std::uint32_t> in;
    for (const auto& s : m.spans) in.push_back(s.segment);
    EXPECT_THAT(in, ::testing::Contains(0u));
    EXPECT_THAT(in, ::testing::Contains(1u));
  }
  EXPECT_TRUE(card);
  // Each half alone is nothing.
  EXPECT_EQ(shipped()->classify("number starts 4539 1488").handling, Handling::kVendor);
}

TEST(JoinedView, ClassifierFindsDictatedAndSpelledOutValues) {
  EXPECT_NE(shipped()->classify("the card number is 4 5 3 9, 1 4 8 8, 0 3 4 3, 6 4 6 7").handling,
            Handling::kVendor);
  EXPECT_NE(shipped()->classify("Schreib mir: jonas.weber [at] posteo [dot] de").handling,
            Handling::kVendor);
  // Numbers said in hundreds and tens, found from the unit words the literal scan reports: back
  // through a compound that takes the unit in, and over a compound's connector.
  EXPECT_NE(shipped()
                ->classify("zadzwoń do mnie: sześćset czterdzieści dwa, trzysta siedemdziesiąt "
                           "jeden, osiemset dziewięćdziesiąt pięć")
                .handling,
            Handling::kVendor);
  EXPECT_NE(shipped()
                ->classify("llámame al seiscientos cuarenta y dos, trescientos setenta y uno, "
                           "ochocientos noventa y cinco")
                .handling,
            Handling::kVendor);
  // A counted list and a sentence with "at" stay with the vendor.
  EXPECT_EQ(shipped()->classify("Steps 1, 2, 3, 4 and 5 are done; we meet at noon.").handling,
            Handling::kVendor);
}

TEST(JoinedView, RuleOfTheJoinedViewAloneSkipsValuesWrittenWhole) {
  // Such a rule reports what the view put together; a value already whole in one segment is left
  // to the rules of the text views (the EAN in a product sheet is no dictated phone number).
  const auto policy = testing::load(R"(
policy: t
version: "1"
rules:
  - id: spelled-number
    level: restricted
    regex: '(?:^|[^0-9])([0-9]{10})(?:[^0-9]|$)'
    views: [joined]
  - id: both-views
    level: restricted
    regex: '(?:^|[^0-9])([0-9]{12})(?:[^0-9]|$)'
    views: [text, joined]
)");
  EXPECT_EQ(testing::rule_ids(policy->classify("call 0 6 1 2 3 4 5 6 7 8 today")),
            std::vector<std::string>{"spelled-number"});
  EXPECT_EQ(testing::rule_ids(policy->classify("four one five, two two five, one two three four")),
            std::vector<std::string>{"spelled-number"});
  // With something to join in the text the view is built, and the whole value is in it too.
  const std::string text = "Artikel 0612345678 Preis 13,51; call 0 6 1 2 3 4 5 6 7 9";
  const auto c = policy->classify(text);
  ASSERT_EQ(c.matches.size(), 1u);
  ASSERT_EQ(c.matches[0].spans.size(), 1u);
  EXPECT_EQ(text.substr(c.matches[0].spans[0].begin,
                        c.matches[0].spans[0].end - c.matches[0].spans[0].begin),
            "0 6 1 2 3 4 5 6 7 9");
  // A rule that also lists the text views still finds the whole value.
  EXPECT_EQ(testing::rule_ids(policy->classify("ref 061234567890 ok")),
            std::vector<std::string>{"both-views"});
}

// A scanner's OCR reads a 0, 1, 5 or 8 of a digit run as O, l, I, S or B. In a run of digit groups
// standing alone the view reads them back; a word, a code with real letters or a short number
// keeps its letters.
TEST(JoinedView, OcrMisreadsInDigitRunsAreReadBack) {
  EXPECT_THAT(joined({"Kartennummer 4S39 82S9 79l9 O743, gültig bis 09/27"}),
              HasSubstr("4539 8259 7919 0743"));
  EXPECT_THAT(joined({"Ref.: 55O1-2B73-64I9 (Scan)"}), HasSubstr("5501-2873-6419"));
  // The capitals of an IBAN's country (or an identifier's letter) stay letters.
  EXPECT_THAT(joined({"IBAN: CH22 0S70 9342 21S2 6918 4"}),
              HasSubstr("CH22 0570 9342 2152 6918 4"));
  EXPECT_THAT(joined({"Versichertennr. K441O19956"}), HasSubstr("K441019956"));
  // Left alone: words and codes with other letters, letters without a digit in their group, too
  // few digits, letters glued to the run, more than a third of the run misread.
  for (const std::string_view text :
       {"BOSS 1234 5678 OSLO", "order 4B12-XK77", "SOS 12345678", "Tel. O6 7l 84 29",
        "part 12345678Bx", "ISBO 12O4 BSlO 8I", "code 1O1O1O1O 5S5S5S5S"}) {
    EXPECT_EQ(rewritten(text), text);
  }
}

TEST(JoinedView, ClassifierFindsMisreadCardsAndIbansButNoPhoneInAnOrderNumber) {
  EXPECT_NE(shipped()->classify("Kartennummer 4S39 82S9 79l9 O743, gültig bis 09/27").handling,
            Handling::kVendor);
  // A rule of the joined view alone treats a misread run as written whole: an order number read
  // back is no dictated phone number.
  EXPECT_EQ(
      shipped()->classify("Customer quoted order number 5734346B4024; reply by phone.").handling,
      Handling::kVendor);
  EXPECT_TRUE(same_but_misread_digits("4S39 O7", "4539 07"));
  EXPECT_FALSE(same_but_misread_digits("4S39 O7", "4539 17"));
  EXPECT_FALSE(same_but_misread_digits("4X39", "4539"));
}

TEST(JoinedView, ViewsKeyIsCheckedAtLoad) {
  const auto errors = testing::load_errors(R"(
policy: t
version: "1"
rules:
  - id: a
    level: restricted
    regex: 'x[0-9]+'
    views: [joind]
)");
  ASSERT_FALSE(errors.empty());
  EXPECT_THAT(errors[0], HasSubstr("unknown view 'joind'; did you mean 'joined'?"));
}

}  // namespace
}  // namespace switchyard::policy
