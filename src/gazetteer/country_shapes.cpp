#include "gazetteer/country_shapes.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "common/input_file.hpp"

#include <cmath>
#include <geos_c.h>
#include <optional>
#include <vector>

namespace eventmap::gazetteer {

namespace {

// ---- GEOS handles (GDAL's are common/gdal.hpp's) -----------------------------------------

// One GEOS context for the whole read (the _r API: no global state).
class GeosContext {
  public:
    GeosContext() : handle_(GEOS_init_r()) {}
    ~GeosContext() { GEOS_finish_r(handle_); }
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GEOSContextHandle_t get() const { return handle_; }

  private:
    GEOSContextHandle_t handle_;
};

class Geometry {
  public:
    Geometry(GEOSContextHandle_t ctx, GEOSGeometry* g) : ctx_(ctx), g_(g) {}
    ~Geometry() {
        if (g_ != nullptr) {
            GEOSGeom_destroy_r(ctx_, g_);
        }
    }
    Geometry(const Geometry&) = delete;
    Geometry& operator=(const Geometry&) = delete;
    const GEOSGeometry* get() const { return g_; }
    explicit operator bool() const { return g_ != nullptr; }

  private:
    GEOSContextHandle_t ctx_;
    GEOSGeometry* g_;
};

// ---- Geometry -------------------------------------------------------------------------------

LatLon point_of(GEOSContextHandle_t ctx, const GEOSGeometry* point) {
    double x = 0;
    double y = 0;
    GEOSGeomGetX_r(ctx, point, &x);
    GEOSGeomGetY_r(ctx, point, &y);
    return LatLon{y, x};
}

// Area in degrees squared scaled by the cosine of latitude: enough to compare parts.
double scaled_area(GEOSContextHandle_t ctx, const GEOSGeometry* part) {
    double area = 0;
    GEOSArea_r(ctx, part, &area);
    Geometry c(ctx, GEOSGetCentroid_r(ctx, part));
    const double lat = c ? point_of(ctx, c.get()).lat : 0.0;
    return area * std::cos(lat * 3.14159265358979323846 / 180.0);
}

std::optional<CountryShape> shape_of(GEOSContextHandle_t ctx, const GEOSGeometry* geometry) {
    const GEOSGeometry* largest = nullptr;
    double best = -1;
    const int parts = GEOSGetNumGeometries_r(ctx, geometry);
    for (int i = 0; i < parts; ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(ctx, geometry, i);
        const double a = scaled_area(ctx, part);
        if (a > best) {
            best = a;
            largest = part;
        }
    }
    if (largest == nullptr) {
        return std::nullopt;
    }
    Geometry centroid(ctx, GEOSGetCentroid_r(ctx, largest));
    if (!centroid) {
        return std::nullopt;
    }
    CountryShape shape;
    shape.part_area = best;
    if (GEOSContains_r(ctx, largest, centroid.get()) == 1) {
        shape.point = point_of(ctx, centroid.get());
    } else {
        Geometry inside(ctx, GEOSPointOnSurface_r(ctx, largest));
        if (!inside) {
            return std::nullopt;
        }
        shape.point = point_of(ctx, inside.get());
    }
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
    if (GEOSGeom_getXMin_r(ctx, largest, &xmin) == 1 &&
        GEOSGeom_getYMin_r(ctx, largest, &ymin) == 1 &&
        GEOSGeom_getXMax_r(ctx, largest, &xmax) == 1 &&
        GEOSGeom_getYMax_r(ctx, largest, &ymax) == 1) {
        // Half the bounding box diagonal: generous, as an extent should be.
        shape.radius_km =
            static_cast<float>(distance_km(LatLon{ymin, xmin}, LatLon{ymax, xmax}) / 2.0);
    }
    return shape;
}

} // namespace

namespace {

// The world-atlas layer of countries (by name, else the file's first layer).
OGRLayer& country_layer(GDALDataset& dataset, const std::string& path) {
    OGRLayer* layer = dataset.GetLayerByName("countries");
    if (layer == nullptr && dataset.GetLayerCount() > 0) {
        layer = dataset.GetLayer(0);
    }
    if (layer == nullptr) {
        throw InputError("no country layer", path);
    }
    return *layer;
}

} // namespace

std::unordered_map<std::string, CountryShape> read_country_shapes(const std::string& path,
                                                                  Diagnostics& diag) {
    // GDAL reads a regular file; a directory, FIFO or device is refused by name first.
    if (!classify_input(path).regular) {
        throw InputError("country shapes must be a regular file (a TopoJSON or GeoJSON file)",
                         path);
    }
    gdal::register_drivers();
    gdal::ErrorCapture errors;
    const gdal::DatasetPtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        throw InputError("cannot open country shapes: " + errors.message("not a vector file") +
                             "; run scripts/setup to fetch the pinned sources",
                         path);
    }
    OGRLayer& layer = country_layer(*dataset, path);
    const GeosContext geos;
    std::unordered_map<std::string, CountryShape> out;
    layer.ResetReading();
    std::uint64_t record = 0;
    while (const gdal::FeaturePtr feature{layer.GetNextFeature()}) {
        ++record;
        const int id_field = feature->GetFieldIndex("id");
        const std::string id = id_field >= 0 ? feature->GetFieldAsString(id_field) : std::string();
        const OGRGeometry* g = feature->GetGeometryRef();
        if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) {
            continue; // disputed areas without an ISO numeric code
        }
        if (g == nullptr) {
            diag.error(path, record, "country " + id + " has no geometry");
            continue;
        }
        std::vector<unsigned char> wkb(g->WkbSize());
        if (g->exportToWkb(wkbNDR, wkb.data()) != OGRERR_NONE) {
            diag.error(path, record, "country " + id + ": unusable geometry");
            continue;
        }
        Geometry geometry(geos.get(), GEOSGeomFromWKB_buf_r(geos.get(), wkb.data(), wkb.size()));
        const auto shape = geometry ? shape_of(geos.get(), geometry.get()) : std::nullopt;
        if (!shape || !is_valid(shape->point)) {
            diag.error(path, record, "country " + id + ": unusable geometry");
            continue;
        }
        auto [it, inserted] = out.try_emplace(id, *shape);
        if (!inserted && shape->part_area > it->second.part_area) {
            it->second = *shape;
        }
    }
    if (errors.has_error()) {
        throw InputError("cannot read country shapes: " + errors.message(), path);
    }
    return out;
}

} // namespace eventmap::gazetteer
