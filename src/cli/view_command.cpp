// eventmap view: the interactive map (view/viewer.hpp does the work). With --script it runs
// the actions of a file and exits; with --bench it prints frame-time figures.
#include "cli/command_registry.hpp"
#include "common/error.hpp"
#include "view/viewer.hpp"

#include <memory>

namespace {

using namespace eventmap;

void define(CLI::App& app) {
    auto o = std::make_shared<view::ViewerOptions>();
    auto* cmd = app.add_subcommand(
        "view", "Interactive event map with a time slider (needs a display; see `render`)");
    cmd->add_option("sources", o->sources,
                    "Events: stores (.gpkg or PG:...) or GeoJSON/CSV/FlatGeobuf files, each "
                    "shown as its own layer, the first at the bottom (default: the --state "
                    "file's sources, else out/events.gpkg, what scripts/run fills)");
    cmd->add_option("--layer", o->layer,
                    "Layer to read (default: events, else the first with points)");
    cmd->add_option("--index", o->gazetteer_index,
                    "Gazetteer index for place search and candidate places (default: "
                    "$EVENTMAP_GAZETTEER, else the build's)");
    cmd->add_option("--basemap", o->basemap_raster,
                    "A georeferenced raster (GeoTIFF, MBTiles, PNG with a world file) drawn "
                    "instead of the land fill (View menu: Land / raster basemap)");
    cmd->add_flag("--graticule", o->graticule, "Start with meridians and parallels drawn");
    cmd->add_option("--state", o->state_file,
                    "JSON file with the view, filters, window and layers (sources, order, "
                    "visibility): read at start, written at exit");
    cmd->add_option(
        "--script", o->script_file,
        "Run the actions in FILE and exit (window, mode, step, zoom, center, fly-to, select, "
        "select-box, filter, layer, layers, panel, color, correct, undo, export, screenshot, "
        "save-image, save-state, frames, play, wait, drag, display, quit); one JSON line per "
        "action");
    cmd->add_flag("--bench", o->bench,
                  "Print load-to-first-frame and frame times (median, p95, max ms) over a "
                  "scripted pan, zoom and scrub");
    cmd->add_option("--bench-frames", o->bench_frames, "Frames in the bench")
        ->capture_default_str();
    cmd->add_option("--max-events", o->max_events,
                    "Load at most this many events (the first by feature id; 0: no limit); a "
                    "larger source says so in the window")
        ->capture_default_str();
    cmd->add_option("--width", o->width, "Window width")->capture_default_str();
    cmd->add_option("--height", o->height, "Window height")->capture_default_str();
    cmd->callback([o] { cli::pending_exit_code() = view::run_viewer(*o); });
}

const cli::CommandRegistration registration{{nullptr, "view", 100, define}};

} // namespace
