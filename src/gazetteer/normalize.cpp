// Name normalisation (see normalize.hpp for the rules and why they exist).
//
// Sections: 1. per-code-point folding  2. loose romanisation key  3. name tokens
//           4. running-text tokenizer
#include "gazetteer/normalize.hpp"

#include "common/utf8.hpp"

#include <algorithm>
#include <array>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace eventmap::gazetteer {

namespace {

// ---- 1. Per-code-point folding --------------------------------------------------------------

enum class CharClass { word, drop, separator, period };

bool is_apostrophe(char32_t c) {
    switch (c) {
    case U'\'':
    case U'`':
    case 0x00B4:
    case 0x2018:
    case 0x2019:
    case 0x02BB:
    case 0x02BC:
    case 0x02BE:
    case 0x02BF:
    case 0x02B9:
    case 0x02C8:
    case 0x055A:
        return true;
    default:
        return false;
    }
}

CharClass classify(char32_t c) {
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return CharClass::word;
        }
        if (c == '.') {
            return CharClass::period;
        }
        return is_apostrophe(c) ? CharClass::drop : CharClass::separator;
    }
    if (is_apostrophe(c)) {
        return CharClass::drop;
    }
    const auto type = u_charType(static_cast<UChar32>(c));
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
        type == U_COMBINING_SPACING_MARK) {
        return CharClass::drop;
    }
    return u_isalnum(static_cast<UChar32>(c)) ? CharClass::word : CharClass::separator;
}

// Letters that carry no decomposition but have a conventional Latin base.
const char* special_fold(char32_t c) {
    switch (c) {
    case U'ł':
        return "l";
    case U'ø':
        return "o";
    case U'đ':
        return "d";
    case U'ħ':
        return "h";
    case U'ı':
        return "i";
    case U'ß':
        return "ss";
    case U'æ':
        return "ae";
    case U'œ':
        return "oe";
    case U'þ':
        return "th";
    case U'ð':
        return "d";
    case U'ŀ':
        return "l";
    case U'ŧ':
        return "t";
    case U'ƒ':
        return "f";
    default:
        return nullptr;
    }
}

const icu::Normalizer2& nfkd() {
    // ICU's data is linked in (ICU::data); a failure here is a broken installation. The
    // instance is immutable and thread-safe; fetch it once.
    static const icu::Normalizer2* const instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        return icu::Normalizer2::getNFKDInstance(status);
    }();
    return *instance;
}

// Appends the folded form of one word code point to `out`.
void fold_into(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        return;
    }
    icu::UnicodeString decomposed;
    if (!nfkd().getDecomposition(static_cast<UChar32>(c), decomposed)) {
        decomposed = icu::UnicodeString(static_cast<UChar32>(c));
    }
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 d = decomposed.char32At(i);
        i += U16_LENGTH(d);
        const auto type = u_charType(d);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
            type == U_COMBINING_SPACING_MARK || !u_isalnum(d)) {
            continue;
        }
        const auto folded = static_cast<char32_t>(u_foldCase(d, U_FOLD_CASE_DEFAULT));
        if (const char* special = special_fold(folded)) {
            out += special;
        } else {
            utf8::append(out, folded);
        }
    }
}

// ---- 2. Loose romanisation key --------------------------------------------------------------
// Transliterations of Arabic, Persian, Russian... names vary in vowels and doubled letters
// (Ghouta/Ghuta/Ghutah, Mossul/Mosul, Jobbar/Jobar). Both the index and the query go through
// the same key, so only "same-name" variants collapse; distinct names keep distinct consonants.

std::string loose_key(const std::string& token) {
    std::string out;
    out.reserve(token.size());
    for (std::size_t i = 0; i < token.size(); ++i) {
        const char c = token[i];
        const char next = i + 1 < token.size() ? token[i + 1] : '\0';
        if ((c == 'o' && next == 'u') || (c == 'o' && next == 'o')) {
            out += 'u';
            ++i;
            continue;
        }
        if (c == 'e' && next == 'e') {
            out += 'i';
            ++i;
            continue;
        }
        if (!out.empty() && out.back() == c && static_cast<unsigned char>(c) < 0x80 &&
            !(c >= '0' && c <= '9')) {
            continue; // doubled letter
        }
        out += c;
    }
    // Final -ah/-eh (ta marbuta, Persian -eh) is the same sound as a final -a.
    if (out.size() > 3 && out.back() == 'h' &&
        (out[out.size() - 2] == 'a' || out[out.size() - 2] == 'e')) {
        out.pop_back();
        out.back() = 'a';
    }
    return out;
}

// ---- 3. Name tokens -------------------------------------------------------------------------

template <typename Emit> void split_words(std::string_view text, Emit&& emit) {
    std::string folded;
    std::size_t token_begin = 0;
    bool in_token = false;
    std::size_t i = 0;
    auto finish = [&](std::size_t end) {
        if (in_token) {
            emit(token_begin, end, folded);
        }
        folded.clear();
        in_token = false;
    };
    while (i < text.size()) {
        const std::size_t at = i;
        const char32_t c = utf8::next(text, i);
        switch (classify(c)) {
        case CharClass::word:
            if (!in_token) {
                token_begin = at;
                in_token = true;
            }
            fold_into(c, folded);
            break;
        case CharClass::drop:
            // Apostrophes and marks join what is around them, except a possessive "'s",
            // which goes (People's -> people), as the text tokenizer drops it.
            if (in_token && is_apostrophe(c) && i < text.size() &&
                (text[i] == 's' || text[i] == 'S')) {
                std::size_t after = i + 1;
                if (after >= text.size() || classify(utf8::next(text, after)) != CharClass::word) {
                    i += 1;
                }
            }
            break;
        case CharClass::period:
            // "U.S." is one token; "St. Louis" splits at the space, not the period.
            break;
        case CharClass::separator:
            finish(at);
            break;
        }
    }
    finish(text.size());
}

} // namespace

