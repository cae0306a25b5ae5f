// What the events stage learns about one sentence before it assigns places, dates and actors
// to triggers: tokens, the place mention on each token, clauses, actors, candidate places and
// dates, and triggers; with the clause and modality rules that work on it.
#pragma once

#include "dates/time_expression.hpp"
#include "events/date_values.hpp"
#include "events/lexicon.hpp"
#include "events/token.hpp"
#include "gazetteer/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventmap::events {

template <std::size_t N>
bool one_of(const std::string& key, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), key) != list.end();
}

struct Person {
    std::string name;
    std::string country;
};

// Something that can act: a country (name, demonym, capital standing for its government),
// an organisation or a person. `token` is its position in the sentence.
struct ActorRef {
    std::size_t first = 0;
    std::size_t last = 0;
    std::string name;
    std::string country;
    int mention = -1; // the place mention it stands on (a capital acting for its government)
};

struct PlaceCandidate {
    std::size_t mention = 0; // index into the article's mentions (the container, if unlisted)
    std::size_t first = 0;   // tokens
    std::size_t last = 0;
    bool unlisted = false;   // a name the gazetteer lacks (place_phrases.hpp)
    bool has_mention = true; // false: an unlisted name whose container the text omits
    double offset_km = 0;    // "20 km north of X": the event is this far from X
    double bearing_deg = 0;
};

struct DateCandidate {
    const dates::TimeExpression* expression = nullptr;
    DateValue value;
    std::size_t token = 0;
};

struct TriggerHit {
    std::size_t first = 0;
    std::size_t last = 0;
    const Trigger* trigger = nullptr;
    bool planned = false;
    bool dropped = false;
    bool forced = false; // the span event_at asked about
    // A noun whose own verb after it says it happened ("the raid that occurred"): no mere
    // object of another event's verb.
    bool happened = false;
    // Tokens [phrase_begin, phrase_end) inside the span that are the sentence's, not the
    // trigger's: "clashes [between X and Y in Z] erupted" (places may be named there).
    std::size_t phrase_begin = 0;
    std::size_t phrase_end = 0;
};

struct Analysis {
    std::vector<Token> tokens;
    std::vector<int> mention_at;                              // token -> mention index or -1
    std::vector<std::pair<std::size_t, std::size_t>> clauses; // token ranges [first, last)
    std::vector<ActorRef> actors;
    std::vector<PlaceCandidate> places;
    std::vector<DateCandidate> dates;
    std::vector<TriggerHit> triggers;
};

// Clauses: split at ; : and dashes, and at a comma followed by a conjunction or relative
// pronoun. Commas alone do not split ("in western Brambly, on the edge of Lakeport on
// May 3" is one clause). A dash between two place names is district notation ("Y - Z": the
// Z district of Y), no boundary; `mention_at` marks the place mentions.
std::vector<std::pair<std::size_t, std::size_t>> find_clauses(const std::vector<Token>& tokens,
                                                              const std::vector<int>& mention_at);
std::pair<std::size_t, std::size_t> clause_of(const Analysis& a, std::size_t token);
std::size_t token_at_byte(const std::vector<Token>& tokens, std::size_t byte);
// Name particles that may be lowercase inside a person's name: "Karim al-Nadir".
bool name_part(const Token& t);
std::string surname_key(const std::string& lower);

enum class Modality { factual, planned, hypothetical, negated };
// Looks back from the trigger to the start of its clause (at most eight words) for what
// makes it not a reported fact.
Modality modality_of(const Analysis& a, const TriggerHit& hit, const EventType& type);

int precision_rank(gazetteer::Precision p);
// The event model's resolution (1 country .. 5 district or point) of a gazetteer precision.
int resolution_of(gazetteer::Precision p);
// Tokens between `token` and the trigger (0 inside it).
std::size_t distance(std::size_t token, const TriggerHit& hit);

} // namespace eventmap::events
