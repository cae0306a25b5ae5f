// "Save image" settings: the file's size and the renderer's scale (MapOptions::scale, what
// `eventmap render --size --scale` set), and how they follow the map on screen. No GL.
#pragma once

namespace eventmap::view {

// 0 x 0: the map's size on screen. Scale 0: matched to the screen, the screen's scale times
// the file's width over the map's, so the file shows what the screen shows (the same ground
// across its width, symbols and text in proportion).
struct ImageSettings {
    int width = 0, height = 0;
    float scale = 0;
};

// The size and scale a save draws for a map `map_width` x `map_height` pixels on screen drawn
// at `screen_scale`.
ImageSettings resolve_image(const ImageSettings& image, int map_width, int map_height,
                            float screen_scale);

} // namespace eventmap::view
