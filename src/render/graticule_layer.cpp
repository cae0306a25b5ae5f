#include "render/graticule_layer.hpp"

#include "render/graticule.hpp"
#include "render/palette.hpp"

namespace eventmap::render {

GraticuleLayer::GraticuleLayer(ShaderProgram& line)
    : line_(line), vao_(make_vertex_array()), vbo_(make_buffer()) {
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, 1);
    glBindVertexArray(0);
}

void GraticuleLayer::draw(const Projection& projection, const MapView& view,
                          const ClipTransform& clip, float scale) {
    // The lines cover the whole view (not the tile), so every tile of an image agrees.
    const auto box = view_bounds(projection, view);
    const double step = graticule_step(box);
    const std::string key = projection.cache_key() + "/" + std::to_string(step) + "/" +
                            std::to_string(box.west) + "," + std::to_string(box.south) + "," +
                            std::to_string(box.east) + "," + std::to_string(box.north);
    if (key != built_for_) {
        const auto segments = graticule_segments(projection, box, step);
        glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(segments.size() * sizeof(float)),
                     segments.data(), GL_STATIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        count_ = static_cast<GLsizei>(segments.size() / 4);
        built_for_ = key;
    }
    if (count_ == 0) {
        return;
    }
    const Rgba color = colors::graticule;
    line_.use();
    glUniform2fv(line_.uniform("u_scale"), 1, clip.scale);
    glUniform2fv(line_.uniform("u_offset"), 1, clip.offset);
    glUniform2fv(line_.uniform("u_pixel"), 1, clip.pixel);
    glUniform1f(line_.uniform("u_width"), 0.7F * scale);
    glUniform4f(line_.uniform("u_color"), color.r, color.g, color.b, color.a);
    glBindVertexArray(vao_.get());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count_);
    glBindVertexArray(0);
}

} // namespace eventmap::render
