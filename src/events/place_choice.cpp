// Places: which mentions and unlisted names a phrase marks as where something happens, and
// which of them a trigger takes (clause first, the finer of two nested places, the first of a
// chain of qualifiers, never one another predicate governs).
#include "events/article_builder.hpp"
#include "events/governance.hpp"
#include "events/locative.hpp"
#include "events/place_phrases.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace eventmap::events {

namespace {

// Nouns of a part of a town or province: "the X district of Y".
bool part_noun(const std::string& key) {
    return key == "district" || key == "neighbourhood" || key == "neighborhood" ||
           key == "quarter" || key == "sector";
}

// "X's Y hospital", "X's Grand Y Hotel": a name owned by a place and followed by a building's
// noun names the building, which stands in its owner; the name is no place of its own (a
// town called Y elsewhere is a namesake). A name the gazetteer lacks already sits on its owner.
bool owned_building(const std::vector<Token>& tokens, const PlaceCandidate& owner,
                    const PlaceCandidate& owned) {
    if (owned.unlisted || owned.first != owner.last + 2 || tokens[owner.last + 1].key != "'s") {
        return false;
    }
    std::size_t k = owned.last + 1;
    while (k < tokens.size() && k <= owned.last + 3 && tokens[k].word && tokens[k].capitalized) {
        ++k;
    }
    return k < tokens.size() && names_building(tokens, k, k);
}

} // namespace

// A place mention as a candidate. "X, 20 km north of Y": Y only says where X is and is
// no candidate; "20 km north of Y" alone: the point is moved and the precision lowered.
void ArticleBuilder::add_mention_place(Analysis& a, std::size_t mention, std::size_t first,
                                       std::size_t last) {
    PlaceCandidate c{mention, first, last};
    const RelativeOffset offset = relative_offset(a.tokens, first);
    if (offset.found) {
        const std::size_t f = offset.first;
        // "X town, 30 km north of Y": likewise after a place's type word.
        const bool typed = f >= 3 && is_place_type(a.tokens[f - 2].key) &&
                           (a.mention_at[f - 3] >= 0 || a.tokens[f - 3].capitalized);
        if (f >= 2 && a.tokens[f - 1].key == "," &&
            (a.mention_at[f - 2] >= 0 || a.tokens[f - 2].capitalized || typed)) {
            return;
        }
        c.offset_km = offset.km;
        c.bearing_deg = offset.bearing_deg;
    }
    // "In X, west of Y, ...", "in X, just south of Y": a direction without a distance after
    // a place only says where that place is.
    std::size_t comma = first >= 3 ? first - 3 : 0;
    if (comma > 0 && (a.tokens[comma].key == "just" || a.tokens[comma].key == "immediately" ||
                      a.tokens[comma].key == "directly" || a.tokens[comma].key == "due" ||
                      a.tokens[comma].key == "slightly")) {
        --comma;
    }
    if (comma >= 1 && a.tokens[first - 1].key == "of" && is_area_noun(a.tokens[first - 2].key) &&
        a.tokens[comma].key == "," &&
        (a.mention_at[comma - 1] >= 0 || a.tokens[comma - 1].capitalized)) {
        const std::string& d = a.tokens[first - 2].key;
        if (d == "north" || d == "south" || d == "east" || d == "west" || d == "northeast" ||
            d == "northwest" || d == "southeast" || d == "southwest") {
            return;
        }
    }
    a.places.push_back(c);
}

