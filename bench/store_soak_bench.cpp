// Soak (issue 13, not CI): N synthetic articles (default 200000) ingested with the store's
// merge rule, where every article reports one repeated story again (the worst case: one event
// every wire repeats for months) beside two events of its own. Prints, per tenth of the run,
// the articles/s of that tenth and the resident set size: with a capped source list and a
// count per event they stay flat, so the last article costs what the first did.
//   store_soak_bench [ARTICLES] [DIR] [REPORTS]
// REPORTS (default 10): how many progress lines, evenly spaced; each also gives the CPU
// seconds of that stretch, the figure that stays comparable while other work shares the CPU.
#include "bench_support.hpp"
#include "store_synthetic.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using namespace eventmap;

// Merge by type, place and day, as the events module's rule does for located events.
store::MergeRule by_place_and_day() {
    store::MergeRule rule;
    rule.key = [](const model::Event& e) {
        return std::string(model::to_string(e.event)) + "@" +
               std::to_string(e.event_loc.geonameid) + "@" + model::iso_date(e);
    };
    rule.compatible = [](const model::Event&, const model::Event&) { return true; };
    rule.merge = [](model::Event& into, model::Event&& report) {
        for (auto& s : report.sources) {
            into.sources.push_back(std::move(s));
        }
    };
    return rule;
}

// The story every article repeats: same type, place and day, a new sentence each time.
model::Event repeated_story(std::uint64_t article) {
    model::Event e = bench::synthetic_event(0, 0);
    e.id = "story-" + std::to_string(article);
    e.article_id = "a" + std::to_string(article);
    e.sources = {{e.article_id, "The siege went on for another day.", 0, 35}};
    return e;
}

} // namespace

int main(int argc, char** argv) {
    const std::uint64_t articles = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200000;
    const std::string dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const std::string path = dir + "/eventmap_soak_bench.gpkg";
    std::filesystem::remove(path);
    const std::uint64_t batch_size = 1000;
    const std::uint64_t reports = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 10;
    const std::uint64_t chunk =
        std::max<std::uint64_t>(articles / std::max<std::uint64_t>(reports, 1), 1);
    std::printf("soak bench: %llu articles x (1 repeated story + 2 own events) into %s\n",
                static_cast<unsigned long long>(articles), path.c_str());
    std::printf("%10s %10s %12s %10s %14s %10s %14s\n", "articles", "seconds", "articles/s",
                "RSS MiB", "story reports", "CPU s", "articles/CPU s");
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto last = start;
    double last_cpu = bench::cpu_seconds();
    try {
        store::EventStore s(path, store::OpenMode::create);
        s.set_merge_rule(by_place_and_day());
        for (std::uint64_t n = 0; n < articles; ++n) {
            if (n % batch_size == 0) {
                s.begin();
            }
            const std::vector<model::Event> events = {
                repeated_story(n), bench::synthetic_event(n, 1), bench::synthetic_event(n, 2)};
            s.add_article(bench::synthetic_article(n), events, {});
            if ((n + 1) % batch_size == 0 || n + 1 == articles) {
                s.commit();
            }
            if ((n + 1) % chunk == 0) {
                const auto now = Clock::now();
                const double cpu = bench::cpu_seconds();
                const auto story = s.find_event("story-0");
                std::printf("%10llu %10.1f %12.0f %10.1f %14llu %10.1f %14.0f\n",
                            static_cast<unsigned long long>(n + 1),
                            std::chrono::duration<double>(now - start).count(),
                            static_cast<double>(chunk) /
                                std::chrono::duration<double>(now - last).count(),
                            bench::rss_mib(),
                            static_cast<unsigned long long>(story ? story->source_count : 0), cpu,
                            static_cast<double>(chunk) / std::max(cpu - last_cpu, 1e-9));
                std::fflush(stdout);
                last = now;
                last_cpu = cpu;
            }
        }
        std::printf("store: %llu events, %.1f MiB\n",
                    static_cast<unsigned long long>(s.count_events()),
                    static_cast<double>(std::filesystem::file_size(path)) / (1 << 20));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_soak_bench: %s\n", e.what());
        return 1;
    }
    std::filesystem::remove(path);
    return 0;
}
