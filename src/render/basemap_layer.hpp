// The basemap on the GPU: land triangles filled, borders and coastlines stroked (the line
// shader widens segments to any pixel width, scaled with the output's DPI).
#pragma once

#include "render/basemap_geometry.hpp"
#include "render/clip_transform.hpp"
#include "render/gl_objects.hpp"
#include "render/palette.hpp"
#include "render/shader_program.hpp"

namespace eventmap::render {

class BasemapLayer {
  public:
    BasemapLayer(ShaderProgram& fill, ShaderProgram& line, const BasemapGeometry& geometry);
    // `fill_land` false when a raster basemap stands in for the land fill.
    void draw(const ClipTransform& clip, float scale, bool fill_land = true) const;

    struct Lines {
        VertexArray vao;
        Buffer vbo;
        GLsizei count = 0;
    };

  private:
    void draw_land(const ClipTransform& clip) const;
    Lines upload_lines(const std::vector<float>& segments) const;
    void draw_lines(const Lines& lines, const ClipTransform& clip, float width, Rgba color) const;

    ShaderProgram& fill_;
    ShaderProgram& line_;
    VertexArray land_vao_;
    Buffer land_vbo_;
    GLsizei land_vertices_ = 0;
    Lines borders_;
    Lines coasts_;
};

} // namespace eventmap::render