// "Quorra was captured", "X is being shelled": a place as the subject of a passive verb
// of attack or capture is where it happened.
bool ArticleBuilder::passive_subject(const std::vector<Token>& tokens, std::size_t last) {
    std::size_t j = last + 1;
    // "The Varno region was captured", "the Linz office of the group was raided": the
    // place's own noun phrase, up to its head and an "of" phrase, is the subject.
    for (std::size_t n = 0; n < 2 && j < tokens.size() && tokens[j].word &&
                            !tokens[j].capitalized && !verb_like(tokens, j);
         ++n) {
        ++j;
    }
    const auto is = [&](std::initializer_list<std::string_view> words) {
        return j < tokens.size() &&
               std::find(words.begin(), words.end(), tokens[j].key) != words.end();
    };
    if (!is({"was", "were", "is", "are", "has", "have", "had"})) {
        return false;
    }
    ++j;
    while (is({"been", "being", "also", "again", "repeatedly", "heavily", "reportedly",
               "continuously", "later", "then"})) {
        ++j;
    }
    if (j >= tokens.size()) {
        return false;
    }
    const std::string& k = tokens[j].key;
    const bool participle = (k.size() > 2 && k.compare(k.size() - 2, 2, "ed") == 0) || k == "hit" ||
                            k == "struck" || k == "overrun" || k == "retaken";
    return participle && is_locative_verb(k);
}

// "the Tarvel shootout", "a Norden bombing": a place naming an event is where it was.
bool ArticleBuilder::names_event(const std::vector<Token>& tokens, std::size_t last,
                                 const std::vector<bool>& noun_at) {
    return last + 1 < tokens.size() && noun_at[last + 1] && !tokens[last + 1].capitalized;
}

// "the Tarvel prison", "a Norden refugee camp": a place naming a site is where things
// at that site happen.
bool ArticleBuilder::names_facility(const std::vector<Token>& tokens, std::size_t last) {
    static constexpr std::array<std::string_view, 22> sites{
        "prison",   "hospital",      "camp",         "hotel",     "office",   "airport",
        "mosque",   "church",        "market",       "residence", "home",     "suburb",
        "refugee",  "neighbourhood", "neighborhood", "district",  "province", "stadium",
        "township", "prefecture",    "governorate",  "compound"};
    return last + 1 < tokens.size() && one_of(tokens[last + 1].key, sites);
}

// "Ardenia's Velmarsh district", "Ardenia's towns": a place owning an area is where.
bool ArticleBuilder::possessive_area(const std::vector<Token>& tokens, std::size_t last) {
    // "on X's side": allegiance, not a place.
    if (last + 2 >= tokens.size() || tokens[last + 1].key != "'s" ||
        tokens[last + 2].key == "side") {
        return false;
    }
    for (std::size_t j = last + 2; j < tokens.size() && j <= last + 6; ++j) {
        if (is_area_noun(tokens[j].key) || tokens[j].key == "towns" ||
            tokens[j].key == "villages" || tokens[j].key == "streets" ||
            tokens[j].key == "neighbourhoods" || tokens[j].key == "neighborhoods") {
            return true;
        }
        if (!tokens[j].word) {
            return false;
        }
    }
    return false;
}

// Names the gazetteer lacks that a phrase marks as places become candidates, sitting on
// the container the phrase names ("X district of Y").
void ArticleBuilder::add_unlisted_places(Analysis& a, const std::vector<bool>& trigger_at) const {
    std::vector<bool> blocked = trigger_at;
    for (const ActorRef& r : a.actors) {
        for (std::size_t k = r.first; k <= r.last && k < blocked.size(); ++k) {
            blocked[k] = true;
        }
    }
    for (const auto* e : expressions_of(a)) {
        for (std::size_t k = token_at_byte(a.tokens, e->byte_start);
             k < a.tokens.size() && a.tokens[k].begin < e->byte_end; ++k) {
            blocked[k] = true;
        }
    }
    for (const UnlistedPlace& u :
         find_unlisted_places(article_.text, a.tokens, a.mention_at, blocked)) {
        PlaceCandidate c;
        c.first = u.first;
        c.last = u.last;
        c.unlisted = true;
        c.has_mention = u.container >= 0;
        c.mention = u.container >= 0 ? static_cast<std::size_t>(u.container) : 0;
        a.places.push_back(c);
    }
    std::sort(a.places.begin(), a.places.end(),
              [](const PlaceCandidate& x, const PlaceCandidate& y) { return x.first < y.first; });
}

