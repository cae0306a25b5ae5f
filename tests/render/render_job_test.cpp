// Headless renders through EGL (no display): pixel probes where PROJ puts the events, the
// overlays, a GeoTIFF read back with GDAL, the antimeridian, animations and bad input.
#include "common/error.hpp"
#include "render/map_view.hpp"
#include "render/png_probe.hpp"
#include "render/render_job.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <gif_lib.h>
#include <iterator>
#include <map>
#include <memory>
#include <ogr_spatialref.h>

using namespace eventmap;
using eventmap::test::fixture;
using eventmap::test::read_png;
using eventmap::test::scratch_dir;

namespace {

constexpr std::array<int, 3> rose = {0xCC, 0x66, 0x77}; // first type slot (Tol muted)

render::RenderJob damascus_job(const std::string& output) {
    render::RenderJob job;
    job.source = fixture("mapdata/events.geojson");
    job.output = output;
    job.width = 800;
    job.height = 500;
    job.view.kind = render::ViewSpec::Kind::bbox;
    job.view.bbox = {30, 28, 42, 38}; // the Levant
    job.options.title = "Probe";
    job.settings.gazetteer_index = "-";
    return job;
}

// The text chunks of a PNG as "tEXt key" / "iTXt key" -> text (iTXt uncompressed, no
// language tag), read from the file's bytes.
std::map<std::string, std::string> png_text_chunks(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::map<std::string, std::string> out;
    const auto u32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            v = (v << 8) | static_cast<unsigned char>(bytes[at + k]);
        }
        return v;
    };
    for (std::size_t at = 8; at + 12 <= bytes.size();) {
        const std::size_t n = u32(at);
        const std::string type = bytes.substr(at + 4, 4);
        const std::string data = bytes.substr(at + 8, n);
        const std::size_t nul = data.find('\0');
        if (type == "tEXt" && nul != std::string::npos) {
            out["tEXt " + data.substr(0, nul)] = data.substr(nul + 1);
        } else if (type == "iTXt" && nul != std::string::npos) {
            // key NUL flag method language NUL translated-key NUL text
            const std::size_t lang_end = data.find('\0', nul + 3);
            const std::size_t tkey_end = data.find('\0', lang_end + 1);
            out["iTXt " + data.substr(0, nul)] = data.substr(tkey_end + 1);
        }
        at += 12 + n;
    }
    return out;
}

// A small weekly animation of the Levant job: 21 Aug .. 30 Sep 2013 gives 6 frames.
render::RenderJob weekly_animation_job(const std::string& output) {
    auto job = damascus_job(output);
    job.width = 320;
    job.height = 200;
    job.animation.enabled = true;
    job.animation.unit = render::StepUnit::week;
    job.animation.step = 1;
    return job;
}

// Where the job's projection puts a point (the bbox view of web-mercator centred on 0).
std::pair<double, double> pixel_of(const render::RenderJob& job, double lon, double lat) {
    const render::Projection p(render::ProjectionKind::web_mercator, 0);
    const auto view = render::fit_view(p, job.view.bbox, job.width, job.height, 0.0);
    const auto xy = p.forward(lon, lat);
    return {view.pixel_x(xy.x), view.pixel_y(xy.y)};
}

// The raster GDAL reads at `path` (a GeoTIFF, or a PNG with its world file).
std::unique_ptr<GDALDataset> open_raster(const std::string& path) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    return ds;
}

// The geotransform GDAL reads from `ds`, checked to be the corner and pixel size of the 800 x
// 500 web-mercator view the job asked for.
std::array<double, 6> require_view_geotransform(GDALDataset& ds, const render::RenderJob& job) {
    std::array<double, 6> gt{};
    REQUIRE(ds.GetGeoTransform(gt.data()) == CE_None);
    const render::Projection p(render::ProjectionKind::web_mercator, 0);
    const auto view = render::fit_view(p, job.view.bbox, 800, 500, 0.0);
    CHECK(gt[0] == Approx(view.left()));
    CHECK(gt[3] == Approx(view.top()));
    CHECK(gt[1] == Approx(view.metres_per_pixel));
    CHECK(gt[5] == Approx(-view.metres_per_pixel));
    return gt;
}

} // namespace

