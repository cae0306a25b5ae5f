// Splits article text into the tokens the date grammar works on: words (looked up in the
// temporal lexicon once, here), numbers (with their value, digit count and ordinal/decade
// suffix) and punctuation. Works on bytes of valid UTF-8; never allocates per token beyond
// the token vector itself.
#pragma once

#include "dates/lexicon.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::dates {

enum class TokenKind : std::uint8_t { word, number, punct };

struct Token {
    std::uint32_t begin = 0; // byte offsets into the text, end exclusive
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::punct;
    Lex lex = Lex::none; // lexicon class of a word (Lex::none for numbers and punctuation)
    std::int16_t lex_value = 0;
    bool space_before = false;   // whitespace (or text start) separates it from the previous token
    bool newline_before = false; // a line break separates it from the previous token
    bool capitalized = false;    // word starting with an ASCII capital
    bool all_caps = false;       // word of two or more letters, all capitals
    // Numbers only.
    std::uint8_t digits = 0; // digit count of the integer part (1,400 counts 4)
    bool grouped = false;    // written with thousands separators: 1,400
    bool decimal = false;    // 2.5
    bool ordinal = false;    // 21st, 12th
    bool decade_s = false;   // 1990s, 80s
    long value = -1;         // integer value (-1 when over 9 digits)
    char punct = 0;          // punctuation: the ASCII character, or '-' for dashes, '\'' for quotes
};

// Tokenizes `text`; `lower` receives an ASCII-lowercased copy of it (same offsets) that token
// words can be viewed in.
std::vector<Token> tokenize(std::string_view text, std::string& lower);

inline std::string_view token_text(std::string_view text, const Token& t) {
    return text.substr(t.begin, t.end - t.begin);
}

} // namespace eventmap::dates
