// Two-dimensional drawing in image pixels for overlays and labels: rectangles, discs, rings,
// lines and text, gathered as triangles and drawn in one call by UiLayer. GL-free.
#pragma once

#include "render/font_atlas.hpp"
#include "render/palette.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace eventmap::render {

struct UiVertex {
    float x, y; // pixels, top-left origin
    float u, v; // atlas coordinates; u < 0 for a solid colour
    std::uint8_t r, g, b, a;
};

struct PixelRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const PixelRect& o) const noexcept {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
};

class UiBatch {
  public:
    explicit UiBatch(const FontAtlas& font) : font_(font) {}

    const FontAtlas& font() const noexcept { return font_; }
    const std::vector<UiVertex>& vertices() const noexcept { return vertices_; }
    void clear() { vertices_.clear(); }

    void rect(float x, float y, float w, float h, Rgba color);
    void frame(float x, float y, float w, float h, float width, Rgba color);
    void disc(float cx, float cy, float radius, Rgba color);
    void ring(float cx, float cy, float radius, float width, Rgba color);
    void line(float x0, float y0, float x1, float y1, float width, Rgba color);
    void triangle(float x0, float y0, float x1, float y1, float x2, float y2, Rgba color);
    // Text with its baseline at y; a halo (drawn first, around each glyph) keeps it readable
    // over the map. Returns the advance width.
    float text(Face face, std::string_view utf8, float x, float y, Rgba color);
    float text_with_halo(Face face, std::string_view utf8, float x, float y, Rgba color, Rgba halo);

  private:
    void push(float x, float y, float u, float v, Rgba c);
    const FontAtlas& font_;
    std::vector<UiVertex> vertices_;
};

} // namespace eventmap::render
