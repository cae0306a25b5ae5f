// The histogram above the time slider: events per bin over the days in view, for all events
// and for those passing the filters. Bins adapt to the range shown (about one bin per few
// pixels, at widths a reader recognises: 1 day, 1 week, 1 month...). Built when the data, the
// filter or the histogram's own zoom changes, never while scrubbing.
//
// An event known only to a month or a year ("in March 2019") happened on one day of that
// period, not on its first: it is spread over its whole period (each bin gets the share of the
// period's days it holds) and drawn fainter above the events dated to the day. Counted at its
// first day it made a false spike on the 1st of the month, or on 1 January.
#pragma once

#include "view/event_table.hpp"

#include <cstdint>
#include <vector>

namespace eventmap::view {

struct Histogram {
    Day first = 0;                            // first day of bin 0
    int bin_days = 1;                         // days per bin
    std::vector<std::uint32_t> all, filtered; // events dated to the day (or a day range)
    // Month- and year-precision events, each spread over its period (a fraction per bin).
    std::vector<float> period_all, period_filtered;
    std::uint32_t max_all = 0; // the highest bin, both kinds together (rounded up)
    // The first day of bin i, and the bin holding `day` (clamped to the bins).
    Day bin_start(std::size_t i) const { return first + static_cast<Day>(i) * bin_days; }
    std::size_t bin_of(Day day) const;
};

// The width in days, from 1, 2, 7, 14, 30, 91, 182, 365, 730, 1825, 3650, 36500: the smallest
// that keeps the range within `max_bins` bins.
int choose_bin_days(DayRange range, int max_bins);

// Counts each day-precision row whose start day falls in `range` (rows without a date are
// skipped) in all; in filtered too where mask[row] != 0 (an empty mask: none filtered).
// Month- and year-precision rows go to period_all / period_filtered, spread over their days
// inside `range`.
Histogram build_histogram(const EventTable& table, const std::vector<std::uint8_t>& mask,
                          DayRange range, int max_bins);

} // namespace eventmap::view
