// The placeholder format and the key: typed, stable for a value under one key (so replicas agree),
// different across values and keys, and a key that is missing or short is refused without its
// value ever appearing in the message.
#include "adapters/pseudonymize/pseudonym_key.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "adapters/pseudonymize/pseudonym_table.h"

namespace switchyard::pseudonymize {
namespace {

const PseudonymKey kKey("unit-test-pseudonym-key-0123456789");

TEST(PlaceholderType, FromCategory) {
  EXPECT_EQ(placeholder_type("email"), "EMAIL");
  EXPECT_EQ(placeholder_type("phone"), "PHONE");
  EXPECT_EQ(placeholder_type("person_name"), "PERSON-NAME");
  EXPECT_EQ(placeholder_type("  private ip "), "PRIVATE-IP");
  EXPECT_EQ(placeholder_type("ipv4"), "IPV4");
  EXPECT_EQ(placeholder_type("3d_secure"), "D-SECURE");  // starts with a letter
  EXPECT_EQ(placeholder_type(""), "VALUE");
  EXPECT_EQ(placeholder_type("__"), "VALUE");
  EXPECT_EQ(placeholder_type("Ärzte"), "RZTE");  // non-ASCII letters are dropped, not mangled
  EXPECT_LE(placeholder_type(std::string(100, 'a')).size(), kMaxTypeLength);
  EXPECT_EQ(placeholder_type("a_" + std::string(40, 'b')).back(), 'B');  // no trailing '-'
}

TEST(PseudonymKey, PlaceholderIsTypedAndWellFormed) {
  const std::string p = kKey.placeholder("EMAIL", "jane.roe@brightwater-logistics.com", 0);
  EXPECT_EQ(p.size(), 5 + 1 + kHexDigits);
  EXPECT_EQ(p.substr(0, 6), "EMAIL-");
  EXPECT_TRUE(PseudonymTable::well_formed(p)) << p;
}

TEST(PseudonymKey, SameValueSamePlaceholderUnderOneKey) {
  // Two objects with the same secret stand for two replicas: no shared state, same answer.
  const PseudonymKey replica("unit-test-pseudonym-key-0123456789");
  EXPECT_EQ(kKey.placeholder("EMAIL", "a@b.io", 0), replica.placeholder("EMAIL", "a@b.io", 0));
  EXPECT_EQ(kKey.placeholder("PHONE", "+44 20 7946 0958", 3),
            replica.placeholder("PHONE", "+44 20 7946 0958", 3));
}

TEST(PseudonymKey, DifferentKeysValuesTypesAndProbesDiffer) {
  const PseudonymKey other("another-deployment-key-0123456789");
  EXPECT_NE(kKey.placeholder("EMAIL", "a@b.io", 0), other.placeholder("EMAIL", "a@b.io", 0));
  EXPECT_NE(kKey.placeholder("EMAIL", "a@b.io", 0), kKey.placeholder("EMAIL", "a@b.io", 1));
  EXPECT_NE(kKey.digest("EMAIL", "a@b.io", 0), kKey.digest("PHONE", "a@b.io", 0));
  // Length prefixes: moving a byte between type and value changes the input.
  EXPECT_NE(kKey.digest("AB", "C", 0), kKey.digest("A", "BC", 0));
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i)
    seen.insert(kKey.placeholder("EMAIL", "user" + std::to_string(i), 0));
  // 2000 values in 2^24 placeholders: a few collisions at most (plan_masks resolves those).
  EXPECT_GE(seen.size(), 1990u);
}

TEST(PseudonymKey, ShortKeyIsRefused) {
  EXPECT_THROW(PseudonymKey("short"), std::invalid_argument);
  EXPECT_NO_THROW(PseudonymKey(std::string(kMinKeyBytes, 'k')));
}

TEST(PseudonymKey, FromEnvironmentIsStrictAndNeverEchoesTheKey) {
  const std::string var = "SWITCHYARD_UNIT_PSEUDONYM_KEY";
  std::string error;
  ::unsetenv(var.c_str());
  EXPECT_FALSE(PseudonymKey::from_env(var, &error).has_value());
  EXPECT_NE(error.find(var), std::string::npos);
  EXPECT_NE(error.find("not set"), std::string::npos);

  ::setenv(var.c_str(), "tiny-secret", 1);
  error.clear();
  EXPECT_FALSE(PseudonymKey::from_env(var, &error).has_value());
  EXPECT_NE(error.find("too short"), std::string::npos);
  EXPECT_EQ(error.find("tiny-secret"), std::string::npos);

  ::setenv(var.c_str(), "unit-test-pseudonym-key-0123456789", 1);
  const auto key = PseudonymKey::from_env(var, &error);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->placeholder("EMAIL", "a@b.io", 0), kKey.placeholder("EMAIL", "a@b.io", 0));
  ::unsetenv(var.c_str());
}

TEST(PseudonymTable, WellFormedAndLookup) {
  EXPECT_TRUE(PseudonymTable::well_formed("EMAIL-7f3a91"));
  EXPECT_TRUE(PseudonymTable::well_formed("PERSON-NAME-000000"));
  EXPECT_FALSE(PseudonymTable::well_formed("EMAIL-7F3A91"));  // hex is lowercase
  EXPECT_FALSE(PseudonymTable::well_formed("email-7f3a91"));
  EXPECT_FALSE(PseudonymTable::well_formed("EMAIL_7f3a91"));
  EXPECT_FALSE(PseudonymTable::well_formed("EMAIL-7f3a9"));
  EXPECT_FALSE(PseudonymTable::well_formed("-7f3a91"));
  EXPECT_FALSE(PseudonymTable::well_formed("1D-7f3a91"));

  PseudonymTable table;
  EXPECT_TRUE(table.add("EMAIL-7f3a91", "jane@x.io"));
  EXPECT_FALSE(table.add("EMAIL-7f3a91", "other@x.io"));
  EXPECT_FALSE(table.add("EMAIL_7f3a91", "other@x.io"));
  EXPECT_TRUE(table.add("PERSON-NAME-7f3a91", "Jane Roe"));
  EXPECT_EQ(table.max_length(), std::string("PERSON-NAME-7f3a91").size());

  PseudonymTable::Match m;
  const std::string text = "to PERSON-NAME-7f3a91 at EMAIL-7f3a91.";
  ASSERT_TRUE(table.next_match(text, 0, &m));
  EXPECT_EQ(text.substr(m.begin, m.end - m.begin), "PERSON-NAME-7f3a91");
  EXPECT_EQ(m.entry->value, "Jane Roe");
  ASSERT_TRUE(table.next_match(text, m.end, &m));
  EXPECT_EQ(m.entry->value, "jane@x.io");
  EXPECT_FALSE(table.next_match(text, m.end, &m));
  // The match must start at or after `from`.
  EXPECT_FALSE(table.next_match("EMAIL-7f3a91", 1, &m));

  EXPECT_EQ(table.partial_at_end("write to EMA", 0), 9u);
  EXPECT_EQ(table.partial_at_end("write to EMAIL-7f3a9", 0), 9u);
  EXPECT_EQ(table.partial_at_end("write to EMAIL-7f3a92", 0), std::string_view::npos);
  EXPECT_EQ(table.partial_at_end("PERSON", 0), 0u);
  EXPECT_EQ(table.partial_at_end("no", 0), std::string_view::npos);
}

}  // namespace
}  // namespace switchyard::pseudonymize
