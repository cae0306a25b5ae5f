// The session follows its store (session_follow.cpp), without a window: a commit's rows are
// read through the store's journal and applied in place, on a GeoPackage and on PostGIS; the
// selection, the filters and the time window stay.
#include "store/event_store.hpp"
#include "store/pg_connection.hpp"
#include "store/store_test_support.hpp"
#include "store_fixture.hpp"
#include "view/session.hpp"
#include "view/source_columns.hpp"
#include "view/store_delta.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <thread>
#include <unistd.h>

using namespace eventmap;

namespace {

// SQL on a GeoPackage through GDAL (its SQLite functions included), outside the store.
void gpkg_exec(const std::string& path, const std::string& sql) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    CPLErrorReset();
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result != nullptr) {
        ds->ReleaseResultSet(result);
    }
    INFO(sql);
    REQUIRE(CPLGetLastErrorType() != CE_Failure);
}

// One look at the sources, waited for and applied (a full reload it asked for, too).
void follow_once(view::Session& s) {
    const auto checks = s.follow_stats().checks;
    s.check_sources();
    for (int i = 0; i < 6000 && s.follow_stats().checks == checks; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(s.follow_stats().checks > checks);
    s.poll();
    s.wait_until_loaded();
}

std::string id_of(const view::Session& s, view::Row row) {
    return s.table().id.at(row);
}

void check_follow(const std::string& target) {
    test::write_fixture_events(target);
    view::Session s(target);
    s.start_loading();
    s.wait_until_loaded();
    REQUIRE(s.table().size() == 4);
    follow_once(s);
    CHECK(s.follow_stats().updates == 0); // nothing committed: nothing read
    CHECK(s.follow_problem().empty());

    // What the user set up: Douma selected, ASSAULT only, a window.
    s.selected = s.row_of_id("ev-douma");
    REQUIRE(s.selected);
    view::FilterState filters;
    filters.types = {"ASSAULT"};
    s.set_filters(filters);
    s.time.set_window(s.time.extent().first, s.time.extent().last - 3);
    const auto window = s.time.window();

    // A commit: two new events, and a second report of Geneva's (the stored row rewritten).
    test::ingest_fixture_events(
        target, {test::fixture_event("ev-aleppo", "2018-03-01", "ASSAULT", 4, "Aleppo", 36.2021,
                                     37.1343, "SY", "Shelling hit Aleppo."),
                 test::fixture_event("ev-homs", "2018-03-02", "PROTEST", 3, "Homs", 34.7324,
                                     36.7137, "SY", "Crowds marched in Homs.")});
    {
        store::EventStore w(target, store::OpenMode::append);
        REQUIRE(w.append_sources("ev-geneva", {{"art-more", "Talks went on.", 0, 14}}));
    }
    follow_once(s);
    const auto stats = s.follow_stats();
    CHECK(stats.updates == 1);
    CHECK(stats.reloads == 0);
    CHECK(s.loads_started() == 1); // no full load
    // The journal's rows since the load: the two new ones and Geneva, nothing else.
    CHECK(stats.last_rows_read == 3);
    REQUIRE(s.table().size() == 6);
    CHECK(s.row_of_id("ev-aleppo"));
    CHECK(s.row_of_id("ev-homs"));
    REQUIRE(s.selected);
    CHECK(id_of(s, *s.selected) == "ev-douma");
    CHECK(s.filters().types == std::set<std::string>{"ASSAULT"});
    CHECK(s.time.window().first == window.first);
    CHECK(s.time.window().last == window.last);
    // Geneva's marker grows with its second report; the new rows have their filter columns.
    const auto geneva = s.row_of_id("ev-geneva");
    REQUIRE(geneva);
    CHECK(s.map()->sources.at(*geneva) == 2);
    const auto homs = *s.row_of_id("ev-homs");
    CHECK(s.table().countries.text(s.table().country[homs]) == "SY");
    CHECK(s.table().place[homs] == "Homs");
    CHECK(s.table().actor_offset.size() == 7);
    CHECK(s.table().actor_offset[homs + 1] - s.table().actor_offset[homs] == 1);

    // A second commit later: only its row.
    test::ingest_fixture_events(
        target, {test::fixture_event("ev-idlib", "2018-03-03", "ASSAULT", 4, "Idlib", 35.9306,
                                     36.6339, "SY", "Strikes hit Idlib.")});
    follow_once(s);
    CHECK(s.follow_stats().updates == 2);
    CHECK(s.follow_stats().last_rows_read == 1);
    CHECK(s.loads_started() == 1);
    CHECK(s.table().size() == 7);

    // Another viewer moves Cairo to Giza: its correction is followed, that row alone.
    {
        view::Session other(target);
        other.start_loading();
        other.wait_until_loaded();
        other.correct(*other.row_of_id("ev-cairo"), {{30.0131, 31.2089}, "Giza", 360995, "EG", ""});
    }
    follow_once(s);
    CHECK(s.follow_stats().updates == 3);
    CHECK(s.follow_stats().last_rows_read == 1);
    CHECK(s.loads_started() == 1);
    const auto cairo = *s.row_of_id("ev-cairo");
    CHECK(s.table().lat[cairo] == Approx(30.0131));
    CHECK(s.map()->lat[cairo] == Approx(30.0131));
    CHECK(s.table().place[cairo] == "Giza");
}

} // namespace

