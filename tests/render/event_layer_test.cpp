// The point markers' CPU selection: only points inside the time window and of a shown type go
// to the GPU, the selection follows the window and the types, and the image is what the
// shader's own test draws.
#include "render/event_layer.hpp"
#include "render/marker_occlusion.hpp"
#include "render/offscreen_context.hpp"
#include "render/offscreen_target.hpp"

#include <catch2/catch.hpp>
#include <cmath>
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

TEST_CASE("a marker is culled only when later opaque interiors cover all its pixels", "[render]") {
    render::MarkerOcclusion o;
    o.reset(100, 60);
    // The top marker always shows; a filled one covers its interior for those below.
    CHECK(o.shows(50.3F, 30.6F, 10, true));
    // Smaller and well inside that interior: hidden.
    CHECK_FALSE(o.shows(50.0F, 30.0F, 4.5F, true));
    // Its rim reaching past the interior (radius - 0.5) by a pixel: shows.
    CHECK(o.shows(55.5F, 30.6F, 4.5F, true));
    // Beside it, over nothing: shows.
    CHECK(o.shows(20.0F, 30.0F, 4.5F, true));
    // A planned event's ring covers nothing: the same marker under it still shows...
    CHECK(o.shows(80.0F, 30.0F, 6.0F, false));
    CHECK(o.shows(80.0F, 30.0F, 4.5F, true));
    // ...while under a filled one it does not.
    CHECK_FALSE(o.shows(80.0F, 30.0F, 2.5F, true));
    // Outside the image: nothing of it is seen; straddling the edge: it shows.
    CHECK_FALSE(o.shows(-20.0F, 30.0F, 4.5F, true));
    CHECK_FALSE(o.shows(50.0F, 1e9F, 4.5F, true));
    CHECK(o.shows(-2.0F, 30.0F, 4.5F, true));
}

TEST_CASE("the culling never hides a marker a pixel-by-pixel check would show", "[render]") {
    // Radii repeat (4.5) and vary (2-10: past the kept shapes, so rows worked out on the spot).
    // The reference: per pixel, the shader's own tests (shows where the distance from the
    // centre is under radius + 0.5, opaque within radius - 0.5), top marker first.
    constexpr int w = 90, h = 70;
    std::vector<char> opaque(static_cast<std::size_t>(w) * h, 0);
    render::MarkerOcclusion o;
    o.reset(w, h);
    std::uint32_t r = 777;
    const auto next = [&r] {
        r = r * 1664525U + 1013904223U;
        return static_cast<float>(r >> 8) / static_cast<float>(1U << 24);
    };
    int hidden_reference = 0, hidden_culled = 0;
    for (int k = 0; k < 4000; ++k) {
        const float cx = next() * (w + 20) - 10, cy = next() * (h + 20) - 10;
        const float radius = next() < 0.8F ? 4.5F : 2.0F + 8.0F * next();
        const bool filled = next() < 0.85F;
        bool shows = false;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const float d = std::hypot(static_cast<float>(x) + 0.5F - cx,
                                           static_cast<float>(y) + 0.5F - cy);
                shows |= d < radius + 0.5F && opaque[static_cast<std::size_t>(y * w + x)] == 0;
            }
        }
        const bool kept = o.shows(cx, cy, radius, filled);
        // Never hidden when a pixel of it shows.
        REQUIRE((kept || !shows));
        hidden_reference += shows ? 0 : 1;
        hidden_culled += kept ? 0 : 1;
        if (kept && filled) {
            // Mark what the culling marked (its interior, as conservative as it is), so that
            // the next markers are judged against the same covered pixels.
            for (int y = 0; y < h; ++y) {
                for (int x = 0; x < w; ++x) {
                    const float d = std::hypot(static_cast<float>(x) + 0.5F - cx,
                                               static_cast<float>(y) + 0.5F - cy);
                    if (d <= radius - 0.5F) {
                        opaque[static_cast<std::size_t>(y * w + x)] = 1;
                    }
                }
            }
        }
    }
    // And not so careful that it culls little: within a few percent of the reference.
    INFO(hidden_culled << " culled of " << hidden_reference << " hidden");
    CHECK(hidden_reference > 2000);
    CHECK(hidden_culled > hidden_reference * 95 / 100);
}

TEST_CASE("occlusion culling leaves out hidden markers and not one pixel changes", "[render]") {
    render::OffscreenContext context;
    Layer layer;
    // 3,000 markers of three colours and sizes, many planned, packed on the 64-pixel target:
    // most lie under others; some straddle the edges.
    std::vector<EventInstance> points;
    std::uint32_t r = 12345;
    const auto next = [&r] {
        r = r * 1664525U + 1013904223U;
        return static_cast<float>(r >> 8) / static_cast<float>(1U << 24);
    };
    for (int i = 0; i < 3000; ++i) {
        EventInstance e =
            point(next() * 2.4F - 1.2F, next() * 2.4F - 1.2F, 0, 0, static_cast<float>(i % 3));
        e.flags = next() < 0.2F ? 1 : 0;         // planned: a ring, covers nothing
        e.sources = next() < 0.1F ? 4.0F : 1.0F; // a larger disc
        points.push_back(e);
    }
    layer.style.slot_colors[1] = render::Rgba{0.1F, 0.6F, 0.2F, 1};
    layer.style.slot_colors[2] = render::Rgba{0.2F, 0.3F, 0.9F, 1};
    layer.events.upload(points);

    layer.events.set_culling(false);
    const auto all = layer.draw(0, 0);
    CHECK(layer.events.points_drawn() == layer.events.points_selected());
    layer.events.set_culling(true);
    const auto culled = layer.draw(0, 0);
    CHECK(layer.events.points_selected() == 3000);
    INFO("drawn " << layer.events.points_drawn() << " of 3000");
    CHECK(layer.events.points_drawn() < 1000);
    CHECK(layer.events.points_drawn() > 0);
    CHECK(culled == all);

    // A window keeping a third of them: a new selection, culled again, still the same image.
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i].day0 = points[i].day1 = static_cast<float>(i % 3);
    }
    layer.events.upload(points);
    layer.events.set_culling(false);
    const auto third = layer.draw(1, 1);
    layer.events.set_culling(true);
    CHECK(layer.draw(1, 1) == third);
    CHECK(layer.events.points_selected() == 1000);
    CHECK(layer.events.points_drawn() < 500);
}
