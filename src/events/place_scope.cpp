// The scope of a place phrase: which predicates of a sentence may take it. A place is the
// nearest predicate's (`available`), but a fronted phrase sets the scene of the whole main
// clause, and predicates a temporal subordinator joins happen together, at one place.
#include "events/article_builder.hpp"
#include "events/governance.hpp"
#include "events/locative.hpp"
#include "events/place_phrases.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace eventmap::events {

namespace {

// "In X, police shot ...", "Across the Y region, crowds marched ... and burned ...": a
// locative phrase fronted before the subject and closed by a comma sets the scene of the whole
// main clause, so every predicate after it may take its place (whichever trigger is nearer).
// Not across a verb of saying: "In X, officials said a strike killed six" is where they spoke.
bool fronted_scene(const Analysis& a, const PlaceCandidate& c, std::size_t trigger_first) {
    const std::vector<Token>& tokens = a.tokens;
    static constexpr std::array<std::string_view, 9> openers{
        "in", "at", "across", "near", "outside", "inside", "throughout", "on", "around"};
    std::size_t start = 0;
    // "Meanwhile, in X, ...", "Elsewhere in X, ...": an adverb before the phrase.
    if (tokens.size() > 2 && tokens[0].word && !one_of(tokens[0].key, openers) &&
        tokens[0].key.size() > 2 && tokens[0].key.compare(tokens[0].key.size() - 2, 2, "ly") != 0) {
        start = tokens[1].key == "," ? 2 : 1;
    }
    if (start >= tokens.size() || !one_of(tokens[start].key, openers) || c.first <= start) {
        return false;
    }
    // A phrase of place ("In the northern town of X", "In a riot in western Y"), not of
    // topic ("In the case of X").
    for (std::size_t k = start + 1; k < c.first; ++k) {
        const Token& t = tokens[k];
        const bool event =
            std::any_of(a.triggers.begin(), a.triggers.end(),
                        [k](const TriggerHit& h) { return h.first <= k && k <= h.last; });
        if (!(event || t.capitalized || !t.word || is_place_modifier(t) || is_area_noun(t.key) ||
              is_place_type(t.key) || t.key == "of" || one_of(t.key, openers))) {
            return false;
        }
    }
    std::size_t close = start + 1;
    while (close < tokens.size() && tokens[close].key != ",") {
        ++close;
    }
    if (c.last >= close || close >= trigger_first) {
        return false;
    }
    for (std::size_t k = close + 1; k < trigger_first; ++k) {
        const std::string& key = tokens[k].key;
        if (key == "said" || key == "says" || key == "told" || key == "reported" ||
            key == "announced" || key == "claimed" || key == "stated" || key == ";") {
            return false;
        }
    }
    return true;
}

// "was shot while resisting arrest near X", "were patrolling in X when gunmen opened
// fire", "arrested twelve during protests in X": two events a temporal subordinator or
// "during"/"amid" joins happen together, so at one place. Only the first predicate of the
// subordinate clause, and not ", while" (whereas: "six died, while the rest withdrew to X").
bool simultaneous(const Analysis& a, const TriggerHit& x, const TriggerHit& y) {
    const TriggerHit& first = x.first < y.first ? x : y;
    const TriggerHit& second = x.first < y.first ? y : x;
    std::size_t sub = second.first;
    for (std::size_t k = first.last + 1; k < second.first && sub == second.first; ++k) {
        const std::string& key = a.tokens[k].key;
        if ((key == "while" && a.tokens[k - 1].key != ",") || key == "when" ||
            ((key == "during" || key == "amid") && second.first <= k + 3)) {
            sub = k;
        } else if (key == ";" || key == ":" || key == "\"") {
            return false;
        }
    }
    if (sub == second.first) {
        return false;
    }
    // From the main clause into the subordinate one only when that clause keeps the subject
    // ("while trying to", "while on patrol", "when they were"): "wounded a guard near the
    // border while the governor was visiting X" is not at X.
    // "during protests", "amid clashes": a noun phrase of the event, no subject of its own.
    const std::string& next = a.tokens[sub + 1].key;
    const bool phrase = a.tokens[sub].key == "during" || a.tokens[sub].key == "amid";
    const bool same_subject = phrase || next == "he" || next == "she" || next == "they" ||
                              next == "it" || next == "we" || !a.tokens[sub + 1].word ||
                              (next.size() > 4 && next.compare(next.size() - 3, 3, "ing") == 0) ||
                              next == "on" || next == "in" || next == "at" || next == "being";
    if (&first == &x && !same_subject) {
        return false;
    }
    return std::none_of(a.triggers.begin(), a.triggers.end(), [&](const TriggerHit& t) {
        return !t.dropped && t.first > sub && t.first < second.first;
    });
}

// "Karel Vorn, 28, of Y near Z, detonated a bomb in W", "Vorn, a major with a brigade based
// in Y, was shot near W": an aside between commas right before the verb describes the
// subject; its place is the event's only when the predicate names none.
bool subject_aside(const std::vector<Token>& tokens, const PlaceCandidate& c,
                   const TriggerHit& hit) {
    const std::string& verb = tokens[hit.first].key;
    if (c.last >= hit.first || hit.trigger->nominal ||
        (verb.size() > 4 && verb.compare(verb.size() - 3, 3, "ing") == 0)) {
        return false;
    }
    std::size_t close = c.last + 1;
    while (close < hit.first && tokens[close].key != ",") {
        ++close;
    }
    if (close >= hit.first) {
        return false;
    }
    for (std::size_t k = close + 1; k < hit.first; ++k) {
        const std::string& key = tokens[k].key;
        if (!(key == "was" || key == "were" || key == "is" || key == "are" || key == "has" ||
              key == "have" || key == "had" || key == "been" || key == "later" || key == "then")) {
            return false;
        }
    }
    // The aside opens with a comma after the subject's name, not with a fronted phrase.
    for (std::size_t k = c.first; k > 1; --k) {
        if (tokens[k - 1].key == ",") {
            // "Vorn, 28, of Y, ...": an age between the name and the aside.
            const std::string& before = tokens[k - 2].key;
            const bool age =
                !before.empty() && std::all_of(before.begin(), before.end(),
                                               [](char ch) { return ch >= '0' && ch <= '9'; });
            return (tokens[k - 2].capitalized && tokens[k - 2].word) || age;
        }
    }
    return false;
}

// "shot three men who were marching in X", "was killed by gunmen who ambushed her convoy near
// Y": a relative clause saying what the victim was doing at the time, or what the attacker
// did, happens where the event does. `verb` is set to the relative clause's verb.
bool circumstantial_relative(const std::vector<Token>& tokens, const PlaceCandidate& c,
                             const TriggerHit& hit, std::size_t& verb) {
    std::size_t r = hit.last + 1;
    while (r < c.first && !(tokens[r].key == "who" || tokens[r].key == "which")) {
        ++r;
    }
    if (r >= c.first) {
        return false;
    }
    const bool agent =
        r >= 2 && (tokens[r - 2].key == "by" ||
                   (r >= 3 && tokens[r - 3].key == "by" && !tokens[r - 1].capitalized));
    std::size_t k = r + 1;
    if (k < c.first && tokens[k].key == ",") { // "who, police said, was driving"
        ++k;
        while (k < c.first && tokens[k].key != ",") {
            ++k;
        }
        ++k;
    }
    if (k + 1 < c.first && (tokens[k].key == "was" || tokens[k].key == "were") &&
        tokens[k + 1].key.size() > 4 &&
        tokens[k + 1].key.compare(tokens[k + 1].key.size() - 3, 3, "ing") == 0) {
        verb = k + 1;
        return true;
    }
    if (agent && k < c.first && verb_like(tokens, k)) {
        verb = k;
        return true;
    }
    return false;
}

} // namespace

