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
    if ((type != "ASSAULT" && type != "COERCE") || hit.trigger == &forced_trigger_) {
        return false;
    }
    std::size_t k = c.first;
    for (int n = 0; n < 3 && k > 0 && is_place_modifier(a.tokens[k - 1]); ++n) {
        --k;
    }
    if (moved_to(a.tokens, k, hit.last)) {
        return true;
    }
    if (hit.trigger->mode == "territory") {
        return false;
    }
    if (k < 2 || a.tokens[k - 1].key != "to" || k - 1 <= hit.last) {
        return false;
    }
    // "arrested when he returned to X": the subject's own return, which `moved_to` keeps,
    // brings it to where the event happens.
    if (a.tokens[k - 2].key == "returned" || a.tokens[k - 2].key == "moved") {
        return false;
    }
    // "close to X", "the entrance to X", "a road leading to X": where, not whither.
    static constexpr std::array<std::string_view, 8> where{
        "close", "next", "near", "entrance", "adjacent", "leading", "road", "gateway"};
    return !one_of(a.tokens[k - 2].key, where);
}

// "captured and extradited to X", "was flown to X and jailed", "escorted him back to Y's
// airport", "tried to enter X": a person taken or going somewhere after the event (`k`: the
// place's first word after its modifiers). Towns are captured, never extradited, so this
// holds for captures of ground too.
bool ArticleBuilder::moved_to(const std::vector<Token>& tokens, std::size_t k, std::size_t after) {
    static constexpr std::array<std::string_view, 19> transfers{
        "extradited",  "sent",     "taken",    "flown",       "transferred",
        "escorted",    "handed",   "deported", "moved",       "brought",
        "repatriated", "shipped",  "turned",   "transported", "airlifted",
        "evacuated",   "returned", "escaping", "fleeing"};
    if (k > 0 && tokens[k - 1].key == "the") {
        --k;
    }
    // "while trying to enter X", "as he tried to reach Y": someone's attempt to go there ("an
    // assault to enter X" is where the assault is).
    static constexpr std::array<std::string_view, 4> attempts{"trying", "tried", "attempting",
                                                              "attempted"};
    if (k >= 4 && (tokens[k - 1].key == "enter" || tokens[k - 1].key == "reach") &&
        tokens[k - 2].key == "to" && one_of(tokens[k - 3].key, attempts) && k - 3 > after) {
        return true;
    }
    if (k < 3 || (tokens[k - 1].key != "to" && tokens[k - 1].key != "into")) {
        return false;
    }
    std::size_t v = k - 2;
    // "escorted him back to", "turned over to", "handed them over to".
    for (int n = 0; n < 3 && v > after + 1; ++n) {
        const std::string& w = tokens[v].key;
        if (w != "back" && w != "over" && w != "him" && w != "her" && w != "them") {
            break;
        }
        --v;
    }
    if (v <= after || !one_of(tokens[v].key, transfers)) {
        return false;
    }
    // "arrested when he returned to X", "fighting erupted as rebels moved into Y": the
    // subject's own coming back or advance brings it to where the event happens. Only a
    // captive moved ("was returned to X", "returned them to Y") goes elsewhere afterwards.
    const std::string& verb = tokens[v].key;
    if (verb == "returned" || verb == "moved") {
        const std::string& before = tokens[v - 1].key;
        const bool passive = before == "was" || before == "were" || before == "been" ||
                             before == "being" || before == "and";
        return passive || v + 1 < k - 1; // an object between: "returned them to X"
    }
    return true;
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

// "Jan Morvel of Tarvel", "Omar Haddad, 28, of the village of Kessa near Y": a person's name
// (two capitalised words or more, no article before them) or an age in commas, then "of",
// gives where someone comes from. An article or the head of a body or a place before "of"
// makes a name ("the Islamic State of X", "Gulf of Y", "Bank of Z").
static bool named_origin(const std::vector<Token>& tokens, std::size_t first) {
    static constexpr std::array<std::string_view, 16> heads{
        "state", "republic", "kingdom",  "union", "bank",   "university", "gulf",   "bay",
        "sea",   "council",  "ministry", "party", "league", "front",      "church", "army"};
    const std::size_t floor = first > 8 ? first - 8 : 0;
    for (std::size_t p = first; p-- > floor + 1;) {
        const Token& t = tokens[p];
        if (t.key != "of") {
            // Between "of" and the place only its qualifiers: "the village of X near Y".
            if (!(t.word && t.capitalized) && t.key != "the" && t.key != "near" && t.key != "in" &&
                !is_place_type(t.key) && !is_place_modifier(t)) {
                return false;
            }
            continue;
        }
        // An age in commas: "Haddad, 28, of".
        if (p >= 3 && tokens[p - 1].key == "," && tokens[p - 3].key == "," &&
            std::isdigit(static_cast<unsigned char>(tokens[p - 2].key[0])) != 0) {
            return true;
        }
        std::size_t j = p;
        int names = 0;
        while (j > 0) {
            const Token& w = tokens[j - 1];
            // "Jan K. Morvel": an initial's full stop.
            if (w.key == "." && j >= 2 && tokens[j - 2].key.size() == 1) {
                --j;
                continue;
            }
            if (!w.word || !w.capitalized || one_of(w.key, heads) || is_place_type(w.key) ||
                is_area_noun(w.key)) {
                break;
            }
            --j;
            ++names;
        }
        const bool determined = j > 0 && (tokens[j - 1].key == "the" || tokens[j - 1].key == "a" ||
                                          tokens[j - 1].key == "an");
        if (names >= 2 && !determined) {
            return true;
        }
    }
    return false;
}

// "a man from Dorvel", "a 30-year-old from the village of Kessa", "two students from
// northern Varn": a place after "from" and a person names where someone comes from, not
// where the event happened ("fled from X", "fire from X" keep it: a verb or a thing). Only
// for the subject (the caller checks the place comes before the verb): "captured by gunmen
// from X" names where the attackers struck from, which reports read as the place.
bool ArticleBuilder::person_origin(const std::vector<Token>& tokens, const PlaceCandidate& c) {
    if (named_origin(tokens, c.first)) {
        return true;
    }
    static constexpr std::array<std::string_view, 24> people{
        "man",    "woman",   "men",      "women",     "boy",      "girl",
        "boys",   "girls",   "youth",    "youths",    "resident", "residents",
        "native", "natives", "villager", "villagers", "student",  "students",
        "farmer", "farmers", "worker",   "workers",   "family",   "teenager"};
    std::size_t k = c.first;
    // "from the Ardenian village of X": an article, adjectives and "<type> of" between;
    // "from Kessa village in Y", "from Kessa near Y": Y qualifies the origin.
    for (int n = 0; n < 12 && k > 0; ++n) {
        const Token& t = tokens[k - 1];
        const bool filler = t.key == "the" || t.key == "a" || t.key == "of" || t.key == "in" ||
                            t.key == "near" || is_place_type(t.key) || is_place_modifier(t) ||
                            (t.word && t.capitalized);
        if (!filler) {
            // "from the town of X [5 km east of Y]": Y, in brackets, locates the origin.
            std::size_t open = k - 1;
            while (open > 0 && k - open < 12 && tokens[open].key != "[" &&
                   tokens[open].key != "(" && tokens[open].key != "]" && tokens[open].key != ")") {
                --open;
            }
            if (tokens[open].key != "[" && tokens[open].key != "(") {
                break;
            }
            k = open;
            continue;
        }
        --k;
    }
    if (k < 2 || tokens[k - 1].key != "from") {
        return false;
    }
    const std::string& who = tokens[k - 2].key;
    const bool aged = who.size() > 9 && who.compare(who.size() - 9, 9, "-year-old") == 0;
    // "Omar Haddad, 25, from X": an age in commas.
    const bool age_apposed = k >= 4 && who == "," && tokens[k - 4].key == "," &&
                             std::isdigit(static_cast<unsigned char>(tokens[k - 3].key[0])) != 0;
    return aged || age_apposed || one_of(who, people);
}

// "the governor of the restive province of Tarvel", "killed the head of the police of
// Norden", "the commander of the rebels' operations in Y": a place after a title or role noun
// and "of" says whose office it is, not where the event happened. Only singular roles, and no
// verb, clause mark or event word between the role and the place ("the leader of a march in
// X", "the commander said troops clashed in X" keep X). "A rebel commander in X was killed"
// keeps X too: reports give the place of the killing that way as often as the post's, and so
// does "the governor of X in Y" Y.
bool ArticleBuilder::title_qualifier(const Analysis& a, const PlaceCandidate& c,
                                     const std::vector<bool>& trigger_at) {
    const std::vector<Token>& tokens = a.tokens;
    static constexpr std::array<std::string_view, 14> roles{
        "leader",     "commander",  "head",  "chief",   "emir",      "amir",        "governor",
        "ringleader", "mastermind", "mayor", "founder", "spokesman", "spokeswoman", "wali"};
    static constexpr std::array<std::string_view, 26> stops{
        ",",    ";",     ":",      ".",    "--",    "\"",   "and",  "or",    "was",
        "were", "is",    "are",    "has",  "have",  "had",  "who",  "which", "that",
        "when", "after", "during", "amid", "while", "said", "says", "told"};
    const auto verb_form = [](const Token& t) {
        const std::string& k = t.key;
        return t.word && !t.capitalized && k.size() > 4 &&
               (k.compare(k.size() - 3, 3, "ing") == 0 || k.compare(k.size() - 2, 2, "ed") == 0);
    };
    std::size_t first = c.first;
    // "the head of the police of X city, Abu Y": a name in apposition to the office's place.
    if (c.unlisted && first > 0 && tokens[first - 1].key == ",") {
        --first;
    }
    const std::size_t floor = first > 16 ? first - 16 : 0;
    for (std::size_t j = first; j-- > floor;) {
        const Token& t = tokens[j];
        if (trigger_at[j] || one_of(t.key, stops) || verb_form(t)) {
            return false;
        }
        // "the governor of X province in Y": a second phrase of where after the office's
        // place is the event's.
        if ((t.key == "in" || t.key == "at") && j > 0 &&
            (a.mention_at[j - 1] >= 0 || is_place_type(tokens[j - 1].key))) {
            return false;
        }
        if (!one_of(t.key, roles) || j + 1 >= first) {
            continue;
        }
        if (tokens[j + 1].key == "of") {
            return true;
        }
    }
    return false;
}

// "according to an army source in X,", "the raid, according to Y, left",
// "told Tarvel News in X", "confirmed to Radio Norden in X": the place of who reports it is
// no place of what is reported.
bool ArticleBuilder::reporter_place(const std::vector<Token>& tokens, std::size_t first) {
    static constexpr std::array<std::string_view, 9> media{
        "news", "radio", "agency", "television", "tv", "times", "post", "press", "daily"};
    // "Tarvel News in X", "Radio Norden at X".
    if (first >= 2 && (tokens[first - 1].key == "in" || tokens[first - 1].key == "at")) {
        std::size_t j = first - 1;
        bool outlet = false;
        while (j > 0 && tokens[j - 1].word && tokens[j - 1].capitalized) {
            --j;
            outlet = outlet || one_of(tokens[j].key, media);
        }
        if (outlet) {
            return true;
        }
    }
    // "according to police in X", "according to residents of X", "according to a security
    // source in X": local witnesses and sources speak of what happened where they are, and
    // reports give that as the event's place (often the only one the sentence names).
    static constexpr std::array<std::string_view, 14> local{
        "police", "policeman",   "officials", "official", "residents", "resident", "witnesses",
        "locals", "authorities", "hospital",  "doctors",  "medics",    "source",   "sources"};
    // "according to a statement released in X": a statement issued in a town comes from a
    // source there, as local as "a source in X".
    if (first >= 2 && tokens[first - 1].key == "in" &&
        (tokens[first - 2].key == "released" || tokens[first - 2].key == "issued")) {
        return false;
    }
    const std::size_t floor = first > 12 ? first - 12 : 0;
    bool witness = false;
    for (std::size_t j = first; j-- > floor + 1;) {
        const std::string& k = tokens[j].key;
        if (k == "," || k == ";" || k == ":" || k == "\"") {
            return false;
        }
        witness = witness || one_of(k, local);
        if (k == "to" && tokens[j - 1].key == "according") {
            return !witness;
        }
    }
    return false;
}

// "tension between Norden and Tarvel", "an agreement between X and Y": states between whom a
// relation holds are its parties, no place ("the border between X and Y" is one).
bool ArticleBuilder::relation_party(const std::vector<Token>& tokens, std::size_t first) {
    static constexpr std::array<std::string_view, 18> relations{
        "tension", "tensions", "relations", "ties",     "talks",        "agreement",
        "accord",  "deal",     "treaty",    "dispute",  "rift",         "row",
        "pact",    "rivalry",  "dialogue",  "contacts", "negotiations", "cooperation"};
    std::size_t j = first;
    // The second party: back over "X and" (a name of up to three words).
    if (j >= 2 && tokens[j - 1].key == "and") {
        j -= 1;
        for (int n = 0; n < 3 && j > 0 && tokens[j - 1].word && tokens[j - 1].capitalized; ++n) {
            --j;
        }
    }
    if (j > 0 && tokens[j - 1].key == "the") {
        --j;
    }
    return j >= 2 && tokens[j - 1].key == "between" && one_of(tokens[j - 2].key, relations);
}

// "a major with a brigade based in the port city of X, was shot", "a group headquartered in
// Y claimed": where a unit is based says where it lives, not where it acts.
bool ArticleBuilder::home_base(const std::vector<Token>& tokens, std::size_t first,
                               const std::vector<bool>& trigger_at) {
    // Not "stationed" or "garrisoned": troops stationed in X are there, and "soldiers
    // stationed in X were attacked" is an attack in X.
    static constexpr std::array<std::string_view, 2> based{"based", "headquartered"};
    std::size_t k = first;
    // "the Baltic port city of X": the place's own phrase.
    for (int n = 0; n < 8 && k > 0; ++n) {
        const Token& t = tokens[k - 1];
        if (!(t.key == "the" || t.key == "of" || is_place_type(t.key) || is_place_modifier(t) ||
              (t.word && t.capitalized) || t.key == "port")) {
            break;
        }
        --k;
    }
    return k >= 2 && (tokens[k - 1].key == "in" || tokens[k - 1].key == "at") &&
           one_of(tokens[k - 2].key, based) && !trigger_at[k - 2];
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
    const bool abbreviated = self == "u.s." || self == "us" || self == "u.s" || self == "uk" ||
                             self == "u.k." || self == "u.n." || self == "un";
    if (abbreviated && last + 1 < tokens.size() && tokens[last + 1].word &&
        !tokens[last + 1].capitalized) {
        static constexpr std::array<std::string_view, 24> function_words{
            "on",    "in",     "at",   "and",  "or",   "for",  "to",   "since",
            "after", "before", "from", "last", "this", "with", "by",   "over",
            "said",  "says",   "has",  "have", "is",   "was",  "were", "will"};
        // "beside a U.S. base in X": a state's base or compound abroad is whose, as a patrol.
        static constexpr std::array<std::string_view, 5> outposts{"base", "bases", "compound",
                                                                  "outpost", "outposts"};
        const std::string& next = tokens[last + 1].key;
        if (one_of(next, outposts) ||
            (!one_of(next, function_words) && !is_place_type(next) && !is_area_noun(next))) {
            return true;
        }
    }
    if (abbreviated && last + 1 < tokens.size()) {
        // "US $1,000": a currency; "at U.S. and Zembian troops": one of two adjectives.
        const bool currency = tokens[last + 1].key == "$";
        const bool paired = last + 3 < tokens.size() && tokens[last + 1].key == "and" &&
                            tokens[last + 2].capitalized && tokens[last + 3].word &&
                            !tokens[last + 3].capitalized && one_of(tokens[last + 3].key, heads);
        if (currency || paired) {
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
    return (last + 1 < tokens.size() && one_of(tokens[last + 1].key, heads) &&
            !(last + 2 < tokens.size() && one_of(tokens[last + 2].key, facilities))) ||
           diplomatic_owner(tokens, last);
}

// "in front of Zembia's embassy", "outside Zembia's new consulate in X", "marched on a
// Zembia diplomatic mission": a state's mission stands in another state; the name says whose
// it is, never where. (A state's own parliament, ministry or police stand in it: "marched
// on Zembia's parliament" is in Zembia.)
bool ArticleBuilder::diplomatic_owner(const std::vector<Token>& tokens, std::size_t last) {
    static constexpr std::array<std::string_view, 5> missions{"embassy", "consulate", "mission",
                                                              "embassies", "consulates"};
    std::size_t j = last + 1;
    if (j < tokens.size() && tokens[j].key == "'s") {
        ++j;
    }
    // One modifier: "new", "diplomatic".
    if (j + 1 < tokens.size() && tokens[j].word && !tokens[j].capitalized &&
        one_of(tokens[j + 1].key, missions)) {
        ++j;
    }
    return j < tokens.size() && one_of(tokens[j].key, missions);
}

} // namespace eventmap::events
