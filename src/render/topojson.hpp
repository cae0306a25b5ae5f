// A reader for the polygons of a TopoJSON file (world-atlas' land and countries), without OGR:
// GDAL's TopoJSON driver builds a json-c tree of the whole file and then OGR geometries, which
// was ~40% of the 1:10m basemap build. This reader streams the file through nlohmann's SAX
// parser into flat arrays and rebuilds the rings with the TopoJSON driver's rules, so the
// coordinates are the same doubles GDAL gives (tests/render/topojson_test.cpp compares both).
#pragma once

#include <string>
#include <vector>

namespace eventmap::render {

struct TopoRing {
    std::vector<double> lon, lat; // closed: the last point repeats the first
};

struct TopoPolygon {
    std::vector<TopoRing> rings; // exterior first, then holes (as in the file)
};

struct TopoFeature {
    std::string name; // properties.name when it is a string, else empty
    std::vector<TopoPolygon> polygons;
};

// The Polygon and MultiPolygon geometries of the GeometryCollection object `object` (the first
// GeometryCollection when there is none of that name), in the file's order; other geometry
// types give a feature without polygons. As GDAL: arcs are delta-decoded and transformed when
// the topology has a transform, a ring's arcs are joined without repeating the shared point,
// a ring is closed and dropped below 4 points, and an empty polygon of a MultiPolygon dropped.
// Throws InputError naming the file when it is missing, not JSON, or not a topology.
std::vector<TopoFeature> read_topojson(const std::string& path, const std::string& object);

} // namespace eventmap::render
