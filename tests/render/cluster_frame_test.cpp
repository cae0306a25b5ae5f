// Clusters as the renderer draws them, frame after frame: after each window move, type filter
// or mask the drawn counts add up to the events a brute-force count finds, and equal what a
// fresh renderer draws for the same frame (nothing is carried over from the last one).
#include "render/map_renderer.hpp"
#include "render/offscreen_context.hpp"
#include "render/offscreen_target.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace eventmap;

namespace {

std::shared_ptr<mapdata::EventTable> synthetic_events(std::size_t n) {
    auto t = std::make_shared<mapdata::EventTable>();
    t->type_names = {"ASSAULT", "PROTEST", "CONSULT"};
    t->data_source = "test";
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> lon(30.0, 40.0), lat(30.0, 37.0), near(-0.05, 0.05);
    std::uniform_int_distribution<int> day(0, 999), pick(0, 9);
    for (std::size_t i = 0; i < n; ++i) {
        // Every third event in a town-sized knot: some clusters hold thousands.
        const bool knot = i % 3 == 0;
        t->fid.push_back(static_cast<std::int64_t>(i) + 1);
        t->lon.push_back(knot ? 35.5 + near(rng) : lon(rng));
        t->lat.push_back(knot ? 33.5 + near(rng) : lat(rng));
        const int d = 17000 + day(rng);
        t->day_start.push_back(d);
        t->day_end.push_back(pick(rng) == 0 ? d + 30 : d); // some cover a month
        t->precision.push_back(mapdata::DatePrecision::day);
        t->type.push_back(static_cast<std::uint16_t>(pick(rng) % 3));
        t->quad.push_back(static_cast<mapdata::QuadClass>(pick(rng) % 5));
        t->sources.push_back(1);
        t->planned.push_back(0);
        t->confidence.push_back(1.0F);
        t->radius_km.push_back(0.0F);
    }
    return t;
}

struct Scene {
    std::shared_ptr<mapdata::EventTable> table = synthetic_events(20000);
    render::MapOptions options;

    Scene() {
        options.legend = options.scale_bar = options.attribution = options.north_arrow = false;
        options.country_labels = options.place_labels = false;
        options.clusters = true;
    }

    static render::MapView view(const render::MapRenderer& r) {
        // Wider than the events: every one lies well inside the image.
        return render::fit_view(r.projection(), {27, 27, 43, 40}, 400, 300, 0);
    }
};

std::uint64_t drawn_total(const render::FrameInfo& frame) {
    std::uint64_t sum = 0;
    for (const auto& c : frame.clusters) {
        sum += c.count;
    }
    return sum;
}

std::uint64_t brute_force(const mapdata::EventTable& t, mapdata::DayRange w,
                          const std::vector<std::uint8_t>* mask, int only_type) {
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const bool shown = mask == nullptr || (*mask)[i] != 0;
        const bool type = only_type < 0 || t.type[i] == only_type;
        n += t.day_end[i] >= w.first && t.day_start[i] <= w.last && shown && type ? 1 : 0;
    }
    return n;
}

// The clusters a renderer that has drawn nothing before draws for these options.
std::vector<render::FrameInfo::ClusterMark>
fresh_clusters(const Scene& s, const render::MapOptions& options,
               std::shared_ptr<const std::vector<std::uint8_t>> mask) {
    render::MapRenderer r({"", "-", ""});
    r.set_events(s.table);
    r.set_projection(render::ProjectionKind::web_mercator, 0);
    r.set_visible(std::move(mask));
    r.draw(Scene::view(r), options, {0, 0, 400, 300});
    return r.last_frame().clusters;
}

void check_same(const std::vector<render::FrameInfo::ClusterMark>& a,
                const std::vector<render::FrameInfo::ClusterMark>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        CHECK(a[k].count == b[k].count);
        CHECK(a[k].px == b[k].px);
        CHECK(a[k].py == b[k].py);
    }
}

} // namespace

TEST_CASE("drawn cluster counts follow window moves, type filters and masks", "[render]") {
    render::OffscreenContext context;
    render::OffscreenTarget target(400, 300);
    Scene s;
    render::MapRenderer renderer({"", "-", ""});
    renderer.set_events(s.table);
    renderer.set_projection(render::ProjectionKind::web_mercator, 0);
    const auto view = Scene::view(renderer);
    const auto draw = [&] {
        target.bind();
        renderer.draw(view, s.options, {0, 0, 400, 300});
        return renderer.last_frame();
    };
    // The slider moved across the data, one window after another on the same renderer.
    for (int first = 17000; first < 18000; first += 173) {
        s.options.window = {first, first + 120};
        const auto frame = draw();
        INFO("window from day " << first);
        const auto expected = brute_force(*s.table, s.options.window, nullptr, -1);
        CHECK(expected > 1000);
        CHECK(frame.events_in_window == expected);
        CHECK(drawn_total(frame) == expected);
        CHECK(frame.clusters.size() > 3);
        check_same(frame.clusters, fresh_clusters(s, s.options, nullptr));
    }
    // One type only, then back to all: the counts follow.
    s.options.window = {17200, 17500};
    s.options.types = {"PROTEST"};
    CHECK(drawn_total(draw()) == brute_force(*s.table, s.options.window, nullptr, 1));
    s.options.types.clear();
    CHECK(drawn_total(draw()) == brute_force(*s.table, s.options.window, nullptr, -1));
    // A filter mask hiding every other row.
    auto mask = std::make_shared<std::vector<std::uint8_t>>(s.table->size(), 1);
    for (std::size_t i = 0; i < mask->size(); i += 2) {
        (*mask)[i] = 0;
    }
    renderer.set_visible(mask);
    const auto masked = draw();
    CHECK(drawn_total(masked) == brute_force(*s.table, s.options.window, mask.get(), -1));
    check_same(masked.clusters, fresh_clusters(s, s.options, mask));
}
