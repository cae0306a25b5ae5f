// Reading rendered PNGs back in the render tests: pixel probes and colour counts.
#pragma once

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>
#include <stb_image.h>
#include <string>

namespace eventmap::test {

struct Png {
    int width = 0, height = 0;
    std::shared_ptr<unsigned char> data; // RGB, top row first
    std::array<int, 3> at(int px, int py) const {
        const unsigned char* p = data.get() + (static_cast<std::size_t>(py) * width + px) * 3;
        return {p[0], p[1], p[2]};
    }
    // Pixels in the rectangle within `tolerance` of the colour.
    int count(int x0, int y0, int x1, int y1, std::array<int, 3> rgb, int tolerance) const {
        int n = 0;
        for (int y = std::max(0, y0); y < std::min(height, y1); ++y) {
            for (int x = std::max(0, x0); x < std::min(width, x1); ++x) {
                const auto c = at(x, y);
                n += std::abs(c[0] - rgb[0]) <= tolerance && std::abs(c[1] - rgb[1]) <= tolerance &&
                     std::abs(c[2] - rgb[2]) <= tolerance;
            }
        }
        return n;
    }
};

inline Png read_png(const std::string& path) {
    Png png;
    int channels = 0;
    png.data.reset(stbi_load(path.c_str(), &png.width, &png.height, &channels, 3), stbi_image_free);
    REQUIRE(png.data);
    return png;
}

} // namespace eventmap::test
