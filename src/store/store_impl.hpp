// EventStore's state (internal to src/store): the dataset, its layers, the batch flag, and the
// helpers the files of EventStore share (store_open.cpp, event_store.cpp, event_store_read.cpp).
#pragma once

#include "common/gdal.hpp"
#include "store/event_store.hpp"
#include "store/pg_writer.hpp"
#include "store/writer_lock.hpp"

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace eventmap::store {

struct EventStore::Impl {
    std::string target;
    std::string display;
    bool postgres = false;
    bool read_only = false;
    bool created = false; // this process made the GeoPackage (and won any creation race)
    bool batch = false;
    std::function<void(const std::string&)> notice; // "waiting for another ingest"
    WriterLock lock;     // GeoPackage writers: held from before the file is opened until after
    gdal::DatasetPtr ds; // it is closed (members are destroyed in reverse order)
    OGRLayer* events = nullptr;
    OGRLayer* articles = nullptr;
    OGRLayer* mentions = nullptr;
    std::vector<int> event_index; // column index of each event field, visit order (-1: absent)
    int merge_key_index = -1;
    MergeRule merge_rule;
    // PostGIS opened for writing: batches run on this connection with bound parameters
    // (pg_writer.hpp), GDAL's connection reads. What the open batch did is kept so that a batch
    // the server aborted to settle a deadlock with another writer can be run again.
    std::unique_ptr<PgWriter> pg;
    struct PgOp {
        ArticleRecord article; // add_article (empty id: append_sources)
        std::vector<model::Event> events;
        std::vector<MentionRecord> mentions;
        std::string event_id; // append_sources
        std::vector<model::EventSource> sources;
    };
    std::vector<PgOp> pg_batch;
    // GeoPackage: the fids the open transaction inserted or updated, journalled at its commit
    // (event_journal.hpp; PgWriter keeps its own).
    std::vector<std::int64_t> changed_fids;

    void open(OpenMode mode);
    void prepare_file_for_reading();
    void lock_and_prepare_file(OpenMode mode);
    void open_dataset(bool update);
    void validate_schema();
    void upgrade(OGRLayer& metadata);
    void require_pg_write_privileges();
    OGRLayer* layer(const char* name);

    // Ends the open batch after a failure (rolled back, the store reopened) and returns the note
    // the error message ends with; "" when no batch was open.
    std::string abandon_batch();
    [[noreturn]] void fail_write(const std::string& doing, gdal::ErrorCapture& errors);
    [[noreturn]] void fail_read(const std::string& doing, gdal::ErrorCapture& errors);
    void roll_back_and_reopen();
    void require_open() const;
    void start_transaction(gdal::ErrorCapture& errors);
    void require_writable_store() const;

    gdal::FeaturePtr find_one(OGRLayer* layer, const std::string& where,
                              gdal::ErrorCapture& errors);
    gdal::FeaturePtr write_event(const model::Event& event, const std::string& key,
                                 gdal::ErrorCapture& errors);
    void update_event(OGRFeature& feature, const model::Event& event, gdal::ErrorCapture& errors);
    void store_events(const std::vector<model::Event>& events, std::vector<model::Event>* fresh,
                      gdal::ErrorCapture& errors);
    std::vector<gdal::FeaturePtr> events_with_keys(const std::set<std::string>& keys,
                                                   const std::vector<std::string>& days,
                                                   gdal::ErrorCapture& errors);
    void fill_merge_keys();
    std::set<std::string> stored_event_ids(const std::vector<model::Event>& candidates,
                                           gdal::ErrorCapture& errors);
    bool append_sources(const std::string& id, const std::vector<model::EventSource>& sources,
                        gdal::ErrorCapture& errors);

    // Article and mention rows as both backends write them.
    gdal::FeaturePtr article_row(const ArticleRecord& article) const;
    gdal::FeaturePtr mention_row(const MentionRecord& mention, const std::string& article_id) const;

    // PostGIS (event_store_pg.cpp).
    void create_pg_schema_once();
    bool pg_apply(const PgOp& op, std::vector<model::Event>* fresh);
    bool pg_run(const PgOp& op, std::vector<model::Event>* fresh, const std::string& doing);
    [[noreturn]] void pg_fail(const std::string& doing, const PgError& error, bool reading = false);
};

// A hint for the failures users can act on ("write failed" when none applies).
std::string failure_hint(const std::string& message, bool postgres);

} // namespace eventmap::store
