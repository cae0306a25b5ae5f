// Ingest into a GeoPackage (issue 5 target: 100k synthetic articles with memory flat over
// time): the `eventmap ingest` loop (pipeline/ingest.hpp) over generated 3-5 KB articles,
// printing throughput and resident memory every tenth of the run.
//   pipeline_ingest_bench [ARTICLES] [OUT.gpkg]   (default 20000, a temporary file)
#include "bench_support.hpp"
#include "cli/gazetteer_index.hpp"
#include "events_synthetic.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"
#include "pipeline/ingest.hpp"
#include "store/event_store.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using Clock = std::chrono::steady_clock;

namespace {} // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
    const std::string path =
        argc > 2 ? argv[2]
                 : (std::filesystem::temp_directory_path() / "pipeline_ingest_bench.gpkg").string();
    std::filesystem::remove(path);
    const auto g = eventmap::cli::open_or_build(eventmap::gazetteer::default_index_path(),
                                                eventmap::gazetteer::default_sources(), true);
    const eventmap::geoparse::Geoparser parser(g);
    const eventmap::events::EventExtractor extractor(parser);
    eventmap::store::EventStore store(path, eventmap::store::OpenMode::create);

    std::mt19937 rng(20130913);
    std::size_t made = 0;
    const auto t0 = Clock::now();
    const std::size_t step = n >= 10 ? n / 10 : 1;
    std::printf("pipeline_ingest_bench: %zu synthetic articles into %s\n", n, path.c_str());
    const auto summary = eventmap::pipeline::ingest_articles(
        [&](eventmap::Article& a) {
            if (made >= n) {
                return false;
            }
            a = eventmap::bench::synthetic_article(made++, rng);
            return true;
        },
        store, extractor, {},
        [&](std::uint64_t done) {
            if (done % step == 0) {
                const double s = std::chrono::duration<double>(Clock::now() - t0).count();
                std::printf("  %8llu articles  %7.0f articles/s  RSS %.0f MiB\n",
                            static_cast<unsigned long long>(done), static_cast<double>(done) / s,
                            eventmap::bench::rss_mib());
                std::fflush(stdout);
            }
        });
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("  done: %s in %.1f s (%.0f articles/s); store holds %llu events\n",
                summary.text().c_str(), s, static_cast<double>(n) / s,
                static_cast<unsigned long long>(store.count_events()));
    if (argc <= 2) {
        std::filesystem::remove(path);
    }
    return 0;
}
