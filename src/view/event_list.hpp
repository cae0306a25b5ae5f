// The event list's model: the filtered rows sorted by a column, and the part of them inside the
// time window. Sorting runs when the filter or the sort key changes; the window cut is one pass
// over the sorted rows, redone only when the window has changed. The panel draws from `rows()`
// through ImGuiListClipper, so a million rows cost only what is on screen.
//
// The window counter answers "how many filtered events in [a, b]" in O(log n) from sorted start
// and end days: overlapping = #(start <= b) - #(end < a).
#pragma once

#include "view/event_table.hpp"

#include <vector>

namespace eventmap::view {

enum class SortKey { date, type, place, country, confidence };
const char* to_string(SortKey key);

class EventList {
  public:
    // `rows`: the filtered rows (any order).
    void set_rows(const EventTable& table, const std::vector<Row>& rows);
    void sort(SortKey key, bool descending);
    SortKey key() const { return key_; }
    bool descending() const { return descending_; }

    // Rows of the sorted list inside the window (rows without a date are never inside).
    const std::vector<Row>& rows_in(DayRange window);
    // How many of the filtered rows overlap the window.
    std::size_t count_in(DayRange window) const;

  private:
    const EventTable* table_ = nullptr;
    std::vector<Row> rows_; // as set_rows() was given them
    std::vector<Row> sorted_;
    std::vector<Day> starts_, ends_; // of the filtered dated rows, each sorted
    SortKey key_ = SortKey::date;
    bool descending_ = false;
    std::vector<Row> cut_;
    DayRange cut_window_{1, 0};
    bool cut_valid_ = false;
};

} // namespace eventmap::view
