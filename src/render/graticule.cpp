#include "render/graticule.hpp"

#include <algorithm>
#include <cmath>

namespace eventmap::render {

namespace {

double lon_span(const mapdata::GeoBox& box) {
    const double span = box.east - box.west;
    return span > 0 ? span : span + 360;
}

// One line through `n` lon/lat points, projected, appended as segments between neighbours
// that both project (a pole or a point outside the domain breaks the line).
void append_line(const Projection& projection, std::vector<double>& x, std::vector<double>& y,
                 std::vector<float>& out) {
    projection.forward_many(x.data(), y.data(), x.size(), false);
    for (std::size_t i = 1; i < x.size(); ++i) {
        if (std::isfinite(x[i - 1]) && std::isfinite(y[i - 1]) && std::isfinite(x[i]) &&
            std::isfinite(y[i])) {
            out.insert(out.end(), {static_cast<float>(x[i - 1]), static_cast<float>(y[i - 1]),
                                   static_cast<float>(x[i]), static_cast<float>(y[i])});
        }
    }
}

} // namespace

double graticule_step(const mapdata::GeoBox& box, int max_lines) {
    const double span = std::max(lon_span(box), box.north - box.south);
    for (const double step : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0}) {
        if (span / step <= max_lines) {
            return step;
        }
    }
    return 30.0;
}

std::vector<float> graticule_segments(const Projection& projection, const mapdata::GeoBox& box,
                                      double step_deg) {
    std::vector<float> out;
    if (!(step_deg > 0)) {
        return out;
    }
    // Longitudes in the projection's own frame, [lon_0 - 180, lon_0 + 180], so a box across
    // the antimeridian is one interval and no line jumps across the seam.
    const double seam_west = projection.lon_0() - 180, seam_east = projection.lon_0() + 180;
    double west = seam_west, east = seam_east;
    if (lon_span(box) < 359.999) {
        west = projection.wrap_longitude(box.west);
        east = std::min(west + lon_span(box), seam_east);
    }
    const double limit = projection.max_latitude();
    const double south = std::max(box.south, -limit), north = std::min(box.north, limit);
    // Small enough that a parallel curves smoothly in Equal Earth and the local projection.
    const double dense = std::min(step_deg / 4, 1.0);
    std::vector<double> x, y;
    for (double lon = std::ceil(west / step_deg) * step_deg; lon <= east + 1e-9; lon += step_deg) {
        x.clear();
        y.clear();
        for (double lat = south;; lat = std::min(lat + dense, north)) {
            x.push_back(std::clamp(lon, seam_west, seam_east));
            y.push_back(lat);
            if (lat >= north) {
                break;
            }
        }
        append_line(projection, x, y, out);
    }
    for (double lat = std::ceil(south / step_deg) * step_deg; lat <= north + 1e-9;
         lat += step_deg) {
        x.clear();
        y.clear();
        for (double lon = west;; lon = std::min(lon + dense, east)) {
            x.push_back(lon);
            y.push_back(lat);
            if (lon >= east) {
                break;
            }
        }
        append_line(projection, x, y, out);
    }
    return out;
}

} // namespace eventmap::render
