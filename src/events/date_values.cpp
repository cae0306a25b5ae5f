#include "events/date_values.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace eventmap::events {

namespace {

bool digits(const std::string& s, std::size_t at, std::size_t n) {
    if (s.size() < at + n) {
        return false;
    }
    for (std::size_t i = at; i < at + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
            return false;
        }
    }
    return true;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

} // namespace

std::optional<DateValue> parse_value(const std::string& v) {
    if (!digits(v, 0, 4)) {
        return std::nullopt;
    }
    const std::string year = v.substr(0, 4);
    if (v.size() == 4) {
        // The model's boundary form is a day: a year runs from its first day to its last.
        return DateValue{year + "-01-01", year + "-12-31", "year", 1};
    }
    if (v[4] != '-' || !digits(v, 5, 2)) {
        return std::nullopt;
    }
    const int month = std::stoi(v.substr(5, 2));
    if (month < 1 || month > 12) {
        return std::nullopt;
    }
    const std::string ym = v.substr(0, 7);
    if (v.size() == 7) {
        char last[3];
        std::snprintf(last, sizeof last, "%02d", days_in_month(std::stoi(year), month));
        return DateValue{ym + "-01", ym + "-" + last, "month", 2};
    }
    if (v[7] != '-' || !digits(v, 8, 2)) {
        return std::nullopt;
    }
    const std::string day = v.substr(0, 10);
    DateValue out{day, day, "day", 3};
    // "2013-09-13T15:30": a clock time makes it a full ISO 8601 instant (the issue's `Z`).
    if (v.size() >= 16 && v[10] == 'T' && digits(v, 11, 2) && v[13] == ':' && digits(v, 14, 2)) {
        out.date = day + 'T' + v.substr(11, 5) + ":00Z";
    }
    return out;
}

} // namespace eventmap::events
