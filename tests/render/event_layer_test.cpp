// The point markers' CPU selection: only points inside the time window and of a shown type go
// to the GPU, the selection follows the window and the types, and the image is what the
// shader's own test draws.
#include "render/event_layer.hpp"
#include "render/offscreen_context.hpp"
#include "render/offscreen_target.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

using namespace eventmap;
using render::EventInstance;

TEST_CASE("point_shown is the marker shader's window and type test", "[render]") {
    std::array<float, render::slot_count> visible{};
    visible.fill(1);
    visible[render::hidden_slot] = 0;
    const float window[2] = {10, 20};
    // The window is inclusive at both ends and keeps events that overlap it.
    CHECK(render::point_shown(10, 10, 0, window, visible));
    CHECK(render::point_shown(20, 25, 0, window, visible));
    CHECK(render::point_shown(5, 30, 0, window, visible));
    CHECK_FALSE(render::point_shown(21, 22, 0, window, visible));
    CHECK_FALSE(render::point_shown(2, 9.5F, 0, window, visible));
    CHECK_FALSE(render::point_shown(12, 12, render::hidden_slot, window, visible));
    visible[3] = 0;
    CHECK_FALSE(render::point_shown(12, 12, 3, window, visible));
}

namespace {

constexpr int side = 64;

struct Layer {
    render::ShaderProgram marker{"marker.vert", "marker.frag"};
    render::ShaderProgram point{"point_marker.vert", "point_marker.frag"};
    render::ShaderProgram splat{"splat.vert", "splat.frag"};
    render::ShaderProgram heat{"heatmap.vert", "heatmap.frag"};
    render::EventLayer events{marker, point, splat, heat};
    render::OffscreenTarget target{side, side, 1};
    render::MarkerStyle style;

    Layer() {
        style.slot_colors.fill(render::Rgba{0.9F, 0.1F, 0.1F, 1});
        style.slot_visible.fill(1);
        style.slot_visible[render::hidden_slot] = 0;
    }

    // Draws over a white target; returns the top-down RGBA pixels.
    std::vector<std::uint8_t> draw(float first, float last) {
        target.bind();
        glViewport(0, 0, side, side);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        // Projected metres are clip coordinates here.
        const render::ClipTransform clip{{1, 1}, {0, 0}, {2.0F / side, 2.0F / side}, {0, 0}};
        const float window[2] = {first, last};
        events.draw_markers(clip, {0, 0, side, side}, window, style);
        std::vector<std::uint8_t> rgba(static_cast<std::size_t>(side) * side * 4);
        target.read(rgba.data());
        return rgba;
    }
};

// Is the pixel at the centre of a point drawn at clip (x, y) red (a marker) or still white?
bool red_at(const std::vector<std::uint8_t>& rgba, float x, float y) {
    const int col = static_cast<int>((x * 0.5F + 0.5F) * side);
    const int row = static_cast<int>((0.5F - y * 0.5F) * side);
    const auto* p = &rgba[(static_cast<std::size_t>(row) * side + col) * 4];
    return p[0] > 180 && p[1] < 100;
}

EventInstance point(float x, float y, float day0, float day1, float slot) {
    return {x, y, day0, day1, slot, 0, 0, 1, 0};
}

} // namespace

TEST_CASE("markers outside the window or of a hidden type are not sent to the GPU", "[render]") {
    render::OffscreenContext context;
    Layer layer;
    layer.events.upload({point(-0.5F, 0.5F, 0, 0, 0), point(0.5F, 0.5F, 10, 12, 1),
                         point(-0.5F, -0.5F, 5, 5, render::hidden_slot),
                         point(0.5F, -0.5F, 3, 30, 2)});

    auto rgba = layer.draw(0, 4);
    CHECK(layer.events.points_drawn() == 2); // the first and the long one; not the hidden type
    CHECK(red_at(rgba, -0.5F, 0.5F));
    CHECK_FALSE(red_at(rgba, 0.5F, 0.5F));
    CHECK_FALSE(red_at(rgba, -0.5F, -0.5F));
    CHECK(red_at(rgba, 0.5F, -0.5F));

    // A new window is a new selection (a stale one would still draw the first point).
    rgba = layer.draw(11, 11);
    CHECK(layer.events.points_drawn() == 2);
    CHECK_FALSE(red_at(rgba, -0.5F, 0.5F));
    CHECK(red_at(rgba, 0.5F, 0.5F));
    CHECK(red_at(rgba, 0.5F, -0.5F));

    // So is a type hidden by the filter, and shown again.
    layer.style.slot_visible[2] = 0;
    rgba = layer.draw(11, 11);
    CHECK(layer.events.points_drawn() == 1);
    CHECK_FALSE(red_at(rgba, 0.5F, -0.5F));
    layer.style.slot_visible[2] = 1;
    rgba = layer.draw(0, 40);
    CHECK(layer.events.points_drawn() == 3);
    CHECK(red_at(rgba, 0.5F, -0.5F));

    // Unchanged window and types: the selection is reused, the image the same.
    const auto again = layer.draw(0, 40);
    CHECK(layer.events.last_selection_ms() == 0);
    CHECK(again == rgba);

    // A new upload drops the old selection.
    layer.events.upload({point(-0.5F, -0.5F, 1, 1, 0)});
    rgba = layer.draw(0, 40);
    CHECK(layer.events.points_drawn() == 1);
    CHECK(red_at(rgba, -0.5F, -0.5F));
    CHECK_FALSE(red_at(rgba, 0.5F, -0.5F));
}
