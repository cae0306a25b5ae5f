// Events on the GPU, one instance each: markers (disc, ring for planned, soft disc for events
// located only to a region) and the heatmap's density splats. The time window and the visible
// type slots are uniforms, so moving the window over millions of events uploads nothing.
//
// Point events are drawn as point sprites (one vertex each: llvmpipe's vertex stage was most
// of a frame's cost with four per instanced quad); events located only to an area keep the
// instanced quad, because their soft discs can be larger than the largest point, and are
// drawn first, under the points. Points are clipped by their centre, so the point draw uses a
// viewport wider than the target by the largest marker: a marker whose centre lies just off a
// tile or the image still draws its visible part.
//
// The points outside the time window or of a hidden type are left out on the CPU (an index
// list of the rest, made again only when the window or the shown types change): llvmpipe ran
// its vertex stage over every point, a million for the ~100,000 a window shows. The test is
// the shader's own, on the same floats, so the image is the same to the byte.
//
// Of those, the markers hidden under the opaque interiors of markers drawn after them are left
// out too (marker_occlusion.hpp: exact, the image is the same to the byte), made again when the
// view, the size or the selection change: at 100,000 markers over a world map about half.
#pragma once

#include "render/clip_transform.hpp"
#include "render/gl_objects.hpp"
#include "render/marker_occlusion.hpp"
#include "render/palette.hpp"
#include "render/shader_program.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace eventmap::render {

struct EventInstance {
    float x, y;       // projected metres
    float day0, day1; // offsets from the table's first day
    float slot;       // colour slot (palette.hpp), hidden_slot when filtered out
    float quad;       // QuadClass
    float flags;      // sum of 1 planned, 2 soft (located to an area), 4 month/year date
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
    // `markers` draws instanced quads (marker.vert), `points` point sprites (point_marker.vert).
    EventLayer(ShaderProgram& markers, ShaderProgram& points, ShaderProgram& splats,
               ShaderProgram& heat);

    void upload(const std::vector<EventInstance>& instances);
    // Uploads `count` instances made by `make(first, n, out)` a chunk at a time, so only one
    // chunk (not ten million instances, 360 MB) is held besides the GPU's copy.
    void upload_chunked(std::size_t count,
                        const std::function<void(std::size_t, std::size_t, EventInstance*)>& make);
    std::size_t size() const noexcept { return points_.count + areas_.count; }

    // window: inclusive day offsets.
    void draw_markers(const ClipTransform& clip, const Tile& tile, const float window[2],
                      const MarkerStyle& style) const;
    // Accumulates density into an offscreen float texture, then colours it over the current
    // framebuffer; `max_density` normalises so that tiles of one image agree.
    void draw_heatmap(const ClipTransform& clip, const Tile& tile, const float window[2],
                      const MarkerStyle& style, float radius_px, float max_density);

  private:
    // One buffer of instances with its vertex array.
    struct Instances {
        VertexArray vao = make_vertex_array();
        Buffer vbo = make_buffer();
        std::size_t count = 0;
        float max_sources = 1; // for the largest marker: the point size limit and the margin

        Instances();
        void attributes_at(std::size_t first) const;
        // Instanced quads (`as_points` false) or points, in batches with a flush between.
        void draw(bool as_points) const;
        void upload(const std::vector<EventInstance>& instances);
    };
    void draw_points(const ClipTransform& clip, const Tile& tile, const float window[2],
                     const MarkerStyle& style) const;
    // The selection less the points hidden under later ones (or all of it, culling off),
    // into the element buffer, when the view, the size or the selection changed. `scale`,
    // `offset` and `viewport` are draw_points' (the widened viewport).
    void cull_points(const float scale[2], const float offset[2], const float viewport[4],
                     const Tile& tile, const MarkerStyle& style) const;
    // The points cull_points left, in their order, batched as Instances::draw batches.
    void draw_selected() const;
    // Keeps the points' day offsets and slots (for the window test) as they are uploaded.
    void keep_filter_columns(const EventInstance* points, std::size_t n);
    void drop_filter_columns();
    void clear_filter_columns(bool keep);
    // The index list of the points the window and the shown types keep, made when they
    // changed; false when the columns were not kept (too many points): draw them all.
    bool select_points(const float window[2], const MarkerStyle& style) const;

    ShaderProgram& markers_;
    ShaderProgram& points_program_;
    ShaderProgram& splats_;
    ShaderProgram& heat_;
    Instances points_; // events at a point: sprites
    Instances areas_;  // events located only to an area: soft discs, quads
    Framebuffer density_fbo_;
    Texture density_;
    VertexArray empty_vao_;
    int density_w_ = 0, density_h_ = 0;

    // The points' window columns in draw order (days as pairs), empty above keep_limit, and
    // for the culling their positions (pairs), reports and planned flags.
    std::vector<float> point_days_;
    std::vector<std::uint8_t> point_slots_;
    std::vector<float> point_xy_;
    std::vector<float> point_sources_;
    std::vector<std::uint8_t> point_planned_;
    bool columns_kept_ = false;
    // The selection (window and types) and what made it; a new one bumps the generation.
    mutable std::vector<std::uint32_t> selection_;
    mutable std::uint64_t selection_generation_ = 0;
    mutable bool selection_valid_ = false;
    mutable std::array<float, 2> selected_window_{};
    mutable std::array<float, slot_count> selected_slots_{};
    // What is drawn: its element buffer (bound to points_.vao), its size and what made it.
    Buffer selected_ = make_buffer();
    mutable std::size_t selected_count_ = 0;
    mutable std::array<float, 10> culled_for_{}; // scale, offset, viewport, size, culling
    mutable std::uint64_t culled_generation_ = ~std::uint64_t{0};
    mutable std::vector<std::uint32_t> drawn_;
    mutable MarkerOcclusion occlusion_;
    bool culling_ = true;

  public:
    // Points drawn by the last draw_markers (after culling), for tests and benches.
    std::size_t points_drawn() const noexcept { return selected_count_; }
    // Points in the last draw's window and of shown types (before culling).
    std::size_t points_selected() const noexcept { return selection_.size(); }
    // The CPU milliseconds the last selection took (0 when it was reused).
    double last_selection_ms() const noexcept { return last_selection_ms_; }
    // The CPU milliseconds the last culling took (0 when it was reused).
    double last_culling_ms() const noexcept { return last_culling_ms_; }
    // Occlusion culling on (the default) or off: the same image either way (tests, benches).
    void set_culling(bool on) noexcept { culling_ = on; }

  private:
    mutable double last_selection_ms_ = 0;
    mutable double last_culling_ms_ = 0;
};

// The shader's test of one point against the window and the shown types (point_marker.vert).
inline bool point_shown(float day0, float day1, std::uint8_t slot, const float window[2],
                        const std::array<float, slot_count>& visible) {
    // Bitwise, not short-circuit: one test without branches (select_points' loop).
    return static_cast<bool>(static_cast<int>(day1 >= window[0]) &
                             static_cast<int>(day0 <= window[1]) &
                             static_cast<int>(visible[slot] > 0.5F));
}

} // namespace eventmap::render
