#include "model/event.hpp"

#include "common/assert.hpp"

#include <array>
#include <charconv>

namespace eventmap::model {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain): exact for every day of
// the proleptic Gregorian calendar, no tables, no time zone.
constexpr int floor_div(int a, int b) {
    return (a >= 0 ? a : a - b + 1) / b;
}

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

// Reads exactly `count` digits at `at`; -1 when they are not all digits.
int read_digits(std::string_view text, std::size_t at, std::size_t count) {
    if (text.size() < at + count) {
        return -1;
    }
    int value = 0;
    const char* first = text.data() + at;
    const auto [end, error] = std::from_chars(first, first + count, value);
    return error == std::errc() && end == first + count && first[0] != '-' ? value : -1;
}

void append_two(std::string& out, int n) {
    out += static_cast<char>('0' + n / 10);
    out += static_cast<char>('0' + n % 10);
}

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(std::string_view text, const std::array<const char*, N>& names) {
    for (std::size_t i = 0; i < N; ++i) {
        if (text == names[i]) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

constexpr std::array<const char*, 4> precision_names = {"", "year", "month", "day"};
constexpr std::array<const char*, 5> source_names = {"", "explicit", "relative", "publication",
                                                     "inferred"};
constexpr std::array<const char*, 17> type_names = {
    "",        "AGREE",    "CONSULT",  "SUPPORT", "CONCEDE", "COOPERATE",
    "AID",     "RETREAT",  "REQUEST",  "ACCUSE",  "REJECT",  "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT"};

} // namespace

DayNumber day_number(int year, int month, int day) noexcept {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = floor_div(y, 400);
    const int yoe = y - era * 400;
    const int mp = (month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDay civil_day(DayNumber day) noexcept {
    const int z = day + 719468;
    const int era = floor_div(z, 146097);
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    CivilDay out;
    out.day = doy - (153 * mp + 2) / 5 + 1;
    out.month = mp < 10 ? mp + 3 : mp - 9;
    out.year = yoe + era * 400 + (out.month <= 2 ? 1 : 0);
    return out;
}

std::string format_day(DayNumber day) {
    EVENTMAP_ASSERT(day != no_day, "formatting an undated day");
    const CivilDay c = civil_day(day);
    EVENTMAP_ASSERT(c.year >= 0 && c.year <= 9999, "year outside ISO 8601's four digits");
    std::string out;
    out.reserve(10);
    append_two(out, c.year / 100);
    append_two(out, c.year % 100);
    out += '-';
    append_two(out, c.month);
    out += '-';
    append_two(out, c.day);
    return out;
}

std::optional<DayNumber> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const int year = read_digits(text, 0, 4);
    const int month = read_digits(text, 5, 2);
    const int day = read_digits(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
        return std::nullopt;
    }
    return day_number(year, month, day);
}

const char* to_string(DatePrecision precision) noexcept {
    return precision_names[static_cast<std::size_t>(precision)];
}
const char* to_string(DateSource source) noexcept {
    return source_names[static_cast<std::size_t>(source)];
}
const char* to_string(PloverType type) noexcept {
    return type_names[static_cast<std::size_t>(type)];
}
std::optional<DatePrecision> parse_date_precision(std::string_view text) {
    return parse_name<DatePrecision>(text, precision_names);
}
std::optional<DateSource> parse_date_source(std::string_view text) {
    return parse_name<DateSource>(text, source_names);
}
std::optional<PloverType> parse_plover_type(std::string_view text) {
    return parse_name<PloverType>(text, type_names);
}
std::optional<QuadClass> parse_quad_code(std::int64_t code) {
    if (code < 0 || code > 4) {
        return std::nullopt;
    }
    return static_cast<QuadClass>(code);
}

std::string iso_date(const Event& e) {
    if (!has_date(e)) {
        return {};
    }
    std::string out = format_day(e.date);
    if (e.minute >= 0) {
        out += 'T';
        append_two(out, e.minute / 60);
        out += ':';
        append_two(out, e.minute % 60);
        out += ":00Z";
    }
    return out;
}

std::string iso_enddate(const Event& e) {
    return has_date(e) ? format_day(e.enddate == no_day ? e.date : e.enddate) : std::string();
}

bool set_iso_dates(Event& e, std::string_view date, std::string_view enddate,
                   std::string_view precision) {
    const auto level = parse_date_precision(precision);
    if (!level) {
        return false;
    }
    if (date.empty()) {
        if (!enddate.empty()) {
            return false;
        }
        e.date = e.enddate = no_day;
        e.minute = -1;
        e.date_precision = *level;
        return true;
    }
    const auto first = parse_day(date.substr(0, 10));
    if (!first) {
        return false;
    }
    int minute = -1;
    if (date.size() > 10) {
        // "THH:MM", optionally ":SS" and "Z": the forms this project writes and reads back.
        const std::string_view time = date.substr(10);
        const int hours = read_digits(time, 1, 2);
        const int minutes = read_digits(time, 4, 2);
        const bool shape = time[0] == 'T' && time.size() >= 6 && time[3] == ':' &&
                           (time.size() == 6 || time.substr(6) == "Z" ||
                            (time.size() >= 9 && time[6] == ':' && read_digits(time, 7, 2) >= 0 &&
                             (time.size() == 9 || time.substr(9) == "Z")));
        if (!shape || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
            return false;
        }
        minute = hours * 60 + minutes;
    }
    DayNumber last = *first;
    if (!enddate.empty()) {
        const auto parsed = parse_day(enddate.substr(0, 10));
        if (!parsed || *parsed < *first) {
            return false;
        }
        last = *parsed;
    }
    e.date = *first;
    e.enddate = last;
    e.minute = static_cast<std::int16_t>(minute);
    e.date_precision = *level;
    return true;
}

} // namespace eventmap::model
