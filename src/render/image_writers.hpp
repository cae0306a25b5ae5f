// Map images to files, row by row so that images larger than memory stream through:
//   PNG      libpng, with metadata in text chunks (source, time range, bbox, projection)
//   GeoTIFF  GDAL's GTiff driver, with the projection (WKT) and the extent as geotransform
//   GIF      giflib, animated: one palette per frame that keeps the map's own colours
//   MP4      ffmpeg through a pipe, when it is installed
// Each writes through common/atomic_file.hpp (a temporary file created exclusively, never
// through a link, fsynced and renamed into place on finish()): a failed render leaves nothing
// behind, and an output path planted as a link is refused without --force.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace eventmap::render {

using Metadata = std::vector<std::pair<std::string, std::string>>;
// x = gt[0] + col * gt[1], y = gt[3] + row * gt[5] (GDAL's convention, pixel corners).
using GeoTransform = std::array<double, 6>;

class RowWriter {
  public:
    virtual ~RowWriter() = default;
    // `rows` full rows of RGBA, top to bottom, following the previous call's.
    virtual void write_rows(const std::uint8_t* rgba, int rows) = 0;
    virtual void finish() = 0;
};

std::unique_ptr<RowWriter> png_writer(const std::string& path, int width, int height,
                                      const Metadata& metadata);
std::unique_ptr<RowWriter> geotiff_writer(const std::string& path, int width, int height,
                                          const GeoTransform& transform, const std::string& wkt,
                                          const Metadata& metadata);
// A world file (.pgw next to a .png): the six numbers GIS tools read for an image's place.
void write_world_file(const std::string& image_path, const GeoTransform& transform);

// Frames of one size, appended in order.
class FrameWriter {
  public:
    virtual ~FrameWriter() = default;
    virtual void add_frame(const std::uint8_t* rgba) = 0;
    virtual void finish() = 0;
};
// `reserved` colours (0xRRGGBB) always get a palette entry: the map's palette, so a marker's
// colour survives quantisation.
std::unique_ptr<FrameWriter> gif_writer(const std::string& path, int width, int height, int fps,
                                        const std::vector<std::uint32_t>& reserved);
// Throws RenderError saying how to install ffmpeg when it is not on PATH.
std::unique_ptr<FrameWriter> mp4_writer(const std::string& path, int width, int height, int fps);

} // namespace eventmap::render
