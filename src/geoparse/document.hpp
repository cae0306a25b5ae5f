// The geoparser's working state for one article, shared by its stages (recognizer.cpp finds
// the names, candidates.cpp loads what they may name, filters.cpp drops what is not a place,
// resolver.cpp picks one place per name, geoparser.cpp turns the result into Mentions).
// Internal to the geoparse module; one Document lives per parse() call.
#pragma once

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/normalize.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventmap::geoparse::detail {

// Text tests the recognition steps share (C++17 has no string_view::starts_with).
inline bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

inline bool newline_between(std::string_view text, std::size_t from, std::size_t to) {
    return text.substr(from, to - from).find('\n') != std::string_view::npos;
}

// True when `inner` lies inside the area `area` by the gazetteer's codes: a country holds
// everything with its country code, an admin1 what shares its admin1 code, and so on.
inline bool area_contains(const gazetteer::PlaceView& area, const gazetteer::PlaceView& inner) {
    using gazetteer::Precision;
    if (area.country.empty() || area.country != inner.country || area.index == inner.index) {
        return false;
    }
    switch (area.precision) {
    case Precision::country:
        return inner.precision > Precision::country;
    case Precision::admin1:
        return inner.precision > Precision::admin1 && area.admin1 == inner.admin1;
    case Precision::admin2:
        return inner.precision > Precision::admin2 && area.admin1 == inner.admin1 &&
               area.admin2 == inner.admin2;
    default:
        return false;
    }
}

struct Candidate {
    gazetteer::PlaceView place;
    gazetteer::NameKind kind = gazetteer::NameKind::name;
    double prior = 0; // importance, less a penalty when only an alternate name matched
    double score = 0; // prior plus the document's evidence
};

struct Match {
    std::size_t first = 0; // token indices, inclusive
    std::size_t last = 0;
    std::uint32_t node = 0; // trie node of the complete name
    std::string key;        // normalised name, tokens joined by spaces
    bool demonym = false;   // "Syrian": the name refers to its country as an adjective/people
    bool dateline = false;  // "GENEVA/BEIRUT -" at the head of a paragraph
    bool sentence_initial = false;
    bool dropped = false; // filtered out as not a place
    bool exact = true;    // some entry is spelt as written (not only a transliteration key)
    bool big = false;     // the likeliest entry is a country, region, state or capital
    int qualifier = -1;   // index of the match qualifying this one: "Damascus, Md."
    int qualified = -1;   // index of the match this one qualifies
    // Shared by every mention of the same name in the article: loaded once, resolved once.
    std::shared_ptr<std::vector<Candidate>> candidates = std::make_shared<std::vector<Candidate>>();
    std::size_t chosen = 0;
    double confidence = 0;
    bool actor = false;
    // "Tal Quorvan": a generic head (hill, spring, gate) starting a longer name the gazetteer
    // lacks; the match spans the whole name and its candidates (the head's) are not its place.
    bool generic = false;
    // "Dunmore (Kelvin district, Ontario)" with no Dunmore in Ontario: the match and the
    // candidate of it whose place the name lands on (the most precise unit the text names);
    // unit -1: none.
    int unit = -1;
    std::size_t unit_candidate = 0;
};

struct Document {
    std::string_view text;
    std::vector<gazetteer::TextToken> tokens;
    std::vector<std::optional<std::uint32_t>> ids; // gazetteer token id per token
    std::vector<bool> sentence_initial;            // per token
    std::vector<int> match_at;                     // token -> index into matches, or -1
    // Tokens written with a possessive ("People's") and the id of their form with the s.
    std::vector<std::pair<std::size_t, std::optional<std::uint32_t>>> possessive_ids;
    std::vector<Match> matches;

    bool is_barrier(std::size_t i) const { return tokens[i].key.empty(); }
    // First byte of a barrier token ('.', ',', '(' ...); 0 for multi-byte punctuation.
    char barrier_char(std::size_t i) const {
        const auto& t = tokens[i];
        return t.end == t.begin + 1 ? text[t.begin] : '\0';
    }
    std::string_view surface(std::size_t i) const {
        return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    }
};

} // namespace eventmap::geoparse::detail
