// Duplicate reports of one event become one event: the same PLOVER type at the same place at the
// same precision (the same unresolved name, if any) on the same dates, equally planned or not, with
// compatible actors, within an article or across the articles of one ingest. Events without a
// resolved place never merge. The merged event keeps every source sentence, the union of actors and
// recipients, the best-supported date source and the highest confidence.
#pragma once

#include "events/event.hpp"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace eventmap::events {

// The identity two events must share to be merged; events without a resolved place never
// share one.
std::string merge_key(const Event& e);

// Whether two events with one merge key can be one event: the actors agree (someone named in
// both, as actor or recipient) unless one report names nobody. Modes may differ: "shelling"
// and "clashes" in one district on one day are mostly one battle.
bool compatible(const Event& a, const Event& b);

// Folds `other` into `into` (sources, actors, recipients, confidence, date source).
void merge_into(Event& into, Event&& other);

// Merges duplicates in place, keeping the first occurrence's position and id.
void merge_events(std::vector<Event>& events);

// Accumulates the events of many articles, merging as it goes (one ingest, one extract run).
class EventMerger {
  public:
    void add(std::vector<Event> events);
    const std::vector<Event>& events() const { return events_; }
    std::vector<Event> take();
    std::size_t merged() const { return merged_; } // reports folded into an earlier event

  private:
    std::unordered_map<std::string, std::vector<std::size_t>> index_; // key -> events_
    std::vector<Event> events_;
    // Per event, its sources (article, start, end): a report is checked against them in
    // constant time, so a story an article repeats n times costs n, not n squared.
    std::vector<std::unordered_set<std::string>> sources_seen_;
    std::size_t merged_ = 0;
};

} // namespace eventmap::events
