// The renderer's one pass over the events per frame (event_scan.hpp): its window and legend
// counts and its cluster cells against a brute-force count with an ordered map, over window
// moves, pans, zooms and hidden rows.
#include "render/event_scan.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>

using namespace eventmap;
using render::Cluster;
using render::EventScan;

namespace {

struct Columns {
    std::vector<float> xs, ys, radius_m;
    std::vector<mapdata::DayNumber> day_start, day_end;
    std::vector<std::uint8_t> slot, planned;
    std::vector<mapdata::QuadClass> quad;
    std::vector<mapdata::DatePrecision> precision;

    explicit Columns(std::size_t n) {
        std::mt19937 rng(7);
        std::uniform_real_distribution<float> pos(-50000.0F, 50000.0F);
        std::uniform_int_distribution<int> day(0, 999), length(0, 40), small(0, 20);
        for (std::size_t i = 0; i < n; ++i) {
            // A tight knot every few rows, so some cells hold hundreds of events.
            const bool knot = i % 5 == 0;
            xs.push_back(knot ? 1234.5F + static_cast<float>(small(rng)) : pos(rng));
            ys.push_back(knot ? -777.0F + static_cast<float>(small(rng)) : pos(rng));
            const int d = day(rng);
            day_start.push_back(d);
            day_end.push_back(d + (small(rng) == 0 ? length(rng) : 0));
            // Slot 15 is hidden (filtered out): about one row in seven.
            slot.push_back(
                static_cast<std::uint8_t>(small(rng) < 3 ? render::hidden_slot : small(rng) % 6));
            quad.push_back(static_cast<mapdata::QuadClass>(small(rng) % 5));
            planned.push_back(small(rng) == 1 ? 1 : 0);
            radius_m.push_back(small(rng) == 2 ? 30000.0F : 0.0F);
            // Dated to a month or year: rare, so that some views hold none.
            const int p = small(rng);
            precision.push_back(p == 3   ? mapdata::DatePrecision::month
                                : p == 4 ? mapdata::DatePrecision::year
                                : p == 5 ? mapdata::DatePrecision::unknown
                                         : mapdata::DatePrecision::day);
        }
    }

    render::ScanColumns view() const {
        return {xs.size(),   xs.data(),   ys.data(),      day_start.data(), day_end.data(),
                slot.data(), quad.data(), planned.data(), radius_m.data(),  precision.data()};
    }
};

// What the scan must find, computed the slow and obvious way: every row tested on its own,
// cells keyed by their floor()ed pixel column and row in an ordered map.
EventScan brute_force(const Columns& c, const render::MapView& view, mapdata::DayRange window,
                      double cell) {
    EventScan s;
    std::map<std::pair<long, long>, Cluster> cells;
    for (std::size_t i = 0; i < c.xs.size(); ++i) {
        const bool in_window = c.day_end[i] >= window.first && c.day_start[i] <= window.last;
        if (!in_window || c.slot[i] == render::hidden_slot) {
            continue;
        }
        ++s.in_window;
        const double px = view.pixel_x(c.xs[i]), py = view.pixel_y(c.ys[i]);
        if (px >= 0 && py >= 0 && px <= view.width && py <= view.height) {
            ++s.in_view;
            ++s.per_slot[c.slot[i]];
            ++s.per_quad[static_cast<std::size_t>(c.quad[i])];
            s.any_planned = s.any_planned || c.planned[i] != 0;
            s.any_area = s.any_area || c.radius_m[i] > 0;
            s.any_coarse = s.any_coarse || c.precision[i] == mapdata::DatePrecision::month ||
                           c.precision[i] == mapdata::DatePrecision::year;
        }
        if (px < -cell || py < -cell || px > view.width + cell || py > view.height + cell) {
            continue;
        }
        const std::pair<long, long> key{static_cast<long>(std::floor(px / cell)),
                                        static_cast<long>(std::floor(py / cell))};
        const bool fresh = cells.count(key) == 0;
        Cluster& k = cells[key];
        if (fresh) {
            k.first = i;
        }
        ++k.count;
        k.px += px;
        k.py += py;
        ++k.per_slot[c.slot[i]];
    }
    for (auto& [key, k] : cells) {
        k.px /= k.count;
        k.py /= k.count;
        s.clusters.push_back(k);
    }
    return s;
}

void check_same(EventScan fast, EventScan slow) {
    CHECK(fast.in_window == slow.in_window);
    CHECK(fast.in_view == slow.in_view);
    CHECK(fast.per_slot == slow.per_slot);
    CHECK(fast.per_quad == slow.per_quad);
    CHECK(fast.any_planned == slow.any_planned);
    CHECK(fast.any_area == slow.any_area);
    CHECK(fast.any_coarse == slow.any_coarse);
    const auto by_first = [](const Cluster& a, const Cluster& b) { return a.first < b.first; };
    std::sort(fast.clusters.begin(), fast.clusters.end(), by_first);
    std::sort(slow.clusters.begin(), slow.clusters.end(), by_first);
    REQUIRE(fast.clusters.size() == slow.clusters.size());
    for (std::size_t k = 0; k < fast.clusters.size(); ++k) {
        const Cluster& a = fast.clusters[k];
        const Cluster& b = slow.clusters[k];
        CHECK(a.first == b.first);
        CHECK(a.count == b.count);
        CHECK(a.per_slot == b.per_slot);
        // The same rows summed in the same order: the same mean to the last bit.
        CHECK(a.px == b.px);
        CHECK(a.py == b.py);
    }
}

render::MapView view_of(double cx, double cy, double mpp, int w, int h) {
    render::MapView v;
    v.center_x = cx;
    v.center_y = cy;
    v.metres_per_pixel = mpp;
    v.width = w;
    v.height = h;
    return v;
}

} // namespace

