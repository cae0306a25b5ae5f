// Export events for GIS tools: from a store (eventmap export) or straight from memory
// (eventmap extract). Formats, chosen by the output's extension:
//   .geojson   RFC 7946 FeatureCollection (our streaming writer, geojson_writer.hpp)
//   .geojsonl  GeoJSON sequence, one Feature per line (.geojsons and .jsonl too)
//   .csv       one row per event with longitude/latitude columns QGIS detects
//   .kml       Placemarks with TimeStamp (single day/instant) or TimeSpan (ranges) for
//              Google Earth's time slider (GDAL's LIBKML driver)
//   .fgb       FlatGeobuf with a spatial index (located events only: the index has no place
//              for a null geometry)
//   .gpkg      GeoPackage layer "events"
// Every output is written to a temporary file and renamed into place (atomic_output.hpp):
// a failed export leaves nothing behind and an existing file untouched.
#pragma once

#include "model/event.hpp"
#include "store/event_store.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace eventmap::exporter {

enum class Format { geojson, geojsonl, csv, kml, fgb, gpkg };

// By extension (case-insensitive); nullopt when unknown.
std::optional<Format> format_from_path(const std::string& path);
const char* format_name(Format format);

// Parses "W,S,E,N" in WGS84 degrees; throws InputError naming `what` when malformed, out of
// range, or crossing the antimeridian (W > E).
store::BoundingBox parse_bbox(const std::string& text, const std::string& what = "--bbox");

struct ExportOptions {
    std::string output;           // path; "-" writes GeoJSON/GeoJSONSeq to stdout
    std::optional<Format> format; // nullopt: from the output's extension
    store::EventQuery query;      // --from, --to, --bbox, --type
};

struct ExportResult {
    std::uint64_t events = 0; // features written
    Format format = Format::geojson;
};

// Writes the store's events matching options.query to options.output. Throws InputError for
// bad options, OutputError when the output cannot be written, DataError for a bad store.
ExportResult export_events(store::EventStore& store, const ExportOptions& options);

// The in-memory path for `eventmap extract`: an RFC 7946 FeatureCollection of `events`.
void write_geojson(const std::vector<model::Event>& events, std::ostream& out);
// To a file, atomically; "-" writes to stdout.
void write_geojson(const std::vector<model::Event>& events, const std::string& path);

} // namespace eventmap::exporter
