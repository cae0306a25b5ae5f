// The word lists the geoparser's filters and metonymy rule consult (assets/geoparse/*.txt).
// Every entry is normalised with gazetteer::normalize_name, so "Gen." in a list and "GEN" in a
// text meet. Loaded once per Geoparser and read-only afterwards, so threads share it freely.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

namespace eventmap::geoparse {

struct Lexicon {
    std::unordered_set<std::string> person_titles;     // President, Gen., Sheikh
    std::unordered_set<std::string> first_names;       // John, Sergei, Barack
    std::unordered_set<std::string> not_places;        // May, Assad, Ebola: never a place alone
    std::unordered_set<std::string> common_words;      // Reading, Mobile: not at sentence start
    std::unordered_set<std::string> english_words;     // Royal, Valley: small places only as words
    std::unordered_set<std::string> org_heads;         // Times, University, virus
    std::unordered_set<std::string> organisations;     // "arab league", normalised phrases
    std::unordered_set<std::string> metonymy_verbs;    // said, applied, differ
    std::unordered_set<std::string> function_words;    // he, so, the, may: never a place alone
    std::unordered_set<std::string> place_modifiers;   // northern, greater: may precede a place
    std::unordered_set<std::string> institution_words; // District, Department: may follow one
    std::unordered_set<std::string> organisation_starts; // first tokens of those phrases
    std::size_t longest_organisation = 0;                // in tokens

    // The same lists as written (lower case, no transliteration key), to confirm a match on
    // the loose key: "Somme" is not "some", "Al Jazirah" is not "Al Jazeera".
    std::unordered_set<std::string> organisations_plain;
    std::unordered_set<std::string> function_words_plain;
    static std::string plain(std::string_view written);

    // Reads the lists from `directory`. Throws InputError naming the file when one is missing.
    static Lexicon load(const std::string& directory);

    // assets/geoparse under the checkout this binary was built from, unless
    // $EVENTMAP_GEOPARSE_LEXICON names another directory.
    static std::string default_directory();

    static bool contains(const std::unordered_set<std::string>& set, std::string_view key) {
        return !key.empty() && set.count(std::string(key)) != 0;
    }
};

} // namespace eventmap::geoparse
