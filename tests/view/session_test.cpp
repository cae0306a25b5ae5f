#include "common/error.hpp"
#include "store/event_store.hpp"
#include "store_fixture.hpp"
#include "view/session.hpp"
#include "view_support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace eventmap;

namespace {

std::unique_ptr<view::Session> loaded(const std::string& path) {
    auto s = std::make_unique<view::Session>(path);
    s->start_loading();
    s->wait_until_loaded();
    return s;
}

std::vector<std::string> ids_in(const std::string& path) {
    std::vector<std::string> ids;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    for (auto& feature : *layer) {
        ids.push_back(feature->GetFieldAsString("id"));
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

TEST_CASE("a store loads with the columns the filters need", "[view][session]") {
    const auto path = test::write_fixture_store("view_session_load");
    auto s = loaded(path);
    REQUIRE(s->stage() == view::LoadStage::done);
    const auto& t = s->table();
    REQUIRE(t.size() == 4);
    const auto damascus = s->row_of_id("ev-damascus");
    REQUIRE(damascus);
    CHECK(t.countries.text(t.country[*damascus]) == "SY");
    CHECK(t.place[*damascus] == "Damascus");
    CHECK(t.actor_offset[*damascus + 1] - t.actor_offset[*damascus] == 1);
    CHECK(s->filtered().rows.size() == 4);
    CHECK(s->count_in_window() == 4);

    view::FilterState f;
    f.countries = {"SY"};
    s->set_filters(f);
    CHECK(s->filtered().rows.size() == 2);
    f.text = "MARKET"; // searched in the store, case-insensitively
    s->set_filters(f);
    s->wait_until_loaded();
    REQUIRE(s->filtered().rows.size() == 1);
    CHECK(t.id[s->filtered().rows[0]] == "ev-damascus");
}

TEST_CASE("an export holds exactly the filtered events in the window", "[view][session]") {
    const auto path = test::write_fixture_store("view_session_export");
    auto s = loaded(path);
    view::FilterState f;
    f.types = {"ASSAULT", "PROTEST"};
    s->set_filters(f);
    s->time.set_window(view::day_from_civil(2018, 2, 1), view::day_from_civil(2018, 3, 12));
    const std::string dir = test::scratch_dir("view_session_export_out");
    CHECK(s->export_filtered(dir + "/f.geojson") == 2);
    CHECK(ids_in(dir + "/f.geojson") == std::vector<std::string>{"ev-damascus", "ev-douma"});
    CHECK(s->export_filtered(dir + "/f.csv") == 2);
    CHECK(ids_in(dir + "/f.csv") == std::vector<std::string>{"ev-damascus", "ev-douma"});
    CHECK_THROWS_AS(s->export_filtered(dir + "/f.xyz"), InputError);
}

TEST_CASE("a correction is written to the store, remembered, and undone", "[view][session]") {
    const auto path = test::write_fixture_store("view_session_correct");
    auto s = loaded(path);
    const auto row = s->row_of_id("ev-douma");
    REQUIRE(row);
    const auto record = s->correct(*row, {{34.7324, 36.7137}, "Homs", 169577, "SY", ""});
    CHECK(record.before.position.lat == Approx(33.5711));
    CHECK_FALSE(record.who.empty());
    CHECK(s->table().lat[*row] == Approx(34.7324));
    CHECK(s->table().corrected[*row] == 1);
    {
        store::EventStore check(path, store::OpenMode::read);
        const auto e = check.find_event("ev-douma");
        REQUIRE(e);
        CHECK(e->event_loc.position.lat == Approx(34.7324));
        CHECK(e->event_loc.resolved_place == "Homs");
    }
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
        OGRLayer* overrides = ds->GetLayerByName("place_overrides");
        REQUIRE(overrides);
        CHECK(overrides->GetFeatureCount() == 1);
        for (auto& f : *overrides) {
            CHECK(std::string(f->GetFieldAsString("name")) == "Douma");
            CHECK(f->GetFieldAsInteger("active") == 1);
        }
    }
    view::CorrectionStore corrections(path);
    CHECK(corrections.corrected_event_ids() == std::vector<std::string>{"ev-douma"});
    // A later session shows it as corrected.
    CHECK(loaded(path)->table().corrected[*row] == 1);
    s->undo();
    CHECK(s->table().lat[*row] == Approx(33.5711));
    store::EventStore check(path, store::OpenMode::read);
    CHECK(check.find_event("ev-douma")->event_loc.position.lat == Approx(33.5711));
    CHECK(corrections.corrected_event_ids().empty());
}

TEST_CASE("bad sources end in a message, not a crash", "[view][session]") {
    const std::string dir = test::scratch_dir("view_session_bad");
    test::write_file(
        dir + "/nodate.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
        R"("properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}]})");
    test::write_file(dir + "/corrupt.gpkg", std::string("SQLite format 3\0garbage", 23));
    for (const std::string name : {"nodate.geojson", "corrupt.gpkg", "missing.gpkg"}) {
        std::string source = dir;
        source += "/" + name;
        auto s = loaded(source);
        CHECK(s->stage() == view::LoadStage::failed);
        CHECK_THAT(s->load_error(), Catch::Contains(name));
        CHECK_FALSE(s->has_map());
    }
    // Corrections need a store: a GeoJSON source is refused with a reason.
    CHECK_THROWS_WITH(view::CorrectionStore(dir + "/nodate.geojson"),
                      Catch::Contains("eventmap store"));
}

