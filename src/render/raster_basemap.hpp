// A user's raster as basemap (`--basemap FILE`): any raster GDAL reads with georeferencing
// (GeoTIFF, MBTiles, a PNG or JPEG with a world file), reprojected with GDAL's warper to the
// map's projection at exactly the pixels of the image (or of one tile of it) and drawn as a
// texture in place of the Natural Earth land fill; borders and coastlines stay on top.
//
// RasterSource is GL-free (tested without a context); RasterLayer keeps the last warp as a
// texture, so redrawing the same view (animation frames, the viewer standing still) warps
// nothing.
#pragma once

#include "render/clip_transform.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace eventmap::render {

// Projected extent of an image area, metres, and its size in pixels.
struct RasterWindow {
    double west = 0, south = 0, east = 0, north = 0;
    int width = 0, height = 0;
    bool operator==(const RasterWindow& o) const noexcept {
        return west == o.west && south == o.south && east == o.east && north == o.north &&
               width == o.width && height == o.height;
    }
};

// The part of `view` that `tile` covers.
RasterWindow raster_window(const MapView& view, const Tile& tile);

class RasterSource {
  public:
    // Opens the raster. A file with a geotransform but no CRS (a PNG with a world file) is
    // taken as WGS84 longitude/latitude when its extent fits in degrees. Throws InputError
    // naming the file when it cannot be read or is not georeferenced.
    explicit RasterSource(const std::string& path);
    ~RasterSource();
    RasterSource(const RasterSource&) = delete;
    RasterSource& operator=(const RasterSource&) = delete;

    const std::string& path() const noexcept { return path_; }

    // RGBA8 pixels, top row first, of `window` in the CRS `target_wkt`; transparent where
    // the raster has no data. Throws RenderError when GDAL's warper fails.
    std::vector<std::uint8_t> warp(const std::string& target_wkt, const RasterWindow& window) const;

  private:
    struct State;
    std::unique_ptr<State> state_;
    std::string path_;
};

class RasterLayer {
  public:
    RasterLayer(ShaderProgram& program, std::shared_ptr<const RasterSource> source);
    // Warps (unless the window and CRS are those of the last call) and draws over the tile.
    void draw(const std::string& target_wkt, const RasterWindow& window);

  private:
    ShaderProgram& program_;
    std::shared_ptr<const RasterSource> source_;
    VertexArray vao_;
    Texture texture_;
    RasterWindow last_;
    std::string last_wkt_;
};

} // namespace eventmap::render
