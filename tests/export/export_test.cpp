// export_events and `eventmap export`: every format from a GeoPackage store (and the GeoJSON
// path from PostGIS), read back with GDAL; filters; bad options, read-only targets and a full
// disk give clear errors and leave nothing half-written.
#include "common/error.hpp"
#include "export/export.hpp"
#include "store/store_test_support.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace eventmap;
namespace fs = std::filesystem;

namespace {

// Three articles: five located events over Aug-Sep 2013, one unlocated (6 in all).
void fill_store(const std::string& target) {
    store::EventStore s(target, store::OpenMode::create);
    s.begin();
    auto month = test::sample_event("x1", 1, 36.2, 37.1);
    test::set_dates(month, "2013-08-01", "2013-08-31", "month");
    auto timed = test::sample_event("x1", 2, 33.5, 36.3, "PROTEST");
    test::set_dates(timed, "2013-09-13T22:15:00Z", "");
    s.add_article(test::sample_article("x1"), {month, timed}, {test::sample_mention(1)});
    s.add_article(test::sample_article("x2"),
                  {test::sample_event("x2", 3, 48.85, 2.35, "CONSULT"),
                   test::sample_event("x2", 4, -33.9, 18.4)},
                  {});
    auto unlocated = test::sample_event("x3", 5, 0, 0);
    unlocated.event_loc = {};
    s.add_article(test::sample_article("x3"), {test::sample_event("x3", 6, 51.5, -0.12), unlocated},
                  {});
    s.commit();
}

struct Layer {
    std::uint64_t count = 0;
    double first_x = 0, first_y = 0;
    std::vector<std::string> fields;
    int epsg = 0;
};

Layer read_with_gdal(const std::string& path, const char* driver,
                     const std::vector<std::string>& open_options = {}) {
    GDALAllRegister();
    const char* const drivers[] = {driver, nullptr};
    std::vector<const char*> options;
    for (const auto& o : open_options) {
        options.push_back(o.c_str());
    }
    options.push_back(nullptr);
    GDALDataset* ds =
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, drivers, options.data(), nullptr);
    INFO(path << " with " << driver);
    REQUIRE(ds != nullptr);
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer != nullptr);
    Layer out;
    for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i) {
        out.fields.emplace_back(layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
    }
    if (const OGRSpatialReference* srs = layer->GetSpatialRef(); srs != nullptr) {
        const char* code = srs->GetAuthorityCode(nullptr);
        out.epsg = code != nullptr ? std::atoi(code) : 0;
    }
    while (OGRFeature* f = layer->GetNextFeature()) {
        if (out.count == 0 && f->GetGeometryRef() != nullptr) {
            out.first_x = f->GetGeometryRef()->toPoint()->getX();
            out.first_y = f->GetGeometryRef()->toPoint()->getY();
        }
        ++out.count;
        OGRFeature::DestroyFeature(f);
    }
    GDALClose(ds);
    return out;
}

bool has(const std::vector<std::string>& fields, const std::string& name) {
    return std::find(fields.begin(), fields.end(), name) != fields.end();
}

std::uint64_t export_count(store::EventStore& s, const std::string& out, store::EventQuery q) {
    exporter::ExportOptions options;
    options.output = out;
    options.query = std::move(q);
    return exporter::export_events(s, options).events;
}

