#include "dates/calendar.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::dates;

TEST_CASE("day numbers round-trip and weekdays are right", "[dates][calendar]") {
    for (long d = -800000; d <= 800000; d += 997) {
        const CivilDate c = civil_from_days(d);
        CHECK(days_from_civil(c.year, c.month, c.day) == d);
    }
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(weekday(days_from_civil(2013, 9, 13)) == 4); // a Friday
    CHECK(weekday(days_from_civil(2001, 9, 11)) == 1); // a Tuesday
}

TEST_CASE("ISO weeks at year boundaries", "[dates][calendar]") {
    CHECK(format_week(days_from_civil(2013, 9, 13)) == "2013-W37");
    CHECK(format_week(days_from_civil(2004, 12, 31)) == "2004-W53");
    CHECK(format_week(days_from_civil(2010, 1, 3)) == "2009-W53");
    CHECK(format_week(days_from_civil(2008, 12, 29)) == "2009-W01");
}

TEST_CASE("invalid days are rejected", "[dates][calendar]") {
    CHECK(is_valid_date(2012, 2, 29));
    CHECK_FALSE(is_valid_date(2013, 2, 29));
    CHECK_FALSE(is_valid_date(2013, 2, 30));
    CHECK_FALSE(is_valid_date(2013, 13, 1));
    CHECK_FALSE(parse_iso_day("2013-02-30").has_value());
    CHECK_FALSE(parse_iso_day("2013-9-13").has_value());
    CHECK_FALSE(parse_iso_day("2013-09-13x").has_value());
    CHECK(parse_iso_day("2013-09-13T10:00Z").has_value());
}

TEST_CASE("movable feasts and month arithmetic", "[dates][calendar]") {
    CHECK(format_day(easter_sunday(2013)) == "2013-03-31");
    CHECK(format_day(easter_sunday(2019)) == "2019-04-21");
    int y = 2013;
    int m = 1;
    add_months(y, m, -1);
    CHECK((y == 2012 && m == 12));
    add_months(y, m, 14);
    CHECK((y == 2014 && m == 2));
}
