#include "cli/events_options.hpp"

#include "cli/gazetteer_index.hpp"
#include "dates/calendar.hpp"
#include "gazetteer/build.hpp"

namespace eventmap::cli {

void EventsCommonArgs::define(CLI::App& cmd) {
    cmd.add_option("--input-format", input_format, "txt (one article per file) or jsonl")
        ->check(CLI::IsMember({"txt", "jsonl"}));
    cmd.add_option("--published", published,
                   "Publication date YYYY-MM-DD (overrides the input and inference)")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                return dates::parse_iso_day(value) && value.size() == 10
                           ? std::string()
                           : "expected a valid date YYYY-MM-DD, got '" + value + "'";
            },
            "YYYY-MM-DD"));
    cmd.add_option("--index", index, "Gazetteer index (default: built next to the binary)");
    cmd.add_option("--min-confidence", min_confidence, "Drop events below this confidence")
        ->check(CLI::Range(0.0, 1.0));
    cmd.add_flag("--keep-unlocated", keep_unlocated,
                 "Keep events no place governs (null geometry)");
    cmd.add_flag("--keep-going", keep_going, "Skip malformed jsonl lines and count them");
    cmd.add_flag("-q,--quiet", quiet, "No summary on stderr");
}

ReaderOptions EventsCommonArgs::reader_options() const {
    ReaderOptions options;
    options.format = input_format == "jsonl" ? InputFormat::jsonl : InputFormat::txt;
    options.keep_going = keep_going;
    return options;
}

events::ExtractOptions EventsCommonArgs::extract_options() const {
    events::ExtractOptions options;
    options.published = published;
    options.min_confidence = min_confidence;
    options.keep_unlocated = keep_unlocated;
    return options;
}

gazetteer::Gazetteer EventsCommonArgs::open_gazetteer() const {
    const std::string path = index.empty() ? gazetteer::default_index_path() : index;
    return cli::open_or_build(path, gazetteer::default_sources(), index.empty());
}

} // namespace eventmap::cli
