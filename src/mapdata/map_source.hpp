// Reads the events of a map from any OGR source into an EventTable: the project's GeoPackage
// store (layer "events"), a PostGIS store ("PG:dbname=..."), the project's exports (GeoJSON,
// GeoJSONSeq, CSV with longitude/latitude, FlatGeobuf, GeoPackage) and foreign point files
// with a date field. Fields are found by name (the store's names first, common alternatives
// after), so a file from elsewhere works when it has points and some date.
//
//   auto table = mapdata::load_events("out/events.gpkg");
//   auto details = mapdata::load_details(table, table.fid[i]); // for a clicked marker
#pragma once

#include "mapdata/event_table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eventmap::mapdata {

struct LoadOptions {
    std::string layer; // empty: "events" when present, else the first layer with points
    // GeoJSON, GeoJSONSeq and CSV files are read directly (geojson_reader.hpp, csv_reader.hpp)
    // unless a layer is named or this is set (tests compare both paths).
    bool through_ogr = false;
};

// Throws InputError naming the source (and the row where one is at fault) for: a missing or
// unreadable file, a corrupt file, no layer, an empty layer, no date field, a layer of lines or
// polygons, mixed geometries, and a layer where no row has both a point and a readable date.
// Rows with a null geometry or an unreadable date are skipped and counted (skipped_rows).
EventTable load_events(const std::string& source, const LoadOptions& options = {});

// Every attribute of one feature as (name, text) pairs, in the layer's field order; empty when
// the feature is gone. For a viewer's selection panel.
std::vector<std::pair<std::string, std::string>> load_details(const EventTable& table,
                                                              std::int64_t fid);

// Parses YYYY, YYYY-MM or YYYY-MM-DD (anything after the day, such as a time, is ignored)
// into the days it covers and its precision; nullopt when malformed or impossible.
struct ParsedDate {
    DayRange days;
    DatePrecision precision = DatePrecision::day;
};
std::optional<ParsedDate> parse_date(const std::string& text);

// The fields load_events looks for, best first (documented in the README).
extern const std::vector<const char*> date_field_names;

// Reports in the store's sources JSON (its "article_id" keys, at least 1); appends a hash of
// each article id to `article_hashes` (the distinct articles are counted from them). Shared by
// every reader of the store's sources column, so all count reports alike.
std::uint16_t count_sources(const char* json, std::vector<std::uint64_t>& article_hashes);

} // namespace eventmap::mapdata
