#include "events/place_phrases.hpp"

#include "events/lexicon.hpp"
#include "events/locative.hpp"
#include "events/unlisted_names.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

namespace eventmap::events {

using detail::ground_subject;
using detail::members_of;
using detail::name_word;
using detail::names_event;
using detail::organisation_head;
using detail::starts_no_name;

namespace {

// Kinds of place news names with a type word: "the village of X", "X district".
const std::unordered_set<std::string>& place_types() {
    static const std::unordered_set<std::string> types{
        "village",       "villages",     "town",          "towns",        "city",
        "district",      "districts",    "neighbourhood", "neighborhood", "neighbourhoods",
        "neighborhoods", "area",         "areas",         "camp",         "suburb",
        "suburbs",       "province",     "region",        "governorate",  "county",
        "commune",       "municipality", "hamlet",        "locality",     "settlement",
        "quarter",       "sub-district", "subdistrict",   "township",     "sector",
        "sectors",       "constituency", "lga",           "countryside",  "valley",
        "mountain",      "mountains",    "hill",          "hills",        "island",
        "market",        "square",       "street",        "road",         "highway",
        "junction",      "checkpoint",   "airport",       "base",         "prison",
        "compound",      "refugee",      "state",         "division",     "department",
        "prefecture",    "oblast",       "parish",        "ward",         "airbase",
        "airfield",      "field",        "fields",        "hospital",     "dam",
        "bridge",        "plant",        "crossing",      "station",      "cities",
        "camps",         "provinces",    "regions",       "settlements",  "community",
        "communities",   "shantytown",   "slum",          "slums"};
    return types;
}

bool is_type(const Token& t) {
    return t.word && place_types().count(t.key) > 0;
}

// "X and Y neighbourhoods": the first name of a pair before a plural type word, `next` being
// the token after it.
// "X, Y and Z districts", "X, Y, and Z neighbourhoods" likewise.
bool listed_before_type(const std::vector<Token>& tokens, std::size_t next) {
    std::size_t k = next;
    bool joined = false;
    for (int members = 0; members < 8 && k + 1 < tokens.size(); ++members) {
        if (tokens[k].key == "," && k + 1 < tokens.size() && tokens[k + 1].key == "and") {
            ++k;
        }
        if (tokens[k].key != "," && tokens[k].key != "and") {
            break;
        }
        joined = joined || tokens[k].key == "and";
        const std::size_t name = ++k;
        while (k < tokens.size() && tokens[k].word && tokens[k].capitalized) {
            ++k;
        }
        if (k == name) {
            return false;
        }
    }
    return joined && k < tokens.size() && is_type(tokens[k]) && !tokens[k].capitalized &&
           tokens[k].key.back() == 's';
}

bool is_dash(const Token& t) {
    return t.key == "-" || t.key == "\xE2\x80\x94" || t.key == "\xE2\x80\x93"; // - em en
}

// The token after the list that `name` belongs to: "three villages: X, Y and Z in W", "two
// towns -- X and Y -- in W" (the closing dash skipped); 0 when `name` is in no such list.
std::size_t list_end(const std::vector<Token>& tokens, std::size_t name) {
    std::size_t k = name;
    while (k < tokens.size() && ((tokens[k].word && tokens[k].capitalized) ||
                                 tokens[k].key == "," || tokens[k].key == "and")) {
        ++k;
    }
    while (k < tokens.size() && is_dash(tokens[k])) {
        ++k;
    }
    return k;
}

constexpr std::size_t max_name_words = 5;

// A plural place noun a few words before `k`: "in towns like", "several villages, including".
bool plural_place_before(const std::vector<Token>& tokens, std::size_t k) {
    for (std::size_t j = k, n = 0; j > 0 && n < 5; --j, ++n) {
        const Token& t = tokens[j - 1];
        if (t.word && !t.capitalized && is_type(t) && t.key.back() == 's') {
            return true;
        }
    }
    return false;
}

// Whether the owner before the possessive at `possessive`, a place mention or "the city",
// follows a locative preposition, modifiers between: "in north Y's", "on the city's".
bool owner_after_preposition(const std::vector<Token>& tokens, const std::vector<int>& mention_at,
                             std::size_t possessive) {
    const int owner = mention_at[possessive - 1];
    std::size_t k = possessive - 1;
    if (owner < 0) {
        // "the city's", "the capital's": an area noun after the article stands for a place.
        const std::string& noun = tokens[k].key;
        if (!(noun == "city" || noun == "town" || noun == "capital" || noun == "village") ||
            k == 0 || tokens[k - 1].key != "the") {
            return false;
        }
        --k;
    } else {
        while (k > 0 && mention_at[k - 1] == owner) {
            --k;
        }
    }
    for (int n = 0; n < 3 && k > 0 && is_place_modifier(tokens[k - 1]); ++n) {
        --k;
    }
    return k > 0 &&
           (tokens[k - 1].key == "in" || tokens[k - 1].key == "at" || tokens[k - 1].key == "near" ||
            tokens[k - 1].key == "outside" || tokens[k - 1].key == "inside");
}

// Skips "the", "a" and lowercase modifiers after a preposition: "in the remote X".
std::size_t skip_modifiers(const std::vector<Token>& tokens, std::size_t i) {
    for (int n = 0; n < 3 && i < tokens.size(); ++n) {
        const std::string& k = tokens[i].key;
        const bool modifier =
            k == "the" || k == "a" || k == "an" || k.find("-held") != std::string::npos ||
            k.find("-controlled") != std::string::npos || k == "northern" || k == "southern" ||
            k == "eastern" || k == "western" || k == "central" || k == "nearby" || k == "remote" ||
            k == "rural" || k == "strategic" || k == "key" || k == "besieged" || k == "restive";
        // "the fortified X", "the walled Y": a participle after the article.
        const bool described = i > 0 && tokens[i - 1].key == "the" && k.size() > 4 &&
                               k.compare(k.size() - 2, 2, "ed") == 0;
        if (!(modifier || described) || tokens[i].capitalized) {
            break;
        }
        ++i;
    }
    return i;
}

// The containing place named right after the name and its type word: "X (district) in Y",
// "X district of Y", "X, Y", "X near Y" (near: the closest unit the text gives).
int container_after(const std::vector<Token>& tokens, const std::vector<int>& mention_at,
                    std::size_t j) {
    while (j < tokens.size() && (is_type(tokens[j]) || tokens[j].key == "(")) {
        ++j;
    }
    if (j >= tokens.size()) {
        return -1;
    }
    const std::string& k = tokens[j].key;
    if (k == "in" || k == "of" || k == "," || k == "near" || k == "outside" || k == "(") {
        const std::size_t at = skip_modifiers(tokens, j + 1);
        if (at < tokens.size() && mention_at[at] >= 0) {
            return mention_at[at];
        }
    }
    return -1;
}

// Verbs whose object is always a piece of ground: "patrolled Varneck", "stormed Osterlo".
// ("captured Varoul", "attacked Varoul" may name a person or a group.)
bool place_only_verb(const std::string& k) {
    static const std::unordered_set<std::string> forms = [] {
        std::unordered_set<std::string> out;
        for (const char* lemma : {"patrol", "shell", "bombard", "storm", "overrun", "occupy",
                                  "invade", "besiege", "encircle", "enter", "infiltrate"}) {
            for (auto& f : verb_forms(lemma)) {
                out.insert(std::move(f));
            }
        }
        return out;
    }();
    return forms.count(k) > 0;
}

// Generic words that open Levantine and Mesopotamian place names ("Kafr X" village, "Tal X"
// hill, "Jabal X" mountain, "Deir X" monastery): a name of two or more words opening with one
// is a place, whatever verb governs it ("captured Kafr X"). Not "Khan": a family name too.
bool toponym_prefix(const std::string& k) {
    static const std::unordered_set<std::string> words{
        "kafr", "kfar", "tal",     "tell",    "jabal",  "jebel", "deir",
        "beit", "wadi", "khirbet", "khirbat", "maarat", "ain",   "bir"};
    return words.count(k) > 0;
}

// An opening quote glued to a name: "the town of ‘Ardel" (transliterated ayn).
bool glued_quote(std::string_view text, const std::vector<Token>& tokens, std::size_t k) {
    return k + 1 < tokens.size() && !tokens[k].word && tokens[k].end == tokens[k + 1].begin &&
           (text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin) == "\xE2\x80\x98" ||
            tokens[k].key == "'");
}

bool ordinal(const std::string& k) {
    if (k.size() < 3 || std::isdigit(static_cast<unsigned char>(k[0])) == 0) {
        return false;
    }
    const std::string suffix = k.substr(k.size() - 2);
    return suffix == "th" || suffix == "st" || suffix == "nd" || suffix == "rd";
}

bool preposition(const std::string& k) {
    return k == "in" || k == "at" || k == "near" || k == "outside" || k == "inside" ||
           k == "into" || k == "around" || k == "towards" || k == "toward";
}

double bearing_of(const std::string& k) {
    static const std::vector<std::pair<std::string, double>> directions{
        {"north", 0},        {"northeast", 45},   {"north-east", 45}, {"east", 90},
        {"southeast", 135},  {"south-east", 135}, {"south", 180},     {"southwest", 225},
        {"south-west", 225}, {"west", 270},       {"northwest", 315}, {"north-west", 315}};
    for (const auto& [name, bearing] : directions) {
        if (k == name) {
            return bearing;
        }
    }
    return -1;
}

double unit_km(const std::string& k) {
    if (k == "km" || k == "kilometers" || k == "kilometres" || k == "kms") {
        return 1.0;
    }
    if (k == "miles" || k == "mi" || k == "mile") {
        return 1.609344;
    }
    return 0;
}

// "at the edge of X", "seized the airfield of X": a noun after a preposition or a verb
// of attack, with at most three articles or modifiers between.
bool noun_in_place_phrase(const std::vector<Token>& tokens, std::size_t noun) {
    if (!tokens[noun].word || tokens[noun].capitalized) {
        return false;
    }
    for (std::size_t k = noun, steps = 0; k > 0 && steps < 4; --k, ++steps) {
        const Token& t = tokens[k - 1];
        if (preposition(t.key) || is_locative_verb(t.key)) {
            return true;
        }
        if (!t.word || t.capitalized) {
            return false;
        }
    }
    return false;
}

} // namespace

