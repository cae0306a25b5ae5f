// Options shared by `eventmap extract` and `eventmap ingest`.
#pragma once

#include "common/article.hpp"
#include "events/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "model/event.hpp"

#include <CLI/CLI.hpp>
#include <cstdint>
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

} // namespace eventmap::cli
