#include "common/error.hpp"
#include "render/overlays.hpp"
#include "render/projection.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace eventmap;

TEST_CASE("Web Mercator through PROJ matches the closed form", "[render][projection]") {
    const render::Projection p(render::ProjectionKind::web_mercator, 0);
    const auto xy = p.forward(36.2913, 33.5138);
    constexpr double r = 6378137.0, rad = 3.14159265358979323846 / 180;
    CHECK(xy.x == Approx(r * 36.2913 * rad));
    CHECK(xy.y == Approx(r * std::log(std::tan(3.14159265358979323846 / 4 + 33.5138 * rad / 2))));
    const auto back = p.inverse(xy.x, xy.y);
    REQUIRE(back);
    CHECK(back->first == Approx(36.2913));
    CHECK(p.proj_string() == "EPSG:3857");
}

TEST_CASE("a projection centred on 180 keeps both sides of the Pacific together",
          "[render][projection]") {
    const render::Projection p(render::ProjectionKind::equal_earth, 180);
    const auto fiji = p.forward(178.4, -18.1);
    const auto samoa = p.forward(-171.8, -13.8);
    CHECK(std::abs(samoa.x - fiji.x) < 1.5e6); // about 1,000 km apart, not 39,000
    CHECK(samoa.x > fiji.x);                   // Samoa lies east
    CHECK(p.wrap_longitude(-171.8) == Approx(188.2));
}

TEST_CASE("the scale bar is a round geodesic distance", "[render][overlays]") {
    const render::Projection p(render::ProjectionKind::web_mercator, 0);
    render::MapView view;
    view.width = 1000;
    view.height = 600;
    const auto centre = p.forward(36.3, 33.5);
    view.center_x = centre.x;
    view.center_y = centre.y;
    view.metres_per_pixel = 2000; // Mercator metres; about 1,670 m on the ground at 33.5 N
    const auto bar = render::scale_bar_for(view, p, 130);
    CHECK(bar.metres == 200000);
    CHECK(bar.pixels ==
          Approx(200000 / (2000 * std::cos(33.5 * 3.14159265358979 / 180))).epsilon(0.01));
    CHECK(render::format_distance(200000) == "200 km");
    CHECK(render::format_distance(500) == "500 m");
    CHECK(render::format_count(1234567) == "1,234,567");
}

TEST_CASE("Web Mercator in bulk (closed form) agrees with PROJ point by point", "[render]") {
    for (const double lon_0 : {0.0, 150.0, -179.5}) {
        const render::Projection p(render::ProjectionKind::web_mercator, lon_0);
        std::vector<double> lon = {0.0, 36.29, -122.4, 179.9, lon_0 + 170, -33.3, 12.5};
        std::vector<double> lat = {0.0, 33.51, 37.77, -16.5, 84.9, -85.0, 89.0};
        for (auto& l : lon) {
            l = p.wrap_longitude(l);
        }
        auto x = lon, y = lat;
        p.forward_many(x.data(), y.data(), x.size());
        for (std::size_t i = 0; i < lon.size(); ++i) {
            INFO("lon_0 " << lon_0 << " point " << lon[i] << "," << lat[i]);
            const auto q = p.forward(lon[i], lat[i]);
            CHECK(x[i] == Approx(q.x).margin(1e-6));
            CHECK(y[i] == Approx(q.y).margin(1e-6));
        }
    }
}
