#include "render/raster_basemap.hpp"

#include "common/error.hpp"
#include "common/gdal.hpp"
#include "render/render_error.hpp"

#include <cmath>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

namespace eventmap::render {

namespace {

struct WarpOptionsFree {
    void operator()(GDALWarpAppOptions* o) const noexcept { GDALWarpAppOptionsFree(o); }
};
struct TranslateOptionsFree {
    void operator()(GDALTranslateOptions* o) const noexcept { GDALTranslateOptionsFree(o); }
};

// argv for GDAL's utilities, owned by the strings it points into.
class Argv {
  public:
    explicit Argv(std::vector<std::string> args) : args_(std::move(args)) {
        for (auto& a : args_) {
            pointers_.push_back(a.data());
        }
        pointers_.push_back(nullptr);
    }
    char** get() noexcept { return pointers_.data(); }

  private:
    std::vector<std::string> args_;
    std::vector<char*> pointers_;
};

std::string number(double v) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", v);
    return text;
}

bool has_alpha(GDALDataset& ds) {
    for (int b = 1; b <= ds.GetRasterCount(); ++b) {
        if (ds.GetRasterBand(b)->GetColorInterpretation() == GCI_AlphaBand) {
            return true;
        }
    }
    return false;
}

} // namespace

RasterWindow raster_window(const MapView& view, const Tile& tile) {
    RasterWindow w;
    w.west = view.left() + tile.x * view.metres_per_pixel;
    w.east = w.west + tile.width * view.metres_per_pixel;
    w.north = view.top() - tile.y * view.metres_per_pixel;
    w.south = w.north - tile.height * view.metres_per_pixel;
    w.width = tile.width;
    w.height = tile.height;
    return w;
}

struct RasterSource::State {
    gdal::DatasetPtr file;
    gdal::DatasetPtr expanded; // a paletted raster expanded to RGBA (a VRT over `file`)
    std::string assumed_srs;   // set when the file has no CRS and is taken as lon/lat
    GDALDataset& source() const { return expanded ? *expanded : *file; }
};

