#include "render/image_writers.hpp"

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "common/gdal.hpp"
#include "render/render_error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <gif_lib.h>
#include <png.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace eventmap::render {

namespace {

// A stream over a duplicate of the AtomicFile's descriptor: closing the stream leaves the
// AtomicFile's own descriptor open for its fsync in commit().
std::FILE* open_stream(AtomicFile& file, const std::string& path) {
    const int fd = ::dup(file.create_temp());
    std::FILE* stream = fd >= 0 ? ::fdopen(fd, "wb") : nullptr;
    if (stream == nullptr) {
        if (fd >= 0) {
            ::close(fd);
        }
        throw OutputError(std::string("cannot write: ") + std::strerror(errno), path);
    }
    return stream;
}

} // namespace

namespace {

// ---- PNG ------------------------------------------------------------------------------------

class PngWriter final : public RowWriter {
  public:
    PngWriter(const std::string& path, int width, int height, const Metadata& metadata)
        : path_(path), temp_(path), width_(width) {
        file_ = open_stream(temp_, path);
        png_ = png_create_write_struct(PNG_LIBPNG_VER_STRING, this, on_error, on_warning);
        info_ = png_create_info_struct(png_);
        // NOLINTNEXTLINE(cert-err52-cpp): libpng reports its errors only by longjmp to here
        if (setjmp(png_jmpbuf(png_))) {
            throw OutputError("libpng failed: " + message_, path_);
        }
        png_init_io(png_, file_);
        png_set_compression_level(png_, 3); // speed over a few percent of size
        png_set_IHDR(png_, info_, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height),
                     8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                     PNG_FILTER_TYPE_DEFAULT);
        std::vector<png_text> texts;
        for (const auto& [key, value] : metadata) {
            png_text t{};
            // tEXt holds Latin-1 only; UTF-8 (a title in Arabic, the time range's en dash)
            // goes in an iTXt chunk, which readers decode as UTF-8.
            const bool ascii = std::all_of(value.begin(), value.end(), [](char c) {
                return static_cast<unsigned char>(c) < 0x80;
            });
            t.compression = ascii ? PNG_TEXT_COMPRESSION_NONE : PNG_ITXT_COMPRESSION_NONE;
            t.key = const_cast<char*>(key.c_str());
            t.text = const_cast<char*>(value.c_str());
            texts.push_back(t);
        }
        png_set_text(png_, info_, texts.data(), static_cast<int>(texts.size()));
        png_write_info(png_, info_);
        png_set_filter(png_, 0, PNG_FILTER_SUB);
        row_.resize(static_cast<std::size_t>(width) * 3);
    }
    ~PngWriter() override {
        png_destroy_write_struct(&png_, &info_);
        if (file_ != nullptr) {
            std::fclose(file_);
        }
    }

    void write_rows(const std::uint8_t* rgba, int rows) override {
        // NOLINTNEXTLINE(cert-err52-cpp): libpng reports its errors only by longjmp to here
        if (setjmp(png_jmpbuf(png_))) {
            throw OutputError("libpng failed: " + message_, path_);
        }
        for (int r = 0; r < rows; ++r) {
            const std::uint8_t* src = rgba + static_cast<std::size_t>(r) * width_ * 4;
            for (int x = 0; x < width_; ++x) {
                std::memcpy(&row_[static_cast<std::size_t>(x) * 3],
                            src + static_cast<std::size_t>(x) * 4, 3);
            }
            png_write_row(png_, row_.data());
        }
    }

    void finish() override {
        // NOLINTNEXTLINE(cert-err52-cpp): libpng reports its errors only by longjmp to here
        if (setjmp(png_jmpbuf(png_))) {
            throw OutputError("libpng failed: " + message_, path_);
        }
        png_write_end(png_, info_);
        const bool failed = std::fflush(file_) != 0 || std::ferror(file_) != 0;
        std::fclose(file_);
        file_ = nullptr;
        if (failed) {
            throw OutputError("cannot write the image (disk full?)", path_);
        }
        temp_.commit();
    }

  private:
    static void on_error(png_structp png, png_const_charp message) {
        static_cast<PngWriter*>(png_get_error_ptr(png))->message_ = message;
        png_longjmp(png, 1);
    }
    static void on_warning(png_structp, png_const_charp) {}

    std::string path_;
    AtomicFile temp_;
    int width_;
    std::FILE* file_ = nullptr;
    png_structp png_ = nullptr;
    png_infop info_ = nullptr;
    std::vector<png_byte> row_;
    std::string message_;
};

// ---- GeoTIFF --------------------------------------------------------------------------------