// "Damascus, Md.": the state qualifies the town before it and is not a place of its own.
bool ArticleBuilder::is_qualifier(const Analysis& a, std::size_t first) const {
    if (first < 2 || a.tokens[first - 1].key != "," || a.mention_at[first - 2] < 0) {
        return false;
    }
    const auto& before = mentions_[static_cast<std::size_t>(a.mention_at[first - 2])];
    const auto& self = mentions_[static_cast<std::size_t>(a.mention_at[first])];
    return precision_rank(self.precision) < precision_rank(before.precision) &&
           self.country == before.country;
}

// A place or time at `token` belongs to a trigger unless a trigger of another type is
// nearer to it: "the talks ... in response to a raid on May 3".
// Places and times usually follow their verb ("met Duda in Warsaw on Tuesday and urged
// allies..."), so a trigger after the candidate counts as twice as far.
// A coordinated verb after the candidate ("... on Tuesday and urged") never takes it.
std::size_t ArticleBuilder::reach(const Analysis& a, std::size_t token, const TriggerHit& hit,
                                  bool infinitive) {
    const std::size_t d = distance(token, hit);
    if (token >= hit.first) {
        return d;
    }
    // "marched in X to demand ...", "marched in X demanding ...": an infinitive's or an
    // adjunct participle's phrases follow it; X is the march's.
    const std::string& verb = a.tokens[hit.first].key;
    const bool adjunct =
        verb.size() > 5 && verb.compare(verb.size() - 3, 3, "ing") == 0 && !hit.trigger->nominal;
    if (infinitive && ((hit.first > 0 && a.tokens[hit.first - 1].key == "to") || adjunct)) {
        return a.tokens.size() + d;
    }

    bool comma = false;
    for (std::size_t i = token + 1; i < hit.first; ++i) {
        if (a.tokens[i].key == "and" || a.tokens[i].key == "then") {
            return a.tokens.size() + d;
        }
        comma = comma || a.tokens[i].key == ",";
    }
    // "was shot in X, rioting spread": a comma between a place and a later
    // trigger leaves the place to the trigger before it.
    return comma ? 4 * d : 2 * d;
}

bool ArticleBuilder::available(const Analysis& a, std::size_t token, const TriggerHit& hit) const {
    // The trigger's own reach: an infinitive still takes the place of the verb it completes
    // when no other predicate is nearer ("demonstrated across X to protest").
    const std::size_t d = reach(a, token, hit, false);
    for (const TriggerHit& other : a.triggers) {
        if (!other.dropped && other.trigger->type != hit.trigger->type &&
            reach(a, token, other) < d) {
            return false;
        }
    }
    return true;
}

// "protested against X's policy", "demonstrated against the war in Y", "protesting the
// closure of Z": what a protest is against is no place of it; a locative phrase after that
// ("... in Toronto") is.
bool ArticleBuilder::protest_target(const Analysis& a, const TriggerHit& hit,
                                    std::size_t token) const {
    if (token <= hit.last || lex_.types()[hit.trigger->type].name != "PROTEST") {
        return false;
    }
    const std::string& verb = a.tokens[hit.first].key;
    bool target = verb.rfind("protest", 0) == 0; // transitive: its object is the target
    for (std::size_t k = hit.last + 1; k < token; ++k) {
        const std::string& key = a.tokens[k].key;
        const bool after_event = std::any_of(a.triggers.begin(), a.triggers.end(),
                                             [k](const TriggerHit& t) { return t.last + 1 == k; });
        if (key == "against") {
            target = true;
        } else if (key == "on" && after_event) {
            continue; // "strikes on X": still the target
        } else if (key == "," || key == "in" || key == "at" || key == "on" || key == "outside" ||
                   key == "near" || key == "across" || key == "through" || key == "throughout" ||
                   key == "inside" || key == "along" || key == "from" || key == "into") {
            target = false;
        }
    }
    return target;
}

