// Renderer figures: basemap build per Natural Earth scale, and end-to-end renders (load,
// EGL context, basemap, draw, read back, PNG encode) of 100,000 synthetic events at 1920x1080
// and 3840x2160; `--big` adds a 16384x16384 tiled render with its peak memory. The events
// file is written afresh, so the first render reads it through OGR and the later ones from
// the event cache (each line says which). Prints figures, asserts nothing.
#include "bench_support.hpp"
#include "mapdata/map_source.hpp"
#include "render/basemap_cache.hpp"
#include "render/offscreen_context.hpp"
#include "render/offscreen_target.hpp"
#include "render/render_job.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <epoxy/gl.h>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {

using namespace eventmap;
using bench::peak_rss_mib;

// 100,000 events as a GeoJSON sequence in the project's export schema, spread over a year
// around a few invented hot spots (clustered like news) plus background noise.
std::string write_events(const std::string& path, int n) {
    std::mt19937 rng(42);
    const double spots[][2] = {{36.3, 33.5}, {30.5, 50.4},  {34.4, 31.5}, {-77.0, 38.9},
                               {44.4, 33.3}, {2.35, 48.85}, {32.5, 15.6}, {100.5, 13.7}};
    const char* types[] = {"ASSAULT", "CONSULT", "ACCUSE",  "THREATEN", "PROTEST", "AID",
                           "COERCE",  "AGREE",   "REQUEST", "RETREAT",  "SANCTION"};
    std::normal_distribution<double> spread(0, 2.5);
    std::uniform_real_distribution<double> unit(0, 1);
    std::FILE* f = std::fopen(path.c_str(), "w");
    for (int i = 0; i < n; ++i) {
        double lon, lat;
        if (unit(rng) < 0.8) {
            const auto& s = spots[i % 8];
            lon = s[0] + spread(rng);
            lat = s[1] + spread(rng) * 0.7;
        } else {
            lon = -170 + 340 * unit(rng);
            lat = -50 + 115 * unit(rng);
        }
        const int day = static_cast<int>(unit(rng) * 365);
        const int month = 1 + day / 31 % 12, dom = 1 + day % 28;
        std::fprintf(
            f,
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},"
            "\"properties\":{\"date\":\"2023-%02d-%02d\",\"date_precision\":\"day\","
            "\"event\":\"%s\",\"quad_code\":%d,\"planned\":%s,\"radius_km\":%.1f,"
            "\"article_id\":\"a%d\"}}\n",
            lon, lat, month, dom, types[i % 11], 1 + i % 4, i % 17 == 0 ? "true" : "false",
            i % 23 == 0 ? 150.0 : 5.0, i / 3);
    }
    std::fclose(f);
    return path;
}

