// The resolver's calendar arithmetic: which year a month and day fall in for a clause's tense,
// seasons and quarters of a day, days a number of units away. Reference: Friday 2013-09-13.
#include "dates/calendar.hpp"
#include "dates/reference_arithmetic.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::dates;

namespace {

const long kRef = days_from_civil(2013, 9, 13);

std::string year_for(int month, int day, Tense tense, int rel = 0) {
    return format_day(detail::month_day_in_context(kRef, month, day, tense, rel));
}

} // namespace

TEST_CASE("a month and day take their year from the tense around the reference",
          "[dates][resolver]") {
    // a past clause keeps a day up to 45 days ahead ("said the vote was set for Oct. 2")
    CHECK(year_for(10, 2, Tense::past) == "2013-10-02");
    CHECK(year_for(12, 2, Tense::past) == "2012-12-02");
    // a future clause never looks back
    CHECK(year_for(9, 1, Tense::future) == "2014-09-01");
    // untensed: the nearer one, but a day five months ahead is last year's
    CHECK(year_for(10, 20, Tense::unknown) == "2013-10-20");
    CHECK(year_for(5, 1, Tense::unknown) == "2013-05-01");
    CHECK(year_for(2, 20, Tense::unknown, -1) == "2013-02-20");
    CHECK(year_for(2, 29, Tense::future) == "2014-02-28"); // no Feb 29 in 2014
}

TEST_CASE("seasons, quarters and shifted days of the resolver", "[dates][resolver]") {
    CHECK(detail::season_of_month(1) == 3);
    CHECK(detail::season_of_month(12) == 3);
    CHECK(detail::season_of_month(4) == 0);
    CHECK(detail::season_of_month(9) == 2);
    CHECK(detail::previous_quarter(kRef) == "2013-Q2");
    CHECK(detail::previous_quarter(days_from_civil(2013, 2, 1)) == "2012-Q4");
    CHECK(format_day(detail::shifted_day(kRef, Unit::year, -3)) == "2010-09-13");
    CHECK(format_day(detail::shifted_day(kRef, Unit::week, 2)) == "2013-09-27");
}

TEST_CASE("the weekend after or before a day is the first one wholly on that side",
          "[dates][resolver]") {
    long first = 0;
    // Friday 2013-09-13 (week 37): the weekend after is the 14th-15th, the one before the 7th-8th
    CHECK(detail::adjacent_weekend(kRef, 1, 1, first) == "2013-W37-WE");
    CHECK(format_day(first) == "2013-09-09");
    CHECK(detail::adjacent_weekend(kRef, 1, -1, first) == "2013-W36-WE");
    CHECK(detail::adjacent_weekend(kRef, 2, 1, first) == "2013-W38-WE");
    // from a Saturday or a Sunday, the weekend it is in is neither after nor before it
    CHECK(detail::adjacent_weekend(kRef + 1, 1, 1, first) == "2013-W38-WE");
    CHECK(detail::adjacent_weekend(kRef + 2, 1, -1, first) == "2013-W36-WE");
}
