// Options and the run summary shared by `eventmap extract` and `eventmap ingest`.
#pragma once

#include "common/article.hpp"
#include "events/event.hpp"
#include "events/extractor.hpp"
#include "gazetteer/gazetteer.hpp"

#include <CLI/CLI.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace eventmap::cli {

struct EventsCommonArgs {
    std::vector<std::string> inputs;
    std::string input_format = "txt";
    std::string published;
    std::string index;
    double min_confidence = 0.25;
    bool keep_unlocated = false;
    bool keep_going = false;
    bool quiet = false;

    void define(CLI::App& cmd);
    ReaderOptions reader_options() const;
    events::ExtractOptions extract_options() const;
    gazetteer::Gazetteer open_gazetteer() const;
};

// Articles, events, places and the date range, for the one-line summary on stderr.
struct EventsSummary {
    std::uint64_t articles = 0;
    std::uint64_t skipped = 0; // already in the store
    std::uint64_t reports = 0; // events found before merging
    std::uint64_t events = 0;
    std::set<std::uint64_t> places;
    std::string first_date;
    std::string last_date;

    void add(const std::vector<events::Event>& events);
    std::string text() const;
};

} // namespace eventmap::cli
