// An image drawn in tiles must equal the image drawn whole: point-sprite markers are clipped by
// their centre, so one centred just beyond a tile's edge would lose its visible half without
// the wider viewport EventLayer draws points with.
#include "mapdata/map_source.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_context.hpp"
#include "render/offscreen_target.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

TEST_CASE("markers across a tile seam draw the same in tiles as whole", "[render]") {
    render::OffscreenContext context;
    render::MapRenderer renderer({"", "-", ""});
    auto table = std::make_shared<mapdata::EventTable>(
        mapdata::load_events(test::fixture("mapdata/events.geojson")));
    renderer.set_events(table);
    renderer.set_projection(render::ProjectionKind::web_mercator, 0);
    constexpr int w = 240, h = 160;
    const auto view = render::fit_view(renderer.projection(), {34, 31, 39, 36}, w, h, 0);
    render::MapOptions options;
    options.legend = options.scale_bar = options.attribution = options.north_arrow = false;
    options.title.clear();
    options.country_labels = false;
    options.scale = 3; // large markers, so a seam through one is easy to see

    std::vector<std::uint8_t> whole(static_cast<std::size_t>(w) * h * 4);
    {
        render::OffscreenTarget target(w, h);
        target.bind();
        renderer.draw(view, options, {0, 0, w, h});
        target.read(whole.data());
    }
    // Seams through the Damascus marker: the tile corner sits on its centre, off by a pixel.
    const auto p = renderer.projection().forward(table->lon[0], table->lat[0]);
    const int sx = static_cast<int>(view.pixel_x(p.x)) + 1;
    const int sy = static_cast<int>(view.pixel_y(p.y)) + 1;
    REQUIRE(sx > 8);
    REQUIRE(sx < w - 8);
    REQUIRE(sy > 8);
    REQUIRE(sy < h - 8);
    std::vector<std::uint8_t> tiled(whole.size());
    for (const auto& [x0, x1] : {std::pair{0, sx}, std::pair{sx, w}}) {
        for (const auto& [y0, y1] : {std::pair{0, sy}, std::pair{sy, h}}) {
            render::OffscreenTarget target(x1 - x0, y1 - y0);
            target.bind();
            renderer.draw(view, options, {x0, y0, x1 - x0, y1 - y0});
            std::vector<std::uint8_t> part(static_cast<std::size_t>(x1 - x0) * (y1 - y0) * 4);
            target.read(part.data());
            for (int y = y0; y < y1; ++y) {
                std::copy_n(&part[static_cast<std::size_t>((y - y0) * (x1 - x0)) * 4],
                            (x1 - x0) * 4, &tiled[(static_cast<std::size_t>(y) * w + x0) * 4]);
            }
        }
    }
    int differing = 0;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        differing += std::abs(whole[i] - tiled[i]) > 40 ? 1 : 0;
    }
    CHECK(differing < 20);
}