// CPU seconds of the whole process (all threads: llvmpipe rasterises on several). On a
// shared machine the wall clock also counts other people's work; CPU time does not.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The machine's 1-minute load average: on a shared machine the wall clock is only
// comparable between runs at similar load.
double load_average() {
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

// CPU seconds of the calling thread only: the main thread runs load, vertex stage, read-back
// and encoding one after another, so on an idle machine the wall time is at least this; the
// rasteriser threads' share overlaps with it on a second core.
double thread_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void run(const std::string& label, render::RenderJob job) {
    const double cpu = cpu_seconds(), main_cpu = thread_cpu_seconds();
    const auto r = render::run_render_job(job);
    std::printf("%-34s wall %6.2f s, CPU %6.2f s (main thread %.2f s) (wall: load %.2f%s, "
                "basemap %.2f, draw+encode %.2f)  %d tile(s)  peak RSS %.0f MiB  load avg %.1f\n",
                label.c_str(), r.total_seconds, cpu_seconds() - cpu,
                thread_cpu_seconds() - main_cpu, r.load_seconds,
                r.events_from_cache ? " from the event cache" : " from the file", r.basemap_seconds,
                r.render_seconds, r.tiles, peak_rss_mib(), load_average());
    std::fflush(stdout);
}

void basemap_figures() {
    std::printf("== basemap build (read TopoJSON, project, triangulate), Web Mercator\n");
    const render::Projection mercator(render::ProjectionKind::web_mercator, 0);
    for (const auto d : {render::Detail::coarse, render::Detail::medium, render::Detail::fine}) {
        const double cpu = cpu_seconds();
        const auto g = render::build_basemap(mercator, d, render::default_world_atlas_dir());
        std::printf("%-5s %8zu triangles %8zu border + %7zu coast segments  %.2f s wall, "
                    "%.2f s CPU, busier thread %.2f s CPU  load avg %.1f\n",
                    render::detail_scale(d), g.land_triangles.size() / 6, g.borders.size() / 4,
                    g.coastlines.size() / 4, g.build_seconds, cpu_seconds() - cpu,
                    g.critical_cpu_seconds, load_average());
        std::fflush(stdout);
    }
    std::printf("== basemap from the disk cache (%s), Web Mercator\n",
                render::basemap_cache_dir().c_str());
    for (const auto d : {render::Detail::coarse, render::Detail::medium, render::Detail::fine}) {
        render::cached_basemap(mercator, d, render::default_world_atlas_dir()); // fills it
        const auto g = render::cached_basemap(mercator, d, render::default_world_atlas_dir());
        std::printf("%-5s %.3f s\n", render::detail_scale(d), g.build_seconds);
    }
    std::fflush(stdout);
}

// What the viewer pays per frame: MapRenderer::draw of every marker into a 1280x800 target
// (multisampled as saved images are; `samples` 1 is the viewer's map surface, see
// view/viewer_surface), finished with glFinish, no read-back or encoding. Median of 7 frames
// after one warm-up.
void frame_figures(const std::string& source, int samples = 4) {
    render::OffscreenContext context;
    render::MapRenderer renderer(render::RendererSettings{"", "-", ""});
    auto table = std::make_shared<mapdata::EventTable>(mapdata::load_events(source));
    renderer.set_events(table);
    renderer.set_projection(render::ProjectionKind::web_mercator, 0);
    const auto view =
        render::fit_view(renderer.projection(), mapdata::event_bounds(*table), 1280, 800, 0.05);
    render::OffscreenTarget target(1280, 800, samples);
    render::MapOptions options;
    std::vector<double> walls, cpus;
    for (int i = 0; i < 8; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpu_seconds();
        target.bind();
        renderer.draw(view, options, {0, 0, 1280, 800});
        glFinish();
        if (i > 0) {
            walls.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            cpus.push_back(cpu_seconds() - c0);
        }
    }
    std::sort(walls.begin(), walls.end());
    std::sort(cpus.begin(), cpus.end());
    std::printf("1280x800 frame, %d sample(s), %zu markers: median %.0f ms wall, %.0f ms CPU (all "
                "threads)  load avg %.1f\n",
                samples, table->size(), walls[walls.size() / 2] * 1000,
                cpus[cpus.size() / 2] * 1000, load_average());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    // --big: add 16384x16384; --renders: no basemap builds; --basemap: only those;
    // --dir DIR: where the events and images go (default /tmp)
    // --frame: only the 1280x800 frame figure (the marker frame's quick loop)
    bool big = false, renders_only = false, basemap_only = false, frame_only = false;
    std::string dir = "/tmp";
    for (int i = 1; i < argc; ++i) {
        big |= std::strcmp(argv[i], "--big") == 0;
        renders_only |= std::strcmp(argv[i], "--renders") == 0;
        basemap_only |= std::strcmp(argv[i], "--basemap") == 0;
        frame_only |= std::strcmp(argv[i], "--frame") == 0;
        if (std::strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
            dir = argv[++i];
        }
    }
    if (!renders_only && !frame_only) {
        basemap_figures();
    }
    if (basemap_only) {
        return 0;
    }
    const std::string source = write_events(dir + "/render_bench_events.geojsonl", 100000);
    if (frame_only) {
        frame_figures(source);
        frame_figures(source, 1);
        return 0;
    }
    std::printf("== end to end, 100,000 events (%s)\n", source.c_str());
    render::RenderJob job;
    job.source = source;
    job.options.title = "Render benchmark";
    job.options.subtitle = "100,000 synthetic events";
    job.width = 1920;
    job.height = 1080;
    job.output = dir + "/render_bench_1080p.png";
    run("1920x1080 PNG, markers (first)", job);
    frame_figures(source);
    frame_figures(source, 1);
    run("1920x1080 PNG, markers (again)", job);
    job.options.heatmap = true;
    job.output = dir + "/render_bench_1080p_heat.png";
    run("1920x1080 PNG, heatmap + markers", job);
    job.options.heatmap = false;
    job.options.clusters = true;
    job.output = dir + "/render_bench_1080p_clusters.png";
    run("1920x1080 PNG, clusters", job);
    job.options.clusters = false;
    job.width = 3840;
    job.height = 2160;
    job.scale = job.options.scale = 2;
    job.output = dir + "/render_bench_4k.png";
    run("3840x2160 PNG (scale 2), markers", job);
    if (big) {
        job.width = job.height = 16384;
        job.scale = job.options.scale = 4;
        job.output = dir + "/render_bench_16k.png";
        run("16384x16384 PNG tiled (scale 4)", job);
    }
    return 0;
}
