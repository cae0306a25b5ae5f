// Places that are no place of the event however a phrase marks them: parts of names
// (organisations, military units), names used as adjectives, destinations of another verb of
// motion, a whole conflict's place as the subject.
#include "events/article_builder.hpp"
#include "events/locative.hpp"
#include "events/place_phrases.hpp"
#include "events/sentence_analysis.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace eventmap::events {

// "the Liberation Front of Ardenia", "the National Bank of Velmar": a place after "of" and
// the capitalised head of an organisation's name is part of that name, not where.
bool ArticleBuilder::in_organisation_name(const std::vector<Token>& tokens, std::size_t first) {
    static constexpr std::array<std::string_view, 16> heads{
        "state",     "front",  "army",         "party",        "movement", "council",
        "committee", "union",  "organization", "organisation", "bank",     "university",
        "church",    "league", "brigades",     "states"};
    return first >= 3 && tokens[first - 1].key == "of" && tokens[first - 2].capitalized &&
           one_of(tokens[first - 2].key, heads) && tokens[first - 3].word &&
           tokens[first - 3].capitalized;
}

// "the 4th Mechanised Division", "the 101st Airborne", "the Third Army": a name after an
// ordinal or ending in a unit's head is a military unit, whatever the gazetteer holds.
bool ArticleBuilder::military_unit(const std::vector<Token>& tokens, std::size_t first,
                                   std::size_t last) {
    static constexpr std::array<std::string_view, 9> units{"division",  "brigade",  "regiment",
                                                           "battalion", "corps",    "army",
                                                           "fleet",     "squadron", "airborne"};
    if (one_of(tokens[last].key, units) && tokens[last].capitalized) {
        return true;
    }
    if (first == 0) {
        return false;
    }
    const std::string& k = tokens[first - 1].key;
    const std::string suffix = k.size() >= 3 ? k.substr(k.size() - 2) : std::string();
    const bool ordinal = k.size() >= 3 && std::isdigit(static_cast<unsigned char>(k[0])) != 0 &&
                         (suffix == "th" || suffix == "st" || suffix == "nd" || suffix == "rd");
    return ordinal && last + 1 < tokens.size() && tokens[last + 1].capitalized;
}

// "was shot and evacuated to X", "captured and sent to X", "killed before he could flee to
// X": a destination belongs to a verb of motion; an attack or an arrest does not happen
// there. Moves of territory ("advanced to X") and marches, deployments and visits keep it.
bool ArticleBuilder::foreign_destination(const Analysis& a, const TriggerHit& hit,
                                         const PlaceCandidate& c) const {
    const std::string& type = lex_.types()[hit.trigger->type].name;
    // A word the lexicon lacks (given to `event_at`) may itself be a verb of motion.
    if ((type != "ASSAULT" && type != "COERCE") || hit.trigger->mode == "territory" ||
        hit.trigger == &forced_trigger_) {
        return false;
    }
    std::size_t k = c.first;
    for (int n = 0; n < 3 && k > 0 && is_place_modifier(a.tokens[k - 1]); ++n) {
        --k;
    }
    if (k < 2 || a.tokens[k - 1].key != "to" || k - 1 <= hit.last) {
        return false;
    }
    // "close to X", "the entrance to X", "a road leading to X": where, not whither.
    static constexpr std::array<std::string_view, 8> where{
        "close", "next", "near", "entrance", "adjacent", "leading", "road", "gateway"};
    return !one_of(a.tokens[k - 2].key, where);
}

// "The war in X has killed thousands", "the conflict in Y has displaced millions": a place
// that modifies a whole conflict as the subject gives its toll, no event's place. (Other
// subjects' places often are where: "gunmen in X shot a man".)
bool ArticleBuilder::subject_modifier(const Analysis& a, const TriggerHit& hit,
                                      const PlaceCandidate& c) {
    if (hit.trigger->nominal || c.last >= hit.first) {
        return false;
    }
    static constexpr std::array<std::string_view, 14> auxiliaries{
        "has",  "have",  "had",  "was", "were", "is",         "are",
        "been", "being", "also", "be",  "will", "reportedly", "allegedly"};
    for (std::size_t k = c.last + 1; k < hit.first; ++k) {
        if (!one_of(a.tokens[k].key, auxiliaries)) {
            return false;
        }
    }
    std::size_t k = c.first;
    for (int n = 0; n < 3 && k > 0 && is_place_modifier(a.tokens[k - 1]); ++n) {
        --k;
    }
    if (k < 2 || a.tokens[k - 1].key != "in") {
        return false;
    }
    static constexpr std::array<std::string_view, 9> conflicts{
        "conflict",   "war",      "crisis",    "insurgency", "uprising",
        "revolution", "violence", "conflicts", "wars"};
    return one_of(a.tokens[k - 2].key, conflicts);
}

