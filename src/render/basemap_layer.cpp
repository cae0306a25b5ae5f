#include "render/basemap_layer.hpp"

#include "render/palette.hpp"

namespace eventmap::render {

BasemapLayer::BasemapLayer(ShaderProgram& fill, ShaderProgram& line,
                           const BasemapGeometry& geometry)
    : fill_(fill), line_(line), land_vao_(make_vertex_array()), land_vbo_(make_buffer()),
      land_vertices_(static_cast<GLsizei>(geometry.land_triangles.size() / 2)) {
    glBindVertexArray(land_vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, land_vbo_.get());
    glBufferData(GL_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(geometry.land_triangles.size() * sizeof(float)),
                 geometry.land_triangles.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(0);
    borders_ = upload_lines(geometry.borders);
    coasts_ = upload_lines(geometry.coastlines);
}

BasemapLayer::Lines BasemapLayer::upload_lines(const std::vector<float>& segments) const {
    Lines lines{make_vertex_array(), make_buffer(), static_cast<GLsizei>(segments.size() / 4)};
    glBindVertexArray(lines.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, lines.vbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(segments.size() * sizeof(float)),
                 segments.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, 1);
    glBindVertexArray(0);
    return lines;
}

void BasemapLayer::draw_lines(const Lines& lines, const ClipTransform& clip, float width,
                              Rgba color) const {
    line_.use();
    glUniform2fv(line_.uniform("u_scale"), 1, clip.scale);
    glUniform2fv(line_.uniform("u_offset"), 1, clip.offset);
    glUniform2fv(line_.uniform("u_pixel"), 1, clip.pixel);
    glUniform1f(line_.uniform("u_width"), width);
    glUniform4f(line_.uniform("u_color"), color.r, color.g, color.b, color.a);
    glBindVertexArray(lines.vao.get());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, lines.count);
    glBindVertexArray(0);
}

void BasemapLayer::draw(const ClipTransform& clip, float scale, bool fill_land) const {
    if (fill_land) {
        draw_land(clip);
    }
    draw_lines(borders_, clip, 0.8F * scale, colors::border);
    draw_lines(coasts_, clip, 0.9F * scale, colors::coast);
}

void BasemapLayer::draw_land(const ClipTransform& clip) const {
    fill_.use();
    glUniform2fv(fill_.uniform("u_scale"), 1, clip.scale);
    glUniform2fv(fill_.uniform("u_offset"), 1, clip.offset);
    const auto& land = colors::land;
    glUniform4f(fill_.uniform("u_color"), land.r, land.g, land.b, land.a);
    glBindVertexArray(land_vao_.get());
    glDrawArrays(GL_TRIANGLES, 0, land_vertices_);
    glBindVertexArray(0);
}

} // namespace eventmap::render