// A place is the trigger's unless a nearer trigger of another type takes it (`available`),
// but a trigger simultaneous with this one shares its place instead of taking it (not what a
// protest is against: "arrested during protests against X").
bool ArticleBuilder::available_place(const Analysis& a, std::size_t token,
                                     const TriggerHit& hit) const {
    const std::size_t d = reach(a, token, hit, false);
    for (const TriggerHit& other : a.triggers) {
        if (!other.dropped && other.trigger->type != hit.trigger->type &&
            reach(a, token, other) < d &&
            (!simultaneous(a, hit, other) || protest_target(a, other, token))) {
            return false;
        }
    }
    return true;
}

// The places a trigger may take in `range`: not another predicate's, not a protest's target,
// not a person's origin or a foreign destination; with `shared`, also those of a predicate
// simultaneous with it ("shot while visiting X").
bool ArticleBuilder::eligible_place(const Analysis& a, const TriggerHit& hit,
                                    const PlaceCandidate& c,
                                    std::pair<std::size_t, std::size_t> range,
                                    const std::vector<bool>& same_kind, bool shared) const {
    if (c.first < range.first || c.last >= range.second) {
        return false;
    }
    // A relative clause of circumstance ("shot men who were marching in X"): its place only
    // when the predicate names none, and only when nothing else stands between.
    std::size_t verb = 0;
    const bool relative =
        shared && c.first > hit.last && circumstantial_relative(a.tokens, c, hit, verb);
    const bool open =
        shared ? relative || available_place(a, c.first, hit) || fronted_scene(a, c, hit.first)
               : (available(a, c.first, hit) || fronted_scene(a, c, hit.first)) &&
                     !subject_aside(a.tokens, c, hit);
    if (!open || protest_target(a, hit, c.first) || foreign_destination(a, hit, c) ||
        subject_modifier(a, hit, c) || (c.last < hit.first && person_origin(a.tokens, c))) {
        return false;
    }
    if (!other_predicate_between(a.tokens, c.first, c.last, hit.first, hit.last, same_kind)) {
        return true;
    }
    return relative && !other_predicate_between(a.tokens, c.first, c.last, verb, verb, same_kind);
}