// Verbs of saying: "said", "told", "reported". Their place is the speaker's.
bool ArticleBuilder::speech_verb(const std::string& key) {
    static constexpr std::array<std::string_view, 16> verbs{
        "said",  "says",     "say",      "told",      "tells",  "reported", "reports", "stated",
        "added", "declared", "insisted", "explained", "quoted", "wrote",    "states",  "adds"};
    return one_of(key, verbs);
}

// Where a speaker's place may stand: the subject after the last comma before the verb
// ("officials in X said") and a locative phrase right after it ("said in X"); what was said
// ("said a bomb hit X", "A bomb hit X, officials said") is another event's.
std::pair<std::size_t, std::size_t>
ArticleBuilder::speaker_range(const Analysis& a, const TriggerHit& hit,
                              std::pair<std::size_t, std::size_t> clause) {
    std::size_t from = clause.first;
    for (std::size_t i = clause.first; i < hit.first; ++i) {
        const std::string& k = a.tokens[i].key;
        if (k == "," || k == "\"" || k == "that") {
            from = i + 1;
        }
    }
    // "said in X", "told reporters in X": a locative phrase within a few words of the verb.
    for (std::size_t k = hit.last + 1; k < clause.second && k <= hit.last + 4; ++k) {
        const std::string& key = a.tokens[k].key;
        if (key == "," || key == "that" || key == "\"") {
            break;
        }
        if (key == "in" || key == "at" || key == "from" || key == "outside") {
            return {from, std::min(clause.second, k + 6)};
        }
    }
    return {from, hit.first};
}

// Whether place b lies inside place a's extent (a district inside its city).
// Or, by the gazetteer's hierarchy: a place of the country or first-level region named.
bool ArticleBuilder::inside(const geoparse::Mention& inner, const geoparse::Mention& outer) const {
    if (!inner.country.empty() && inner.country == outer.country &&
        precision_rank(inner.precision) > precision_rank(outer.precision) &&
        (outer.precision == gazetteer::Precision::country ||
         (outer.precision == gazetteer::Precision::admin1 && !outer.admin1.empty() &&
          inner.admin1 == outer.admin1))) {
        return true;
    }
    return outer.radius_km > inner.radius_km &&
           distance_km(inner.position, outer.position) <= std::max(outer.radius_km, 1.0f);
}

// Better place: the one inside the other, then the nearer. A place of a simultaneous
// predicate only when the trigger's own clause names none: "shot near X while a minister was
// visiting Y" is at X.
const PlaceCandidate* ArticleBuilder::best_place(const Analysis& a, const TriggerHit& hit,
                                                 std::pair<std::size_t, std::size_t> range) const {
    std::vector<bool> same_kind(a.tokens.size(), false);
    for (const TriggerHit& other : a.triggers) {
        if (!other.dropped && other.trigger->type == hit.trigger->type) {
            for (std::size_t k = other.first; k <= other.last; ++k) {
                same_kind[k] = true;
            }
        }
    }
    const PlaceCandidate* best = nullptr;
    for (const bool shared : {false, true}) {
        for (const PlaceCandidate& c : a.places) {
            if (eligible_place(a, hit, c, range, same_kind, shared) &&
                (best == nullptr || better_place(a, hit, c, *best))) {
                best = &c;
            }
        }
        if (best != nullptr) {
            break;
        }
    }
    return best;
}

