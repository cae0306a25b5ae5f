// --basemap: rasters written by the test (a GeoTIFF, a PNG with only a world file, an MBTiles
// file), reprojected by GDAL to the map and drawn under the events; probes where PROJ puts
// the raster's coloured halves.
#include "common/error.hpp"
#include "common/gdal.hpp"
#include "render/png_probe.hpp"
#include "render/raster_basemap.hpp"
#include "render/render_job.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <ogr_spatialref.h>

using namespace eventmap;
using eventmap::test::fixture;
using eventmap::test::read_png;
using eventmap::test::scratch_dir;

namespace {

constexpr std::array<int, 3> red = {220, 30, 30}, blue = {30, 60, 220};

// A 4326 raster over the Levant (30..42 E, 28..38 N): red west of 36 E, blue east of it.
gdal::DatasetPtr levant_raster(bool with_crs, bool with_geotransform = true) {
    gdal::register_drivers();
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    REQUIRE(mem != nullptr);
    const int w = 120, h = 100;
    gdal::DatasetPtr ds(mem->Create("", w, h, 3, GDT_Byte, nullptr));
    REQUIRE(ds);
    double gt[6] = {30.0, 0.1, 0.0, 38.0, 0.0, -0.1};
    if (with_geotransform) {
        ds->SetGeoTransform(gt);
    }
    if (with_crs) {
        OGRSpatialReference srs;
        srs.importFromEPSG(4326);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        ds->SetSpatialRef(&srs);
    }
    for (int b = 0; b < 3; ++b) {
        std::vector<std::uint8_t> band(static_cast<std::size_t>(w) * h);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const auto& c = x < 60 ? red : blue;
                band[static_cast<std::size_t>(y) * w + x] = static_cast<std::uint8_t>(c[b]);
            }
        }
        ds->GetRasterBand(b + 1)->SetColorInterpretation(
            static_cast<GDALColorInterp>(GCI_RedBand + b));
        REQUIRE(ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, w, h, band.data(), w, h,
                                                   GDT_Byte, 0, 0) == CE_None);
    }
    return ds;
}

void write_copy(GDALDataset& ds, const char* driver, const std::string& path,
                std::vector<const char*> options = {}) {
    options.push_back(nullptr);
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName(driver);
    REQUIRE(d != nullptr);
    gdal::DatasetPtr out(d->CreateCopy(path.c_str(), &ds, FALSE, const_cast<char**>(options.data()),
                                       nullptr, nullptr));
    REQUIRE(out);
}

render::RenderJob levant_job(const std::string& output, const std::string& basemap) {
    render::RenderJob job;
    job.source = fixture("mapdata/events.geojson");
    job.output = output;
    job.width = 600;
    job.height = 500;
    job.view.kind = render::ViewSpec::Kind::bbox;
    job.view.bbox = {30, 28, 42, 38};
    job.options.legend = false;
    job.options.scale_bar = false;
    job.options.attribution = false;
    job.options.north_arrow = false;
    job.options.country_labels = false;
    job.settings.gazetteer_index = "-";
    job.settings.basemap_raster = basemap;
    return job;
}

// A 9x9 probe at a lon/lat of the job's map: how many pixels have the colour.
int probe(const render::RenderJob& job, double lon, double lat, std::array<int, 3> rgb) {
    const render::Projection p(render::ProjectionKind::web_mercator, 0);
    const auto view = render::fit_view(p, job.view.bbox, job.width, job.height, 0.0);
    const auto xy = p.forward(lon, lat);
    const int x = static_cast<int>(view.pixel_x(xy.x)), y = static_cast<int>(view.pixel_y(xy.y));
    return read_png(job.output).count(x - 4, y - 4, x + 5, y + 5, rgb, 30);
}

} // namespace

TEST_CASE("a GeoTIFF basemap is reprojected under the events", "[render][raster]") {
    const auto dir = scratch_dir("render_raster_tif");
    auto ds = levant_raster(true);
    write_copy(*ds, "GTiff", dir + "/levant.tif");
    auto job = levant_job(dir + "/map.png", dir + "/levant.tif");
    render::run_render_job(job);
    // Away from borders and markers: Sinai is red, the Syrian desert blue.
    CHECK(probe(job, 33.0, 29.5, red) >= 70);
    CHECK(probe(job, 39.5, 30.5, blue) >= 70);
    CHECK(probe(job, 33.0, 29.5, blue) == 0);
    // Without --basemap the same place is Natural Earth's land colour, not red.
    job.settings.basemap_raster.clear();
    job.output = dir + "/plain.png";
    render::run_render_job(job);
    CHECK(probe(job, 33.0, 29.5, red) == 0);
}

TEST_CASE("a PNG with a world file is taken as longitude and latitude", "[render][raster]") {
    const auto dir = scratch_dir("render_raster_png");
    auto ds = levant_raster(false);
    write_copy(*ds, "PNG", dir + "/levant.png", {"WORLDFILE=YES"});
    REQUIRE(std::filesystem::exists(dir + "/levant.wld"));
    auto job = levant_job(dir + "/map.png", dir + "/levant.png");
    job.view.bbox = {25, 24, 47, 42}; // wider than the raster: water shows around it
    render::run_render_job(job);
    CHECK(probe(job, 33.0, 29.5, red) >= 70);
    CHECK(probe(job, 39.5, 30.5, blue) >= 70);
    CHECK(probe(job, 27.0, 40.5, red) == 0); // outside the raster: transparent
    CHECK(probe(job, 27.0, 40.5, blue) == 0);
}

TEST_CASE("an MBTiles basemap is read through GDAL's tiling", "[render][raster]") {
    const auto dir = scratch_dir("render_raster_mbtiles");
    auto ds = levant_raster(true);
    write_copy(*ds, "MBTiles", dir + "/levant.mbtiles", {"TILE_FORMAT=PNG"});
    auto job = levant_job(dir + "/map.png", dir + "/levant.mbtiles");
    render::run_render_job(job);
    CHECK(probe(job, 33.0, 29.5, red) >= 60);
    CHECK(probe(job, 39.5, 30.5, blue) >= 60);
}

TEST_CASE("a raster without georeferencing is refused with its name", "[render][raster]") {
    const auto dir = scratch_dir("render_raster_bad");
    auto ds = levant_raster(false, false);
    write_copy(*ds, "PNG", dir + "/plain.png"); // no world file, no .aux.xml
    CHECK_THROWS_AS(render::RasterSource(dir + "/plain.png"), InputError);
    CHECK_THROWS_WITH(render::RasterSource(dir + "/missing.tif"),
                      Catch::Contains("cannot read the basemap raster"));
    const auto r =
        eventmap::test::run_eventmap("render " + fixture("mapdata/events.geojson") + " -o " + dir +
                                     "/x.png --basemap " + dir + "/plain.png");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("not georeferenced"));
    CHECK(!std::filesystem::exists(dir + "/x.png"));
}
