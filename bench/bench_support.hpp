// Helpers every benchmark shares.
#pragma once

#include <chrono>
#include <fstream>
#include <string>
#include <sys/resource.h>

namespace eventmap::bench {

using Clock = std::chrono::steady_clock;

// Wall-clock seconds since `start`.
inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A memory figure of this process in MiB from /proc/self/status ("VmRSS:", "VmHWM:"...).
inline double status_mib(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == field) {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
        std::string rest;
        std::getline(status, rest);
    }
    return 0;
}

// Resident set size of this process in MiB, now and at its peak.
inline double rss_mib() {
    return status_mib("VmRSS:");
}
inline double peak_rss_mib() {
    return status_mib("VmHWM:");
}

// CPU seconds (user + system) used so far by this process, or by its waited-for children: on a
// shared machine, work per CPU second is the figure that does not depend on the neighbours.
inline double cpu_seconds(bool children = false) {
    rusage usage{};
    getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace eventmap::bench