TEST_CASE("a marker is drawn where PROJ puts Damascus, in its type's colour", "[render]") {
    const auto dir = scratch_dir("render_damascus");
    auto job = damascus_job(dir + "/map.png");
    job.to = "2013-08-21"; // only the Damascus assault
    const auto result = render::run_render_job(job);
    CHECK(result.events_total == 5);
    CHECK(result.events_shown == 1);
    const auto png = read_png(job.output);
    CHECK(png.width == 800);
    CHECK(png.height == 500);
    const auto [x, y] = pixel_of(job, 36.2913, 33.5138);
    CHECK(png.count(static_cast<int>(x) - 2, static_cast<int>(y) - 2, static_cast<int>(x) + 3,
                    static_cast<int>(y) + 3, rose, 24) >= 9);
}

TEST_CASE("no marker where the time window excludes the event", "[render]") {
    const auto dir = scratch_dir("render_window");
    auto job = damascus_job(dir + "/map.png");
    job.from = "2013-09-01";
    job.to = "2013-09-30";
    render::run_render_job(job);
    const auto png = read_png(job.output);
    const auto [x, y] = pixel_of(job, 36.2913, 33.5138);
    CHECK(png.count(static_cast<int>(x) - 6, static_cast<int>(y) - 6, static_cast<int>(x) + 7,
                    static_cast<int>(y) + 7, rose, 24) == 0);
}

TEST_CASE("legend, scale bar and title are drawn", "[render]") {
    const auto dir = scratch_dir("render_overlays");
    auto job = damascus_job(dir + "/map.png");
    const auto png = (render::run_render_job(job), read_png(job.output));
    const std::array<int, 3> ink = {0x22, 0x22, 0x22};
    // Legend panel bottom left: its swatch in the first type's colour and dark text.
    CHECK(png.count(0, png.height - 220, 260, png.height, rose, 24) > 20);
    CHECK(png.count(0, png.height - 220, 260, png.height, ink, 40) > 50);
    // Scale bar bottom right: a dark bar.
    CHECK(png.count(png.width - 220, png.height - 70, png.width, png.height - 15, ink, 30) > 60);
    // Title top left.
    CHECK(png.count(0, 0, 200, 80, ink, 40) > 40);
    // With --no-legend the legend is gone.
    job.options.legend = false;
    job.output = dir + "/bare.png";
    const auto bare = (render::run_render_job(job), read_png(job.output));
    CHECK(bare.count(0, bare.height - 220, 260, bare.height, rose, 24) == 0);
}

TEST_CASE("a GeoTIFF carries the view's extent and projection", "[render]") {
    const auto dir = scratch_dir("render_geotiff");
    auto job = damascus_job(dir + "/map.tif");
    render::run_render_job(job);
    const auto ds = open_raster(job.output);
    CHECK(ds->GetRasterXSize() == 800);
    CHECK(ds->GetRasterYSize() == 500);
    CHECK(ds->GetRasterCount() == 3);
    const auto gt = require_view_geotransform(*ds, job);
    OGRSpatialReference expected;
    expected.importFromEPSG(3857);
    REQUIRE(ds->GetSpatialRef() != nullptr);
    CHECK(ds->GetSpatialRef()->IsSame(&expected));
    // The requested box lies inside the image's extent (the image keeps its aspect ratio).
    const render::Projection p(render::ProjectionKind::web_mercator, 0);
    const auto sw = p.forward(30, 28), ne = p.forward(42, 38);
    CHECK(gt[0] <= sw.x + 1);
    CHECK(gt[0] + 800 * gt[1] >= ne.x - 1);
    CHECK(gt[3] + 500 * gt[5] <= sw.y + 1);
    CHECK(gt[3] >= ne.y - 1);
}

TEST_CASE("a PNG carries its metadata in text chunks and a world file on request", "[render]") {
    const auto dir = scratch_dir("render_png_meta");
    auto job = damascus_job(dir + "/plain.png");
    render::run_render_job(job);
    CHECK_FALSE(std::filesystem::exists(dir + "/plain.pgw")); // only on request
    job.output = dir + "/map.png";
    job.world_file = true;
    render::run_render_job(job);
    REQUIRE(std::filesystem::exists(dir + "/map.pgw"));
    // GDAL reads the world file back as the image's corner geotransform.
    require_view_geotransform(*open_raster(job.output), job);
    // The text chunks: source, time range, box and projection; UTF-8 (the range's en dash)
    // in an iTXt chunk, since tEXt is Latin-1.
    const auto chunks = png_text_chunks(job.output);
    const auto item = [&](const std::string& key) {
        const auto found = chunks.find(key);
        return found == chunks.end() ? std::string() : found->second;
    };
    CHECK(item("tEXt Source") == job.source);
    CHECK(item("tEXt Title") == "Probe");
    CHECK(item("iTXt Time range") == "21 Aug 2013 \xE2\x80\x93 30 Sep 2013");
    CHECK(item("tEXt Projection") == "EPSG:3857");
    const std::string box = item("tEXt Bounding box");
    CHECK(std::count(box.begin(), box.end(), ',') == 3);
}

