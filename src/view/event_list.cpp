#include "view/event_list.hpp"

#include <algorithm>

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

void EventList::set_rows(const EventTable& table, const std::vector<Row>& rows) {
    table_ = &table;
    sorted_ = rows;
    starts_.clear();
    ends_.clear();
    for (Row r : rows) {
        if (table.day_start[r] <= table.day_end[r]) {
            starts_.push_back(table.day_start[r]);
            ends_.push_back(table.day_end[r]);
        }
    }
    std::sort(starts_.begin(), starts_.end());
    std::sort(ends_.begin(), ends_.end());
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
        by([&](Row r) { return t.day_start[r]; });
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
