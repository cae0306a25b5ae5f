// Map projections through PROJ: longitude/latitude degrees to projected metres and back, for
// the basemap, the events and the overlays alike. Every projection is centred on a meridian
// (lon_0) chosen from the data, so a Pacific event set is drawn around 180 degrees instead of
// being split across the world; wrap_longitude() puts any longitude on the right side of the
// seam at lon_0 + 180.
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace eventmap::render {

enum class ProjectionKind {
    web_mercator,    // EPSG:3857 when centred on 0: the web's map, north up, areas inflated
    equal_earth,     // EPSG:8857 when centred on 0: equal-area world maps
    equirectangular, // plate carrée in metres
    local,           // azimuthal equidistant on the data's centre: regional maps
};

// "web-mercator", "equal-earth", "equirectangular", "local"; nullopt when unknown.
std::optional<ProjectionKind> projection_from_name(const std::string& name);
const char* projection_name(ProjectionKind kind);

struct ProjectedPoint {
    double x = 0, y = 0; // metres
};

class Projection {
  public:
    // lat_0 is used by the local projection only. Throws RenderError when PROJ refuses.
    Projection(ProjectionKind kind, double lon_0, double lat_0 = 0);
    ~Projection();
    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;

    ProjectionKind kind() const noexcept { return kind_; }
    double lon_0() const noexcept { return lon_0_; }
    double lat_0() const noexcept { return lat_0_; }

    // The longitude moved by 360 degrees into [lon_0 - 180, lon_0 + 180).
    double wrap_longitude(double lon) const noexcept;
    // Latitudes beyond what the projection can show are clamped (Mercator: +-85.05).
    double max_latitude() const noexcept;

    // Forward from degrees (the longitude is wrapped first); non-finite x when outside.
    ProjectedPoint forward(double lon, double lat) const;
    // Inverse to degrees; nullopt outside the projection's domain.
    std::optional<std::pair<double, double>> inverse(double x, double y) const; // lon, lat

    // Forward for n points in place: lon/lat arrays in, x/y out. `wrap` = false for points
    // already on [lon_0 - 180, lon_0 + 180], where a point on the seam must stay on its side.
    void forward_many(double* x, double* y, std::size_t n, bool wrap = true) const;

    // The CRS as PROJ string and as WKT (for GeoTIFF and world-file users); EPSG codes
    // where the projection is the registered one (3857, 8857 centred on 0).
    std::string proj_string() const;
    std::string wkt() const;
    // Key for caches: kind and centre.
    std::string cache_key() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
    ProjectionKind kind_;
    double lon_0_;
    double lat_0_;
};

// Geodesic distance in metres between two lon/lat points on WGS84 (PROJ's geodesic.h).
double geodesic_distance_m(double lon1, double lat1, double lon2, double lat2);

} // namespace eventmap::render