TEST_CASE("a Pacific set across the antimeridian is one small map, not the world", "[render]") {
    const auto dir = scratch_dir("render_pacific");
    render::RenderJob job;
    job.source = fixture("mapdata/pacific.geojson");
    job.output = dir + "/pacific.png";
    job.width = 800;
    job.height = 500;
    job.view.kind = render::ViewSpec::Kind::bbox;
    job.view.bbox = {170, -28, -165, -8}; // west > east: across 180
    job.settings.gazetteer_index = "-";
    const auto result = render::run_render_job(job);
    CHECK(result.events_shown == 3);
    CHECK_THAT(result.projection,
               Catch::Contains("lon_0=-177.5") || Catch::Contains("lon_0=182.5"));
    const auto png = read_png(job.output);
    const render::Projection p(render::ProjectionKind::web_mercator, -177.5);
    const auto view = render::fit_view(p, job.view.bbox, 800, 500, 0.0);
    // The map spans 35 degrees of longitude, not 360.
    CHECK(view.metres_per_pixel * 800 < 5.0e6);
    // Open ocean west of 180 stays water (the seam's land strips must not flood it).
    const auto ocean = p.forward(174.0, -20.0); // between Vanuatu and Fiji
    CHECK(png.count(static_cast<int>(view.pixel_x(ocean.x)) - 3,
                    static_cast<int>(view.pixel_y(ocean.y)) - 3,
                    static_cast<int>(view.pixel_x(ocean.x)) + 4,
                    static_cast<int>(view.pixel_y(ocean.y)) + 4, {0xd6, 0xe6, 0xef}, 6) == 49);
    const std::array<int, 3> protest = rose; // the most frequent type takes the first slot
    for (const auto& [lon, lat] : {std::pair{178.44, -18.14}, std::pair{-171.77, -13.83}}) {
        const auto xy = p.forward(lon, lat);
        const int x = static_cast<int>(view.pixel_x(xy.x)),
                  y = static_cast<int>(view.pixel_y(xy.y));
        INFO(lon << "," << lat << " at " << x << "," << y);
        CHECK(png.count(x - 2, y - 2, x + 3, y + 3, protest, 24) >= 9);
    }
}

TEST_CASE("an animation over the data's dates writes one GIF frame per step", "[render]") {
    const auto dir = scratch_dir("render_gif");
    const auto job = weekly_animation_job(dir + "/anim.gif");
    const auto result = render::run_render_job(job);
    // 21 Aug .. 30 Sep 2013 in weeks: 6 frames.
    CHECK(result.frames == 6);
    int error = 0;
    GifFileType* gif = DGifOpenFileName(job.output.c_str(), &error);
    REQUIRE(gif != nullptr);
    REQUIRE(DGifSlurp(gif) == GIF_OK);
    CHECK(gif->ImageCount == 6);
    CHECK(gif->SWidth == 320);
    DGifCloseFile(gif, &error);
}

TEST_CASE("event types are matched in any case, and a type not in the data is an error",
          "[render][cli]") {
    const auto dir = scratch_dir("render_types");
    const std::string source = fixture("mapdata/events.geojson");
    const auto shown = [&](const std::string& types) {
        const auto r = test::run_eventmap("render '" + source + "' -o " + dir +
                                          "/map.png --size 320x200 --index - " + types);
        const std::string said = r.out + r.err; // "... (320x200): N of M events shown"
        INFO(said);
        REQUIRE(r.exit_code == 0);
        const auto at = said.find(" of ");
        REQUIRE(at != std::string::npos);
        return std::stoi(said.substr(said.rfind(' ', at - 1) + 1));
    };
    const int all = shown("");
    const int one = shown("--type ASSAULT");
    REQUIRE(one > 0);
    REQUIRE(one < all);
    CHECK(shown("--type assault") == one);
    const int two = shown("--type ASSAULT --type CONSULT");
    CHECK(two > one);
    CHECK(shown("--type ASSAULT,consult") == two); // a comma list is the same as repeating
    const auto r =
        test::run_eventmap("render '" + source + "' -o " + dir + "/none.png --type NO_SUCH_TYPE");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("NO_SUCH_TYPE") && Catch::Contains("ASSAULT"));
    CHECK_FALSE(std::filesystem::exists(dir + "/none.png"));
}

