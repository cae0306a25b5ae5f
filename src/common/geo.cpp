#include "common/geo.hpp"

#include <algorithm>
#include <cmath>

namespace eventmap {

namespace {
constexpr double deg_to_rad = 3.14159265358979323846 / 180.0;
}

double distance_km(LatLon a, LatLon b) {
    const double dlat = (b.lat - a.lat) * deg_to_rad;
    const double dlon = (b.lon - a.lon) * deg_to_rad;
    const double s = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * deg_to_rad) * std::cos(b.lat * deg_to_rad) *
                         std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2.0 * earth_radius_km * std::asin(std::min(1.0, std::sqrt(s)));
}

bool is_valid(LatLon p) {
    return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90.0 && p.lat <= 90.0 &&
           p.lon >= -180.0 && p.lon <= 180.0;
}

} // namespace eventmap
