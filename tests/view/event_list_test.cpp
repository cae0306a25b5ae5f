#include "view/event_list.hpp"
#include "view_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

using namespace eventmap;

TEST_CASE("the list sorts filtered rows and cuts them to the window", "[view][list]") {
    const auto t = test::make_table({
        {"a", "2020-01-05", "PROTEST", 0, 0, 3, "JO"},
        {"b", "2020-01-01", "ASSAULT", 0, 0, 4, "SY"},
        {"c", "2020-01-03", "CONSULT", 0, 0, 1, "CH"},
        {"d", "2020-01-02", "ASSAULT", 0, 0, 4, "SY"},
        {"m",
         "2020-01-01",
         "AGREE",
         0,
         0,
         1,
         "FR",
         {},
         "explicit",
         false,
         0.5,
         "",
         "2020-01-31",
         "month"},
    });
    view::EventList list;
    list.set_rows(t, {0, 1, 2, 3}); // "m" is filtered out
    const view::Day jan = view::day_from_civil(2020, 1, 1);
    CHECK(list.rows_in({jan, jan + 10}) == std::vector<view::Row>{1, 3, 2, 0});
    CHECK(list.rows_in({jan + 1, jan + 2}) == std::vector<view::Row>{3, 2});
    list.sort(view::SortKey::type, false);
    CHECK(list.rows_in({jan, jan + 10}) == std::vector<view::Row>{1, 3, 2, 0});
    list.sort(view::SortKey::country, true);
    CHECK(list.rows_in({jan, jan + 10}) == std::vector<view::Row>{1, 3, 0, 2});
    CHECK(list.count_in({jan, jan + 10}) == 4);
    CHECK(list.count_in({jan + 2, jan + 2}) == 1);
    CHECK(list.count_in({jan + 20, jan + 30}) == 0);

    list.set_rows(t, {0, 1, 2, 3, 4});
    // The month-precision event overlaps any window in January.
    CHECK(list.count_in({jan + 20, jan + 30}) == 1);
    CHECK(list.rows_in({jan + 20, jan + 30}) == std::vector<view::Row>{4});
}

TEST_CASE("a long list sorted by date by counting gives the comparison sort's order",
          "[view][list]") {
    // 6,000 rows over two years: a narrow span of days, so the counting sort is taken; many
    // ties (same day), an undated row, rows given in row order with some filtered out.
    std::vector<test::Row> rows;
    for (int i = 0; i < 6000; ++i) {
        const int day = (i * 7919) % 730;
        const int year = 2019 + day / 365, doy = day % 365;
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, 1 + doy / 31 % 12, 1 + doy % 28);
        rows.push_back({"e" + std::to_string(i), date, "PROTEST", 0, 0});
    }
    rows[17].date = ""; // undated: day_start > day_end
    const auto t = test::make_table(rows);
    std::vector<view::Row> given;
    for (view::Row r = 0; r < t.size(); ++r) {
        if (r % 5 != 0) {
            given.push_back(r);
        }
    }
    for (const bool descending : {false, true}) {
        auto expected = given;
        std::sort(expected.begin(), expected.end(), [&](view::Row a, view::Row b) {
            if (t.day_start[a] != t.day_start[b]) {
                return descending ? t.day_start[b] < t.day_start[a]
                                  : t.day_start[a] < t.day_start[b];
            }
            return a < b;
        });
        view::EventList list;
        list.set_rows(t, given);
        list.sort(view::SortKey::type, false); // another order first: date starts afresh
        list.sort(view::SortKey::date, descending);
        const view::DayRange all{view::day_from_civil(2000, 1, 1),
                                 view::day_from_civil(2100, 1, 1)};
        std::vector<view::Row> dated;
        for (const auto r : expected) {
            if (t.day_start[r] <= t.day_end[r]) {
                dated.push_back(r);
            }
        }
        CHECK(list.rows_in(all) == dated);
        // The window counts (counting-sorted starts and ends) against a plain count.
        for (int k = 0; k < 50; ++k) {
            const view::Day a = view::day_from_civil(2019, 1, 1) + k * 13;
            const view::DayRange w{a, a + 20};
            std::size_t n = 0;
            for (const auto r : given) {
                n += t.day_start[r] <= t.day_end[r] && t.day_start[r] <= w.last &&
                             t.day_end[r] >= w.first
                         ? 1
                         : 0;
            }
            CHECK(list.count_in(w) == n);
        }
    }
}

TEST_CASE("a month or year date reads as its period, not as its first day", "[view][list]") {
    const auto row = test::dated_row;
    const auto t = test::make_table({
        row("day", "2020-02-05", "", "day"),
        row("month", "2020-02-01", "2020-02-29", "month"),
        row("year", "2020-01-01", "2020-12-31", "year"),
        row("none", "not a date", "", "day"),
    });
    CHECK(t.date_text(0) == "2020-02-05");
    CHECK(t.date_text(1) == "2020-02");
    CHECK(t.date_text(2) == "2020");
    CHECK(t.date_text(3).empty());
}
