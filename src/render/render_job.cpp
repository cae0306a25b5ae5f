#include "render/render_job.hpp"

#include "build_config.hpp"
#include "common/ascii.hpp"
#include "common/error.hpp"
#include "dates/calendar.hpp"
#include "mapdata/event_cache.hpp"
#include "mapdata/map_source.hpp"
#include "render/image_writers.hpp"
#include "render/offscreen_context.hpp"
#include "render/offscreen_target.hpp"
#include "render/palette.hpp"
#include "render/render_error.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <future>
#include <map>
#include <sstream>

namespace eventmap::render {

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

constexpr int max_side = 32768;
constexpr int max_frames = 2000;

enum class Format { png, geotiff, gif, mp4 };

std::string lower_extension(const std::string& path) {
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
        return {};
    }
    return ascii_lower(path.substr(dot + 1));
}

Format format_of(const std::string& path) {
    const auto ext = lower_extension(path);
    if (ext == "png") {
        return Format::png;
    }
    if (ext == "tif" || ext == "tiff") {
        return Format::geotiff;
    }
    if (ext == "gif") {
        return Format::gif;
    }
    if (ext == "mp4") {
        return Format::mp4;
    }
    throw InputError("unknown image format '." + ext + "'; use .png, .tif, .gif or .mp4", path);
}

mapdata::DayNumber parse_bound(const std::string& text, const char* what, bool last) {
    const auto parsed = mapdata::parse_date(text);
    if (!parsed) {
        throw InputError(std::string(what) + " '" + text +
                         "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    return last ? parsed->days.last : parsed->days.first;
}

mapdata::DayRange requested_window(const RenderJob& job, mapdata::DayRange data) {
    mapdata::DayRange w = data;
    if (!job.from.empty()) {
        w.first = parse_bound(job.from, "--from", false);
    }
    if (!job.to.empty()) {
        w.last = parse_bound(job.to, "--to", true);
    }
    return w;
}

// `events`: the table's event_bounds(), computed once (it sorts every longitude).
double choose_lon_0(const RenderJob& job, const mapdata::GeoBox& events) {
    if (job.view.kind == ViewSpec::Kind::center) {
        return job.projection == "local" ? job.view.lon : 0.0;
    }
    const mapdata::GeoBox box = job.view.kind == ViewSpec::Kind::bbox ? job.view.bbox : events;
    const bool crosses = box.west > box.east;
    if (crosses || job.projection == "local") {
        const double east = crosses ? box.east + 360 : box.east;
        double centre = (box.west + east) / 2;
        return centre > 180 ? centre - 360 : centre;
    }
    return 0.0; // the registered CRS (EPSG:3857, 8857) where the data allows it
}

double choose_lat_0(const RenderJob& job, const mapdata::GeoBox& events) {
    if (job.view.kind == ViewSpec::Kind::center) {
        return job.view.lat;
    }
    const auto box = job.view.kind == ViewSpec::Kind::bbox ? job.view.bbox : events;
    return (box.south + box.north) / 2;
}

MapView make_view(const RenderJob& job, const Projection& projection,
                  const mapdata::GeoBox& events) {
    switch (job.view.kind) {
    case ViewSpec::Kind::bbox:
        return fit_view(projection, job.view.bbox, job.width, job.height, 0.0);
    case ViewSpec::Kind::center:
        return center_view(projection, job.view.lat, job.view.lon, job.view.zoom, job.width,
                           job.height, job.scale);
    case ViewSpec::Kind::fit:
        break;
    }
    // Room for the title above and the legend below the events; no closer than zoom 12
    // (--center/--zoom or --bbox go closer).
    return fit_events_view(projection, events, job.width, job.height, 0.16, job.scale);
}

Metadata metadata_for(const RenderJob& job, const RenderResult& r) {
    std::ostringstream bbox;
    bbox.precision(6);
    bbox << r.bounds.west << "," << r.bounds.south << "," << r.bounds.east << "," << r.bounds.north;
    Metadata m = {{"Software", std::string("eventmap ") + build_config::version},
                  {"Source", job.source},
                  {"Time range", format_day_range(r.window)},
                  {"Bounding box", bbox.str()},
                  {"Projection", r.projection},
                  {"Events shown", std::to_string(r.events_shown)}};
    if (!job.options.title.empty()) {
        m.insert(m.begin(), {"Title", job.options.title});
    }
    return m;
}

std::vector<std::uint32_t> reserved_colors() {
    const auto hex = [](Rgba c) {
        return (static_cast<std::uint32_t>(std::lround(c.r * 255)) << 16) |
               (static_cast<std::uint32_t>(std::lround(c.g * 255)) << 8) |
               static_cast<std::uint32_t>(std::lround(c.b * 255));
    };
    std::vector<std::uint32_t> out = {
        hex(colors::water), hex(colors::land), hex(colors::border),     hex(colors::coast),
        hex(colors::text),  0xffffff,          hex(colors::muted_text), 0x1f1f24};
    for (const std::uint32_t c :
         {0xCC6677U, 0x332288U, 0xDDCC77U, 0x117733U, 0x88CCEEU, 0x882255U, 0x44AA99U, 0x999933U,
          0xAA4499U, 0x9E9E9EU, 0x56B4E9U, 0x009E73U, 0xE69F00U, 0xD55E00U}) {
        out.push_back(c);
    }
    return out;
}

// Events in the window, of the chosen types and inside the view: what draw() will count. A
// view fitted to the events holds them all; a box or centre given by the user is checked by
// projecting the events that pass the other tests.
std::uint64_t count_shown(const mapdata::EventTable& table, mapdata::DayRange window,
                          const std::vector<std::string>& types, const Projection& projection,
                          const MapView& view, bool fitted) {
    std::vector<char> wanted(table.type_names.size(), types.empty() ? 1 : 0);
    for (std::size_t t = 0; t < table.type_names.size() && !types.empty(); ++t) {
        wanted[t] = std::find(types.begin(), types.end(), table.type_names[t]) != types.end();
    }
    std::uint64_t n = 0;
    std::vector<double> x, y;
    const auto count_in_view = [&] {
        projection.forward_many(x.data(), y.data(), x.size());
        for (std::size_t k = 0; k < x.size(); ++k) {
            const double px = view.pixel_x(x[k]), py = view.pixel_y(y[k]);
            n += std::isfinite(px) && std::isfinite(py) && px >= 0 && px <= view.width && py >= 0 &&
                 py <= view.height;
        }
        x.clear();
        y.clear();
    };
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table.day_end[i] < window.first || table.day_start[i] > window.last ||
            wanted[table.type[i]] == 0) {
            continue;
        }
        if (fitted) {
            ++n;
            continue;
        }
        x.push_back(table.lon[i]);
        y.push_back(table.lat[i]);
        if (x.size() == 65536) {
            count_in_view();
        }
    }
    if (!x.empty()) {
        count_in_view();
    }
    return n;
}

