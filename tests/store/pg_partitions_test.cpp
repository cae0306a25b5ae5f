// The PostGIS store's events table partitioned by month (docs/store.md): a partition per month
// appears as its first event arrives, undated events have their own, every partition has the
// indexes, queries read the same events as from a GeoPackage, updates by feature id (a merge,
// the viewer's corrections through GDAL) reach rows in partitions, and a store made before
// partitions still opens and takes writes without any.
#include "common/gdal.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace eventmap;

namespace {

// Rows of a query on the test database, each row's columns joined by '|'.
std::vector<std::string> pg_rows(const std::string& sql) {
    GDALAllRegister();
    const char* const drivers[] = {"PostgreSQL", nullptr};
    gdal::DatasetPtr ds(
        GDALDataset::Open(test::pg_base().c_str(), GDAL_OF_VECTOR, drivers, nullptr, nullptr));
    REQUIRE(ds != nullptr);
    std::vector<std::string> rows;
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    INFO(sql);
    REQUIRE(result != nullptr);
    while (OGRFeature* row = result->GetNextFeature()) {
        std::string line;
        for (int i = 0; i < row->GetFieldCount(); ++i) {
            line += (i == 0 ? "" : "|") + std::string(row->GetFieldAsString(i));
        }
        rows.push_back(line);
        OGRFeature::DestroyFeature(row);
    }
    ds->ReleaseResultSet(result);
    return rows;
}

// Event n of the range: one every nine days from 2013-11-03 (four months), with its own place
// so none merge; every fifth undated.
model::Event dated_event(int n) {
    model::Event e = test::sample_event("part-" + std::to_string(n), 0, 30.0 + n * 0.1, 40.0);
    e.event_loc.geonameid = 1000 + static_cast<std::uint64_t>(n);
    if (n % 5 == 4) {
        test::set_dates(e, "", "");
    } else {
        const auto day = model::day_number(2013, 11, 3) + 9 * n;
        test::set_dates(e, model::format_day(day), model::format_day(day));
    }
    return e;
}

constexpr int event_count = 14;

void fill(const std::string& target) {
    store::EventStore db(target, store::OpenMode::create);
    db.begin();
    for (int n = 0; n < event_count; ++n) {
        const model::Event e = dated_event(n);
        REQUIRE(db.add_article(test::sample_article(e.article_id), {e}, {test::sample_mention(1)}));
    }
    db.commit();
}

std::set<std::string> ids(const std::string& target, const store::EventQuery& query) {
    store::EventStore db(target, store::OpenMode::read);
    std::set<std::string> out;
    db.for_each_event(query, [&](const model::Event& e) { out.insert(e.id); });
    return out;
}

} // namespace

