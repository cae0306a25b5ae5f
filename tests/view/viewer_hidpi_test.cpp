// Hi-DPI: the same script in a normal Xvfb display and in one whose X resources say
// Xft.dpi: 192 (what GLFW reads on X11 for the window's content scale; a desktop at 200 %
// sets it). At scale 2 the window opens twice as large in pixels, text, panels and markers are
// twice as large, the map keeps its area (same zoom, half the metres per pixel: sharp, not
// magnified) and a select at a lat/lon still picks the event there. Skips loudly without Xvfb
// or xrdb (x11-xserver-utils, which scripts/setup installs).
#include "render/png_probe.hpp"
#include "store_fixture.hpp"
#include "viewer_run.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

using namespace eventmap;

namespace {

// The pixels of the marker drawn around (cx, cy): those that differ from the land colour (the
// square's corner) within the square of half-side `radius`, its dark rim and soft edge included.
int marker_pixels(const test::Png& png, int cx, int cy, int radius) {
    const auto land = png.at(cx - radius, cy - radius);
    int n = 0;
    for (int y = cy - radius; y <= cy + radius; ++y) {
        for (int x = cx - radius; x <= cx + radius; ++x) {
            const auto c = png.at(x, y);
            const int diff = std::max(
                {std::abs(c[0] - land[0]), std::abs(c[1] - land[1]), std::abs(c[2] - land[2])});
            n += diff > 40 ? 1 : 0;
        }
    }
    return n;
}

struct Run {
    std::vector<nlohmann::json> lines;
    test::Png shot;
};

// The script in a 1280x800 window (--width/--height) on `wrapper`'s display.
Run run_at(const std::string& wrapper, const std::string& store, const std::string& dir) {
    test::write_file(dir + "/dpi.script", "color quad\n"
                                          "layer labels off\n"
                                          "window 2018-02-15 2018-02-22\n"
                                          "center 33.5102 36.2913 9\n"
                                          "display\n"
                                          "screenshot " +
                                              dir +
                                              "/shot.png\n"
                                              "select 33.5102 36.2913\n"
                                              "select 33.58 36.45\n"
                                              "quit\n");
    const auto result = test::run_eventmap_under(
        wrapper, "view " + store + " --script " + dir + "/dpi.script --width 1280 --height 800");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    Run run{test::json_lines(result.out), test::read_png(dir + "/shot.png")};
    REQUIRE(run.lines.size() == 9);
    return run;
}

} // namespace

TEST_CASE("hi-DPI: at Xft.dpi 192 the UI doubles and the map stays sharp", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    if (std::system("command -v xrdb >/dev/null 2>&1") != 0) {
        test::mark_skipped("xrdb is not installed (x11-xserver-utils; scripts/setup installs it)");
        return;
    }
    const std::string store = test::write_fixture_store("view_hidpi_store");
    const Run one = run_at(test::xvfb_1280x800, store, test::scratch_dir("view_hidpi_1x"));
    // The resource goes into the display's RESOURCE_MANAGER before eventmap connects; a
    // screen large enough for the window GLFW scales to the content scale. -noreset: by
    // default Xvfb resets when its last client (xrdb) leaves, which clears the resource.
    const std::string dpi_192 = "xvfb-run -a -s '-noreset -screen 0 2560x1600x24' sh -c "
                                "'echo Xft.dpi: 192 | xrdb -nocpp -merge && exec \"$0\" \"$@\"'";
    const Run two = run_at(dpi_192, store, test::scratch_dir("view_hidpi_2x"));

    const auto& d1 = one.lines[4];
    const auto& d2 = two.lines[4];
    INFO(d1.dump() << "\n" << d2.dump());
    CHECK(d1["content_scale"] == 1.0);
    CHECK(d2["content_scale"] == 2.0);
    CHECK(d2["ui_scale"] == 2.0); // window coordinates are pixels on X11
    // X11 has no logical coordinates: the window opens at 2560x1600 pixels, the framebuffer
    // is as large (every window pixel drawn, none magnified) and the picture is that size.
    CHECK(d2["window"] == nlohmann::json({2560, 1600}));
    CHECK(d2["framebuffer"] == nlohmann::json({2560, 1600}));
    CHECK(d2["pixel_ratio"] == 1.0);
    CHECK(two.shot.width == 2560);
    CHECK(two.shot.height == 1600);
    // Text and panels twice as large; the map's rectangle too (its pixels in the framebuffer).
    CHECK(d2["font_px"].get<double>() == Approx(2 * d1["font_px"].get<double>()));
    CHECK(d2["menu_height"].get<double>() == Approx(2 * d1["menu_height"].get<double>()));
    for (int i = 0; i < 4; ++i) {
        CHECK(d2["map"][i].get<int>() == Approx(2 * d1["map"][i].get<int>()).margin(2));
    }
    // The same zoom shows the same area with twice the pixels: sharp, not a magnified map.
    CHECK(d2["metres_per_pixel"].get<double>() ==
          Approx(d1["metres_per_pixel"].get<double>() / 2).epsilon(1e-6));
    CHECK(d2["zoom"].get<double>() == Approx(9).margin(0.01));

    // The Damascus marker, at the map's centre in both pictures, twice as wide: about four
    // times the pixels (the one-pixel soft edge does not scale, so a little under four).
    const auto c1 = test::map_centre(one.lines[5]);
    const auto c2 = test::map_centre(two.lines[5]);
    CHECK(c2.x == Approx(2 * c1.x).margin(2));
    CHECK(test::vermilion_near(one.shot, c1.x, c1.y, 2));
    CHECK(test::vermilion_near(two.shot, c2.x, c2.y, 2));
    const int a1 = marker_pixels(one.shot, c1.x, c1.y, 24);
    const int a2 = marker_pixels(two.shot, c2.x, c2.y, 48);
    INFO("marker pixels " << a1 << " at scale 1, " << a2 << " at scale 2");
    CHECK(a1 > 30);
    CHECK(static_cast<double>(a2) / a1 == Approx(4).epsilon(0.2));

    // Selection by lat/lon picks the event there, and nothing at a point near it.
    for (const Run* run : {&one, &two}) {
        CHECK(run->lines[6]["selected"]["id"] == "ev-damascus");
        CHECK(run->lines[7]["selected"].is_null());
    }
}

