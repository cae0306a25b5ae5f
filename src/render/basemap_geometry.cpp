#include "render/basemap_geometry.hpp"

#include "build_config.hpp"
#include "common/error.hpp"
#include "render/topojson.hpp"

#include <GL/glu.h>
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <exception>
#include <future>
#include <geos_c.h>
#include <memory>
#include <numeric>

namespace eventmap::render {

const char* detail_scale(Detail detail) {
    switch (detail) {
    case Detail::coarse:
        return "110m";
    case Detail::medium:
        return "50m";
    case Detail::fine:
        return "10m";
    }
    return "110m";
}

Detail detail_for(double metres_per_pixel) {
    if (metres_per_pixel > 8000) {
        return Detail::coarse;
    }
    return metres_per_pixel > 1200 ? Detail::medium : Detail::fine;
}

std::string default_world_atlas_dir() {
    if (const char* env = std::getenv("EVENTMAP_WORLD_ATLAS"); env != nullptr && *env != 0) {
        return env;
    }
    return std::string(build_config::source_root) + "/gazetteer/sources/node_modules/world-atlas";
}

namespace {

// GEOS's reentrant API: one handle for the build, geometries owned by unique_ptrs.
class Geos {
  public:
    Geos() : handle_(GEOS_init_r()) {}
    ~Geos() { GEOS_finish_r(handle_); }
    Geos(const Geos&) = delete;
    Geos& operator=(const Geos&) = delete;
    GEOSContextHandle_t get() const { return handle_; }

    struct Deleter {
        GEOSContextHandle_t handle;
        void operator()(GEOSGeometry* g) const noexcept { GEOSGeom_destroy_r(handle, g); }
    };
    using Ptr = std::unique_ptr<GEOSGeometry, Deleter>;
    Ptr own(GEOSGeometry* g) const { return Ptr(g, Deleter{handle_}); }

