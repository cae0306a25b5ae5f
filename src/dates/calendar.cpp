#include "dates/calendar.hpp"

#include <cstdio>

namespace eventmap::dates {

long days_from_civil(int year, int month, int day) {
    const long y = static_cast<long>(year) - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long days) {
    const long z = days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    CivilDate out;
    out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2 ? 1 : 0));
    return out;
}

namespace {
bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}
} // namespace

int days_in_month(int year, int month) {
    static constexpr int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

bool is_valid_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

int weekday(long days) {
    // 1970-01-01 was a Thursday (3 in Monday-based numbering).
    const long w = (days + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

void iso_week(long days, int& week_year, int& week) {
    // The ISO week belongs to the year of its Thursday.
    const long thursday = days - weekday(days) + 3;
    week_year = civil_from_days(thursday).year;
    const long jan1 = days_from_civil(week_year, 1, 1);
    week = static_cast<int>((thursday - jan1) / 7 + 1);
}

void add_months(int& year, int& month, int months) {
    long total = static_cast<long>(year) * 12 + (month - 1) + months;
    year = static_cast<int>(total >= 0 ? total / 12 : (total - 11) / 12);
    month = static_cast<int>(total - static_cast<long>(year) * 12) + 1;
}

long easter_sunday(int year) {
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    return days_from_civil(year, month, day);
}

std::optional<long> parse_iso_day(std::string_view text) {
    if (text.size() < 10 || (text.size() > 10 && text[10] != 'T' && text[10] != ' ')) {
        return std::nullopt;
    }
    auto digits = [&](std::size_t from, std::size_t count, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    int y = 0;
    int m = 0;
    int d = 0;
    if (!digits(0, 4, y) || text[4] != '-' || !digits(5, 2, m) || text[7] != '-' ||
        !digits(8, 2, d) || !is_valid_date(y, m, d)) {
        return std::nullopt;
    }
    return days_from_civil(y, m, d);
}

std::string two_digits(int n) {
    n = n < 0 ? 0 : n % 100;
    return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

std::string format_year(int year) {
    if (year < 0 || year > 9999) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d", year);
        return buf;
    }
    return std::string{static_cast<char>('0' + year / 1000),
                       static_cast<char>('0' + year / 100 % 10),
                       static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10)};
}

std::string format_month(int year, int month) {
    return format_year(year) + "-" + two_digits(month);
}

std::string format_day(long days) {
    const CivilDate c = civil_from_days(days);
    return format_month(c.year, c.month) + "-" + two_digits(c.day);
}

std::string format_week(long days) {
    int wy = 0;
    int w = 0;
    iso_week(days, wy, w);
    return format_year(wy) + "-W" + two_digits(w);
}

} // namespace eventmap::dates