TEST_CASE("a source without points or with mixed geometries fails with a message",
          "[view][session]") {
    const std::string dir = test::scratch_dir("view_session_geometries");
    const auto feature = [](const std::string& geometry, const std::string& date) {
        return R"({"type":"Feature","properties":{"date":")" + date + R"("},"geometry":)" +
               geometry + "}";
    };
    const std::string line = R"({"type":"LineString","coordinates":[[1,2],[3,4]]})";
    const std::string point = R"({"type":"Point","coordinates":[36.29,33.51]})";
    test::write_file(dir + "/lines.geojson", R"({"type":"FeatureCollection","features":[)" +
                                                 feature(line, "2020-01-02") + "," +
                                                 feature("null", "2020-01-03") + "]}");
    test::write_file(dir + "/mixed.geojson", R"({"type":"FeatureCollection","features":[)" +
                                                 feature(line, "2020-01-02") + "," +
                                                 feature(point, "2020-01-03") + "," +
                                                 feature(point, "2020-01-04") + "]}");
    auto none = loaded(dir + "/lines.geojson");
    CHECK(none->stage() == view::LoadStage::failed);
    CHECK_THAT(none->load_error(), Catch::Contains("lines.geojson"));
    CHECK_FALSE(none->has_map());
    // Lines among the points: refused as a whole with the reason (the map loader's choice:
    // a file of mixed geometries is not an event file), never half-shown.
    auto mixed = loaded(dir + "/mixed.geojson");
    CHECK(mixed->stage() == view::LoadStage::failed);
    CHECK_THAT(mixed->load_error(),
               Catch::Contains("mixed.geojson") && Catch::Contains("mixed geometries"));
    CHECK_FALSE(mixed->has_map());
}

TEST_CASE("a correction survives re-ingesting its article", "[view][session]") {
    const auto path = test::write_fixture_store("view_session_reingest");
    auto s = loaded(path);
    s->correct(*s->row_of_id("ev-geneva"), {{46.5197, 6.6323}, "Lausanne", 2659994, "CH", ""});
    store::EventStore again(path, store::OpenMode::append);
    again.begin();
    const auto e =
        test::fixture_event("ev-geneva", "2018-02-25", "CONSULT", 1, "Geneva", 46.2022, 6.1457,
                            "CH", "Envoys met in Geneva to talk about a ceasefire.");
    store::ArticleRecord a;
    a.id = e.article_id;
    a.content_hash = "hash-" + e.id;
    CHECK_FALSE(again.add_article(a, {e}, {})); // same article: ingest adds nothing
    again.commit();
    CHECK(again.find_event("ev-geneva")->event_loc.resolved_place == "Lausanne");
}

