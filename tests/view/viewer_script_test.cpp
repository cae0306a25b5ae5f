// The viewer driven by a script under Xvfb: pixel probes at Damascus, selection, export,
// correction. Skips loudly when the viewer is not built or xvfb-run is missing.
#include "render/png_probe.hpp"
#include "store/event_store.hpp"
#include "store_fixture.hpp"
#include "view/view_state.hpp"
#include "viewer_run.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

using namespace eventmap;
using test::Png;
using test::read_png;
using test::run_eventmap_under;
using test::sky_blue_near;
using test::vermilion_near;

TEST_CASE("a scripted viewer run: probes, selection, export, correction", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_script_store");
    const std::string dir = test::scratch_dir("view_script_run");
    test::write_file(dir + "/run.script", "# Damascus in the middle of the window\n"
                                          "color quad\n"
                                          "layer labels off\n"
                                          "center 33.5102 36.2913 9\n"
                                          "window 2018-02-15 2018-02-22\n"
                                          "screenshot " +
                                              dir +
                                              "/with.png\n"
                                              "select 33.5102 36.2913\n"
                                              "window 2018-03-01 2018-03-20\n"
                                              "screenshot " +
                                              dir +
                                              "/without.png\n"
                                              "select 33.5102 36.2913\n"
                                              "window 2018-02-01 2018-03-31\n"
                                              "filter type ASSAULT\n"
                                              "export " +
                                              dir +
                                              "/assault.geojson\n"
                                              "filter type\n"
                                              "filter country SY\n"
                                              "filter country EG\n"
                                              "window 2018-02-15 2018-02-22\n"
                                              "screenshot " +
                                              dir +
                                              "/filtered.png\n"
                                              "correct ev-cairo 30.0626 31.2497\n"
                                              "save-state " +
                                              dir +
                                              "/state.json\n"
                                              "quit\n");
    const auto result = test::run_view_script(store, dir + "/run.script");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 20);

    const Png with = read_png(dir + "/with.png");
    const Png without = read_png(dir + "/without.png");
    REQUIRE(with.width == 1280);
    // The map's centre (where `center` put Damascus) inside its rectangle between the panels.
    const test::PixelPoint centre = test::map_centre(lines[4]);
    const int cx = centre.x;
    const int cy = centre.y;
    CHECK(vermilion_near(with, cx, cy, 3));
    CHECK_FALSE(vermilion_near(without, cx, cy, 6));

    CHECK(lines[5]["selected"]["id"] == "ev-damascus");
    CHECK(lines[8]["selected"].is_null());
    CHECK(lines[10]["passing"] == 2);
    CHECK(lines[11]["events"] == 2);
    CHECK(lines[13]["passing"] == 2); // SY: Damascus and Douma
    CHECK(lines[14]["passing"] == 1); // EG: Cairo
    CHECK(lines[17]["event"]["corrected"] == true);
    // A filter the renderer cannot express (country) hides the marker too.
    CHECK_FALSE(vermilion_near(read_png(dir + "/filtered.png"), cx, cy, 6));
    const auto state = view::read_view_state(dir + "/state.json");
    REQUIRE(state.window);
    CHECK(view::format_day(state.window->first) == "2018-02-20");
    CHECK(state.filters.countries == std::set<std::string>{"EG"});
    CHECK(state.view.center.lat == Approx(33.51).margin(0.05));
    store::EventStore check(store, store::OpenMode::read);
    CHECK(check.find_event("ev-cairo")->event_loc.position.lat == Approx(30.0626));
}

TEST_CASE("a bad script fails before the viewer opens", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_script_bad");
    const std::string dir = test::scratch_dir("view_script_bad_run");
    test::write_file(dir + "/bad.script", "window 2018-02\nteleport 1 2\n");
    const auto result =
        run_eventmap_under("xvfb-run -a", "view " + store + " --script " + dir + "/bad.script");
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("bad.script:2"));
}

TEST_CASE("a source without dates is refused with a message, not a crash", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string dir = test::scratch_dir("view_script_nodate");
    test::write_file(
        dir + "/nodate.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
        R"("properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}]})");
    test::write_file(dir + "/s.script", "frames 2\nquit\n");
    const auto result = run_eventmap_under(
        "xvfb-run -a", "view " + dir + "/nodate.geojson --script " + dir + "/s.script");
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("no date field"));
    // Said once: the first frame reports it, the script's end does not repeat it.
    const std::string said = "no date field";
    std::size_t times = 0;
    for (auto at = result.err.find(said); at != std::string::npos;
         at = result.err.find(said, at + 1)) {
        ++times;
    }
    INFO(result.err);
    CHECK(times == 1);
}