// Whether `c` is a better place for the trigger than `best`, which comes before it.
bool ArticleBuilder::better_place(const Analysis& a, const TriggerHit& hit, const PlaceCandidate& c,
                                  const PlaceCandidate& best) const {
    // An unlisted name whose container the text omits has no mention to look up.
    const geoparse::Mention* mc = c.has_mention ? &mentions_[c.mention] : nullptr;
    const geoparse::Mention* mb = best.has_mention ? &mentions_[best.mention] : nullptr;
    // The place inside the other wins (a village of the district the phrase names);
    // else the one nearer the trigger, counted as `reach` counts (places follow
    // their verb).
    // "the Ardenia province town of X", "the X district of Y": two places joined by a
    // type word and "of" are one inside the other; the finer is inside.
    const auto rank = [this](const PlaceCandidate& p) {
        return p.unlisted ? precision_rank(gazetteer::Precision::point) + 1
                          : precision_rank(mentions_[p.mention].precision);
    };
    // "the Ardenian province of X", "Ardenian southern province of X": a people's name
    // before the type word says whose; X is the province whatever the ranks.
    const auto demonym = [this](const PlaceCandidate& p) {
        return !p.unlisted && mentions_[p.mention].type == geoparse::MentionType::demonym;
    };
    // "the Coastal state of X", "the Industrial city of Y": a name the gazetteer lacks before
    // a type word that the listed place after "of" is (a state, a city) only qualifies it.
    const auto names_the_type = [&](const PlaceCandidate& left, const PlaceCandidate& right,
                                    std::size_t noun) {
        if (!left.unlisted || right.unlisted) {
            return false;
        }
        const std::string& key = a.tokens[noun].key;
        const gazetteer::Precision p = mentions_[right.mention].precision;
        const bool settlement = key == "city" || key == "town" || key == "village" ||
                                key == "capital" || key == "port" || key == "resort";
        const bool unit = key == "state" || key == "province" || key == "region" ||
                          key == "governorate" || key == "county";
        return (settlement && p == gazetteer::Precision::city) ||
               (unit && (p == gazetteer::Precision::admin1 || p == gazetteer::Precision::admin2));
    };
    const auto of_type = [&](const PlaceCandidate& inner, const PlaceCandidate& outer) {
        const PlaceCandidate& left = inner.first < outer.first ? inner : outer;
        const PlaceCandidate& right = inner.first < outer.first ? outer : inner;
        std::size_t noun = left.last + 1;
        while (noun < right.first && !is_area_noun(a.tokens[noun].key) &&
               (is_place_modifier(a.tokens[noun]) ||
                (a.tokens[noun].capitalized && is_community(a.tokens[noun].key)))) {
            ++noun;
        }
        if (right.first != noun + 2 || !is_area_noun(a.tokens[noun].key) ||
            a.tokens[noun + 1].key != "of") {
            return false;
        }
        // A modifier between says the left name is no name of the area: "X southern
        // province of Y" (a district's own name comes right before its type word).
        if (demonym(left) || noun > left.last + 1 || names_the_type(left, right, noun)) {
            return &inner == &right;
        }
        // "the X district of Y" with Y a name the gazetteer lacks and X a listed district: X
        // is inside Y whatever an unknown rank says ("the Y district of X" with Y a city or a
        // province names X, the district).
        if (!left.unlisted && right.unlisted && part_noun(a.tokens[noun].key) &&
            rank(left) >= precision_rank(gazetteer::Precision::admin2) &&
            rank(left) != precision_rank(gazetteer::Precision::city)) {
            return &inner == &left;
        }
        return noun == left.last + 1 && rank(inner) > rank(outer);
    };
    const auto contains = [&](const PlaceCandidate& inner, const PlaceCandidate& outer,
                              const geoparse::Mention* mi, const geoparse::Mention* mo) {
        if (of_type(inner, outer)) {
            return true;
        }
        if (!inner.unlisted && !outer.unlisted) {
            return mi != nullptr && mo != nullptr && inside(*mi, *mo);
        }
        return inner.unlisted && inner.has_mention && !outer.unlisted &&
               inner.mention == outer.mention;
    };
    if (owned_building(a.tokens, best, c)) {
        return false;
    }
    // "in X's Y district", "X's northern suburb of Y", "X's capital, Y": the owned place
    // is inside its owner.
    if (owned_by(a.tokens, best, c)) {
        return true;
    }
    // "X village in Y district, Z": a chain of places joined by "in", "of", commas
    // and type words names one place, the first, and qualifies it by the rest; so does
    // an apposition before the verb ("In X, the town where ... Y, ...").
    if (qualifies(a.tokens, best, c) || fronted_apposition(a.tokens, best, c, hit)) {
        return false;
    }
    // "Y - Z": district notation names Z, inside Y.
    if (c.first == best.last + 2 && a.tokens[best.last + 1].key == "-") {
        return true;
    }
    const bool c_in_b = contains(c, best, mc, mb);
    const bool b_in_c = contains(best, c, mb, mc);
    return c_in_b || (!b_in_c && reach(a, c.first, hit) < reach(a, best.first, hit));
}

