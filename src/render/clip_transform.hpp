// From projected metres and image pixels to clip space, for a whole image or one tile of it:
// every layer draws through this, so tiles of an image larger than the GPU allows line up.
#pragma once

#include "render/map_view.hpp"

namespace eventmap::render {

// A rectangle of the full image, in pixels from its top-left corner.
struct Tile {
    int x = 0, y = 0, width = 0, height = 0;
};

struct ClipTransform {
    float scale[2]; // clip = projected * scale + offset
    float offset[2];
    float pixel[2];  // clip-space size of one pixel
    float origin[2]; // the tile's top-left pixel in the image
};

inline ClipTransform clip_transform(const MapView& view, const Tile& tile) {
    const double sx = 2.0 / (view.metres_per_pixel * tile.width);
    const double sy = 2.0 / (view.metres_per_pixel * tile.height);
    const double ox = (-view.left() / view.metres_per_pixel - tile.x) * 2.0 / tile.width - 1.0;
    const double oy = 1.0 - (view.top() / view.metres_per_pixel - tile.y) * 2.0 / tile.height;
    return {{static_cast<float>(sx), static_cast<float>(sy)},
            {static_cast<float>(ox), static_cast<float>(oy)},
            {2.0F / static_cast<float>(tile.width), 2.0F / static_cast<float>(tile.height)},
            {static_cast<float>(tile.x), static_cast<float>(tile.y)}};
}

} // namespace eventmap::render
