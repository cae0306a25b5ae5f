// Whole-pipeline throughput (issue 5 target: at least 500 articles/s per core): geoparse,
// dates and events on synthetic 3-5 KB news articles, one thread, so the figure is per core.
// Also the share of each stage.
//   events_pipeline_bench [ARTICLES]     (default 400)
#include "bench_support.hpp"
#include "cli/gazetteer_index.hpp"
#include "dates/date_tagger.hpp"
#include "events/extractor.hpp"
#include "events_synthetic.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using eventmap::bench::Clock;
using eventmap::bench::seconds_since;

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 400;
    const auto g = eventmap::cli::open_or_build(eventmap::gazetteer::default_index_path(),
                                                eventmap::gazetteer::default_sources(), true);
    const eventmap::geoparse::Geoparser parser(g);
    const eventmap::events::EventExtractor extractor(parser);
    const auto articles = eventmap::bench::synthetic_articles(n);
    std::size_t bytes = 0;
    for (const auto& a : articles) {
        bytes += a.text.size();
    }
    for (std::size_t i = 0; i < 20 && i < articles.size(); ++i) {
        (void)extractor.extract(articles[i]); // warm caches and page in the index
    }

    std::size_t events = 0;
    const auto t0 = Clock::now();
    for (const auto& a : articles) {
        events += extractor.extract(a).size();
    }
    const double total = seconds_since(t0);

    // Stage shares, measured separately.
    double geoparse_s = 0;
    double dates_s = 0;
    double events_s = 0;
    for (const auto& a : articles) {
        auto t = Clock::now();
        const auto mentions = parser.parse(a);
        geoparse_s += seconds_since(t);
        t = Clock::now();
        const auto found_dates = eventmap::dates::tag_dates(a, {});
        dates_s += seconds_since(t);
        t = Clock::now();
        (void)extractor.extract(a, mentions, found_dates);
        events_s += seconds_since(t);
    }

    std::printf("events_pipeline_bench: %zu synthetic articles, %.1f KB average\n", n,
                static_cast<double>(bytes) / static_cast<double>(n) / 1024.0);
    std::printf("  whole pipeline, 1 thread: %.0f articles/s per core (%.3f ms/article), "
                "%.1f events/article\n",
                static_cast<double>(n) / total, 1000.0 * total / static_cast<double>(n),
                static_cast<double>(events) / static_cast<double>(n));
    std::printf("  stages (ms/article): geoparse %.3f, dates %.3f, events %.3f\n",
                1000.0 * geoparse_s / static_cast<double>(n),
                1000.0 * dates_s / static_cast<double>(n),
                1000.0 * events_s / static_cast<double>(n));
    std::printf("  target: >= 500 articles/s per core: %s\n",
                static_cast<double>(n) / total >= 500.0 ? "met" : "NOT met");
    return 0;
}
