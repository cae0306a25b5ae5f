// Export from the viewer's session: the events passing the filters, from every kind of layer
// (an eventmap store, a GeoJSON or CSV file), through the project's exporters.
#include "store_fixture.hpp"
#include "view/session.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <map>
#include <ogrsf_frmts.h>

using namespace eventmap;

namespace {

struct Exported {
    double lon = 0, lat = 0;
    std::string title, actor, event;
};

// What an export file holds, by event id; the CSV's points come from its lon/lat columns.
std::map<std::string, Exported> read_export(const std::string& path) {
    const char* csv_options[] = {"X_POSSIBLE_NAMES=longitude", "Y_POSSIBLE_NAMES=latitude",
                                 nullptr};
    const bool csv = path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, nullptr, csv ? csv_options : nullptr));
    REQUIRE(ds);
    std::map<std::string, Exported> out;
    for (auto& feature : *ds->GetLayer(0)) {
        Exported e;
        const OGRGeometry* g = feature->GetGeometryRef();
        REQUIRE(g != nullptr);
        e.lon = g->toPoint()->getX();
        e.lat = g->toPoint()->getY();
        e.title = feature->GetFieldAsString("title");
        e.actor = feature->GetFieldAsString("actor");
        e.event = feature->GetFieldAsString("event");
        out[feature->GetFieldAsString("id")] = e;
    }
    return out;
}

std::string geojson_feature(const std::string& id, double lon, double lat, const std::string& date,
                            const std::string& type, const std::string& extra) {
    return R"({"type":"Feature","geometry":{"type":"Point","coordinates":[)" + std::to_string(lon) +
           "," + std::to_string(lat) + R"(]},"properties":{"id":")" + id + R"(","date":")" + date +
           R"(","event":")" + type + R"(")" + extra + "}}";
}

// Three invented events in a GeoJSON file: two consultations in February, a protest in April.
std::string write_geojson_layer(const std::string& name) {
    const std::string path = test::scratch_dir(name) + "/notes.geojson";
    test::write_file(
        path, R"({"type":"FeatureCollection","features":[)" +
                  geojson_feature("n-damascus", 36.2913, 33.5102, "2018-02-20", "CONSULT",
                                  R"(,"title":"Invented note one","actor":"Envoys; Mediators")") +
                  "," + geojson_feature("n-beirut", 35.5018, 33.8938, "2018-02-22", "CONSULT", "") +
                  "," +
                  geojson_feature("n-tunis", 10.1815, 36.8065, "2018-04-01", "PROTEST",
                                  R"(,"title":"Invented note three")") +
                  "]}");
    return path;
}

} // namespace

TEST_CASE("an export from a GeoJSON layer beside a store holds exactly the filtered events",
          "[view][session][export]") {
    const auto store = test::write_fixture_store("view_export_layers");
    const auto notes = write_geojson_layer("view_export_layers_notes");
    view::Session s(std::vector<std::string>{store, notes}, "");
    s.start_loading();
    s.wait_until_loaded();
    REQUIRE(s.stage() == view::LoadStage::done);
    REQUIRE(s.table().size() == 7);
    view::FilterState f;
    f.types = {"CONSULT"};
    s.set_filters(f);
    s.time.set_window(view::day_from_civil(2018, 2, 1), view::day_from_civil(2018, 3, 12));
    const std::string dir = test::scratch_dir("view_export_layers_out");
    for (const char* extension : {".geojson", ".csv", ".gpkg"}) {
        INFO(extension);
        const std::string out = dir + "/filtered" + extension;
        CHECK(s.export_filtered(out) == 3);
        const auto got = read_export(out);
        REQUIRE(got.size() == 3);
        REQUIRE(got.count("ev-geneva") == 1);
        REQUIRE(got.count("n-damascus") == 1);
        REQUIRE(got.count("n-beirut") == 1);
        CHECK(got.at("ev-geneva").lat == Approx(46.2022));
        CHECK(got.at("ev-geneva").lon == Approx(6.1457));
        CHECK(got.at("ev-geneva").title == "Invented report ev-geneva");
        CHECK(got.at("n-damascus").lat == Approx(33.5102));
        CHECK(got.at("n-damascus").lon == Approx(36.2913));
        CHECK(got.at("n-beirut").lat == Approx(33.8938));
        CHECK(got.at("n-beirut").lon == Approx(35.5018));
        // The file's own attributes of the export's names come along.
        CHECK(got.at("n-damascus").title == "Invented note one");
        CHECK(got.at("n-damascus").actor == "Envoys; Mediators");
        CHECK(got.at("n-beirut").event == "CONSULT");
    }

    // The file layer alone (the store's rows hidden), and the protest once the window holds it.
    s.set_layer_visible(0, false);
    s.set_filters({});
    s.time.set_window(view::day_from_civil(2018, 1, 1), view::day_from_civil(2018, 12, 31));
    REQUIRE(s.export_filtered(dir + "/only.geojson") == 3);
    const auto only = read_export(dir + "/only.geojson");
    CHECK(only.count("n-tunis") == 1);
    CHECK(only.count("ev-geneva") == 0);
    CHECK(only.at("n-tunis").title == "Invented note three");
    CHECK(only.at("n-tunis").lat == Approx(36.8065));
}

TEST_CASE("a CSV layer alone exports its filtered rows", "[view][session][export]") {
    const std::string path = test::scratch_dir("view_export_csv") + "/rows.csv";
    test::write_file(path, "id,date,event,quad_code,country_code,longitude,latitude,title\n"
                           "c-one,2019-05-02,PROTEST,3,LB,35.5018,33.8938,First invented row\n"
                           "c-two,2019-05-03,PROTEST,3,TN,10.1815,36.8065,Second invented row\n"
                           "c-three,2019-05-04,ASSAULT,4,LB,35.8308,34.4367,Third invented row\n");
    view::Session s(path);
    s.start_loading();
    s.wait_until_loaded();
    REQUIRE(s.stage() == view::LoadStage::done);
    REQUIRE(s.table().size() == 3);
    view::FilterState f;
    f.countries = {"LB"};
    s.set_filters(f);
    const std::string dir = test::scratch_dir("view_export_csv_out");
    for (const char* extension : {".geojson", ".kml", ".csv"}) {
        INFO(extension);
        const std::string out = dir + "/lb" + extension;
        REQUIRE(s.export_filtered(out) == 2);
        if (std::string(extension) == ".kml") {
            continue; // written by the exporter's KML path; its fields are named otherwise
        }
        const auto got = read_export(out);
        REQUIRE(got.size() == 2);
        CHECK(got.at("c-one").lon == Approx(35.5018));
        CHECK(got.at("c-three").lat == Approx(34.4367));
        CHECK(got.at("c-three").title == "Third invented row");
        CHECK(got.at("c-three").event == "ASSAULT");
    }
}