class GeoTiffWriter final : public RowWriter {
  public:
    GeoTiffWriter(const std::string& path, int width, int height, const GeoTransform& transform,
                  const std::string& wkt, const Metadata& metadata)
        : path_(path), temp_(path), width_(width) {
        gdal::register_drivers();
        gdal::ErrorCapture errors;
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
        if (driver == nullptr) {
            throw RenderError("GDAL has no GTiff driver");
        }
        const char* options[] = {"COMPRESS=DEFLATE", "PHOTOMETRIC=RGB", "TILED=NO",
                                 "BIGTIFF=IF_SAFER", nullptr};
        dataset_.reset(driver->Create(temp_.temp_path().c_str(), width, height, 3, GDT_Byte,
                                      const_cast<char**>(options)));
        if (!dataset_) {
            throw OutputError("cannot write: " + errors.message(), path);
        }
        auto t = transform;
        dataset_->SetGeoTransform(t.data());
        dataset_->SetProjection(wkt.c_str());
        for (const auto& [key, value] : metadata) {
            dataset_->SetMetadataItem(key.c_str(), value.c_str());
        }
    }

    void write_rows(const std::uint8_t* rgba, int rows) override {
        int bands[] = {1, 2, 3};
        const CPLErr err = dataset_->RasterIO(
            GF_Write, 0, row_, width_, rows, const_cast<std::uint8_t*>(rgba), width_, rows,
            GDT_Byte, 3, bands, 4, static_cast<GSpacing>(width_) * 4, 1, nullptr);
        if (err != CE_None) {
            throw OutputError("cannot write GeoTIFF rows (disk full?)", path_);
        }
        row_ += rows;
    }

    void finish() override {
        dataset_.reset(); // closing flushes
        temp_.commit();
    }

  private:
    std::string path_;
    AtomicFile temp_;
    int width_;
    int row_ = 0;
    gdal::DatasetPtr dataset_;
};

// ---- GIF ------------------------------------------------------------------------------------

std::uint32_t bin_of(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    return (static_cast<std::uint32_t>(r >> 3) << 10) | (static_cast<std::uint32_t>(g >> 3) << 5) |
           (b >> 3);
}

class GifWriter final : public FrameWriter {
  public:
    GifWriter(const std::string& path, int width, int height, int fps,
              std::vector<std::uint32_t> reserved)
        : path_(path), temp_(path), width_(width), height_(height),
          delay_cs_(std::max(2, 100 / std::max(1, fps))), reserved_(std::move(reserved)) {
        int error = 0;
        // giflib owns (and closes) its descriptor: a duplicate of the AtomicFile's.
        const int fd = ::dup(temp_.create_temp());
        gif_ = fd >= 0 ? EGifOpenFileHandle(fd, &error) : nullptr;
        if (gif_ == nullptr) {
            if (fd >= 0) { // giflib keeps no descriptor it failed to open with
                ::close(fd);
            }
            throw OutputError(std::string("cannot write GIF: ") + GifErrorString(error), path);
        }
        EGifSetGifVersion(gif_, true);
        if (EGifPutScreenDesc(gif_, width, height, 8, 0, nullptr) == GIF_ERROR) {
            fail();
        }
        // NETSCAPE2.0 application extension: loop forever.
        const unsigned char app[] = "NETSCAPE2.0";
        const unsigned char loop[] = {1, 0, 0};
        if (EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
            EGifPutExtensionBlock(gif_, 11, app) == GIF_ERROR ||
            EGifPutExtensionBlock(gif_, 3, loop) == GIF_ERROR ||
            EGifPutExtensionTrailer(gif_) == GIF_ERROR) {
            fail();
        }
    }
    ~GifWriter() override {
        if (gif_ != nullptr) {
            int error = 0;
            EGifCloseFile(gif_, &error);
        }
    }

