#include "view/event_list.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

namespace eventmap::view {

const char* to_string(SortKey key) {
    switch (key) {
    case SortKey::type:
        return "type";
    case SortKey::place:
        return "place";
    case SortKey::country:
        return "country";
    case SortKey::confidence:
        return "confidence";
    case SortKey::date:
        break;
    }
    return "date";
}

namespace {

// Days span a few thousand values where rows number up to millions: a counting sort is one
// pass where std::sort is n log n (a million-row list sorted by date: 15 % of a load's CPU
// before). nullopt when the span is too wide for a table of counts to pay.
std::optional<std::pair<Day, Day>> narrow_span(const std::vector<Day>& days) {
    if (days.empty()) {
        return std::nullopt;
    }
    const auto [low, high] = std::minmax_element(days.begin(), days.end());
    const auto span = static_cast<std::int64_t>(*high) - *low;
    if (span > 4 * static_cast<std::int64_t>(days.size()) + 4096) {
        return std::nullopt;
    }
    return std::make_pair(*low, *high);
}

void sort_days(std::vector<Day>& days) {
    const auto span = narrow_span(days);
    if (!span) {
        std::sort(days.begin(), days.end());
        return;
    }
    std::vector<std::uint32_t> count(static_cast<std::size_t>(span->second - span->first) + 1);
    for (const Day d : days) {
        ++count[static_cast<std::size_t>(d - span->first)];
    }
    auto out = days.begin();
    for (std::size_t k = 0; k < count.size(); ++k) {
        out = std::fill_n(out, count[k], static_cast<Day>(span->first + static_cast<Day>(k)));
    }
}

// `rows` (ascending) by `day` of each, ties in row order, ascending or descending: a stable
// counting sort (the order std::sort with the row as tie-break gives). False when the span of
// days is too wide (the caller sorts).
bool sort_rows_by_day(std::vector<Row>& rows, const std::vector<Day>& day, bool descending) {
    std::vector<Day> keys(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        keys[i] = day[rows[i]];
    }
    const auto span = narrow_span(keys);
    if (!span) {
        return false;
    }
    const std::size_t buckets = static_cast<std::size_t>(span->second - span->first) + 1;
    std::vector<std::uint32_t> start(buckets + 1, 0);
    const auto bucket = [&](Day d) {
        const auto k = static_cast<std::size_t>(d - span->first);
        return descending ? buckets - 1 - k : k;
    };
    for (const Day d : keys) {
        ++start[bucket(d) + 1];
    }
    for (std::size_t k = 0; k < buckets; ++k) {
        start[k + 1] += start[k];
    }
    std::vector<Row> out(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out[start[bucket(keys[i])]++] = rows[i];
    }
    rows.swap(out);
    return true;
}

} // namespace

void EventList::set_rows(const EventTable& table, const std::vector<Row>& rows) {
    table_ = &table;
    rows_ = rows;
    sorted_ = rows;
    starts_.clear();
    ends_.clear();
    starts_.reserve(rows.size());
    ends_.reserve(rows.size());
    for (Row r : rows) {
        if (table.day_start[r] <= table.day_end[r]) {
            starts_.push_back(table.day_start[r]);
            ends_.push_back(table.day_end[r]);
        }
    }
    sort_days(starts_);
    sort_days(ends_);
    sort(key_, descending_);
}

void EventList::sort(SortKey key, bool descending) {
    key_ = key;
    descending_ = descending;
    cut_valid_ = false;
    if (table_ == nullptr) {
        return;
    }
    const EventTable& t = *table_;
    // Ties fall back to the row (load order), so the order is total and stable across sorts.
    auto by = [&](auto&& value) {
        std::sort(sorted_.begin(), sorted_.end(), [&](Row a, Row b) {
            const auto va = value(a), vb = value(b);
            if (va != vb) {
                return descending ? vb < va : va < vb;
            }
            return a < b;
        });
    };
    switch (key) {
    case SortKey::date:
        // From the rows in row order (as the filter gives them): a counting sort keeps ties
        // that way.
        if (std::is_sorted(rows_.begin(), rows_.end())) {
            sorted_ = rows_;
        }
        if (!std::is_sorted(sorted_.begin(), sorted_.end()) ||
            !sort_rows_by_day(sorted_, t.day_start, descending)) {
            by([&](Row r) { return t.day_start[r]; });
        }
        break;
    case SortKey::type:
        by([&](Row r) { return t.types.text(t.type[r]); });
        break;
    case SortKey::place:
        by([&](Row r) { return t.place[r]; });
        break;
    case SortKey::country:
        by([&](Row r) { return t.countries.text(t.country[r]); });
        break;
    case SortKey::confidence:
        by([&](Row r) { return t.confidence[r]; });
        break;
    }
}

const std::vector<Row>& EventList::rows_in(DayRange window) {
    if (cut_valid_ && window.first == cut_window_.first && window.last == cut_window_.last) {
        return cut_;
    }
    cut_.clear();
    if (table_ != nullptr) {
        for (Row r : sorted_) {
            if (table_->day_start[r] <= window.last && table_->day_end[r] >= window.first &&
                table_->day_start[r] <= table_->day_end[r]) {
                cut_.push_back(r);
            }
        }
    }
    cut_window_ = window;
    cut_valid_ = true;
    return cut_;
}

std::size_t EventList::count_in(DayRange window) const {
    if (window.last < window.first) {
        return 0;
    }
    const auto started = std::upper_bound(starts_.begin(), starts_.end(), window.last);
    const auto ended = std::lower_bound(ends_.begin(), ends_.end(), window.first);
    return static_cast<std::size_t>(started - starts_.begin()) -
           static_cast<std::size_t>(ended - ends_.begin());
}

} // namespace eventmap::view
