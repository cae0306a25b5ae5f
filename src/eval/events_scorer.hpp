// Scoring the events stage on the event-location corpus (eval/events_corpus.hpp). For each
// sentence, given its gold event verb:
//   trigger recall  the pipeline, run as users run it, reports an event on the gold verb;
//   linking         taking the gold verb as the trigger (EventExtractor::event_at), the
//                   event's place is a gold span (overlap), or the event has no place when
//                   the sentence names none; this is place attachment alone, the task the
//                   corpus was made for;
//   end to end      the event the pipeline itself reports on the gold verb has a gold place;
//                   with no event there, right only when the sentence names no place.
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
    double seconds = 0;

    EventLinkScore& operator+=(const EventLinkScore& o) {
        sentences += o.sentences;
        located += o.located;
        triggers += o.triggers;
        linked += o.linked;
        linked_placed += o.linked_placed;
        end_to_end += o.end_to_end;
        seconds += o.seconds;
        return *this;
    }
    static double share(std::size_t n, std::size_t of) { return of ? double(n) / double(of) : 0; }
    double trigger_recall() const { return share(triggers, sentences); }
    double linking() const { return share(linked, sentences); }
    double linking_located() const { return share(linked_placed, located); }
    double linking_unlocated() const { return share(linked - linked_placed, sentences - located); }
    double end_to_end_accuracy() const { return share(end_to_end, sentences); }
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
