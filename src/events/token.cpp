#include "events/token.hpp"

#include <cctype>

namespace eventmap::events {

namespace {

bool ascii_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Typographic punctuation in UTF-8 that must not glue to words: quotes, dashes, ellipsis.
std::size_t typographic_punct(std::string_view text, std::size_t i) {
    if (text.size() - i >= 3 && static_cast<unsigned char>(text[i]) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80) {
        const auto c = static_cast<unsigned char>(text[i + 2]);
        if ((c >= 0x90 && c <= 0x9F) || c == 0xA6) { // dashes, quotes, ellipsis
            return 3;
        }
    }
    if (text.size() - i >= 2 && static_cast<unsigned char>(text[i]) == 0xC2) {
        const auto c = static_cast<unsigned char>(text[i + 1]);
        if (c == 0xAB || c == 0xBB) { // « »
            return 2;
        }
    }
    return 0;
}

// Unicode spaces in UTF-8 (no-break, thin, narrow no-break, ideographic...): the bytes of one,
// or 0. They separate words as a plain space does, so "their<no-break space>attack" is two
// words with nothing between, not a word, a punctuation token and a word.
std::size_t unicode_space(std::string_view text, std::size_t i) {
    const auto at = [&text, i](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const std::size_t left = text.size() - i;
    if (left >= 2 && at(0) == 0xC2 && at(1) == 0xA0) {
        return 2;
    }
    if (left >= 3 && at(0) == 0xE2 && at(1) == 0x80 && (at(2) <= 0x8A || at(2) == 0xAF)) {
        return 3;
    }
    if (left >= 3 && ((at(0) == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) ||
                      (at(0) == 0xE3 && at(1) == 0x80 && at(2) == 0x80))) {
        return 3;
    }
    return 0;
}

bool word_byte(std::string_view text, std::size_t i) {
    const char c = text[i];
    return ascii_alnum(c) || (static_cast<unsigned char>(c) >= 0x80 &&
                              typographic_punct(text, i) == 0 && unicode_space(text, i) == 0);
}

bool is_apostrophe(std::string_view text, std::size_t i, std::size_t& length) {
    if (text[i] == '\'') {
        length = 1;
        return true;
    }
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
        length = 3;
        return true;
    }
    return false;
}

} // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<Token> out;
    std::size_t i = begin;
    while (i < end) {
        const char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        if (const std::size_t space = unicode_space(text, i); space > 0) {
            i += space;
            continue;
        }
        std::size_t apostrophe = 0;
        if (!out.empty() && out.back().end == i && out.back().word &&
            is_apostrophe(text, i, apostrophe) && i + apostrophe < end &&
            (text[i + apostrophe] == 's' || text[i + apostrophe] == 'S') &&
            (i + apostrophe + 1 >= end || !word_byte(text, i + apostrophe + 1))) {
            out.push_back(Token{i, i + apostrophe + 1, "'s", true, false});
            i += apostrophe + 1;
            continue;
        }
        if (!word_byte(text, i)) {
            std::size_t n = typographic_punct(text, i);
            if (n == 0) {
                n = 1;
            }
            out.push_back(Token{i, i + n, std::string(text.substr(i, n)), false, false});
            i += n;
            continue;
        }
        std::size_t j = i;
        std::size_t segment = i; // start of the part after the last inner period
        while (j < end) {
            if (word_byte(text, j)) {
                ++j;
                continue;
            }
            // Inner hyphen (rebel-held), apostrophe (didn't, Shi'ite) or the periods of a
            // dotted acronym (U.S) join; a possessive "'s" is split off.
            std::size_t n = 0;
            const bool apostrophe_here = is_apostrophe(text, j, n);
            if (!apostrophe_here) {
                n = 1;
            }
            if (j + n >= end || !word_byte(text, j + n)) {
                break;
            }
            if (apostrophe_here) {
                const bool possessive = (text[j + n] == 's' || text[j + n] == 'S') &&
                                        (j + n + 1 >= end || !word_byte(text, j + n + 1));
                if (possessive) {
                    break;
                }
                j += n;
            } else if (text[j] == '-') {
                ++j;
            } else if (text[j] == '.' && j - segment == 1) {
                ++j;
                segment = j;
            } else {
                break;
            }
        }
        if (j < end && text[j] == '.' && segment != i && j - segment == 1) {
            ++j; // "U.S." keeps its final period
        }
        Token t{i, j, std::string(text.substr(i, j - i)), true,
                std::isupper(static_cast<unsigned char>(c)) != 0};
        for (char& k : t.key) {
            k = static_cast<char>(std::tolower(static_cast<unsigned char>(k)));
        }
        out.push_back(std::move(t));
        i = j;
    }
    return out;
}

} // namespace eventmap::events
