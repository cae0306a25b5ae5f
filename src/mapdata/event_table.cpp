#include "mapdata/event_table.hpp"

#include <algorithm>
#include <cmath>

namespace eventmap::mapdata {

const char* quad_class_name(QuadClass quad) {
    switch (quad) {
    case QuadClass::verbal_cooperation:
        return "Verbal cooperation";
    case QuadClass::material_cooperation:
        return "Material cooperation";
    case QuadClass::verbal_conflict:
        return "Verbal conflict";
    case QuadClass::material_conflict:
        return "Material conflict";
    case QuadClass::none:
        break;
    }
    return "Unclassified";
}

void EventTable::reserve(std::size_t n) {
    fid.reserve(n);
    lon.reserve(n);
    lat.reserve(n);
    day_start.reserve(n);
    day_end.reserve(n);
    precision.reserve(n);
    type.reserve(n);
    quad.reserve(n);
    sources.reserve(n);
    planned.reserve(n);
    confidence.reserve(n);
    radius_km.reserve(n);
}

void EventTable::resize(std::size_t n) {
    fid.resize(n, 0);
    lon.resize(n, 0);
    lat.resize(n, 0);
    day_start.resize(n, 0);
    day_end.resize(n, 0);
    precision.resize(n, DatePrecision::unknown);
    type.resize(n, 0);
    quad.resize(n, QuadClass::none);
    sources.resize(n, 1);
    planned.resize(n, 0);
    confidence.resize(n, 1);
    radius_km.resize(n, 0);
}

void EventTable::shrink_to_fit() {
    fid.shrink_to_fit();
    lon.shrink_to_fit();
    lat.shrink_to_fit();
    day_start.shrink_to_fit();
    day_end.shrink_to_fit();
    precision.shrink_to_fit();
    type.shrink_to_fit();
    quad.shrink_to_fit();
    sources.shrink_to_fit();
    planned.shrink_to_fit();
    confidence.shrink_to_fit();
    radius_km.shrink_to_fit();
}

namespace {
template <class T> void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}
} // namespace

void append_rows(EventTable& to, const EventTable& from,
                 const std::vector<std::uint16_t>& type_of) {
    append(to.fid, from.fid);
    append(to.lon, from.lon);
    append(to.lat, from.lat);
    append(to.day_start, from.day_start);
    append(to.day_end, from.day_end);
    append(to.precision, from.precision);
    to.type.reserve(to.type.size() + from.type.size());
    for (const std::uint16_t t : from.type) {
        to.type.push_back(t < type_of.size() ? type_of[t] : std::uint16_t{0});
    }
    append(to.quad, from.quad);
    append(to.sources, from.sources);
    append(to.planned, from.planned);
    append(to.confidence, from.confidence);
    append(to.radius_km, from.radius_km);
    to.skipped_rows += from.skipped_rows;
}

DayRange EventTable::day_range() const {
    if (day_start.empty()) {
        return {};
    }
    return {*std::min_element(day_start.begin(), day_start.end()),
            *std::max_element(day_end.begin(), day_end.end())};
}

std::vector<std::uint64_t> EventTable::type_counts() const {
    std::vector<std::uint64_t> counts(type_names.size(), 0);
    for (const auto t : type) {
        ++counts[t];
    }
    return counts;
}

std::vector<std::uint64_t> EventTable::quad_counts() const {
    std::vector<std::uint64_t> counts(5, 0);
    for (const auto q : quad) {
        ++counts[static_cast<std::size_t>(q)];
    }
    return counts;
}

namespace {

// At most this many longitudes decide the centre: a sample of ten million rows gives the
// same gap as all of them to a fraction of a degree, in a fraction of the time.
constexpr std::size_t centre_sample = 200000;

std::vector<double> sorted_longitudes(const EventTable& table) {
    const std::size_t n = table.size();
    const std::size_t stride = std::max<std::size_t>(1, n / centre_sample);
    std::vector<double> lons;
    lons.reserve(n / stride + 1);
    for (std::size_t i = 0; i < n; i += stride) {
        lons.push_back(table.lon[i]);
    }
    std::sort(lons.begin(), lons.end());
    return lons;
}

// The widest gap between consecutive longitudes on the circle: {start of gap, width}.
std::pair<double, double> widest_gap(const std::vector<double>& lons) {
    double gap_start = lons.back();
    double gap = lons.front() + 360.0 - lons.back(); // across the antimeridian
    for (std::size_t i = 1; i < lons.size(); ++i) {
        const double g = lons[i] - lons[i - 1];
        if (g > gap) {
            gap = g;
            gap_start = lons[i - 1];
        }
    }
    return {gap_start, gap};
}

double wrap180(double lon) {
    while (lon > 180.0) {
        lon -= 360.0;
    }
    while (lon < -180.0) {
        lon += 360.0;
    }
    return lon;
}

} // namespace

double central_longitude(const EventTable& table) {
    if (table.size() == 0) {
        return 0.0;
    }
    const auto lons = sorted_longitudes(table);
    const auto [gap_start, gap] = widest_gap(lons);
    // The occupied arc runs from the gap's end eastwards to its start.
    const double occupied = 360.0 - gap;
    return wrap180(gap_start + gap + occupied / 2.0);
}

GeoBox event_bounds(const EventTable& table) {
    GeoBox box;
    if (table.size() == 0) {
        return box;
    }
    // The sample finds the empty side of the globe; the extent itself is measured over every
    // event around the occupied arc's centre. (A sample alone missed whole clusters: rows
    // that cycle through places in step with the sampling stride were never sampled.)
    const double centre = central_longitude(table);
    double low = 0, high = 0;
    for (const double lon : table.lon) {
        const double offset = wrap180(lon - centre);
        low = std::min(low, offset);
        high = std::max(high, offset);
    }
    if (high - low >= 359.999) {
        box.west = -180;
        box.east = 180;
    } else {
        box.west = wrap180(centre + low);
        box.east = wrap180(centre + high);
    }
    box.south = *std::min_element(table.lat.begin(), table.lat.end());
    box.north = *std::max_element(table.lat.begin(), table.lat.end());
    return box;
}

} // namespace eventmap::mapdata
