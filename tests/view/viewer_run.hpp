// Helpers of the viewer's Xvfb tests: colour probes in screenshots, running the built eventmap
// under xvfb-run, and the set-up every scripted viewer test shares (whether the viewer can run
// here, a script run in a 1280x800 window, the map's centre from a script's output).
#pragma once

#include "render/png_probe.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

namespace eventmap::test {

// Okabe & Ito's vermilion (material conflict, colour by quad): strong red, little blue.
inline bool vermilion_near(const Png& png, int cx, int cy, int radius) {
    for (int y = cy - radius; y <= cy + radius; ++y) {
        for (int x = cx - radius; x <= cx + radius; ++x) {
            const auto c = png.at(x, y);
            if (c[0] > 170 && c[1] < 140 && c[2] < 90) {
                return true;
            }
        }
    }
    return false;
}

// Runs the built eventmap under a wrapper (xvfb-run), capturing stdout and stderr. xvfb-run
// itself sometimes fails to remove its temporary folder when the program exits at once (its
// exit 5, with its own message, whatever the program returned); only that run is repeated, so
// every assertion still sees eventmap's own exit code and messages. The same for a run in the
// sanitizer build whose exit-time leak check itself failed ("LeakSanitizer has encountered a
// fatal error": its tracer can crash stopping llvmpipe's threads; seen once in a clean-clone
// CI run): that says nothing about eventmap.
inline bool tool_failed(const CommandResult& result) {
    return (result.exit_code == 5 &&
            result.err.find("problem while cleaning up temporary directory") !=
                std::string::npos) ||
           result.err.find("LeakSanitizer has encountered a fatal error") != std::string::npos;
}
inline CommandResult run_eventmap_under(const std::string& wrapper, const std::string& args) {
    const std::string command = wrapper + " '" + EVENTMAP_TEST_BINARY + "' " + args;
    CommandResult result = run_command(command);
    for (int retry = 0; retry < 3 && tool_failed(result); ++retry) {
        result = run_command(command);
    }
    return result;
}

inline bool have_xvfb() {
    return std::system("command -v xvfb-run >/dev/null 2>&1") == 0;
}

// Okabe & Ito's sky blue (verbal cooperation, colour by quad): strong blue, little red.
inline bool sky_blue_near(const Png& png, int cx, int cy, int radius) {
    for (int y = cy - radius; y <= cy + radius; ++y) {
        for (int x = cx - radius; x <= cx + radius; ++x) {
            const auto c = png.at(x, y);
            if (c[2] > 200 && c[0] < 130 && c[1] > 150) {
                return true;
            }
        }
    }
    return false;
}

// Whether the viewer can run here; says loudly why not (the test then returns at once).
inline bool viewer_can_run() {
#ifndef EVENTMAP_HAVE_VIEW
    WARN("SKIPPED: the viewer is not built in this configuration");
    mark_skipped("the viewer is not built in this configuration");
    return false;
#else
    if (!have_xvfb()) {
        WARN("SKIPPED: xvfb-run is not installed (scripts/setup installs it)");
        mark_skipped("xvfb-run is not installed (scripts/setup installs it)");
        return false;
    }
    return true;
#endif
}

inline const std::string xvfb_1280x800 = "xvfb-run -a -s '-screen 0 1280x800x24'";

// `eventmap view SOURCES --script SCRIPT [MORE]` in a 1280x800 window under Xvfb.
inline CommandResult run_view_script(const std::string& sources, const std::string& script,
                                     const std::string& more = "") {
    return run_eventmap_under(xvfb_1280x800, "view " + sources + " --script " + script +
                                                 " --width 1280 --height 800" + more);
}

// The centre of the map's rectangle (between the panels) in a script line's "map": [x, y, w, h].
struct PixelPoint {
    int x = 0, y = 0;
};
inline PixelPoint map_centre(const nlohmann::json& line) {
    const auto& map = line["map"];
    REQUIRE(map.size() == 4);
    return {map[0].get<int>() + map[2].get<int>() / 2, map[1].get<int>() + map[3].get<int>() / 2};
}

// A second layer for the fixture store: one verbal-cooperation event (CONSULT, quad 1) at
// Damascus on 2018-02-20, where the store's event is material conflict, so the colour at
// Damascus says which layer is drawn on top. Written as GeoJSON to `path`.
inline void write_damascus_consult_layer(const std::string& path) {
    write_file(path, R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                     R"("geometry":{"type":"Point","coordinates":[36.2913,33.5102]},)"
                     R"("properties":{"id":"x-damascus","date":"2018-02-20",)"
                     R"("event":"CONSULT","quad_code":1}}]})");
}

// For a thread that changes the store while the viewer runs: waits (two minutes at most) until
// `path`, the viewer's first screenshot, exists, so the store is shown, then 300 ms more.
inline void wait_for_file(const std::string& path) {
    for (int i = 0; i < 1200 && !std::filesystem::exists(path); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
}

} // namespace eventmap::test
