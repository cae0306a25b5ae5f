// The streaming GeoJSON writer: RFC 7946 shape, lon/lat order, ISO 8601 times, escaping, and
// that GDAL reads what it writes.
#include "common/error.hpp"
#include "export/export.hpp"
#include "export/geojson_writer.hpp"
#include "store/store_test_support.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

using namespace eventmap;

namespace {

// The RFC 7946 rules our output can break: member types, no "crs" (section 4), positions of
// two numbers longitude first within WGS84 bounds (3.1.1, 4), ids string or number (3.2),
// properties an object or null (3.2).
void check_rfc7946(const nlohmann::json& doc) {
    REQUIRE(doc.is_object());
    CHECK(doc["type"] == "FeatureCollection");
    CHECK_FALSE(doc.contains("crs"));
    REQUIRE(doc["features"].is_array());
    for (const auto& f : doc["features"]) {
        CHECK(f["type"] == "Feature");
        CHECK_FALSE(f.contains("crs"));
        CHECK((f["id"].is_string() || f["id"].is_number()));
        CHECK((f["properties"].is_object() || f["properties"].is_null()));
        REQUIRE(f.contains("geometry"));
        if (f["geometry"].is_null()) {
            continue;
        }
        CHECK(f["geometry"]["type"] == "Point");
        const auto& position = f["geometry"]["coordinates"];
        REQUIRE(position.is_array());
        REQUIRE(position.size() == 2);
        CHECK(position[0].is_number());
        CHECK(position[1].is_number());
        CHECK(position[0].get<double>() >= -180.0);
        CHECK(position[0].get<double>() <= 180.0);
        CHECK(position[1].get<double>() >= -90.0);
        CHECK(position[1].get<double>() <= 90.0);
    }
}

} // namespace

TEST_CASE("iso_8601 times get seconds and a zone, dates stay dates", "[export]") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"2013-09-13", "2013-09-13"},
        {"2013-09", "2013-09"},
        {"", ""},
        {"2013-09-13T10", "2013-09-13T10:00:00Z"},
        {"2013-09-13T10:30", "2013-09-13T10:30:00Z"},
        {"2013-09-13T10:30:05", "2013-09-13T10:30:05Z"},
        {"2013-09-13T10:30:05Z", "2013-09-13T10:30:05Z"},
        {"2013-09-13T10:30+02:00", "2013-09-13T10:30:00+02:00"},
        {"2013-09-13T10:30:05.250Z", "2013-09-13T10:30:05.250Z"},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(exporter::iso_8601(c.in) == c.out);
    }
    model::Event e;
    test::set_dates(e, "2013-09-01", "");
    CHECK(exporter::date_end(e) == "2013-09-01"); // no enddate: the date itself
    test::set_dates(e, "2013-09-01", "2013-09-30", "month");
    CHECK(exporter::date_end(e) == "2013-09-30");
}