TEST_CASE("the type filter (--type) keeps a type's colour on the map and in the legend",
          "[render][cli]") {
    // The fixture's fourth type by count (ties in file order) is the Washington event: Paul
    // Tol's green, the fourth colour, with or without a filter that keeps it (a filter used
    // to give the first kept type the first colour, rose).
    const auto dir = scratch_dir("render_type_colour");
    const std::string source = fixture("mapdata/events.geojson");
    const auto draw = [&](const std::string& name, const std::string& args) {
        const auto r = test::run_eventmap("render '" + source + "' -o " + dir + "/" + name +
                                          " --size 320x200 --index - --bbox -80,36,-74,41 " + args);
        INFO(r.out + r.err);
        REQUIRE(r.exit_code == 0);
        return read_png(dir + "/" + name);
    };
    const auto all = draw("all.png", "");
    const auto one = draw("one.png", "--type threaten");
    render::RenderJob job;
    job.width = 320;
    job.height = 200;
    job.view.bbox = {-80, 36, -74, 41};
    const auto [x, y] = pixel_of(job, -77.0365, 38.8977);
    const std::array<int, 3> green = {0x11, 0x77, 0x33};
    for (const auto* png : {&all, &one}) {
        CHECK(png->count(static_cast<int>(x) - 2, static_cast<int>(y) - 2, static_cast<int>(x) + 3,
                         static_cast<int>(y) + 3, green, 24) >= 9);
        // The legend's swatch (lower left) in the same green; no rose anywhere.
        CHECK(png->count(0, 100, 120, 200, green, 24) >= 9);
        CHECK(png->count(0, 0, 320, 200, rose, 24) == 0);
    }
    // Only the Washington event is in view either way: the same picture to the pixel.
    int differing = 0;
    for (int j = 0; j < 200; ++j) {
        for (int i = 0; i < 320; ++i) {
            differing += all.at(i, j) != one.at(i, j) ? 1 : 0;
        }
    }
    CHECK(differing == 0);
}

TEST_CASE("the events shown are those in the view, window and types", "[render][cli]") {
    const auto dir = scratch_dir("render_shown");
    const std::string source = fixture("mapdata/events.geojson");
    const auto run = [&](const std::string& args) {
        const auto r = test::run_eventmap("render '" + source + "' -o " + dir +
                                          "/map.png --size 320x200 --index - " + args);
        REQUIRE(r.exit_code == 0);
        return r.out + r.err;
    };
    // The fixture's events lie in the Levant: a box over the Andes shows none, and says so.
    const auto andes = run("--bbox -80,-50,-60,-30");
    CHECK_THAT(andes, Catch::Contains(" 0 of 5 events shown"));
    CHECK_THAT(andes, Catch::Contains("warning: no event falls in the view"));
    // Damascus twice and one more in Syria; Geneva and Washington are outside.
    CHECK_THAT(run("--bbox 30,28,42,38"), Catch::Contains(" 3 of 5 events shown"));
    CHECK_THAT(run(""), Catch::Contains(" 5 of 5 events shown"));
}

