#include "render/ui_layer.hpp"

#include <cstddef>

namespace eventmap::render {

UiLayer::UiLayer(ShaderProgram& program, const FontAtlas& font)
    : program_(program), atlas_(make_texture()), vao_(make_vertex_array()), vbo_(make_buffer()) {
    glBindTexture(GL_TEXTURE_2D, atlas_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, font.width(), font.height(), 0, GL_RED, GL_UNSIGNED_BYTE,
                 font.pixels().data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    const auto stride = static_cast<GLsizei>(sizeof(UiVertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(UiVertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(UiVertex, u)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(offsetof(UiVertex, r)));
    glBindVertexArray(0);
}

void UiLayer::draw(const UiBatch& batch, const ClipTransform& clip) {
    if (batch.vertices().empty()) {
        return;
    }
    program_.use();
    glUniform2fv(program_.uniform("u_origin"), 1, clip.origin);
    glUniform2fv(program_.uniform("u_pixel"), 1, clip.pixel);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, atlas_.get());
    glUniform1i(program_.uniform("u_atlas"), 0);
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    glBufferData(GL_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(batch.vertices().size() * sizeof(UiVertex)),
                 batch.vertices().data(), GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(batch.vertices().size()));
    glBindVertexArray(0);
}

} // namespace eventmap::render
