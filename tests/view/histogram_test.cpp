#include "view/histogram.hpp"
#include "view_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

TEST_CASE("bin widths adapt to the range shown", "[view][histogram]") {
    CHECK(view::choose_bin_days({0, 99}, 200) == 1);
    CHECK(view::choose_bin_days({0, 999}, 200) == 7);
    CHECK(view::choose_bin_days({0, 3652}, 200) == 30);
    CHECK(view::choose_bin_days({0, 3652}, 10) == 730);
    CHECK(view::choose_bin_days({0, 10}, 0) == 14); // at least one bin
}

TEST_CASE("the histogram counts all rows and the filtered subset", "[view][histogram]") {
    const auto t = test::make_table({
        {"a", "2020-01-01", "X", 0, 0},
        {"b", "2020-01-01", "X", 0, 0},
        {"c", "2020-01-09", "X", 0, 0},
        {"d", "2020-03-01", "X", 0, 0}, // outside the range
        {"e", "not a date", "X", 0, 0}, // undated: never counted
    });
    const view::Day first = view::day_from_civil(2020, 1, 1);
    const std::vector<std::uint8_t> mask{1, 0, 1, 1, 1};
    const auto h = view::build_histogram(t, mask, {first, first + 13}, 2);
    REQUIRE(h.bin_days == 7);
    REQUIRE(h.all.size() == 2);
    CHECK(h.all == std::vector<std::uint32_t>{2, 1});
    CHECK(h.filtered == std::vector<std::uint32_t>{1, 1});
    CHECK(h.max_all == 2);
    CHECK(h.bin_of(first + 8) == 1);
    CHECK(h.bin_of(first + 800) == 1);
    CHECK(h.bin_start(1) == first + 7);
}