TEST_CASE("bad sizes, boxes and formats are refused before anything is written", "[render]") {
    const auto dir = scratch_dir("render_bad");
    auto job = damascus_job(dir + "/map.png");
    job.width = 0;
    CHECK_THROWS_AS(render::run_render_job(job), InputError);
    job.width = job.height = 100000;
    CHECK_THROWS_WITH(render::run_render_job(job), Catch::Contains("--size"));
    job.width = 800;
    job.height = 500;
    CHECK_THROWS_WITH(render::parse_bbox("170,10,200,20"), Catch::Contains("outside the world"));
    CHECK_THROWS_WITH(render::parse_bbox("1,2,3"), Catch::Contains("W,S,E,N"));
    job.output = dir + "/map.bmp";
    CHECK_THROWS_WITH(render::run_render_job(job), Catch::Contains(".png"));
    job.output = dir + "/map.png";
    job.source = fixture("mapdata/no_date.geojson");
    CHECK_THROWS_AS(render::run_render_job(job), InputError);
    CHECK_FALSE(std::filesystem::exists(job.output));
    CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("eventmap render exits non-zero with a message for bad input", "[render][cli]") {
    const auto dir = scratch_dir("render_cli");
    const std::string source = fixture("mapdata/events.geojson");
    auto r = test::run_eventmap("render '" + source + "' -o " + dir + "/a.png --size 0x0");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("--size"));
    r = test::run_eventmap("render '" + source + "' -o " + dir + "/a.png --size 100000x100000");
    CHECK(r.exit_code == 3);
    r = test::run_eventmap("render '" + source + "' -o " + dir + "/a.png --bbox 10,95,20,99");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("outside the world"));
    r = test::run_eventmap("render '" + fixture("mapdata/corrupt.geojson") + "' -o " + dir +
                           "/a.png");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("corrupt.geojson"));
    CHECK_FALSE(std::filesystem::exists(dir + "/a.png"));
    r = test::run_eventmap("render '" + source + "' -o " + dir + "/ok.png --size 400x300 -q");
    CHECK(r.exit_code == 0);
    CHECK(std::filesystem::exists(dir + "/ok.png"));
}

TEST_CASE("without OpenGL eventmap render says what is missing and exits 1", "[render][cli]") {
    const auto dir = scratch_dir("render_no_gl");
    // glvnd finds no EGL vendor library: as on a machine without Mesa's EGL.
    ::setenv("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent/vendor.json", 1);
    const auto r = test::run_eventmap("render '" + fixture("mapdata/events.geojson") + "' -o " +
                                      dir + "/map.png");
    ::unsetenv("__EGL_VENDOR_LIBRARY_FILENAMES");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("no OpenGL"));
    CHECK_THAT(r.err, Catch::Contains("libegl-mesa0"));
    CHECK_FALSE(std::filesystem::exists(dir + "/map.png"));
}

TEST_CASE("overlays are laid out in the area the viewer's panels leave free", "[render]") {
    const auto dir = scratch_dir("render_insets");
    auto job = damascus_job(dir + "/map.png");
    // A 300 px side panel on the left and a 120 px timeline at the bottom cover the map.
    job.options.overlay_insets = {300, 0, 0, 120};
    const auto png = (render::run_render_job(job), read_png(job.output));
    const std::array<int, 3> ink = {0x22, 0x22, 0x22};
    // Nothing of the legend or title under the panels...
    CHECK(png.count(0, 0, 300, png.height, rose, 24) == 0);
    CHECK(png.count(0, png.height - 120, png.width, png.height, ink, 40) == 0);
    // ...and both right of the side panel, the legend above the timeline.
    CHECK(png.count(300, png.height - 340, 560, png.height - 120, rose, 24) > 20);
    CHECK(png.count(300, 0, 500, 80, ink, 40) > 40);
}

namespace {

// A stand-in for ffmpeg on PATH: it records its arguments and copies its input to the last
// one, or fails when asked to; the real encoder is not needed to check how it is started.
std::string fake_ffmpeg(const std::string& dir, bool fail) {
    const std::string script = dir + "/ffmpeg";
    std::ofstream out(script);
    out << "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" << dir << "/args.txt'\n";
    out << (fail ? "cat > /dev/null; exit 1\n" : "for a; do last=\"$a\"; done\ncat > \"$last\"\n");
    out.close();
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    return dir;
}

// Puts a folder first on PATH for one scope.
class PathPrefix {
  public:
    explicit PathPrefix(const std::string& dir) : old_(std::getenv("PATH")) {
        ::setenv("PATH", (dir + ":" + old_).c_str(), 1);
    }
    PathPrefix(const PathPrefix&) = delete;
    PathPrefix& operator=(const PathPrefix&) = delete;
    ~PathPrefix() { ::setenv("PATH", old_.c_str(), 1); }

  private:
    std::string old_;
};

} // namespace