TEST_CASE("the session follows a GeoPackage store row by row", "[view][follow][session]") {
    check_follow(test::scratch_dir("view_session_follow") + "/events.gpkg");
}

TEST_CASE("the session follows a PostGIS store row by row", "[view][follow][postgis]") {
    const auto backend = test::make_backend("postgis", "view_follow");
    if (!backend) {
        return;
    }
    check_follow(backend->target);
}

namespace {

// Rows of `table` in `schema` of the database `at` reaches; -1 when there is no such table.
long rows_in(const std::string& at, const std::string& schema, const std::string& table) {
    store::PgConnection c(at);
    const std::string qualified = schema + "." + table; // plain names of the test's own
    if (c.exec("SELECT to_regclass($1) IS NULL", {qualified}).text(0, 0) == "t") {
        return -1;
    }
    return std::stol(c.exec("SELECT count(*) FROM " + qualified).text(0, 0));
}

} // namespace

TEST_CASE("a PostGIS store in its own schema is followed beside a stale store in public",
          "[view][follow][postgis]") {
    if (test::pg_base().empty()) {
        test::mark_skipped("EVENTMAP_TEST_PG is not set: the stale-public follow test did not run");
        WARN("SKIPPED: EVENTMAP_TEST_PG is not set (eval \"$(scripts/postgis start)\")");
        return;
    }
    // A database of its own, so that its public schema can hold another store without
    // disturbing the shared test database: that store has its journal, partitions, corrections
    // and overrides, all under the names the followed store's tables have.
    const std::string db = "eventmap_stale_public_" + std::to_string(getpid());
    store::PgConnection admin(test::pg_base());
    admin.exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    admin.exec("CREATE DATABASE " + db);
    const std::string base = test::with_database(test::pg_base(), db);
    store::PgConnection(base).exec("CREATE EXTENSION IF NOT EXISTS postgis");
    test::write_fixture_events(base);
    {
        view::Session other(base);
        other.start_loading();
        other.wait_until_loaded();
        other.correct(*other.row_of_id("ev-geneva"), {{46.2, 6.1}, "Carouge", 2660645, "CH", ""});
    }
    const long public_journal = rows_in(base, "public", "event_changes");
    REQUIRE(public_journal == 2);
    REQUIRE(rows_in(base, "public", "place_overrides") == 1);
    store::PgConnection(base).exec("CREATE SCHEMA followed");

    check_follow(base + " active_schema=followed");

    // Every row the followed store wrote is in its own schema: four commits and a correction
    // journalled, the correction and its override; public's tables are as they were.
    CHECK(rows_in(base, "followed", "event_changes") == 5);
    CHECK(rows_in(base, "followed", "view_corrections") == 1);
    CHECK(rows_in(base, "followed", "place_overrides") == 1);
    CHECK(rows_in(base, "followed", "events") == 7);
    CHECK(rows_in(base, "public", "event_changes") == public_journal);
    CHECK(rows_in(base, "public", "place_overrides") == 1);
    CHECK(rows_in(base, "public", "events") == 4);
    admin.exec("DROP DATABASE " + db + " WITH (FORCE)");
}

