// The map following a store (issue 10): how long a commit of 1,000 new events takes to appear in
// an open viewer's session on a large store, row by row (the store's journal, the session's
// follower) against reading the whole store again (what the viewer did before). No window:
// the session's part; the window then draws the new table as after any data change. Both
// figures leave out the follower's polling interval (up to 1 s, the same before and after).
//   view_follow_bench STORE [COMMITS]   STORE: a copy of a store (events are added to it)
#include "bench_support.hpp"
#include "store_synthetic.hpp"
#include "view/session.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>
#include <time.h>

namespace {

namespace view = eventmap::view;
namespace store = eventmap::store;
using eventmap::bench::Clock;
using eventmap::bench::seconds_since;

double cpu_seconds() {
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// This thread's CPU seconds: the main thread's part, which stalls the viewer's frames.
double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Commits `n` new events (one article each), numbered from `first`.
void commit_events(const std::string& path, std::uint64_t first, std::uint64_t n) {
    store::EventStore s(path, store::OpenMode::append);
    s.begin();
    for (std::uint64_t a = first; a < first + n; ++a) {
        s.add_article(eventmap::bench::synthetic_article(a),
                      {eventmap::bench::synthetic_event(a, 0)}, {});
    }
    s.commit();
}

// One look at the store, waited for and applied; the main thread's CPU seconds applying it.
double follow_once(view::Session& s) {
    const auto checks = s.follow_stats().checks;
    s.check_sources();
    while (s.follow_stats().checks == checks) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const double applying = thread_cpu_seconds();
    s.poll();
    s.wait_until_loaded();
    return thread_cpu_seconds() - applying;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: view_follow_bench STORE [COMMITS]\n");
        return 2;
    }
    const std::string path = argv[1];
    char* end = nullptr;
    const long commits = argc > 2 ? std::strtol(argv[2], &end, 10) : 3;
    if (argc > 2 && (*end != '\0' || commits < 1)) {
        std::fprintf(stderr, "view_follow_bench: COMMITS must be a positive number\n");
        return 2;
    }
    double load[1] = {0};
    getloadavg(load, 1);
    std::printf("machine load %.1f\n", load[0]);
    view::Session s(path);
    auto start = Clock::now();
    s.start_loading();
    s.wait_until_loaded();
    std::printf("loaded %zu events in %.2f s\n", s.table().size(), seconds_since(start));
    std::uint64_t next = 4000000000ULL;
    for (int i = 0; i < commits; ++i) {
        // Row by row: the follower reads the commit's rows and applies them.
        commit_events(path, next, 1000);
        next += 1000;
        start = Clock::now();
        double cpu = cpu_seconds();
        const double applying = follow_once(s);
        const auto stats = s.follow_stats();
        std::printf("row by row: 1,000 new events shown after %.3f s wall, %.3f s CPU, "
                    "%.1f ms of it on the main thread "
                    "(%llu rows read, %llu full loads so far, %zu events)\n",
                    seconds_since(start), cpu_seconds() - cpu, applying * 1e3,
                    static_cast<unsigned long long>(stats.last_rows_read),
                    static_cast<unsigned long long>(s.loads_started()), s.table().size());
        // Before: the whole store read again after the commit.
        commit_events(path, next, 1000);
        next += 1000;
        start = Clock::now();
        cpu = cpu_seconds();
        s.start_loading();
        s.wait_until_loaded();
        std::printf("whole store: 1,000 new events shown after %.3f s wall, %.3f s CPU "
                    "(%zu events)\n",
                    seconds_since(start), cpu_seconds() - cpu, s.table().size());
        follow_once(s); // settles the mark (nothing to read: the load had it all)
    }
    return 0;
}