// "a man from Dorvel", "a 30-year-old from the village of Kessa", "two students from
// northern Varn": a place after "from" and a person names where someone comes from, not
// where the event happened ("fled from X", "fire from X" keep it: a verb or a thing). Only
// for the subject (the caller checks the place comes before the verb): "captured by gunmen
// from X" names where the attackers struck from, which reports read as the place.
bool ArticleBuilder::person_origin(const std::vector<Token>& tokens, const PlaceCandidate& c) {
    static constexpr std::array<std::string_view, 24> people{
        "man",    "woman",   "men",      "women",     "boy",      "girl",
        "boys",   "girls",   "youth",    "youths",    "resident", "residents",
        "native", "natives", "villager", "villagers", "student",  "students",
        "farmer", "farmers", "worker",   "workers",   "family",   "teenager"};
    std::size_t k = c.first;
    // "from the Ardenian village of X": an article, adjectives and "<type> of" between;
    // "from Kessa village in Y", "from Kessa near Y": Y qualifies the origin.
    for (int n = 0; n < 8 && k > 0; ++n) {
        const Token& t = tokens[k - 1];
        const bool filler = t.key == "the" || t.key == "a" || t.key == "of" || t.key == "in" ||
                            t.key == "near" || is_place_type(t.key) || is_place_modifier(t) ||
                            (t.word && t.capitalized);
        if (!filler) {
            break;
        }
        --k;
    }
    if (k < 2 || tokens[k - 1].key != "from") {
        return false;
    }
    const std::string& who = tokens[k - 2].key;
    const bool aged = who.size() > 9 && who.compare(who.size() - 9, 9, "-year-old") == 0;
    return aged || one_of(who, people);
}

// "on Jolo", "on the Tarvo Peninsula", "on Manila Bay": "on" before an island, a coast, a
// mountain or a body of water says where ("on Monday", "on the issue" name none).
bool ArticleBuilder::on_feature(const std::vector<Token>& tokens, std::size_t first,
                                const geoparse::Mention& m) {
    std::size_t k = first;
    if (k > 0 && tokens[k - 1].key == "the") {
        --k;
    }
    return k > 0 && tokens[k - 1].key == "on" && (m.feature_class == 'T' || m.feature_class == 'H');
}

// "handed to Zembian forces", "at Zembian army posts": a name used as an adjective of
// people or institutions says whose, not where.
bool ArticleBuilder::adjectival(const std::vector<Token>& tokens, std::size_t last) {
    static constexpr std::array<std::string_view, 19> heads{
        "forces",   "force",     "troops",     "soldiers",    "officials", "army", "military",
        "police",   "embassy",   "government", "authorities", "officers",  "navy", "diplomats",
        "citizens", "nationals", "consulate",  "embassies",   "mission"};
    static constexpr std::array<std::string_view, 10> facilities{
        "station", "headquarters", "post",     "posts",    "checkpoint",
        "base",    "compound",     "building", "barracks", "academy"};
    // "a U.S.-run prison", "a Saudi-owned paper": a name compounded with a participle says
    // who runs or owns, not where.
    // "a U.S. patrol", "the US de facto embassy", "a UK warship": an abbreviated country before
    // a common noun is an adjective.
    const std::string& self = tokens[last].key;
    if ((self == "u.s." || self == "us" || self == "u.s" || self == "uk" || self == "u.k." ||
         self == "u.n." || self == "un") &&
        last + 1 < tokens.size() && tokens[last + 1].word && !tokens[last + 1].capitalized) {
        static constexpr std::array<std::string_view, 24> function_words{
            "on",    "in",     "at",   "and",  "or",   "for",  "to",   "since",
            "after", "before", "from", "last", "this", "with", "by",   "over",
            "said",  "says",   "has",  "have", "is",   "was",  "were", "will"};
        if (!one_of(tokens[last + 1].key, function_words) && !is_place_type(tokens[last + 1].key) &&
            !is_area_noun(tokens[last + 1].key)) {
            return true;
        }
    }
    // "U.S.-run" may come as "U.S." "-" "run".
    const bool split = last + 2 < tokens.size() && tokens[last + 1].key == "-" &&
                       tokens[last + 1].begin == tokens[last].end;
    const std::string k = split ? "-" + tokens[last + 2].key : tokens[last].key;
    for (const char* suffix : {"-run", "-led", "-backed", "-owned", "-funded", "-sponsored",
                               "-brokered", "-trained", "-supported", "-made", "-allied"}) {
        const std::size_t n = std::char_traits<char>::length(suffix);
        if (k.size() >= n && k.compare(k.size() - n, n, suffix) == 0 && (split || k.size() > n)) {
            return true;
        }
    }
    return last + 1 < tokens.size() && one_of(tokens[last + 1].key, heads) &&
           !(last + 2 < tokens.size() && one_of(tokens[last + 2].key, facilities));
}

} // namespace eventmap::events
