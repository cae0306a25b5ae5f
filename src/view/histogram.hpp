// The histogram above the time slider: events per bin over the days in view, for all events
// and for those passing the filters. Bins adapt to the range shown (about one bin per few
// pixels, at widths a reader recognises: 1 day, 1 week, 1 month...). Built when the data, the
// filter or the histogram's own zoom changes, never while scrubbing.
#pragma once

#include "view/event_table.hpp"

#include <cstdint>
#include <vector>

namespace eventmap::view {

struct Histogram {
    Day first = 0;    // first day of bin 0
    int bin_days = 1; // days per bin
    std::vector<std::uint32_t> all, filtered;
    std::uint32_t max_all = 0;
    // The first day of bin i, and the bin holding `day` (clamped to the bins).
    Day bin_start(std::size_t i) const { return first + static_cast<Day>(i) * bin_days; }
    std::size_t bin_of(Day day) const;
};

// The width in days, from 1, 2, 7, 14, 30, 91, 182, 365, 730, 1825, 3650, 36500: the smallest
// that keeps the range within `max_bins` bins.
int choose_bin_days(DayRange range, int max_bins);

// Counts each row whose start day falls in `range` (rows without a date are skipped) in all;
// in filtered too where mask[row] != 0 (an empty mask: none filtered).
Histogram build_histogram(const EventTable& table, const std::vector<std::uint8_t>& mask,
                          DayRange range, int max_bins);

} // namespace eventmap::view
