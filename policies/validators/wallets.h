// Wallet secrets of cryptocurrencies (validators of the policy language, design 4.2): a seed
// phrase is words of the BIP-39 list, which a wallet turns back into every key it holds.
#pragma once

#include <string_view>

namespace switchyard::policy {

// A seed phrase as typed or pasted: at least twelve words in a row from the BIP-39 English list
// (any case; spaces, commas, quotes, line breaks or a numbering "1." between them), at least six
// of them different. Prose breaks a run with its short words (a, to, of, the are not in the
// list); a placeholder of one repeated word ("test test ... junk") has too few different words.
bool bip39_phrase_valid(std::string_view value);

// Whether one lower-case word is in the BIP-39 English list.
bool bip39_word(std::string_view word);

}  // namespace switchyard::policy
