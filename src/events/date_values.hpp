// TIMEX3 values as the dates an event can take: a day (with or without a clock time), a month
// or a year, with the last day of the span and the precision. Weeks, seasons, decades,
// durations and references (PRESENT_REF) are no dates an event can take.
#pragma once

#include <optional>
#include <string>

namespace eventmap::events {

struct DateValue {
    std::string date;
    std::string enddate;
    std::string precision; // day | month | year
    int rank = 0;          // 3 day, 2 month, 1 year
};

// "2013-09-13" -> day, "2013-09" -> month (to its last day), "2013" -> year; a clock time
// ("2013-09-13T15:30") makes a full ISO 8601 instant. Anything else: nullopt.
std::optional<DateValue> parse_value(const std::string& v);

} // namespace eventmap::events
