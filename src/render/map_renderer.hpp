// The map renderer: one class for screen and file. It draws the basemap, labels, events
// (markers, clusters, heatmap) and overlays (title, time range, legend, scale bar, north
// arrow, attribution, caption) of one MapView into the currently bound framebuffer, or into
// one tile of it for images larger than the GPU allows.
//
// Needs a current OpenGL 3.3 core context: OffscreenContext for files, the viewer's window
// for the screen. Typical use:
//
//   render::MapRenderer renderer;                        // context current
//   renderer.set_events(std::make_shared<mapdata::EventTable>(mapdata::load_events(path)));
//   renderer.set_projection(render::ProjectionKind::web_mercator, lon_0);
//   auto view = render::fit_view(renderer.projection(), box, 1920, 1080);
//   render::MapOptions options; options.title = "...";
//   options.window = {from_day, to_day};                 // moving it rebuilds nothing
//   renderer.draw(view, options, {0, 0, 1920, 1080});
#pragma once

#include "mapdata/event_table.hpp"
#include "render/clip_transform.hpp"
#include "render/map_view.hpp"
#include "render/overlays.hpp"
#include "render/projection.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventmap::render {

struct RendererSettings {
    std::string world_atlas_dir; // empty: default_world_atlas_dir()
    std::string gazetteer_index; // empty: the build's default index when present; "-": none
    // A georeferenced raster (GeoTIFF, MBTiles, PNG with a world file) drawn instead of the
    // Natural Earth land fill, reprojected to the map's projection; empty for none. Opened
    // by the constructor (InputError when unreadable or not georeferenced).
    std::string basemap_raster;
};

enum class ColorBy { type, quad };

struct MapOptions {
    std::string title;
    std::string subtitle;
    std::string stamp; // a large date on the map (animation frames); empty for none
    // The legend's heading; empty: "Events by type" or "Events by quad class" (the viewer's
    // layers say "Events by layer").
    std::string legend_heading;
    ColorBy color_by = ColorBy::type;
    bool markers = true;
    bool clusters = false; // groups nearby markers into counted circles
    bool heatmap = false;
    bool legend = true;
    bool time_range = true;
    bool scale_bar = true;
    bool north_arrow = true;
    bool attribution = true;
    bool caption = true;
    bool country_labels = true;
    bool place_labels = true;
    bool graticule = false; // meridians and parallels every 1-30 degrees, by scale
    bool basemap = true;    // false: no land fill and no raster (water, borders, coasts only)
    // Image pixels covered by the viewer's own panels (ImGui windows drawn over the map):
    // title, legend, scale bar, north arrow and attribution are laid out in the rest.
    PixelInsets overlay_insets;
    std::vector<std::string> types; // only these event types; empty = all
    mapdata::DayRange window;       // inclusive days; empty = the data's whole range
    float scale = 1;                // DPI factor: symbols, lines and text sizes
};

// What the last draw() showed, for captions, tests and the viewer's status line.
struct FrameInfo {
    std::uint64_t events_in_window = 0;
    mapdata::DayRange window;
    PixelRect overlay_area;               // the image less MapOptions::overlay_insets
    std::vector<PixelRect> overlay_rects; // panels drawn there (title, legend, scale bar...)
    std::string attribution;              // the credit line drawn; empty when none
    std::string legend_heading;           // the legend's heading as drawn
    // With clusters on: each cluster drawn, where (image pixels) and how many events it holds
    // (a lone event is a cluster of 1).
    struct ClusterMark {
        double px = 0, py = 0;
        std::uint32_t count = 0;
    };
    std::vector<ClusterMark> clusters;
};

class MapRenderer {
  public:
    explicit MapRenderer(RendererSettings settings = {});
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Rebuilds event positions (and, lazily, the basemap) for the projection.
    void set_projection(ProjectionKind kind, double lon_0, double lat_0 = 0);
    const Projection& projection() const;

    void set_events(std::shared_ptr<const mapdata::EventTable> table);
    const mapdata::EventTable* events() const;

    // A per-event mask for filters MapOptions cannot express (1 = drawn; size = table rows;
    // null = all). Set on filter change: it re-uploads the instances once. pick() and
    // last_frame() honour it.
    void set_visible(std::shared_ptr<const std::vector<std::uint8_t>> mask);
    // Rows drawn with a selection ring (the clicked event, a box selection) and rows drawn with
    // a dashed ring (events a person has corrected). Cheap: drawn as overlay rings.
    void set_highlight(std::vector<std::size_t> rows);
    void set_corrected(std::vector<std::size_t> rows);

    // Draws into the bound framebuffer; `tile` is the part of the view's image it holds
    // ({0, 0, view.width, view.height} for all of it). Sets the viewport to the tile's size.
    void draw(const MapView& view, const MapOptions& options, const Tile& tile);
    const FrameInfo& last_frame() const;

    // The event drawn at pixel (px, py) of the view, nearest first; nullopt when none.
    std::optional<std::size_t> pick(const MapView& view, const MapOptions& options, double px,
                                    double py) const;

    // Seconds spent building basemaps (read, project, triangulate) since construction; each
    // projection and detail is built once and cached.
    double basemap_seconds() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// "12 Sep 2013" and "12-19 Sep 2013" style text for a day range.
std::string format_day_range(mapdata::DayRange range);

} // namespace eventmap::render