// Draws the view tile by tile, a strip of rows at a time, into `sink`.
int render_tiled(MapRenderer& renderer, const MapView& view, const MapOptions& options,
                 RowWriter& sink) {
    // One tile when the image fits the GPU; beyond that 2048 px tiles, so the strip of rows
    // waiting for the file (width x 2048 x 4 bytes) and the multisampled target stay small:
    // a 16384 px wide image holds 128 MiB of strip instead of 256 MiB with 4096 px tiles.
    const int max_tile = max_tile_size();
    const int tile =
        view.width <= max_tile && view.height <= max_tile ? max_tile : std::min(max_tile, 2048);
    std::map<std::pair<int, int>, std::unique_ptr<OffscreenTarget>> targets;
    std::vector<std::uint8_t> strip, pixels;
    int tiles = 0;
    for (int y = 0; y < view.height; y += tile) {
        const int th = std::min(tile, view.height - y);
        strip.assign(static_cast<std::size_t>(view.width) * th * 4, 0);
        for (int x = 0; x < view.width; x += tile) {
            const int tw = std::min(tile, view.width - x);
            auto& target = targets[{tw, th}];
            if (!target) {
                target = std::make_unique<OffscreenTarget>(tw, th);
            }
            target->bind();
            renderer.draw(view, options, {x, y, tw, th});
            pixels.resize(static_cast<std::size_t>(tw) * th * 4);
            target->read(pixels.data());
            for (int r = 0; r < th; ++r) {
                std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(r) * tw * 4, tw * 4,
                            strip.begin() + (static_cast<std::ptrdiff_t>(r) * view.width + x) * 4);
            }
            ++tiles;
        }
        sink.write_rows(strip.data(), th);
    }
    sink.finish();
    return tiles;
}

mapdata::DayNumber add_step(mapdata::DayNumber day, StepUnit unit, int n) {
    switch (unit) {
    case StepUnit::day:
        return day + n;
    case StepUnit::week:
        return day + 7 * n;
    case StepUnit::month: {
        const auto c = dates::civil_from_days(day);
        int year = c.year, month = c.month;
        dates::add_months(year, month, n);
        const int d = std::min(c.day, dates::days_in_month(year, month));
        return static_cast<mapdata::DayNumber>(dates::days_from_civil(year, month, d));
    }
    }
    return day + n;
}

