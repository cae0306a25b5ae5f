// Opening the gazetteer index touches only its header (issue 13): the figures here show that
// open time and the memory it makes resident do not grow with the index. For each index: cold
// open (its pages dropped from the page cache first), warm open, resident memory after open and
// after one lookup, and the cost of the full check `gazetteer verify` runs.
//
//   gazetteer_open_bench [INDEX...]            default: the build's index
//   gazetteer_open_bench --synthetic N [INDEX...]   also a synthetic index of N places
#include "bench_support.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index_builder.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using namespace eventmap;
using namespace eventmap::gazetteer;
using bench::Clock;
using bench::rss_mib;
using bench::seconds_since;

namespace {

// Asks the kernel to forget the file's cached pages, so the next open reads from disk.
void drop_cache(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

std::string synthetic_index(std::size_t places) {
    static const char* const syllables[] = {"ka", "ro",  "mi",  "sel", "dan", "vo", "tur",
                                            "li", "ash", "ben", "qa",  "zor", "el", "pri"};
    std::mt19937 rng(7);
    IndexBuilder builder;
    for (std::size_t i = 0; i < places; ++i) {
        PlaceEntry p;
        p.id = i + 1;
        for (int s = 0, n = 2 + static_cast<int>(rng() % 3); s < n; ++s) {
            p.name += syllables[rng() % 14];
        }
        p.name[0] = static_cast<char>(p.name[0] - 'a' + 'A');
        p.feature_class = 'P';
        p.feature_code = "PPL";
        p.country = "XX";
        p.population = rng() % 100000;
        p.position = LatLon{-60.0 + (rng() % 12000) / 100.0, -180.0 + (rng() % 36000) / 100.0};
        builder.add_place(std::move(p));
    }
    const std::string path = "/tmp/eventmap-open-bench-" + std::to_string(places) + ".emg";
    const auto t0 = Clock::now();
    builder.write(path, 0);
    std::printf("synthetic index of %zu places built in %.1f s\n", places, seconds_since(t0));
    return path;
}

void measure(const std::string& path) {
    drop_cache(path);
    const double rss0 = rss_mib();
    auto t0 = Clock::now();
    std::optional<Gazetteer> g(Gazetteer::open(path));
    const double cold_ms = seconds_since(t0) * 1000.0;
    const double rss_open = rss_mib();
    t0 = Clock::now();
    const auto hits = g->lookup(g->place(g->size() / 2).name);
    const double lookup_ms = seconds_since(t0) * 1000.0;
    const double rss_lookup = rss_mib();
    g.reset();

    std::vector<double> warm;
    for (int i = 0; i < 20; ++i) {
        t0 = Clock::now();
        const Gazetteer again = Gazetteer::open(path);
        warm.push_back(seconds_since(t0) * 1000.0);
    }
    std::sort(warm.begin(), warm.end());

    const Gazetteer whole = Gazetteer::open(path);
    t0 = Clock::now();
    const std::uint64_t bytes = whole.verify();
    const double verify_s = seconds_since(t0);

    std::printf("%s: %.1f MiB, %u places\n", path.c_str(), bytes / 1048576.0, whole.size());
    std::printf("  open cold   %.3f ms, +%.2f MiB resident\n", cold_ms, rss_open - rss0);
    std::printf("  1st lookup  %.3f ms cold, +%.2f MiB resident (%zu hits)\n", lookup_ms,
                rss_lookup - rss_open, hits.size());
    std::printf("  open warm   %.3f ms median (max %.3f)\n", warm[warm.size() / 2], warm.back());
    std::printf("  verify      %.2f s (%.0f MB/s)\n", verify_s, bytes / 1e6 / verify_s);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> indexes;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--synthetic") == 0 && i + 1 < argc) {
            indexes.push_back(synthetic_index(std::strtoull(argv[++i], nullptr, 10)));
        } else {
            indexes.emplace_back(argv[i]);
        }
    }
    if (indexes.empty()) {
        indexes.push_back(default_index_path());
    }
    for (const auto& path : indexes) {
        measure(path);
    }
    return 0;
}
