// The events of one map, column by column: what the renderer and the viewer draw. Loaded once
// from any OGR source (map_source.hpp), GL-free, and lean enough for ten million rows (about
// 48 bytes a row): no strings per event, types as indices into a small table.
#pragma once

#include "model/event.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace eventmap::mapdata {

// How finely an event's date is known (the store's date_precision).
enum class DatePrecision : std::uint8_t { day, month, year, unknown };

// PLOVER's quad classes (quad_code), the event model's own: one enum for the store, export and
// the map. none where the source has none.
using QuadClass = model::QuadClass;
const char* quad_class_name(QuadClass quad);

// A source's quad_code column as a class: 1-4 as they are, anything else none.
inline QuadClass quad_class_of(std::int64_t code) {
    return model::parse_quad_code(code).value_or(QuadClass::none);
}

// Day numbers count days since 1970-01-01 (dates/calendar.hpp), so windows are subtraction.
using DayNumber = std::int32_t;

struct DayRange {
    DayNumber first = 0;
    DayNumber last = -1; // inclusive; last < first means empty
    bool empty() const noexcept { return last < first; }
};

struct EventTable {
    std::string source;      // what it was read from (path or PG: string), for messages
    std::string layer;       // OGR layer name
    std::string data_source; // for the attribution line: "eventmap store", a file name...

    std::vector<std::int64_t> fid; // OGR feature id: details come back with load_details()
    std::vector<double> lon;       // WGS84 degrees, -180..180
    std::vector<double> lat;
    std::vector<DayNumber> day_start;
    std::vector<DayNumber> day_end; // >= day_start (the last day the date covers)
    std::vector<DatePrecision> precision;
    std::vector<std::uint16_t> type; // index into type_names
    std::vector<QuadClass> quad;
    std::vector<std::uint16_t> sources; // sentences/articles reporting it, at least 1
    std::vector<std::uint8_t> planned;  // 1 = planned or future: drawn hollow
    std::vector<float> confidence;      // 0..1, 1 where the source has none
    std::vector<float> radius_km;       // how far the place reaches; 0 for a point place

    std::vector<std::string> type_names; // "ASSAULT", "CONSULT"...; "(none)" for untyped
    std::uint64_t article_count = 0;     // distinct articles behind the events (0 = unknown)
    std::uint64_t skipped_rows = 0;      // rows without a usable date or point

    std::size_t size() const noexcept { return lon.size(); }
    void reserve(std::size_t n);
    // Every column to `n` rows. An added row: fid, place, days and type 0, unknown precision,
    // no quad class, one source, not planned, confidence 1, a point (radius 0); the caller
    // fills in what it knows.
    void resize(std::size_t n);
    void shrink_to_fit();

    // Earliest start and latest end over all events; empty for an empty table.
    DayRange day_range() const;
    // Events per type index (size type_names.size()).
    std::vector<std::uint64_t> type_counts() const;
    // Events per QuadClass (5 entries, index = value).
    std::vector<std::uint64_t> quad_counts() const;
};

// Appends `from`'s rows to `to`, every column, the type index `t` of a row becoming
// `type_of[t]` (an index into `to.type_names`, which the caller extends; 0 past its end), and
// adds `from`'s skipped rows. Source, layer and article count are the caller's to merge.
void append_rows(EventTable& to, const EventTable& from, const std::vector<std::uint16_t>& type_of);

// The longitude at the middle of the events' spread, found across the widest empty gap of
// longitudes, so a Pacific set (170E..170W) is centred on 180 and not on 0. 0 when empty.
double central_longitude(const EventTable& table);

// Longitude/latitude box of the events, west > east when it crosses the antimeridian
// (computed around central_longitude). Degenerate sets get a small margin.
struct GeoBox {
    double west = -180, south = -90, east = 180, north = 90;
};
GeoBox event_bounds(const EventTable& table);

} // namespace eventmap::mapdata