void render_animation(MapRenderer& renderer, const RenderJob& job, const MapView& view,
                      mapdata::DayRange range, RenderResult& result) {
    std::vector<mapdata::DayRange> windows;
    const auto& a = job.animation;
    for (mapdata::DayNumber start = range.first; start <= range.last;
         start = add_step(start, a.unit, a.step)) {
        // The last frame stops at the range's end (--to), not a whole step beyond it.
        const mapdata::DayNumber end = std::min(add_step(start, a.unit, a.step) - 1, range.last);
        mapdata::DayRange w{start, end};
        if (a.cumulative) {
            w.first = range.first;
        } else if (a.window_days > 0) {
            w.first = end - a.window_days + 1;
        }
        windows.push_back(w);
        if (windows.size() > static_cast<std::size_t>(max_frames)) {
            throw InputError("the animation would have more than " + std::to_string(max_frames) +
                             " frames; use a longer --step or a shorter --from/--to");
        }
    }
    const bool gif = format_of(job.output) == Format::gif;
    auto writer = gif ? gif_writer(job.output, view.width, view.height, a.fps, reserved_colors())
                      : mp4_writer(job.output, view.width, view.height, a.fps);
    OffscreenTarget target(view.width, view.height);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(view.width) * view.height * 4);
    MapOptions options = job.options;
    for (const auto& w : windows) {
        options.window = w;
        options.stamp = format_day_range({a.cumulative ? w.last : w.first, w.last});
        target.bind();
        renderer.draw(view, options, {0, 0, view.width, view.height});
        target.read(pixels.data());
        writer->add_frame(pixels.data());
        result.events_shown = renderer.last_frame().events_in_window;
        ++result.frames;
    }
    writer->finish();
    result.window = range;
}

} // namespace

mapdata::GeoBox parse_bbox(const std::string& text) {
    std::vector<double> v;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        try {
            std::size_t used = 0;
            v.push_back(std::stod(part, &used));
            if (used != part.size()) {
                v.clear();
                break;
            }
        } catch (const std::exception&) {
            v.clear();
            break;
        }
    }
    if (v.size() != 4) {
        throw InputError("--bbox '" + text + "' is not W,S,E,N in degrees");
    }
    mapdata::GeoBox box{v[0], v[1], v[2], v[3]};
    if (box.west < -180 || box.west > 180 || box.east < -180 || box.east > 180 || box.south < -90 ||
        box.north > 90 || box.south >= box.north || box.west == box.east) {
        throw InputError("--bbox '" + text +
                         "' lies outside the world (longitudes -180..180, latitudes -90..90, "
                         "south below north)");
    }
    return box;
}

