// Events on the GPU, one instance each: markers (disc, ring for planned, soft disc for events
// located only to a region) and the heatmap's density splats. The time window and the visible
// type slots are uniforms, so moving the window over millions of events uploads nothing.
#pragma once

#include "render/clip_transform.hpp"
#include "render/gl_objects.hpp"
#include "render/palette.hpp"
#include "render/shader_program.hpp"

#include <array>
#include <functional>
#include <vector>

namespace eventmap::render {

struct EventInstance {
    float x, y;       // projected metres
    float day0, day1; // offsets from the table's first day
    float slot;       // colour slot (palette.hpp), hidden_slot when filtered out
    float quad;       // QuadClass
    float flags;      // 1 planned, 2 soft (located to an area)
    float sources;    // number of reports
    float radius_m;   // area radius in projected metres, 0 for a point
};

struct MarkerStyle {
    std::array<Rgba, slot_count> slot_colors{};
    std::array<float, slot_count> slot_visible{};
    bool color_by_quad = false;
    float size_px = 4; // base radius, DPI-scaled
    float outline_px = 1;
};

class EventLayer {
  public:
    EventLayer(ShaderProgram& markers, ShaderProgram& splats, ShaderProgram& heat);

    void upload(const std::vector<EventInstance>& instances);
    // Uploads `count` instances made by `make(first, n, out)` a chunk at a time, so only one
    // chunk (not ten million instances, 360 MB) is held besides the GPU's copy.
    void upload_chunked(std::size_t count,
                        const std::function<void(std::size_t, std::size_t, EventInstance*)>& make);
    std::size_t size() const noexcept { return count_; }

    // window: inclusive day offsets.
    void draw_markers(const ClipTransform& clip, const float window[2],
                      const MarkerStyle& style) const;
    // Accumulates density into an offscreen float texture, then colours it over the current
    // framebuffer; `max_density` normalises so that tiles of one image agree.
    void draw_heatmap(const ClipTransform& clip, const Tile& tile, const float window[2],
                      const MarkerStyle& style, float radius_px, float max_density);

  private:
    void instance_attributes_at(std::size_t first) const;
    void draw_batched() const;

    ShaderProgram& markers_;
    ShaderProgram& splats_;
    ShaderProgram& heat_;
    VertexArray vao_;
    Buffer vbo_;
    std::size_t count_ = 0;
    Framebuffer density_fbo_;
    Texture density_;
    VertexArray empty_vao_;
    int density_w_ = 0, density_h_ = 0;
};

} // namespace eventmap::render
