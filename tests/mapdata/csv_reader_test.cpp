// The direct CSV reader against OGR's path: the same file must give the same table, column
// for column, whatever the number of parts it is split into; what it cannot match it refuses.
#include "common/error.hpp"
#include "mapdata/csv_reader.hpp"
#include "mapdata/map_source.hpp"
#include "mapdata/mapdata_support.hpp"

#include <catch2/catch.hpp>
#include <cstdio>

using namespace eventmap;

namespace {

// The CSV paths must agree on the layer name as well as on every other column.
void require_same_with_layer(const mapdata::EventTable& a, const mapdata::EventTable& b) {
    test::require_same_columns(a, b);
    CHECK(a.layer == b.layer);
}

// An invented file in the CSV export's shape, with what the rules and the splitting care
// about: quoted fields holding commas and doubled quotes, the sources as quoted JSON, month
// dates, end dates, planned, area radii, an empty confidence, an empty coordinate, an
// unreadable date, an untyped event, spaces around a number, blank lines and CRLF line ends.
std::string write_export(const std::string& dir, int rows) {
    std::string text = "event_id,Date_Start,date_end,date_precision,event,quad_code,planned,"
                       "confidence,radius_km,place,sources,Longitude,latitude\n";
    const char* types[] = {"PROTEST", "CONSULT", "AID"};
    for (int i = 0; i < rows; ++i) {
        char line[700];
        const bool no_point = i % 97 == 5;
        std::snprintf(line, sizeof line,
                      "ev%d,%s,2021-03-%02d,%s,%s,%d,%d,%s,%s,\"Town %d, \"\"Old\"\" quarter\","
                      "\"[{\"\"article_id\"\": \"\"art%d\"\", \"\"sentence\"\": \"\"x, y\"\"}, "
                      "{\"\"article_id\"\": \"\"art%d\"\"}]\",%s,%s%s",
                      i, i % 89 == 7 ? "someday" : (i % 5 == 0 ? "2021-03" : "2021-03-02"),
                      3 + i % 20, i % 5 == 0 ? "month" : "day", i % 11 == 0 ? "" : types[i % 3],
                      i % 5, i % 7 == 0, i % 17 == 0 ? "" : (i % 2 == 0 ? "0.5" : "0.75"),
                      i % 13 == 0 ? "120.5" : "0", i, i / 2, i / 3,
                      no_point ? "" : (i % 9 == 0 ? " 12.5 " : "-3.25e1"),
                      std::to_string(-60.0 + (i % 120) * 0.5).c_str(), i % 4 == 0 ? "\r\n" : "\n");
        text += line;
        if (i % 301 == 0) {
            text += "\n"; // a blank line: no feature, and no feature id used
        }
    }
    return test::write_fixture_file(dir, "events.csv", text);
}

} // namespace

TEST_CASE("the direct CSV reader reads an export as OGR does, in any number of parts",
          "[mapdata][csv]") {
    const std::string dir = test::scratch_dir("csv_reader_export");
    const std::string path = write_export(dir, 1500);
    const auto ogr = test::load_through_ogr(path);
    REQUIRE(ogr.size() > 1400);
    REQUIRE(ogr.skipped_rows > 10);
    REQUIRE(ogr.type_names.size() == 4); // three types and "(none)"
    for (const unsigned parts : {1U, 2U, 3U, 7U}) {
        INFO("parts " << parts);
        const auto direct = mapdata::read_csv_directly(path, parts);
        REQUIRE(direct.has_value());
        require_same_with_layer(*direct, ogr);
    }
    // load_events takes it by default.
    require_same_with_layer(mapdata::load_events(path), ogr);
}

TEST_CASE("the direct CSV reader reads the foreign fixture as OGR does", "[mapdata][csv]") {
    const std::string path = test::fixture("mapdata/foreign.csv");
    const auto direct = mapdata::read_csv_directly(path);
    REQUIRE(direct.has_value());
    require_same_with_layer(*direct, test::load_through_ogr(path));
}

TEST_CASE("the direct CSV reader leaves to OGR what it cannot match", "[mapdata][csv]") {
    const std::string dir = test::scratch_dir("csv_reader_refuses");
    const std::string rows = "1.5,2.5,2021-03-02,rally\n";
    const std::vector<std::pair<std::string, std::string>> files = {
        {"semicolon", "lon;lat;date;event\n1.5;2.5;2021-03-02;rally\n"},
        {"quoted_break", "lon,lat,date,event\n1.5,2.5,2021-03-02,\"two\nlines\"\n"},
        {"short_row", "lon,lat,date,event\n" + rows + "1.5,2.5\n"},
        {"not_a_number", "lon,lat,date,event\n" + rows + "abc,2.5,2021-03-02,rally\n"},
        {"two_x", "x,longitude,lat,date\n1,1.5,2.5,2021-03-02\n"},
        {"wkt", "lon,lat,date,WKT\n1.5,2.5,2021-03-02,POINT (1 2)\n"},
        {"no_date", "lon,lat,when_seen,event\n" + rows},
        {"bom", "\xEF\xBB\xBFlon,lat,date,event\n" + rows},
        {"unnamed", "lon,lat,date,\n" + rows},
        {"no_lon", "a,lat,date,event\n" + rows},
    };
    for (const auto& [name, text] : files) {
        INFO(name);
        test::write_file(dir + "/" + name + ".csv", text);
        CHECK_FALSE(mapdata::read_csv_directly(dir + "/" + name + ".csv"));
    }
    // A .csvt file types the columns for OGR.
    test::write_file(dir + "/typed.csv", "lon,lat,date,event\n" + rows);
    REQUIRE(mapdata::read_csv_directly(dir + "/typed.csv"));
    test::write_file(dir + "/typed.csvt", "Real,Real,Date,String\n");
    CHECK_FALSE(mapdata::read_csv_directly(dir + "/typed.csv"));
    // What OGR reads, it still reads for load_events, the same as before.
    for (const char* name : {"quoted_break", "not_a_number", "bom", "typed"}) {
        INFO(name);
        const auto table = mapdata::load_events(dir + "/" + name + ".csv");
        CHECK(table.size() >= 1);
    }
}

TEST_CASE("a CSV header that repeats a column is refused on both paths", "[mapdata][csv]") {
    // A fuzz finding: GDAL's CSV driver crashed reading a file whose longitude column appears
    // twice; load_events now refuses any repeated name (any case) before OGR opens the file.
    const std::string dir = test::scratch_dir("csv_reader_repeated");
    const std::string path = dir + "/twice.csv";
    test::write_file(path, "id,longitude,latitude,Longitude,date\na,1.5,2.5,3.5,2021-03-02\n");
    CHECK(mapdata::repeated_csv_column(path) == std::optional<std::string>("Longitude"));
    for (const bool through_ogr : {false, true}) {
        mapdata::LoadOptions options;
        options.through_ogr = through_ogr;
        try {
            mapdata::load_events(path, options);
            FAIL("no error");
        } catch (const eventmap::InputError& e) {
            CHECK(e.file() == path);
            CHECK_THAT(e.what(), Catch::Contains("twice"));
        }
    }
    test::write_file(dir + "/once.csv", "id,\"lon,gitude\",lat,date\na,\"1.5\",2.5,2021-03-02\n");
    CHECK_FALSE(mapdata::repeated_csv_column(dir + "/once.csv"));
}
