// Shared by the direct-reader tests (CSV, GeoJSON): OGR's path as the reference, and the
// column-for-column comparison a direct reader must pass against it.
#pragma once

#include "mapdata/map_source.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace eventmap::test {

// The table OGR's path gives, the reference a direct reader must match.
inline mapdata::EventTable load_through_ogr(const std::string& path) {
    mapdata::LoadOptions options;
    options.through_ogr = true;
    return mapdata::load_events(path, options);
}

// Every column but the layer name (the CSV test compares that too; GeoJSON's paths may name it
// differently). Type names are compared per row: the two paths may number the types
// differently.
inline void require_same_columns(const mapdata::EventTable& a, const mapdata::EventTable& b) {
    REQUIRE(a.size() == b.size());
    CHECK(a.skipped_rows == b.skipped_rows);
    CHECK(a.article_count == b.article_count);
    CHECK(a.data_source == b.data_source);
    CHECK(a.fid == b.fid);
    CHECK(a.lon == b.lon);
    CHECK(a.lat == b.lat);
    CHECK(a.day_start == b.day_start);
    CHECK(a.day_end == b.day_end);
    CHECK(a.precision == b.precision);
    CHECK(a.quad == b.quad);
    CHECK(a.sources == b.sources);
    CHECK(a.planned == b.planned);
    CHECK(a.confidence == b.confidence);
    CHECK(a.radius_km == b.radius_km);
    for (std::size_t i = 0; i < a.size(); ++i) {
        REQUIRE(a.type_names[a.type[i]] == b.type_names[b.type[i]]);
    }
}

// Writes an invented fixture file into a test's scratch folder and returns its path.
inline std::string write_fixture_file(const std::string& dir, const std::string& name,
                                      const std::string& text) {
    const std::string path = dir + "/" + name;
    write_file(path, text);
    return path;
}

} // namespace eventmap::test
