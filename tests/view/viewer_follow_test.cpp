// The viewer under Xvfb over time and by hand: layers kept in the state file, the map following
// the store while it changes (an ingest, a damage), the preview while a drag moves the view.
#include "render/png_probe.hpp"
#include "store/event_store.hpp"
#include "store_fixture.hpp"
#include "view/view_state.hpp"
#include "viewer_run.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

using namespace eventmap;
using test::Png;
using test::read_png;
using test::run_eventmap_under;
using test::sky_blue_near;
using test::vermilion_near;

TEST_CASE("layers and colour by layer are kept in the state file", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_state_layers_store");
    const std::string dir = test::scratch_dir("view_state_layers_run");
    test::write_damascus_consult_layer(dir + "/extra.geojson");
    const std::string xvfb = test::xvfb_1280x800;
    // 1. The file moved under the store, the store hidden, markers coloured by layer.
    test::write_file(dir + "/one.script", "layer labels off\n"
                                          "center 33.5102 36.2913 9\n"
                                          "window 2018-02-15 2018-02-22\n"
                                          "layers extra bottom\n"
                                          "layers events hide\n"
                                          "color layer\n"
                                          "screenshot " +
                                              dir +
                                              "/by_layer.png\n"
                                              "color type\n"
                                              "screenshot " +
                                              dir +
                                              "/by_type.png\n"
                                              "color layer\n"
                                              "save-state " +
                                              dir + "/state.json\nquit\n");
    const auto one =
        run_eventmap_under(xvfb, "view " + store + " " + dir + "/extra.geojson --script " + dir +
                                     "/one.script --width 1280 --height 800");
    INFO(one.err);
    REQUIRE(one.exit_code == 0);
    const auto first = test::json_lines(one.out);
    REQUIRE(first.size() == 12);
    // The legend's heading names what the colours mean.
    CHECK(first[6]["legend"] == "Events by layer");
    CHECK(first[8]["legend"] == "Events by type");
    const auto state = view::read_view_state(dir + "/state.json");
    CHECK(state.view.color_by == view::ColorBy::layer);
    REQUIRE(state.sources.size() == 2);
    CHECK(state.sources[0].source == dir + "/extra.geojson");
    CHECK(state.sources[0].visible);
    CHECK(state.sources[1].source == store);
    CHECK_FALSE(state.sources[1].visible);

    // 2. No source named: the state's layers open, in its order, the store still hidden; the
    // colour by layer is back.
    test::write_file(dir + "/two.script", "layers\n"
                                          "layer labels off\n"
                                          "center 33.5102 36.2913 9\n"
                                          "window 2018-02-15 2018-02-22\n"
                                          "screenshot " +
                                              dir +
                                              "/restored.png\n"
                                              "color quad\n"
                                              "screenshot " +
                                              dir + "/restored_quad.png\nquit\n");
    const auto two = run_eventmap_under(xvfb, "view --state " + dir + "/state.json --script " +
                                                  dir + "/two.script --width 1280 --height 800");
    INFO(two.err);
    REQUIRE(two.exit_code == 0);
    const auto second = test::json_lines(two.out);
    REQUIRE(second.size() == 8);
    const auto& listed = second[0]["layers"];
    REQUIRE(listed.size() == 2);
    CHECK(listed[0]["name"] == "events"); // topmost first
    CHECK(listed[0]["visible"] == false);
    CHECK(listed[1]["name"] == "extra");
    CHECK(listed[1]["visible"] == true);
    CHECK(second[4]["legend"] == "Events by layer");
    const test::PixelPoint centre = test::map_centre(second[6]);
    const int cx = centre.x;
    const int cy = centre.y;
    const Png quad = read_png(dir + "/restored_quad.png");
    CHECK(sky_blue_near(quad, cx, cy, 2)); // the file's event; the store's is hidden
    CHECK_FALSE(vermilion_near(quad, cx, cy, 6));

    // 3. The sources named in the command line's first order: the state's order and
    // visibility win (the state written at the end of run 2).
    test::write_file(dir + "/three.script", "layers\nquit\n");
    const auto three =
        run_eventmap_under(xvfb, "view " + store + " " + dir + "/extra.geojson --state " + dir +
                                     "/state.json --script " + dir + "/three.script");
    INFO(three.err);
    REQUIRE(three.exit_code == 0);
    const auto third = test::json_lines(three.out);
    REQUIRE(third.size() == 2);
    CHECK(third[0]["layers"][0]["name"] == "events");
    CHECK(third[0]["layers"][0]["visible"] == false);
    CHECK(third[0]["layers"][1]["name"] == "extra");
}

