#include "render/event_layer.hpp"

#include "render/render_error.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>

namespace eventmap::render {

EventLayer::Instances::Instances() {
    glBindVertexArray(vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo.get());
    for (GLuint i = 0; i < 4; ++i) {
        glEnableVertexAttribArray(i);
        glVertexAttribDivisor(i, 1);
    }
    attributes_at(0);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void EventLayer::Instances::attributes_at(std::size_t first) const {
    // Called with the VAO and the instance buffer bound.
    const auto stride = static_cast<GLsizei>(sizeof(EventInstance));
    const auto at = [&](std::size_t offset) {
        return reinterpret_cast<const void*>(first * sizeof(EventInstance) + offset);
    };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(EventInstance, x)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(EventInstance, day0)));
    glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, stride, at(offsetof(EventInstance, slot)));
    glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride, at(offsetof(EventInstance, radius_m)));
}

void EventLayer::Instances::draw(bool as_points) const {
    if (count == 0) {
        return;
    }
    // llvmpipe bins every primitive of a frame (about 320 bytes a marker) until the scene is
    // flushed: a million markers held 320 MB, ten million 3 GB. A flush after each batch
    // rasterises it and frees its bins, bounding that to ~80 MB.
    constexpr std::size_t batch = 1 << 16;
    glBindVertexArray(vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo.get());
    // Points read the instance columns as plain per-vertex attributes: one vertex an event.
    const GLuint divisor = as_points ? 0 : 1;
    for (GLuint i = 0; i < 4; ++i) {
        glVertexAttribDivisor(i, divisor);
    }
    for (std::size_t first = 0; first < count; first += batch) {
        const auto n = static_cast<GLsizei>(std::min(batch, count - first));
        if (as_points) {
            glDrawArrays(GL_POINTS, static_cast<GLint>(first), n);
        } else {
            if (count > batch) {
                attributes_at(first);
            }
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, n);
        }
        if (count > batch) {
            glFinish();
        }
    }
    if (count > batch && !as_points) {
        attributes_at(0);
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindVertexArray(0);
}

void EventLayer::Instances::upload(const std::vector<EventInstance>& instances) {
    glBindBuffer(GL_ARRAY_BUFFER, vbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instances.size() * sizeof(EventInstance)),
                 instances.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    count = instances.size();
    max_sources = 1;
    for (const auto& e : instances) {
        max_sources = std::max(max_sources, e.sources);
    }
}

EventLayer::EventLayer(ShaderProgram& markers, ShaderProgram& points, ShaderProgram& splats,
                       ShaderProgram& heat)
    : markers_(markers), points_program_(points), splats_(splats), heat_(heat),
      empty_vao_(make_vertex_array()) {}

namespace {

bool is_area(const EventInstance& e) {
    return std::fmod(e.flags, 4.0F) >= 2.0F;
}

// Above this many points the window and culling columns (22 bytes a point) are not kept and
// every point goes to the GPU, as before: ten million would hold 220 MB more for a frame that
// is slow anyway.
constexpr std::size_t keep_limit = std::size_t{1} << 22;

} // namespace

void EventLayer::keep_filter_columns(const EventInstance* points, std::size_t n) {
    selection_valid_ = false;
    if (!columns_kept_) {
        return;
    }
    if (point_slots_.size() + n > keep_limit) {
        drop_filter_columns();
        return;
    }
    for (std::size_t k = 0; k < n; ++k) {
        point_days_.push_back(points[k].day0);
        point_days_.push_back(points[k].day1);
        // The shader takes int(slot): the same truncation, kept within the uniform array.
        const auto slot = static_cast<std::size_t>(std::max(points[k].slot, 0.0F));
        point_slots_.push_back(static_cast<std::uint8_t>(std::min(slot, slot_count - 1)));
        point_xy_.push_back(points[k].x);
        point_xy_.push_back(points[k].y);
        point_sources_.push_back(points[k].sources);
        point_planned_.push_back(std::fmod(points[k].flags, 2.0F) >= 1.0F ? 1 : 0);
    }
}

void EventLayer::drop_filter_columns() {
    columns_kept_ = false;
    point_days_ = {};
    point_slots_ = {};
    point_xy_ = {};
    point_sources_ = {};
    point_planned_ = {};
}

