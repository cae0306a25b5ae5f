// Ingest into a GeoPackage: N synthetic articles (default 100000) with 3 events and 4 mentions
// each, committed in batches of 1000, as `eventmap ingest` does. Prints articles/s and the
// resident set size every 10% so a leak or an unbounded cache shows as a rising RSS.
//   store_ingest_bench [ARTICLES] [DIR]
#include "store_synthetic.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    using namespace eventmap;
    const std::uint64_t articles = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
    const std::string dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const std::string path = dir + "/eventmap_ingest_bench.gpkg";
    std::filesystem::remove(path);
    const std::uint64_t batch_size = 1000;
    const std::uint64_t report_every = std::max<std::uint64_t>(articles / 10, 1);

    std::printf("ingest bench: %llu articles x (3 events, 4 mentions) into %s, batches of %llu\n",
                static_cast<unsigned long long>(articles), path.c_str(),
                static_cast<unsigned long long>(batch_size));
    std::printf("%10s %10s %12s %14s %10s\n", "articles", "seconds", "articles/s", "articles/cpu-s",
                "RSS MiB");
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto last = start;
    std::uint64_t last_count = 0;
    double last_cpu = bench::cpu_seconds();
    const double start_cpu = last_cpu;
    try {
        store::EventStore s(path, store::OpenMode::create);
        std::vector<model::Event> events;
        std::vector<store::MentionRecord> mentions;
        for (std::uint64_t n = 0; n < articles; ++n) {
            if (n % batch_size == 0) {
                s.begin();
            }
            events.clear();
            mentions.clear();
            for (int k = 0; k < 3; ++k) {
                events.push_back(bench::synthetic_event(n, k));
            }
            for (int k = 0; k < 4; ++k) {
                mentions.push_back(bench::synthetic_mention(n, k));
            }
            s.add_article(bench::synthetic_article(n), events, mentions);
            if ((n + 1) % batch_size == 0 || n + 1 == articles) {
                s.commit();
            }
            if ((n + 1) % report_every == 0) {
                const auto now = Clock::now();
                const double total = std::chrono::duration<double>(now - start).count();
                const double window = std::chrono::duration<double>(now - last).count();
                const double cpu = bench::cpu_seconds();
                std::printf(
                    "%10llu %10.1f %12.0f %14.0f %10.1f\n", static_cast<unsigned long long>(n + 1),
                    total, static_cast<double>(n + 1 - last_count) / window,
                    static_cast<double>(n + 1 - last_count) / (cpu - last_cpu), bench::rss_mib());
                std::fflush(stdout);
                last = now;
                last_cpu = cpu;
                last_count = n + 1;
            }
        }
        const double total = std::chrono::duration<double>(Clock::now() - start).count();
        std::printf(
            "total: %llu articles in %.1f s = %.0f articles/s (%.0f per CPU second); store %.1f "
            "MiB; RSS %.1f MiB\n",
            static_cast<unsigned long long>(articles), total, static_cast<double>(articles) / total,
            static_cast<double>(articles) / (bench::cpu_seconds() - start_cpu),
            static_cast<double>(std::filesystem::file_size(path)) / (1 << 20), bench::rss_mib());
        // Re-ingesting the first 10% adds nothing (idempotency) and shows the lookup cost.
        const auto again = Clock::now();
        s.begin();
        std::uint64_t added = 0;
        for (std::uint64_t n = 0; n < articles / 10; ++n) {
            added += s.add_article(bench::synthetic_article(n), {bench::synthetic_event(n, 0)}, {})
                         ? 1
                         : 0;
        }
        s.commit();
        const double seconds = std::chrono::duration<double>(Clock::now() - again).count();
        std::printf("re-ingest of %llu known articles: %llu added, %.0f articles/s\n",
                    static_cast<unsigned long long>(articles / 10),
                    static_cast<unsigned long long>(added),
                    static_cast<double>(articles / 10) / seconds);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_ingest_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