// Whether `owned` is a place its owner's possessive introduces: "X's Y", "X's eastern
// district of Y", "X's capital, Y" (modifiers, area and type words, "of" and a comma between).
bool ArticleBuilder::owned_by(const std::vector<Token>& tokens, const PlaceCandidate& owner,
                              const PlaceCandidate& owned) {
    // "the Ardenian capital Velmar", "the capital of Ardenia, Velmar": a capital named after
    // its country.
    if (owned.first == owner.last + 2 && tokens[owner.last + 1].key == "capital") {
        return true;
    }
    const std::size_t of = owner.first >= 2 && tokens[owner.first - 1].key == "the"
                               ? owner.first - 1
                               : owner.first; // "the capital of the X, Y"
    if (owned.first == owner.last + 2 && tokens[owner.last + 1].key == "," && of >= 2 &&
        tokens[of - 1].key == "of" &&
        (tokens[of - 2].key == "capital" ||
         (of >= 3 && tokens[of - 2].key == "the" && tokens[of - 3].key == "capital"))) {
        return true;
    }
    if (owned.first < owner.last + 2 || tokens[owner.last + 1].key != "'s" ||
        tokens[owner.last + 2].key == "," || owned.first > owner.last + 6) {
        return false;
    }
    for (std::size_t k = owner.last + 2; k < owned.first; ++k) {
        const std::string& key = tokens[k].key;
        if (!(key == "of" || key == "," || is_area_noun(key) || is_place_type(key) ||
              is_place_modifier(tokens[k]))) {
            return false;
        }
    }
    return true;
}

// "In Varek, the village where he was born north of Tamsin, crowds marched": a place inside
// an apposition that describes an earlier place before the verb describes it; the verb's
// place is the one described.
bool ArticleBuilder::fronted_apposition(const std::vector<Token>& tokens,
                                        const PlaceCandidate& earlier, const PlaceCandidate& later,
                                        const TriggerHit& hit) {
    const std::size_t open = earlier.last + 1;
    if (later.first <= open + 1 || later.last >= hit.first || tokens[open].key != "," ||
        (tokens[open + 1].key != "the" && tokens[open + 1].key != "a")) {
        return false;
    }
    // A noun phrase of place: a type or area word within a few words of its article.
    bool kind = false;
    for (std::size_t k = open + 2; k < later.first && k <= open + 5; ++k) {
        kind = kind || is_place_type(tokens[k].key) || is_area_noun(tokens[k].key);
    }
    if (!kind) {
        return false;
    }
    for (std::size_t k = open + 1; k < later.first; ++k) {
        if (tokens[k].key == "," || tokens[k].key == ";") {
            return false; // the apposition closed before the later place
        }
    }
    for (std::size_t k = later.last + 1; k < hit.first; ++k) {
        if (tokens[k].key == ",") {
            return true; // and closes after it, before the verb
        }
    }
    return false;
}

