// Hostile input sizes (issue 13, not CI): the three shapes that make a text pipeline quadratic
// or make it hold a file in memory, each at growing sizes so the growth shows.
//   stream    a jsonl file of synthetic 3-5 KB articles (default 1 GiB) read by ArticleReader,
//             as every text command reads its input: resident memory and MB per CPU second
//             per tenth of the file (flat memory = streaming; the extractor is left out: at
//             ~1,000 articles/s per core it would take over an hour of CPU for a gigabyte)
//   line      one jsonl line of N MB (default up to 50), read and run through the whole
//             pipeline (geoparse, dates, events): CPU seconds per MB at N/8, N/4, N/2, N
//   repeats   one article naming one place R times (default up to 100,000), whole pipeline:
//             CPU milliseconds per 1,000 repeats at R/8 .. R
// Linear means the per-MB and per-repeat figures stay flat as the size doubles.
//   events_hostile_input_bench [--stream-mb N] [--line-mb N] [--repeats R] [--dir DIR]
//       a size of 0 skips that part; files go to DIR (default /tmp) and are removed
#include "bench_support.hpp"
#include "cli/gazetteer_index.hpp"
#include "common/article.hpp"
#include "events/extractor.hpp"
#include "events_synthetic.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using namespace eventmap;
using bench::cpu_seconds;

std::string jsonl_line(const std::string& id, const std::string& text) {
    return nlohmann::json{{"id", id}, {"published", "2019-05-04"}, {"text", text}}.dump() + "\n";
}

// Writes about `mb` MiB of jsonl built from a pool of synthetic articles; returns its size.
std::uintmax_t write_stream_file(const std::string& path, std::size_t mb) {
    const auto pool = bench::synthetic_articles(256);
    std::ofstream out(path, std::ios::binary);
    const std::uintmax_t target = static_cast<std::uintmax_t>(mb) << 20;
    std::uintmax_t written = 0;
    for (std::size_t i = 0; written < target; ++i) {
        const std::string line = jsonl_line("a" + std::to_string(i), pool[i % pool.size()].text);
        out << line;
        written += line.size();
    }
    return written;
}

void stream(const std::string& dir, std::size_t mb) {
    const std::string path = dir + "/stream.jsonl";
    const std::uintmax_t size = write_stream_file(path, mb);
    std::printf("stream: %.0f MiB jsonl\n%10s %10s %10s %12s\n",
                static_cast<double>(size) / 1048576.0, "MiB read", "articles", "RSS MiB",
                "MiB/CPU s");
    ReaderOptions options;
    options.format = InputFormat::jsonl;
    ArticleReader reader({path}, options);
    Article a;
    std::uintmax_t read = 0;
    std::uintmax_t next_report = size / 10;
    std::size_t articles = 0;
    double last_cpu = cpu_seconds();
    std::uintmax_t last_read = 0;
    while (reader.next(a)) {
        ++articles;
        read += a.text.size() + a.id.size() + 50; // the line's bytes, near enough
        if (read >= next_report) {
            const double cpu = cpu_seconds();
            std::printf("%10.0f %10zu %10.1f %12.0f\n", static_cast<double>(read) / 1048576.0,
                        articles, bench::rss_mib(),
                        static_cast<double>(read - last_read) / 1048576.0 /
                            std::max(cpu - last_cpu, 1e-9));
            std::fflush(stdout);
            last_cpu = cpu;
            last_read = read;
            next_report += size / 10;
        }
    }
    std::printf("  peak RSS %.1f MiB\n", bench::peak_rss_mib());
    std::filesystem::remove(path);
}

// The whole pipeline over one article read back from a one-line jsonl file.
struct Run {
    double read_cpu = 0, pipeline_cpu = 0, rss = 0;
    std::size_t events = 0, mentions = 0;
};

