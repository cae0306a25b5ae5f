// `eventmap extract [FILE...|-]`: the whole pipeline (geoparse, dates, events) to an RFC 7946
// GeoJSON FeatureCollection on stdout or, atomically, a file. No store needed (issue 5).
#include "cli/command_registry.hpp"
#include "cli/events_options.hpp"
#include "common/error.hpp"
#include "events/extractor.hpp"
#include "events/merge.hpp"
#include "export/export.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"
#include "pipeline/ingest.hpp"

#include <iostream>
#include <memory>

namespace eventmap::cli {

namespace {

struct ExtractArgs {
    EventsCommonArgs common;
    std::string output;
};

void run(const ExtractArgs& a) {
    ArticleReader reader(a.common.inputs.empty() ? std::vector<std::string>{"-"} : a.common.inputs,
                         a.common.reader_options());
    const gazetteer::Gazetteer g = a.common.open_gazetteer();
    const geoparse::Geoparser parser(g);
    const events::EventExtractor extractor(parser, a.common.extract_options());

    events::EventMerger merger;
    pipeline::IngestSummary summary;
    Article article;
    while (reader.next(article)) {
        auto found = extractor.extract(article);
        summary.articles += 1;
        summary.reports += found.size();
        merger.add(std::move(found));
    }
    summary.add(merger.events());
    exporter::write_geojson(merger.events(), a.output.empty() ? std::string("-") : a.output);
    if (!a.common.quiet) {
        std::cerr << "eventmap extract: " << summary.text();
        if (reader.skipped_lines() > 0) {
            std::cerr << ", " << reader.skipped_lines() << " malformed lines skipped";
        }
        std::cerr << '\n';
    }
}

void define(CLI::App& app) {
    auto args = std::make_shared<ExtractArgs>();
    auto* cmd = app.add_subcommand(
        "extract", "Find dated, located events in articles and write them as GeoJSON");
    cmd->add_option("inputs", args->common.inputs, "Article files, or - for standard input");
    args->common.define(*cmd);
    cmd->add_option("-o,--output", args->output,
                    "GeoJSON file to write (atomically); stdout if absent or -");
    cmd->callback([args] { run(*args); });
}

const CommandRegistration reg{{nullptr, "extract", 40, define}};

} // namespace

} // namespace eventmap::cli