RelativeOffset relative_offset(const std::vector<Token>& tokens, std::size_t place_first) {
    RelativeOffset out;
    std::size_t k = place_first;
    while (k > 0 && (tokens[k - 1].key == "the" || tokens[k - 1].key == "city" ||
                     tokens[k - 1].key == "town" || tokens[k - 1].key == "capital")) {
        --k; // "north of the town of X" is rare; "north of the capital" is no name
    }
    if (k < 3 || tokens[k - 1].key != "of") {
        return out;
    }
    const double bearing = bearing_of(tokens[k - 2].key);
    if (bearing < 0) {
        return out;
    }
    std::size_t j = k - 2;                   // the direction
    if (j > 0 && tokens[j - 1].key == ")") { // "(25 miles)"
        while (j > 0 && tokens[j - 1].key != "(") {
            --j;
        }
        j = j > 0 ? j - 1 : 0;
    }
    if (j < 2) {
        return out;
    }
    const double unit = unit_km(tokens[j - 1].key);
    char* end = nullptr;
    const double number = std::strtod(tokens[j - 2].key.c_str(), &end);
    if (unit == 0 || end == tokens[j - 2].key.c_str() || *end != '\0' || number <= 0) {
        return out;
    }
    out.found = true;
    out.km = number * unit;
    out.bearing_deg = bearing;
    out.first = j - 2;
    if (out.first > 0 &&
        (tokens[out.first - 1].key == "about" || tokens[out.first - 1].key == "some" ||
         tokens[out.first - 1].key == "around" || tokens[out.first - 1].key == "roughly" ||
         tokens[out.first - 1].key == "nearly")) {
        --out.first;
    }
    return out;
}

