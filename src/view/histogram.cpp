#include "view/histogram.hpp"

#include <algorithm>

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
    const bool masked = mask.size() == t.size();
    for (std::size_t r = 0; r < t.size(); ++r) {
        const Day day = t.day_start[r];
        if (day < range.first || day > range.last || day > t.day_end[r]) {
            continue;
        }
        const auto bin = static_cast<std::size_t>((day - range.first) / h.bin_days);
        ++h.all[bin];
        if (masked && mask[r] != 0) {
            ++h.filtered[bin];
        }
    }
    h.max_all = h.all.empty() ? 0 : *std::max_element(h.all.begin(), h.all.end());
    return h;
}

} // namespace eventmap::view
