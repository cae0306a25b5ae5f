// A streaming RFC 7946 GeoJSON writer for events: a FeatureCollection (or, in sequence mode,
// one Feature per line, RFC 8142 style without record separators), longitude first, WGS84, no
// crs member, coordinates rounded to 7 decimals as GDAL's RFC7946=YES does. Written by hand
// rather than through GDAL because export of a million events must not be slower than
// ogr2ogr (bench/export_geojson_bench.cpp measures both): no DOM, one buffer, no allocation
// per property.
//
// Properties: id, date_start, date_end (ISO 8601: dates as YYYY-MM-DD, times in full with Z),
// then every column of store/event_fields.hpp; sources is a JSON array.
#pragma once

#include "model/event.hpp"

#include <cstdint>
#include <ostream>
#include <string>

namespace eventmap::exporter {

// ISO 8601 as exports write it: a date stays a date; a datetime gets seconds and a zone (Z
// when none was given): "2013-09-13T10:30" -> "2013-09-13T10:30:00Z".
std::string iso_8601(const std::string& value);
// The event's first and last moment in that form (date_end is enddate, or date without one).
std::string date_start(const model::Event& event);
std::string date_end(const model::Event& event);

class GeoJsonWriter {
  public:
    enum class Layout { feature_collection, sequence };

    // Writes to `out`, which must outlive the writer; `name` (a path or "stdout") names the
    // target in errors. Throws OutputError when a write fails.
    GeoJsonWriter(std::ostream& out, std::string name, Layout layout = Layout::feature_collection);
    GeoJsonWriter(const GeoJsonWriter&) = delete;
    GeoJsonWriter& operator=(const GeoJsonWriter&) = delete;

    void write(const model::Event& event);
    // Closes the collection and flushes. Must be called once, after the last write().
    void finish();
    std::uint64_t count() const noexcept { return count_; }

  private:
    void flush_buffer();
    std::ostream& out_;
    std::string name_;
    Layout layout_;
    std::string buffer_;
    std::uint64_t count_ = 0;
    bool started_ = false;
};

} // namespace eventmap::exporter
