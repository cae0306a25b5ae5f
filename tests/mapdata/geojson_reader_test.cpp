// The direct GeoJSON reader against OGR's path: the same file must give the same table,
// column for column, whatever the number of parts a sequence is split into.
#include "mapdata/geojson_reader.hpp"
#include "mapdata/map_source.hpp"
#include "mapdata/mapdata_support.hpp"

#include <catch2/catch.hpp>
#include <cstdio>

using namespace eventmap;

namespace {

// An invented sequence in the export's shape, with the cases the rules care about: month
// dates, an end date, planned, area radii, a null geometry, an unreadable date, sources as a
// JSON array of objects, an untyped event.
std::string write_sequence(const std::string& dir, int rows) {
    std::string text;
    const char* types[] = {"PROTEST", "CONSULT", "AID"};
    for (int i = 0; i < rows; ++i) {
        char line[640];
        const bool no_point = i % 97 == 5;
        const bool bad_date = i % 89 == 7;
        std::snprintf(
            line, sizeof line,
            "{\"type\":\"Feature\",\"id\":\"ev%d\",\"geometry\":%s,\"properties\":{\"id\":"
            "\"ev%d\",\"date_start\":\"%s\",\"date_end\":\"2021-03-%02d\",\"event\":%s,"
            "\"quad_code\":%d,\"planned\":%s,\"radius_km\":%s,\"confidence\":%.2f,"
            "\"sources\":[{\"article_id\":\"art%d\",\"sentence\":\"x\"},{\"article_id\":"
            "\"art%d\"}],\"note\":{\"nested\":[1,2]}}}\n",
            i, no_point ? "null" : "{\"type\":\"Point\",\"coordinates\":[LON,LAT]}", i,
            bad_date ? "someday" : (i % 5 == 0 ? "2021-03" : "2021-03-02"), 3 + i % 20,
            i % 11 == 0 ? "null" : (std::string("\"") + types[i % 3] + "\"").c_str(), i % 5,
            i % 7 == 0 ? "true" : "false", i % 13 == 0 ? "120.5" : "0", 0.5 + (i % 5) * 0.1, i / 2,
            i / 3);
        std::string s = line;
        const auto at = s.find("LON,LAT");
        if (at != std::string::npos) {
            char xy[64];
            std::snprintf(xy, sizeof xy, "%.5f,%.5f", -170.0 + (i * 7 % 340), -60.0 + (i % 120));
            s.replace(at, 7, xy);
        }
        text += s;
    }
    return test::write_fixture_file(dir, "events.geojsonl", text);
}

} // namespace

TEST_CASE("the direct reader reads the GeoJSON fixture as OGR does", "[mapdata]") {
    const std::string path = test::fixture("mapdata/events.geojson");
    const auto direct = mapdata::read_geojson_directly(path);
    REQUIRE(direct.has_value());
    test::require_same_columns(*direct, test::load_through_ogr(path));
    // load_events takes it by default.
    test::require_same_columns(mapdata::load_events(path), *direct);
}

TEST_CASE("a GeoJSON sequence reads the same in one part or several", "[mapdata]") {
    const std::string dir = test::scratch_dir("geojson_reader_sequence");
    const std::string path = write_sequence(dir, 1500);
    const auto ogr = test::load_through_ogr(path);
    REQUIRE(ogr.size() > 1300);
    REQUIRE(ogr.skipped_rows > 10);
    for (const unsigned parts : {1U, 2U, 3U, 7U}) {
        INFO("parts " << parts);
        const auto direct = mapdata::read_geojson_directly(path, parts);
        REQUIRE(direct.has_value());
        test::require_same_columns(*direct, ogr);
    }
}

TEST_CASE("fields found only in later rows choose the columns, as in OGR's layer", "[mapdata]") {
    const std::string dir = test::scratch_dir("geojson_reader_late_fields");
    // The first rows have only "when"; later ones "date", which load_events prefers.
    std::string text;
    for (int i = 0; i < 40; ++i) {
        text += "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[10,20]},"
                "\"properties\":{\"when\":\"2020-01-0" +
                std::to_string(1 + i % 9) + "\"" +
                (i >= 30 ? ",\"date\":\"2020-02-1" + std::to_string(i % 10) + "\"" : "") + "}}\n";
    }
    const std::string path = test::write_fixture_file(dir, "late.geojsonl", text);
    const auto ogr = test::load_through_ogr(path);
    for (const unsigned parts : {1U, 3U}) {
        const auto direct = mapdata::read_geojson_directly(path, parts);
        REQUIRE(direct.has_value());
        test::require_same_columns(*direct, ogr);
    }
}

TEST_CASE("the direct reader leaves to OGR what it cannot match", "[mapdata]") {
    // Lines, mixed geometries, malformed JSON, no date: OGR's path answers (and words errors).
    for (const char* name : {"lines.geojson", "mixed.geojson", "corrupt.geojson", "no_date.geojson",
                             "empty.geojson", "no_points.geojson"}) {
        INFO(name);
        CHECK_FALSE(mapdata::read_geojson_directly(test::fixture(std::string("mapdata/") + name)));
    }
    const std::string dir = test::scratch_dir("geojson_reader_refuses");
    // A numeric feature id becomes OGR's feature id; TopoJSON is not GeoJSON.
    test::write_file(dir + "/numeric.geojsonl",
                     "{\"type\":\"Feature\",\"id\":7,\"geometry\":{\"type\":\"Point\","
                     "\"coordinates\":[1,2]},\"properties\":{\"date\":\"2020-01-01\"}}\n");
    CHECK_FALSE(mapdata::read_geojson_directly(dir + "/numeric.geojsonl"));
    test::write_file(dir + "/topo.json", "{\"type\":\"Topology\",\"objects\":{},\"arcs\":[]}");
    CHECK_FALSE(mapdata::read_geojson_directly(dir + "/topo.json"));
    CHECK_FALSE(mapdata::read_geojson_directly(test::fixture("mapdata/foreign.csv")));
    // A top-level array (a fuzz finding: the reader looked at the top of an empty stack).
    test::write_file(dir + "/array.geojson",
                     "[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                     "\"coordinates\":[1,2]},\"properties\":{\"date\":\"2020-01-01\"}}]");
    CHECK_FALSE(mapdata::read_geojson_directly(dir + "/array.geojson"));
}

TEST_CASE("details of a directly read event come back through OGR", "[mapdata]") {
    const auto table = mapdata::load_events(test::fixture("mapdata/events.geojson"));
    const auto details = mapdata::load_details(table, table.fid[0]);
    REQUIRE_FALSE(details.empty());
}
