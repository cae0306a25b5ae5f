// A framebuffer to render a map image (or one tile of it) into, multisampled for smooth edges,
// and read back as top-down RGBA rows.
#pragma once

#include "render/gl_objects.hpp"

#include <cstdint>
#include <vector>

namespace eventmap::render {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba; // top row first
};

class OffscreenTarget {
  public:
    // Throws RenderError when the driver cannot make a framebuffer of that size.
    OffscreenTarget(int width, int height, int samples = 4);
    int width() const noexcept { return width_; }
    int height() const noexcept { return height_; }
    void bind() const;
    // Resolves the samples and reads the pixels, top row first, into `out` (width*height*4).
    void read(std::uint8_t* out) const;

  private:
    int width_, height_, samples_;
    Framebuffer msaa_fbo_;
    Renderbuffer msaa_color_;
    Framebuffer resolve_fbo_;
    Renderbuffer resolve_color_;
};

// The largest tile side this context renders in one piece (at most 4096, so a tile's
// buffers stay small even where the driver allows more).
int max_tile_size();

} // namespace eventmap::render
