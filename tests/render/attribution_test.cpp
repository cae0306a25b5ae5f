// The attribution credits GeoNames only where gazetteer data is on the map; the legend's
// heading can be set (the viewer's "Events by layer").
#include "mapdata/map_source.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_context.hpp"
#include "render/offscreen_target.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

render::FrameInfo frame_of(const std::string& source, const std::string& index,
                           const render::MapOptions& options = {}) {
    render::OffscreenContext context;
    render::MapRenderer renderer({"", index, ""});
    auto table = std::make_shared<mapdata::EventTable>(mapdata::load_events(source));
    renderer.set_events(table);
    renderer.set_projection(render::ProjectionKind::web_mercator, 0);
    const auto view = render::fit_view(renderer.projection(), {-5, 40, 20, 56}, 320, 240, 0);
    render::OffscreenTarget target(320, 240);
    target.bind();
    renderer.draw(view, options, {0, 0, 320, 240});
    return renderer.last_frame();
}

std::string attribution_of(const std::string& source, const std::string& index) {
    return frame_of(source, index).attribution;
}

} // namespace

TEST_CASE("GeoNames is credited for events the gazetteer located", "[render]") {
    const auto text = attribution_of(test::fixture("mapdata/events.geojson"), "-");
    CHECK(text.find("Natural Earth") != std::string::npos);
    CHECK(text.find("GeoNames") != std::string::npos);
    CHECK(text.find("eventmap events") != std::string::npos);
}

TEST_CASE("GeoNames is not credited when no gazetteer data is drawn", "[render]") {
    // A foreign CSV and no index: no place labels, no gazetteer locations.
    const auto text = attribution_of(test::fixture("mapdata/foreign.csv"), "-");
    CHECK(text.find("Natural Earth") != std::string::npos);
    CHECK(text.find("GeoNames") == std::string::npos);
    CHECK(text.find("foreign.csv") != std::string::npos);
}

TEST_CASE("the legend heading says what the markers are grouped by", "[render]") {
    const std::string source = test::fixture("mapdata/events.geojson");
    CHECK(frame_of(source, "-").legend_heading == "Events by type");
    render::MapOptions options;
    options.legend_heading = "Events by layer";
    CHECK(frame_of(source, "-", options).legend_heading == "Events by layer");
}
