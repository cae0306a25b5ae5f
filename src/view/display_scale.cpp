#include "view/display_scale.hpp"

#include <algorithm>

namespace eventmap::view {

DisplayScales display_scales(float window_content_scale, float pixel_ratio) {
    DisplayScales s;
    s.content_scale = std::max(1.0f, window_content_scale);
    s.ui_scale = std::max(0.5f, s.content_scale / (pixel_ratio > 0 ? pixel_ratio : 1.0f));
    return s;
}

double rescaled_metres_per_pixel(double metres_per_pixel, float from, float to) {
    if (from <= 0 || to <= 0) {
        return metres_per_pixel;
    }
    return metres_per_pixel * static_cast<double>(from) / static_cast<double>(to);
}

} // namespace eventmap::view
