// The viewer driven by a script under Xvfb: pixel probes at Damascus, selection, export,
// correction. Skips loudly when the viewer is not built or xvfb-run is missing.
#include "render/png_probe.hpp"
#include "store/event_store.hpp"
#include "store_fixture.hpp"
#include "view/view_state.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

using namespace eventmap;
using test::Png;
using test::read_png;

namespace {

// Okabe & Ito's vermilion (material conflict, colour by quad): strong red, little blue.
bool vermilion_near(const Png& png, int cx, int cy, int radius) {
    for (int y = cy - radius; y <= cy + radius; ++y) {
        for (int x = cx - radius; x <= cx + radius; ++x) {
            const auto c = png.at(x, y);
            if (c[0] > 170 && c[1] < 140 && c[2] < 90) {
                return true;
            }
        }
    }
    return false;
}

// Runs the built eventmap under a wrapper (xvfb-run), capturing stdout and stderr. xvfb-run
// itself sometimes fails to remove its temporary folder when the program exits at once (its
// exit 5, with its own message, whatever the program returned); only that run is repeated, so
// every assertion still sees eventmap's own exit code and messages.
test::CommandResult run_eventmap_under(const std::string& wrapper, const std::string& args) {
    const std::string command = wrapper + " '" + EVENTMAP_TEST_BINARY + "' " + args;
    test::CommandResult result = test::run_command(command);
    for (int retry = 0;
         retry < 3 && result.exit_code == 5 &&
         result.err.find("problem while cleaning up temporary directory") != std::string::npos;
         ++retry) {
        result = test::run_command(command);
    }
    return result;
}

bool have_xvfb() {
    return std::system("command -v xvfb-run >/dev/null 2>&1") == 0;
}

} // namespace

TEST_CASE("a scripted viewer run: probes, selection, export, correction", "[view][xvfb]") {
#ifndef EVENTMAP_HAVE_VIEW
    WARN("SKIPPED: the viewer is not built in this configuration");
    return;
#else
    if (!have_xvfb()) {
        WARN("SKIPPED: xvfb-run is not installed (scripts/setup installs it)");
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
    const auto result = run_eventmap_under("xvfb-run -a -s '-screen 0 1280x800x24'",
                                           "view " + store + " --script " + dir +
                                               "/run.script --width 1280 --height 800");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 20);

    const Png with = read_png(dir + "/with.png");
    const Png without = read_png(dir + "/without.png");
    REQUIRE(with.width == 1280);
    // The map's centre (where `center` put Damascus) inside its rectangle between the panels.
    const auto& map = lines[4]["map"];
    REQUIRE(map.size() == 4);
    const int cx = map[0].get<int>() + map[2].get<int>() / 2;
    const int cy = map[1].get<int>() + map[3].get<int>() / 2;
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
#endif
}

TEST_CASE("a bad script fails before the viewer opens", "[view][xvfb]") {
#ifndef EVENTMAP_HAVE_VIEW
    WARN("SKIPPED: the viewer is not built in this configuration");
    return;
#else
    if (!have_xvfb()) {
        WARN("SKIPPED: xvfb-run is not installed (scripts/setup installs it)");
        return;
    }
    const std::string store = test::write_fixture_store("view_script_bad");
    const std::string dir = test::scratch_dir("view_script_bad_run");
    test::write_file(dir + "/bad.script", "window 2018-02\nteleport 1 2\n");
    const auto result =
        run_eventmap_under("xvfb-run -a", "view " + store + " --script " + dir + "/bad.script");
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("bad.script:2"));
#endif
}

