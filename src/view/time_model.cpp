#include "view/time_model.hpp"

#include "model/event.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace eventmap::view {

// -------------------------------------------------------------------------------------------
// Calendar (civil <-> day number, after Howard Hinnant's chrono-compatible algorithms)
// -------------------------------------------------------------------------------------------

Day day_from_civil(int year, int month, int day) {
    return model::day_number(year, month, day);
}

CivilDate civil_from_day(Day z) {
    const model::CivilDay c = model::civil_day(z);
    return {c.year, c.month, c.day};
}

std::string format_day(Day day) {
    const CivilDate d = civil_from_day(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

namespace {

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::string trim(const std::string& text) {
    std::size_t a = 0, b = text.size();
    while (a < b && std::isspace(static_cast<unsigned char>(text[a]))) {
        ++a;
    }
    while (b > a && std::isspace(static_cast<unsigned char>(text[b - 1]))) {
        --b;
    }
    return text.substr(a, b - a);
}

// Reads exactly `width` digits at `pos`.
std::optional<int> digits(const std::string& text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            return std::nullopt;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::optional<DayRange> parse_one(const std::string& raw) {
    const std::string text = trim(raw);
    const auto year = digits(text, 0, 4);
    if (!year || (text.size() != 4 && text.size() != 7 && text.size() != 10)) {
        return std::nullopt;
    }
    if (text.size() == 4) {
        return DayRange{day_from_civil(*year, 1, 1), day_from_civil(*year, 12, 31)};
    }
    const auto month = digits(text, 5, 2);
    if (text[4] != '-' || !month || *month < 1 || *month > 12) {
        return std::nullopt;
    }
    if (text.size() == 7) {
        return DayRange{day_from_civil(*year, *month, 1),
                        day_from_civil(*year, *month, days_in_month(*year, *month))};
    }
    const auto day = digits(text, 8, 2);
    if (text[7] != '-' || !day || *day < 1 || *day > days_in_month(*year, *month)) {
        return std::nullopt;
    }
    const Day d = day_from_civil(*year, *month, *day);
    return DayRange{d, d};
}

} // namespace

std::optional<DayRange> parse_day_range(const std::string& text) {
    for (const char* separator : {"..", " to "}) {
        const auto at = text.find(separator);
        if (at != std::string::npos) {
            const auto a = parse_one(text.substr(0, at));
            const auto b = parse_one(text.substr(at + std::char_traits<char>::length(separator)));
            if (!a || !b || b->last < a->first) {
                return std::nullopt;
            }
            return DayRange{a->first, b->last};
        }
    }
    return parse_one(text);
}

const char* to_string(WindowMode mode) {
    return mode == WindowMode::moving ? "moving" : "cumulative";
}

const char* to_string(StepUnit unit) {
    switch (unit) {
    case StepUnit::day:
        return "day";
    case StepUnit::week:
        return "week";
    case StepUnit::month:
        break;
    }
    return "month";
}

std::optional<WindowMode> window_mode_from(const std::string& text) {
    if (text == "moving") {
        return WindowMode::moving;
    }
    if (text == "cumulative") {
        return WindowMode::cumulative;
    }
    return std::nullopt;
}

std::optional<StepUnit> step_unit_from(const std::string& text) {
    for (StepUnit unit : {StepUnit::day, StepUnit::week, StepUnit::month}) {
        if (text == to_string(unit)) {
            return unit;
        }
    }
    return std::nullopt;
}

Day add_steps(Day day, StepUnit unit, int count) {
    if (unit == StepUnit::day) {
        return day + count;
    }
    if (unit == StepUnit::week) {
        return day + 7 * count;
    }
    const CivilDate d = civil_from_day(day);
    int months = d.year * 12 + (d.month - 1) + count;
    const int year = months >= 0 ? months / 12 : (months - 11) / 12;
    const int month = months - year * 12 + 1;
    return day_from_civil(year, month, std::min(d.day, days_in_month(year, month)));
}

// -------------------------------------------------------------------------------------------
// TimeModel
// -------------------------------------------------------------------------------------------

void TimeModel::set_extent(Day first, Day last) {
    extent_ = first > last ? DayRange{0, 0} : DayRange{first, last};
    set_window(window_.first, window_.last);
}

void TimeModel::set_window(Day first, Day last) {
    if (last < first) {
        std::swap(first, last);
    }
    first = std::clamp(first, extent_.first, extent_.last);
    last = std::clamp(last, extent_.first, extent_.last);
    if (mode_ == WindowMode::cumulative) {
        first = extent_.first;
    }
    window_ = {first, last};
}

void TimeModel::set_mode(WindowMode mode) {
    mode_ = mode;
    set_window(window_.first, window_.last);
}

void TimeModel::shift_to_end(Day new_last) {
    const Day length = window_.last - window_.first;
    if (new_last > extent_.last) {
        if (!loop_) {
            new_last = extent_.last;
            playing_ = false;
        } else {
            // Wrap: start again with the window's first day at the extent's start.
            new_last = mode_ == WindowMode::moving ? extent_.first + length : extent_.first;
        }
    }
    if (new_last < extent_.first + (mode_ == WindowMode::moving ? length : 0)) {
        new_last = extent_.first + (mode_ == WindowMode::moving ? length : 0);
    }
    const Day new_first = mode_ == WindowMode::moving ? new_last - length : extent_.first;
    window_ = {std::max(new_first, extent_.first), std::min(new_last, extent_.last)};
}

void TimeModel::step(StepUnit unit, int count) {
    shift_to_end(add_steps(window_.last, unit, count));
}

bool TimeModel::advance(double seconds) {
    if (!playing_ || seconds <= 0) {
        return false;
    }
    pending_days_ += seconds * speed_;
    const double whole = std::floor(pending_days_);
    if (whole < 1) {
        return false;
    }
    pending_days_ -= whole;
    const DayRange before = window_;
    shift_to_end(window_.last + static_cast<Day>(whole));
    return before.first != window_.first || before.last != window_.last;
}

} // namespace eventmap::view
