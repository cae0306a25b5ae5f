#include "view/histogram.hpp"

#include <algorithm>
#include <cmath>

namespace eventmap::view {

std::size_t Histogram::bin_of(Day day) const {
    if (all.empty() || day <= first) {
        return 0;
    }
    return std::min(static_cast<std::size_t>((day - first) / bin_days), all.size() - 1);
}

int choose_bin_days(DayRange range, int max_bins) {
    static const int widths[] = {1, 2, 7, 14, 30, 91, 182, 365, 730, 1825, 3650, 36500};
    const long long days = static_cast<long long>(range.last) - range.first + 1;
    max_bins = std::max(max_bins, 1);
    for (int width : widths) {
        if ((days + width - 1) / width <= max_bins) {
            return width;
        }
    }
    return static_cast<int>((days + max_bins - 1) / max_bins);
}

namespace {

// Adds one month- or year-precision row to the period bins: each bin the period overlaps gets
// the share of the period's days that fall in it (only the days inside the histogram's range).
void spread_period(Histogram& h, DayRange range, Day start, Day end, bool passes) {
    const Day first = std::max(start, range.first), last = std::min(end, range.last);
    const float per_day = 1.0f / static_cast<float>(end - start + 1);
    for (Day day = first; day <= last;) {
        const auto bin = static_cast<std::size_t>((day - range.first) / h.bin_days);
        const Day bin_last = std::min(last, h.bin_start(bin + 1) - 1);
        const float share = per_day * static_cast<float>(bin_last - day + 1);
        h.period_all[bin] += share;
        if (passes) {
            h.period_filtered[bin] += share;
        }
        day = bin_last + 1;
    }
}

} // namespace

Histogram build_histogram(const EventTable& t, const std::vector<std::uint8_t>& mask,
                          DayRange range, int max_bins) {
    Histogram h;
    if (range.last < range.first) {
        return h;
    }
    h.first = range.first;
    h.bin_days = choose_bin_days(range, max_bins);
    const auto bins = static_cast<std::size_t>((range.last - range.first) / h.bin_days) + 1;
    h.all.assign(bins, 0);
    h.filtered.assign(bins, 0);
    h.period_all.assign(bins, 0);
    h.period_filtered.assign(bins, 0);
    const bool masked = mask.size() == t.size();
    const bool has_precision = t.precision.size() == t.size();
    for (std::size_t r = 0; r < t.size(); ++r) {
        const Day day = t.day_start[r], end = t.day_end[r];
        const bool passes = masked && mask[r] != 0;
        if (day > end) {
            continue; // no date
        }
        if (has_precision && t.precision[r] != Precision::day) {
            if (end >= range.first && day <= range.last) {
                spread_period(h, range, day, end, passes);
            }
            continue;
        }
        if (day < range.first || day > range.last) {
            continue;
        }
        const auto bin = static_cast<std::size_t>((day - range.first) / h.bin_days);
        ++h.all[bin];
        if (passes) {
            ++h.filtered[bin];
        }
    }
    for (std::size_t i = 0; i < bins; ++i) { // float sums: 0.9999 or 1.0001 for a whole event
        const auto total =
            static_cast<std::uint32_t>(std::ceil(h.all[i] + h.period_all[i] - 1e-3f));
        h.max_all = std::max(h.max_all, total);
    }
    return h;
}

} // namespace eventmap::view