TEST_CASE("two sources as layers: shown, hidden and reordered on screen", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_layers_store");
    const std::string dir = test::scratch_dir("view_layers_run");
    test::write_damascus_consult_layer(dir + "/extra.geojson");
    const std::string shot = "screenshot " + dir;
    test::write_file(dir + "/run.script", "color quad\n"
                                          "layer labels off\n"
                                          "center 33.5102 36.2913 9\n"
                                          "window 2018-02-15 2018-02-22\n"
                                          "layers\n" +
                                              shot + "/both.png\n" +
                                              "select 33.5102 36.2913\n"
                                              "layers extra hide\n" +
                                              shot + "/store_only.png\n" +
                                              "select 33.5102 36.2913\n"
                                              "layers events hide\n" +
                                              shot + "/none.png\n" +
                                              "select 33.5102 36.2913\n"
                                              "layers extra show\n"
                                              "layers events show\n"
                                              "layers extra bottom\n" +
                                              shot +
                                              "/reordered.png\n"
                                              "layer graticule on\n"
                                              "layer basemap off\n" +
                                              shot +
                                              "/no_basemap.png\n"
                                              "color layer\n" +
                                              shot +
                                              "/by_layer.png\n"
                                              "quit\n");
    const auto result =
        test::run_view_script(store + " " + dir + "/extra.geojson", dir + "/run.script");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 23);
    // Listed topmost first: the file (second on the command line) is drawn over the store.
    const auto& listed = lines[4]["layers"];
    REQUIRE(listed.size() == 2);
    CHECK(listed[0]["name"] == "extra");
    CHECK(listed[0]["events"] == 1);
    CHECK(listed[1]["name"] == "events");
    CHECK(listed[1]["events"] == 4);

    const test::PixelPoint centre = test::map_centre(lines[5]);
    const int cx = centre.x;
    const int cy = centre.y;
    const Png both = read_png(dir + "/both.png");
    CHECK(sky_blue_near(both, cx, cy, 2)); // the top layer's marker covers the store's
    CHECK(lines[6]["selected"]["layer"] == "extra");

    const Png store_only = read_png(dir + "/store_only.png");
    CHECK(lines[7]["layers"][0]["visible"] == false);
    CHECK(vermilion_near(store_only, cx, cy, 3));
    CHECK_FALSE(sky_blue_near(store_only, cx, cy, 6));
    CHECK(lines[9]["selected"]["id"] == "ev-damascus");
    CHECK(lines[9]["selected"]["layer"] == "events");
    // The selection ring of the hidden layer's event is gone with it: no dark ring pixels
    // around the marker (the ring sits 9-12 px from the centre).
    const auto dark_ring = [&](const Png& png) {
        int n = 0;
        for (int y = cy - 13; y <= cy + 13; ++y) {
            for (int x = cx - 13; x <= cx + 13; ++x) {
                const int r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                const auto c = png.at(x, y);
                n += r2 > 81 && r2 < 156 && c[0] < 80 && c[1] < 80 && c[2] < 80 ? 1 : 0;
            }
        }
        return n;
    };
    CHECK(dark_ring(both) == 0);
    CHECK(dark_ring(store_only) == 0);

    const Png none = read_png(dir + "/none.png");
    CHECK_FALSE(vermilion_near(none, cx, cy, 6));
    CHECK_FALSE(sky_blue_near(none, cx, cy, 6));
    CHECK(lines[12]["selected"].is_null());

    // The file moved to the bottom: the store's marker is drawn over it.
    CHECK(lines[15]["layers"][0]["name"] == "events");
    const Png reordered = read_png(dir + "/reordered.png");
    CHECK(vermilion_near(reordered, cx, cy, 2));
    CHECK_FALSE(sky_blue_near(reordered, cx, cy, 2));
    CHECK(dark_ring(reordered) == 0);

    // Without the land fill the land around Damascus is the water's colour; markers stay.
    const Png bare = read_png(dir + "/no_basemap.png");
    CHECK(vermilion_near(bare, cx, cy, 2));
    const auto land_pixels = [&](const Png& png) {
        int n = 0;
        for (int y = cy + 60; y < cy + 90; ++y) {
            for (int x = cx + 60; x < cx + 90; ++x) {
                const auto c = png.at(x, y);
                n += c[0] > 236 && c[1] > 232 && c[2] > 222 && c[2] < 238 ? 1 : 0;
            }
        }
        return n;
    };
    CHECK(land_pixels(reordered) > 600);
    CHECK(land_pixels(bare) == 0);

    // Coloured by layer: the larger layer (the store, on top) takes the palette's first colour,
    // Paul Tol's rose #CC6677, and the legend lists the layers.
    const Png by_layer = read_png(dir + "/by_layer.png");
    bool rose = false;
    for (int y = cy - 2; y <= cy + 2; ++y) {
        for (int x = cx - 2; x <= cx + 2; ++x) {
            const auto c = by_layer.at(x, y);
            rose |= std::abs(c[0] - 0xCC) < 20 && std::abs(c[1] - 0x66) < 20 &&
                    std::abs(c[2] - 0x77) < 20;
        }
    }
    CHECK(rose);
    CHECK_FALSE(vermilion_near(by_layer, cx, cy, 2));
}

