// `eventmap ingest FILE... --db PATH.gpkg|PG:...`: the whole pipeline into the event store
// (pipeline/ingest.hpp: a transaction per batch, idempotent, merging across the run). A progress
// line is drawn when stderr is a terminal; a one-line summary ends the run.
#include "cli/command_registry.hpp"
#include "cli/events_options.hpp"
#include "cli/progress.hpp"
#include "common/error.hpp"
#include "events/extractor.hpp"
#include "geoparse/geoparser.hpp"
#include "pipeline/ingest.hpp"
#include "store/event_store.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace eventmap::cli {

namespace {

struct IngestArgs {
    EventsCommonArgs common;
    std::string db;
    std::size_t batch = 200;
};

void ingest_into(const IngestArgs& a, ArticleReader& reader,
                 const events::EventExtractor& extractor, store::EventStore& db) {
    auto progress = cli::ProgressReporter::for_stderr(0, "articles");
    pipeline::IngestOptions options;
    options.batch = a.batch;
    const pipeline::IngestSummary summary = pipeline::ingest_articles(
        [&reader](Article& article) { return reader.next(article); }, db, extractor, options,
        [&progress](std::uint64_t done) { progress.update(done); });
    progress.finish();
    if (!a.common.quiet) {
        std::cerr << "eventmap ingest: " << summary.text();
        if (reader.skipped_lines() > 0) {
            std::cerr << ", " << reader.skipped_lines() << " malformed lines skipped";
        }
        // target(): the connection string without its password.
        std::cerr << "; store " << db.target() << " now holds " << db.count_articles()
                  << " articles, " << db.count_events() << " events\n";
    }
}

void run(const IngestArgs& a) {
    // Everything that can fail before the first article is read comes first, the store last.
    ArticleReader reader(a.common.inputs, a.common.reader_options());
    const gazetteer::Gazetteer g = a.common.open_gazetteer();
    const geoparse::Geoparser parser(g);
    const events::EventExtractor extractor(parser, a.common.extract_options());

    store::EventStore db(a.db, store::OpenMode::create);
    // A failed first ingest must not leave an empty store that looks like a result; the store
    // removes it under its writer lock, so never one another ingest is writing to.
    try {
        ingest_into(a, reader, extractor, db);
    } catch (...) {
        db.discard_if_created_empty();
        throw;
    }
}

void define(CLI::App& app) {
    auto args = std::make_shared<IngestArgs>();
    auto* cmd = app.add_subcommand("ingest", "Extract events from articles into the event store");
    cmd->add_option("inputs", args->common.inputs, "Article files, or - for standard input")
        ->required();
    args->common.define(*cmd);
    cmd->add_option("--db", args->db, "GeoPackage file (created if absent) or PG:<connection>")
        ->required();
    cmd->add_option("--batch", args->batch, "Articles per transaction")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    cmd->callback([args] { run(*args); });
}

const CommandRegistration reg{{nullptr, "ingest", 50, define}};

} // namespace

} // namespace eventmap::cli