    void add_frame(const std::uint8_t* rgba) override {
        const auto palette = build_palette(rgba);
        std::vector<std::uint8_t> lut(32768);
        for (std::uint32_t bin = 0; bin < 32768; ++bin) {
            lut[bin] = nearest(palette, ((bin >> 10) & 31) * 8 + 4, ((bin >> 5) & 31) * 8 + 4,
                               (bin & 31) * 8 + 4);
        }
        ColorMapObject* map = GifMakeMapObject(256, nullptr);
        for (std::size_t i = 0; i < 256; ++i) {
            const std::uint32_t c = i < palette.size() ? palette[i] : 0;
            map->Colors[i] = {static_cast<GifByteType>(c >> 16), static_cast<GifByteType>(c >> 8),
                              static_cast<GifByteType>(c)};
        }
        GraphicsControlBlock gcb{};
        gcb.DisposalMode = DISPOSE_DO_NOT;
        gcb.DelayTime = delay_cs_;
        gcb.TransparentColor = NO_TRANSPARENT_COLOR;
        GifByteType ext[4];
        const std::size_t n = EGifGCBToExtension(&gcb, ext);
        const bool ok =
            EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(n), ext) != GIF_ERROR &&
            EGifPutImageDesc(gif_, 0, 0, width_, height_, false, map) != GIF_ERROR;
        GifFreeMapObject(map);
        if (!ok) {
            fail();
        }
        std::vector<GifPixelType> line(static_cast<std::size_t>(width_));
        for (int y = 0; y < height_; ++y) {
            const std::uint8_t* src = rgba + static_cast<std::size_t>(y) * width_ * 4;
            for (int x = 0; x < width_; ++x) {
                const std::size_t p = static_cast<std::size_t>(x) * 4;
                line[static_cast<std::size_t>(x)] = lut[bin_of(src[p], src[p + 1], src[p + 2])];
            }
            if (EGifPutLine(gif_, line.data(), width_) == GIF_ERROR) {
                fail();
            }
        }
    }

    void finish() override {
        int error = 0;
        const int result = EGifCloseFile(gif_, &error);
        gif_ = nullptr;
        if (result == GIF_ERROR) {
            throw OutputError(std::string("cannot finish GIF: ") + GifErrorString(error), path_);
        }
        temp_.commit();
    }

  private:
    [[noreturn]] void fail() {
        throw OutputError(std::string("cannot write GIF: ") + GifErrorString(gif_->Error), path_);
    }

    // The reserved map colours, then the most frequent other colours of the frame.
    std::vector<std::uint32_t> build_palette(const std::uint8_t* rgba) const {
        std::vector<std::uint32_t> counts(32768, 0);
        const std::size_t pixels = static_cast<std::size_t>(width_) * height_;
        for (std::size_t i = 0; i < pixels; ++i) {
            ++counts[bin_of(rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2])];
        }
        std::vector<std::uint32_t> palette(
            reserved_.begin(),
            reserved_.begin() +
                static_cast<std::ptrdiff_t>(std::min<std::size_t>(reserved_.size(), 128)));
        for (const auto c : palette) {
            counts[bin_of(static_cast<std::uint8_t>(c >> 16), static_cast<std::uint8_t>(c >> 8),
                          static_cast<std::uint8_t>(c))] = 0;
        }
        std::vector<std::uint32_t> bins(32768);
        for (std::uint32_t b = 0; b < 32768; ++b) {
            bins[b] = b;
        }
        const std::size_t want = 256 - palette.size();
        std::partial_sort(bins.begin(), bins.begin() + static_cast<std::ptrdiff_t>(want),
                          bins.end(),
                          [&](std::uint32_t a, std::uint32_t b) { return counts[a] > counts[b]; });
        for (std::size_t i = 0; i < want && counts[bins[i]] > 0; ++i) {
            const std::uint32_t b = bins[i];
            palette.push_back((((b >> 10) & 31) * 8 + 4) << 16 | (((b >> 5) & 31) * 8 + 4) << 8 |
                              ((b & 31) * 8 + 4));
        }
        return palette;
    }

    static std::uint8_t nearest(const std::vector<std::uint32_t>& palette, std::uint32_t r,
                                std::uint32_t g, std::uint32_t b) {
        std::size_t best = 0;
        long best_d = -1;
        for (std::size_t i = 0; i < palette.size(); ++i) {
            const long dr = static_cast<long>((palette[i] >> 16) & 255) - static_cast<long>(r);
            const long dg = static_cast<long>((palette[i] >> 8) & 255) - static_cast<long>(g);
            const long db = static_cast<long>(palette[i] & 255) - static_cast<long>(b);
            const long d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
            if (best_d < 0 || d < best_d) {
                best_d = d;
                best = i;
            }
        }
        return static_cast<std::uint8_t>(best);
    }

    std::string path_;
    AtomicFile temp_;
    int width_, height_, delay_cs_;
    std::vector<std::uint32_t> reserved_;
    GifFileType* gif_ = nullptr;
};

// ---- MP4 ------------------------------------------------------------------------------------

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string candidate = dirs.substr(start, end - start) + "/" + program;
        if (access(candidate.c_str(), X_OK) == 0) {
            return true;
        }
        start = end + 1;
    }
    return false;
}

