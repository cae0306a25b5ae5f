#include "view/spatial_grid.hpp"
#include "view_support.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace eventmap;

TEST_CASE("box queries return exactly the rows inside", "[view][grid]") {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> lat(-89, 89), lon(-179, 179);
    std::vector<test::Row> rows;
    for (int i = 0; i < 5000; ++i) {
        rows.push_back({std::to_string(i), "2020-01-01", "X", lat(random), lon(random)});
    }
    const auto t = test::make_table(rows);
    view::SpatialGrid grid(1.0);
    grid.build(t);
    const view::LonLatBox box{30.2, 10.5, 60.7, 40.1};
    std::vector<view::Row> found;
    grid.query(box, [&](view::Row r) { found.push_back(r); });
    std::vector<view::Row> expected;
    for (std::size_t r = 0; r < t.size(); ++r) {
        if (t.lon[r] >= box.west && t.lon[r] <= box.east && t.lat[r] >= box.south &&
            t.lat[r] <= box.north) {
            expected.push_back(static_cast<view::Row>(r));
        }
    }
    std::sort(found.begin(), found.end());
    CHECK(found == expected);
    CHECK_FALSE(expected.empty());
    // Not a scan: 31 x 30 one-degree cells, not 64,800.
    CHECK(grid.cells_visited_last() <= 32 * 31);
}

TEST_CASE("nearest picks the closest accepted row", "[view][grid]") {
    const auto t = test::make_table({
        {"damascus", "2020-01-01", "X", 33.51, 36.29},
        {"douma", "2020-01-01", "X", 33.57, 36.40},
        {"hidden", "2020-01-01", "X", 33.52, 36.30},
    });
    view::SpatialGrid grid;
    grid.build(t);
    const double lat = 33.512, lon = 36.291;
    auto distance = [&](view::Row r) { return std::hypot(t.lat[r] - lat, t.lon[r] - lon); };
    const auto all = grid.nearest(
        {36.0, 33.0, 37.0, 34.0}, [](view::Row) { return true; }, distance);
    REQUIRE(all);
    CHECK(t.id[*all] == "damascus");
    const auto visible = grid.nearest(
        {36.0, 33.0, 37.0, 34.0}, [&](view::Row r) { return t.id[r] != "damascus"; }, distance);
    REQUIRE(visible);
    CHECK(t.id[*visible] == "hidden");
    CHECK_FALSE(grid.nearest(
        {0, 0, 1, 1}, [](view::Row) { return true; }, distance));
}

namespace {

std::vector<view::Row> found_in(const view::SpatialGrid& grid, const view::LonLatBox& box) {
    std::vector<view::Row> found;
    grid.query(box, [&](view::Row r) { found.push_back(r); });
    std::sort(found.begin(), found.end());
    return found;
}

std::vector<view::Row> inside(const view::EventTable& t, const view::LonLatBox& box) {
    std::vector<view::Row> expected;
    for (std::size_t r = 0; r < t.size(); ++r) {
        if (t.lon[r] >= box.west && t.lon[r] <= box.east && t.lat[r] >= box.south &&
            t.lat[r] <= box.north) {
            expected.push_back(static_cast<view::Row>(r));
        }
    }
    return expected;
}

} // namespace

TEST_CASE("rows moved and added after the build are found where they are now, once",
          "[view][grid]") {
    std::mt19937 random(11);
    std::uniform_real_distribution<double> lat(-89, 89), lon(-179, 179);
    std::vector<test::Row> rows;
    for (int i = 0; i < 3000; ++i) {
        rows.push_back({std::to_string(i), "2020-01-01", "X", lat(random), lon(random)});
    }
    const auto before = test::make_table(rows);
    view::SpatialGrid grid(1.0);
    grid.build(before);
    // The table as a follow leaves it: rows 5 and 17 moved (17 within its own cell), two rows
    // appended, one of them moved again by a later update.
    rows[5].lat = 35.0;
    rows[5].lon = 45.0;
    rows[17].lat += 0.001;
    rows.push_back({"new-a", "2020-01-01", "X", 20.0, 50.0});
    rows.push_back({"new-b", "2020-01-01", "X", -60.0, -100.0});
    const auto after = test::make_table(rows);
    grid.update(after, {5, 17, 3000, 3001});
    rows[3001].lat = 30.0;
    rows[3001].lon = 40.0;
    const auto later = test::make_table(rows);
    grid.update(later, {3001});
    const std::vector<view::LonLatBox> boxes = {
        {30.2, 10.5, 60.7, 40.1},
        {-180, -90, 180, 90},
        {before.lon[5] - 0.5, before.lat[5] - 0.5, before.lon[5] + 0.5, before.lat[5] + 0.5},
        {-101, -61, -99, -59}};
    for (const auto& box : boxes) {
        INFO("box " << box.west << " " << box.south << " " << box.east << " " << box.north);
        CHECK(found_in(grid, box) == inside(later, box));
    }
    CHECK(found_in(grid, boxes[0]).size() > 2);
    CHECK(grid.rows_aside() == 4);
    // Rows aside past their bound: built again, the same answers.
    for (int i = 0; i < 5000; ++i) {
        rows.push_back({"more" + std::to_string(i), "2020-01-01", "X", lat(random), lon(random)});
    }
    const auto grown = test::make_table(rows);
    std::vector<view::Row> added;
    for (std::size_t r = later.size(); r < grown.size(); ++r) {
        added.push_back(static_cast<view::Row>(r));
    }
    grid.update(grown, added);
    CHECK(grid.rows_aside() == 0);
    for (const auto& box : boxes) {
        CHECK(found_in(grid, box) == inside(grown, box));
    }
}
