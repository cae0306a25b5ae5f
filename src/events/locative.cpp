#include "events/locative.hpp"

#include "events/governance.hpp"
#include "events/place_phrases.hpp"
#include "events/sentence_analysis.hpp"

#include <array>
#include <string_view>

namespace eventmap::events {

namespace {

constexpr std::array<std::string_view, 23> locative_prepositions{"in",         "at",
                                                                 "near",       "outside",
                                                                 "inside",     "across",
                                                                 "throughout", "around",
                                                                 "into",       "within",
                                                                 "towards",    "toward",
                                                                 "between",    "along",
                                                                 "over",       "through",
                                                                 "off",        "alongside",
                                                                 "beyond",     "behind",
                                                                 "opposite",   "above",
                                                                 "below"}; // "the hills above X",
                                                                           // "the valley below Y"

// Nouns after which "of" introduces where: "the outskirts of Damascus", "the city of Aleppo".
constexpr std::array<std::string_view, 74> area_nouns{
    "outskirts",    "suburbs",   "suburb",    "city",          "town",         "village",
    "province",     "region",    "district",  "neighbourhood", "neighborhood", "area",
    "centre",       "center",    "north",     "south",         "east",         "west",
    "northeast",    "northwest", "southeast", "southwest",     "part",         "streets",
    "capital",      "heart",     "edge",      "countryside",   "stronghold",   "vicinity",
    "states",       "provinces", "districts", "regions",       "cities",       "towns",
    "villages",     "areas",     "parts",     "state",         "county",       "governorate",
    "municipality", "third",     "square",    "roads",         "road",         "shores",
    "coast",        "banks",     "environs",  "streets",       "half",         "much",
    "most",         "rest",      "swathes",   "swaths",        "corner",       "side",
    "resort",       "enclave",   "port",      "township",      "hometown",     "birthplace",
    "portion",      "section",   "stretch",   "zone",          "corridor",     "axis",
    "flank",        "perimeter"};

constexpr std::array<std::string_view, 90> place_modifiers{
    "the", "a", "an", "northern", "southern", "eastern", "western", "central", "north", "south",
    "east", "west", "northeastern", "northwestern", "southeastern", "southwestern", "nearby",
    "neighbouring", "neighboring", "besieged", "embattled", "restive", "occupied", "disputed",
    "border", "capital", "town", "city", "village", "port", "coastal", "downtown", "suburban",
    "rural", "remote", "seaside", "crowded", "busy", "main", "rebel", "mountainous", "residential",
    "strategic", "key", "small", "tiny", "troubled", "volatile", "tense", "northeast", "northwest",
    "southeast", "southwest", "far", "upper", "lower", "his", "her", "their", "its", "this", "our",
    "provincial", "commercial", "industrial", "holy", "tourist", "historic", "ancient", "old",
    "populous", "working-class", "poor", "impoverished", "another", "second", "province", "region",
    "district", "county", "governorate", "resort", "frontier",
    // "the wider X area", "midtown X", "the entire X region"
    "wider", "greater", "midtown", "entire", "whole",
    // "throughout the former X": a state that no longer exists is still where
    "former",
    // "in both the X and Y areas"
    "both"};

// Creeds and peoples that qualify a part of a place: "in Catholic west X".
constexpr std::array<std::string_view, 12> communities{
    "catholic", "protestant", "sunni",  "shiite", "shia",  "christian",
    "muslim",   "kurdish",    "jewish", "arab",   "druze", "alawite"};

// Diplomatic missions: "the embassy of X" names whose, not where.
constexpr std::array<std::string_view, 7> missions{
    "embassy", "embassies", "consulate", "consulates", "mission", "missions", "legation"};

} // namespace

// "the provincial capital", "X's largest city", "the country's second city": an area noun
// after a possessive or an article, modifiers between.
bool owned_noun(const std::vector<Token>& tokens, std::size_t noun) {
    std::size_t k = noun;
    for (int n = 0; n < 3 && k > 0 && is_place_modifier(tokens[k - 1]) &&
                    tokens[k - 1].key != "the" && tokens[k - 1].key != "a";
         ++n) {
        --k;
    }
    return k > 0 && (tokens[k - 1].key == "'s" || tokens[k - 1].key == "the");
}

bool is_community(const std::string& key) {
    return one_of(key, communities);
}

bool is_place_modifier(const Token& t) {
    if (!t.word) {
        return false;
    }
    const std::string& k = t.key;
    auto ends = [&k](std::string_view suffix) {
        return k.size() > suffix.size() && k.compare(k.size() - suffix.size(), suffix.size(),
                                                     suffix.data(), suffix.size()) == 0;
    };
    // "Ardenian-controlled X", "Norden-dominated southern Y": who holds the place.
    const bool held = ends("-held") || ends("-controlled") || ends("-occupied") ||
                      ends("-dominated") || ends("-ruled") || ends("-run");
    if (t.capitalized) {
        return held;
    }
    // "the country's largest city, X", "the second-biggest town of Y": superlatives.
    const auto ends_or_is = [&k, &ends](std::string_view w) { return k == w || ends(w); };
    const bool superlative = ends_or_is("largest") || ends_or_is("biggest") ||
                             ends_or_is("oldest") || ends_or_is("poorest") ||
                             (k.size() > 6 && ends("most"));
    return one_of(k, place_modifiers) || superlative || held || ends("-torn") || ends("-riven") ||
           ends("-hit") || ends("-stricken") || ends("-ravaged");
}

// Whether the mention starting at token `first` is where something happens: a locative
// preposition, "of" after an area noun, a verb like "hit" or "visit", or "on"/"against"/"of"
// right after an event word ("strikes on Kharkiv"); at most four modifiers in between
// ("patrolled the southern port city X").
// `trigger_at` marks the tokens that are event triggers.
bool is_area_noun(const std::string& key) {
    return one_of(key, area_nouns);
}

namespace {

// Whether the capitalised name starting at `first` is followed by a common street noun.
bool street_after(const std::vector<Token>& tokens, std::size_t first) {
    std::size_t k = first;
    while (k < tokens.size() && tokens[k].word && tokens[k].capitalized) {
        ++k;
    }
    static constexpr std::array<std::string_view, 5> streets{"street", "streets", "road", "avenue",
                                                             "highway"};
    return k > first && k < tokens.size() && !tokens[k].capitalized &&
           one_of(tokens[k].key, streets);
}

// A word inside the noun phrase that "of" completes: "over the open water of X", "in the
// streets and alleys of Y". The phrase stops at a verb and at words that open another
// phrase or clause ("killed by the leader of X" is about who, not where).
bool inner_noun_phrase_word(const std::vector<Token>& tokens, std::size_t k) {
    static constexpr std::array<std::string_view, 20> stops{
        "by",  "for", "with", "from", "as",    "than", "that", "who",  "which", "whom",
        "but", "or",  "not",  "been", "being", "be",   "said", "says", "of",    "to"};
    const Token& t = tokens[k];
    return t.word && !t.capitalized && !one_of(t.key, stops) && !verb_like(tokens, k) &&
           !(t.key.size() > 4 && t.key.compare(t.key.size() - 3, 3, "ing") == 0);
}

// "over the open water of X", "in the streets and alleys of Y": the noun that "of" follows
// heads an article's phrase, with adjectives or a second noun, that a locative preposition
// governs, or a verb whose object is ground. The article is required: "at least ten members
// of X" says who, not where.
bool article_phrase_governed(const std::vector<Token>& tokens, std::size_t noun) {
    std::size_t k = noun;
    for (int n = 0; n < 4 && k > 0 && tokens[k - 1].key != "the" && tokens[k - 1].key != "a" &&
                    inner_noun_phrase_word(tokens, k - 1);
         ++n) {
        --k;
    }
    if (k < 2 || (tokens[k - 1].key != "the" && tokens[k - 1].key != "a")) {
        return false;
    }
    // "stormed both the eastern and western farms of X": "both" belongs to the pair.
    const std::size_t head = tokens[k - 2].key == "both" && k >= 3 ? k - 2 : k - 1;
    const std::string& governor = tokens[head - 1].key;
    // A verb whose object is always ground governs like a preposition ("patrolled the
    // narrow lanes of X"); "captured the best view of X" names no place.
    return one_of(governor, locative_prepositions) || is_place_only_verb(governor);
}

} // namespace

bool governed_by_preposition(const std::vector<Token>& tokens, std::size_t first) {
    std::size_t k = first;
    for (int n = 0; n < 4 && k > 0 && is_place_modifier(tokens[k - 1]); ++n) {
        --k;
    }
    return k > 0 && (tokens[k - 1].key == "in" || tokens[k - 1].key == "at" ||
                     tokens[k - 1].key == "inside" || tokens[k - 1].key == "across" ||
                     tokens[k - 1].key == "throughout");
}

bool locative_context(const std::vector<Token>& tokens, std::size_t first,
                      const std::vector<bool>& trigger_at, int depth) {
    // "fought on X's side", "on the X side": allegiance, not a place.
    std::size_t end = first;
    while (end < tokens.size() && tokens[end].word && tokens[end].capitalized) {
        ++end;
    }
    if (end + 1 < tokens.size() && tokens[end].key == "'s" && tokens[end + 1].key == "side") {
        return false;
    }
    std::size_t i = first;
    for (int skipped = 0; i > 0 && skipped <= 4; ++skipped) {
        const Token& t = tokens[i - 1];
        if (one_of(t.key, locative_prepositions) || is_locative_verb(t.key) || t.key == "to") {
            return true;
        }
        // "outside of X", "inside of Y": "of" after a locative preposition.
        if (t.key == "of" && i >= 2 &&
            (tokens[i - 2].key == "outside" || tokens[i - 2].key == "inside")) {
            return true;
        }
        // "the outskirts of X"; "the refugee camp of X", "the market of X": a kind of place.
        if (t.key == "of" && i >= 2 &&
            (one_of(tokens[i - 2].key, area_nouns) || is_place_type(tokens[i - 2].key))) {
            return true;
        }
        // "in several towns, including X": a member of a list of places.
        // "in towns like X": "like" after a plural type word lists members too.
        if (t.key == "including" || t.key == "like" ||
            (t.key == "as" && i >= 2 && tokens[i - 2].key == "such")) {
            for (std::size_t k = i - 1, n = 0; k > 0 && n < 6; --k, ++n) {
                const std::string& w = tokens[k - 1].key;
                if (w == "cities" || w == "towns" || w == "villages" || w == "areas" ||
                    w == "provinces" || w == "districts" || w == "regions" ||
                    w == "neighbourhoods" || w == "neighborhoods") {
                    return true;
                }
            }
            return false;
        }
        // "raided three villages: X, Y and Z": a list a plural type word opens.
        if ((!t.word || t.key == "and") && depth == 0 && in_place_list(tokens, first)) {
            return true;
        }
        // "in Ardenia's Velmarsh district": the owned place is where the owner is.
        // "in Y - Z" (district notation) likewise: Z is where Y is.
        const bool dash = t.key == "-" && i >= 2 && tokens[i - 1].begin > tokens[i - 2].end;
        if ((t.key == "'s" || dash) && depth == 0 && i >= 2) {
            std::size_t owner = i - 1;
            while (owner > 0 && tokens[owner - 1].word && tokens[owner - 1].capitalized) {
                --owner;
            }
            // "in the city's X section", "on the province's Y district": an area noun after
            // "the" stands for the place the text already named.
            if (owner == i - 1 && t.key == "'s" && owner >= 2 && tokens[owner - 2].key == "the" &&
                (is_area_noun(tokens[owner - 1].key) || tokens[owner - 1].key == "country")) {
                return locative_context(tokens, owner - 2, trigger_at, 1);
            }
            return owner < i - 1 && locative_context(tokens, owner, trigger_at, 1);
        }
        // "in X's capital, Y", "in the region's main town, Y": an apposition to an owned
        // place noun that is itself where ("X, outside the capital, Y" only qualifies X).
        if (t.key == "," && depth == 0 && i >= 4 &&
            (is_area_noun(tokens[i - 2].key) || tokens[i - 2].key == "capital") &&
            owned_noun(tokens, i - 2) &&
            locative_context(tokens, i - 2, trigger_at, 0)) { // ends: the index decreases
            return true;
        }
        // "in the Ardenia capital X": a capital named after its country.
        if (t.key == "capital" && depth == 0 && i >= 2 && tokens[i - 2].capitalized) {
            std::size_t owner = i - 1;
            while (owner > 0 && tokens[owner - 1].word && tokens[owner - 1].capitalized) {
                --owner;
            }
            return locative_context(tokens, owner, trigger_at, 1);
        }
        // "the capital of X, Y": Y is the capital.
        if (t.key == "," && depth == 0 && i >= 4) {
            std::size_t name = i - 1;
            while (name > 0 && tokens[name - 1].word && tokens[name - 1].capitalized) {
                --name;
            }
            std::size_t of = name;
            if (of >= 2 && tokens[of - 1].key == "the") {
                --of;
            }
            if (name < i - 1 && of >= 2 && tokens[of - 1].key == "of" &&
                tokens[of - 2].key == "capital" &&
                locative_context(tokens, of - 2, trigger_at, 0)) {
                return true;
            }
        }
        // "shot on a Velmar street", "on the Tarsk road": a town naming the street it is on.
        if (t.key == "on" && street_after(tokens, first)) {
            return true;
        }
        if ((t.key == "on" || t.key == "against" || t.key == "of") && i >= 2 &&
            trigger_at[i - 2]) { // "strikes on Kharkiv", "the shelling of Aleppo"
            return true;
        }
        // "at the edge of X", "seized the airfield of X": "of" after a noun that is
        // itself where something happens.
        // "outside the embassies of X": the owner of a mission is no place.
        if (t.key == "of" && i >= 2 && one_of(tokens[i - 2].key, missions)) {
            return false;
        }
        if (t.key == "of" && depth == 0 && i >= 2 && tokens[i - 2].word &&
            !tokens[i - 2].capitalized && !trigger_at[i - 2] &&
            (locative_context(tokens, i - 2, trigger_at, 1) ||
             article_phrase_governed(tokens, i - 2))) {
            return true;
        }
        // "in Catholic west X", "in Kurdish northern Y": a creed or people before a place
        // says whose part it is.
        // "outside the fortified X", "in the walled Y": a participle after an article
        // describes the place.
        const bool described = t.word && !t.capitalized && t.key.size() > 4 &&
                               t.key.compare(t.key.size() - 2, 2, "ed") == 0 && i >= 2 &&
                               tokens[i - 2].key == "the";
        if (!is_place_modifier(t) && !(t.capitalized && is_community(t.key)) && !described) {
            return false;
        }
        --i;
    }
    return false;
}

} // namespace eventmap::events
