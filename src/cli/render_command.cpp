// eventmap render: a map image of events, headless (render/render_job.hpp does the work).
#include "cli/command_registry.hpp"
#include "common/error.hpp"
#include "render/render_job.hpp"

#include <iostream>
#include <memory>
#include <sstream>

namespace {

using namespace eventmap;

struct RenderCommandOptions {
    std::string source;
    std::string layer;
    std::string output;
    std::string size = "1600x1000";
    float scale = 1;
    std::string bbox;
    bool fit = false;
    std::string center;
    double zoom = -1;
    std::string from, to;
    std::vector<std::string> types;
    std::string projection = "web-mercator";
    std::string title, subtitle;
    std::string color_by = "type";
    bool no_legend = false, heatmap = false, clusters = false, no_markers = false;
    bool world_file = false, graticule = false;
    std::string basemap;
    bool animate = false, cumulative = false;
    std::string step = "1w";
    std::string window;
    int fps = 4;
    std::string index;
    bool quiet = false;
};

std::pair<int, int> parse_size(const std::string& text) {
    const auto x = text.find_first_of("xX");
    try {
        if (x != std::string::npos) {
            std::size_t used_w = 0, used_h = 0;
            const std::string w = text.substr(0, x), h = text.substr(x + 1);
            const long width = std::stol(w, &used_w), height = std::stol(h, &used_h);
            if (used_w == w.size() && used_h == h.size() && width >= 0 && height >= 0 &&
                width < 1000000 && height < 1000000) {
                return {static_cast<int>(width), static_cast<int>(height)};
            }
        }
    } catch (const std::exception&) {
    }
    throw InputError("--size '" + text + "' is not WIDTHxHEIGHT in pixels (e.g. 1920x1080)");
}

render::ViewSpec view_spec(const RenderCommandOptions& o) {
    render::ViewSpec v;
    if (!o.bbox.empty()) {
        v.kind = render::ViewSpec::Kind::bbox;
        v.bbox = render::parse_bbox(o.bbox);
    } else if (!o.center.empty()) {
        v.kind = render::ViewSpec::Kind::center;
        std::stringstream in(o.center);
        char comma = 0;
        if (!(in >> v.lat >> comma >> v.lon) || comma != ',' || !in.eof()) {
            throw InputError("--center '" + o.center + "' is not LAT,LON in degrees");
        }
        v.zoom = o.zoom >= 0 ? o.zoom : 8;
    }
    return v;
}

void run(const RenderCommandOptions& o) {
    render::RenderJob job;
    job.source = o.source;
    job.layer = o.layer;
    job.output = o.output;
    std::tie(job.width, job.height) = parse_size(o.size);
    job.scale = o.scale;
    job.view = view_spec(o);
    job.projection = o.projection;
    job.from = o.from;
    job.to = o.to;
    job.world_file = o.world_file;
    auto& opt = job.options;
    opt.title = o.title;
    opt.subtitle = o.subtitle;
    opt.types = o.types;
    opt.scale = o.scale;
    opt.legend = !o.no_legend;
    opt.heatmap = o.heatmap;
    opt.clusters = o.clusters;
    opt.markers = !o.no_markers;
    opt.graticule = o.graticule;
    if (o.color_by != "type" && o.color_by != "quad") {
        throw InputError("--color-by must be type or quad");
    }
    opt.color_by = o.color_by == "quad" ? render::ColorBy::quad : render::ColorBy::type;
    job.settings.gazetteer_index = o.index;
    job.settings.basemap_raster = o.basemap;
    if (o.animate) {
        job.animation.enabled = true;
        std::tie(job.animation.unit, job.animation.step) = render::parse_step(o.step);
        job.animation.cumulative = o.cumulative;
        job.animation.window_days = o.window.empty() ? 0 : render::parse_days(o.window, "--window");
        job.animation.fps = o.fps;
    }
    const auto r = render::run_render_job(job);
    if (!o.quiet) {
        std::cerr << "eventmap render: " << r.output << " (" << r.width << "x" << r.height;
        if (r.frames > 1) {
            std::cerr << ", " << r.frames << " frames";
        }
        if (r.tiles > 1) {
            std::cerr << ", " << r.tiles << " tiles";
        }
        std::cerr << "): " << r.events_shown << " of " << r.events_total << " events shown, "
                  << render::format_day_range(r.window) << ", " << r.projection << ", "
                  << r.total_seconds << " s on " << r.gl << "\n";
        if (r.events_shown == 0) {
            std::cerr << "eventmap render: warning: no event falls in the view, time window "
                         "and filters; the map shows none\n";
        }
    }
    std::cout << r.output << "\n";
}

void define(CLI::App& app) {
    auto o = std::make_shared<RenderCommandOptions>();
    auto* cmd = app.add_subcommand(
        "render", "Draw a map of events to PNG, GeoTIFF, animated GIF or MP4 (no display needed)");
    cmd->add_option("source", o->source,
                    "Events: a store (PATH.gpkg, PG:...) or an export (GeoJSON, GeoJSONSeq, CSV, "
                    "FlatGeobuf) or any OGR point file with a date field")
        ->required();
    cmd->add_option("-o,--output", o->output, "OUT.png|.tif|.gif|.mp4")->required();
    cmd->add_option("--layer", o->layer, "Layer of the source (default: events, else the first)");
    cmd->add_option("--size", o->size, "Image size WIDTHxHEIGHT in pixels (default 1600x1000)");
    cmd->add_option("--scale", o->scale,
                    "Symbol and text scale (DPI factor; 2 for a sharp 4K export of the same map)");
    auto* bbox =
        cmd->add_option("--bbox", o->bbox, "Extent W,S,E,N in degrees (W > E crosses 180)");
    auto* fit = cmd->add_flag("--fit", o->fit, "Fit the view to the events (the default)");
    auto* center = cmd->add_option("--center", o->center, "Centre LAT,LON in degrees");
    cmd->add_option("--zoom", o->zoom, "Web-map zoom level with --center (0 world .. 18 street)")
        ->needs(center);
    bbox->excludes(fit)->excludes(center);
    fit->excludes(center);
    cmd->add_option("--from", o->from, "First day shown: YYYY[-MM[-DD]]");
    cmd->add_option("--to", o->to, "Last day shown: YYYY[-MM[-DD]]");
    cmd->add_option("--type", o->types,
                    "Only these event types (repeatable or comma-separated, any case): "
                    "ASSAULT,CONSULT...")
        ->delimiter(',');
    cmd->add_option("--projection", o->projection,
                    "web-mercator (default), equal-earth, equirectangular, local");
    cmd->add_option("--title", o->title, "Title drawn at the top left");
    cmd->add_option("--subtitle", o->subtitle, "Subtitle under the title");
    cmd->add_option("--color-by", o->color_by, "Marker colour: type (default) or quad");
    cmd->add_flag("--no-legend", o->no_legend, "Leave out the legend and caption");
    cmd->add_flag("--heatmap", o->heatmap, "Draw a density heatmap under the markers");
    cmd->add_flag("--clusters", o->clusters, "Group nearby events into counted circles");
    cmd->add_flag("--no-markers", o->no_markers, "No event markers (with --heatmap)");
    cmd->add_flag("--graticule", o->graticule, "Draw meridians and parallels (1-30 degrees apart)");
    cmd->add_option("--basemap", o->basemap,
                    "A georeferenced raster (GeoTIFF, MBTiles, PNG with world file) drawn as the "
                    "basemap, reprojected to the map");
    cmd->add_flag("--world-file", o->world_file, "Write a .pgw world file next to a PNG");
    auto* animate =
        cmd->add_flag("--animate", o->animate, "Animate over the data's dates (to .gif or .mp4)");
    cmd->add_option("--step", o->step, "Animation step: 1d, 1w, 1mo (default 1w)")->needs(animate);
    auto* window =
        cmd->add_option("--window", o->window, "Days each frame shows: 7d, 2w (default: one step)")
            ->needs(animate);
    cmd->add_flag("--cumulative", o->cumulative, "Each frame shows everything up to its date")
        ->needs(animate)
        ->excludes(window);
    cmd->add_option("--fps", o->fps, "Frames per second (default 4)")->needs(animate);
    cmd->add_option("--index", o->index,
                    "Gazetteer index for reference places (default: the build's; '-' for none)");
    cmd->add_flag("-q,--quiet", o->quiet, "No summary on stderr");
    cmd->callback([o] { run(*o); });
}

const eventmap::cli::CommandRegistration registration{{nullptr, "render", 90, define}};

} // namespace