LatLon offset_point(LatLon from, double km, double bearing_deg) {
    constexpr double rad = 3.14159265358979323846 / 180.0;
    const double d = km / earth_radius_km;
    const double b = bearing_deg * rad;
    const double lat1 = from.lat * rad;
    const double lon1 = from.lon * rad;
    const double lat2 =
        std::asin(std::sin(lat1) * std::cos(d) + std::cos(lat1) * std::sin(d) * std::cos(b));
    const double lon2 = lon1 + std::atan2(std::sin(b) * std::sin(d) * std::cos(lat1),
                                          std::cos(d) - std::sin(lat1) * std::sin(lat2));
    LatLon out = from;
    out.lat = lat2 / rad;
    out.lon = std::remainder(lon2 / rad, 360.0);
    return out;
}

bool in_place_list(const std::vector<Token>& tokens, std::size_t name) {
    // Back over the members before this one to the colon or dash that opens the list.
    std::size_t k = name;
    for (int steps = 0; k > 0 && steps < 16; ++steps) {
        const Token& t = tokens[k - 1];
        if (!((t.word && t.capitalized) || t.key == "," || t.key == "and")) {
            break;
        }
        --k;
    }
    std::size_t open = k;
    if (open > 0 && tokens[open - 1].key == ":") {
        --open;
    } else {
        while (open > 0 && is_dash(tokens[open - 1])) {
            --open;
        }
    }
    const Token* type = open < k && open > 0 ? &tokens[open - 1] : nullptr;
    return type != nullptr && type->word && !type->capitalized && is_type(*type) &&
           type->key.back() == 's';
}