// ffmpeg runs as a child with an argument vector (posix_spawnp), never through a shell, so no
// character of the output path (a quote, a semicolon) can change the command.
class Mp4Writer final : public FrameWriter {
  public:
    Mp4Writer(const std::string& path, int width, int height, int fps)
        : path_(path), temp_(path), bytes_(static_cast<std::size_t>(width) * height * 4) {
        const std::vector<std::string> args = {"ffmpeg",
                                               "-loglevel",
                                               "error",
                                               "-y",
                                               "-f",
                                               "rawvideo",
                                               "-pix_fmt",
                                               "rgba",
                                               "-s",
                                               std::to_string(width) + "x" + std::to_string(height),
                                               "-r",
                                               std::to_string(fps),
                                               "-i",
                                               "-",
                                               "-c:v",
                                               "libx264",
                                               "-pix_fmt",
                                               "yuv420p",
                                               "-vf",
                                               "pad=ceil(iw/2)*2:ceil(ih/2)*2",
                                               "-f",
                                               "mp4",
                                               temp_.temp_path()};
        start(args);
    }
    Mp4Writer(const Mp4Writer&) = delete;
    Mp4Writer& operator=(const Mp4Writer&) = delete;
    ~Mp4Writer() override { close_and_wait(); }
    void add_frame(const std::uint8_t* rgba) override {
        if (std::fwrite(rgba, 1, bytes_, pipe_) != bytes_) {
            throw OutputError("ffmpeg stopped reading frames", path_);
        }
    }
    void finish() override {
        if (close_and_wait() != 0) {
            throw OutputError("ffmpeg failed to encode the video", path_);
        }
        temp_.commit();
    }

  private:
    void start(const std::vector<std::string>& args) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            throw RenderError("cannot start ffmpeg for " + path_ + ": " + std::strerror(errno));
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
        std::vector<char*> argv;
        argv.reserve(args.size() + 1);
        for (const std::string& a : args) {
            argv.push_back(const_cast<char*>(a.c_str())); // posix_spawn's signature; not written
        }
        argv.push_back(nullptr);
        const int err = ::posix_spawnp(&child_, "ffmpeg", &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[0]);
        if (err != 0) {
            ::close(fds[1]);
            child_ = -1;
            throw RenderError("cannot start ffmpeg for " + path_ + ": " + std::strerror(err));
        }
        pipe_ = ::fdopen(fds[1], "w");
        if (pipe_ == nullptr) {
            ::close(fds[1]);
            close_and_wait();
            throw RenderError("cannot start ffmpeg for " + path_);
        }
    }
    // Closes ffmpeg's input (its end of stream) and waits for it; its exit status, or -1.
    int close_and_wait() {
        if (pipe_ != nullptr) {
            std::fclose(pipe_);
            pipe_ = nullptr;
        }
        if (child_ <= 0) {
            return -1;
        }
        int status = 0;
        while (::waitpid(child_, &status, 0) < 0 && errno == EINTR) {
        }
        child_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    std::string path_;
    AtomicFile temp_;
    std::size_t bytes_;
    std::FILE* pipe_ = nullptr;
    pid_t child_ = -1;
};

} // namespace

std::unique_ptr<RowWriter> png_writer(const std::string& path, int width, int height,
                                      const Metadata& metadata) {
    return std::make_unique<PngWriter>(path, width, height, metadata);
}

std::unique_ptr<RowWriter> geotiff_writer(const std::string& path, int width, int height,
                                          const GeoTransform& transform, const std::string& wkt,
                                          const Metadata& metadata) {
    return std::make_unique<GeoTiffWriter>(path, width, height, transform, wkt, metadata);
}

void write_world_file(const std::string& image_path, const GeoTransform& t) {
    const auto dot = image_path.find_last_of('.');
    const std::string path = image_path.substr(0, dot) + ".pgw";
    // World files name the centre of the top-left pixel, GDAL's geotransform its corner.
    char text[256];
    const int n = std::snprintf(text, sizeof text, "%.10f\n%.10f\n%.10f\n%.10f\n%.10f\n%.10f\n",
                                t[1], t[4], t[2], t[5], t[0] + t[1] / 2, t[3] + t[5] / 2);
    write_file_atomically(path, std::string_view(text, static_cast<std::size_t>(std::max(n, 0))));
}

std::unique_ptr<FrameWriter> gif_writer(const std::string& path, int width, int height, int fps,
                                        const std::vector<std::uint32_t>& reserved) {
    return std::make_unique<GifWriter>(path, width, height, fps, reserved);
}

std::unique_ptr<FrameWriter> mp4_writer(const std::string& path, int width, int height, int fps) {
    if (!on_path("ffmpeg")) {
        throw RenderError("MP4 output needs ffmpeg, which is not installed (apt-get install "
                          "ffmpeg); write an animated .gif instead",
                          path);
    }
    return std::make_unique<Mp4Writer>(path, width, height, fps);
}

} // namespace eventmap::render