TEST_CASE("the map follows the store: an event ingested while the viewer is open appears",
          "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_follow_store");
    const std::string dir = test::scratch_dir("view_follow_run");
    const std::string loaded = dir + "/loaded.png";
    test::write_file(dir + "/run.script", "color quad\n"
                                          "layer labels off\n"
                                          "center 36.2021 37.1343 9\n"
                                          "window 2018-02-15 2018-03-20\n"
                                          "select 36.2021 37.1343\n"
                                          "screenshot " +
                                              loaded +
                                              "\n"
                                              "wait 90\n"
                                              "select 36.2021 37.1343\n"
                                              "screenshot " +
                                              dir + "/after.png\nquit\n");
    // The "ingest": once the viewer has shown the store (its first screenshot exists), one
    // more article with an event at Aleppo is committed to it.
    std::thread ingest([&] {
        test::wait_for_file(loaded);
        store::EventStore s(store, store::OpenMode::append);
        s.begin();
        const auto e = test::fixture_event("ev-aleppo", "2018-03-01", "ASSAULT", 4, "Aleppo",
                                           36.2021, 37.1343, "SY", "Shelling hit Aleppo.");
        test::add_fixture_article(s, e);
        s.commit();
    });
    const auto result = test::run_view_script(store, dir + "/run.script");
    ingest.join();
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 10);
    CHECK(lines[4]["selected"].is_null()); // nothing at Aleppo yet
    CHECK(lines[6]["reloaded"] == true);
    // Only the committed row was read: the store's journal named it, no full load followed.
    CHECK(lines[6]["incremental"] == true);
    CHECK(lines[6]["rows_read"] == 1);
    CHECK(lines[6]["full_loads"] == 1);
    CHECK(lines[6]["events"] == 5);
    CHECK(lines[3]["in_window"] == 4);
    CHECK(lines[6]["in_window"] == 5); // the window kept, the new event in it
    CHECK(lines[7]["selected"]["id"] == "ev-aleppo");
    // On screen at the centre, where the view stayed.
    const test::PixelPoint centre = test::map_centre(lines[8]);
    const int cx = centre.x;
    const int cy = centre.y;
    CHECK_FALSE(vermilion_near(read_png(loaded), cx, cy, 6));
    CHECK(vermilion_near(read_png(dir + "/after.png"), cx, cy, 3));
}

TEST_CASE("a store damaged while the viewer is open: a message, the events stay", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_damaged_store");
    const std::string dir = test::scratch_dir("view_damaged_run");
    const std::string loaded = dir + "/loaded.png";
    test::write_file(dir + "/run.script", "color quad\n"
                                          "layer labels off\n"
                                          "center 33.5102 36.2913 9\n"
                                          "window 2018-02-15 2018-02-22\n"
                                          "screenshot " +
                                              loaded +
                                              "\n"
                                              "wait 90\n"
                                              "select 33.5102 36.2913\n"
                                              "filter type ASSAULT\n"
                                              "screenshot " +
                                              dir + "/after.png\nquit\n");
    // Once the store is shown, its file is overwritten with garbage (a disk error, a
    // half-copied file): the reload that follows fails.
    std::thread damage([&] {
        test::wait_for_file(loaded);
        test::write_file(store, std::string("SQLite format 3\0garbage", 23));
    });
    const auto result = test::run_view_script(store, dir + "/run.script");
    damage.join();
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 10);
    CHECK(lines[5]["reloaded"] == false);
    CHECK(lines[5]["events"] == 4); // what it had
    CHECK_THAT(result.err, Catch::Contains("events.gpkg"));
    CHECK(lines[6]["selected"]["id"] == "ev-damascus");
    CHECK(lines[7]["passing"] == 2);
    const test::PixelPoint centre = test::map_centre(lines[8]);
    const int cx = centre.x;
    const int cy = centre.y;
    CHECK(vermilion_near(read_png(dir + "/after.png"), cx, cy, 3));
}

TEST_CASE("a drag shows the last map image moved, then the map drawn where it rests",
          "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_drag_store");
    const std::string dir = test::scratch_dir("view_drag_run");
    test::write_file(dir + "/run.script", "color quad\n"
                                          "layer labels off\n"
                                          "center 33.5102 36.2913 9\n"
                                          "window 2018-02-15 2018-02-22\n"
                                          "drag 60 40 " +
                                              dir +
                                              "/preview.png\n"
                                              "screenshot " +
                                              dir + "/rested.png\nquit\n");
    const auto result = test::run_view_script(store, dir + "/run.script");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 7);
    CHECK(lines[4]["preview"] == true);
    const test::PixelPoint centre = test::map_centre(lines[5]);
    const int cx = centre.x;
    const int cy = centre.y;
    const auto& map = lines[5]["map"];
    // Damascus follows the pointer in the preview and stays there once the map is drawn.
    const Png preview = read_png(dir + "/preview.png");
    const Png rested = read_png(dir + "/rested.png");
    CHECK(vermilion_near(preview, cx + 60, cy + 40, 2));
    CHECK_FALSE(vermilion_near(preview, cx, cy, 6));
    CHECK(vermilion_near(rested, cx + 60, cy + 40, 2));
    CHECK_FALSE(vermilion_near(rested, cx, cy, 6));
    // The strip the old image did not cover is the background until the map is drawn.
    const auto c = preview.at(map[0].get<int>() + 20, map[1].get<int>() + 20);
    CHECK(c[0] < 40);
    CHECK(c[2] < 60);
    CHECK(rested.at(map[0].get<int>() + 20, map[1].get<int>() + 20)[0] > 150);
}
