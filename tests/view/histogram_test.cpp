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

TEST_CASE("month and year dates are spread over their period, not piled on its first day",
          "[view][histogram]") {
    const auto row = test::dated_row;
    const auto t = test::make_table({
        row("day", "2020-02-01", "", "day"),
        row("month", "2020-02-01", "2020-02-29", "month"), // 29 days (a leap year)
        row("year", "2020-01-01", "2020-12-31", "year"),   // 366 days
        row("before", "2019-01-01", "2019-12-31", "year"), // outside the range: not counted
    });
    const view::Day first = view::day_from_civil(2020, 2, 1);
    const std::vector<std::uint8_t> mask{1, 1, 0, 1};
    // Six weeks: Feb 1-7, 8-14, 15-21, 22-28, Feb 29-Mar 6, Mar 7-13.
    const auto h = view::build_histogram(t, mask, {first, first + 41}, 6);
    REQUIRE(h.bin_days == 7);
    REQUIRE(h.period_all.size() == 6);
    CHECK(h.all == std::vector<std::uint32_t>{1, 0, 0, 0, 0, 0}); // the day-dated event only
    CHECK(h.filtered == std::vector<std::uint32_t>{1, 0, 0, 0, 0, 0});
    for (std::size_t bin = 0; bin < 4; ++bin) {
        CHECK(h.period_all[bin] == Approx(7.0 / 29 + 7.0 / 366));
        CHECK(h.period_filtered[bin] == Approx(7.0 / 29)); // the year event is filtered out
    }
    CHECK(h.period_all[4] == Approx(1.0 / 29 + 7.0 / 366)); // Feb 29 is the month's last day
    CHECK(h.period_filtered[4] == Approx(1.0 / 29));
    CHECK(h.period_all[5] == Approx(7.0 / 366));
    CHECK(h.period_filtered[5] == Approx(0));
    // The month event counts once in all: its shares add up to one.
    float month = 0;
    for (float share : h.period_filtered) {
        month += share;
    }
    CHECK(month == Approx(1.0));
    CHECK(h.max_all == 2); // 1 + 0.26 in the first week
}
