// The hi-DPI numbers the viewer applies at start-up and when GLFW's content-scale callback
// reports another scale (view/display_scale.hpp); the window side is viewer_hidpi_test.
#include "view/display_scale.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

TEST_CASE("display scales follow the window's content scale", "[view][dpi]") {
    // X11 / Windows: framebuffer pixels are window coordinates.
    auto s = view::display_scales(2.0f, 1.0f);
    CHECK(s.content_scale == 2.0f);
    CHECK(s.ui_scale == 2.0f);
    // A 200 % Wayland or macOS output: window coordinates are already two pixels.
    s = view::display_scales(2.0f, 2.0f);
    CHECK(s.content_scale == 2.0f);
    CHECK(s.ui_scale == 1.0f);
    s = view::display_scales(1.5f, 1.0f);
    CHECK(s.content_scale == 1.5f);
    CHECK(s.ui_scale == 1.5f);
    // Below 96 dpi the sizes stay legible; a zero pixel ratio (a minimised window) is 1.
    s = view::display_scales(0.75f, 0.0f);
    CHECK(s.content_scale == 1.0f);
    CHECK(s.ui_scale == 1.0f);
}

TEST_CASE("a new content scale keeps the map's zoom level", "[view][dpi]") {
    // From a 100 % monitor to a 200 % one: twice the pixels for the same ground.
    CHECK(view::rescaled_metres_per_pixel(100.0, 1.0f, 2.0f) == Approx(50.0));
    CHECK(view::rescaled_metres_per_pixel(50.0, 2.0f, 1.0f) == Approx(100.0));
    CHECK(view::rescaled_metres_per_pixel(80.0, 1.5f, 1.5f) == Approx(80.0));
    CHECK(view::rescaled_metres_per_pixel(80.0, 0.0f, 2.0f) == Approx(80.0));
}
