#include "view/event_list.hpp"
#include "view_support.hpp"

#include <catch2/catch.hpp>

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
