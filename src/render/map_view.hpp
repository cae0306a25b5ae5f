// What part of the projected plane an image shows: its centre in projected metres, metres per
// pixel, and its size in pixels. Pixel coordinates run from the top-left corner, y down.
// GL-free: the renderer, the render command and the viewer's pan/zoom share it.
#pragma once

#include "mapdata/event_table.hpp"
#include "render/projection.hpp"

namespace eventmap::render {

struct MapView {
    int width = 0; // pixels
    int height = 0;
    double center_x = 0; // projected metres
    double center_y = 0;
    double metres_per_pixel = 1;

    double left() const noexcept { return center_x - metres_per_pixel * width / 2.0; }
    double right() const noexcept { return center_x + metres_per_pixel * width / 2.0; }
    double top() const noexcept { return center_y + metres_per_pixel * height / 2.0; }
    double bottom() const noexcept { return center_y - metres_per_pixel * height / 2.0; }

    double pixel_x(double x) const noexcept { return (x - left()) / metres_per_pixel; }
    double pixel_y(double y) const noexcept { return (top() - y) / metres_per_pixel; }
    double x_at(double px) const noexcept { return left() + px * metres_per_pixel; }
    double y_at(double py) const noexcept { return top() - py * metres_per_pixel; }

    // Moves by a pixel offset; zooms by `factor` (>1 in) keeping pixel (px, py) still.
    void pan_pixels(double dx, double dy) noexcept;
    void zoom_at(double px, double py, double factor) noexcept;
};

// A view of `box` (lon/lat; west > east crosses the antimeridian) with `margin` of the image
// left free on each side. Throws InputError when the box is degenerate or outside the world.
MapView fit_view(const Projection& projection, const mapdata::GeoBox& box, int width, int height,
                 double margin = 0.06);

// fit_view for the events themselves: like a web map's fitBounds maxZoom it stops at zoom 12
// (with `scale` times the pixels at high DPI), so a few events in one town show the town, its
// districts and its neighbours rather than a street-level map with nothing else on it.
MapView fit_events_view(const Projection& projection, const mapdata::GeoBox& box, int width,
                        int height, double margin, double scale = 1);

// A view centred on (lat, lon) at web-map zoom `zoom` (0 = the world 256 px wide), `scale`
// times as many pixels for the same area (2 for a high-DPI export).
MapView center_view(const Projection& projection, double lat, double lon, double zoom, int width,
                    int height, double scale = 1);

// The lon/lat box an image shows (approximate for curved projections: sampled on its edges).
mapdata::GeoBox view_bounds(const Projection& projection, const MapView& view);

} // namespace eventmap::render
