// `eventmap eval events FILE`: the events stage on the event-location corpus (one sentence a
// line with its gold event verb and places). Prints trigger recall, place linking given the
// gold verb and end-to-end linking, for the dev half, the test half or both (a fixed split
// by a hash of the sentence text: tune on dev, report test), a row per source with
// --by-source, and the first N misses with --misses N.
#include "cli/command_registry.hpp"
#include "cli/gazetteer_index.hpp"
#include "eval/events_corpus.hpp"
#include "eval/events_scorer.hpp"
#include "events/extractor.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace eventmap::cli {

namespace {

struct EvalEventsArgs {
    std::string corpus;
    std::string split = "both";
    std::string index;
    std::size_t misses = 0;
    bool by_source = false;
};

void print_header() {
    std::cout << std::left << std::setw(16) << "half" << std::right << std::setw(7) << "sent"
              << std::setw(7) << "placed" << std::setw(9) << "trigger" << std::setw(9) << "linking"
              << std::setw(9) << "placed" << std::setw(9) << "none" << std::setw(9) << "e2e"
              << std::setw(8) << "sent/s" << '\n';
}

void print_row(const std::string& label, const eval::EventLinkScore& s) {
    std::cout << std::left << std::setw(16) << label << std::right << std::setw(7) << s.sentences
              << std::setw(7) << s.located << std::fixed << std::setprecision(3) << std::setw(9)
              << s.trigger_recall() << std::setw(9) << s.linking() << std::setw(9)
              << s.linking_located() << std::setw(9) << s.linking_unlocated() << std::setw(9)
              << s.end_to_end_accuracy() << std::setprecision(0) << std::setw(8);
    if (s.seconds > 0) {
        std::cout << double(s.sentences) / s.seconds << '\n';
    } else {
        std::cout << "-" << '\n'; // per-source rows are not timed
    }
}

// The map proxies, a row per half: what share of sentences give any event, and where the
// gold verb's dot lies against the gold place's point.
void print_dots(const std::vector<std::pair<std::string, eval::EventLinkScore>>& rows) {
    std::cout << "\n"
              << std::left << std::setw(16) << "half" << std::right << std::setw(10) << "any event"
              << std::setw(7) << "dots" << std::setw(9) << "<=50km" << std::setw(9) << ">500km"
              << '\n';
    for (const auto& [label, s] : rows) {
        std::cout << std::left << std::setw(16) << label << std::right << std::fixed
                  << std::setprecision(3) << std::setw(10) << s.any_event_share() << std::setw(7)
                  << s.dots << std::setw(9) << s.near_share() << std::setw(9) << s.far_share()
                  << '\n';
    }
    std::cout << "any event: the pipeline reports at least one event in the sentence; dots: its "
                 "event on\nthe gold verb, placed, where the geoparser resolves the gold span: "
                 "share within 50 km\nof that point and share over 500 km from it.\n";
}

void print_misses(const std::vector<eval::EventMiss>& misses, std::size_t limit) {
    std::cout << "\nmisses (first " << std::min(limit, misses.size()) << " of " << misses.size()
              << "):\n";
    for (std::size_t i = 0; i < misses.size() && i < limit; ++i) {
        const eval::EventMiss& m = misses[i];
        std::cout << "line " << m.line << "  " << m.kind << "  verb '" << m.verb << "'";
        if (!m.event.empty()) {
            std::cout << " (" << m.event << ")";
        }
        std::cout << "  gold [";
        for (std::size_t g = 0; g < m.gold.size(); ++g) {
            std::cout << (g ? ", " : "") << m.gold[g];
        }
        std::cout << "]  predicted '" << m.predicted << "'\n    " << m.text << '\n';
    }
}

void run(const EvalEventsArgs& a) {
    // The corpus first: a missing or malformed file fails before anything is printed.
    std::vector<std::pair<std::string, std::vector<eval::EventSentence>>> halves;
    if (a.split != "test") {
        halves.emplace_back("dev half", eval::read_event_corpus(a.corpus, eval::EventSplit::dev));
    }
    if (a.split != "dev") {
        halves.emplace_back("test half", eval::read_event_corpus(a.corpus, eval::EventSplit::test));
    }
    const gazetteer::Gazetteer g = a.index.empty()
                                       ? cli::open_or_build(gazetteer::default_index_path(),
                                                            gazetteer::default_sources(), true)
                                       : gazetteer::Gazetteer::open(a.index);
    const geoparse::Geoparser parser(g);
    events::ExtractOptions options;
    options.keep_unlocated = true; // an event on the verb counts as found, placed or not
    options.merge = false;
    const events::EventExtractor extractor(parser, options);

    std::vector<eval::EventMiss> misses;
    std::cout << a.corpus << " (halves split by FNV-1a of the sentence text)\n\n";
    print_header();
    std::vector<std::pair<std::string, eval::EventLinkScore>> totals;
    for (const auto& [label, sentences] : halves) {
        const auto report =
            eval::score_events(extractor, sentences, a.misses > 0 ? &misses : nullptr);
        print_row(label, report.total);
        totals.emplace_back(label, report.total);
        if (a.by_source) {
            for (const auto& [source, score] : report.by_source) {
                print_row("  " + source, score);
            }
        }
    }
    std::cout << "\ntrigger: the pipeline reports an event on the gold verb; linking: given the "
                 "gold verb,\nits place is a gold span or, where the sentence names none, it "
                 "has none (placed / none:\nthe same over sentences with and without a gold "
                 "place); e2e: the pipeline's own event\non the gold verb is placed right.\n";
    print_dots(totals);
    if (a.misses > 0) {
        print_misses(misses, a.misses);
    }
}

void define(CLI::App& app) {
    auto args = std::make_shared<EvalEventsArgs>();
    auto* cmd = app.add_subcommand(
        "events", "Score event triggers and event-place linking on an event-location corpus");
    cmd->add_option("corpus", args->corpus, "JSON Lines: text, verb, locations")->required();
    cmd->add_option("--split", args->split, "dev, test or both halves (default both)")
        ->check(CLI::IsMember({"dev", "test", "both"}));
    cmd->add_option("--index", args->index, "Gazetteer index (default: $EVENTMAP_GAZETTEER)");
    cmd->add_option("--misses", args->misses, "List the first N sentences got wrong");
    cmd->add_flag("--by-source", args->by_source, "A row per source of the corpus");
    cmd->callback([args] { run(*args); });
}

const CommandRegistration reg{{"eval", "events", 90, define}};

} // namespace

} // namespace eventmap::cli
