#include "dates/reference_arithmetic.hpp"

#include "dates/calendar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace eventmap::dates::detail {

int season_of_month(int month) {
    if (month == 12 || month <= 2) {
        return 3;
    }
    return (month - 3) / 3;
}

// The last full quarter before `day`: what an earnings report's "the quarter" is about.
std::string previous_quarter(long day) {
    const CivilDate c = civil_from_days(day);
    const int q = (c.month - 1) / 3; // 0..3, the current quarter's index; the previous is q
    return q == 0 ? format_year(c.year - 1) + "-Q4"
                  : format_year(c.year) + "-Q" + std::to_string(q);
}

long round_amount(double amount) {
    return static_cast<long>(std::llround(amount));
}

// The day `amount` units after `base` (before it when negative), for a duration's far end.
long shifted_day(long base, Unit unit, double amount) {
    const long n = round_amount(amount);
    switch (unit) {
    case Unit::second:
    case Unit::minute:
    case Unit::hour:
        return base + static_cast<long>(amount / (unit == Unit::hour ? 24 : 1440)); // whole days
    case Unit::day:
        return base + n;
    case Unit::week:
    case Unit::weekend:
        return base + 7 * n;
    case Unit::fortnight:
        return base + 14 * n;
    default:
        break;
    }
    const long months = unit == Unit::month     ? n
                        : unit == Unit::quarter ? 3 * n
                        : unit == Unit::year    ? 12 * n
                        : unit == Unit::decade  ? 120 * n
                                                : 1200 * n;
    const CivilDate c = civil_from_days(base);
    int y = c.year;
    int mo = c.month;
    add_months(y, mo, static_cast<int>(months));
    return days_from_civil(y, mo, std::min(c.day, days_in_month(y, mo)));
}

// The day `m` months/years away from `day` at the given unit, as a value of that granularity.
std::string shifted_value(long base, Unit unit, double amount, int sign, bool weeks_as_days,
                          long& first) {
    const CivilDate c = civil_from_days(base);
    const long n = round_amount(amount) * sign;
    switch (unit) {
    case Unit::second:
    case Unit::minute:
    case Unit::hour:
        first = base;
        return format_day(base);
    case Unit::day:
        first = base + n;
        return format_day(first);
    case Unit::week:
    case Unit::weekend:
    case Unit::fortnight: {
        const long days = n * (unit == Unit::fortnight ? 14 : 7);
        first = base + days;
        if (weeks_as_days) {
            return format_day(first);
        }
        first -= weekday(first);
        return format_week(base + days) + (unit == Unit::weekend ? "-WE" : "");
    }
    case Unit::month: {
        int y = c.year;
        int mo = c.month;
        add_months(y, mo, static_cast<int>(n));
        first = days_from_civil(y, mo, 1);
        return format_month(y, mo);
    }
    case Unit::quarter: {
        int y = c.year;
        int mo = (c.month - 1) / 3 * 3 + 1;
        add_months(y, mo, static_cast<int>(3 * n));
        first = days_from_civil(y, mo, 1);
        return format_year(y) + "-Q" + std::to_string((mo - 1) / 3 + 1);
    }
    case Unit::year:
        first = days_from_civil(c.year + static_cast<int>(n), 1, 1);
        return format_year(c.year + static_cast<int>(n));
    case Unit::decade: // "the following decade" names a decade: 202, not 2023
        first = days_from_civil((c.year / 10 + static_cast<int>(n)) * 10, 1, 1);
        return std::to_string(c.year / 10 + static_cast<int>(n));
    case Unit::century:
        first = days_from_civil((c.year / 100 + static_cast<int>(n)) * 100, 1, 1);
        return two_digits(c.year / 100 + static_cast<int>(n));
    }
    first = base;
    return format_day(base);
}

long nth_weekday(int year, int month, int wd, int n) {
    if (n < 0) {
        const long last = days_from_civil(year, month, days_in_month(year, month));
        return last - (weekday(last) - wd + 7) % 7;
    }
    const long first = days_from_civil(year, month, 1);
    return first + (wd - weekday(first) + 7) % 7 + 7L * (n - 1);
}

std::string adjacent_weekend(long day, long n, int sign, long& first) {
    const int wd = weekday(day); // 0 Monday ... 5 Saturday, 6 Sunday
    const long saturday_ahead = (5 - wd + 7) % 7 == 0 ? 7 : (5 - wd + 7) % 7;
    const long sunday_back = (wd - 6 + 7) % 7 == 0 ? 7 : (wd - 6 + 7) % 7;
    const long d = sign < 0 ? day - sunday_back - 7 * (n - 1) : day + saturday_ahead + 7 * (n - 1);
    first = d - weekday(d);
    return format_week(d) + "-WE";
}

long movable_holiday(Holiday h, int year) {
    switch (h) {
    case Holiday::easter:
        return easter_sunday(year);
    case Holiday::memorial:
        return nth_weekday(year, 5, 0, -1);
    case Holiday::labor:
        return nth_weekday(year, 9, 0, 1);
    case Holiday::columbus:
        return nth_weekday(year, 10, 0, 2);
    case Holiday::presidents:
        return nth_weekday(year, 2, 0, 3);
    case Holiday::mothers:
        return nth_weekday(year, 5, 6, 2);
    case Holiday::fathers:
        return nth_weekday(year, 6, 6, 3);
    case Holiday::king:
        return nth_weekday(year, 1, 0, 3);
    case Holiday::spring_bank:
        return nth_weekday(year, 5, 0, -1);
    case Holiday::summer_bank:
        return nth_weekday(year, 8, 0, -1);
    default:
        break;
    }
    const long nov1 = days_from_civil(year, 11, 1);
    if (h == Holiday::election) {
        const long first_monday = nov1 + (7 - weekday(nov1)) % 7;
        return first_monday + 1;
    }
    return nov1 + (3 - weekday(nov1) + 7) % 7 + 21; // fourth Thursday of November
}

// The year in which (month, day) falls for a mention with this tense around `ref`.
long month_day_in_context(long ref, int month, int day, Tense tense, int rel) {
    const int y = civil_from_days(ref).year;
    auto at_year = [&](int year) {
        const int d = std::min(day, days_in_month(year, month));
        return days_from_civil(year, month, d);
    };
    const long same = at_year(y);
    if (rel < 0) {
        return same <= ref ? same : at_year(y - 1);
    }
    if (rel > 0) {
        return same >= ref ? same : at_year(y + 1);
    }
    // A past-tense clause moves a day to last year only when it lies clearly after the
    // reference: wire copy reports arrangements for the days just ahead in the past tense
    // ("said the vote was set for Dec. 2"). A future clause has no such excuse.
    if (tense == Tense::past) {
        return same <= ref + kTenseSlackDays ? same : at_year(y - 1);
    }
    if (tense == Tense::future) {
        return same >= ref ? same : at_year(y + 1);
    }
    // Untensed, the nearer year; news looks back far more often than ahead, so a day half a
    // year ahead is last year's ("the record set on Aug. 6" written in February).
    if (same - ref > kUntensedAheadDays) {
        return at_year(y - 1);
    }
    if (ref - same > 183) {
        return at_year(y + 1);
    }
    return same;
}

} // namespace eventmap::dates::detail