std::vector<std::string> directory_entries(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

void check_all_formats(const std::string& target, const std::string& dir) {
    fill_store(target);
    store::EventStore s(target, store::OpenMode::read);

    // GeoJSON: RFC 7946 by our writer, read by GDAL.
    CHECK(export_count(s, dir + "/e.geojson", {}) == 6);
    const std::string text = test::read_file(dir + "/e.geojson");
    CHECK(text.find("\"crs\"") == std::string::npos);
    const auto doc = nlohmann::json::parse(text);
    CHECK(doc["features"][0]["geometry"]["coordinates"][0] == 37.1); // lon first
    CHECK(doc["features"][0]["properties"]["date_start"] == "2013-08-01");
    CHECK(doc["features"][0]["properties"]["date_end"] == "2013-08-31");
    CHECK(doc["features"][1]["properties"]["date_start"] == "2013-09-13T22:15:00Z");
    auto geojson = read_with_gdal(dir + "/e.geojson", "GeoJSON");
    CHECK(geojson.count == 6);
    CHECK(geojson.first_x == Approx(37.1));
    CHECK(geojson.first_y == Approx(36.2));

    // GeoJSONSeq: one Feature per line.
    CHECK(export_count(s, dir + "/e.geojsonl", {}) == 6);
    std::istringstream lines(test::read_file(dir + "/e.geojsonl"));
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
        CHECK(nlohmann::json::parse(line)["type"] == "Feature");
        ++n;
    }
    CHECK(n == 6);
    CHECK(read_with_gdal(dir + "/e.geojsonl", "GeoJSONSeq").count == 6);

    // CSV with longitude/latitude columns, as QGIS's delimited-text detection wants.
    CHECK(export_count(s, dir + "/e.csv", {}) == 6);
    const std::string csv = test::read_file(dir + "/e.csv");
    const std::string header = csv.substr(0, csv.find('\n'));
    CHECK(header.rfind("id,date_start,date_end,longitude,latitude,", 0) == 0);
    CHECK(csv.find('\r') == std::string::npos);
    auto csv_layer = read_with_gdal(dir + "/e.csv", "CSV",
                                    {"X_POSSIBLE_NAMES=longitude", "Y_POSSIBLE_NAMES=latitude"});
    CHECK(csv_layer.count == 6);
    CHECK(csv_layer.first_x == Approx(37.1));
    CHECK(csv_layer.first_y == Approx(36.2));

    // KML: TimeStamp for a day or instant, TimeSpan for a range (Google Earth's slider).
    CHECK(export_count(s, dir + "/e.kml", {}) == 6);
    const std::string kml = test::read_file(dir + "/e.kml");
    CHECK(kml.find("<TimeSpan>") != std::string::npos);
    CHECK(kml.find("<begin>2013-08-01</begin>") != std::string::npos);
    CHECK(kml.find("<end>2013-08-31</end>") != std::string::npos);
    CHECK(kml.find("<when>2013-09-13T22:15:00Z</when>") != std::string::npos);
    CHECK(kml.find("<when>2013-09-04</when>") != std::string::npos);
    CHECK(kml.find("<name>ASSAULT in Aleppo</name>") != std::string::npos);
    CHECK(kml.find("37.1,36.2") != std::string::npos); // KML is lon,lat too
    CHECK(read_with_gdal(dir + "/e.kml", "LIBKML").count == 6);

    // FlatGeobuf (located events only) and GeoPackage.
    CHECK(export_count(s, dir + "/e.fgb", {}) == 5);
    auto fgb = read_with_gdal(dir + "/e.fgb", "FlatGeobuf");
    CHECK(fgb.count == 5);
    CHECK(fgb.epsg == 4326);
    CHECK(has(fgb.fields, "date_start"));
    CHECK(export_count(s, dir + "/e.gpkg", {}) == 6);
    auto gpkg = read_with_gdal(dir + "/e.gpkg", "GPKG");
    CHECK(gpkg.count == 6);
    CHECK(gpkg.epsg == 4326);
    CHECK(gpkg.first_x == Approx(37.1));
    CHECK(has(gpkg.fields, "sources"));

    // Filters reach every format the same way.
    CHECK(export_count(s, dir + "/f.geojson", {"2013-09-01", "", std::nullopt, ""}) == 5);
    CHECK(export_count(s, dir + "/f.csv", {"", "2013-08-31", std::nullopt, ""}) == 1);
    CHECK(export_count(s, dir + "/f.fgb", {"", "", exporter::parse_bbox("0,30,40,50"), ""}) == 3);
    CHECK(read_with_gdal(dir + "/f.fgb", "FlatGeobuf").count == 3);
    CHECK(export_count(s, dir + "/f.kml", {"", "", std::nullopt, "PROTEST"}) == 1);
    CHECK(export_count(s, dir + "/f.gpkg", {"2014", "", std::nullopt, ""}) == 0);
    CHECK(read_with_gdal(dir + "/f.gpkg", "GPKG").count == 0);

    // Nothing but the outputs in the directory: no temp files.
    for (const auto& name : directory_entries(dir)) {
        CHECK(name.find(".tmp-") == std::string::npos);
    }
}

} // namespace

TEST_CASE("export every format gpkg", "[export][gpkg]") {
    const std::string dir = test::scratch_dir("export_formats_gpkg");
    check_all_formats(dir + "/store.gpkg", dir);
}

TEST_CASE("export every format postgis", "[export][postgis]") {
    if (auto backend = test::make_backend("postgis", "export_formats")) {
        check_all_formats(backend->target, backend->dir);
    }
}

TEST_CASE("export options are checked", "[export]") {
    CHECK(exporter::format_from_path("a/b.GeoJSON") == exporter::Format::geojson);
    CHECK(exporter::format_from_path("x.geojsonl") == exporter::Format::geojsonl);
    CHECK_FALSE(exporter::format_from_path("x.shp"));
    const auto box = exporter::parse_bbox("-10.5,20,30,40.25");
    CHECK(box.west == -10.5);
    CHECK(box.north == 40.25);
    for (const char* bad : {"1,2,3", "1,2,3,4,", "a,2,3,4", "1,2,3,4,5", "-200,0,10,10",
                            "0,50,10,40", "20,0,10,10", ""}) {
        INFO(bad);
        CHECK_THROWS_AS(exporter::parse_bbox(bad), InputError);
    }
}

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