std::pair<StepUnit, int> parse_step(const std::string& text) {
    std::size_t used = 0;
    int n = 0;
    try {
        n = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    const std::string unit = text.substr(used);
    if (used > 0 && n > 0) {
        if (unit == "d") {
            return {StepUnit::day, n};
        }
        if (unit == "w") {
            return {StepUnit::week, n};
        }
        if (unit == "mo") {
            return {StepUnit::month, n};
        }
    }
    throw InputError("--step '" + text + "' is not a count and a unit: 1d, 2w, 1mo");
}

int parse_days(const std::string& text, const std::string& what) {
    try {
        const auto [unit, n] = parse_step(text);
        return unit == StepUnit::day ? n : unit == StepUnit::week ? 7 * n : 30 * n;
    } catch (const InputError&) {
        throw InputError(what + " '" + text + "' is not a duration: 7d, 2w, 1mo");
    }
}

void validate_job(const RenderJob& job) {
    if (job.width < 16 || job.height < 16 || job.width > max_side || job.height > max_side) {
        throw InputError("--size " + std::to_string(job.width) + "x" + std::to_string(job.height) +
                         " is out of range: each side must be 16 to " + std::to_string(max_side) +
                         " pixels");
    }
    if (!(job.scale >= 0.25F && job.scale <= 8.0F)) {
        throw InputError("--scale must be between 0.25 and 8");
    }
    const auto format = format_of(job.output);
    if (job.animation.enabled && format != Format::gif && format != Format::mp4) {
        throw InputError("an animation is written as .gif or .mp4", job.output);
    }
    if (!job.animation.enabled && format == Format::mp4) {
        throw InputError("an .mp4 needs --animate", job.output);
    }
    if (job.animation.enabled) {
        const auto pixels = static_cast<double>(job.width) * job.height;
        if (pixels > 4096.0 * 4096.0) {
            throw InputError("animation frames are limited to 4096x4096 pixels");
        }
        if (job.animation.fps < 1 || job.animation.fps > 60) {
            throw InputError("--fps must be between 1 and 60");
        }
    }
    if (format == Format::gif && !job.animation.enabled &&
        static_cast<double>(job.width) * job.height > 4096.0 * 4096.0) {
        throw InputError("a GIF is limited to 4096x4096 pixels; use .png or .tif");
    }
    if (!projection_from_name(job.projection)) {
        throw InputError("--projection '" + job.projection +
                         "' is not one of web-mercator, equal-earth, equirectangular, local");
    }
    const mapdata::DayRange any{0, 0};
    const auto w = requested_window(job, any);
    if (!job.from.empty() && !job.to.empty() && w.first > w.last) {
        throw InputError("--from " + job.from + " is after --to " + job.to);
    }
}

namespace {

// The requested types as the data spells them (any case: "assault" is ASSAULT). A type the
// data does not have is an error naming the ones it has, not a map with nothing on it.
std::vector<std::string> resolve_types(const mapdata::EventTable& table,
                                       const std::vector<std::string>& requested,
                                       const std::string& source) {
    std::vector<std::string> out;
    for (const auto& type : requested) {
        const auto before = out.size();
        for (const auto& name : table.type_names) {
            if (ascii_lower(name) == ascii_lower(type)) {
                out.push_back(name);
            }
        }
        if (out.size() == before) {
            std::string message = "no event of type '" + type + "' in the data (types present: ";
            for (std::size_t t = 0; t < table.type_names.size(); ++t) {
                message += t == 0 ? "" : ", ";
                message += table.type_names[t];
            }
            message += ")";
            throw InputError(message, source);
        }
    }
    return out;
}

} // namespace

RenderResult run_render_job(const RenderJob& request) {
    const auto started = Clock::now();
    validate_job(request);
    RenderJob job = request; // the types are resolved against the data once it is loaded
    RenderResult result;
    result.output = job.output;
    result.width = job.width;
    result.height = job.height;

    // The events load on a second thread while EGL starts and the shaders compile (a few
    // hundred ms on llvmpipe): the two share nothing.
    auto loading = std::async(std::launch::async, [&] {
        bool hit = false;
        auto loaded = std::make_shared<mapdata::EventTable>(
            mapdata::load_events_cached(job.source, mapdata::LoadOptions{job.layer}, &hit));
        return std::pair{std::move(loaded), hit};
    });
    std::unique_ptr<OffscreenContext> context;
    std::unique_ptr<MapRenderer> made;
    try {
        context = std::make_unique<OffscreenContext>();
        made = std::make_unique<MapRenderer>(job.settings);
    } catch (const RenderError&) {
        loading.get(); // a bad source is reported as such (exit 3) before a missing OpenGL
        throw;
    }
    MapRenderer& renderer = *made;
    auto [table, from_cache] = loading.get();
    result.events_from_cache = from_cache;
    result.load_seconds = since(started);
    result.events_total = table->size();
    job.options.types = resolve_types(*table, job.options.types, job.source);
    result.gl = context->description();
    renderer.set_events(table);
    const auto kind = *projection_from_name(job.projection);
    const auto events_box = mapdata::event_bounds(*table);
    renderer.set_projection(kind, choose_lon_0(job, events_box), choose_lat_0(job, events_box));
    const MapView view = make_view(job, renderer.projection(), events_box);
    result.projection = renderer.projection().proj_string();
    result.bounds = view_bounds(renderer.projection(), view);

    const auto data_range = table->day_range();
    const auto window = requested_window(job, data_range);
    const auto render_started = Clock::now();
    if (job.animation.enabled) {
        render_animation(renderer, job, view, window, result);
    } else {
        MapOptions options = job.options;
        options.window = window;
        result.window = window;
        // The metadata is written before the pixels, so the count comes from the table (a
        // probe draw would cost a second pass over every event in the vertex shader).
        result.events_shown = count_shown(*table, window, options.types, renderer.projection(),
                                          view, job.view.kind == ViewSpec::Kind::fit);
        const auto format = format_of(job.output);
        const GeoTransform transform = {view.left(), view.metres_per_pixel, 0.0, view.top(),
                                        0.0,         -view.metres_per_pixel};
        const auto metadata = metadata_for(job, result);
        if (format == Format::gif) {
            auto gif = gif_writer(job.output, view.width, view.height, 1, reserved_colors());
            OffscreenTarget target(view.width, view.height);
            std::vector<std::uint8_t> pixels(static_cast<std::size_t>(view.width) * view.height *
                                             4);
            target.bind();
            renderer.draw(view, options, {0, 0, view.width, view.height});
            target.read(pixels.data());
            gif->add_frame(pixels.data());
            gif->finish();
            result.tiles = 1;
        } else {
            auto sink = format == Format::png
                            ? png_writer(job.output, view.width, view.height, metadata)
                            : geotiff_writer(job.output, view.width, view.height, transform,
                                             renderer.projection().wkt(), metadata);
            result.tiles = render_tiled(renderer, view, options, *sink);
            if (format == Format::png && job.world_file) {
                write_world_file(job.output, transform);
            }
        }
        result.frames = 1;
    }
    result.basemap_seconds = renderer.basemap_seconds();
    result.render_seconds = since(render_started);
    result.total_seconds = since(started);
    return result;
}

} // namespace eventmap::render
