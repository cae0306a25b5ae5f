// Calendar arithmetic of the resolver: the season and quarter of a day, days and values a number
// of units away, and the year a month and day fall in for a clause's tense. Internal to
// src/dates (resolver.cpp); days are counts since 1970-01-01 (calendar.hpp).
#pragma once

#include "dates/lexicon.hpp"
#include "dates/mention.hpp"

#include <array>
#include <charconv>
#include <string>
#include <string_view>

namespace eventmap::dates::detail {

constexpr std::array<const char*, 4> kSeasonCodes = {"SP", "SU", "FA", "WI"};

// How far on the "wrong" side of the reference a tensed day or month may lie and keep its year.
constexpr long kTenseSlackDays = 45;

// How far ahead an untensed month and day may lie in the reference's year.
constexpr long kUntensedAheadDays = 150;

// 0 spring, 1 summer, 2 fall, 3 winter (December to February)
int season_of_month(int month);
// The last full quarter before `day`: what an earnings report's "the quarter" is about.
std::string previous_quarter(long day);
long round_amount(double amount);
// The day `amount` units after `base` (before it when negative), for a duration's far end.
long shifted_day(long base, Unit unit, double amount);
// The day `m` months/years away from `day` at the given unit, as a value of that granularity.
std::string shifted_value(long base, Unit unit, double amount, int sign, bool weeks_as_days,
                          long& first);
// The `n`th weekend wholly after (sign > 0) or before (sign < 0) `day`, as a week value
// (2010-W09-WE); `first` gets the Monday of its week. After a Monday the first weekend after is
// that week's; after a Saturday, the next week's.
std::string adjacent_weekend(long day, long n, int sign, long& first);
// The day of a movable holiday in `year`: Easter Sunday, US Thanksgiving (the fourth Thursday
// of November), US Election Day (the Tuesday after the first Monday of November), and the US
// holidays fixed to a weekday of their month (Labor Day, Memorial Day...; see Holiday).
long movable_holiday(Holiday h, int year);
// The n-th weekday `wd` (0 Monday .. 6 Sunday) of a month; n == -1: the last one
long nth_weekday(int year, int month, int wd, int n);
// The year in which (month, day) falls for a mention with this tense around `ref`.
long month_day_in_context(long ref, int month, int day, Tense tense, int rel);

// The leading decimal digits of a normalised value's field ("2013" of "2013-05"), 0 when there
// are none: atoi's result on these fields, without its unreported conversion errors.
inline int leading_int(std::string_view digits) {
    int out = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return out;
}

} // namespace eventmap::dates::detail
