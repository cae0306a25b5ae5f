// The viewer's state worth keeping between runs and sharing as a small file (`--state FILE`):
// the map view, the filters, the time window. JSON, for example
//   {"version": 1,
//    "view":    {"center": [33.5, 36.3], "zoom": 6.0, "projection": "mercator",
//                "layers": {"markers": true, "clusters": false, ...}, "color_by": "type"},
//    "window":  {"first": "2018-02-18", "last": "2018-02-25", "mode": "moving"},
//    "filters": {"types": ["ASSAULT"], "quads": [3, 4], "countries": ["SY"], "actors": [],
//                "date_sources": [], "planned": "any", "min_confidence": 0.5, "text": ""}}
// "center" is [lat, lon] like every LatLon in eventmap. Every part is optional; a missing part
// keeps its default. Reading a bad file throws InputError naming the file and the key.
#pragma once

#include "common/geo.hpp"
#include "view/filter.hpp"
#include "view/time_model.hpp"

#include <map>
#include <optional>
#include <string>

namespace eventmap::view {

enum class ColorBy { type, quad };

struct MapViewState {
    LatLon center{20, 0};
    double zoom = 1.0; // 1 = the whole world fits the map's width; each step doubles the scale
    std::string projection = "equirectangular";
    std::map<std::string, bool> layers{{"basemap", true},  {"markers", true}, {"clusters", false},
                                       {"heatmap", false}, {"labels", true},  {"graticule", true}};
    ColorBy color_by = ColorBy::type;
};

struct ViewState {
    MapViewState view;
    std::optional<DayRange> window; // nullopt: the whole data
    WindowMode mode = WindowMode::moving;
    FilterState filters;
};

ViewState parse_view_state(const std::string& json_text, const std::string& file);
ViewState read_view_state(const std::string& path);
std::string view_state_to_json(const ViewState& state);
// Atomically (temporary file + rename); throws OutputError.
void write_view_state(const ViewState& state, const std::string& path);

} // namespace eventmap::view