std::vector<std::string> normalize_tokens(std::string_view name) {
    std::vector<std::string> tokens;
    tokens.reserve(4);
    split_words(name, [&](std::size_t, std::size_t, const std::string& folded) {
        if (!folded.empty()) {
            tokens.push_back(loose_key(folded));
        }
    });
    return tokens;
}

std::string normalize_name(std::string_view name) {
    std::string key;
    for (const auto& token : normalize_tokens(name)) {
        if (!key.empty()) {
            key += ' ';
        }
        key += token;
    }
    return key;
}

bool is_arabic_article(std::string_view token) {
    static constexpr std::array<std::string_view, 20> articles = {
        "al",  "el", "ul",  "il", "ad", "adh", "ag", "an", "ar",  "as",
        "ash", "at", "ath", "az", "ed", "en",  "er", "es", "esh", "et"};
    for (auto a : articles) {
        if (token == a) {
            return true;
        }
    }
    return false;
}

// ---- 4. Running-text tokenizer --------------------------------------------------------------

namespace {

bool is_upper_start(std::string_view text, std::size_t begin) {
    std::size_t i = begin;
    const char32_t c = utf8::next(text, i);
    return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool is_all_caps(std::string_view text, std::size_t begin, std::size_t end) {
    int letters = 0;
    for (std::size_t i = begin; i < end;) {
        const char32_t c = utf8::next(text, i);
        if (u_isalpha(static_cast<UChar32>(c))) {
            if (!u_isupper(static_cast<UChar32>(c))) {
                return false;
            }
            ++letters;
        }
    }
    return letters >= 2;
}

// True when the character at `i` (a period) belongs to the word before it: inside an
// abbreviation ("U.S.", "W.Va.") or closing a short capitalised one ("Ky.", "Md.").
bool period_attaches(std::string_view text, std::size_t word_begin, std::size_t period_at) {
    const std::size_t next = period_at + 1;
    if (next < text.size()) {
        const auto n = static_cast<unsigned char>(text[next]);
        if ((n >= 'A' && n <= 'Z') || (n >= 'a' && n <= 'z')) {
            return true; // "U.S", "W.Va"
        }
    }
    const std::size_t length = period_at - word_begin;
    if (length == 0 || length > 4) {
        return false;
    }
    // A previous inner period ("U.S.") or a short capitalised word ("Ky.", "Calif" is 5: no).
    const std::string_view word = text.substr(word_begin, length);
    return word.find('.') != std::string_view::npos || is_upper_start(text, word_begin);
}

// "Syria's" and "Assad’s" name Syria and Assad: the possessive is not part of the name.
std::size_t strip_possessive(std::string_view text, std::size_t begin, std::size_t end) {
    const std::string_view word = text.substr(begin, end - begin);
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s"),
                                    std::string_view("'S"), std::string_view("\u2019S")}) {
        if (word.size() > suffix.size() &&
            word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
            return end - suffix.size();
        }
    }
    return end;
}

} // namespace

void tokenize_text(std::string_view text, std::vector<TextToken>& out) {
    out.clear();
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const char32_t c = utf8::next(text, i);
        const CharClass cls = classify(c);
        if (cls == CharClass::separator || cls == CharClass::period) {
            // Whitespace is skipped; other punctuation becomes a barrier token.
            if (!(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 ||
                  u_isspace(static_cast<UChar32>(c)))) {
                if (c != '-' && c != 0x2010 && c != 0x2011) { // word-internal hyphens never bar
                    TextToken barrier;
                    barrier.begin = at;
                    barrier.end = i;
                    out.push_back(std::move(barrier));
                }
            }
            continue;
        }
        // A word: letters/digits, with apostrophes, marks and attached periods inside.
        TextToken token;
        token.begin = at;
        std::size_t end = i;
        std::size_t j = i;
        while (j < text.size()) {
            std::size_t k = j;
            const char32_t d = utf8::next(text, k);
            const CharClass dc = classify(d);
            if (dc == CharClass::word || (dc == CharClass::drop && k < text.size())) {
                j = k;
                if (dc == CharClass::word) {
                    end = k;
                }
                continue;
            }
            if (dc == CharClass::period && period_attaches(text, token.begin, j)) {
                token.has_period = true;
                j = k;
                end = k;
                continue;
            }
            break;
        }
        end = strip_possessive(text, token.begin, end);
        token.end = end;
        i = std::max(j, end);
        const std::string_view surface = text.substr(token.begin, token.end - token.begin);
        token.key = normalize_name(surface);
        token.capitalized = is_upper_start(text, token.begin);
        token.all_caps = is_all_caps(text, token.begin, token.end);
        if (!token.key.empty()) {
            out.push_back(std::move(token));
        }
    }
}

} // namespace eventmap::gazetteer
