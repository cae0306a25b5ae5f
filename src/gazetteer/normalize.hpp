// Name normalisation: the one definition of when two spellings are "the same name".
// Used to build the index and to query it, by the gazetteer lookup and by the geoparser's
// matcher, so they can never disagree.
//
// A name becomes a sequence of tokens. Each token is: NFKD-decomposed, stripped of combining
// marks (Ḩarastā -> harasta), case-folded, with letters that do not decompose mapped (ł->l,
// ø->o, ß->ss), apostrophes and ayn/hamza marks dropped (Shi'ite -> shiite), inner periods
// dropped (U.S. -> us), and then passed through a loose romanisation key so that common
// transliteration variants meet (Ghouta/Ghuta/Ghūţah -> ghuta, Mossul -> mosul). Hyphens,
// spaces and other punctuation separate tokens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::gazetteer {

// Tokens of `name` in normalised form. Empty when the name has no letters or digits.
std::vector<std::string> normalize_tokens(std::string_view name);

// The tokens joined by single spaces: the index key of a name.
std::string normalize_name(std::string_view name);

// True for the Arabic definite article in its romanised forms (al, el, ash, as-, ad-...) as a
// normalised token. Names starting with one are also indexed without it.
bool is_arabic_article(std::string_view token);

// One token of running text, with its span in the original (valid UTF-8) text.
struct TextToken {
    std::size_t begin = 0; // byte offsets into the text, end exclusive
    std::size_t end = 0;
    std::string key;          // normalised as above; empty for punctuation tokens
    bool capitalized = false; // first letter is uppercase (or titlecase)
    bool all_caps = false;    // two or more letters, all uppercase (GENEVA, US)
    bool has_period = false;  // the surface form has a period inside or at its end (U.S., Ky.)
};

// Splits running text into word tokens in one pass. Punctuation that ends a sentence or
// separates clauses (. , ; : ! ? quotes, brackets, dashes with spaces around) is kept as its
// own token with an empty key so that a match never spans it.
void tokenize_text(std::string_view text, std::vector<TextToken>& out);

} // namespace eventmap::gazetteer
