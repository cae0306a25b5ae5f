// The viewer under Xvfb following a PostGIS store: an ingest while it is open appears (only the
// committed rows read), and a server that goes away (the store's database dropped under it;
// the shared server itself keeps running) gives a message while the events stay.
#include "render/png_probe.hpp"
#include "store/pg_connection.hpp"
#include "store/store_test_support.hpp"
#include "store_fixture.hpp"
#include "viewer_run.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>

using namespace eventmap;
using test::read_png;
using test::vermilion_near;

namespace {

// Waits (at most two minutes) for the viewer's first screenshot: the store is shown.
void wait_for_file(const std::string& path) {
    for (int i = 0; i < 1200 && !std::filesystem::exists(path); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
}

// The script of both tests: Damascus and Aleppo in view, a screenshot once loaded, a wait for
// the store to change, then what is selected at Aleppo and at Damascus; `more` before the end.
std::string follow_script(const std::string& dir, const std::string& more = "") {
    return "color quad\n"
           "layer labels off\n"
           "center 36.2021 37.1343 6\n"
           "window 2018-02-15 2018-03-20\n"
           "screenshot " +
           dir +
           "/loaded.png\n"
           "wait 60\n"
           "select 36.2021 37.1343\n"
           "select 33.5102 36.2913\n"
           "screenshot " +
           dir + "/after.png\n" + more + "quit\n";
}

} // namespace

TEST_CASE("the viewer follows a PostGIS store: an ingest appears, rows read one by one",
          "[view][xvfb][postgis]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const auto backend = test::make_backend("postgis", "view_pg_follow");
    if (!backend) {
        return;
    }
    test::write_fixture_events(backend->target);
    const std::string dir = test::scratch_dir("view_pg_follow_run");
    test::write_file(dir + "/run.script", follow_script(dir));
    std::thread ingest([&] {
        wait_for_file(dir + "/loaded.png");
        test::ingest_fixture_events(
            backend->target, {test::fixture_event("ev-aleppo", "2018-03-01", "ASSAULT", 4, "Aleppo",
                                                  36.2021, 37.1343, "SY", "Shelling hit Aleppo.")});
    });
    const auto result = test::run_view_script("'" + backend->target + "'", dir + "/run.script");
    ingest.join();
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 10);
    CHECK(lines[5]["reloaded"] == true);
    CHECK(lines[5]["incremental"] == true);
    CHECK(lines[5]["rows_read"] == 1);
    CHECK(lines[5]["full_loads"] == 1);
    CHECK(lines[5]["events"] == 5);
    CHECK(lines[6]["selected"]["id"] == "ev-aleppo");
    CHECK(lines[7]["selected"]["id"] == "ev-damascus");
    const test::PixelPoint centre = test::map_centre(lines[8]);
    const int cx = centre.x;
    const int cy = centre.y;
    CHECK_FALSE(vermilion_near(read_png(dir + "/loaded.png"), cx, cy, 4));
    CHECK(vermilion_near(read_png(dir + "/after.png"), cx, cy, 3));
}

TEST_CASE("a PostGIS store that goes away and comes back: messages, the events stay",
          "[view][xvfb][postgis]") {
    if (!test::viewer_can_run()) {
        return;
    }
    if (test::pg_base().empty()) {
        test::mark_skipped("EVENTMAP_TEST_PG is not set: the viewer's PostGIS test did not run");
        WARN("SKIPPED: EVENTMAP_TEST_PG is not set (eval \"$(scripts/postgis start)\")");
        return;
    }
    // A database of its own, dropped while the viewer reads it: its connections are ended and
    // new ones refused, as when a server goes away; the shared server keeps running. It comes
    // back whole (made under another name, then renamed) with one event more.
    const std::string db = "eventmap_view_gone_" + std::to_string(getpid());
    const std::string target = test::with_database(test::pg_base(), db);
    const auto make_store = [&](const std::string& name, bool aleppo) {
        store::PgConnection admin(test::pg_base());
        admin.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin.exec("CREATE DATABASE " + name);
        const std::string at = test::with_database(test::pg_base(), name);
        store::PgConnection(at).exec("CREATE EXTENSION IF NOT EXISTS postgis");
        test::write_fixture_events(at);
        if (aleppo) {
            test::ingest_fixture_events(
                at, {test::fixture_event("ev-aleppo", "2018-03-01", "ASSAULT", 4, "Aleppo", 36.2021,
                                         37.1343, "SY", "Shelling hit Aleppo.")});
        }
    };
    make_store(db, false);
    const std::string dir = test::scratch_dir("view_pg_gone_run");
    test::write_file(dir + "/run.script", follow_script(dir, "wait 60\n"));
    std::thread drop([&] {
        wait_for_file(dir + "/loaded.png");
        store::PgConnection(test::pg_base()).exec("DROP DATABASE " + db + " WITH (FORCE)");
        wait_for_file(dir + "/after.png");
        make_store(db + "_next", true);
        store::PgConnection(test::pg_base()).exec("ALTER DATABASE " + db + "_next RENAME TO " + db);
    });
    const auto result = test::run_view_script("'" + target + "'", dir + "/run.script");
    drop.join();
    store::PgConnection(test::pg_base()).exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 11);
    CHECK(lines[5]["reloaded"] == false);
    CHECK(lines[5]["events"] == 4); // what it had
    CHECK_THAT(lines[5]["problem"].get<std::string>(), Catch::Contains("cannot read the store"));
    CHECK_THAT(result.err, Catch::Contains("the map keeps the events it shows"));
    CHECK_THAT(result.err, Catch::Contains(db));
    CHECK(lines[6]["selected"].is_null()); // nothing at Aleppo
    CHECK(lines[7]["selected"]["id"] == "ev-damascus");
    // Damascus is still drawn (south-west of the centre at zoom 6, about 150 px down).
    const test::PixelPoint centre = test::map_centre(lines[8]);
    const int cx = centre.x;
    const int cy = centre.y;
    const auto png = read_png(dir + "/after.png");
    bool damascus = false;
    for (int dy = 0; dy < 220 && !damascus; dy += 4) {
        for (int dx = -140; dx < 0 && !damascus; dx += 4) {
            damascus = vermilion_near(png, cx + dx, cy + dy, 2);
        }
    }
    CHECK(damascus);
    // Back, with an event more: said on stderr, and the store read again (a store made anew
    // cannot be described by the journal the viewer followed).
    CHECK(lines[9]["reloaded"] == true);
    CHECK(lines[9]["events"] == 5);
    CHECK_THAT(result.err, Catch::Contains("the store answers again"));
}