bool place_list_mark(const std::vector<Token>& tokens, std::size_t i) {
    if (tokens[i].key != ":" && !is_dash(tokens[i])) {
        return false;
    }
    std::size_t after = i + 1;
    while (after < tokens.size() && is_dash(tokens[after])) {
        ++after;
    }
    if (after < tokens.size() && tokens[after].word && tokens[after].capitalized &&
        in_place_list(tokens, after)) {
        return true; // opens the list
    }
    std::size_t before = i;
    while (before > 0 && is_dash(tokens[before - 1])) {
        --before;
    }
    return before > 0 && tokens[before - 1].word && tokens[before - 1].capitalized &&
           in_place_list(tokens, before - 1); // closes it
}

bool offset_apposition(const std::vector<Token>& tokens, std::size_t last) {
    std::size_t k = last + 1;
    if (k + 4 >= tokens.size() || tokens[k].key != ",") {
        return false;
    }
    ++k;
    const std::string& hedge = tokens[k].key;
    if (hedge == "about" || hedge == "some" || hedge == "around" || hedge == "roughly" ||
        hedge == "nearly" || hedge == "just") {
        ++k;
    }
    char* end = nullptr;
    const std::string& number = tokens[k].key;
    std::strtod(number.c_str(), &end);
    if (end == number.c_str() || *end != '\0' || k + 1 >= tokens.size() ||
        unit_km(tokens[k + 1].key) == 0) {
        return false;
    }
    k += 2;
    if (k < tokens.size() && tokens[k].key == "(") { // "(110 miles)"
        while (k < tokens.size() && tokens[k].key != ")") {
            ++k;
        }
        ++k;
    }
    return k + 1 < tokens.size() && bearing_of(tokens[k].key) >= 0 && tokens[k + 1].key == "of";
}

// "Y's Grand Hotel", "Y's Church of Z": a building's name; news places the event in the
// town that owns it.
bool names_building(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    static const std::unordered_set<std::string> buildings{
        "church",    "cathedral",   "mosque",  "temple", "synagogue", "shrine",     "hospital",
        "clinic",    "university",  "college", "school", "academy",   "hotel",      "embassy",
        "consulate", "office",      "palace",  "museum", "stadium",   "arena",      "theatre",
        "theater",   "airport",     "station", "prison", "jail",      "parliament", "court",
        "ministry",  "building",    "tower",   "centre", "center",    "bank",       "hall",
        "house",     "headquarters"};
    for (std::size_t k = first; k <= last; ++k) {
        if (buildings.count(tokens[k].key) > 0) {
            return true;
        }
    }
    return false;
}

bool is_place_type(const std::string& key) {
    return place_types().count(key) > 0;
}

bool is_place_only_verb(const std::string& key) {
    return place_only_verb(key);
}

