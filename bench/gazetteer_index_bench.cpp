// Gazetteer figures for the targets: build time from the default sources, time to open
// the index, median lookup latency, and resident memory of the opened index.
//   gazetteer_index_bench [INDEX_OUT]      (default: a temporary file; prints figures only)
#include "bench_support.hpp"
#include "gazetteer/build.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <vector>

using namespace eventmap::gazetteer;
using eventmap::bench::Clock;
using eventmap::bench::seconds_since;

extern char** environ;

namespace {

bool run_self_rss(const char* self, const std::string& index) {
    std::string rss_flag = "--rss";
    std::string path = index;
    char* args[] = {const_cast<char*>(self), rss_flag.data(), path.data(), nullptr};
    pid_t pid = 0;
    if (::posix_spawn(&pid, self, nullptr, nullptr, args, environ) != 0) {
        return false;
    }
    int status = 0;
    return ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--rss") {
        const double before = eventmap::bench::rss_mib();
        const Gazetteer g = Gazetteer::open(argv[2]);
        const auto found = g.lookup("Damascus").size();
        std::printf("memory: %.1f MiB resident with the index open (%.1f MiB before; %zu hits)\n",
                    eventmap::bench::rss_mib(), before, found);
        return 0;
    }
    const std::string index = argc > 1 ? argv[1] : "/tmp/eventmap_bench_gazetteer.emg";
    BuildOptions options;
    options.sources = default_sources();
    options.index_path = index;

    auto t0 = Clock::now();
    const BuildReport report = build_index(options);
    const double build_s = seconds_since(t0);
    std::printf("build:  %.2f s  (%u places, %u names, %.1f MiB)\n", build_s, report.written.places,
                report.written.names,
                static_cast<double>(report.written.file_size) / (1024.0 * 1024.0));

    // Open: median of 15, page cache warm (as after the first use).
    std::vector<double> opens;
    for (int i = 0; i < 15; ++i) {
        t0 = Clock::now();
        const Gazetteer g = Gazetteer::open(index);
        opens.push_back(seconds_since(t0) * 1000.0);
    }
    std::sort(opens.begin(), opens.end());
    std::printf("open:   %.2f ms median (min %.2f, max %.2f)\n", opens[opens.size() / 2],
                opens.front(), opens.back());

    // Resident memory of a process that only opens the index, as the geoparser does: this
    // program again, given its arguments as a vector (no shell sees the index path).
    std::fflush(stdout);
    if (!run_self_rss(argv[0], index)) {
        std::printf("memory: measurement failed\n");
    }
    const Gazetteer g = Gazetteer::open(index);

    // Lookups: a random sample of the index's own display names (every lookup hits).
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::uint32_t> pick(0, g.size() - 1);
    std::vector<std::string> names;
    for (int i = 0; i < 20000; ++i) {
        names.emplace_back(g.place(pick(rng)).name);
    }
    for (const char* n : {"Damascus", "Geneva", "eastern Ghouta", "U.S.", "Syrian", "Ky."}) {
        names.emplace_back(n);
    }
    std::vector<double> ns;
    ns.reserve(names.size());
    std::size_t found = 0;
    for (const auto& n : names) {
        t0 = Clock::now();
        found += g.lookup(n, {"", 10}).size();
        ns.push_back(seconds_since(t0) * 1e9);
    }
    std::sort(ns.begin(), ns.end());
    std::printf("lookup: %.2f us median, %.2f us p99 over %zu names (%zu candidates)\n",
                ns[ns.size() / 2] / 1000.0, ns[ns.size() * 99 / 100] / 1000.0, names.size(), found);
    if (argc <= 1) {
        std::remove(index.c_str());
    }
    return 0;
}
