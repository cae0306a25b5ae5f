// Several writers into one PostGIS database (issue 13): 1, 2 and 4 processes, each with its own
// synthetic articles (3-5 KB, bench/events_synthetic.hpp), ingest into one fresh schema at
// once, as on several machines sharing a server: the whole `eventmap ingest` loop (extraction,
// merge lookups, the locks writers take: store/pg_writer.hpp, transactions). Generating the
// articles and opening the gazetteer happen before the clock starts. Prints wall time,
// articles/s, the writers' CPU time (user+sys) and the local server's (all its processes; read
// from /proc, so 0 for a server elsewhere) with the load average: the machine is shared.
//   pipeline_pg_writers_bench PG:CONNINFO [ARTICLES_PER_WRITER] [BATCH]
//   (default $EVENTMAP_TEST_PG, 300 articles per writer, 200 articles per transaction)
#include "bench_support.hpp"
#include "cli/gazetteer_index.hpp"
#include "events_synthetic.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"
#include "pipeline/ingest.hpp"
#include "store/event_store.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <iterator>
#include <ogrsf_frmts.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using eventmap::bench::Clock;

// Admin SQL on the database (schemas), outside any store.
bool execute(const std::string& base, const std::string& sql) {
    GDALAllRegister();
    const char* const drivers[] = {"PostgreSQL", nullptr};
    GDALDataset* ds =
        GDALDataset::Open(base.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr);
    if (ds == nullptr) {
        return false;
    }
    CPLErrorReset();
    if (OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
        ds->ReleaseResultSet(result);
    }
    const bool ok = CPLGetLastErrorType() != CE_Failure;
    GDALClose(ds);
    return ok;
}

// CPU seconds of the PostgreSQL server(s) on this machine: every "postgres" process, the
// postmaster counting the backends it has reaped (cutime, cstime).
double server_cpu_seconds() {
    const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
    double total = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::ifstream in(entry.path() / "stat");
        std::string line;
        if (!std::getline(in, line) || line.find("(postgres)") == std::string::npos) {
            continue;
        }
        std::istringstream fields(line.substr(line.rfind(')') + 2));
        std::vector<std::string> f{std::istream_iterator<std::string>(fields), {}};
        if (f.size() < 15) {
            continue;
        }
        // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14); a
        // backend's own time, the postmaster's with that of the backends it reaped.
        total += (std::stod(f[11]) + std::stod(f[12]) + std::stod(f[13]) + std::stod(f[14])) / tick;
    }
    return total;
}

double cpu_seconds(const rusage& r) {
    return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
           static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

// One writer: makes its articles (writer w's share of the synthetic stream), waits for the
// start signal on `go`, then ingests them. Exit status 0 when all were read and stored.
int writer(const std::string& target, int w, std::size_t n, std::size_t batch, int go) {
    const auto g = eventmap::cli::open_or_build(eventmap::gazetteer::default_index_path(),
                                                eventmap::gazetteer::default_sources(), false);
    const eventmap::geoparse::Geoparser parser(g);
    const eventmap::events::EventExtractor extractor(parser);
    std::mt19937 rng(20130913U + static_cast<unsigned>(w));
    std::vector<eventmap::Article> articles;
    for (std::size_t i = 0; i < n; ++i) {
        articles.push_back(
            eventmap::bench::synthetic_article(static_cast<std::size_t>(w) * n + i, rng));
    }
    std::size_t next = 0;
    char signal = 0;
    if (read(go, &signal, 1) != 1) {
        return 2;
    }
    eventmap::store::EventStore store(target, eventmap::store::OpenMode::append);
    eventmap::pipeline::IngestOptions options;
    options.batch = batch;
    const auto summary = eventmap::pipeline::ingest_articles(
        [&](eventmap::Article& a) {
            if (next == articles.size()) {
                return false;
            }
            a = articles[next++];
            return true;
        },
        store, extractor, options);
    return summary.articles == n && summary.skipped == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    const char* env = std::getenv("EVENTMAP_TEST_PG");
    const std::string base = argc > 1 ? argv[1] : (env != nullptr ? env : "");
    const std::size_t n = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 300;
    const std::size_t batch = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 200;
    if (base.rfind("PG:", 0) != 0) {
        std::fprintf(stderr, "usage: pipeline_pg_writers_bench PG:CONNINFO [ARTICLES] [BATCH]\n"
                             "(or set EVENTMAP_TEST_PG: eval \"$(scripts/postgis start)\")\n");
        return 2;
    }
    std::printf("pipeline_pg_writers_bench: %zu synthetic articles per writer, %zu per "
                "transaction\n",
                n, batch);
    std::printf(
        "  writers  articles  wall s  articles/s  writers' CPU s  server CPU s  load (1 min)\n");
    for (const int writers : {1, 2, 4}) {
        const std::string schema = "bench_pg_writers_" + std::to_string(writers);
        const std::string target = base + " active_schema=" + schema;
        if (!execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE") ||
            !execute(base, "CREATE SCHEMA " + schema)) {
            std::fprintf(stderr, "cannot create schema %s\n", schema.c_str());
            return 1;
        }
        { eventmap::store::EventStore created(target, eventmap::store::OpenMode::create); }
        int pipe_fds[2];
        if (pipe(pipe_fds) != 0) {
            return 1;
        }
        std::vector<pid_t> pids;
        for (int w = 0; w < writers; ++w) {
            const pid_t pid = fork();
            if (pid == 0) {
                close(pipe_fds[1]);
                int code = 3;
                try {
                    code = writer(target, w, n, batch, pipe_fds[0]);
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "writer %d: %s\n", w, e.what());
                }
                _exit(code);
            }
            pids.push_back(pid);
        }
        close(pipe_fds[0]);
        // Let the writers make their articles and open the gazetteer, then start them together.
        sleep(static_cast<unsigned>(2 + n / 100));
        rusage before{};
        getrusage(RUSAGE_CHILDREN, &before);
        const double server_before = server_cpu_seconds();
        const auto t0 = Clock::now();
        const std::string go(static_cast<std::size_t>(writers), 'g');
        if (write(pipe_fds[1], go.data(), go.size()) != static_cast<ssize_t>(go.size())) {
            return 1;
        }
        close(pipe_fds[1]);
        bool ok = true;
        for (const pid_t pid : pids) {
            int status = 0;
            waitpid(pid, &status, 0);
            ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        const double wall = eventmap::bench::seconds_since(t0);
        sleep(1); // the writers' backends exit and are reaped
        const double server = server_cpu_seconds() - server_before;
        rusage after{};
        getrusage(RUSAGE_CHILDREN, &after);
        double load[1] = {0};
        getloadavg(load, 1);
        const std::size_t total = n * static_cast<std::size_t>(writers);
        std::printf("  %7d  %8zu  %6.1f  %10.1f  %14.1f  %12.1f  %.1f%s\n", writers, total, wall,
                    static_cast<double>(total) / wall, cpu_seconds(after) - cpu_seconds(before),
                    server, load[0], ok ? "" : "  (a writer FAILED)");
        std::fflush(stdout);
        eventmap::store::EventStore check(target, eventmap::store::OpenMode::read);
        if (check.count_articles() != total) {
            std::printf("  store holds %llu articles, expected %zu\n",
                        static_cast<unsigned long long>(check.count_articles()), total);
            ok = false;
        }
        if (!ok) {
            return 1;
        }
    }
    return 0;
}
