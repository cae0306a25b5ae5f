// The store's bulk read API (store/event_columns_read.hpp) on N synthetic events (default
// 1,000,000) in a GeoPackage, without the viewer on top:
//   whole     load_event_columns over every row (the viewer's map columns), wall and CPU
//   points    an EventColumnReader with the point only (the floor: SQLite + blob decoding)
//   pages     the same rows read in pages of 100,000 (after_fid paging), summed
//   cancel    a whole read cancelled from another thread after 50 ms: how long the reader takes
//             to notice (it checks the flag every 1,024 rows)
// Each figure is the best of three runs (the machine is shared); CPU is this process's.
//   store_columns_read_bench [EVENTS] [DIR]    the store is kept in DIR and reused when complete
#include "bench_support.hpp"
#include "store/event_columns_read.hpp"
#include "store_synthetic.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

namespace {

using eventmap::bench::Clock;
using eventmap::bench::cpu_seconds;
using eventmap::bench::seconds_since;
namespace store = eventmap::store;

struct Timing {
    double wall = 1e30, cpu = 1e30;
    std::uint64_t rows = 0;
};

// Best wall and CPU of `runs` calls of `read`, which returns the rows it read.
Timing best_of(int runs, const std::function<std::uint64_t()>& read) {
    Timing best;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const double cpu0 = cpu_seconds();
        best.rows = read();
        best.wall = std::min(best.wall, seconds_since(start));
        best.cpu = std::min(best.cpu, cpu_seconds() - cpu0);
    }
    return best;
}

void print(const char* what, const Timing& t) {
    std::printf("%-8s %9llu rows  wall %7.3f s  cpu %7.3f s  %6.2f M rows/cpu-s\n", what,
                static_cast<unsigned long long>(t.rows), t.wall, t.cpu,
                static_cast<double>(t.rows) / t.cpu / 1e6);
}

std::uint64_t read_whole(const std::string& path) {
    const auto columns = store::load_event_columns(path, {});
    return columns ? columns->size() : 0;
}

std::uint64_t read_points(const std::string& path) {
    store::ColumnReadOptions options;
    options.point = true;
    auto reader = store::EventColumnReader::open(path, options);
    std::uint64_t rows = 0;
    double sum = 0; // used, so the reads are not optimised away
    while (reader && reader->next()) {
        if (const auto p = reader->point()) {
            sum += p->first;
        }
        ++rows;
    }
    if (sum == 12345.678) {
        std::puts("");
    }
    return rows;
}

std::uint64_t read_pages(const std::string& path, std::uint64_t page) {
    store::ColumnReadOptions options;
    options.limit = page;
    std::uint64_t rows = 0;
    for (;;) {
        const auto columns = store::load_event_columns(path, options);
        if (!columns) {
            return rows;
        }
        rows += columns->size();
        if (!columns->more) {
            return rows;
        }
        options.after_fid = columns->last_fid;
    }
}

// Milliseconds from setting the cancel flag to the read returning.
double cancel_latency_ms(const std::string& path) {
    std::atomic<bool> cancel{false};
    store::ColumnReadOptions options;
    options.cancel = &cancel;
    Clock::time_point set_at;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        set_at = Clock::now();
        cancel = true;
    });
    const auto columns = store::load_event_columns(path, options);
    const auto returned = Clock::now();
    canceller.join();
    if (!columns || columns->complete) {
        return -1; // finished before the flag was set: no latency to report
    }
    return std::chrono::duration<double, std::milli>(returned - set_at).count();
}

} // namespace

int main(int argc, char** argv) {
    const std::uint64_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const std::string dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const std::string path = dir + "/view_bench_" + std::to_string(events) + ".gpkg";
    try {
        bool complete = false;
        if (std::filesystem::exists(path)) {
            store::EventStore s(path, store::OpenMode::read);
            complete = s.count_events() == events;
        }
        if (!complete) {
            eventmap::bench::build_store(path, events);
        }
        double load[1] = {0};
        getloadavg(load, 1);
        std::printf("store columns read bench: %s (%.1f MiB), load average %.1f, best of 3\n",
                    path.c_str(), static_cast<double>(std::filesystem::file_size(path)) / (1 << 20),
                    load[0]);
        print("whole", best_of(3, [&] { return read_whole(path); }));
        print("points", best_of(3, [&] { return read_points(path); }));
        print("pages", best_of(3, [&] { return read_pages(path, 100000); }));
        double worst = 0;
        for (int i = 0; i < 5; ++i) {
            worst = std::max(worst, cancel_latency_ms(path));
        }
        std::printf("cancel   flag to return, worst of 5: %.2f ms\n", worst);
        std::printf("peak RSS %.1f MiB\n", eventmap::bench::peak_rss_mib());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_columns_read_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
