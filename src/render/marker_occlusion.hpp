// Exact occlusion culling of point markers, on the CPU, before they go to the GPU.
//
// A marker's disc is opaque where its anti-aliased edge is whole (point_marker.frag: alpha 1
// wherever the pixel centre lies within radius - 0.5 of the marker's centre), so a marker whose
// every pixel (centre within radius + 0.5) is overwritten by the opaque interiors of markers
// drawn after it changes nothing in the image: blending with alpha 1 replaces the colour, to
// the byte. Walking the markers from the last drawn (the top) down, with a bitmap of the
// pixels already covered by opaque interiors, finds those markers; only the others are drawn.
// With 100,000 markers over a world map most lie under others (llvmpipe spent its frame on
// primitives and fragments nobody sees).
//
// Conservative by construction: a marker's footprint is the pixels its centre could reach
// anywhere in a 1/8-pixel cell around the computed centre, plus a margin far above the float
// error between this computation and the shader's; its interior only the pixels inside for
// every centre in that cell. A doubtful pixel keeps the marker.
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace eventmap::render {

class MarkerOcclusion {
  public:
    // Starts an image of `width` x `height` pixels with nothing covered (row 0 at the bottom,
    // as gl_FragCoord counts).
    void reset(int width, int height);

    // The marker drawn below all those given so far (call from the top of the draw order
    // down): true when it shows at least one pixel (draw it); then, when `opaque` (a filled
    // disc, not a planned event's ring), its interior covers what lies below. Centre in
    // window pixels, radius in pixels (point_marker.vert's).
    bool shows(float cx, float cy, float radius, bool opaque);

  private:
    // Bit masks of one radius: per 1/8-pixel cell of the centre (8 x 8), per row of the
    // (2 * half + 1)-pixel square around floor(centre): the pixels the marker may touch and
    // the pixels it surely covers opaquely; bit b is column floor(cx) - half + b.
    struct Shape {
        int half = 0;
        std::vector<std::uint64_t> touch, cover; // [cell * rows + row]
    };
    static Shape make_shape(float radius);
    // The shape of this radius, made when first needed; null for a radius without one.
    const Shape* shape(float radius);
    bool row_covered(int y, int x0, std::uint64_t bits) const;
    void cover_row(int y, int x0, std::uint64_t bits);

    int width_ = 0, height_ = 0, words_ = 0; // words per row, one padding word each side
    std::vector<std::uint64_t> covered_;
    std::unordered_map<std::uint32_t, Shape> shapes_; // by the radius' float bits
    float last_radius_ = -1;
    const Shape* last_shape_ = nullptr;
    // The rows of a marker without a shape (row_masks), reused: no clearing per marker.
    std::array<std::uint64_t, 64> touch_rows_{}, cover_rows_{};
};

} // namespace eventmap::render
