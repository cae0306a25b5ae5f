// Hi-DPI scales from what GLFW reports, at start and whenever the window's content scale
// changes (moved to a monitor of another scale, or the desktop's scale changed). No GL: the
// viewer applies the result (fonts, ImGui style, renderer scale), tests check the numbers.
#pragma once

namespace eventmap::view {

struct DisplayScales {
    float content_scale = 1; // framebuffer pixels per 96-dpi pixel (markers, picks, zooms)
    float ui_scale = 1;      // ImGui window-coordinate sizes: content_scale / pixel_ratio
};

// `window_content_scale`: GLFW's (x) content scale; `pixel_ratio`: framebuffer pixels per
// window coordinate. Below 1 counts as 1 (a 72-dpi screen keeps 96-dpi sizes legible).
DisplayScales display_scales(float window_content_scale, float pixel_ratio);

// The map's metres per framebuffer pixel after the content scale went from `from` to `to`, so
// its zoom level stays (a zoom level means the same area at any scale).
double rescaled_metres_per_pixel(double metres_per_pixel, float from, float to);

} // namespace eventmap::view
