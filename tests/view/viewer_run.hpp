// Helpers of the viewer's Xvfb tests: colour probes in screenshots and running the built
// eventmap under xvfb-run.
#pragma once

#include "render/png_probe.hpp"
#include "support/test_support.hpp"

#include <cstdlib>
#include <string>

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

} // namespace eventmap::test
