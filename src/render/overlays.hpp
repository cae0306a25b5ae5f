// The overlays of a map image: title and subtitle with the time range shown, a legend of the
// event types present with their counts, a geodesic scale bar true at the map's centre, a
// north arrow, the attribution and a caption with the numbers of events and articles.
// Laid out in image pixels, scaled with the output's DPI.
#pragma once

#include "render/map_view.hpp"
#include "render/palette.hpp"
#include "render/ui_batch.hpp"

#include <string>
#include <vector>

namespace eventmap::render {

struct LegendRow {
    std::string name;
    Rgba color;
    std::uint64_t count = 0;
};

struct OverlayContent {
    std::string title;
    std::string subtitle;
    std::string time_range; // "1-30 Sep 2013"
    std::string stamp;      // a frame's date, large
    std::string legend_heading;
    std::vector<LegendRow> legend;
    bool show_planned_symbol = false;
    bool show_area_symbol = false;
    bool show_coarse_symbol = false; // events dated only to a month or a year are in view
    bool heatmap = false;
    std::uint64_t shown = 0;    // events in the window and the view
    std::uint64_t articles = 0; // 0: unknown
    std::string data_source;
    // GeoNames is credited only where its data is on the map: the gazetteer's place labels, or
    // events that eventmap located with the gazetteer.
    bool credit_geonames = false;
    bool legend_panel = true, scale_bar = true, north_arrow = true, attribution = true,
         caption = true;
};

// Image pixels that something drawn over the map covers (the viewer's panels), measured
// from each edge; the overlays are laid out in the rest.
struct PixelInsets {
    float left = 0, top = 0, right = 0, bottom = 0;
};

// The free part of a view's image: all of it less the insets (never less than 1 px a side).
PixelRect free_area(const MapView& view, const PixelInsets& insets);

// Draws them into `batch` inside `area` (image pixels); `taken` receives the panels'
// rectangles (labels avoid them, the viewer reads them from FrameInfo).
void draw_overlays(UiBatch& batch, const OverlayContent& content, const MapView& view,
                   const PixelRect& area, const Projection& projection, float scale,
                   std::vector<PixelRect>& taken);

// The scale bar's length: a round distance (1, 2 or 5 x 10^k metres) at most `max_px` long
// at the view's centre, with its length in pixels. {0, 0} where the centre is off the globe.
struct ScaleBar {
    double metres = 0;
    double pixels = 0;
};
ScaleBar scale_bar_for(const MapView& view, const Projection& projection, double max_px);

// "Basemap: Natural Earth · Places: GeoNames · Data: ..." as the overlay draws it.
std::string attribution_text(const OverlayContent& content);

std::string format_distance(double metres); // "500 m", "20 km", "1,000 km"
std::string format_count(std::uint64_t n);  // "12,345"

} // namespace eventmap::render