namespace {

bool ing_form(const std::string& k) {
    return k.size() >= 6 && k.compare(k.size() - 3, 3, "ing") == 0;
}

} // namespace

// Whether the trigger is a participle continuing a clause: ", killing six", or the next of a
// chain of them (", firing tear gas and arresting dozens").
bool ArticleBuilder::chained_participle(const std::vector<Token>& tokens, const TriggerHit& hit) {
    if (hit.first < 2 || !ing_form(tokens[hit.first].key)) {
        return false;
    }
    if (tokens[hit.first - 1].key == ",") {
        return true;
    }
    if (tokens[hit.first - 1].key != "and") {
        return false;
    }
    for (std::size_t k = hit.first - 1; k > 1 && k + 10 > hit.first; --k) {
        if (tokens[k - 1].key == "," && ing_form(tokens[k].key)) {
            return true;
        }
        if (verb_like(tokens, k)) {
            return false;
        }
    }
    return false;
}

// The main clause's trigger a participle after a comma continues: ", killing six" after
// "a bomb exploded in X". Null when the trigger is no such participle or none precedes, and
// for verbal acts (", accusing them of ..."): those happen where the speaker is.
const TriggerHit* ArticleBuilder::main_predicate(const Analysis& a, const TriggerHit& hit,
                                                 int quad_code) {
    if (quad_code < 4 || !chained_participle(a.tokens, hit)) {
        return nullptr;
    }
    // ", blocking roads, setting fire to cars and drawing tear gas": every participle of the
    // chain continues the same main clause, the predicate before the first of them.
    const TriggerHit* main = &hit;
    do {
        const TriggerHit* before = nullptr;
        for (const TriggerHit& other : a.triggers) {
            if (!other.dropped && other.last + 1 < main->first) {
                before = &other;
            }
        }
        main = before;
    } while (main != nullptr && chained_participle(a.tokens, *main));
    return main;
}

} // namespace eventmap::events