  private:
    GEOSContextHandle_t handle_;
};

using Ring = TopoRing;

// Natural Earth draws the antimeridian and the South Pole as polygon edges; they are not
// coasts or borders, so their segments are left out of the outlines.
bool artificial_edge(double lon0, double lat0, double lon1, double lat1) {
    const bool on_meridian =
        std::abs(std::abs(lon0) - 180) < 1e-6 && std::abs(std::abs(lon1) - 180) < 1e-6;
    return on_meridian || (lat0 < -89.9 && lat1 < -89.9);
}

// Outlines to projected segments: wrapped to the projection's seam (a segment across it is
// dropped), long segments densified so parallels curve, then projected in one PROJ call.
void add_outline(const Projection& projection, const Ring& ring, std::vector<float>& out) {
    std::vector<double> x, y;
    for (std::size_t i = 1; i < ring.lon.size(); ++i) {
        const double lon0 = ring.lon[i - 1], lat0 = ring.lat[i - 1];
        const double lon1 = ring.lon[i], lat1 = ring.lat[i];
        if (artificial_edge(lon0, lat0, lon1, lat1)) {
            continue;
        }
        const double w0 = projection.wrap_longitude(lon0);
        const double w1 = projection.wrap_longitude(lon1);
        if (std::abs(w1 - w0) > 180) {
            continue; // crosses the seam
        }
        const int pieces = std::max(1, static_cast<int>(std::hypot(w1 - w0, lat1 - lat0) / 1.0));
        for (int k = 0; k < pieces; ++k) {
            const double t0 = static_cast<double>(k) / pieces;
            const double t1 = static_cast<double>(k + 1) / pieces;
            x.push_back(w0 + (w1 - w0) * t0);
            y.push_back(lat0 + (lat1 - lat0) * t0);
            x.push_back(w0 + (w1 - w0) * t1);
            y.push_back(lat0 + (lat1 - lat0) * t1);
        }
    }
    projection.forward_many(x.data(), y.data(), x.size());
    for (std::size_t i = 0; i + 1 < x.size(); i += 2) {
        if (std::isfinite(x[i]) && std::isfinite(y[i]) && std::isfinite(x[i + 1]) &&
            std::isfinite(y[i + 1])) {
            out.insert(out.end(), {static_cast<float>(x[i]), static_cast<float>(y[i]),
                                   static_cast<float>(x[i + 1]), static_cast<float>(y[i + 1])});
        }
    }
}

void collect_rings(const TopoFeature& feature, std::vector<const Ring*>& rings) {
    for (const auto& polygon : feature.polygons) {
        for (const auto& ring : polygon.rings) {
            rings.push_back(&ring);
        }
    }
}

// The lon/lat strips a polygon is cut into so that each lies on one side of the seam, with
// the shift that moves it there.
struct Strip {
    double west, east, shift;
};
// world-atlas keeps the sphere's topology: a ring crossing the antimeridian jumps from 180
// to -180 (Fiji, Chukotka), and Antarctica's ring goes round the pole. Planar clipping needs
// continuous rings, so each is unwrapped (longitudes may leave -180..180) and a ring round a
// pole is closed along that pole's parallel.
void unwrap_ring(Ring& ring) {
    auto& lon = ring.lon;
    auto& lat = ring.lat;
    const std::size_t n = lon.size();
    if (n < 4) {
        return;
    }
    double offset = 0;
    double previous = lon[0];
    for (std::size_t i = 1; i < n; ++i) {
        const double x = lon[i];
        if (x - previous > 180) {
            offset -= 360;
        } else if (previous - x > 180) {
            offset += 360;
        }
        previous = x;
        lon[i] = x + offset;
    }
    if (std::abs(lon.back() - lon.front()) > 180) {
        // Round a pole: continue along the pole to the start's longitude.
        const double pole = std::accumulate(lat.begin(), lat.end(), 0.0) < 0 ? -90.0 : 90.0;
        lon.back() = lon[n - 2];
        lat.back() = lat[n - 2];
        lon.push_back(lon.back());
        lat.push_back(pole);
        lon.push_back(lon.front());
        lat.push_back(pole);
        lon.push_back(lon.front());
        lat.push_back(lat.front());
    }
}

// The feature's polygons, unwrapped, as one GEOS MultiPolygon (null when it has none).
Geos::Ptr to_geos(const Geos& geos, const TopoFeature& feature) {
    std::vector<GEOSGeometry*> polygons;
    for (const auto& polygon : feature.polygons) {
        std::vector<GEOSGeometry*> rings;
        for (Ring ring : polygon.rings) {
            unwrap_ring(ring);
            GEOSCoordSequence* seq =
                GEOSCoordSeq_copyFromArrays_r(geos.get(), ring.lon.data(), ring.lat.data(), nullptr,
                                              nullptr, static_cast<unsigned int>(ring.lon.size()));
            if (GEOSGeometry* r =
                    seq != nullptr ? GEOSGeom_createLinearRing_r(geos.get(), seq) : nullptr) {
                rings.push_back(r);
            }
        }
        if (rings.empty()) {
            continue;
        }
        if (GEOSGeometry* p = GEOSGeom_createPolygon_r(
                geos.get(), rings[0], rings.size() > 1 ? &rings[1] : nullptr,
                static_cast<unsigned int>(rings.size() - 1))) {
            polygons.push_back(p);
        }
    }
    if (polygons.empty()) {
        return geos.own(nullptr);
    }
    return geos.own(GEOSGeom_createCollection_r(geos.get(), GEOS_MULTIPOLYGON, polygons.data(),
                                                static_cast<unsigned int>(polygons.size())));
}

// The strips of longitude a polygon is cut into, each moved by whole turns onto
// [lon_0 - 180, lon_0 + 180]: unwrapped rings reach up to a turn beyond -180..180.
std::vector<Strip> seam_strips(const Projection& projection) {
    std::vector<Strip> strips;
    for (int turn = -1; turn <= 1; ++turn) {
        const double west = projection.lon_0() - 180 + 360.0 * turn;
        strips.push_back({west, west + 360, -360.0 * turn});
    }
    return strips;
}

// GLU's tessellator (SGI's, in Mesa's libGLU): robust for holes, touching rings and the
// self-intersections clipping can leave, and fast (GEOS' constrained Delaunay took seconds
// on the 1:10m land and dropped parts it could not handle). CPU only; no GL context needed.
class Tessellator {
  public:
    explicit Tessellator(std::vector<float>& out) : out_(out), tess_(gluNewTess()) {
        using Callback = void(GLAPIENTRY*)();
        gluTessCallback(tess_, GLU_TESS_VERTEX_DATA, reinterpret_cast<Callback>(&on_vertex));
        gluTessCallback(tess_, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Callback>(&on_edge_flag));
        gluTessCallback(tess_, GLU_TESS_COMBINE_DATA, reinterpret_cast<Callback>(&on_combine));
        gluTessCallback(tess_, GLU_TESS_ERROR_DATA, reinterpret_cast<Callback>(&on_error));
        gluTessProperty(tess_, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
        gluTessNormal(tess_, 0, 0, 1);
    }
    ~Tessellator() { gluDeleteTess(tess_); }
    Tessellator(const Tessellator&) = delete;
    Tessellator& operator=(const Tessellator&) = delete;

    // Rings as x,y pairs; the first is the exterior, the rest holes (odd winding: any order).
    void polygon(const std::vector<std::vector<double>>& rings) {
        vertices_.clear();
        gluTessBeginPolygon(tess_, this);
        for (const auto& ring : rings) {
            if (ring.size() < 6) {
                continue;
            }
            gluTessBeginContour(tess_);
            for (std::size_t k = 0; k + 1 < ring.size(); k += 2) {
                auto& v = vertices_.emplace_back();
                v = {ring[k], ring[k + 1], 0};
                gluTessVertex(tess_, v.data(), v.data());
            }
            gluTessEndContour(tess_);
        }
        gluTessEndPolygon(tess_);
    }

  private:
    static void GLAPIENTRY on_vertex(void* vertex, void* self) {
        const auto* v = static_cast<const GLdouble*>(vertex);
        auto* t = static_cast<Tessellator*>(self);
        t->out_.push_back(static_cast<float>(v[0]));
        t->out_.push_back(static_cast<float>(v[1]));
    }
    // Having an edge-flag callback makes GLU emit plain triangles (no fans or strips).
    static void GLAPIENTRY on_edge_flag(GLboolean, void*) {}
    static void GLAPIENTRY on_combine(GLdouble coords[3], void* [4], GLfloat[4], void** out,
                                      void* self) {
        auto* t = static_cast<Tessellator*>(self);
        auto& v = t->vertices_.emplace_back();
        v = {coords[0], coords[1], 0};
        *out = v.data();
    }
    static void GLAPIENTRY on_error(GLenum, void*) {}

    std::vector<float>& out_;
    GLUtesselator* tess_;
    std::deque<std::array<GLdouble, 3>> vertices_; // stable addresses while GLU holds them
};

// A ring of the clipped lon/lat polygon, shifted across the seam, densified (so parallels
// curve), projected, as x,y pairs without the closing point.
std::vector<double> project_ring(const Geos& geos, const GEOSGeometry* ring,
                                 const Projection& projection, double shift) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos.get(), ring);
    unsigned int n = 0;
    GEOSCoordSeq_getSize_r(geos.get(), seq, &n);
    std::vector<double> lon, lat;
    double plon = 0, plat = 0;
    for (unsigned int k = 0; k + 1 < n; ++k) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(geos.get(), seq, k, &x, &y);
        x += shift;
        if (k > 0) {
            const int pieces = static_cast<int>(std::hypot(x - plon, y - plat) / 1.0);
            for (int i = 1; i < pieces; ++i) {
                const double t = static_cast<double>(i) / pieces;
                lon.push_back(plon + (x - plon) * t);
                lat.push_back(plat + (y - plat) * t);
            }
        }
        lon.push_back(x);
        lat.push_back(y);
        plon = x;
        plat = y;
    }
    projection.forward_many(lon.data(), lat.data(), lon.size(), false);
    std::vector<double> xy;
    xy.reserve(lon.size() * 2);
    for (std::size_t i = 0; i < lon.size(); ++i) {
        if (std::isfinite(lon[i]) && std::isfinite(lat[i])) {
            xy.push_back(lon[i]);
            xy.push_back(lat[i]);
        }
    }
    return xy;
}

