// Representative points of countries from Natural Earth polygons (world-atlas' TopoJSON, read
// with GDAL), computed with GEOS: the centroid of the country's largest part, or a point on its
// surface when the centroid falls outside it. This matches how gazetteers place a country
// (mainland United States, not a point pulled toward Alaska; metropolitan France).
#pragma once

#include "common/geo.hpp"
#include "gazetteer/sources.hpp"

#include <string>
#include <unordered_map>

namespace eventmap::gazetteer {

struct CountryShape {
    LatLon point;
    float radius_km = 0;  // from the largest part's bounding box: how far the country reaches
    double part_area = 0; // of the largest part, in cos(lat)-scaled square degrees
};

// ISO 3166-1 numeric code ("760") -> shape. Features without a numeric id are skipped; where
// several features share a code (Australia and its Ashmore and Cartier Islands) the one with
// the largest part wins. A
// feature whose geometry cannot be read is reported to `diag` with its record number.
std::unordered_map<std::string, CountryShape> read_country_shapes(const std::string& path,
                                                                  Diagnostics& diag);

} // namespace eventmap::gazetteer