TEST_CASE("a locked store refuses a correction with a message", "[view][session]") {
    const auto path = test::write_fixture_store("view_session_locked");
    auto s = loaded(path);
    // Another process holding a write lock (an ingest in its transaction), here another handle.
    GDALDatasetUniquePtr holder(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(holder);
    holder->ExecuteSQL("BEGIN EXCLUSIVE", nullptr, nullptr);
    const auto row = s->row_of_id("ev-cairo");
    REQUIRE(row);
    CHECK_THROWS_WITH(s->correct(*row, {{30.1, 31.3}, "", 0, "", ""}), Catch::Contains("locked"));
    CHECK(s->table().lat[*row] == Approx(30.0444)); // nothing moved
    holder->ExecuteSQL("ROLLBACK", nullptr, nullptr);
}

TEST_CASE("other candidate places come from the gazetteer and can be chosen", "[view][session]") {
    const std::string index = test::build_fixture_gazetteer("view_gazetteer");

    const auto path = test::write_fixture_store("view_session_candidates");
    auto s = loaded(path);
    s->places().set_index(index);
    const auto row = *s->row_of_id("ev-damascus");
    const auto candidates = s->candidates(row);
    REQUIRE(candidates.size() >= 2);
    for (const auto& c : candidates) {
        CHECK(c.name == "Damascus");
        CHECK(c.country_code == "US"); // the Syrian one, where the event is, is left out
    }
    s->correct(row, candidates[0]);
    store::EventStore check(path, store::OpenMode::read);
    const auto e = check.find_event("ev-damascus");
    CHECK(e->event_loc.country_code == "US");
    CHECK(e->event_loc.position.lat == Approx(candidates[0].position.lat));
    CHECK(s->places().lookup("Beirut").at(0).country_code == "LB");
}

TEST_CASE("data that grows widens a whole-extent window and keeps a chosen one",
          "[view][session]") {
    // A progressive load hands the session its first part, then everything.
    const auto part = test::make_table(
        {{"a", "2018-02-20", "ASSAULT", 33.5, 36.3}, {"b", "2018-02-25", "CONSULT", 46.2, 6.1}});
    const auto all = test::make_table({{"a", "2018-02-20", "ASSAULT", 33.5, 36.3},
                                       {"b", "2018-02-25", "CONSULT", 46.2, 6.1},
                                       {"c", "2018-03-15", "PROTEST", 30.0, 31.2}});
    const auto map = std::make_shared<const mapdata::EventTable>();
    view::Session untouched("memory");
    untouched.set_data(map, part);
    CHECK(view::format_day(untouched.time.window().last) == "2018-02-25");
    untouched.set_data(map, all);
    CHECK(view::format_day(untouched.time.window().last) == "2018-03-15");
    CHECK(untouched.count_in_window() == 3);

    view::Session chosen("memory");
    chosen.set_data(map, part);
    const auto day = *view::parse_iso_day("2018-02-20");
    chosen.time.set_window(day, day);
    chosen.set_data(map, all);
    CHECK(chosen.time.window().first == day);
    CHECK(chosen.time.window().last == day);
    CHECK(view::format_day(chosen.time.extent().last) == "2018-03-15");
}

TEST_CASE("a loaded store's map table carries reports and articles after the columns step",
          "[view][session]") {
    const auto path = test::write_fixture_store("view_session_reports");
    auto s = loaded(path);
    REQUIRE(s->stage() == view::LoadStage::done);
    REQUIRE(s->map());
    CHECK(s->map()->article_count == 4);
    CHECK(s->map()->sources.size() == 4);
    CHECK(s->load_notice().empty());
}

TEST_CASE("a store larger than max_events is shown in part, with a notice", "[view][session]") {
    const auto path = test::write_fixture_store("view_session_cap");
    view::Session s(path);
    s.set_max_events(2);
    s.start_loading();
    s.wait_until_loaded();
    REQUIRE(s.stage() == view::LoadStage::done);
    CHECK(s.table().size() == 2);
    CHECK_THAT(s.load_notice(),
               Catch::Contains("holds 4 events") && Catch::Contains("shows the first 2"));
}

namespace {

// A second source for the layer tests: one event at Damascus (as the store's) and one in
// Beirut, in a GeoJSON file read by the generic loader.
std::string write_extra_layer(const std::string& name) {
    std::string path = test::scratch_dir(name) + "/extra.geojson";
    const auto feature = [](const char* id, double lon, double lat, const char* type, int quad) {
        return std::string(R"({"type":"Feature","geometry":{"type":"Point","coordinates":[)") +
               std::to_string(lon) + "," + std::to_string(lat) + R"(]},"properties":{"id":")" + id +
               R"(","date":"2018-02-20","event":")" + type + R"(","quad_code":)" +
               std::to_string(quad) + "}}";
    };
    test::write_file(path, R"({"type":"FeatureCollection","features":[)" +
                               feature("x-damascus", 36.2913, 33.5102, "CONSULT", 1) + "," +
                               feature("x-beirut", 35.5018, 33.8938, "CONSULT", 1) + "]}");
    return path;
}

} // namespace