double ring_area(const std::vector<double>& xy) {
    double twice = 0;
    const std::size_t n = xy.size() / 2;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        twice += xy[j * 2] * xy[i * 2 + 1] - xy[i * 2] * xy[j * 2 + 1];
    }
    return std::abs(twice) / 2;
}

void collect_polygons(const Geos& geos, const GEOSGeometry* g,
                      std::vector<const GEOSGeometry*>& out) {
    const int type = GEOSGeomTypeId_r(geos.get(), g);
    if (type == GEOS_POLYGON) {
        out.push_back(g);
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(geos.get(), g); ++i) {
            collect_polygons(geos, GEOSGetGeometryN_r(geos.get(), g, i), out);
        }
    }
}

// GEOS' default repair ("linework": node everything, polygonize) took seconds on the 1:10m
// coasts; "structure" (shells unioned, holes subtracted) keeps every ring's area and is 10-30x
// faster there.
GEOSGeometry* make_valid(const Geos& geos, const GEOSGeometry* g) {
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(geos.get());
    GEOSMakeValidParams_setMethod_r(geos.get(), params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSGeometry* out = GEOSMakeValidWithParams_r(geos.get(), g, params);
    GEOSMakeValidParams_destroy_r(geos.get(), params);
    return out;
}

// Polygons above this many vertices are halved before GLU fills them (below).
constexpr int max_tessellated_vertices = 1500;

// GLU's tessellator walks a whole face loop each time its sweep splits a face, so one polygon
// of n vertices costs O(n^2): the 1:10m Afro-Eurasia alone took seconds. Polygons above a few
// thousand vertices are therefore halved (across their longer side, by GEOS' overlay, which
// puts the same cut points on both halves so the fill stays watertight) until they are small.
void tessellate_in_pieces(const Geos& geos, const GEOSGeometry* polygon,
                          const Projection& projection, double shift, Tessellator& tess,
                          int depth) {
    if (GEOSGetNumCoordinates_r(geos.get(), polygon) <= max_tessellated_vertices || depth >= 20) {
        std::vector<std::vector<double>> rings;
        rings.push_back(
            project_ring(geos, GEOSGetExteriorRing_r(geos.get(), polygon), projection, shift));
        const int holes = GEOSGetNumInteriorRings_r(geos.get(), polygon);
        for (int h = 0; h < holes; ++h) {
            rings.push_back(project_ring(geos, GEOSGetInteriorRingN_r(geos.get(), polygon, h),
                                         projection, shift));
        }
        tess.polygon(rings);
        return;
    }
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    GEOSGeom_getXMin_r(geos.get(), polygon, &x0);
    GEOSGeom_getXMax_r(geos.get(), polygon, &x1);
    GEOSGeom_getYMin_r(geos.get(), polygon, &y0);
    GEOSGeom_getYMax_r(geos.get(), polygon, &y1);
    const bool across_x = x1 - x0 >= y1 - y0;
    const double cut = across_x ? (x0 + x1) / 2 : (y0 + y1) / 2;
    // The rectangle reaches a degree beyond the polygon on every side but the cut, so the cut
    // is the only rectangle edge any ring meets: GEOS' rectangle clip (linear, unlike an
    // overlay) mis-assembles only rings that run along a rectangle edge, and no ring runs along
    // a cut, which lies strictly inside the box (earlier cuts became the box's sides).
    x0 -= 1, y0 -= 1, x1 += 1, y1 += 1;
    for (int half = 0; half < 2; ++half) {
        const double cx0 = across_x && half == 1 ? cut : x0, cx1 = across_x && half == 0 ? cut : x1;
        const double cy0 = !across_x && half == 1 ? cut : y0;
        const double cy1 = !across_x && half == 0 ? cut : y1;
        auto piece = geos.own(GEOSClipByRect_r(geos.get(), polygon, cx0, cy0, cx1, cy1));
        if (!piece) {
            continue;
        }
        std::vector<const GEOSGeometry*> parts;
        collect_polygons(geos, piece.get(), parts);
        for (const GEOSGeometry* part : parts) {
            tessellate_in_pieces(geos, part, projection, shift, tess, depth + 1);
        }
    }
}

// Cuts the lon/lat polygon at the seam (and the projection's latitude limit); with a
// tessellator, projects and tessellates each part, else finds the largest projected part's
// label anchor (returned).
CountryLabel fill_polygon(const Geos& geos, const Projection& projection,
                          const TopoFeature& feature, Tessellator* tess) {
    CountryLabel label;
    auto source = to_geos(geos, feature);
    if (!source) {
        return label;
    }
    // Natural Earth has a few self-touching rings, and GEOS' clipping turns such an invalid
    // part into the whole rectangle (a strip of ocean drawn as land): a part that will be
    // clipped (at the seam, or halved for the tessellator) is repaired first. GLU fills the
    // others as they are, and a label anchor needs no repair.
    const double lat_limit = projection.max_latitude() < 90 ? projection.max_latitude() : 91.0;
    const auto strips = seam_strips(projection);
    const auto needs_clipping = [&](const GEOSGeometry* part) {
        double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
        GEOSGeom_getXMin_r(geos.get(), part, &x0);
        GEOSGeom_getXMax_r(geos.get(), part, &x1);
        GEOSGeom_getYMin_r(geos.get(), part, &y0);
        GEOSGeom_getYMax_r(geos.get(), part, &y1);
        const bool within_one = std::any_of(strips.begin(), strips.end(), [&](const Strip& s) {
            return x0 >= s.west && x1 <= s.east && y0 >= -lat_limit && y1 <= lat_limit;
        });
        return !within_one || (tess != nullptr && GEOSGetNumCoordinates_r(geos.get(), part) >
                                                      max_tessellated_vertices);
    };
    std::vector<Geos::Ptr> parts;
    std::vector<const GEOSGeometry*> source_parts;
    collect_polygons(geos, source.get(), source_parts);
    parts.reserve(source_parts.size());
    for (const GEOSGeometry* part : source_parts) {
        const bool repair = needs_clipping(part) && GEOSisValid_r(geos.get(), part) != 1;
        parts.push_back(
            geos.own(repair ? make_valid(geos, part) : GEOSGeom_clone_r(geos.get(), part)));
    }
    for (const auto& strip : seam_strips(projection)) {
        for (const auto& part : parts) {
            if (!part) {
                continue;
            }
            // Most parts lie inside one strip: they are taken whole, and the others skipped,
            // without an overlay (the 1:10m build spent most of its time there).
            double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
            GEOSGeom_getXMin_r(geos.get(), part.get(), &x0);
            GEOSGeom_getXMax_r(geos.get(), part.get(), &x1);
            GEOSGeom_getYMin_r(geos.get(), part.get(), &y0);
            GEOSGeom_getYMax_r(geos.get(), part.get(), &y1);
            if (x1 <= strip.west || x0 >= strip.east) {
                continue;
            }
            const bool inside =
                x0 >= strip.west && x1 <= strip.east && y0 >= -lat_limit && y1 <= lat_limit;
            // Otherwise a full overlay, not GEOSClipByRect: the rectangle clip mis-assembles
            // rings that run along its edge (the antimeridian), joining Chukotka to Europe.
            auto rect = geos.own(GEOSGeom_createRectangle_r(geos.get(), strip.west, -lat_limit,
                                                            strip.east, lat_limit));
            auto piece = geos.own(inside ? GEOSGeom_clone_r(geos.get(), part.get())
                                         : GEOSIntersection_r(geos.get(), part.get(), rect.get()));
            if (!piece || GEOSisEmpty_r(geos.get(), piece.get()) != 0) {
                continue;
            }
            std::vector<const GEOSGeometry*> polygons;
            collect_polygons(geos, piece.get(), polygons);
            for (const GEOSGeometry* polygon : polygons) {
                if (tess != nullptr) {
                    tessellate_in_pieces(geos, polygon, projection, strip.shift, *tess, 0);
                    continue;
                }
                const auto exterior = project_ring(geos, GEOSGetExteriorRing_r(geos.get(), polygon),
                                                   projection, strip.shift);
                const double area = exterior.size() >= 6 ? ring_area(exterior) : 0;
                if (area > label.area) {
                    auto anchor = geos.own(GEOSPointOnSurface_r(geos.get(), polygon));
                    double lon = 0, lat = 0;
                    if (anchor && GEOSGeomGetX_r(geos.get(), anchor.get(), &lon) == 1 &&
                        GEOSGeomGetY_r(geos.get(), anchor.get(), &lat) == 1) {
                        const auto p = projection.forward(lon + strip.shift, lat);
                        label.area = area;
                        label.x = p.x;
                        label.y = p.y;
                    }
                }
            }
        }
    }
    return label;
}

using Features = std::shared_future<std::shared_ptr<const std::vector<TopoFeature>>>;

void fill_land(const Projection& projection, const std::vector<TopoFeature>& land,
               std::vector<float>& triangles) {
    Geos geos;
    Tessellator tess(triangles);
    for (const auto& feature : land) {
        fill_polygon(geos, projection, feature, &tess);
    }
}

void outline_land(const Projection& projection, const std::vector<TopoFeature>& land,
                  std::vector<float>& coastlines) {
    for (const auto& feature : land) {
        std::vector<const Ring*> rings;
        collect_rings(feature, rings);
        for (const Ring* ring : rings) {
            add_outline(projection, *ring, coastlines);
        }
    }
}

void build_countries(const Projection& projection, const std::string& path,
                     std::vector<float>& borders, std::vector<CountryLabel>& labels) {
    Geos geos;
    for (const auto& feature : read_topojson(path, "countries")) {
        std::vector<const Ring*> rings;
        collect_rings(feature, rings);
        for (const Ring* ring : rings) {
            add_outline(projection, *ring, borders);
        }
        auto label = fill_polygon(geos, projection, feature, nullptr);
        if (label.area > 0 && !feature.name.empty()) {
            label.name = feature.name;
            labels.push_back(std::move(label));
        }
    }
}

double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

} // namespace