TEST_CASE("MP4 frames go to ffmpeg as arguments, never through a shell", "[render]") {
    const auto dir = scratch_dir("render_mp4");
    const PathPrefix path(fake_ffmpeg(dir, false));
    // A quote and a semicolon in the name: through a shell this would run `touch` in the
    // working folder.
    std::filesystem::remove("pwned");
    const std::string output = dir + "/a'; touch pwned; 'b.mp4";
    const auto job = weekly_animation_job(output);
    const auto result = render::run_render_job(job);
    CHECK(result.frames == 6);
    CHECK_FALSE(std::filesystem::exists("pwned"));
    REQUIRE(std::filesystem::exists(output));
    CHECK(std::filesystem::file_size(output) ==
          std::uintmax_t{6} * 320 * 200 * 4); // the raw frames
    CHECK(test::read_file(dir + "/args.txt").find("320x200\n") != std::string::npos);
}

TEST_CASE("an MP4 is encoded by the installed ffmpeg and reads back as video", "[render]") {
    // scripts/setup installs ffmpeg; a machine without it shows this test as skipped.
    if (test::run_command("command -v ffmpeg && command -v ffprobe").exit_code != 0) {
        test::mark_skipped("ffmpeg/ffprobe are not installed (scripts/setup installs them)");
        return;
    }
    const auto dir = scratch_dir("render_mp4_real");
    const auto job = weekly_animation_job(dir + "/clip.mp4");
    CHECK(render::run_render_job(job).frames == 6);
    const auto probe =
        test::run_command("ffprobe -v error -select_streams v:0 -count_frames -show_entries "
                          "stream=codec_name,width,height,nb_read_frames -of default=nw=1 '" +
                          dir + "/clip.mp4'");
    REQUIRE(probe.exit_code == 0);
    CHECK_THAT(probe.out, Catch::Contains("codec_name=h264") && Catch::Contains("width=320") &&
                              Catch::Contains("height=200") && Catch::Contains("nb_read_frames=6"));
}

TEST_CASE("an MP4 whose encoder fails leaves no file and says so", "[render]") {
    const auto dir = scratch_dir("render_mp4_fail");
    const PathPrefix path(fake_ffmpeg(dir, true));
    const auto job = weekly_animation_job(dir + "/clip.mp4");
    CHECK_THROWS_WITH(render::run_render_job(job), Catch::Contains("ffmpeg failed"));
    CHECK_FALSE(std::filesystem::exists(dir + "/clip.mp4"));
}

TEST_CASE("an MP4 without ffmpeg installed is a clear error and no file", "[render]") {
    const auto dir = scratch_dir("render_mp4_missing");
    // PATH holds only an empty folder: no ffmpeg to be found, whatever the machine has.
    const std::string old = std::getenv("PATH");
    ::setenv("PATH", dir.c_str(), 1);
    const auto job = weekly_animation_job(dir + "/clip.mp4");
    CHECK_THROWS_WITH(render::run_render_job(job),
                      Catch::Contains("needs ffmpeg") && Catch::Contains(".gif"));
    ::setenv("PATH", old.c_str(), 1);
    CHECK_FALSE(std::filesystem::exists(dir + "/clip.mp4"));
}

TEST_CASE("fitting one event stops at town scale, not street level", "[render]") {
    const auto dir = scratch_dir("render_fit_one");
    const std::string source = dir + "/one.geojson";
    std::ofstream(source) << R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                             R"("geometry":{"type":"Point","coordinates":[36.3,33.5]},)"
                             R"("properties":{"date":"2020-01-01","event":"ASSAULT"}}]})";
    auto job = damascus_job(dir + "/map.png");
    job.source = source;
    job.view.kind = render::ViewSpec::Kind::fit;
    const auto wide = render::run_render_job(job).bounds;
    // Zoom 12 at 800 px: about 0.27 degrees of longitude across (a town and its neighbours);
    // the old street-level fit showed 0.04.
    CHECK(wide.east - wide.west > 0.25);
    CHECK(wide.east - wide.west < 0.3);
    CHECK(wide.west < 36.3);
    CHECK(wide.east > 36.3);
    // At scale 2 the same area is drawn with twice the pixels.
    job.width *= 2;
    job.height *= 2;
    job.scale = 2;
    const auto sharp = render::run_render_job(job).bounds;
    CHECK(sharp.east - sharp.west == Approx(wide.east - wide.west).epsilon(0.01));
}
