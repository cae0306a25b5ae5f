#include "dates/timex_links.hpp"

#include "dates/calendar.hpp"

#include <cctype>
#include <charconv>

namespace eventmap::dates {

namespace {

std::string tid(std::size_t n) {
    return "t" + std::to_string(n);
}

// The granularity of a DATE value by its shape: 'Y' 2011, 'Q' 2011-Q3, 'M' 2011-05, 'D'
// 2011-05-03; 0 for anything else (weeks, seasons, references, partial values).
char granularity(std::string_view value) {
    std::string shape(value);
    for (char& c : shape) {
        if (c >= '0' && c <= '9') {
            c = '9';
        }
    }
    if (shape == "9999") {
        return 'Y';
    }
    if (shape == "9999-Q9") {
        return 'Q';
    }
    if (shape == "9999-99") {
        return 'M';
    }
    return shape == "9999-99-99" ? 'D' : 0;
}

int field(std::string_view value, std::size_t pos, std::size_t len) {
    int out = 0;
    std::from_chars(value.data() + pos, value.data() + pos + len, out);
    return out;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The word joining the two ends ("to", "and", a dash), lower-cased; empty when the gap holds
// anything else.
std::string connector(std::string_view gap) {
    while (!gap.empty() && is_space(gap.front())) {
        gap.remove_prefix(1);
    }
    while (!gap.empty() && is_space(gap.back())) {
        gap.remove_suffix(1);
    }
    if (gap == "-" || gap == "\u2013" || gap == "\u2014") {
        return "-";
    }
    return lower_ascii(gap);
}

// The byte offset of the word right before `at` when it opens a range ("from", "between"),
// with that word; npos when there is none.
std::size_t opening_word(std::string_view text, std::size_t at, std::string& word) {
    std::size_t end = at;
    while (end > 0 && is_space(text[end - 1])) {
        --end;
    }
    std::size_t begin = end;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1])) != 0) {
        --begin;
    }
    if (begin == end || end == at) {
        return std::string_view::npos; // no word, or no space between it and the date
    }
    word = lower_ascii(text.substr(begin, end - begin));
    return word == "from" || word == "between" ? begin : std::string_view::npos;
}

bool joins(const std::string& opening, const std::string& link) {
    if (opening == "between") {
        return link == "and";
    }
    return link == "to" || link == "through" || link == "until" || link == "till" || link == "-";
}

// "from May 3 to May 9, 2012": the first end was resolved against the publication date only
// because it has no year of its own; it takes the second's (the year before when its month and
// day come later in the year: "from December 20 to January 5, 2013").
void borrow_year(TimeExpression& first, const TimeExpression& second) {
    const char g = granularity(first.value);
    if (first.anchor.rfind("published ", 0) != 0 || second.anchor != "absolute" ||
        g != granularity(second.value) || (g != 'D' && g != 'M')) {
        return;
    }
    const std::string rest = first.value.substr(4);
    int year = field(second.value, 0, 4);
    if (rest > second.value.substr(4)) {
        --year;
    }
    const std::string value = format_year(year) + rest;
    if (g == 'D' && !parse_iso_day(value)) {
        return; // February 29 in a common year
    }
    first.value = value;
    first.anchor = "range end " + second.value;
    first.anchor_time_id = second.id;
}

} // namespace

std::string range_duration(const std::string& first, const std::string& second) {
    const char g = granularity(first);
    if (g == 0 || g != granularity(second) || second < first) {
        return {};
    }
    const int years = field(second, 0, 4) - field(first, 0, 4);
    switch (g) {
    case 'Y':
        return "P" + std::to_string(years) + "Y";
    case 'Q':
        return "P" + std::to_string(4 * years + field(second, 6, 1) - field(first, 6, 1)) + "Q";
    case 'M':
        return "P" + std::to_string(12 * years + field(second, 5, 2) - field(first, 5, 2)) + "M";
    default: {
        const auto a = parse_iso_day(first);
        const auto b = parse_iso_day(second);
        return a && b ? "P" + std::to_string(*b - *a) + "D" : std::string();
    }
    }
}

void assign_timex_ids(DateResult& result, const std::vector<Resolution>& resolutions) {
    auto& xs = result.expressions;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        xs[i].id = tid(i + 1);
    }
    const bool have_t0 = !result.published.value.empty();
    for (std::size_t i = 0; i < xs.size() && i < resolutions.size(); ++i) {
        const Resolution& r = resolutions[i];
        if (r.anchor_mention >= 0 && static_cast<std::size_t>(r.anchor_mention) < xs.size()) {
            xs[i].anchor_time_id = tid(static_cast<std::size_t>(r.anchor_mention) + 1);
        } else if (r.anchor_mention == kAnchorReference && have_t0) {
            xs[i].anchor_time_id = "t0";
        }
        if (r.reference_end < 0 && have_t0) {
            xs[i].end_point_id = "t0";
        } else if (r.reference_end > 0 && have_t0) {
            xs[i].begin_point_id = "t0";
        }
    }
}

void link_ranges(std::string_view text, DateResult& result) {
    auto& xs = result.expressions;
    for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
        TimeExpression& a = xs[i];
        const TimeExpression& b = xs[i + 1];
        if (a.type != TimexType::date || b.type != TimexType::date || b.byte_start < a.byte_end ||
            b.byte_start > text.size()) {
            continue;
        }
        std::string opening;
        const std::size_t open = opening_word(text, a.byte_start, opening);
        if (open == std::string_view::npos ||
            !joins(opening, connector(text.substr(a.byte_end, b.byte_start - a.byte_end)))) {
            continue;
        }
        const std::string saved_value = a.value;
        const std::string saved_anchor = a.anchor;
        const std::string saved_anchor_id = a.anchor_time_id;
        borrow_year(a, b);
        std::string value = range_duration(a.value, b.value);
        if (value.empty()) {
            a.value = saved_value; // not a range after all: leave the first end as it was
            a.anchor = saved_anchor;
            a.anchor_time_id = saved_anchor_id;
            continue;
        }
        TimeRange r;
        r.value = std::move(value);
        r.first = i;
        r.second = i + 1;
        r.start = a.start - (a.byte_start - open); // the opening word and spaces are ASCII
        r.end = b.end;
        r.text = std::string(text.substr(open, b.byte_end - open));
        result.ranges.push_back(std::move(r));
        ++i; // the second end opens no range of its own
    }
    for (std::size_t k = 0; k < result.ranges.size(); ++k) {
        result.ranges[k].id = tid(xs.size() + k + 1);
    }
}

} // namespace eventmap::dates