TEST_CASE("eventmap export writes and filters", "[export][cli]") {
    const std::string dir = test::scratch_dir("export_cli");
    fill_store(dir + "/store.gpkg");
    auto r =
        test::run_eventmap("export --db '" + dir + "/store.gpkg' -o '" + dir +
                           "/out.geojson' --from 2013-09-01 --to 2013-09-30 --bbox 0,-40,40,50 "
                           "--type ASSAULT");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    const auto doc = nlohmann::json::parse(test::read_file(dir + "/out.geojson"));
    CHECK(doc["features"].size() == 1); // x2-e4 at 18.4,-33.9 on 2013-09-05
    CHECK(doc["features"][0]["id"] == "x2-e4");
    CHECK_THAT(r.err, Catch::Contains("1 events"));

    r = test::run_eventmap("export --db '" + dir + "/store.gpkg' -o -");
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["features"].size() == 6);
}

TEST_CASE("eventmap export bad input gives clear errors", "[export][cli]") {
    const std::string dir = test::scratch_dir("export_cli_errors");
    const std::string db = dir + "/store.gpkg";
    fill_store(db);
    const std::string out = dir + "/out.geojson";
    struct Case {
        std::string args;
        int code;
        std::string says;
    };
    const std::vector<Case> cases = {
        {"--db '" + dir + "/absent.gpkg' -o '" + out + "'", 3, dir + "/absent.gpkg: no such store"},
        {"--db '" + db + "' -o '" + dir + "/out.shp'", 3, "unknown output format"},
        {"--db '" + db + "' -o '" + out + "' --bbox 1,2,3", 3, "W,S,E,N"},
        {"--db '" + db + "' -o '" + out + "' --from 2013-02-30", 3, "not a day"},
        {"--db '" + db + "' -o '" + out + "' --to soon", 3, "not a date"},
        {"--db '" + db + "' -o '" + db + "'", 3, "overwrite the store"},
        {"--db '" + db + "' -o '" + dir + "/missing/out.geojson'", 5, "does not exist"},
        {"--db '" + db + "' -o /proc/eventmap-out.csv", 5, "/proc/eventmap-out.csv"},
        {"--db '" + db + "' -o /proc/eventmap-out.geojson", 5, "/proc/eventmap-out.geojson"},
        {"--db '" + dir + "' -o '" + out + "'", 4, "not a regular file"},
        {"--db '" + db + "'", 2, "-o"},
    };
    for (const auto& c : cases) {
        const auto r = test::run_eventmap("export " + c.args);
        INFO(c.args << "\n" << r.err);
        CHECK(r.exit_code == c.code);
        CHECK_THAT(r.err, Catch::Contains(c.says));
    }
    CHECK_FALSE(fs::exists(out));

    // Another store version: a data error, exit 4.
    {
        GDALAllRegister();
        GDALDataset* ds = GDALDataset::Open(db.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE);
        REQUIRE(ds != nullptr);
        OGRLayer* result = ds->ExecuteSQL(
            "UPDATE metadata SET value = '0' WHERE key = 'schema_version'", nullptr, nullptr);
        if (result != nullptr) {
            ds->ReleaseResultSet(result);
        }
        GDALClose(ds);
    }
    const auto r = test::run_eventmap("export --db '" + db + "' -o '" + out + "'");
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("schema version 0"));
}

TEST_CASE("eventmap export on a full disk leaves the old output", "[export][cli]") {
    const std::string dir = test::scratch_dir("export_cli_disk_full");
    const std::string db = dir + "/store.gpkg";
    {
        store::EventStore s(db, store::OpenMode::create);
        s.begin();
        for (int i = 0; i < 200; ++i) {
            const std::string id = "d" + std::to_string(i);
            s.add_article(test::sample_article(id), {test::sample_event(id, i % 28, 10, 20)}, {});
        }
        s.commit();
    }
    for (const char* extension : {"geojson", "geojsonl", "csv", "kml", "fgb", "gpkg"}) {
        const std::string out = dir + "/out." + extension;
        test::write_file(out, "previous export\n");
        // A 16 KiB file size limit stands in for a full disk (SIGXFSZ ignored: writes fail
        // with EFBIG like they would with ENOSPC); the store itself is only read.
        const std::string args = "export --db '" + db + "' -o '" + out + "'";
        const std::string command = "bash -c \"trap '' XFSZ; ulimit -f 16; exec '" +
                                    std::string(EVENTMAP_TEST_BINARY) + "' " + args + "\"";
        const std::string err_path = dir + "/stderr";
        const int status = std::system((command + " 2>'" + err_path + "'").c_str());
        const std::string err = test::read_file(err_path);
        INFO(extension << ": " << err);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 5);
        CHECK_THAT(err, Catch::Contains(out));
        CHECK(test::read_file(out) == "previous export\n");
        CHECK(directory_entries(dir) ==
              std::vector<std::string>{"out." + std::string(extension), "stderr", "store.gpkg"});
        fs::remove(out);
    }
}
