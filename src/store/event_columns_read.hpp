// Bulk reads of a store's events table, column by column: the read API for a viewer that loads
// a million events (issue 8). One SQL query per read, run in the database (SQLite itself for a
// GeoPackage, GDAL's SQL for PostGIS), reading only the columns asked for, in fid order, with
// paging by fid and cancellation. Nothing here parses a row into a model::Event: callers copy
// the values they need straight into their own columns.
//
// Threads: an EventColumnReader is one query on its own connection, used by one thread; any
// number of readers (on any threads) may read one store at once, also while an ingest writes
// (a GeoPackage is read as of its last commit).
//
// Only the project's own stores are read this way: for anything else (a GeoJSON file, a
// foreign GeoPackage, a missing file) open() returns nullptr and the caller takes a generic
// path. A store that is one but cannot be read throws InputError naming it.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eventmap::store {

struct ColumnReadOptions {
    std::string layer;                // empty: "events"
    std::vector<std::string> columns; // attribute columns, read as columns 0, 1, ... of a row
    bool point = false;               // also read the geometry (EventColumnReader::point)
    // Paging: rows with after_fid < fid (<= through_fid when that is > 0), at most `limit`
    // (0: all). The next page starts after the last fid of this one.
    std::int64_t after_fid = 0;
    std::int64_t through_fid = 0;
    std::uint64_t limit = 0;
    // Only rows whose fid is in one of these (inclusive) ranges, when not empty: the rows a
    // commit changed (event_journal.hpp).
    std::vector<std::pair<std::int64_t, std::int64_t>> fid_ranges;
    // rows_in_store() counted; PostGIS counts with a scan of the table, which a read of a few
    // changed rows does without (rows_in_store() is then 0).
    bool count_rows = true;
    // Set by another thread to stop the read: next() then returns false and cancelled() true.
    const std::atomic<bool>* cancel = nullptr;
};

class EventColumnReader {
  public:
    // The read, started; nullptr when `source` is not an eventmap store (see the top of the
    // file). Throws InputError for a store whose events cannot be read, or a column it lacks.
    static std::unique_ptr<EventColumnReader> open(const std::string& source,
                                                   const ColumnReadOptions& options);
    virtual ~EventColumnReader() = default;
    EventColumnReader(const EventColumnReader&) = delete;
    EventColumnReader& operator=(const EventColumnReader&) = delete;

    // All rows of the events table, whatever the page (a GeoPackage keeps the count: no scan).
    std::uint64_t rows_in_store() const { return rows_in_store_; }
    const std::string& layer() const { return layer_; }

    // The next row; false at the end of the page or once cancelled. Throws InputError when a
    // read fails (a damaged or vanished store).
    bool next();
    bool cancelled() const { return cancelled_; }

    virtual std::int64_t fid() const = 0;
    // Longitude and latitude of the row's point (options.point); nullopt for an empty or
    // non-point geometry.
    virtual std::optional<std::pair<double, double>> point() const = 0;
    // Column k of options.columns: whether set, as text ("" for NULL), real, integer (0 NULL).
    virtual bool has(std::size_t column) const = 0;
    virtual const char* text(std::size_t column) const = 0;
    virtual double real(std::size_t column, double fallback = 0) const = 0;
    virtual std::int64_t integer(std::size_t column) const = 0;

  protected:
    EventColumnReader() = default;
    virtual bool step() = 0;

  private:
    const std::atomic<bool>* cancel_ = nullptr;
    std::uint64_t rows_in_store_ = 0;
    std::uint64_t read_ = 0;
    std::string layer_;
    bool cancelled_ = false;
};

// The columns a map draws, for a million events without a model::Event each: fid order.
struct EventColumns {
    std::vector<std::int64_t> fid;
    std::vector<std::string> id;
    std::vector<double> lon, lat;            // the event's point
    std::vector<std::string> date, enddate;  // as stored ("2013-08", "2013-08-21")
    std::vector<std::uint8_t> precision;     // model::DatePrecision
    std::vector<std::uint16_t> type;         // index into type_names
    std::vector<std::uint32_t> source_count; // reports counted (also past the kept sources)
    std::vector<std::string> type_names;     // "ASSAULT"...; "" for an untyped event
    std::uint64_t skipped_rows = 0;          // rows without a point
    std::int64_t last_fid = 0;               // where the next page starts
    bool more = false;                       // rows remain after this page
    bool complete = true;                    // false when cancelled
    std::size_t size() const { return fid.size(); }
};

// One page of those columns (options.columns and options.point are set here); nullopt when
// `source` is not an eventmap store.
std::optional<EventColumns> load_event_columns(const std::string& source,
                                               ColumnReadOptions options);

} // namespace eventmap::store
