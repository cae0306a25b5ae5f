// "Save image" with a size and a scale: the settings resolved against the map on screen, the
// script's form of them, and the files the viewer writes under Xvfb.
#include "common/error.hpp"
#include "render/png_probe.hpp"
#include "store_fixture.hpp"
#include "view/image_settings.hpp"
#include "view/script.hpp"
#include "viewer_run.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace eventmap;

namespace {

// Vermilion pixels (a material-conflict marker, colour by quad) within `radius` of a point.
int vermilion_pixels(const test::Png& png, int cx, int cy, int radius) {
    int n = 0;
    for (int y = cy - radius; y <= cy + radius; ++y) {
        for (int x = cx - radius; x <= cx + radius; ++x) {
            const auto c = png.at(x, y);
            n += c[0] > 170 && c[1] < 140 && c[2] < 90 ? 1 : 0;
        }
    }
    return n;
}

} // namespace

TEST_CASE("save image settings follow the map on screen", "[view][image]") {
    // The screen's size and scale.
    auto drawn = view::resolve_image({}, 640, 604, 1.5f);
    CHECK(drawn.width == 640);
    CHECK(drawn.height == 604);
    CHECK(drawn.scale == Approx(1.5));
    // A larger file matched to the screen: symbols grow with the width.
    drawn = view::resolve_image({1920, 1080, 0}, 640, 604, 1);
    CHECK(drawn.width == 1920);
    CHECK(drawn.height == 1080);
    CHECK(drawn.scale == Approx(3));
    // A scale given is kept.
    CHECK(view::resolve_image({1920, 1080, 1.25f}, 640, 604, 1).scale == Approx(1.25));
}

TEST_CASE("a script's save-image takes a size or 'screen' and a scale", "[view][image]") {
    const auto s = view::parse_script("save-image a.png\n"
                                      "save-image b.png 1920x1080\n"
                                      "save-image c.png 3840x2160 2\n"
                                      "save-image d.png screen 0.5\n",
                                      "t.script");
    REQUIRE(s.actions.size() == 4);
    CHECK(s.actions[0].numbers == std::vector<double>{0, 0});
    CHECK(s.actions[1].numbers == std::vector<double>{1920, 1080});
    CHECK(s.actions[2].numbers == std::vector<double>{3840, 2160, 2});
    CHECK(s.actions[3].numbers == std::vector<double>{0, 0, 0.5});
    CHECK_THROWS_AS(view::parse_script("save-image a.png 640x400 0\n", "t"), InputError);
    CHECK_THROWS_AS(view::parse_script("save-image a.png 640x400 big\n", "t"), InputError);
    CHECK_THROWS_AS(view::parse_script("save-image a.png 640x400 2 3\n", "t"), InputError);
}

TEST_CASE("saved images have the size asked and markers scaled as on screen",
          "[view][image][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string store = test::write_fixture_store("view_image_store");
    const std::string dir = test::scratch_dir("view_image_run");
    test::write_file(dir + "/run.script", "color quad\n"
                                          "layer labels off\n"
                                          "center 33.5102 36.2913 9\n"
                                          "window 2018-02-15 2018-02-22\n"
                                          "save-image " +
                                              dir + "/screen.png\nsave-image " + dir +
                                              "/matched.png 1920x1080\nsave-image " + dir +
                                              "/fixed.png 1920x1080 1\nquit\n");
    const auto result = test::run_view_script(store, dir + "/run.script");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 8);
    const int map_w = lines[4]["size"][0];
    const int map_h = lines[4]["size"][1];
    CHECK(map_w > 100);
    const float screen_scale = lines[4]["scale"];
    CHECK(lines[5]["size"] == nlohmann::json::array({1920, 1080}));
    CHECK(lines[5]["scale"].get<float>() == Approx(screen_scale * 1920.0f / map_w));
    CHECK(lines[6]["scale"].get<float>() == Approx(1));

    const auto screen = test::read_png(dir + "/screen.png");
    const auto matched = test::read_png(dir + "/matched.png");
    const auto fixed = test::read_png(dir + "/fixed.png");
    CHECK(screen.width == map_w);
    CHECK(screen.height == map_h);
    REQUIRE(matched.width == 1920);
    REQUIRE(matched.height == 1080);
    REQUIRE(fixed.width == 1920);
    // Damascus at the centre of each; its marker is ~3x wider matched than at scale 1.
    const int on_screen = vermilion_pixels(screen, map_w / 2, map_h / 2, 20);
    const int big = vermilion_pixels(matched, 960, 540, 60);
    const int small = vermilion_pixels(fixed, 960, 540, 60);
    CHECK(on_screen > 0);
    CHECK(small > 0);
    CHECK(big > 4 * small);
}