void EventLayer::clear_filter_columns(bool keep) {
    point_days_.clear();
    point_slots_.clear();
    point_xy_.clear();
    point_sources_.clear();
    point_planned_.clear();
    columns_kept_ = keep;
}

void EventLayer::upload(const std::vector<EventInstance>& instances) {
    std::vector<EventInstance> points, areas;
    points.reserve(instances.size());
    for (const auto& e : instances) {
        (is_area(e) ? areas : points).push_back(e);
    }
    points_.upload(points);
    areas_.upload(areas);
    clear_filter_columns(true);
    keep_filter_columns(points.data(), points.size());
}

void EventLayer::upload_chunked(
    std::size_t count, const std::function<void(std::size_t, std::size_t, EventInstance*)>& make) {
    constexpr std::size_t chunk = 1 << 18; // 9 MiB of instances
    std::vector<EventInstance> part(std::min(count, chunk));
    std::vector<EventInstance> areas; // few: events located only to a region or country
    glBindBuffer(GL_ARRAY_BUFFER, points_.vbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(count * sizeof(EventInstance)), nullptr,
                 GL_STATIC_DRAW);
    std::size_t points = 0;
    float max_sources = 1;
    // The count bounds the points: above the limit nothing is kept (not 4M kept, then dropped).
    clear_filter_columns(count <= keep_limit);
    for (std::size_t first = 0; first < count; first += chunk) {
        const std::size_t n = std::min(chunk, count - first);
        make(first, n, part.data());
        // Areas move to their own list; the points close up, in their order.
        const auto end =
            std::stable_partition(part.begin(), part.begin() + static_cast<std::ptrdiff_t>(n),
                                  [](const EventInstance& e) { return !is_area(e); });
        const auto kept = static_cast<std::size_t>(end - part.begin());
        areas.insert(areas.end(), end, part.begin() + static_cast<std::ptrdiff_t>(n));
        for (std::size_t k = 0; k < kept; ++k) {
            max_sources = std::max(max_sources, part[k].sources);
        }
        glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(points * sizeof(EventInstance)),
                        static_cast<GLsizeiptr>(kept * sizeof(EventInstance)), part.data());
        keep_filter_columns(part.data(), kept);
        points += kept;
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    points_.count = points;
    points_.max_sources = max_sources;
    areas_.upload(areas);
}

namespace {

void set_common(ShaderProgram& p, const ClipTransform& clip, const float window[2],
                const MarkerStyle& style) {
    glUniform2fv(p.uniform("u_scale"), 1, clip.scale);
    glUniform2fv(p.uniform("u_offset"), 1, clip.offset);
    glUniform2fv(p.uniform("u_pixel"), 1, clip.pixel);
    glUniform2fv(p.uniform("u_window"), 1, window);
    glUniform1fv(p.uniform("u_slot_visible"), static_cast<GLsizei>(slot_count),
                 style.slot_visible.data());
}

void set_marker_uniforms(ShaderProgram& p, const ClipTransform& clip, const float window[2],
                         const MarkerStyle& style) {
    p.use();
    set_common(p, clip, window, style);
    glUniform1f(p.uniform("u_size"), style.size_px);
    glUniform1f(p.uniform("u_outline"), style.outline_px);
    glUniform1f(p.uniform("u_coarse_white"), coarse_date_white);
    glUniform1i(p.uniform("u_color_by"), style.color_by_quad ? 1 : 0);
    glUniform4fv(p.uniform("u_slot_colors"), static_cast<GLsizei>(slot_count),
                 &style.slot_colors[0].r);
    std::array<Rgba, 5> quads;
    for (int q = 0; q < 5; ++q) {
        quads[static_cast<std::size_t>(q)] = quad_color(static_cast<mapdata::QuadClass>(q));
    }
    glUniform4fv(p.uniform("u_quad_colors"), 5, &quads[0].r);
}

// A point marker's radius in pixels, as the shaders compute it.
float marker_radius(const MarkerStyle& style, float sources) {
    return style.size_px * (1.0F + 0.35F * std::log2(std::max(sources, 1.0F)));
}

} // namespace

