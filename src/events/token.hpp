// Words of a sentence for trigger and actor matching: byte spans into the article text and a
// lowercase ASCII-folded key. Punctuation becomes one-character tokens (clause boundaries are
// found among them); a possessive "'s" becomes its own token so "Syria's" still reads "syria".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::events {

struct Token {
    std::size_t begin = 0; // byte offsets in the article text
    std::size_t end = 0;
    std::string key;   // lowercase ("attacked", "u.s.", "'s", ",")
    bool word = false; // letters or digits (false for punctuation)
    bool capitalized = false;
};

// Tokenises text[begin, end) (valid UTF-8).
std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end);

} // namespace eventmap::events
