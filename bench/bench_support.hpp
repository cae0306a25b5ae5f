// Helpers every benchmark shares.
#pragma once

#include <chrono>
#include <fstream>
#include <string>

namespace eventmap::bench {

using Clock = std::chrono::steady_clock;

// Wall-clock seconds since `start`.
inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Resident set size of this process in MiB (Linux /proc).
inline double rss_mib() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
        std::string rest;
        std::getline(status, rest);
    }
    return 0;
}

} // namespace eventmap::bench
