// The renderer as the viewer uses it: a context, a table, a view; masks and selection rings.
#include "mapdata/map_source.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_context.hpp"
#include "render/offscreen_target.hpp"
#include "render/palette.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <cmath>

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
    frame.rgba.resize(std::size_t{400} * 300 * 4);
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

namespace {

// Invented events along the equator, one spot per type, 2 degrees apart: type k (k = 0..10)
// at longitude 2k with 11 - k events, so the ranks are the indices. Two more of type 0 at
// 1 degree south: one dated to the day (west), one dated to a month (east).
mapdata::EventTable equator_types() {
    mapdata::EventTable t;
    for (int k = 0; k <= 10; ++k) {
        t.type_names.push_back("TYPE_" + std::string(1, static_cast<char>('A' + k)));
        for (int n = 0; n < 11 - k; ++n) {
            t.resize(t.size() + 1);
            t.lon.back() = 2.0 * k;
            t.type.back() = static_cast<std::uint16_t>(k);
            t.precision.back() = mapdata::DatePrecision::day;
        }
    }
    for (const auto p : {mapdata::DatePrecision::day, mapdata::DatePrecision::month}) {
        t.resize(t.size() + 1);
        t.lon.back() = p == mapdata::DatePrecision::day ? 4.0 : 8.0;
        t.lat.back() = -1.0;
        t.precision.back() = p;
        t.day_end.back() = p == mapdata::DatePrecision::month ? 29 : 0;
    }
    return t;
}

} // namespace

TEST_CASE("a type filter keeps the colours of the types it keeps, and coarse dates draw lighter",
          "[render]") {
    render::OffscreenContext context;
    render::MapRenderer renderer({"", "-", ""});
    const auto table = std::make_shared<mapdata::EventTable>(equator_types());
    renderer.set_events(table);
    renderer.set_projection(render::ProjectionKind::web_mercator, 0);
    const auto view = render::fit_view(renderer.projection(), {-2, -4, 22, 4}, 400, 300, 0);
    render::MapOptions options;
    options.legend = options.scale_bar = options.attribution = options.north_arrow = false;
    options.country_labels = false;
    render::OffscreenTarget target(400, 300);
    const auto centre = [&](double lon, double lat) {
        const auto p = renderer.projection().forward(lon, lat);
        return std::pair{static_cast<int>(view.pixel_x(p.x)), static_cast<int>(view.pixel_y(p.y))};
    };
    // The colour at the centre of each type's spot, and of the two dated markers.
    const auto draw = [&] {
        Frame frame;
        frame.rgba.resize(std::size_t{400} * 300 * 4);
        target.bind();
        renderer.draw(view, options, {0, 0, 400, 300});
        target.read(frame.rgba.data());
        std::vector<std::array<int, 3>> at;
        for (int k = 0; k <= 10; ++k) {
            const auto [x, y] = centre(2.0 * k, 0);
            const auto* p = &frame.rgba[(static_cast<std::size_t>(y) * 400 + x) * 4];
            at.push_back({p[0], p[1], p[2]});
        }
        for (const double lon : {4.0, 8.0}) {
            const auto [x, y] = centre(lon, -1.0);
            const auto* p = &frame.rgba[(static_cast<std::size_t>(y) * 400 + x) * 4];
            at.push_back({p[0], p[1], p[2]});
        }
        return at;
    };
    const auto near = [](std::array<int, 3> a, std::uint32_t hex) {
        const std::array<int, 3> b = {static_cast<int>(hex >> 16),
                                      static_cast<int>(hex >> 8 & 0xFF),
                                      static_cast<int>(hex & 0xFF)};
        return std::abs(a[0] - b[0]) <= 6 && std::abs(a[1] - b[1]) <= 6 &&
               std::abs(a[2] - b[2]) <= 6;
    };
    const auto all = draw();
    CHECK(near(all[0], 0xCC6677)); // Paul Tol's muted scheme, in rank order
    CHECK(near(all[1], 0x332288));
    CHECK(near(all[5], 0x882255));
    CHECK(near(all[9], 0x9E9E9E)); // beyond the nine colours: grey
    CHECK(near(all[10], 0x9E9E9E));

    // TYPE_B, TYPE_F and TYPE_J ticked: B and F keep their colours; J, grey before, takes the
    // first colour no kept type holds (TYPE_A's).
    options.types = {"TYPE_B", "TYPE_F", "TYPE_J"};
    const auto some = draw();
    CHECK(some[1] == all[1]);
    CHECK(some[5] == all[5]);
    CHECK(near(some[9], 0xCC6677));
    CHECK_FALSE(near(some[0], 0xCC6677)); // TYPE_A is not drawn
    // One type alone keeps its colour too (before, it took the first colour).
    options.types = {"TYPE_D"};
    CHECK(draw()[3] == all[3]);
    options.types.clear();

    // The month-dated marker: TYPE_A's rose mixed halfway to white, lighter on every channel
    // than the day-dated one beside it, and opaque (the same colour over land or water).
    const auto day = all[11], month = all[12];
    CHECK(near(day, 0xCC6677));
    const auto light = render::lighter_for_coarse_date(render::rgb_hex(0xCC6677));
    const auto to_hex = [](float c) { return static_cast<std::uint32_t>(std::lround(c * 255)); };
    CHECK(near(month, to_hex(light.r) << 16 | to_hex(light.g) << 8 | to_hex(light.b)));
    for (std::size_t c = 0; c < 3; ++c) {
        CHECK(month[c] > day[c]);
    }
    // By quad class the coarse event is lighter as well.
    options.color_by = render::ColorBy::quad;
    const auto by_quad = draw();
    for (std::size_t c = 0; c < 3; ++c) {
        CHECK(by_quad[12][c] > by_quad[11][c]);
    }
}