RasterSource::RasterSource(const std::string& path)
    : state_(std::make_unique<State>()), path_(path) {
    gdal::register_drivers();
    gdal::ErrorCapture errors;
    state_->file.reset(
        GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
    if (!state_->file || state_->file->GetRasterCount() < 1) {
        throw InputError("cannot read the basemap raster: " + errors.message("no raster found"),
                         path);
    }
    GDALDataset& ds = *state_->file;
    double gt[6];
    if (ds.GetGeoTransform(gt) != CE_None) {
        throw InputError("the basemap raster is not georeferenced (no geotransform, world file "
                         "or tiling scheme)",
                         path);
    }
    if (ds.GetSpatialRef() == nullptr || ds.GetSpatialRef()->IsEmpty()) {
        // A world file says where the pixels are but not in which CRS: degrees are the one
        // safe guess, anything else must come with a .prj or .aux.xml.
        const double x0 = gt[0], y0 = gt[3];
        const double x1 = gt[0] + gt[1] * ds.GetRasterXSize() + gt[2] * ds.GetRasterYSize();
        const double y1 = gt[3] + gt[4] * ds.GetRasterXSize() + gt[5] * ds.GetRasterYSize();
        const auto degrees = [](double x, double y) {
            return std::abs(x) <= 180.0001 && std::abs(y) <= 90.0001;
        };
        if (!degrees(x0, y0) || !degrees(x1, y1)) {
            throw InputError("the basemap raster has no coordinate system and its extent is not "
                             "in degrees; add a .prj or .aux.xml naming its CRS",
                             path);
        }
        state_->assumed_srs = "EPSG:4326";
    }
    if (ds.GetRasterBand(1)->GetColorTable() != nullptr) {
        Argv argv({"-of", "VRT", "-expand", "rgba"});
        std::unique_ptr<GDALTranslateOptions, TranslateOptionsFree> options(
            GDALTranslateOptionsNew(argv.get(), nullptr));
        state_->expanded.reset(GDALDataset::FromHandle(
            GDALTranslate("", GDALDataset::ToHandle(&ds), options.get(), nullptr)));
        if (!state_->expanded) {
            throw InputError("cannot expand the basemap's colour table: " + errors.message(), path);
        }
    }
}

RasterSource::~RasterSource() = default;

std::vector<std::uint8_t> RasterSource::warp(const std::string& target_wkt,
                                             const RasterWindow& window) const {
    gdal::ErrorCapture errors;
    GDALDataset& source = state_->source();
    std::vector<std::string> args = {"-of",
                                     "MEM",
                                     "-t_srs",
                                     target_wkt,
                                     "-te",
                                     number(window.west),
                                     number(window.south),
                                     number(window.east),
                                     number(window.north),
                                     "-ts",
                                     std::to_string(window.width),
                                     std::to_string(window.height),
                                     "-r",
                                     "bilinear",
                                     "-wo",
                                     "NUM_THREADS=2"};
    if (!state_->assumed_srs.empty()) {
        args.insert(args.end(), {"-s_srs", state_->assumed_srs});
    }
    if (!has_alpha(source)) {
        args.emplace_back("-dstalpha"); // where the raster has no data the map shows through
    }
    Argv argv(std::move(args));
    std::unique_ptr<GDALWarpAppOptions, WarpOptionsFree> options(
        GDALWarpAppOptionsNew(argv.get(), nullptr));
    GDALDatasetH input = GDALDataset::ToHandle(&source);
    gdal::DatasetPtr out(
        GDALDataset::FromHandle(GDALWarp("", nullptr, 1, &input, options.get(), nullptr)));
    if (!out) {
        throw RenderError("GDAL cannot reproject the basemap raster: " + errors.message(), path_);
    }
    // Colour bands by interpretation where the warper kept it, else by order (red, green,
    // blue), and one grey band for all three.
    GDALRasterBand* channels[4] = {nullptr, nullptr, nullptr, nullptr};
    std::vector<GDALRasterBand*> colour;
    for (int b = 1; b <= out->GetRasterCount(); ++b) {
        GDALRasterBand* band = out->GetRasterBand(b);
        const auto interp = band->GetColorInterpretation();
        if (interp == GCI_AlphaBand) {
            channels[3] = band;
            continue;
        }
        colour.push_back(band);
        if (interp >= GCI_RedBand && interp <= GCI_BlueBand) {
            channels[interp - GCI_RedBand] = band;
        }
    }
    if (colour.empty()) {
        throw RenderError("the basemap raster has no colour band", path_);
    }
    for (int c = 0; c < 3; ++c) {
        if (channels[c] == nullptr) {
            channels[c] = colour.size() >= 3 ? colour[static_cast<std::size_t>(c)] : colour[0];
        }
    }
    const auto w = window.width, h = window.height;
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4, 255);
    for (int c = 0; c < 4; ++c) {
        if (channels[c] == nullptr) {
            continue;
        }
        if (channels[c]->RasterIO(GF_Read, 0, 0, w, h, rgba.data() + c, w, h, GDT_Byte, 4,
                                  static_cast<GSpacing>(w) * 4, nullptr) != CE_None) {
            throw RenderError("reading the reprojected basemap failed: " + errors.message(), path_);
        }
    }
    return rgba;
}

RasterLayer::RasterLayer(ShaderProgram& program, std::shared_ptr<const RasterSource> source)
    : program_(program), source_(std::move(source)), vao_(make_vertex_array()),
      texture_(make_texture()) {}

void RasterLayer::draw(const std::string& target_wkt, const RasterWindow& window) {
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_.get());
    if (!(window == last_) || target_wkt != last_wkt_) {
        const auto pixels = source_->warp(target_wkt, window);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, window.width, window.height, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, pixels.data());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        last_ = window;
        last_wkt_ = target_wkt;
    }
    program_.use();
    glUniform1i(program_.uniform("u_image"), 0);
    glBindVertexArray(vao_.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

} // namespace eventmap::render
