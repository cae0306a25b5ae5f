// Geography in the types. The latitude/longitude order question is settled here, once:
// eventmap stores LatLon (GeoNames' order); GeoJSON, GDAL/OGR and PROJ's traditional GIS order
// want longitude first, and the conversions name that explicitly (lon()/lat() accessors).
#pragma once

namespace eventmap {

struct LatLon {
    double lat = 0.0; // WGS84 degrees, -90..90
    double lon = 0.0; // WGS84 degrees, -180..180
};

inline constexpr double earth_radius_km = 6371.0088; // IUGG mean radius

// Great-circle distance (haversine), in kilometres.
double distance_km(LatLon a, LatLon b);

bool is_valid(LatLon p);

} // namespace eventmap