Run run_one_line(const geoparse::Geoparser& parser, const events::EventExtractor& extractor,
                 const std::string& path, const std::string& text) {
    {
        std::ofstream out(path, std::ios::binary);
        out << jsonl_line("big", text);
    }
    Run run;
    double t = cpu_seconds();
    ReaderOptions options;
    options.format = InputFormat::jsonl;
    ArticleReader reader({path}, options);
    Article a;
    if (!reader.next(a)) {
        std::fprintf(stderr, "no article in %s\n", path.c_str());
        std::exit(1);
    }
    run.read_cpu = cpu_seconds() - t;
    t = cpu_seconds();
    run.events = extractor.extract(a).size();
    run.pipeline_cpu = cpu_seconds() - t;
    run.rss = bench::rss_mib();
    run.mentions = parser.parse(a).size(); // not timed: what the pipeline's geoparse found
    std::filesystem::remove(path);
    return run;
}

void long_line(const geoparse::Geoparser& parser, const events::EventExtractor& extractor,
               const std::string& dir, std::size_t mb) {
    const auto pool = bench::synthetic_articles(64);
    std::printf("line: one article of N MiB, whole pipeline\n%8s %10s %14s %12s %10s %10s %10s\n",
                "MiB", "read CPU s", "pipeline CPU s", "CPU s/MiB", "mentions", "events",
                "RSS MiB");
    for (std::size_t part = 8; part >= 1; part /= 2) {
        const std::size_t bytes = (mb << 20) / part;
        std::string text;
        text.reserve(bytes + 8192);
        for (std::size_t i = 0; text.size() < bytes; ++i) {
            text += pool[i % pool.size()].text;
        }
        const Run r = run_one_line(parser, extractor, dir + "/line.jsonl", text);
        const double size_mb = static_cast<double>(text.size()) / 1048576.0;
        std::printf("%8.1f %10.2f %14.2f %12.3f %10zu %10zu %10.0f\n", size_mb, r.read_cpu,
                    r.pipeline_cpu, r.pipeline_cpu / size_mb, r.mentions, r.events, r.rss);
        std::fflush(stdout);
    }
}

void repeats(const geoparse::Geoparser& parser, const events::EventExtractor& extractor,
             const std::string& dir, std::size_t most) {
    std::printf("repeats: one place named R times, whole pipeline\n%10s %14s %20s %10s %10s\n",
                "repeats", "pipeline CPU s", "CPU ms/1,000 repeats", "mentions", "events");
    for (std::size_t part = 8; part >= 1; part /= 2) {
        const std::size_t n = most / part;
        std::string text;
        for (std::size_t i = 0; i < n; ++i) {
            text += "Shelling hit Homs. ";
        }
        const Run r = run_one_line(parser, extractor, dir + "/repeats.jsonl", text);
        std::printf("%10zu %14.2f %20.2f %10zu %10zu\n", n, r.pipeline_cpu,
                    1000.0 * r.pipeline_cpu / (static_cast<double>(n) / 1000.0), r.mentions,
                    r.events);
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char** argv) {
    std::size_t stream_mb = 1024;
    std::size_t line_mb = 50;
    std::size_t most_repeats = 100000;
    std::string parent = "/tmp";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const std::size_t value = std::strtoull(argv[i + 1], nullptr, 10);
        if (arg == "--stream-mb") {
            stream_mb = value;
        } else if (arg == "--line-mb") {
            line_mb = value;
        } else if (arg == "--repeats") {
            most_repeats = value;
        } else if (arg == "--dir") {
            parent = argv[i + 1];
        } else {
            std::fprintf(stderr,
                         "usage: %s [--stream-mb N] [--line-mb N] [--repeats R] "
                         "[--dir DIR]\n",
                         argv[0]);
            return 2;
        }
    }
    const std::string dir = parent + "/eventmap-hostile-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    if (stream_mb > 0) {
        stream(dir, stream_mb);
    }
    if (line_mb > 0 || most_repeats > 0) {
        const auto g =
            cli::open_or_build(gazetteer::default_index_path(), gazetteer::default_sources(), true);
        const geoparse::Geoparser parser(g);
        const events::EventExtractor extractor(parser);
        if (most_repeats > 0) {
            repeats(parser, extractor, dir, most_repeats);
        }
        if (line_mb > 0) {
            long_line(parser, extractor, dir, line_mb);
        }
    }
    std::filesystem::remove_all(dir);
    return 0;
}