TEST_CASE("a store without a journal is read again whole after a change",
          "[view][follow][session]") {
    const std::string path = test::scratch_dir("view_follow_nojournal") + "/events.gpkg";
    test::write_fixture_events(path);
    gpkg_exec(path, "DROP TABLE event_changes");
    view::Session s(path);
    s.start_loading();
    s.wait_until_loaded();
    // A writer that keeps no journal (an older eventmap), imitated: a row copied in SQL.
    gpkg_exec(path, "INSERT INTO events (geom, id, date, enddate, date_precision, event, "
                    "quad_code, planned, confidence, radius_km, sources, country_code, "
                    "date_source, actor, recipient, resolved_place, extracted_place) "
                    "SELECT geom, 'ev-copy', date, enddate, date_precision, event, "
                    "quad_code, planned, confidence, radius_km, sources, country_code, "
                    "date_source, actor, recipient, resolved_place, extracted_place "
                    "FROM events WHERE id = 'ev-cairo'");
    follow_once(s);
    CHECK(s.follow_stats().reloads == 1);
    CHECK(s.loads_started() == 2);
    CHECK(s.table().size() == 5);
}

namespace {

// A map table of `fids` at (fid, fid) degrees, typed ASSAULT, one day each.
mapdata::EventTable map_of(const std::vector<std::int64_t>& fids) {
    mapdata::EventTable m;
    m.type_names = {"ASSAULT"};
    m.resize(fids.size()); // type 0, one source, confidence 1, a point
    for (std::size_t r = 0; r < fids.size(); ++r) {
        const auto fid = fids[r];
        m.fid[r] = fid;
        m.lon[r] = static_cast<double>(fid);
        m.lat[r] = static_cast<double>(fid);
        m.day_start[r] = static_cast<mapdata::DayNumber>(17000 + fid);
        m.day_end[r] = m.day_start[r];
        m.precision[r] = mapdata::DatePrecision::day;
        m.quad[r] = mapdata::QuadClass::material_conflict;
    }
    return m;
}

view::EventTable table_of(const mapdata::EventTable& map, const std::string& actor) {
    view::EventTable t = view::table_from_map(map);
    t.actor_ids.clear();
    for (std::size_t r = 0; r < t.size(); ++r) {
        t.id[r] = "ev" + std::to_string(map.fid[r]);
        t.actor_ids.push_back(t.actors.intern(actor + std::to_string(map.fid[r])));
        t.actor_offset[r + 1] = static_cast<std::uint32_t>(t.actor_ids.size());
    }
    return t;
}

} // namespace

TEST_CASE("changed rows replace theirs, new rows are appended, others stay", "[view][follow]") {
    auto map = map_of({1, 2, 5});
    auto table = table_of(map, "old");
    table.corrected[1] = 1;
    auto rows_map = map_of({2, 7, 9});
    rows_map.type_names = {"PROTEST"};
    rows_map.sources = {3, 1, 1};
    const auto rows = table_of(rows_map, "new");
    const auto counts = view::apply_store_rows(map, table, rows_map, rows);
    REQUIRE(counts);
    CHECK(counts->replaced == 1);
    CHECK(counts->appended == 2);
    REQUIRE(table.size() == 5);
    CHECK(map.fid == std::vector<std::int64_t>{1, 2, 5, 7, 9});
    CHECK(table.id[1] == "ev2");
    CHECK(map.sources[1] == 3);                          // the second report's marker size
    CHECK(map.type_names[map.type[1]] == "PROTEST");     // re-typed through the map's names
    CHECK(table.types.text(table.type[0]) == "ASSAULT"); // untouched row
    CHECK(table.corrected[1] == 1);                      // the user's mark kept
    const auto actor = [&](std::size_t r) {
        REQUIRE(table.actor_offset[r + 1] - table.actor_offset[r] == 1);
        return table.actors.text(table.actor_ids[table.actor_offset[r]]);
    };
    CHECK(actor(0) == "old1");
    CHECK(actor(1) == "new2");
    CHECK(actor(2) == "old5");
    CHECK(actor(4) == "new9");
}

TEST_CASE("a new row between rows shown is not applied: the layer is read again",
          "[view][follow]") {
    auto map = map_of({1, 2, 5});
    auto table = table_of(map, "a");
    const auto rows_map = map_of({3, 6});
    const auto rows = table_of(rows_map, "b");
    CHECK_FALSE(view::apply_store_rows(map, table, rows_map, rows));
    CHECK(table.size() == 3); // nothing changed
    CHECK(map.size() == 3);
}
