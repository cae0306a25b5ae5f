#include "render/projection.hpp"

#include "render/render_error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <geodesic.h>
#include <limits>
#include <ogr_spatialref.h>
#include <proj.h>

namespace eventmap::render {

std::optional<ProjectionKind> projection_from_name(const std::string& name) {
    if (name == "web-mercator" || name == "mercator" || name == "3857") {
        return ProjectionKind::web_mercator;
    }
    if (name == "equal-earth" || name == "8857") {
        return ProjectionKind::equal_earth;
    }
    if (name == "equirectangular" || name == "plate-carree") {
        return ProjectionKind::equirectangular;
    }
    if (name == "local" || name == "azimuthal-equidistant") {
        return ProjectionKind::local;
    }
    return std::nullopt;
}

const char* projection_name(ProjectionKind kind) {
    switch (kind) {
    case ProjectionKind::web_mercator:
        return "web-mercator";
    case ProjectionKind::equal_earth:
        return "equal-earth";
    case ProjectionKind::equirectangular:
        return "equirectangular";
    case ProjectionKind::local:
        return "local";
    }
    return "?";
}

struct Projection::State {
    PJ_CONTEXT* context = nullptr;
    PJ* pj = nullptr;
    ~State() {
        if (pj != nullptr) {
            proj_destroy(pj);
        }
        if (context != nullptr) {
            proj_context_destroy(context);
        }
    }
};

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

// The projection's operation on radians, without the CRS wrapping.
std::string operation(ProjectionKind kind, double lon_0, double lat_0) {
    switch (kind) {
    case ProjectionKind::web_mercator:
        return "+proj=webmerc +ellps=WGS84 +lon_0=" + number(lon_0);
    case ProjectionKind::equal_earth:
        return "+proj=eqearth +ellps=WGS84 +lon_0=" + number(lon_0);
    case ProjectionKind::equirectangular:
        return "+proj=eqc +ellps=WGS84 +lon_0=" + number(lon_0);
    case ProjectionKind::local:
        return "+proj=aeqd +ellps=WGS84 +lat_0=" + number(lat_0) + " +lon_0=" + number(lon_0);
    }
    return {};
}

} // namespace

Projection::Projection(ProjectionKind kind, double lon_0, double lat_0)
    : state_(std::make_unique<State>()), kind_(kind), lon_0_(lon_0), lat_0_(lat_0) {
    state_->context = proj_context_create();
    // +over: longitudes are wrapped by us (wrap_longitude), so PROJ must not wrap them again
    // at the seam, where a polygon's edge would jump to the other side of the world.
    const std::string pipeline =
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " +
        operation(kind, lon_0, lat_0) + " +over";
    state_->pj = proj_create(state_->context, pipeline.c_str());
    if (state_->pj == nullptr) {
        throw RenderError(
            "PROJ cannot build the projection '" + pipeline + "': " +
            proj_context_errno_string(state_->context, proj_context_errno(state_->context)));
    }
}

Projection::~Projection() = default;
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;

double Projection::wrap_longitude(double lon) const noexcept {
    while (lon < lon_0_ - 180.0) {
        lon += 360.0;
    }
    while (lon >= lon_0_ + 180.0) {
        lon -= 360.0;
    }
    return lon;
}

double Projection::max_latitude() const noexcept {
    return kind_ == ProjectionKind::web_mercator ? 85.05112878 : 90.0;
}

ProjectedPoint Projection::forward(double lon, double lat) const {
    const double limit = max_latitude();
    PJ_COORD c = proj_coord(wrap_longitude(lon), std::clamp(lat, -limit, limit), 0, 0);
    c = proj_trans(state_->pj, PJ_FWD, c);
    if (c.xy.x == HUGE_VAL) {
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    }
    return {c.xy.x, c.xy.y};
}

std::optional<std::pair<double, double>> Projection::inverse(double x, double y) const {
    PJ_COORD c = proj_coord(x, y, 0, 0);
    c = proj_trans(state_->pj, PJ_INV, c);
    if (c.lp.lam == HUGE_VAL || !std::isfinite(c.lp.lam) || !std::isfinite(c.lp.phi)) {
        proj_errno_reset(state_->pj);
        return std::nullopt;
    }
    return std::make_pair(c.lp.lam, c.lp.phi);
}

void Projection::forward_many(double* x, double* y, std::size_t n, bool wrap) const {
    const double limit = max_latitude();
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = wrap ? wrap_longitude(x[i]) : x[i];
        y[i] = std::clamp(y[i], -limit, limit);
    }
    if (kind_ == ProjectionKind::web_mercator) {
        // PROJ's webmerc is the sphere's Mercator on WGS84's semi-major axis; in closed form it
        // is the same arithmetic without proj_trans' per-point dispatch, which was a fifth of
        // the 1:10m basemap's build.
        constexpr double a = 6378137.0;
        constexpr double radians = 3.14159265358979323846 / 180.0;
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = a * (x[i] - lon_0_) * radians;
            y[i] = a * std::log(std::tan(3.14159265358979323846 / 4 + y[i] * radians / 2));
        }
        return;
    }
    proj_trans_generic(state_->pj, PJ_FWD, x, sizeof(double), n, y, sizeof(double), n, nullptr, 0,
                       0, nullptr, 0, 0);
    proj_errno_reset(state_->pj);
}

std::string Projection::proj_string() const {
    if (kind_ == ProjectionKind::web_mercator && lon_0_ == 0.0) {
        return "EPSG:3857";
    }
    if (kind_ == ProjectionKind::equal_earth && lon_0_ == 0.0) {
        return "EPSG:8857";
    }
    if (kind_ == ProjectionKind::web_mercator) {
        // The CRS form of Web Mercator: a sphere of the WGS84 semi-major axis.
        return "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=" + number(lon_0_) +
               " +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs";
    }
    return operation(kind_, lon_0_, lat_0_) + " +datum=WGS84 +units=m +no_defs";
}

std::string Projection::wkt() const {
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(proj_string().c_str()) != OGRERR_NONE) {
        throw RenderError("GDAL cannot express the projection as WKT: " + proj_string());
    }
    char* text = nullptr;
    srs.exportToWkt(&text);
    std::string out = text != nullptr ? text : "";
    CPLFree(text);
    return out;
}

std::string Projection::cache_key() const {
    return std::string(projection_name(kind_)) + "@" + number(lon_0_) + "," + number(lat_0_);
}

double geodesic_distance_m(double lon1, double lat1, double lon2, double lat2) {
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    double s12 = 0;
    geod_inverse(&g, lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
    return s12;
}

} // namespace eventmap::render
