// The event store: a GeoPackage file or a PostgreSQL/PostGIS database, written through
// GDAL/OGR by one code path. Tables:
//   events    Point, EPSG:4326, spatial index; one row per event, columns from event_fields.hpp
//   articles  one row per ingested article, content_hash unique (what makes ingest idempotent)
//   mentions  the place mentions the geoparser found in each article
//   metadata  key/value; schema_version must equal EventStore::schema_version
//
// Writing happens in batches: begin(); add_article(...) per article; commit(). A batch is one
// database transaction, so a process killed midway leaves the store as before begin(). If any
// write fails (disk full, server gone), the batch is rolled back before the OutputError
// propagates: the store is then exactly as before begin() and no batch is open.
//
// Errors: InputError when the store does not exist, DataError (exit 4) when it is unreadable,
// of another schema version or a read fails, OutputError (exit 5) when it cannot be written;
// each names the target, a PostgreSQL target without its password.
//
// Concurrency (GeoPackage): a store opened for writing holds the writer lock
// (store/writer_lock.hpp) until it is destroyed; a second writing process waits for it, with a
// message on stderr. Readers take no lock and wait up to 15 s for a batch being committed; a
// writer's commit waits up to 120 s for readers to finish. Past those waits the error says the
// store is locked (not damaged). PostGIS: any number of writing processes at once, settled by
// the database (store/pg_writer.hpp, docs/store.md): an article another writer stored first is
// skipped (add_article returns false), reports of one event merge into one stored event, and a
// batch that meets another writer's lock is committed in parts (each article whole).
//
// Threads: an EventStore is used by one thread at a time, reads included: its GDAL dataset
// and layers keep a read cursor, so even the read methods are not const. A thread that reads
// (a viewer's loader, a UI) opens its own EventStore with OpenMode::read; several stores on
// one file or database read concurrently. Long reads take a cancel flag another thread sets.
#pragma once

#include "common/geo.hpp"
#include "model/event.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventmap::store {

enum class OpenMode {
    read,   // must exist; no writes
    append, // must exist; writes allowed
    create, // creates the store (file or tables) when absent, else opens it as append
};

struct ArticleRecord {
    std::string id;           // the article id events and mentions refer to
    std::string content_hash; // hash of the article text; re-ingesting the same hash adds nothing
    std::string title;
    std::string url;
    std::string published; // YYYY-MM-DD or empty
    bool published_inferred = false;
    std::string ingested_at; // ISO 8601 UTC; empty: now
    std::string source_path; // the input file it came from
};

// One resolved place mention, as the store keeps it (independent of the geoparse module's type
// so the store builds without it; the ingest command converts).
struct MentionRecord {
    std::string article_id;  // empty: add_article fills in the article's id
    std::uint64_t start = 0; // code-point offsets into the article text, end exclusive
    std::uint64_t end = 0;
    std::string text; // as written
    std::string name; // gazetteer name
    std::uint64_t gazetteer_id = 0;
    LatLon position;
    std::string country; // ISO 3166-1 alpha-2
    std::string feature_code;
    std::string type; // place | demonym
    std::string role; // location | actor
    double confidence = 0;
};

struct BoundingBox {
    double west = -180, south = -90, east = 180, north = 90; // WGS84 degrees
};

// A user's correction of a place, written by the viewer (view/correction_store.hpp) to the
// store's place_overrides table: "this name, in this article, means this place". Ingest applies
// it to later reports (an empty article_id: the name anywhere).
struct PlaceOverride {
    std::string name;       // the place as written in the text
    std::string article_id; // the article it was corrected in
    LatLon position;
    std::string place; // gazetteer name; empty for a point clicked on the map
    std::uint64_t geonameid = 0;
    std::string country_code;
};

// Which events to read. Empty strings and nullopt mean no restriction.
struct EventQuery {
    std::string from; // YYYY[-MM[-DD]]: events ending on or after it
    std::string to;   // YYYY[-MM[-DD]]: events starting on or before it (whole day/month/year)
    std::optional<BoundingBox> bbox; // events located inside it (unlocated events excluded)
    std::string type;                // PLOVER event type, e.g. ASSAULT (exact match)
};

// Throws InputError for a date that is not YYYY, YYYY-MM or YYYY-MM-DD (what = option name).
void validate_query_date(const std::string& date, const std::string& what);

