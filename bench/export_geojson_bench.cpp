// Export of N events (default 1,000,000) from a GeoPackage to GeoJSON: our exporter against
// `ogr2ogr -f GeoJSON` on the same file, side by side in one run, twice each (alternating,
// so neither profits alone from a warm page cache). Prints seconds and events/s.
//   export_geojson_bench [EVENTS] [DIR]     the store is kept in DIR and reused when complete
#include "export/export.hpp"
#include "store_synthetic.hpp"

using eventmap::bench::build_store;

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using eventmap::bench::Clock;
using eventmap::bench::seconds_since;

double file_mib(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0.0 : static_cast<double>(size) / (1 << 20);
}

struct Timing {
    double wall = 0; // seconds
    double cpu = 0;  // CPU seconds (user + system)
};

Timing run_ogr2ogr(const std::string& store, const std::string& out, const std::string& extra) {
    std::filesystem::remove(out);
    const std::string command =
        "ogr2ogr -f GeoJSON " + extra + " '" + out + "' '" + store + "' events";
    const double cpu_before = eventmap::bench::cpu_seconds(true);
    const auto start = Clock::now();
    const int status = std::system(command.c_str());
    Timing t{seconds_since(start), eventmap::bench::cpu_seconds(true) - cpu_before};
    if (status != 0) {
        std::printf("  (%s failed with status %d)\n", command.c_str(), status);
    }
    return t;
}

} // namespace

int main(int argc, char** argv) {
    using namespace eventmap;
    const std::uint64_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const std::string dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const std::string store_path =
        dir + "/eventmap_export_bench_" + std::to_string(events) + ".gpkg";
    try {
        bool reuse = false;
        if (std::filesystem::exists(store_path)) {
            store::EventStore s(store_path, store::OpenMode::read);
            reuse = s.count_events() == events;
        }
        if (!reuse) {
            build_store(store_path, events);
        }
        std::printf("store %s: %llu events, %.1f MiB\n", store_path.c_str(),
                    static_cast<unsigned long long>(events), file_mib(store_path));
        const std::string ours = dir + "/eventmap_export_bench_ours.geojson";
        const std::string theirs = dir + "/eventmap_export_bench_ogr2ogr.geojson";
        const std::string theirs_rfc = dir + "/eventmap_export_bench_ogr2ogr_rfc7946.geojson";
        std::printf("%-36s %9s %12s %9s %9s\n", "exporter", "seconds", "events/s", "CPU s", "MiB");
        auto report = [&](const char* name, Timing t, const std::string& out) {
            std::printf("%-36s %9.2f %12.0f %9.2f %9.1f\n", name, t.wall,
                        static_cast<double>(events) / t.wall, t.cpu, file_mib(out));
            std::fflush(stdout);
        };
        Timing best_ours{1e30, 1e30}, best_theirs{1e30, 1e30}, best_rfc{1e30, 1e30};
        auto keep_best = [](Timing& best, Timing t) {
            best.wall = std::min(best.wall, t.wall);
            best.cpu = std::min(best.cpu, t.cpu);
        };
        for (int round = 0; round < 2; ++round) {
            {
                store::EventStore s(store_path, store::OpenMode::read);
                exporter::ExportOptions options;
                options.output = ours;
                const double cpu_before = bench::cpu_seconds();
                const auto start = Clock::now();
                exporter::export_events(s, options);
                const Timing t{seconds_since(start), bench::cpu_seconds() - cpu_before};
                keep_best(best_ours, t);
                report("eventmap export (RFC 7946)", t, ours);
            }
            const Timing t1 = run_ogr2ogr(store_path, theirs, "");
            keep_best(best_theirs, t1);
            report("ogr2ogr -f GeoJSON", t1, theirs);
            const Timing t2 = run_ogr2ogr(store_path, theirs_rfc, "-lco RFC7946=YES");
            keep_best(best_rfc, t2);
            report("ogr2ogr -f GeoJSON -lco RFC7946=YES", t2, theirs_rfc);
        }
        std::printf("best wall: eventmap %.2f s, ogr2ogr %.2f s (RFC7946=YES %.2f s): eventmap "
                    "takes %.2fx less time\n",
                    best_ours.wall, best_theirs.wall, best_rfc.wall,
                    best_theirs.wall / best_ours.wall);
        std::printf("best CPU:  eventmap %.2f s, ogr2ogr %.2f s (RFC7946=YES %.2f s): eventmap "
                    "takes %.2fx less CPU\n",
                    best_ours.cpu, best_theirs.cpu, best_rfc.cpu, best_theirs.cpu / best_ours.cpu);
        for (const auto& out : {ours, theirs, theirs_rfc}) {
            std::filesystem::remove(out);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "export_geojson_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
