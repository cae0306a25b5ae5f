// The typed event model and its boundary forms.
#include "model/event.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::model;

TEST_CASE("day numbers count days from 1970-01-01 both ways", "[model]") {
    CHECK(day_number(1970, 1, 1) == 0);
    CHECK(day_number(1969, 12, 31) == -1);
    CHECK(day_number(2000, 3, 1) - day_number(2000, 2, 28) == 2); // 2000 is a leap year
    CHECK(day_number(1900, 3, 1) - day_number(1900, 2, 28) == 1); // 1900 is not
    for (const DayNumber day : {-800000, -1, 0, 15000, 19000, 2932896}) {
        const CivilDay c = civil_day(day);
        CHECK(day_number(c.year, c.month, c.day) == day);
    }
    CHECK(format_day(day_number(2013, 9, 21)) == "2013-09-21");
    CHECK(parse_day("2013-09-21") == day_number(2013, 9, 21));
    CHECK_FALSE(parse_day("2013-02-29"));
    CHECK_FALSE(parse_day("2013-9-21"));
    CHECK_FALSE(parse_day("2013-09-21T10:00"));
    CHECK_FALSE(parse_day("+013-09-21"));
}

TEST_CASE("enums have one boundary name each, and only those parse", "[model]") {
    CHECK(std::string(to_string(PloverType::assault)) == "ASSAULT");
    CHECK(parse_plover_type("MOBILIZE") == PloverType::mobilize);
    CHECK_FALSE(parse_plover_type("assault"));
    CHECK(std::string(to_string(DateSource::explicit_date)) == "explicit");
    CHECK(parse_date_source("inferred") == DateSource::inferred);
    CHECK(parse_date_precision("month") == DatePrecision::month);
    CHECK(parse_date_precision("") == DatePrecision::none);
    CHECK_FALSE(parse_date_precision("week"));
    CHECK(parse_quad_code(3) == QuadClass::verbal_conflict);
    CHECK_FALSE(parse_quad_code(5));
}

TEST_CASE("event dates round-trip through their ISO forms", "[model]") {
    Event e;
    CHECK_FALSE(has_date(e));
    CHECK(iso_date(e).empty());
    REQUIRE(set_iso_dates(e, "2013-08-01", "2013-08-31", "month"));
    CHECK(e.enddate - e.date == 30);
    CHECK(iso_date(e) == "2013-08-01");
    CHECK(iso_enddate(e) == "2013-08-31");
    REQUIRE(set_iso_dates(e, "2013-09-13T22:15:00Z", "", "day"));
    CHECK(e.minute == 22 * 60 + 15);
    CHECK(iso_date(e) == "2013-09-13T22:15:00Z");
    CHECK(iso_enddate(e) == "2013-09-13");
    // Malformed forms change nothing.
    CHECK_FALSE(set_iso_dates(e, "2013-09-13T25:00", "", "day"));
    CHECK_FALSE(set_iso_dates(e, "2013-09-30", "2013-09-01", "day"));
    CHECK_FALSE(set_iso_dates(e, "2013-09-30", "", "fortnight"));
    CHECK(iso_date(e) == "2013-09-13T22:15:00Z");
}
