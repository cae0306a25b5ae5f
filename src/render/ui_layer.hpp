// Draws a UiBatch (overlays, labels) with the font atlas as texture.
#pragma once

#include "render/clip_transform.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"
#include "render/ui_batch.hpp"

namespace eventmap::render {

class UiLayer {
  public:
    UiLayer(ShaderProgram& program, const FontAtlas& font);
    void draw(const UiBatch& batch, const ClipTransform& clip);

  private:
    ShaderProgram& program_;
    Texture atlas_;
    VertexArray vao_;
    Buffer vbo_;
};

} // namespace eventmap::render