TEST_CASE("the frame scan counts and clusters what a brute-force count finds", "[render]") {
    const Columns c(30000);
    render::MapView view = view_of(0, 0, 120, 640, 604);
    const double cell = 56.0;
    std::uint64_t clustered = 0;
    // The time slider moving across the data, as a scrub does: every window counted afresh.
    for (int first = 0; first < 1000; first += 137) {
        const mapdata::DayRange window{first, first + 90};
        const EventScan fast = render::scan_events(c.view(), view, window, cell);
        INFO("window " << window.first << ".." << window.last);
        check_same(fast, brute_force(c, view, window, cell));
        REQUIRE(!fast.clusters.empty());
        for (const auto& k : fast.clusters) {
            clustered += k.count;
        }
    }
    CHECK(clustered > 10000); // the windows held events, most of them in the cells
    // Pans and zooms with the window still: the grid is the view's, and follows it.
    const mapdata::DayRange all{0, 1100};
    for (int step = 0; step < 6; ++step) {
        view.pan_pixels(37.5 * step, -21.25 * step);
        view.zoom_at(300, 200, step % 2 == 0 ? 1.7 : 1 / 1.3);
        INFO("step " << step);
        check_same(render::scan_events(c.view(), view, all, cell), brute_force(c, view, all, cell));
    }
    // Another cell size (a 2x DPI scale) and an image that is no multiple of it.
    const auto hidpi = view_of(500, -300, 60, 1281, 803);
    check_same(render::scan_events(c.view(), hidpi, {200, 260}, 112),
               brute_force(c, hidpi, {200, 260}, 112));
}

TEST_CASE("the frame scan without clusters counts the same and makes no cells", "[render]") {
    const Columns c(5000);
    const auto view = view_of(0, 0, 100, 400, 300);
    const EventScan plain = render::scan_events(c.view(), view, {100, 400}, 0);
    const EventScan slow = brute_force(c, view, {100, 400}, 56);
    CHECK(plain.clusters.empty());
    CHECK(plain.in_window == slow.in_window);
    CHECK(plain.in_view == slow.in_view);
    CHECK(plain.per_slot == slow.per_slot);
    CHECK(plain.in_view > 0);
    CHECK(plain.in_view < plain.in_window); // some rows lie outside this view
    // An empty window: nothing counted.
    const EventScan none = render::scan_events(c.view(), view, {5000, 6000}, 56);
    CHECK(none.in_window == 0);
    CHECK(none.clusters.empty());
}

TEST_CASE("the frame scan finds month- and year-dated events only where they are drawn",
          "[render]") {
    // Three events: a day-dated one in view, a month-dated one in view but outside the window
    // at first, a year-dated one outside the view.
    Columns c(0);
    const auto add = [&](float x, int day, mapdata::DatePrecision p, std::uint8_t slot) {
        c.xs.push_back(x);
        c.ys.push_back(0);
        c.radius_m.push_back(0);
        c.day_start.push_back(day);
        c.day_end.push_back(day);
        c.slot.push_back(slot);
        c.planned.push_back(0);
        c.quad.push_back(mapdata::QuadClass::none);
        c.precision.push_back(p);
    };
    add(0, 10, mapdata::DatePrecision::day, 0);
    add(100, 50, mapdata::DatePrecision::month, 1);
    add(1e7F, 10, mapdata::DatePrecision::year, 2);
    const auto view = view_of(0, 0, 100, 400, 300);
    CHECK_FALSE(render::scan_events(c.view(), view, {0, 20}, 0).any_coarse);
    CHECK(render::scan_events(c.view(), view, {0, 60}, 0).any_coarse);
    // Filtered out (hidden slot): not drawn, not in the legend.
    c.slot[1] = render::hidden_slot;
    CHECK_FALSE(render::scan_events(c.view(), view, {0, 60}, 0).any_coarse);
    // Unknown precision is no coarse date, and a table without the column has none.
    c.slot[1] = 1;
    c.precision[1] = mapdata::DatePrecision::unknown;
    CHECK_FALSE(render::scan_events(c.view(), view, {0, 60}, 0).any_coarse);
    c.precision[1] = mapdata::DatePrecision::year;
    auto columns = c.view();
    CHECK(render::scan_events(columns, view, {0, 60}, 0).any_coarse);
    columns.precision = nullptr;
    CHECK_FALSE(render::scan_events(columns, view, {0, 60}, 0).any_coarse);
}
