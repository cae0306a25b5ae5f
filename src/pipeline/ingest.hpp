// The ingest loop behind `eventmap ingest` (and bench/events_ingest_bench.cpp): articles in,
// events and mentions into an EventStore, one transaction per batch. Articles whose text is
// already stored are skipped (idempotent). A report of an event the store already holds, from
// this run or an earlier one, is merged into it by the events module's rule (store::MergeRule):
// the same events whether the articles come in one run, many runs, or a killed and resumed
// one. The viewer's place corrections stored in the store (place_overrides) are applied to the
// events of later reports before they merge. Memory stays flat: one article at a time; the store
// keeps a capped list of sources per event and counts the rest.
#pragma once

#include "common/article.hpp"
#include "events/extractor.hpp"
#include "model/event.hpp"
#include "store/event_store.hpp"

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace eventmap::pipeline {

using model::Event;

struct IngestOptions {
    std::size_t batch = 200; // articles per transaction
};

struct IngestSummary {
    std::uint64_t articles = 0;     // read
    std::uint64_t skipped = 0;      // already in the store
    std::uint64_t reports = 0;      // events found in new articles, before merging across them
    std::uint64_t events = 0;       // new events stored
    std::set<std::uint64_t> places; // gazetteer ids of the new events' places
    std::string first_date;         // range of the new events' dates (YYYY-MM-DD)
    std::string last_date;

    void add(const std::vector<Event>& events);
    std::string text() const; // "5 articles, 23 events (from 25 reports), 16 places, A to B"
};

// Reads articles from `next` (false at the end) into `store`. `progress` is called after each
// article with the number read so far. Throws what the store and the extractor throw; a
// failed batch is rolled back by the store.
IngestSummary ingest_articles(const std::function<bool(Article&)>& next, store::EventStore& store,
                              const events::EventExtractor& extractor, const IngestOptions& options,
                              const std::function<void(std::uint64_t)>& progress = {});

} // namespace eventmap::pipeline
