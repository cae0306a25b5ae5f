#include "render/map_view.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace eventmap::render {

void MapView::pan_pixels(double dx, double dy) noexcept {
    center_x -= dx * metres_per_pixel;
    center_y += dy * metres_per_pixel;
}

void MapView::zoom_at(double px, double py, double factor) noexcept {
    const double x = x_at(px), y = y_at(py);
    metres_per_pixel /= factor;
    center_x = x - (px - width / 2.0) * metres_per_pixel;
    center_y = y + (py - height / 2.0) * metres_per_pixel;
}

namespace {

struct Extent {
    double min_x = std::numeric_limits<double>::infinity(), min_y = min_x;
    double max_x = -min_x, max_y = -min_x;
    void add(ProjectedPoint p) {
        if (std::isfinite(p.x) && std::isfinite(p.y)) {
            min_x = std::min(min_x, p.x);
            max_x = std::max(max_x, p.x);
            min_y = std::min(min_y, p.y);
            max_y = std::max(max_y, p.y);
        }
    }
    bool valid() const { return min_x <= max_x && min_y <= max_y; }
};

} // namespace

MapView fit_view(const Projection& projection, const mapdata::GeoBox& box, int width, int height,
                 double margin) {
    const bool valid = box.south >= -90 && box.north <= 90 && box.south <= box.north &&
                       box.west >= -180 && box.west <= 180 && box.east >= -180 && box.east <= 180;
    if (!valid) {
        throw InputError("the box lies outside the world (longitudes -180..180, latitudes "
                         "-90..90, south below north)");
    }
    // Sample the box's edges: meridians and parallels are curves in most projections.
    const double east = box.east < box.west ? box.east + 360.0 : box.east;
    Extent extent;
    constexpr int steps = 32;
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        const double lon = box.west + (east - box.west) * t;
        const double lat = box.south + (box.north - box.south) * t;
        extent.add(projection.forward(lon, box.south));
        extent.add(projection.forward(lon, box.north));
        extent.add(projection.forward(box.west, lat));
        extent.add(projection.forward(east - 1e-9, lat));
    }
    if (!extent.valid()) {
        throw InputError("the box cannot be shown in the " +
                         std::string(projection_name(projection.kind())) + " projection");
    }
    MapView view;
    view.width = width;
    view.height = height;
    view.center_x = (extent.min_x + extent.max_x) / 2;
    view.center_y = (extent.min_y + extent.max_y) / 2;
    const double usable_w = width * (1 - 2 * margin);
    const double usable_h = height * (1 - 2 * margin);
    // A single event still gets a few kilometres of map around it.
    const double min_mpp = 5.0;
    view.metres_per_pixel = std::max({(extent.max_x - extent.min_x) / usable_w,
                                      (extent.max_y - extent.min_y) / usable_h, min_mpp});
    return view;
}

MapView fit_events_view(const Projection& projection, const mapdata::GeoBox& box, int width,
                        int height, double margin, double scale) {
    MapView view = fit_view(projection, box, width, height, margin);
    constexpr double zoom12_metres_per_pixel = 156543.03392804097 / 4096.0;
    view.metres_per_pixel = std::max(view.metres_per_pixel, zoom12_metres_per_pixel / scale);
    return view;
}

MapView center_view(const Projection& projection, double lat, double lon, double zoom, int width,
                    int height, double scale) {
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
        throw InputError("--center lies outside the world (latitude -90..90, longitude "
                         "-180..180)");
    }
    if (!(zoom >= 0 && zoom <= 22)) {
        throw InputError("--zoom must be between 0 and 22");
    }
    const auto p = projection.forward(lon, lat);
    MapView view;
    view.width = width;
    view.height = height;
    view.center_x = p.x;
    view.center_y = p.y;
    constexpr double world_m = 40075016.686;
    view.metres_per_pixel = world_m / (256.0 * std::pow(2.0, zoom)) / scale;
    return view;
}

mapdata::GeoBox view_bounds(const Projection& projection, const MapView& view) {
    double west = 1e9, east = -1e9, south = 90, north = -90;
    constexpr int steps = 16;
    for (int i = 0; i <= steps; ++i) {
        for (int j = 0; j <= steps; ++j) {
            const double px = view.width * i / static_cast<double>(steps);
            const double py = view.height * j / static_cast<double>(steps);
            if (const auto ll = projection.inverse(view.x_at(px), view.y_at(py))) {
                west = std::min(west, ll->first);
                east = std::max(east, ll->first);
                south = std::min(south, ll->second);
                north = std::max(north, ll->second);
            }
        }
    }
    mapdata::GeoBox box;
    if (west > east) {
        return box;
    }
    if (east - west < 359.0) {
        auto wrap = [](double lon) { return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon; };
        box.west = wrap(west);
        box.east = wrap(east);
    }
    box.south = std::max(south, -90.0);
    box.north = std::min(north, 90.0);
    return box;
}

} // namespace eventmap::render
