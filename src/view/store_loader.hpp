// The fast way in for eventmap stores: one SQL query per loading step, run in the database
// by the store's bulk column reader (store/event_columns_read.hpp), reading only the columns
// the viewer needs straight into its column arrays. The generic loader (mapdata::load_events) reads
// feature by feature through OGR, parsing every geometry and the whole sources JSON of each event;
// on a million events that is the difference between seconds and tens of seconds.
//
// Sources that are not eventmap stores (GeoJSON, CSV, foreign GeoPackages) are not handled
// here: the functions return nullopt/false and the caller takes the generic path.
#pragma once

#include "mapdata/event_table.hpp"
#include "store/event_journal.hpp"
#include "view/event_table.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace eventmap::view {

// progress(done, total): called every few thousand rows; returning false stops the read (the
// result is then incomplete and must be dropped).
using LoadProgress = std::function<bool(std::uint64_t, std::uint64_t)>;

struct StoreLoadOptions {
    std::string layer;            // empty: "events"
    std::uint64_t max_events = 0; // 0: all; else at most this many rows (the first by fid)
    // Called once (on the loading thread) with the table so far after `first_part` rows, when
    // the source has more than that: something to draw while the rest is read.
    std::uint64_t first_part = 0;
    std::function<void(const mapdata::EventTable&)> on_first_part;
    // From this many rows on, the map table is read in two halves on two threads (0: never);
    // below it a second thread would not pay for itself.
    std::uint64_t parallel_from = 262144;
};

struct StoreMap {
    mapdata::EventTable table;
    std::uint64_t rows_in_source = 0; // all rows, also those past max_events
};

// The map table of an eventmap store, the same rows and values as mapdata::load_events gives
// (rows without a point or a readable date skipped and counted), except `sources` (1 for
// every row) and `article_count` (0) which read_store_columns() supplies; nullopt when the
// source is not a store this reader handles. Throws InputError when it is one but cannot be read.
std::optional<StoreMap> load_store_map(const std::string& source, const StoreLoadOptions& options,
                                       const LoadProgress& progress = {});

// What the map table leaves for the second step: reports per event (the map table's
// `sources`, 1 until then) and the distinct articles behind the events.
struct StoreReports {
    std::vector<std::uint16_t> sources; // per row of the table
    std::uint64_t article_count = 0;
    std::vector<std::uint64_t> article_hashes; // the articles' ids hashed: sorted, unique
};

// Fills id, country, date_source, actors and place of `table` (rows by feature id, as
// read_source_columns does) with one query, and `reports` when given; false when the source
// is not a store this reader handles (nothing was changed then).
bool read_store_columns(const std::string& source, const std::string& layer, EventTable& table,
                        const LoadProgress& progress = {}, StoreReports* reports = nullptr);

// Rows read again after a commit (the map follows the store): those whose fids are in `ranges`,
// with the map columns, the filter columns and the reports per event, as a full load gives
// them. nullopt when the source is not a store this reader handles; throws as the loads do.
struct StoreRows {
    mapdata::EventTable map; // fid order; rows without a point or a date skipped (counted)
    EventTable table;        // the same rows
    std::vector<std::uint64_t> article_hashes; // of their reports, sorted, unique
    std::uint64_t rows_read = 0;               // store rows read, skipped ones included
};
std::optional<StoreRows> load_store_rows(const std::string& source, const std::string& layer,
                                         const std::vector<store::FidRange>& ranges);

} // namespace eventmap::view