void EventLayer::draw_markers(const ClipTransform& clip, const Tile& tile, const float window[2],
                              const MarkerStyle& style) const {
    if (size() == 0) {
        return;
    }
    set_marker_uniforms(markers_, clip, window, style);
    areas_.draw(false);
    // The largest marker (most reports) must fit the driver's largest point, and the widened
    // viewport (draw_points) the driver's largest viewport.
    GLfloat range[2] = {1, 1};
    glGetFloatv(GL_POINT_SIZE_RANGE, range);
    GLint viewport_max[2] = {0, 0};
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport_max);
    const float largest = 2 * (marker_radius(style, points_.max_sources) + 1.5F);
    const float widest = static_cast<float>(std::max(tile.width, tile.height)) + largest + 4;
    if (largest > range[1] ||
        widest > static_cast<float>(std::min(viewport_max[0], viewport_max[1]))) {
        points_.draw(false);
        return;
    }
    set_marker_uniforms(points_program_, clip, window, style);
    draw_points(clip, tile, window, style);
}

bool EventLayer::select_points(const float window[2], const MarkerStyle& style) const {
    if (!columns_kept_ || point_slots_.size() != points_.count) {
        return false;
    }
    last_selection_ms_ = 0;
    if (selection_valid_ && selected_window_[0] == window[0] && selected_window_[1] == window[1] &&
        selected_slots_ == style.slot_visible) {
        return true;
    }
    const auto t0 = std::chrono::steady_clock::now();
    // Every index is written and the end moves on only for a kept point: no branch to
    // mispredict on points whose days and types are mixed: 1.0 ms CPU for a million here,
    // 1.6-1.8 ms with the branch (machine at load 5).
    const std::size_t n = point_slots_.size();
    selection_.resize(n);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < n; ++i) {
        selection_[kept] = static_cast<std::uint32_t>(i);
        kept += point_shown(point_days_[2 * i], point_days_[2 * i + 1], point_slots_[i], window,
                            style.slot_visible)
                    ? 1
                    : 0;
    }
    selection_.resize(kept);
    ++selection_generation_;
    selected_window_ = {window[0], window[1]};
    selected_slots_ = style.slot_visible;
    selection_valid_ = true;
    last_selection_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return true;
}

