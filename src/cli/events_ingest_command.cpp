// `eventmap ingest FILE... --db PATH.gpkg|PG:...`: the whole pipeline into the event store.
// One transaction per batch of articles; an article whose text is already stored is skipped,
// so ingesting the same files twice adds nothing. An event reported again by a later article
// of the same run is not stored twice: its new sentences are appended to the first report.
// A progress line is drawn when stderr is a terminal; a one-line summary ends the run.
#include "cli/command_registry.hpp"
#include "cli/events_options.hpp"
#include "common/error.hpp"
#include "events/extractor.hpp"
#include "events/merge.hpp"
#include "geoparse/geoparser.hpp"
#include "store/event_store.hpp"
#include "store/progress.hpp"

#include <iostream>
#include <memory>
#include <unordered_map>

namespace eventmap::cli {

namespace {

struct IngestArgs {
    EventsCommonArgs common;
    std::string db;
    std::size_t batch = 200;
};

store::MentionRecord to_record(const geoparse::Mention& m) {
    store::MentionRecord r;
    r.start = m.start;
    r.end = m.end;
    r.text = m.text;
    r.name = m.name;
    r.gazetteer_id = m.gazetteer_id;
    r.position = m.position;
    r.country = m.country;
    r.feature_code = m.feature_code;
    r.type = m.type == geoparse::MentionType::demonym ? "demonym" : "place";
    r.role = m.role == geoparse::Role::actor ? "actor" : "location";
    r.confidence = m.confidence;
    return r;
}

// Remembers, for this run, which stored event each merge key went to. Keys are hashed to 64
// bits so a run over 100k articles keeps a small, flat table rather than every key string.
class RunMerger {
  public:
    // Splits `found` into events to store and reports of events stored earlier in the run
    // (whose sources are appended to them).
    std::vector<events::Event> route(std::vector<events::Event> found, store::EventStore& db) {
        std::vector<events::Event> fresh;
        for (auto& e : found) {
            const std::uint64_t key = std::hash<std::string>{}(events::merge_key(e));
            const auto it = stored_.find(key);
            if (it != stored_.end() && db.append_sources(it->second, e.sources)) {
                continue;
            }
            stored_.emplace(key, e.id);
            fresh.push_back(std::move(e));
        }
        return fresh;
    }

  private:
    std::unordered_map<std::uint64_t, std::string> stored_;
};

void run(const IngestArgs& a) {
    ArticleReader reader(a.common.inputs, a.common.reader_options());
    store::EventStore db(a.db, store::OpenMode::create);
    const gazetteer::Gazetteer g = a.common.open_gazetteer();
    const geoparse::Geoparser parser(g);
    const events::EventExtractor extractor(parser, a.common.extract_options());

    auto progress = store::ProgressReporter::for_stderr(0, "articles");
    EventsSummary summary;
    RunMerger merger;
    Article article;
    std::size_t in_batch = 0;
    db.begin();
    while (reader.next(article)) {
        ++summary.articles;
        const std::string hash = events::content_hash(article.text);
        if (db.has_article(hash)) {
            ++summary.skipped;
        } else {
            events::ArticleEvents found = extractor.process(article);
            summary.reports += found.events.size();
            std::vector<events::Event> fresh = merger.route(std::move(found.events), db);
            summary.add(fresh);
            store::ArticleRecord record;
            record.id = article.id;
            record.content_hash = found.content_hash;
            record.title = article.title;
            record.url = article.url;
            record.published = found.dates.published.value;
            record.published_inferred = found.dates.published.inferred;
            record.source_path = article.source_file;
            std::vector<store::MentionRecord> mentions;
            mentions.reserve(found.mentions.size());
            for (const auto& m : found.mentions) {
                mentions.push_back(to_record(m));
            }
            db.add_article(record, fresh, mentions);
        }
        if (++in_batch >= a.batch) {
            db.commit();
            db.begin();
            in_batch = 0;
        }
        progress.update(summary.articles);
    }
    db.commit();
    progress.finish();
    if (!a.common.quiet) {
        std::cerr << "eventmap ingest: " << summary.text();
        if (reader.skipped_lines() > 0) {
            std::cerr << ", " << reader.skipped_lines() << " malformed lines skipped";
        }
        std::cerr << "; store " << a.db << " now holds " << db.count_articles() << " articles, "
                  << db.count_events() << " events\n";
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
