// The viewer's figures on N synthetic events (default 1,000,000) in a GeoPackage store:
//   load      store -> the first part of the map table ready to draw, the whole map table,
//             then the filter columns (read in the background while the map is usable)
//   scrub     CPU per time-window move over all events: set the window and count what is in
//             it (the renderer's part is two uniforms), median / p95 / max over 2,000 moves
//   filter    one filter change (type + confidence) over all events, and the histogram
//   frames    with a display (run under `xvfb-run -a`): the window's own --bench, load to first
//             frame and frame times at 1280x800 over a pan, zoom and scrub
//   view_bench [EVENTS] [DIR]     the store is kept in DIR and reused when complete
#include "bench_support.hpp"
#include "store_synthetic.hpp"
#include "view/session.hpp"
#include "view/viewer.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using eventmap::bench::Clock;
using eventmap::bench::seconds_since;
namespace view = eventmap::view;

using eventmap::bench::build_store;

struct Stats {
    double median, p95, max;
};
Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

double cpu_ms() {
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

} // namespace

int main(int argc, char** argv) {
    const std::uint64_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const std::string dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const std::string path = dir + "/view_bench_" + std::to_string(events) + ".gpkg";
    bool complete = false;
    if (std::filesystem::exists(path)) {
        eventmap::store::EventStore s(path, eventmap::store::OpenMode::read);
        complete = s.count_events() == events;
    }
    if (!complete) {
        build_store(path, events);
    }

    view::Session session(path);
    double load[1] = {0};
    getloadavg(load, 1);
    const auto start = Clock::now();
    const double cpu0 = eventmap::bench::cpu_seconds();
    session.start_loading();
    while (!session.has_map() && session.stage() != view::LoadStage::failed) {
        session.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const double part_s = seconds_since(start);
    const double part_cpu_s = eventmap::bench::cpu_seconds() - cpu0;
    const std::size_t part_rows = session.table().size();
    while (session.stage() == view::LoadStage::map) {
        session.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    session.poll();
    const double map_s = seconds_since(start);
    const double map_cpu_s = eventmap::bench::cpu_seconds() - cpu0;
    session.wait_until_loaded();
    const double all_s = seconds_since(start);
    const double all_cpu_s = eventmap::bench::cpu_seconds() - cpu0;
    if (session.stage() == view::LoadStage::failed) {
        std::printf("load failed: %s\n", session.load_error().c_str());
        return 1;
    }
    std::printf("view_bench: %zu events from %s\n", session.table().size(), path.c_str());
    std::printf("  load (machine load %.1f): first %zu rows ready in %.2f s wall, %.2f s CPU; "
                "whole map table in %.2f s wall, %.2f s CPU; filter columns in %.2f s wall, "
                "%.2f s CPU (background); peak RSS %.0f MiB\n",
                load[0], part_rows, part_s, part_cpu_s, map_s, map_cpu_s, all_s, all_cpu_s,
                eventmap::bench::peak_rss_mib());

    const view::DayRange extent = session.time.extent();
    const int span = std::max(1, (extent.last - extent.first) / 5);
    std::vector<double> scrub;
    std::size_t shown = 0;
    for (int i = 0; i < 2000; ++i) {
        const double c0 = cpu_ms();
        const view::Day first = extent.first + i % std::max(1, extent.last - extent.first);
        session.time.set_window(first, first + span);
        shown += session.count_in_window();
        scrub.push_back(cpu_ms() - c0);
    }
    const Stats s = stats(scrub);
    std::printf("  scrub CPU per window move: median %.4f ms, p95 %.4f ms, max %.3f ms "
                "(%zu events counted in all)\n",
                s.median, s.p95, s.max, shown);

    view::FilterState f;
    f.types = {"ASSAULT", "PROTEST"};
    f.min_confidence = 0.5f;
    double c0 = cpu_ms();
    session.set_filters(f);
    const double filter_ms = cpu_ms() - c0;
    c0 = cpu_ms();
    const auto& h = session.histogram(extent, 400);
    const double histogram_ms = cpu_ms() - c0;
    std::printf("  filter change: %.1f ms CPU (%zu pass); histogram: %.1f ms CPU (%zu bins)\n",
                filter_ms, session.filtered().rows.size(), histogram_ms, h.all.size());

    if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr) {
        std::printf("  frames: no display (run under `xvfb-run -a` for frame times)\n");
        return 0;
    }
    view::ViewerOptions options;
    options.sources = {path};
    options.bench = true;
    std::printf("  frames (window --bench, JSON):\n  ");
    std::fflush(stdout);
    return view::run_viewer(options);
}
