// Scoring the events stage on the event-location corpus (eval/events_corpus.hpp). For each
// sentence, given its gold event verb:
//   trigger recall  the pipeline, run as users run it, reports an event on the gold verb;
//   linking         taking the gold verb as the trigger (EventExtractor::event_at), the
//                   event's place is a gold span (overlap), or the event has no place when
//                   the sentence names none; this is place attachment alone, the task the
//                   corpus was made for;
//   end to end      the event the pipeline itself reports on the gold verb has a gold place;
//                   with no event there, right only when the sentence names no place.
// And two proxies of what a reader of the map sees (the corpus has no coordinates, so the
// gold place's point is where the geoparser puts the gold span; a namesake chosen for the
// gold span itself is not caught):
//   any event       the pipeline reports at least one event in the sentence;
//   dot distance    the pipeline's event on the gold verb, placed, in a sentence whose gold
//                   place the geoparser resolved: within 50 km of it, or over 500 km away.
#pragma once

#include "eval/events_corpus.hpp"
#include "events/extractor.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace eventmap::eval {

struct EventLinkScore {
    std::size_t sentences = 0;
    std::size_t located = 0;       // sentences whose gold names a place
    std::size_t triggers = 0;      // gold verbs the pipeline reported an event on
    std::size_t linked = 0;        // right attachments given the gold verb
    std::size_t linked_placed = 0; // ... among located sentences
    std::size_t end_to_end = 0;
    std::size_t any_event = 0; // sentences with at least one reported event
    std::size_t dots = 0;      // placed events on the gold verb with a resolved gold place
    std::size_t dots_near = 0; // ... within near_km of it
    std::size_t dots_far = 0;  // ... more than far_km from it
    double seconds = 0;

    static constexpr double near_km = 50;
    static constexpr double far_km = 500;

    EventLinkScore& operator+=(const EventLinkScore& o) {
        sentences += o.sentences;
        located += o.located;
        triggers += o.triggers;
        linked += o.linked;
        linked_placed += o.linked_placed;
        end_to_end += o.end_to_end;
        any_event += o.any_event;
        dots += o.dots;
        dots_near += o.dots_near;
        dots_far += o.dots_far;
        seconds += o.seconds;
        return *this;
    }
    static double share(std::size_t n, std::size_t of) { return of ? double(n) / double(of) : 0; }
    double trigger_recall() const { return share(triggers, sentences); }
    double linking() const { return share(linked, sentences); }
    double linking_located() const { return share(linked_placed, located); }
    double linking_unlocated() const { return share(linked - linked_placed, sentences - located); }
    double end_to_end_accuracy() const { return share(end_to_end, sentences); }
    double any_event_share() const { return share(any_event, sentences); }
    double near_share() const { return share(dots_near, dots); }
    double far_share() const { return share(dots_far, dots); }
};

// One sentence the events stage got wrong.
struct EventMiss {
    std::uint64_t line = 0;
    std::string kind; // "trigger" (no event on the gold verb), "wrong-place", "no-place",
                      // "spurious-place" (a place where the sentence names none)
    std::string text;
    std::string verb;
    std::vector<std::string> gold;
    std::string predicted; // the place as written, empty when none
    std::string event;     // the PLOVER type reported on the verb, empty when none
};

struct EventScoreReport {
    EventLinkScore total;
    std::map<std::string, EventLinkScore> by_source;
};

// `extractor` should keep unlocated events and not merge (the CLI builds it so), so that an
// event on the gold verb is seen whether or not it found a place.
EventScoreReport score_events(const events::EventExtractor& extractor,
                              const std::vector<EventSentence>& sentences,
                              std::vector<EventMiss>* misses = nullptr);

// Scores one sentence into `score` (the core of the above, for tests); returns the miss kind,
// empty when both the trigger and the attachment are right.
std::string score_sentence(const events::EventExtractor& extractor, const EventSentence& s,
                           EventLinkScore& score, EventMiss* miss = nullptr);

} // namespace eventmap::eval
