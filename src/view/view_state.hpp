// The viewer's state worth keeping between runs and sharing as a small file (`--state FILE`):
// the map view, the filters, the time window. JSON, for example
//   {"version": 1,
//    "view":    {"center": [33.5, 36.3], "zoom": 6.0, "projection": "mercator",
//                "layers": {"markers": true, "clusters": false, ...}, "color_by": "type"},
//    "window":  {"first": "2018-02-18", "last": "2018-02-25", "mode": "moving"},
//    "filters": {"types": ["ASSAULT"], "quads": [3, 4], "countries": ["SY"], "actors": [],
//                "date_sources": [], "planned": "any", "min_confidence": 0.5, "text": ""},
//    "sources": [{"source": "out/events.gpkg", "visible": true},
//                {"source": "extra.geojson", "visible": false}]}
// "center" is [lat, lon] like every LatLon in eventmap. "sources" are the layers in drawing
// order (the first at the bottom), paths as they were given; "color_by" may be "layer". Every part
// is optional; a missing part keeps its default. Reading a bad file throws InputError naming the
// file and the key.
#pragma once

#include "common/geo.hpp"
#include "view/filter.hpp"
#include "view/time_model.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eventmap::view {

enum class ColorBy { type, quad, layer };

struct MapViewState {
    LatLon center{20, 0};
    double zoom = 1.0; // 1 = the whole world fits the map's width; each step doubles the scale
    std::string projection = "equirectangular";
    std::map<std::string, bool> layers{{"basemap", true},  {"markers", true}, {"clusters", false},
                                       {"heatmap", false}, {"labels", true},  {"graticule", true}};
    ColorBy color_by = ColorBy::type;
};

// One source shown as a layer.
struct LayerState {
    std::string source;
    bool visible = true;
};

struct ViewState {
    MapViewState view;
    std::vector<LayerState> sources; // drawing order, the first at the bottom; empty: none kept
    std::optional<DayRange> window;  // nullopt: the whole data
    WindowMode mode = WindowMode::moving;
    FilterState filters;
};

// The layers to open: the command line's sources (`given`) in the order and visibility the
// state kept for them (those it names first, bottom up, as it lists them; the others above,
// visible, in the command line's order); with no `given`, the state's sources; with neither,
// `fallback`. A file source matches by its canonical path, anything else (PG:...) by its text.
std::vector<LayerState> plan_layers(const std::vector<std::string>& given,
                                    const std::vector<LayerState>& saved,
                                    const std::string& fallback);

ViewState parse_view_state(const std::string& json_text, const std::string& file);
ViewState read_view_state(const std::string& path);
std::string view_state_to_json(const ViewState& state);
// Atomically (temporary file + rename); throws OutputError.
void write_view_state(const ViewState& state, const std::string& path);

} // namespace eventmap::view
