#include "render/graticule.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace eventmap;

TEST_CASE("the graticule step is round and gives a handful of lines", "[render][graticule]") {
    CHECK(render::graticule_step({-180, -90, 180, 90}) == 30);
    CHECK(render::graticule_step({30, 28, 42, 38}) == 2);         // the Levant: 12 degrees wide
    CHECK(render::graticule_step({35.9, 33.3, 36.6, 33.7}) == 1); // a city
    CHECK(render::graticule_step({170, -28, -165, -8}) == 5);     // across 180: 35 degrees wide
}

TEST_CASE("graticule lines lie on their meridians and parallels", "[render][graticule]") {
    const render::Projection p(render::ProjectionKind::web_mercator, 0);
    const auto segments = render::graticule_segments(p, {30, 28, 42, 38}, 2);
    REQUIRE(!segments.empty());
    REQUIRE(segments.size() % 4 == 0);
    const double x36 = p.forward(36, 30).x, y34 = p.forward(36, 34).y;
    int on_36 = 0, on_34 = 0;
    for (std::size_t i = 0; i < segments.size(); i += 4) {
        const double x0 = segments[i], y0 = segments[i + 1], x1 = segments[i + 2],
                     y1 = segments[i + 3];
        on_36 += std::abs(x0 - x36) < 1 && std::abs(x1 - x36) < 1;
        on_34 += std::abs(y0 - y34) < 1 && std::abs(y1 - y34) < 1;
        // Every segment is short: the lines are densified, never one jump across the map.
        CHECK(std::hypot(x1 - x0, y1 - y0) < 250000);
    }
    CHECK(on_36 >= 8); // 28..38 degrees north in half-degree steps
    CHECK(on_34 >= 8);
    // No parallel outside the box: the 40th parallel is beyond its north edge.
    const double y40 = p.forward(36, 40).y;
    for (std::size_t i = 1; i < segments.size(); i += 2) {
        CHECK(segments[i] < y40);
    }
}

TEST_CASE("a graticule across the antimeridian stays one piece", "[render][graticule]") {
    const render::Projection p(render::ProjectionKind::web_mercator, -177.5);
    const auto segments = render::graticule_segments(p, {170, -28, -165, -8}, 5);
    REQUIRE(!segments.empty());
    const double west = p.forward(170, -20).x, east = p.forward(-165, -20).x;
    REQUIRE(west < east);
    bool meridian_180 = false;
    for (std::size_t i = 0; i < segments.size(); i += 4) {
        for (const std::size_t k : {i, i + 2}) {
            CHECK(segments[k] >= west - 1);
            CHECK(segments[k] <= east + 1);
        }
        meridian_180 |= std::abs(segments[i] - p.forward(180, -20).x) < 1 &&
                        std::abs(segments[i + 2] - segments[i]) < 1;
    }
    CHECK(meridian_180);
}