// How add_article merges a new article's events into the stored ones (issue 11): the rule the
// pipeline merges by within a run, applied against the store, so a store fed daily holds the
// events one ingest of everything gives, whether the articles came in one run, many small
// runs, or a run killed and resumed. The pipeline sets it (the store does not know the events
// module); without one, only an event whose id is stored already is merged.
struct MergeRule {
    // The identity a stored event must share (same type, place and precision, dates...);
    // empty: never merge (an event without a resolved place).
    std::function<std::string(const model::Event&)> key;
    // Whether a report with that key can be this stored event (compatible actors).
    std::function<bool(const model::Event& stored, const model::Event& report)> compatible;
    // Folds the report into the stored event (sources, actors, confidence...).
    std::function<void(model::Event& stored, model::Event&& report)> merge;
};

class EventStore {
  public:
    static constexpr int schema_version = 2;
    // Source sentences kept per event (issue 13): a story repeated by every wire for months
    // would otherwise grow one row without bound and slow each append. Later reports are still
    // stored as articles with their mentions, and counted in the event's source_count; the
    // event keeps its first sentences.
    static constexpr std::size_t max_sources_per_event = 16;

    // `target`: a path (GeoPackage, normally *.gpkg) or "PG:<libpq connection string>"
    // (optionally with active_schema=NAME). Throws as described at the top of this file.
    EventStore(const std::string& target, OpenMode mode);
    ~EventStore(); // an open batch is rolled back
    EventStore(EventStore&&) noexcept;
    EventStore& operator=(EventStore&&) noexcept;
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;

    const std::string& target() const;
    bool is_postgres() const;
    bool read_only() const;
    // Whether opening made a new GeoPackage that this process put in place; false for an
    // existing store, PostGIS, or a creation race another process won.
    bool created() const;
    // After a failed first ingest: removes the GeoPackage this process created when it holds
    // no committed article, so no empty store looks like a result. An open batch is rolled
    // back first; the store is closed afterwards either way. Returns whether it was removed.
    // It never removes a store another process created or wrote to: the writer lock
    // (writer_lock.hpp) is held until the file is gone, so a writer waiting for it finds no
    // file and creates its own.
    bool discard_if_created_empty();

    // Whether an article with this content hash is stored (including in the open batch).
    bool has_article(const std::string& content_hash);

    // --- Writing (not in read mode) ---
    void begin();
    // The merge rule of later add_article calls. On a store whose events have no merge keys
    // yet (one upgraded from schema 1) it fills them in first, in a transaction of its own.
    void set_merge_rule(MergeRule rule);

    // Adds the article with its events and mentions. Returns false, writing nothing, when its
    // content hash is already stored. An event whose id is already stored is not duplicated:
    // its sources not yet listed are appended to the stored event (see append_sources). With a
    // merge rule, an event that matches a stored one (the batch's included) is merged into it,
    // the first stored keeping its id. `fresh`, when given, receives the events stored as new
    // rows. Throws DataError (nothing written, batch still open) for a record missing its id
    // or hash, OutputError (batch rolled back) when the write fails.
    bool add_article(const ArticleRecord& article, const std::vector<model::Event>& events,
                     const std::vector<MentionRecord>& mentions,
                     std::vector<model::Event>* fresh = nullptr);
    // Appends to a stored event the sources it does not list yet (same article, start, end), up
    // to max_sources_per_event.
    // Returns false when no event has this id. Works inside a batch or on its own (then in a
    // transaction of its own).
    bool append_sources(const std::string& event_id,
                        const std::vector<model::EventSource>& sources);
    void commit();
    void rollback();
    bool in_batch() const;

    // --- Reading ---
    std::optional<model::Event> find_event(const std::string& id);
    std::optional<ArticleRecord> find_article(const std::string& content_hash);
    std::vector<MentionRecord> mentions_of(const std::string& article_id);
    // Calls `sink` for each matching event, in storage order. The Event reference is valid
    // during the call only. Stops early, returning false, once `cancel` (when given) is set;
    // returns true when every matching event was read.
    bool for_each_event(const EventQuery& query,
                        const std::function<void(const model::Event&)>& sink,
                        const std::atomic<bool>* cancel = nullptr);
    // One page of the events for_each_event reads: up to `limit` events after skipping
    // `offset`, in the same order while the store is unchanged. `complete` is false when
    // `cancel` stopped it. Skipping costs a read of the skipped rows on a GeoPackage.
    struct EventPage {
        std::vector<model::Event> events;
        bool more = false; // events remain after this page
        bool complete = true;
    };
    EventPage read_events(const EventQuery& query, std::uint64_t offset, std::size_t limit,
                          const std::atomic<bool>* cancel = nullptr);
    std::uint64_t count_events(const EventQuery& query = {});
    // The active place overrides (none when the viewer never wrote one), oldest first.
    std::vector<PlaceOverride> place_overrides();
    std::uint64_t count_articles();
    std::uint64_t count_mentions();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace eventmap::store