BasemapGeometry build_basemap(const Projection& projection, Detail detail,
                              const std::string& atlas_dir) {
    const auto started = std::chrono::steady_clock::now();
    BasemapGeometry out;
    const std::string scale = detail_scale(detail);
    // Two threads with their own PROJ context and GEOS handle: the land's fill (repair,
    // tessellation: the larger share) on a second one; the countries (borders, label anchors)
    // and then the coastlines, from the land the second thread has read, here. On two cores
    // the 1:10m build takes about the longer half's time, not the sum.
    std::promise<std::shared_ptr<const std::vector<TopoFeature>>> land_read;
    const Features land_features = land_read.get_future().share();
    auto land = std::async(std::launch::async, [&] {
        const double cpu = thread_cpu_seconds();
        std::shared_ptr<const std::vector<TopoFeature>> features;
        try {
            features = std::make_shared<const std::vector<TopoFeature>>(
                read_topojson(atlas_dir + "/land-" + scale + ".json", "land"));
            land_read.set_value(features);
        } catch (...) {
            land_read.set_exception(std::current_exception());
            throw;
        }
        const Projection own(projection.kind(), projection.lon_0(), projection.lat_0());
        fill_land(own, *features, out.land_triangles);
        return thread_cpu_seconds() - cpu;
    });
    std::exception_ptr countries_error;
    const double cpu = thread_cpu_seconds();
    try {
        build_countries(projection, atlas_dir + "/countries-" + scale + ".json", out.borders,
                        out.labels);
        outline_land(projection, *land_features.get(), out.coastlines);
    } catch (...) {
        countries_error = std::current_exception();
    }
    const double countries_cpu = thread_cpu_seconds() - cpu;
    // The land's error first, as when the files were read one after the other.
    out.critical_cpu_seconds = std::max(land.get(), countries_cpu);
    if (countries_error) {
        std::rethrow_exception(countries_error);
    }
    out.build_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
}

} // namespace eventmap::render
