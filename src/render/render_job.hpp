// The headless render: events from a source, drawn offscreen through EGL, written as PNG
// (with world file and metadata), GeoTIFF, animated GIF or MP4. Images larger than the GPU's
// framebuffer are drawn in tiles and streamed to the file a strip at a time, so memory stays
// bounded whatever the size. `eventmap render` is a thin command line over run_render_job().
#pragma once

#include "render/map_renderer.hpp"

#include <string>
#include <vector>

namespace eventmap::render {

struct ViewSpec {
    enum class Kind { fit, bbox, center } kind = Kind::fit;
    mapdata::GeoBox bbox;              // kind == bbox (west > east crosses the antimeridian)
    double lat = 0, lon = 0, zoom = 4; // kind == center
};

enum class StepUnit { day, week, month };

struct AnimationSpec {
    bool enabled = false;
    StepUnit unit = StepUnit::week;
    int step = 1;            // units per frame
    int window_days = 0;     // days shown per frame; 0 = one step
    bool cumulative = false; // every frame shows everything up to its date
    int fps = 4;
};

struct RenderJob {
    std::string source;
    std::string layer;  // empty: automatic (mapdata::LoadOptions)
    std::string output; // .png, .tif/.tiff, .gif, .mp4
    int width = 1600;
    int height = 1000;
    float scale = 1;
    ViewSpec view;
    std::string projection = "web-mercator";
    std::string from, to; // YYYY[-MM[-DD]]
    MapOptions options;   // title, subtitle, layers, overlays, types (window is set from from/to)
    bool world_file = false;
    AnimationSpec animation;
    RendererSettings settings;
};

struct RenderResult {
    std::string output;
    int width = 0, height = 0;
    int frames = 0;
    int tiles = 0;
    std::uint64_t events_total = 0;
    std::uint64_t events_shown = 0; // in the (last) frame's window
    mapdata::DayRange window;
    mapdata::GeoBox bounds;         // what the image shows
    std::string projection;         // PROJ string or EPSG code
    std::string gl;                 // the OpenGL renderer used
    bool events_from_cache = false; // the table came from mapdata's on-disk cache
    double load_seconds = 0, basemap_seconds = 0, render_seconds = 0, total_seconds = 0;
};

// Throws InputError for bad sources, sizes, boxes and dates (nothing is written), RenderError
// when no OpenGL can be had, OutputError when the file cannot be written.
RenderResult run_render_job(const RenderJob& job);

// Checks a job's options before anything is loaded (sizes, extension, dates, animation).
void validate_job(const RenderJob& job);

// Parses "W,S,E,N"; throws InputError when malformed or outside the world.
mapdata::GeoBox parse_bbox(const std::string& text);
// Parses "1d", "2w", "1mo" into a unit and count; throws InputError otherwise.
std::pair<StepUnit, int> parse_step(const std::string& text);
// Parses "7d", "2w", "1mo" into days (a month counts 30).
int parse_days(const std::string& text, const std::string& what);

} // namespace eventmap::render
