// Sentence splitting. Sections:
//   1. Abbreviations that do not end a sentence
//   2. Character classes (ASCII plus the typographic quotes news text uses)
//   3. The splitter
#include "events/sentence.hpp"

#include "common/utf8.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace eventmap::events {

namespace {

// ---- 1. Abbreviations ------------------------------------------------------------------------

// Lowercase, without their final period. Titles, US state abbreviations (AP style), months,
// and a few common short forms. "a.m."/"p.m." and "etc." are left out on purpose: they end
// sentences more often than not.
constexpr std::array<std::string_view, 78> abbreviations{
    "mr",     "mrs", "ms",   "dr",   "prof",  "sen",  "rep",  "gen",  "gov", "lt",   "col",  "maj",
    "capt",   "cpt", "sgt",  "adm",  "cmdr",  "cdr",  "pres", "supt", "rev", "fr",   "st",   "mt",
    "ft",     "jr",  "sr",   "no",   "nos",   "vs",   "inc",  "corp", "co",  "ltd",  "dept", "est",
    "approx", "ala", "ariz", "ark",  "calif", "colo", "conn", "del",  "fla", "ga",   "ill",  "ind",
    "kan",    "ky",  "la",   "md",   "mass",  "mich", "minn", "miss", "mo",  "mont", "neb",  "nev",
    "okla",   "ore", "pa",   "tenn", "va",    "vt",   "wash", "wis",  "wyo", "jan",  "feb",  "aug",
    "sept",   "sep", "oct",  "nov",  "dec",   "univ"};

bool is_abbreviation(std::string_view word) {
    std::string lower(word);
    for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return std::find(abbreviations.begin(), abbreviations.end(), lower) != abbreviations.end();
}

// ---- 2. Character classes --------------------------------------------------------------------

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Length of a closing quote or bracket at text[i], 0 when there is none.
std::size_t closing_at(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
        return 1;
    }
    // U+2019 ’ and U+201D ” are E2 80 99 / E2 80 9D.
    if (text.compare(i, 3, "\xE2\x80\x99") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0) {
        return 3;
    }
    return 0;
}

// Whether text[i] can start a sentence: a capital, a digit, an opening quote or bracket, or
// any non-ASCII letter (we cannot tell its case cheaply, and a wrong split costs little).
bool can_start(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isupper(c) || std::isdigit(c) || c == '"' || c == '\'' || c == '(' || c == '[') {
        return true;
    }
    return c >= 0x80 && text.compare(i, 3, "\xE2\x80\x94") != 0; // not an em dash
}

// The word right before a period at `dot` (letters and inner periods: "U.S", "Md").
std::string_view word_before(std::string_view text, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) {
        --b;
    }
    return text.substr(b, dot - b);
}

// A period at `dot` that does not end a sentence: after an abbreviation, an initial, or a
// dotted acronym ("U.S.", "U.N.").
bool period_is_abbreviation(std::string_view text, std::size_t dot) {
    const std::string_view word = word_before(text, dot);
    if (word.empty()) {
        return false;
    }
    if (word.find('.') != std::string_view::npos) {
        return true; // U.S. / U.N. / a.m. treated as not ending (issue: "U.S." never ends one)
    }
    if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) {
        return true; // an initial
    }
    return is_abbreviation(word);
}

// ---- 3. The splitter -------------------------------------------------------------------------

struct Splitter {
    std::string_view text;
    std::vector<Sentence> out;
    std::size_t paragraph = 0;
    std::size_t begin = 0;
    bool paragraph_pending = false;

    void emit(std::size_t end) {
        std::size_t b = begin;
        std::size_t e = end;
        while (b < e && is_space(text[b])) {
            ++b;
        }
        while (e > b && is_space(text[e - 1])) {
            --e;
        }
        if (b < e) {
            if (paragraph_pending && !out.empty()) {
                ++paragraph;
            }
            paragraph_pending = false;
            Sentence s;
            s.byte_begin = b;
            s.byte_end = e;
            s.paragraph = paragraph;
            out.push_back(s);
        }
        begin = end;
    }

    // A line break at i: a blank line always ends the paragraph; a single break does when
    // the line ended a sentence or was short (headline, dateline, list item).
    void line_break(std::size_t i) {
        std::size_t j = i + 1;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) {
            ++j;
        }
        const bool blank = j < text.size() && text[j] == '\n';
        std::size_t line_start = text.rfind('\n', i == 0 ? 0 : i - 1);
        line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
        std::size_t last = i;
        while (last > line_start && is_space(text[last - 1])) {
            --last;
        }
        const bool finished =
            last > line_start &&
            std::string_view(".!?:\"')").find(text[last - 1]) != std::string_view::npos;
        constexpr std::size_t short_line = 70;
        if (blank || finished || i - line_start < short_line || j >= text.size()) {
            emit(i);
            paragraph_pending = true;
        }
    }

    void run() {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '\n') {
                line_break(i);
                continue;
            }
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            std::size_t j = i + 1;
            while (j < text.size() && (text[j] == '.' || text[j] == '!' || text[j] == '?')) {
                ++j; // "?!", "..."
            }
            while (j < text.size()) {
                const std::size_t n = closing_at(text, j);
                if (n == 0) {
                    break;
                }
                j += n;
            }
            if (j < text.size() && !is_space(text[j])) {
                continue; // 3.5, U.S, example.com
            }
            std::size_t k = j;
            while (k < text.size() && is_space(text[k]) && text[k] != '\n') {
                ++k;
            }
            if (k < text.size() && text[k] != '\n' && !can_start(text, k)) {
                continue; // "he said?" she asked
            }
            if (c == '.' && j == i + 1 && period_is_abbreviation(text, i)) {
                continue;
            }
            emit(j);
            i = j - 1;
        }
        emit(text.size());
    }
};

} // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
    Splitter s{text, {}, 0, 0, false};
    s.run();
    utf8::CodepointCursor cursor(text);
    for (Sentence& sentence : s.out) {
        sentence.start = cursor.to_codepoint(sentence.byte_begin);
        sentence.end = cursor.to_codepoint(sentence.byte_end);
    }
    return s.out;
}

} // namespace eventmap::events