TEST_CASE("write_geojson makes an RFC 7946 FeatureCollection", "[export]") {
    auto located = test::sample_event("a1", 1, 36.2012345678, 37.1611111111);
    test::set_dates(located, "2013-09-13T10:30", "");
    located.event_text = "Quote \" backslash \\ newline \n tab \t bell \x07 done";
    auto unlocated = test::sample_event("a1", 2, 0, 0);
    unlocated.event_loc = {};
    std::ostringstream out;
    exporter::write_geojson({located, unlocated}, out);

    const auto doc = nlohmann::json::parse(out.str());
    check_rfc7946(doc);
    CHECK(doc["type"] == "FeatureCollection");
    CHECK_FALSE(doc.contains("crs"));
    REQUIRE(doc["features"].size() == 2);
    const auto& f = doc["features"][0];
    CHECK(f["type"] == "Feature");
    CHECK(f["id"] == "a1-e1");
    CHECK(f["geometry"]["type"] == "Point");
    // Longitude first, rounded to 7 decimals.
    CHECK(f["geometry"]["coordinates"][0].get<double>() == Approx(37.1611111).margin(1e-12));
    CHECK(f["geometry"]["coordinates"][1].get<double>() == Approx(36.2012346).margin(1e-12));
    const auto& p = f["properties"];
    CHECK(p["date_start"] == "2013-09-13T10:30:00Z");
    CHECK(p["date_end"] == "2013-09-13T10:30:00Z");
    CHECK(p["date"] == "2013-09-13T10:30:00Z");
    CHECK(p["enddate"] == "2013-09-13");
    CHECK(p["event"] == "ASSAULT");
    CHECK(p["quad_code"] == 4);
    CHECK(p["actor"] == "Syrian army; militia");
    CHECK(p["planned"] == true);
    CHECK(p["radius_km"].get<double>() == 12.5);
    CHECK(p["geonameid"] == 170063);
    CHECK(p["event_text"] == located.event_text);
    REQUIRE(p["sources"].is_array());
    CHECK(p["sources"][0]["start"] == 10);
    CHECK(doc["features"][1]["geometry"].is_null());
    CHECK(doc["features"][1]["properties"]["date_start"] == "2013-09-03");

    std::ostringstream empty;
    exporter::write_geojson({}, empty);
    CHECK(nlohmann::json::parse(empty.str())["features"].empty());
    check_rfc7946(nlohmann::json::parse(empty.str()));

    // Extremes stay in range and in order: the antimeridian, the poles.
    std::ostringstream extremes;
    exporter::write_geojson(
        {test::sample_event("p", 1, 90, 180), test::sample_event("p", 2, -90, -180)}, extremes);
    const auto edge = nlohmann::json::parse(extremes.str());
    check_rfc7946(edge);
    CHECK(edge["features"][0]["geometry"]["coordinates"] == nlohmann::json::array({180, 90}));
}

TEST_CASE("write_geojson output opens in GDAL with lon/lat order", "[export]") {
    const std::string dir = test::scratch_dir("export_write_geojson");
    const std::string path = dir + "/events.geojson";
    exporter::write_geojson(
        {test::sample_event("a1", 1, 36.2, 37.1), test::sample_event("a1", 2, -33.9, 18.4)}, path);
    GDALAllRegister();
    const char* const drivers[] = {"GeoJSON", nullptr};
    GDALDataset* ds = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, drivers, nullptr, nullptr);
    REQUIRE(ds != nullptr);
    OGRLayer* layer = ds->GetLayer(0);
    CHECK(layer->GetFeatureCount() == 2);
    OGRFeature* f = layer->GetNextFeature();
    REQUIRE(f != nullptr);
    const OGRPoint* point = f->GetGeometryRef()->toPoint();
    CHECK(point->getX() == Approx(37.1)); // x is longitude
    CHECK(point->getY() == Approx(36.2));
    // GDAL recognises date_start as a date (what QGIS's temporal controller needs).
    const int start = f->GetFieldIndex("date_start");
    REQUIRE(start >= 0);
    CHECK(f->GetFieldDefnRef(start)->GetType() == OFTDate);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, zone = 0;
    float second = 0;
    REQUIRE(f->GetFieldAsDateTime(start, &year, &month, &day, &hour, &minute, &second, &zone));
    CHECK(year == 2013);
    CHECK(month == 9);
    CHECK(day == 2);
    OGRFeature::DestroyFeature(f);
    GDALClose(ds);
}

TEST_CASE("write_geojson replaces invalid UTF-8", "[export]") {
    auto e = test::sample_event("a1", 1, 1, 2);
    e.trigger = std::string("bad \xff\xfe byte");
    std::ostringstream out;
    exporter::write_geojson({e}, out);
    const auto doc = nlohmann::json::parse(out.str()); // throws on invalid UTF-8
    CHECK(doc["features"][0]["properties"]["trigger"] == "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
}

TEST_CASE("write_geojson to a path is atomic", "[export]") {
    const std::string dir = test::scratch_dir("export_atomic_path");
    CHECK_THROWS_AS(exporter::write_geojson({}, dir + "/missing/x.geojson"), OutputError);
    CHECK_THROWS_AS(exporter::write_geojson({}, dir), OutputError);
    exporter::write_geojson({test::sample_event("a", 1, 1, 1)}, dir + "/x.geojson");
    std::size_t entries = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        CHECK(entry.path().filename() == "x.geojson");
        ++entries;
    }
    CHECK(entries == 1);
}