// Whether `later` only qualifies `earlier`: between them nothing but "in", "of", commas,
// brackets, articles, modifiers, place type words and names of the chain ("X, in the Y
// district of Z", "X village of Y LGA of Z State").
bool ArticleBuilder::qualifies(const std::vector<Token>& tokens, const PlaceCandidate& earlier,
                               const PlaceCandidate& later) {
    if (later.first <= earlier.last) {
        return false;
    }
    // "the X town of Y", "the X neighbourhood of Y": Y is the town, inside X.
    std::size_t f = later.first;
    while (f > earlier.last + 1 && is_place_modifier(tokens[f - 1])) {
        --f;
    }
    // Only after an article: "X village of Y LGA" names X, the village, inside Y.
    bool article = false;
    for (std::size_t k = earlier.first; k > 0 && k + 3 > earlier.first; --k) {
        article = article || tokens[k - 1].key == "the";
    }
    // A name between continues the chain: "X village in Y LGA of Z State" names X.
    bool name_between = false;
    for (std::size_t k = earlier.last + 1; k + 2 < f; ++k) {
        name_between = name_between || (tokens[k].word && tokens[k].capitalized);
    }
    // "the X Shiite enclave of Y", "the X southern district of Y": modifiers between the
    // first name and the type word still make Y the type word's place.
    std::size_t noun_first = f >= 2 ? f - 2 : 0;
    while (noun_first > earlier.last + 1 &&
           (is_place_modifier(tokens[noun_first - 1]) ||
            (tokens[noun_first - 1].capitalized && is_community(tokens[noun_first - 1].key)))) {
        --noun_first;
    }
    if (f >= 2 && tokens[f - 1].key == "of" &&
        (is_area_noun(tokens[f - 2].key) || is_place_type(tokens[f - 2].key)) &&
        (f - 2 == earlier.last + 1 ? article : noun_first == earlier.last + 1 || !name_between)) {
        return false;
    }
    // "three villages: X, Y and Z in W": the rest of a list a type word opens, then its
    // container.
    const bool listed = in_place_list(tokens, earlier.first);
    bool joined = false;
    for (std::size_t k = earlier.last + 1; k < later.first; ++k) {
        const std::string& key = tokens[k].key;
        if (key == "in" || key == "of" || key == "," || key == "(") {
            joined = true;
        } else if (listed && (key == "and" || key == "-" || !tokens[k].word)) {
            continue;
        } else if (!(is_area_noun(key) || is_place_type(key) || is_place_modifier(tokens[k]) ||
                     key == "the" || key == "near" || key == "outside" ||
                     (tokens[k].capitalized && tokens[k].word))) {
            return false;
        }
    }
    return joined;
}

// Where a place the gazetteer lacks is put when no phrase names its container: the
// nearest place of the sentence (news names the larger place first: "killed in X, and
// clashes went on near the Y roundabout"), else the paragraph's. Never the dateline: it
// says where the reporter is.
const geoparse::Mention* ArticleBuilder::containing_place(const Analysis& a,
                                                          const PlaceCandidate& u) const {
    const PlaceCandidate* best = nullptr;
    auto gap = [&u](const PlaceCandidate& c) {
        return c.first > u.last ? c.first - u.last : u.first - c.last;
    };
    for (const PlaceCandidate& c : a.places) {
        if (!c.unlisted && (best == nullptr || gap(c) < gap(*best))) {
            best = &c;
        }
    }
    return best != nullptr ? &mentions_[best->mention] : paragraph_place_;
}

void ArticleBuilder::set_place(Event& ev, const geoparse::Mention& m) const {
    EventLocation& loc = ev.event_loc;
    loc.extracted_place = m.text;
    loc.resolved_place = m.name;
    loc.geonameid = m.gazetteer_id;
    loc.position = m.position;
    loc.country_code = m.country;
    loc.feature_class = std::string(1, m.feature_class);
    loc.feature_code = m.feature_code;
    loc.resolution = resolution_of(m.precision);
    loc.radius_km = m.radius_km;
    loc.start = m.start;
    loc.end = m.end;
}

} // namespace eventmap::events
