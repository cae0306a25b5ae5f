#include "common/error.hpp"
#include "mapdata/map_source.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;
using eventmap::test::fixture;

namespace {

// The InputError a load throws, so its message and file can be checked.
InputError load_error(const std::string& path) {
    try {
        mapdata::load_events(path);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no error for " << path);
    return InputError("");
}

} // namespace

TEST_CASE("the project's GeoJSON export loads into columns", "[mapdata]") {
    const auto t = mapdata::load_events(fixture("mapdata/events.geojson"));
    REQUIRE(t.size() == 5);
    CHECK(t.skipped_rows == 0);
    // Damascus: 2013-08-21 is day 15938 since 1970.
    CHECK(t.lon[0] == Approx(36.2913));
    CHECK(t.lat[0] == Approx(33.5138));
    CHECK(t.day_start[0] == 15938);
    CHECK(t.day_end[0] == 15938);
    CHECK(t.precision[0] == mapdata::DatePrecision::day);
    CHECK(t.type_names[t.type[0]] == "ASSAULT");
    CHECK(t.quad[0] == mapdata::QuadClass::material_conflict);
    CHECK(t.sources[0] == 3);
    CHECK(t.planned[0] == 0);
    CHECK(t.planned[2] == 1); // the Geneva meeting is planned
    // A month-precision event covers its month.
    CHECK(t.precision[3] == mapdata::DatePrecision::month);
    CHECK(t.day_end[3] - t.day_start[3] == 29);
    CHECK(t.radius_km[3] == Approx(250));
    // Articles a1..a6 behind the events.
    CHECK(t.article_count == 6);
    const auto range = t.day_range();
    CHECK(range.first == 15938);
    CHECK(range.last == t.day_end[3]);
    CHECK(t.type_counts()[t.type[0]] == 2);
    CHECK(t.quad_counts()[4] == 2);
}

TEST_CASE("a foreign CSV with a differently named date field loads", "[mapdata]") {
    const auto t = mapdata::load_events(fixture("mapdata/foreign.csv"));
    REQUIRE(t.size() == 3); // the row with "not a date" is skipped
    CHECK(t.skipped_rows == 1);
    CHECK(t.lon[0] == Approx(2.35));
    CHECK(t.type_names[t.type[0]] == "rally");
    CHECK(t.precision[2] == mapdata::DatePrecision::month);
}

TEST_CASE("a CSV with two longitude or latitude columns takes the full names", "[mapdata]") {
    // GDAL 3.6's CSV driver crashed on such a header (found by mapdata_source_fuzz).
    const auto dir = test::scratch_dir("mapdata_two_point_columns");
    test::write_file(dir + "/a.csv", "id,lon,longitude,lat,latitude,date\n"
                                     "e1,1.5,36.3,2.5,33.5,2020-01-02\n");
    const auto t = mapdata::load_events(dir + "/a.csv");
    REQUIRE(t.size() == 1);
    CHECK(t.lon[0] == Approx(36.3));
    CHECK(t.lat[0] == Approx(33.5));
    // Only the short names: those are taken.
    test::write_file(dir + "/b.csv", "id,lon,lat,date\ne1,36.3,33.5,2020-01-02\n");
    const auto b = mapdata::load_events(dir + "/b.csv");
    REQUIRE(b.size() == 1);
    CHECK(b.lon[0] == Approx(36.3));
}

TEST_CASE("bad sources give clear errors naming the file", "[mapdata]") {
    struct Case {
        const char* file;
        const char* says;
    };
    const Case cases[] = {
        {"mapdata/no_date.geojson", "no date field"},
        {"mapdata/lines.geojson", "not points"},
        {"mapdata/mixed.geojson", "mixed geometries"},
        {"mapdata/empty.geojson", "is empty: no events to draw"},
        {"mapdata/no_points.geojson", "no points"},
        {"mapdata/corrupt.geojson", "cannot open"},
        {"mapdata/no_geometry.csv", "no geometry"},
        {"mapdata/does_not_exist.gpkg", "cannot open"},
    };
    for (const auto& c : cases) {
        INFO(c.file);
        const auto e = load_error(fixture(c.file));
        CHECK_THAT(e.what(), Catch::Contains(c.says));
        CHECK(e.file() == fixture(c.file));
        CHECK(e.code() == ExitCode::input_error);
    }
    // The row at fault is named for mixed geometries.
    CHECK(load_error(fixture("mapdata/mixed.geojson")).line() == 2);
}

TEST_CASE("dates parse at day, month and year precision", "[mapdata]") {
    const auto day = mapdata::parse_date("2013-09-13T10:00:00Z");
    REQUIRE(day);
    CHECK(day->precision == mapdata::DatePrecision::day);
    CHECK(day->days.first == day->days.last);
    const auto month = mapdata::parse_date("2024-02");
    REQUIRE(month);
    CHECK(month->days.last - month->days.first == 28); // leap February
    const auto year = mapdata::parse_date("2013");
    REQUIRE(year);
    CHECK(year->days.last - year->days.first == 364);
    CHECK_FALSE(mapdata::parse_date("2013-13"));
    CHECK_FALSE(mapdata::parse_date("2013-02-30"));
    CHECK_FALSE(mapdata::parse_date("yesterday"));
}

TEST_CASE("a Pacific event set is centred on the antimeridian", "[mapdata]") {
    const auto t = mapdata::load_events(fixture("mapdata/pacific.geojson"));
    const double centre = mapdata::central_longitude(t);
    CHECK(std::abs(std::abs(centre) - 180) < 5);
    const auto box = mapdata::event_bounds(t);
    CHECK(box.west > box.east); // crosses 180
    CHECK(box.west == Approx(178.44));
    CHECK(box.east == Approx(-171.77));
    // A Europe/Middle East set is not.
    const auto e = mapdata::load_events(fixture("mapdata/events.geojson"));
    const auto ebox = mapdata::event_bounds(e);
    CHECK(ebox.west < ebox.east);
    CHECK(ebox.west == Approx(-77.0365));
}

TEST_CASE("details of one event come back by feature id", "[mapdata]") {
    const auto t = mapdata::load_events(fixture("mapdata/events.geojson"));
    const auto details = mapdata::load_details(t, t.fid[2]);
    bool found = false;
    for (const auto& [name, value] : details) {
        found |= name == "id" && value == "e3";
    }
    CHECK(found);
}

TEST_CASE("the bounds of a large set hold every event, whatever the row order", "[mapdata]") {
    // 400,000 rows cycling through four places: the centre's sample takes every second row,
    // so it sees only two of them; the box must still hold all four.
    mapdata::EventTable t;
    const double places[4][2] = {{36.3, 33.5}, {30.5, 50.4}, {-77.0, 38.9}, {100.5, 13.7}};
    for (std::size_t i = 0; i < 400000; ++i) {
        t.lon.push_back(places[i % 4][0]);
        t.lat.push_back(places[i % 4][1]);
    }
    const auto box = mapdata::event_bounds(t);
    CHECK(box.west == Approx(-77.0));
    CHECK(box.east == Approx(100.5));
    CHECK(box.south == Approx(13.7));
    CHECK(box.north == Approx(50.4));
}
