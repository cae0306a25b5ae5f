#include "dates/lexer.hpp"

namespace eventmap::dates {

namespace {

bool is_ascii_letter(unsigned char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

// Length of a multi-byte sequence at i that acts as whitespace (NBSP, thin spaces), else 0.
std::size_t unicode_space(std::string_view s, std::size_t i) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        return 2;
    }
    if (c0 == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const auto c2 = static_cast<unsigned char>(s[i + 2]);
        if (c2 <= 0x8A || c2 == 0xAF) {
            return 3;
        }
    }
    return 0;
}

// Punctuation from the General Punctuation block (dashes, curly quotes): 3 bytes, else 0.
std::size_t unicode_punct(std::string_view s, std::size_t i, char& as_ascii) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const auto c2 = static_cast<unsigned char>(s[i + 2]);
        if (c2 >= 0x90 && c2 <= 0x95) {
            as_ascii = '-';
            return 3;
        }
        if (c2 >= 0x98 && c2 <= 0x9F) {
            as_ascii = c2 <= 0x9B ? '\'' : '"';
            return 3;
        }
        if (c2 >= 0xA0) {
            as_ascii = '.';
            return 3;
        }
    }
    return 0;
}

bool is_word_byte(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_ascii_letter(c)) {
        return true;
    }
    if (c < 0x80) {
        return false;
    }
    char unused = 0;
    return unicode_space(s, i) == 0 && unicode_punct(s, i, unused) == 0;
}

} // namespace

std::vector<Token> tokenize(std::string_view text, std::string& lower) {
    lower.assign(text.data(), text.size());
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c + ('a' - 'A'));
        }
    }
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5 + 4);
    const std::size_t n = text.size();
    bool space = true;
    bool newline = true;
    std::size_t i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            space = true;
            newline = newline || c == '\n';
            ++i;
            continue;
        }
        if (c >= 0x80) {
            if (std::size_t len = unicode_space(text, i); len != 0) {
                space = true;
                i += len;
                continue;
            }
        }
        Token t;
        t.begin = static_cast<std::uint32_t>(i);
        t.space_before = space;
        t.newline_before = newline;
        space = false;
        newline = false;
        char as_ascii = 0;
        if (is_digit(c)) {
            t.kind = TokenKind::number;
            long value = 0;
            std::size_t j = i;
            int digits = 0;
            auto take_digits = [&] {
                while (j < n && is_digit(static_cast<unsigned char>(text[j]))) {
                    if (digits < 9) {
                        value = value * 10 + (text[j] - '0');
                    }
                    ++digits;
                    ++j;
                }
            };
            take_digits();
            // Thousands groups: 1,400 and 100,000 (a comma then exactly three digits).
            while ((digits <= 3 || t.grouped) && j + 3 < n && text[j] == ',' &&
                   is_digit(static_cast<unsigned char>(text[j + 1])) &&
                   is_digit(static_cast<unsigned char>(text[j + 2])) &&
                   is_digit(static_cast<unsigned char>(text[j + 3])) &&
                   (j + 4 >= n || !is_digit(static_cast<unsigned char>(text[j + 4])))) {
                for (std::size_t k = j + 1; k < j + 4; ++k) {
                    if (digits < 9) {
                        value = value * 10 + (text[k] - '0');
                    }
                    ++digits;
                }
                j += 4;
                t.grouped = true;
                if (j >= n || text[j] != ',') {
                    break;
                }
            }
            if (j + 1 < n && text[j] == '.' && is_digit(static_cast<unsigned char>(text[j + 1])) &&
                !t.grouped) {
                // Decimal fraction: kept in the token, value stays the integer part.
                t.decimal = true;
                ++j;
                while (j < n && is_digit(static_cast<unsigned char>(text[j]))) {
                    ++j;
                }
            }
            t.digits = static_cast<std::uint8_t>(digits > 255 ? 255 : digits);
            t.value = digits <= 9 ? value : -1;
            // Ordinal suffix (21st, 2nd, 3rd, 12th) or decade plural (1990s, 80s).
            if (!t.decimal && !t.grouped && j < n &&
                is_ascii_letter(static_cast<unsigned char>(text[j]))) {
                std::size_t k = j;
                while (k < n && is_ascii_letter(static_cast<unsigned char>(text[k]))) {
                    ++k;
                }
                std::string_view suffix(lower.data() + j, k - j);
                if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
                    t.ordinal = true;
                    j = k;
                } else if (suffix == "s" && (digits == 4 || digits == 2) && value % 10 == 0) {
                    t.decade_s = true;
                    j = k;
                }
            }
            i = j;
        } else if (is_word_byte(text, i)) {
            t.kind = TokenKind::word;
            std::size_t j = i;
            bool caps = true;
            int letters = 0;
            while (j < n && is_word_byte(text, j)) {
                const auto b = static_cast<unsigned char>(text[j]);
                if (b < 0x80) {
                    ++letters;
                    caps = caps && (b >= 'A' && b <= 'Z');
                } else {
                    caps = false;
                }
                ++j;
            }
            t.capitalized = c >= 'A' && c <= 'Z';
            t.all_caps = caps && letters >= 2;
            const LexEntry e = lookup_word(std::string_view(lower.data() + i, j - i));
            t.lex = e.lex;
            t.lex_value = e.value;
            i = j;
        } else if (c >= 0x80 && unicode_punct(text, i, as_ascii) != 0) {
            t.kind = TokenKind::punct;
            t.punct = as_ascii;
            i += 3;
        } else {
            t.kind = TokenKind::punct;
            t.punct = c == '`' ? '\'' : static_cast<char>(c);
            ++i;
        }
        t.end = static_cast<std::uint32_t>(i);
        tokens.push_back(t);
    }
    return tokens;
}

} // namespace eventmap::dates
