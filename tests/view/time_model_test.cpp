#include "view/time_model.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::view;

TEST_CASE("day numbers round-trip the civil calendar", "[view][time]") {
    CHECK(day_from_civil(1970, 1, 1) == 0);
    CHECK(day_from_civil(2000, 3, 1) == 11017);
    CHECK(format_day(day_from_civil(2016, 2, 29)) == "2016-02-29");
    CHECK(format_day(-1) == "1969-12-31");
    for (Day d = -800; d < 20000; d += 37) {
        const auto c = civil_from_day(d);
        CHECK(day_from_civil(c.year, c.month, c.day) == d);
    }
}

TEST_CASE("typed dates and ranges cover their whole period", "[view][time]") {
    const auto year = parse_day_range("2019");
    REQUIRE(year);
    CHECK(format_day(year->first) == "2019-01-01");
    CHECK(format_day(year->last) == "2019-12-31");
    const auto feb = parse_day_range(" 2020-02 ");
    REQUIRE(feb);
    CHECK(format_day(feb->last) == "2020-02-29");
    const auto range = parse_day_range("2021-03 .. 2021-04-10");
    REQUIRE(range);
    CHECK(format_day(range->first) == "2021-03-01");
    CHECK(format_day(range->last) == "2021-04-10");
    CHECK(parse_day_range("2021-01-05 to 2021-01-09"));
    CHECK_FALSE(parse_day_range("2019-02-30"));
    CHECK_FALSE(parse_day_range("2019-13"));
    CHECK_FALSE(parse_day_range("yesterday"));
    CHECK_FALSE(parse_day_range("2021-05..2021-04"));
    CHECK_FALSE(parse_day_range("20210"));
}

TEST_CASE("month steps keep the day of month where it exists", "[view][time]") {
    const Day jan31 = day_from_civil(2021, 1, 31);
    CHECK(format_day(add_steps(jan31, StepUnit::month, 1)) == "2021-02-28");
    CHECK(format_day(add_steps(jan31, StepUnit::month, -2)) == "2020-11-30");
    CHECK(format_day(add_steps(jan31, StepUnit::month, 12)) == "2022-01-31");
    CHECK(add_steps(jan31, StepUnit::week, -1) == jan31 - 7);
}

TEST_CASE("the moving window steps, clamps and loops", "[view][time]") {
    TimeModel t;
    t.set_extent(100, 200);
    t.set_window(100, 109);
    t.step(StepUnit::day, 5);
    CHECK(t.window().first == 105);
    CHECK(t.window().last == 114);
    t.step(StepUnit::week, -3);
    CHECK(t.window().first == 100); // clamped at the start, length kept
    CHECK(t.window().last == 109);
    t.set_window(300, 150); // reversed and past the end
    CHECK(t.window().first == 150);
    CHECK(t.window().last == 200);

    t.set_window(180, 189);
    t.set_speed(10);
    t.play();
    CHECK(t.advance(1.0));
    CHECK(t.window().last == 199);
    CHECK(t.advance(1.0));
    CHECK(t.window().last == 200); // stops at the end...
    CHECK_FALSE(t.playing());      // ...and pauses
    t.set_loop(true);
    t.play();
    CHECK(t.advance(0.2)); // 2 days past the end: wraps to the start
    CHECK(t.window().first == 100);
    CHECK(t.window().last == 109);
}

TEST_CASE("slow playback accumulates fractions of a day", "[view][time]") {
    TimeModel t;
    t.set_extent(0, 100);
    t.set_window(0, 0);
    t.set_speed(1);
    t.play();
    CHECK_FALSE(t.advance(0.4));
    CHECK_FALSE(t.advance(0.4));
    CHECK(t.advance(0.4));
    CHECK(t.window().last == 1);
    t.pause();
    CHECK_FALSE(t.advance(5));
}

TEST_CASE("the cumulative window keeps its start at the data's start", "[view][time]") {
    TimeModel t;
    t.set_extent(10, 50);
    t.set_window(20, 30);
    t.set_mode(WindowMode::cumulative);
    CHECK(t.window().first == 10);
    t.step(StepUnit::day, 4);
    CHECK(t.window().first == 10);
    CHECK(t.window().last == 34);
    CHECK(window_mode_from("cumulative") == WindowMode::cumulative);
    CHECK_FALSE(window_mode_from("sliding"));
    CHECK(step_unit_from("week") == StepUnit::week);
}