bool is_locative_verb(const std::string& key) {
    static const std::unordered_set<std::string> forms = [] {
        std::unordered_set<std::string> out;
        for (const char* lemma :
             {"hit",     "pound",  "strike",   "rock",       "target",  "shell",   "bomb",
              "attack",  "raid",   "storm",    "enter",      "capture", "seize",   "besiege",
              "visit",   "reach",  "tour",     "patrol",     "overrun", "occupy",  "recapture",
              "retake",  "invade", "surround", "encircle",   "ransack", "loot",    "torch",
              "bombard", "shake",  "liberate", "infiltrate", "ambush",  "control", "flood"}) {
            for (auto& f : verb_forms(lemma)) {
                out.insert(std::move(f));
            }
        }
        return out;
    }();
    return forms.count(key) > 0;
}

std::vector<UnlistedPlace> find_unlisted_places(std::string_view text,
                                                const std::vector<Token>& tokens,
                                                const std::vector<int>& mention_at,
                                                const std::vector<bool>& blocked) {
    std::vector<UnlistedPlace> out;
    const std::size_t n = tokens.size();
    std::size_t i = 0;
    while (i < n) {
        if (!name_word(text, tokens[i]) || mention_at[i] >= 0 || blocked[i] ||
            starts_no_name(tokens[i].key)) {
            ++i;
            continue;
        }
        std::size_t last = i;
        while (last + 1 < n && last + 1 - i < max_name_words && name_word(text, tokens[last + 1]) &&
               mention_at[last + 1] < 0 && !blocked[last + 1]) {
            ++last;
        }
        const std::size_t next = last + 1;
        if (next < n && tokens[next].key == "'s") {
            i = next; // an owner ("the Northern Legion's positions"), not a place
            continue;
        }
        if (next < n && (tokens[next].key == "held" || tokens[next].key == "controlled")) {
            i = next; // "the X held village of Y": X holds it
            continue;
        }
        if (next < n && mention_at[next] >= 0 && tokens[next].begin == tokens[last].end + 1) {
            i = next; // a word of a longer name the geoparser read ("Greater" Sahara)
            continue;
        }
        // "inside a Zorvan van", "at a Varda shrine": one name after an indefinite article and
        // before a common noun that is no place type is a brand, a creed or a people.
        if (i > 0 && last == i && (tokens[i - 1].key == "a" || tokens[i - 1].key == "an") &&
            next < n && tokens[next].word && !tokens[next].capitalized && !is_type(tokens[next])) {
            i = next;
            continue;
        }
        // "encircled Varno in his office", "shot Varno at her home": a name a phrase about him or
        // her then places is a person, unless a preposition governs it ("in Varno in his youth").
        if (next + 1 < n && (tokens[next].key == "in" || tokens[next].key == "at") &&
            (tokens[next + 1].key == "his" || tokens[next + 1].key == "her") &&
            !(i > 0 && preposition(tokens[i - 1].key))) {
            i = next;
            continue;
        }
        // "the 4th Mechanised Division", "the 17th Brigade": after an ordinal, a unit.
        if (i > 0 && ordinal(tokens[i - 1].key)) {
            i = next;
            continue;
        }
        if ((organisation_head(tokens[last]) && !(next < n && is_type(tokens[next]))) ||
            members_of(tokens, i) || names_event(tokens, i, last)) {
            i = next;
            continue;
        }
        // What marks the run as a place.
        std::size_t before = (i > 0 && glued_quote(text, tokens, i - 1)) ? i - 1 : i;
        // "the village of X", "a village called X"
        const bool type_of =
            before >= 2 &&
            (tokens[before - 1].key == "of" || tokens[before - 1].key == "called" ||
             tokens[before - 1].key == "named") &&
            (is_type(tokens[before - 2]) || tokens[before - 2].key == "capital" ||
             noun_in_place_phrase(tokens, before - 2));
        // "at village X", "in district Y": a type word without "of" between a preposition and
        // the name (the usage of South Asian reports).
        const bool type_before =
            before >= 2 && is_type(tokens[before - 1]) && !tokens[before - 1].capitalized &&
            tokens[before - 1].key.back() != 's' && preposition(tokens[before - 2].key);
        // "X, a small village in Y": an apposition of a type word.
        const std::size_t apposed = next + 1 < n ? skip_modifiers(tokens, next + 1) : n;
        const bool apposition =
            next + 1 < n && tokens[next].key == "," &&
            (tokens[next + 1].key == "a" || tokens[next + 1].key == "the") && apposed < n &&
            is_type(tokens[apposed]) && !tokens[apposed].capitalized &&
            (apposed + 1 == n || tokens[apposed + 1].key == "in" ||
             tokens[apposed + 1].key == "of" || tokens[apposed + 1].key == "near" ||
             tokens[apposed + 1].key == "," || tokens[apposed + 1].key == ".");
        // "in another Y township, X, ...": a name in apposition to a type word.
        const bool apposed_to_type = i >= 2 && tokens[i - 1].key == "," && is_type(tokens[i - 2]) &&
                                     !tokens[i - 2].capitalized && next < n &&
                                     (tokens[next].key == "," || tokens[next].key == ".");
        const bool type_after = (next < n && is_type(tokens[next]) &&
                                 !(next + 1 < n && tokens[next + 1].key == "'s")) ||
                                listed_before_type(tokens, next); // "the X and Y districts"
        const bool facility = is_type(tokens[last]) && last > i;  // "X Airport", "X Hill"
        before = (i > 0 && glued_quote(text, tokens, i - 1)) ? i - 1 : i;
        while (before > 0 && (tokens[before - 1].key == "the" || tokens[before - 1].key == "a" ||
                              (!tokens[before - 1].capitalized && tokens[before - 1].word &&
                               skip_modifiers(tokens, before - 1) == before))) {
            --before;
        }
        const bool after_preposition = before > 0 && preposition(tokens[before - 1].key);
        // "the assault on X in Y state", "marched to X in southern Y district": after "on" or
        // "to" right after an event word, a name the phrase then locates is a place.
        const bool after_event =
            before > 1 && (tokens[before - 1].key == "on" || tokens[before - 1].key == "to") &&
            blocked[before - 2] && tokens[before - 2].word && !tokens[before - 2].capitalized;
        const bool object = before > 0 && is_locative_verb(tokens[before - 1].key);
        const bool ground = before > 0 && place_only_verb(tokens[before - 1].key);
        // "Y's X district", "Y's northern neighbourhood of X": the possessive names the
        // container.
        int container = -1;
        for (std::size_t k = i, steps = 0; k >= 2 && steps < 5; --k, ++steps) {
            const Token& t = tokens[k - 1];
            if (t.key == "'s") {
                container = mention_at[k - 2];
                break;
            }
            if (!t.word || t.capitalized) {
                break;
            }
        }
        // "three villages: X, Y and Z in W": a list a plural type word opens; W, after the
        // list, contains them all.
        const bool listed = in_place_list(tokens, i);
        const int after = container_after(tokens, mention_at, listed ? list_end(tokens, i) : next);
        // "in north Y's X", "at central Y's X": a name owned by a place that a locative
        // phrase governs is inside it.
        const bool owned = i >= 2 && tokens[i - 1].key == "'s" &&
                           owner_after_preposition(tokens, mention_at, i - 1) &&
                           !names_building(tokens, i, last);
        // "in towns like X", "in several villages, including Y": a member of a list of places.
        const bool member = i >= 2 &&
                            (tokens[i - 1].key == "like" || tokens[i - 1].key == "including" ||
                             (tokens[i - 1].key == "as" && tokens[i - 2].key == "such")) &&
                            plural_place_before(tokens, i - 1);
        if (container < 0 && apposed_to_type && i >= 3) {
            container = mention_at[i - 3]; // "the Y township, X"
        }
        if (container < 0) {
            container = after;
        }
        const bool sentence_start = i == 0;
        if (owned && container < 0) {
            // "in X ... in the city's Y": the city is the last place named before.
            for (std::size_t k = i; k > 0 && container < 0; --k) {
                container = mention_at[k - 1];
            }
        }
        const bool marked = type_of || type_before || listed || owned || member ||
                            offset_apposition(tokens, last) || type_after || facility ||
                            apposition || apposed_to_type ||
                            (after_preposition && (after >= 0 || !sentence_start)) ||
                            (object && after >= 0) || // "captured Varoul" names no place
                            (after_event && after >= 0) || ground ||
                            (toponym_prefix(tokens[i].key) && last > i &&
                             (after_preposition || object || after_event));
        if ((marked && !(sentence_start && !type_after && !facility)) ||
            ground_subject(tokens, last)) {
            out.push_back(UnlistedPlace{i, last, container});
        }
        i = next;
    }
    return out;
}

} // namespace eventmap::events
