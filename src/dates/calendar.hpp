// Proleptic Gregorian calendar arithmetic on day numbers, and the TIMEX3 value strings built
// from it. Day numbers count days since 1970-01-01 (negative before), so differences are plain
// subtraction and weekdays are a modulo.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eventmap::dates {

struct CivilDate {
    int year = 0;
    int month = 0; // 1..12
    int day = 0;   // 1..31
};

// Days since 1970-01-01 for a valid civil date (Howard Hinnant's days_from_civil).
long days_from_civil(int year, int month, int day);
CivilDate civil_from_days(long days);

int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);

// 0 = Monday ... 6 = Sunday (ISO order, matching TIMEX3's XXXX-WXX-1 = Monday).
int weekday(long days);

// ISO 8601 week-numbering year and week (1..53) of a day.
void iso_week(long days, int& week_year, int& week);

// Adds months to (year, month), carrying into years.
void add_months(int& year, int& month, int months);

// Easter Sunday (Gregorian computus).
long easter_sunday(int year);

// Parses strict YYYY-MM-DD (optionally followed by 'T' or ' ' and anything, as in
// "2013-09-13T10:00:00Z"); nullopt when malformed or impossible (2013-02-30).
std::optional<long> parse_iso_day(std::string_view text);

// TIMEX3 value strings.
std::string format_day(long days);             // 2013-09-13
std::string format_month(int year, int month); // 2013-09
std::string format_year(int year);             // 2013 (four digits, zero padded)
std::string format_week(long days);            // 2013-W37
std::string two_digits(int n);

} // namespace eventmap::dates