void EventLayer::cull_points(const float scale[2], const float offset[2], const float viewport[4],
                             const Tile& tile, const MarkerStyle& style) const {
    last_culling_ms_ = 0;
    const std::array<float, 10> key = {
        scale[0],    scale[1],    offset[0],   offset[1],     viewport[0],
        viewport[1], viewport[2], viewport[3], style.size_px, culling_ ? 1.0F : 0.0F};
    if (culled_generation_ == selection_generation_ && culled_for_ == key) {
        return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<std::uint32_t>* list = &selection_;
    if (culling_) {
        // From the top (the last drawn) down; the centre and radius as point_marker.vert
        // computes them, in the same float operations.
        occlusion_.reset(tile.width, tile.height);
        drawn_.clear();
        for (auto it = selection_.rbegin(); it != selection_.rend(); ++it) {
            const std::size_t i = *it;
            const float ndc_x = point_xy_[2 * i] * scale[0] + offset[0];
            const float ndc_y = point_xy_[2 * i + 1] * scale[1] + offset[1];
            const float cx = viewport[0] + (ndc_x * 0.5F + 0.5F) * viewport[2];
            const float cy = viewport[1] + (ndc_y * 0.5F + 0.5F) * viewport[3];
            if (occlusion_.shows(cx, cy, marker_radius(style, point_sources_[i]),
                                 point_planned_[i] == 0)) {
                drawn_.push_back(*it);
            }
        }
        std::reverse(drawn_.begin(), drawn_.end());
        list = &drawn_;
    }
    glBindVertexArray(points_.vao.get());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, selected_.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(list->size() * sizeof(std::uint32_t)), list->data(),
                 GL_DYNAMIC_DRAW);
    glBindVertexArray(0);
    selected_count_ = list->size();
    culled_generation_ = selection_generation_;
    culled_for_ = key;
    last_culling_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void EventLayer::draw_selected() const {
    if (selected_count_ == 0) {
        return;
    }
    // As Instances::draw: a flush after each batch bounds llvmpipe's bins.
    constexpr std::size_t batch = 1 << 16;
    glBindVertexArray(points_.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, points_.vbo.get());
    for (GLuint i = 0; i < 4; ++i) {
        glVertexAttribDivisor(i, 0);
    }
    for (std::size_t first = 0; first < selected_count_; first += batch) {
        const auto n = static_cast<GLsizei>(std::min(batch, selected_count_ - first));
        glDrawElements(GL_POINTS, n, GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(first * sizeof(std::uint32_t)));
        if (selected_count_ > batch) {
            glFinish();
        }
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindVertexArray(0);
}

void EventLayer::draw_points(const ClipTransform& clip, const Tile& tile, const float window[2],
                             const MarkerStyle& style) const {
    // A viewport `margin` pixels wider on each side, with the transform shrunk to match, keeps
    // the image where it was while markers centred in the margin are no longer clipped away.
    const int margin =
        static_cast<int>(std::ceil(marker_radius(style, points_.max_sources) + 1.5F)) + 1;
    const float kx = static_cast<float>(tile.width) / static_cast<float>(tile.width + 2 * margin);
    const float ky = static_cast<float>(tile.height) / static_cast<float>(tile.height + 2 * margin);
    const float scale[2] = {clip.scale[0] * kx, clip.scale[1] * ky};
    const float offset[2] = {clip.offset[0] * kx, clip.offset[1] * ky};
    glUniform2fv(points_program_.uniform("u_scale"), 1, scale);
    glUniform2fv(points_program_.uniform("u_offset"), 1, offset);
    const float viewport[4] = {static_cast<float>(-margin), static_cast<float>(-margin),
                               static_cast<float>(tile.width + 2 * margin),
                               static_cast<float>(tile.height + 2 * margin)};
    glUniform4fv(points_program_.uniform("u_viewport"), 1, viewport);
    glViewport(-margin, -margin, tile.width + 2 * margin, tile.height + 2 * margin);
    glEnable(GL_PROGRAM_POINT_SIZE);
    // The markers antialias their own rims, and the sprite's square edge lies where the disc
    // is discarded anyway, so multisampled rasterisation adds nothing to their pixels; without
    // it llvmpipe shades and blends each fragment once instead of per sample coverage.
    glDisable(GL_MULTISAMPLE);
    if (select_points(window, style)) {
        cull_points(scale, offset, viewport, tile, style);
        draw_selected();
    } else {
        selected_count_ = points_.count;
        culled_generation_ = ~std::uint64_t{0}; // the element buffer no longer matches
        points_.draw(true);
    }
    glEnable(GL_MULTISAMPLE);
    glDisable(GL_PROGRAM_POINT_SIZE);
    glViewport(0, 0, tile.width, tile.height);
}

void EventLayer::draw_heatmap(const ClipTransform& clip, const Tile& tile, const float window[2],
                              const MarkerStyle& style, float radius_px, float max_density) {
    if (size() == 0) {
        return;
    }
    GLint target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    if (density_w_ != tile.width || density_h_ != tile.height) {
        density_ = make_texture();
        glBindTexture(GL_TEXTURE_2D, density_.get());
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, tile.width, tile.height, 0, GL_RED, GL_FLOAT,
                     nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        density_fbo_ = make_framebuffer();
        glBindFramebuffer(GL_FRAMEBUFFER, density_fbo_.get());
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, density_.get(),
                               0);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            throw RenderError("the OpenGL driver cannot render into a float texture (heatmap)");
        }
        density_w_ = tile.width;
        density_h_ = tile.height;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, density_fbo_.get());
    glViewport(0, 0, tile.width, tile.height);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE);
    splats_.use();
    set_common(splats_, clip, window, style);
    glUniform1f(splats_.uniform("u_radius"), radius_px);
    points_.draw(false);
    areas_.draw(false);

    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    glViewport(0, 0, tile.width, tile.height);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    heat_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, density_.get());
    glUniform1i(heat_.uniform("u_density"), 0);
    glUniform1f(heat_.uniform("u_max"), max_density);
    glBindVertexArray(empty_vao_.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

} // namespace eventmap::render
