#include "view/image_settings.hpp"

#include <algorithm>

namespace eventmap::view {

ImageSettings resolve_image(const ImageSettings& image, int map_width, int map_height,
                            float screen_scale) {
    ImageSettings drawn = image;
    if (drawn.width <= 0 || drawn.height <= 0) {
        drawn.width = std::max(map_width, 1);
        drawn.height = std::max(map_height, 1);
    }
    if (drawn.scale <= 0) {
        drawn.scale = screen_scale * static_cast<float>(drawn.width) /
                      static_cast<float>(std::max(map_width, 1));
    }
    return drawn;
}

} // namespace eventmap::view
