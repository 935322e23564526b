// The seed phrase validator (policies/validators/wallets.h): twelve BIP-39 words in a row, six of
// them different, whatever stands between them.
#include "policies/validators/wallets.h"

#include <gtest/gtest.h>

namespace switchyard::policy {
namespace {

TEST(Wallets, Bip39Words) {
  EXPECT_TRUE(bip39_word("abandon"));
  EXPECT_TRUE(bip39_word("zoo"));
  EXPECT_TRUE(bip39_word("satoshi"));
  EXPECT_FALSE(bip39_word("the"));
  EXPECT_FALSE(bip39_word("kettle"));
  EXPECT_FALSE(bip39_word("Abandon"));  // the list is lower case; the phrase check folds case
}

TEST(Wallets, SeedPhraseOfTwelveListWords) {
  EXPECT_TRUE(bip39_phrase_valid(
      "ocean tiger rural flame copper mystery wagon solar harvest ribbon legend vacuum"));
  EXPECT_TRUE(bip39_phrase_valid(
      "OCEAN TIGER RURAL FLAME COPPER MYSTERY WAGON SOLAR HARVEST RIBBON LEGEND VACUUM"));
  EXPECT_TRUE(
      bip39_phrase_valid("1. ocean 2. tiger 3. rural 4. flame 5. copper 6. mystery\n"
                         "7. wagon 8. solar 9. harvest 10. ribbon 11. legend 12. vacuum"));
  EXPECT_TRUE(bip39_phrase_valid(
      "words were ocean, tiger, rural, flame, copper, mystery, wagon, solar, harvest, ribbon, "
      "legend, vacuum"));  // the run starts after the prose
  // Eleven list words, then a word not in the list.
  EXPECT_FALSE(bip39_phrase_valid(
      "ocean tiger rural flame copper mystery wagon solar harvest ribbon legend kettle"));
  // A word off the list in the middle breaks the run into two short ones.
  EXPECT_FALSE(bip39_phrase_valid(
      "ocean tiger rural flame copper mystery the wagon solar harvest ribbon legend vacuum"));
  // One repeated word is a placeholder (hardhat's default), not a wallet.
  EXPECT_FALSE(bip39_phrase_valid("test test test test test test test test test test test junk"));
  EXPECT_FALSE(bip39_phrase_valid(""));
}

}  // namespace
}  // namespace switchyard::policy
