// EventQuery -> an OGR attribute filter, and the validation of its dates.
#include "store/event_query.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"

#include <algorithm>

namespace eventmap::store {

namespace {

bool all_digits(const std::string& s, std::size_t from, std::size_t count) {
    if (s.size() < from + count) {
        return false;
    }
    return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(from),
                       s.begin() + static_cast<std::ptrdiff_t>(from + count),
                       [](char c) { return c >= '0' && c <= '9'; });
}

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::string two_digits(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

// The first date after the period `to` names (day, month or year), as the exclusive bound
// "date < next". A strict bound stays correct under any collation a PostgreSQL database uses,
// where a padded "to~" would not.
std::string next_period(const std::string& to) {
    int year = std::stoi(to.substr(0, 4));
    if (to.size() == 4) {
        return std::to_string(year + 1);
    }
    int month = std::stoi(to.substr(5, 2));
    if (to.size() == 7) {
        return month == 12 ? std::to_string(year + 1) + "-01"
                           : to.substr(0, 4) + "-" + two_digits(month + 1);
    }
    int day = std::stoi(to.substr(8, 2)) + 1;
    if (day > days_in_month(year, month)) {
        day = 1;
        if (++month > 12) {
            month = 1;
            ++year;
        }
    }
    return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
}

} // namespace

std::string where_clause(const EventQuery& query) {
    std::vector<std::string> terms;
    if (!query.type.empty()) {
        terms.push_back("\"event\" = " + gdal::sql_literal(query.type));
    }
    if (!query.from.empty()) {
        const std::string from = gdal::sql_literal(query.from);
        terms.push_back("(\"enddate\" >= " + from +
                        " OR (\"enddate\" IS NULL AND \"date\" >= " + from + "))");
    }
    if (!query.to.empty()) {
        terms.push_back("\"date\" < " + gdal::sql_literal(next_period(query.to)));
    }
    std::string where;
    for (const auto& term : terms) {
        where += (where.empty() ? "" : " AND ") + term;
    }
    return where;
}

void validate_query_date(const std::string& date, const std::string& what) {
    const bool shape_ok =
        (date.size() == 4 && all_digits(date, 0, 4)) ||
        (date.size() == 7 && all_digits(date, 0, 4) && date[4] == '-' && all_digits(date, 5, 2)) ||
        (date.size() == 10 && all_digits(date, 0, 4) && date[4] == '-' && all_digits(date, 5, 2) &&
         date[7] == '-' && all_digits(date, 8, 2));
    if (!shape_ok) {
        throw InputError(what + " '" + date + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    if (date.size() >= 7) {
        const int year = std::stoi(date.substr(0, 4));
        const int month = std::stoi(date.substr(5, 2));
        if (month < 1 || month > 12) {
            throw InputError(what + " '" + date + "' has no month " + date.substr(5, 2));
        }
        if (date.size() == 10) {
            const int day = std::stoi(date.substr(8, 2));
            if (day < 1 || day > days_in_month(year, month)) {
                throw InputError(what + " '" + date + "' is not a day of that month");
            }
        }
    }
}

} // namespace eventmap::store
