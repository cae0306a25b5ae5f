// The offline basemap as geometry ready for the GPU: Natural Earth land triangulated once per
// projection (cut with GEOS, filled with GLU's tessellator), country borders and coastlines as
// line segments, and country label anchors. Read from world-atlas' TopoJSON by our own reader
// (topojson.hpp; the same coordinates as GDAL's driver); GL-free, so it is built and tested
// without a context, and cached by the renderer per projection and detail.
#pragma once

#include "render/projection.hpp"

#include <string>
#include <vector>

namespace eventmap::render {

// Natural Earth's scales: 1:110m for the world, 1:50m for a region, 1:10m for a country.
enum class Detail { coarse, medium, fine };
const char* detail_scale(Detail detail); // "110m", "50m", "10m"
// The detail that suits `metres_per_pixel` (coarse for a world map, fine below ~1 km/px).
Detail detail_for(double metres_per_pixel);

struct CountryLabel {
    std::string name;
    double x = 0, y = 0; // projected anchor (a point on the largest part's surface)
    double area = 0;     // projected area of that part, m^2: small countries get no label
};

struct BasemapGeometry {
    std::vector<float> land_triangles; // x,y per vertex, 3 vertices a triangle, projected m
    std::vector<float> borders;        // x0,y0,x1,y1 per segment: country outlines
    std::vector<float> coastlines;     // x0,y0,x1,y1 per segment: land outlines
    std::vector<CountryLabel> labels;
    double build_seconds = 0;
    // CPU seconds of the busier of the build's two threads: what the wall time comes to on an
    // idle machine, measurable on a busy one (the benchmark reports it beside the wall time).
    double critical_cpu_seconds = 0;
};

// world-atlas' folder: $EVENTMAP_WORLD_ATLAS, else the checkout's gazetteer/sources copy.
std::string default_world_atlas_dir();

// Reads land-<scale>.json and countries-<scale>.json from `atlas_dir`. Throws InputError
// naming the file when it is missing or unreadable.
BasemapGeometry build_basemap(const Projection& projection, Detail detail,
                              const std::string& atlas_dir);

} // namespace eventmap::render
