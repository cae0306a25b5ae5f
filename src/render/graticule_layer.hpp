// The graticule on the GPU: segments from graticule_segments(), re-made only when the step or
// the visible box changes, stroked with the line shader under the labels and events.
#pragma once

#include "render/clip_transform.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"

#include <string>

namespace eventmap::render {

class GraticuleLayer {
  public:
    explicit GraticuleLayer(ShaderProgram& line);
    void draw(const Projection& projection, const MapView& view, const ClipTransform& clip,
              float scale);

  private:
    ShaderProgram& line_;
    VertexArray vao_;
    Buffer vbo_;
    GLsizei count_ = 0;
    std::string built_for_; // projection, step and box of the uploaded segments
};

} // namespace eventmap::render