TEST_CASE("a script shows and hides panels: a hidden panel gives its room to the map",
          "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_script_panels");
    const std::string dir = test::scratch_dir("view_script_panels_run");
    test::write_file(dir + "/panels.script",
                     "screenshot " + dir + "/all.png\n" + "panel filters off\npanel layers off\n" +
                         "screenshot " + dir + "/no_left.png\n" +
                         "panel list off\npanel details off\n" + "panel help on\n" + "screenshot " +
                         dir + "/help.png\n" + "panel help off\n" + "panel filters on\n" +
                         "screenshot " + dir + "/filters.png\nquit\n");
    const auto result = test::run_view_script(store, dir + "/panels.script");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 12);
    const auto map = [&](std::size_t i) { return lines[i]["map"]; };
    const int width = map(0)[2];
    CHECK(width < 1280);
    CHECK(map(0)[0] > 0); // the left column beside the map
    CHECK(map(3)[0] == 0);
    CHECK(map(3)[2] > width);
    CHECK(map(7)[2] == 1280); // no side panel: the whole width (the help window floats)
    CHECK(map(10)[0] > 0);
    CHECK(map(10)[2] < 1280);
}

TEST_CASE("ticking one type in the filter keeps that type's colour on the map", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    // The fixture store's Cairo event is its only PROTEST; ASSAULT, the most frequent type,
    // holds the first colour (rose). With only PROTEST ticked the Cairo marker must keep the
    // colour it had with every type shown (before, the filter's first type took rose).
    const std::string store = test::write_fixture_store("view_type_colour_store");
    const std::string dir = test::scratch_dir("view_type_colour_run");
    test::write_file(dir + "/run.script", "color type\n"
                                          "layer labels off\n"
                                          "center 30.0444 31.2357 9\n"
                                          "window 2018-03-10 2018-03-20\n"
                                          "screenshot " +
                                              dir +
                                              "/all.png\n"
                                              "filter type PROTEST\n"
                                              "screenshot " +
                                              dir + "/protest.png\nquit\n");
    const auto result = test::run_view_script(store, dir + "/run.script");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 8);
    CHECK(lines[5]["passing"] == 1);
    const test::PixelPoint centre = test::map_centre(lines[4]);
    const Png all = read_png(dir + "/all.png");
    const Png protest = read_png(dir + "/protest.png");
    const auto at_all = all.at(centre.x, centre.y);
    CHECK(protest.at(centre.x, centre.y) == at_all);
    // A marker's colour, not the basemap's: a saturated pixel, and not ASSAULT's rose.
    const auto spread =
        std::max({at_all[0], at_all[1], at_all[2]}) - std::min({at_all[0], at_all[1], at_all[2]});
    CHECK(spread > 60);
    const std::array<int, 3> rose = {0xCC, 0x66, 0x77};
    CHECK(all.count(centre.x - 3, centre.y - 3, centre.x + 4, centre.y + 4, rose, 24) == 0);
    CHECK(protest.count(centre.x - 3, centre.y - 3, centre.x + 4, centre.y + 4, rose, 24) == 0);
}
