// The renderer as the viewer uses it: a context, a table, a view; masks and selection rings.
#include "mapdata/map_source.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_context.hpp"
#include "render/offscreen_target.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

struct Frame {
    int width = 400, height = 300;
    std::vector<std::uint8_t> rgba;
    int count(int x, int y, int reach, std::array<int, 3> rgb, int tolerance) const {
        int n = 0;
        for (int j = y - reach; j <= y + reach; ++j) {
            for (int i = x - reach; i <= x + reach; ++i) {
                if (i < 0 || j < 0 || i >= width || j >= height) {
                    continue;
                }
                const auto* p = &rgba[(static_cast<std::size_t>(j) * width + i) * 4];
                n += std::abs(p[0] - rgb[0]) <= tolerance && std::abs(p[1] - rgb[1]) <= tolerance &&
                     std::abs(p[2] - rgb[2]) <= tolerance;
            }
        }
        return n;
    }
};

} // namespace

TEST_CASE("a visibility mask hides events and highlight rings mark a selection", "[render]") {
    render::OffscreenContext context;
    render::MapRenderer renderer({"", "-", ""});
    auto table = std::make_shared<mapdata::EventTable>(
        mapdata::load_events(test::fixture("mapdata/events.geojson")));
    renderer.set_events(table);
    renderer.set_projection(render::ProjectionKind::web_mercator, 0);
    const auto view = render::fit_view(renderer.projection(), {34, 31, 39, 36}, 400, 300, 0);
    render::MapOptions options;
    options.legend = options.scale_bar = options.attribution = options.north_arrow = false;
    options.window = {table->day_start[0], table->day_start[0]}; // the Damascus assault only
    Frame frame;
    frame.rgba.resize(400 * 300 * 4);
    render::OffscreenTarget target(400, 300);
    const auto draw = [&] {
        target.bind();
        renderer.draw(view, options, {0, 0, 400, 300});
        target.read(frame.rgba.data());
    };
    const auto p = renderer.projection().forward(table->lon[0], table->lat[0]);
    const int x = static_cast<int>(view.pixel_x(p.x)), y = static_cast<int>(view.pixel_y(p.y));
    const std::array<int, 3> rose = {0xCC, 0x66, 0x77};

    draw();
    CHECK(frame.count(x, y, 2, rose, 24) >= 9);
    CHECK(renderer.last_frame().events_in_window == 1);
    CHECK(renderer.pick(view, options, x + 1, y) == std::optional<std::size_t>(0));

    auto mask = std::make_shared<std::vector<std::uint8_t>>(table->size(), 1);
    (*mask)[0] = 0;
    renderer.set_visible(mask);
    draw();
    CHECK(frame.count(x, y, 4, rose, 24) == 0);
    CHECK(renderer.last_frame().events_in_window == 0);
    CHECK_FALSE(renderer.pick(view, options, x, y));

    renderer.set_visible(nullptr);
    renderer.set_highlight({0});
    draw();
    // The selection ring: dark pixels about 10 px from the marker's centre.
    const std::array<int, 3> ink = {0x1f, 0x1f, 0x24};
    CHECK(frame.count(x + 10, y, 1, ink, 40) + frame.count(x - 10, y, 1, ink, 40) > 2);
}
