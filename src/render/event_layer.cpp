#include "render/event_layer.hpp"

#include "render/render_error.hpp"

#include <algorithm>
#include <cstddef>

namespace eventmap::render {

EventLayer::EventLayer(ShaderProgram& markers, ShaderProgram& splats, ShaderProgram& heat)
    : markers_(markers), splats_(splats), heat_(heat), vao_(make_vertex_array()),
      vbo_(make_buffer()), empty_vao_(make_vertex_array()) {
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    for (GLuint i = 0; i < 4; ++i) {
        glEnableVertexAttribArray(i);
        glVertexAttribDivisor(i, 1);
    }
    instance_attributes_at(0);
    glBindVertexArray(0);
}

void EventLayer::instance_attributes_at(std::size_t first) const {
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

void EventLayer::draw_batched() const {
    // llvmpipe bins every triangle of a frame (about 320 bytes a marker) until the scene is
    // flushed: a million markers held 320 MB, ten million 3 GB. A flush after each batch
    // rasterises it and frees its bins, bounding that to ~80 MB.
    constexpr std::size_t batch = 1 << 16;
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    for (std::size_t first = 0; first < count_; first += batch) {
        if (count_ > batch) {
            instance_attributes_at(first);
        }
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4,
                              static_cast<GLsizei>(std::min(batch, count_ - first)));
        if (count_ > batch) {
            glFinish();
        }
    }
    if (count_ > batch) {
        instance_attributes_at(0);
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindVertexArray(0);
}

void EventLayer::upload(const std::vector<EventInstance>& instances) {
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instances.size() * sizeof(EventInstance)),
                 instances.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    count_ = instances.size();
}

void EventLayer::upload_chunked(
    std::size_t count, const std::function<void(std::size_t, std::size_t, EventInstance*)>& make) {
    constexpr std::size_t chunk = 1 << 18; // 9 MiB of instances
    std::vector<EventInstance> part(std::min(count, chunk));
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(count * sizeof(EventInstance)), nullptr,
                 GL_STATIC_DRAW);
    for (std::size_t first = 0; first < count; first += chunk) {
        const std::size_t n = std::min(chunk, count - first);
        make(first, n, part.data());
        glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(first * sizeof(EventInstance)),
                        static_cast<GLsizeiptr>(n * sizeof(EventInstance)), part.data());
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    count_ = count;
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

} // namespace

void EventLayer::draw_markers(const ClipTransform& clip, const float window[2],
                              const MarkerStyle& style) const {
    if (count_ == 0) {
        return;
    }
    markers_.use();
    set_common(markers_, clip, window, style);
    glUniform1f(markers_.uniform("u_size"), style.size_px);
    glUniform1f(markers_.uniform("u_outline"), style.outline_px);
    glUniform1i(markers_.uniform("u_color_by"), style.color_by_quad ? 1 : 0);
    glUniform4fv(markers_.uniform("u_slot_colors"), static_cast<GLsizei>(slot_count),
                 &style.slot_colors[0].r);
    std::array<Rgba, 5> quads;
    for (int q = 0; q < 5; ++q) {
        quads[static_cast<std::size_t>(q)] = quad_color(static_cast<mapdata::QuadClass>(q));
    }
    glUniform4fv(markers_.uniform("u_quad_colors"), 5, &quads[0].r);
    draw_batched();
}

void EventLayer::draw_heatmap(const ClipTransform& clip, const Tile& tile, const float window[2],
                              const MarkerStyle& style, float radius_px, float max_density) {
    if (count_ == 0) {
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
    draw_batched();

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
