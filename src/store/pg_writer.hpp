// The PostGIS store's batch writes (internal to src/store): rows are built as OGR features
// with the layers' definitions (as GDAL writes a GeoPackage), then sent over a libpq
// connection with bound parameters. Concurrency between writing processes is settled here:
//
// - articles: INSERT ... ON CONFLICT (content_hash) DO NOTHING. A writer that loses the race
//   for an article skips it and goes on (add_article returns false).
// - events: an event's merge key is not unique (two reports with the same key and
//   incompatible actors are two events), so a unique constraint cannot express the merge
//   rule. Instead each article's transaction takes a transaction-scoped advisory lock per
//   merge key (and one for its content hash) before it reads the stored events it may merge
//   into; a second writer with the same key waits for the first to commit and then, READ
//   COMMITTED, sees its event and merges into it. An article first tries its locks without
//   waiting; when one is held, the batch so far is committed (releasing every lock) and the
//   article's locks are then waited for in ascending order. A writer that waits thus holds
//   only smaller locks of one article, so writers never wait for each other in a circle. A
//   deadlock from elsewhere is resolved by the server aborting one transaction, which
//   EventStore replays (PgError::retryable).
// - partitions (a store created with monthly partitions, docs/store.md): the partition of a
//   month is created when its first event arrives, on a connection of its own (serialized by
//   an advisory lock, committed at once: ATTACH PARTITION takes a lock that lets other
//   writers go on inserting), then locked in the batch's transaction so that the batch sees it.
#pragma once

#include "common/gdal.hpp"
#include "store/pg_connection.hpp"

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace eventmap::store {

class PgWriter {
  public:
    // Layers of the GDAL dataset, for the tables' column names and types.
    PgWriter(const std::string& target, OGRLayer& events, OGRLayer& articles, OGRLayer& mentions);

    void begin();
    // Records the fids the transaction wrote in the events journal (event_journal.hpp), then
    // commits.
    void commit();
    void rollback(); // ignores a failure (the connection may be gone)

    // Transaction-scoped advisory locks on these names (merge keys, content hashes): try_lock
    // takes the free ones without waiting and says whether it got all; lock waits for each,
    // in a fixed order.
    bool try_lock(const std::vector<std::string>& names);
    void lock(const std::vector<std::string>& names);

    // Before an article's events are looked up or written: the partitions of their days exist
    // and this transaction sees them. Nothing on a store without partitions (made before them).
    void prepare_dates(const std::vector<std::string>& dates);

    bool has_article(const std::string& content_hash);
    // Returns false (nothing written) when an article with this content hash is stored.
    bool insert_article(const OGRFeature& row);
    void insert_mention(const OGRFeature& row);

    // `days`: the days (event_fields' "date", "" when undated) of the events looked for, which
    // on a partitioned store limit the lookup to their partitions.
    std::set<std::string> event_ids(const std::vector<std::string>& ids,
                                    const std::vector<std::string>& days);
    std::vector<gdal::FeaturePtr> events_with_keys(const std::set<std::string>& keys,
                                                   const std::vector<std::string>& days);
    gdal::FeaturePtr event_by_id(const std::string& id);
    // Inserts the event (its point from the feature's geometry) and sets the feature's FID.
    void insert_event(OGRFeature& row);
    // Rewrites the event's columns, by FID.
    void update_event(const OGRFeature& row);

    PgConnection& connection() { return conn_; }

  private:
    void create_partition(const std::string& name, const std::string& month);
    std::string in_days(std::size_t param) const;
    std::vector<gdal::FeaturePtr> select_events(const std::string& where, const PgParams& params);

    PgConnection conn_;
    OGRLayer& events_;
    OGRLayer& articles_;
    OGRLayer& mentions_;
    std::string events_select_; // SELECT fid, columns, x, y FROM events
    std::string target_;
    bool partitioned_ = false;
    std::set<std::string> partitions_;             // known to exist
    std::set<std::string> locked_;                 // locked in the open transaction
    std::vector<std::int64_t> changed_;            // fids inserted or updated in it
    std::unique_ptr<PgConnection> partition_conn_; // for creating partitions
};

} // namespace eventmap::store
