// `eventmap view`: the window. GLFW for the window and input, Dear ImGui for the panels, the
// renderer (render::MapRenderer) for the map itself, so the screen and `eventmap render` draw
// the same layers. The loop: poll input, take finished loading work, advance playback, draw
// the panels, draw the map, draw the panels' triangles, swap; it sleeps when nothing moves.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace eventmap::view {

struct ViewerOptions {
    // One layer each, the first drawn at the bottom; empty: those the --state file names,
    // else default_source.
    std::vector<std::string> sources;
    std::string layer;
    std::string gazetteer_index; // empty: $EVENTMAP_GAZETTEER, else the build's
    std::string state_file;      // read at start (when it exists) and written at exit
    std::string basemap_raster;  // a georeferenced raster drawn instead of the land fill
    bool graticule = false;      // meridians and parallels from the start
    std::string script_file;     // run it and exit
    bool bench = false;          // run the built-in pan/zoom/scrub sequence and print frame times
    int bench_frames = 240;
    std::uint64_t max_events = 3000000; // Session::default_max_events; 0: no limit
    int width = 1280, height = 800;
};

// The store `scripts/run` fills, opened when no source is named.
inline const char* const default_source = "out/events.gpkg";

// Runs the window until closed (or the script/bench ends). Returns the process exit code;
// errors in the data are shown in the window and on stderr, and never end it. Throws
// RenderError when no window can be opened (no display).
int run_viewer(const ViewerOptions& options);

} // namespace eventmap::view
