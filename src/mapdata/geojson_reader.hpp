// A direct reader for GeoJSON and GeoJSONSeq point files such as the project's own exports
// (export/geojson_writer.hpp), skipping OGR: GDAL scans a GeoJSONSeq file once to open it and
// parses it again to read it (1.3 s CPU for 100,000 events), where this streams it once with
// nlohmann's SAX parser, a GeoJSON sequence split over the cores. It applies load_events'
// rules (field_rules.hpp) with OGR's conversions, so a file reads the same either way.
//
// It answers only where it can match OGR exactly: anything else (another geometry, a numeric
// feature id, a property that is an object, no named date field, malformed JSON, no usable row)
// returns nullopt, and load_events takes OGR's path, which also words the errors.
#pragma once

#include "mapdata/event_table.hpp"

#include <optional>
#include <string>

namespace eventmap::mapdata {

// True for names the reader may take: .geojson, .json, .geojsonl, .geojsons, .geojsonseq,
// .jsonl, .ndjson (any case).
bool direct_geojson_candidate(const std::string& path);

// The events of a GeoJSON FeatureCollection or a GeoJSON sequence (one Feature a line), or
// nullopt when OGR must read the file. A sequence is read in `parts` pieces in parallel; 0:
// one per core, none under 4 MiB.
std::optional<EventTable> read_geojson_directly(const std::string& path, unsigned parts = 0);

} // namespace eventmap::mapdata