TEST_CASE("several sources load as layers that can be hidden and reordered", "[view][session]") {
    const auto store = test::write_fixture_store("view_session_layers");
    const auto extra = write_extra_layer("view_session_layers_extra");
    view::Session s(std::vector<std::string>{store, extra}, "");
    s.start_loading();
    s.wait_until_loaded();
    REQUIRE(s.stage() == view::LoadStage::done);
    REQUIRE(s.layer_count() == 2);
    auto layers = s.layers();
    CHECK(layers[0].name == "events");
    CHECK(layers[1].name == "extra");
    CHECK(layers[0].rows == 4);
    CHECK(layers[1].rows == 2);
    REQUIRE(s.table().size() == 6);
    // The store's rows first (drawn first, at the bottom), then the file's.
    const auto damascus = s.row_of_id("ev-damascus");
    const auto beirut = s.row_of_id("x-beirut");
    REQUIRE(damascus);
    REQUIRE(beirut);
    CHECK(*damascus < 4);
    CHECK(*beirut >= 4);
    CHECK(s.layer_name_of(*beirut) == "extra");
    CHECK(s.layer_name_of(*damascus) == "events");
    CHECK(s.table().countries.text(s.table().country[*damascus]) == "SY");
    CHECK(s.map()->size() == 6);
    CHECK(s.filtered().rows.size() == 6);

    // Filters apply to every layer.
    view::FilterState f;
    f.types = {"CONSULT"};
    s.set_filters(f);
    CHECK(s.filtered().rows.size() == 3); // Geneva and the file's two
    s.set_filters({});

    // Hidden: its rows pass nothing; the other layer's are untouched.
    s.set_layer_visible(*s.find_layer("extra"), false);
    CHECK(s.filtered().rows.size() == 4);
    CHECK(s.filtered().mask[*beirut] == 0);
    s.set_layer_visible(*s.find_layer("2"), true);
    CHECK(s.filtered().rows.size() == 6);

    // Reordered: the file's rows come first; the selection follows its event.
    s.selected = damascus;
    s.move_layer(1, 0);
    layers = s.layers();
    CHECK(layers[0].name == "extra");
    CHECK(layers[1].first_row == 2);
    REQUIRE(s.selected);
    CHECK(s.table().id[*s.selected] == "ev-damascus");
    CHECK(*s.row_of_id("x-beirut") < 2);
    CHECK(s.map()->lat[*s.selected] == Approx(33.5102));

    // A text search runs in each layer's source and lands on the right rows.
    f = {};
    f.text = "market";
    s.set_filters(f);
    s.wait_until_loaded();
    REQUIRE(s.filtered().rows.size() == 2); // Damascus and Cairo in the store
    CHECK(s.layer_name_of(s.filtered().rows[0]) == "events");

    // A correction goes to the event's own store and survives a reordering.
    const auto douma = *s.row_of_id("ev-douma");
    s.correct(douma, {{34.7324, 36.7137}, "Homs", 169577, "SY", ""});
    s.move_layer(0, 1);
    const auto moved = s.row_of_id("ev-douma");
    REQUIRE(moved);
    CHECK(s.table().lat[*moved] == Approx(34.7324));
    CHECK(s.table().corrected[*moved] == 1);
    s.undo();
    CHECK(s.table().lat[*s.row_of_id("ev-douma")] == Approx(33.5711));
}

TEST_CASE("a layer that cannot be read leaves the others on the map", "[view][session]") {
    const auto store = test::write_fixture_store("view_session_layers_bad");
    view::Session s(std::vector<std::string>{store, "/nonexistent/nothing.geojson"}, "");
    s.start_loading();
    s.wait_until_loaded();
    CHECK(s.stage() == view::LoadStage::done);
    CHECK(s.table().size() == 4);
    CHECK_THAT(s.load_error(), Catch::Contains("nothing"));
    CHECK(s.layers()[1].stage == view::LoadStage::failed);
}