TEST_CASE("a source without dates is refused with a message, not a crash", "[view][xvfb]") {
#ifndef EVENTMAP_HAVE_VIEW
    WARN("SKIPPED: the viewer is not built in this configuration");
    return;
#else
    if (!have_xvfb()) {
        WARN("SKIPPED: xvfb-run is not installed (scripts/setup installs it)");
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
#endif
}

namespace {

// Okabe & Ito's sky blue (verbal cooperation, colour by quad): strong blue, little red.
bool sky_blue_near(const Png& png, int cx, int cy, int radius) {
    for (int y = cy - radius; y <= cy + radius; ++y) {
        for (int x = cx - radius; x <= cx + radius; ++x) {
            const auto c = png.at(x, y);
            if (c[2] > 200 && c[0] < 130 && c[1] > 150) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

TEST_CASE("two sources as layers: shown, hidden and reordered on screen", "[view][xvfb]") {
#ifndef EVENTMAP_HAVE_VIEW
    WARN("SKIPPED: the viewer is not built in this configuration");
    return;
#else
    if (!have_xvfb()) {
        WARN("SKIPPED: xvfb-run is not installed (scripts/setup installs it)");
        return;
    }
    const std::string store = test::write_fixture_store("view_layers_store");
    const std::string dir = test::scratch_dir("view_layers_run");
    // The second layer: a verbal-cooperation event at Damascus (the store's is material
    // conflict), so the colour at Damascus says which layer is drawn on top.
    test::write_file(dir + "/extra.geojson",
                     R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                     R"("geometry":{"type":"Point","coordinates":[36.2913,33.5102]},)"
                     R"("properties":{"id":"x-damascus","date":"2018-02-20",)"
                     R"("event":"CONSULT","quad_code":1}}]})");
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
        run_eventmap_under("xvfb-run -a -s '-screen 0 1280x800x24'",
                           "view " + store + " " + dir + "/extra.geojson --script " + dir +
                               "/run.script --width 1280 --height 800");
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

    const auto& map = lines[5]["map"];
    const int cx = map[0].get<int>() + map[2].get<int>() / 2;
    const int cy = map[1].get<int>() + map[3].get<int>() / 2;
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
#endif
}

TEST_CASE("layers and colour by layer are kept in the state file", "[view][xvfb]") {
#ifndef EVENTMAP_HAVE_VIEW
    WARN("SKIPPED: the viewer is not built in this configuration");
    return;
#else
    if (!have_xvfb()) {
        WARN("SKIPPED: xvfb-run is not installed (scripts/setup installs it)");
        return;
    }
    const std::string store = test::write_fixture_store("view_state_layers_store");
    const std::string dir = test::scratch_dir("view_state_layers_run");
    test::write_file(dir + "/extra.geojson",
                     R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                     R"("geometry":{"type":"Point","coordinates":[36.2913,33.5102]},)"
                     R"("properties":{"id":"x-damascus","date":"2018-02-20",)"
                     R"("event":"CONSULT","quad_code":1}}]})");
    const std::string xvfb = "xvfb-run -a -s '-screen 0 1280x800x24'";
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
    const auto& map = second[6]["map"];
    const int cx = map[0].get<int>() + map[2].get<int>() / 2;
    const int cy = map[1].get<int>() + map[3].get<int>() / 2;
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
#endif
}

TEST_CASE("the map follows the store: an event ingested while the viewer is open appears",
          "[view][xvfb]") {
#ifndef EVENTMAP_HAVE_VIEW
    WARN("SKIPPED: the viewer is not built in this configuration");
    return;
#else
    if (!have_xvfb()) {
        WARN("SKIPPED: xvfb-run is not installed (scripts/setup installs it)");
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
        for (int i = 0; i < 1200 && !std::filesystem::exists(loaded); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        store::EventStore s(store, store::OpenMode::append);
        s.begin();
        const auto e = test::fixture_event("ev-aleppo", "2018-03-01", "ASSAULT", 4, "Aleppo",
                                           36.2021, 37.1343, "SY", "Shelling hit Aleppo.");
        store::ArticleRecord a;
        a.id = e.article_id;
        a.content_hash = "hash-" + e.id;
        a.title = e.article_title;
        a.published = model::iso_date(e);
        s.add_article(a, {e}, {});
        s.commit();
    });
    const auto result = run_eventmap_under("xvfb-run -a -s '-screen 0 1280x800x24'",
                                           "view " + store + " --script " + dir +
                                               "/run.script --width 1280 --height 800");
    ingest.join();
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 10);
    CHECK(lines[4]["selected"].is_null()); // nothing at Aleppo yet
    CHECK(lines[6]["reloaded"] == true);
    CHECK(lines[6]["events"] == 5);
    CHECK(lines[3]["in_window"] == 4);
    CHECK(lines[6]["in_window"] == 5); // the window kept, the new event in it
    CHECK(lines[7]["selected"]["id"] == "ev-aleppo");
    // On screen at the centre, where the view stayed.
    const auto& map = lines[8]["map"];
    const int cx = map[0].get<int>() + map[2].get<int>() / 2;
    const int cy = map[1].get<int>() + map[3].get<int>() / 2;
    CHECK_FALSE(vermilion_near(read_png(loaded), cx, cy, 6));
    CHECK(vermilion_near(read_png(dir + "/after.png"), cx, cy, 3));
#endif
}

TEST_CASE("a store damaged while the viewer is open: a message, the events stay", "[view][xvfb]") {
#ifndef EVENTMAP_HAVE_VIEW
    WARN("SKIPPED: the viewer is not built in this configuration");
    return;
#else
    if (!have_xvfb()) {
        WARN("SKIPPED: xvfb-run is not installed (scripts/setup installs it)");
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
        for (int i = 0; i < 1200 && !std::filesystem::exists(loaded); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        test::write_file(store, std::string("SQLite format 3\0garbage", 23));
    });
    const auto result = run_eventmap_under("xvfb-run -a -s '-screen 0 1280x800x24'",
                                           "view " + store + " --script " + dir +
                                               "/run.script --width 1280 --height 800");
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
    const auto& map = lines[8]["map"];
    const int cx = map[0].get<int>() + map[2].get<int>() / 2;
    const int cy = map[1].get<int>() + map[3].get<int>() / 2;
    CHECK(vermilion_near(read_png(dir + "/after.png"), cx, cy, 3));
#endif
}

TEST_CASE("a drag shows the last map image moved, then the map drawn where it rests",
          "[view][xvfb]") {
#ifndef EVENTMAP_HAVE_VIEW
    WARN("SKIPPED: the viewer is not built in this configuration");
    return;
#else
    if (!have_xvfb()) {
        WARN("SKIPPED: xvfb-run is not installed (scripts/setup installs it)");
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
    const auto result = run_eventmap_under("xvfb-run -a -s '-screen 0 1280x800x24'",
                                           "view " + store + " --script " + dir +
                                               "/run.script --width 1280 --height 800");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 7);
    CHECK(lines[4]["preview"] == true);
    const auto& map = lines[5]["map"];
    const int cx = map[0].get<int>() + map[2].get<int>() / 2;
    const int cy = map[1].get<int>() + map[3].get<int>() / 2;
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
#endif
}