TEST_CASE("PostGIS events are partitioned by month as they arrive",
          "[store][postgis][partitions]") {
    const auto pg = test::make_backend("postgis", "pg_partitions");
    if (!pg) {
        return; // reported as skipped (make_backend)
    }
    const auto gpkg = test::make_backend("gpkg", "pg_partitions");
    fill(pg->target);
    fill(gpkg->target);

    const std::string parent = "'t_pg_partitions.events'::regclass";
    CHECK(pg_rows("SELECT relkind::text FROM pg_class WHERE oid = " + parent) ==
          std::vector<std::string>{"p"});
    // Days 2013-11-03 + 9n for n < 14: November 2013 to February 2014, and the undated.
    const std::vector<std::string> partitions = {"events_p2013_11|4", "events_p2013_12|2",
                                                 "events_p2014_01|2", "events_p2014_02|4",
                                                 "events_undated|2"};
    CHECK(pg_rows("SELECT c.relname, (SELECT count(*) FROM t_pg_partitions.events e WHERE "
                  "e.tableoid = c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = "
                  "i.inhrelid WHERE i.inhparent = " +
                  parent + " ORDER BY 1") == partitions);
    // Every partition has the parent's five indexes (id, fid, date, merge key, point).
    CHECK(pg_rows("SELECT count(*) FROM pg_indexes WHERE schemaname = 't_pg_partitions' AND "
                  "tablename = 'events_p2014_01'") == std::vector<std::string>{"5"});

    // The same events as the GeoPackage for any window, unfiltered included.
    for (const auto& [from, to] :
         std::vector<std::pair<std::string, std::string>>{{"", ""},
                                                          {"2013-12", "2014-01"},
                                                          {"2014-01-10", "2014-02-01"},
                                                          {"2014-02", ""},
                                                          {"", "2013-11-20"},
                                                          {"2015", ""}}) {
        INFO(from << " to " << to);
        store::EventQuery query;
        query.from = from;
        query.to = to;
        CHECK(ids(pg->target, query) == ids(gpkg->target, query));
    }
    CHECK(ids(pg->target, {}).size() == event_count);
    // A query in the partition key's form touches only the month's partition.
    const auto plan = pg_rows("EXPLAIN SELECT * FROM t_pg_partitions.events WHERE "
                              "coalesce(date, '') COLLATE \"C\" >= '2014-01' AND "
                              "coalesce(date, '') COLLATE \"C\" < '2014-01~'");
    std::string text;
    for (const auto& line : plan) {
        text += line + "\n";
    }
    INFO(text);
    CHECK(text.find("events_p2014_01") != std::string::npos);
    CHECK(text.find("events_p2013_12") == std::string::npos);

    // Updates by feature id reach a row in a partition: a later report's sources through the
    // store, and a change through GDAL as the viewer's corrections write.
    {
        store::EventStore db(pg->target, store::OpenMode::append);
        const model::Event e = dated_event(6);
        REQUIRE(db.append_sources(e.id, {{"other-article", "Another report.", 0, 15}}));
        const auto stored = db.find_event(e.id);
        REQUIRE(stored);
        CHECK(stored->sources.size() == 2);
        CHECK(db.count_events() == event_count);
    }
    {
        gdal::register_drivers();
        const char* const drivers[] = {"PostgreSQL", nullptr};
        gdal::DatasetPtr ds(GDALDataset::Open(pg->target.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                              drivers, nullptr, nullptr));
        REQUIRE(ds != nullptr);
        OGRLayer* events = ds->GetLayerByName("events");
        REQUIRE(events != nullptr);
        CHECK(std::string(events->GetFIDColumn()) == "fid");
        events->SetAttributeFilter("id = 'part-7-e0'");
        gdal::FeaturePtr row(events->GetNextFeature());
        REQUIRE(row);
        row->SetField("resolved_place", "Corrected");
        CHECK(events->SetFeature(row.get()) == OGRERR_NONE);
    }
    CHECK(pg_rows("SELECT resolved_place FROM t_pg_partitions.events WHERE id = 'part-7-e0'") ==
          std::vector<std::string>{"Corrected"});
    CHECK(pg_rows("SELECT count(*) FROM t_pg_partitions.events WHERE resolved_place = "
                  "'Corrected'") == std::vector<std::string>{"1"});
}

TEST_CASE("a PostGIS store made before partitions opens and takes writes",
          "[store][postgis][partitions]") {
    const auto pg = test::make_backend("postgis", "pg_unpartitioned");
    if (!pg) {
        return;
    }
    fill(pg->target);
    // The events table as earlier versions made it: a plain table, fid its primary key.
    test::pg_execute("CREATE TABLE t_pg_unpartitioned.plain (LIKE t_pg_unpartitioned.events "
                     "INCLUDING DEFAULTS); INSERT INTO t_pg_unpartitioned.plain SELECT * FROM "
                     "t_pg_unpartitioned.events; ALTER SEQUENCE "
                     "t_pg_unpartitioned.events_fid_seq OWNED BY NONE; DROP TABLE "
                     "t_pg_unpartitioned.events; ALTER "
                     "TABLE t_pg_unpartitioned.plain RENAME TO events; ALTER TABLE "
                     "t_pg_unpartitioned.events ADD PRIMARY KEY (fid); CREATE UNIQUE INDEX ON "
                     "t_pg_unpartitioned.events (id)");
    {
        store::EventStore db(pg->target, store::OpenMode::append);
        model::Event e = test::sample_event("late", 0, 35.0, 38.0);
        test::set_dates(e, "2016-06-01", "2016-06-01");
        CHECK(db.add_article(test::sample_article("late"), {e}, {}));
        CHECK(db.count_events() == event_count + 1);
    }
    CHECK(pg_rows("SELECT relkind::text FROM pg_class WHERE oid = "
                  "'t_pg_unpartitioned.events'::regclass") == std::vector<std::string>{"r"});
    CHECK(pg_rows("SELECT count(*) FROM pg_tables WHERE schemaname = 't_pg_unpartitioned' AND "
                  "tablename LIKE 'events_p%'") == std::vector<std::string>{"0"});
}