// Moving the window to a monitor of another scale: GLFW's content-scale callback calls
// ViewerApp::set_content_scale, which the script's `content-scale` calls too (Xvfb has one
// screen and no per-monitor scale to move to; the callback's registration is not driven here).
TEST_CASE("hi-DPI: a new content scale rebuilds fonts, panels and markers at once",
          "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_rescale_store");
    const std::string dir = test::scratch_dir("view_rescale_run");
    test::write_file(dir + "/rescale.script", "color quad\n"
                                              "layer labels off\n"
                                              "window 2018-02-15 2018-02-22\n"
                                              "center 33.5102 36.2913 9\n"
                                              "display\n"
                                              "screenshot " +
                                                  dir +
                                                  "/one.png\n"
                                                  "content-scale 2\n"
                                                  "screenshot " +
                                                  dir +
                                                  "/two.png\n"
                                                  "select 33.5102 36.2913\n"
                                                  "content-scale 1\n"
                                                  "quit\n");
    const auto result = test::run_view_script(store, dir + "/rescale.script");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 11);
    const auto& d1 = lines[4];
    const auto& d2 = lines[6];
    const auto& back = lines[9];
    INFO(d1.dump() << "\n" << d2.dump() << "\n" << back.dump());
    CHECK(d1["content_scale"] == 1.0);
    CHECK(d2["content_scale"] == 2.0);
    CHECK(d2["ui_scale"] == 2.0);
    CHECK(d2["font_px"].get<double>() == Approx(2 * d1["font_px"].get<double>()));
    CHECK(d2["menu_height"].get<double>() == Approx(2 * d1["menu_height"].get<double>()));
    // The zoom level stays: the same ground takes twice the pixels.
    CHECK(d2["zoom"].get<double>() == Approx(9).margin(0.01));
    CHECK(d2["metres_per_pixel"].get<double>() ==
          Approx(d1["metres_per_pixel"].get<double>() / 2).epsilon(1e-6));
    // Back on a 100 % monitor: as at the start.
    CHECK(back["font_px"] == d1["font_px"]);
    CHECK(back["menu_height"] == d1["menu_height"]);
    CHECK(back["metres_per_pixel"].get<double>() ==
          Approx(d1["metres_per_pixel"].get<double>()).epsilon(1e-6));

    // The Damascus marker at the map's centre, twice as wide after the change.
    const test::Png one = test::read_png(dir + "/one.png");
    const test::Png two = test::read_png(dir + "/two.png");
    const auto c1 = test::map_centre(lines[5]);
    const auto c2 = test::map_centre(lines[7]);
    CHECK(test::vermilion_near(one, c1.x, c1.y, 2));
    CHECK(test::vermilion_near(two, c2.x, c2.y, 2));
    // 24 px either side holds the doubled marker too; more would reach the legend, which the
    // doubled panels bring within 41 px of the centre of this 1280x800 window.
    const int a1 = marker_pixels(one, c1.x, c1.y, 24);
    const int a2 = marker_pixels(two, c2.x, c2.y, 24);
    INFO("marker pixels " << a1 << " at scale 1, " << a2 << " after the change to 2");
    CHECK(a1 > 30);
    CHECK(static_cast<double>(a2) / a1 == Approx(4).epsilon(0.2));
    CHECK(lines[8]["selected"]["id"] == "ev-damascus");
}
