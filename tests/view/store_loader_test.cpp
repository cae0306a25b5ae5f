// The viewer's bulk store reader against the generic map loader: same rows, same values, the
// reports and article count from the second step and the row cap (the GeoPackage point
// decoder is the store's: tests/store/event_columns_read_test.cpp).
#include "mapdata/map_source.hpp"
#include "store/event_store.hpp"
#include "store_fixture.hpp"
#include "view/source_columns.hpp"
#include "view/store_loader.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace eventmap;

namespace {

// The fixture's events and three more that differ in what the map table keeps: a month's
// precision with a range, a planned event merged from two articles' reports, an event
// located only to a region (radius).
std::string write_varied_store(const std::string& name) {
    const std::string path = test::write_fixture_store(name);
    store::EventStore s(path, store::OpenMode::append);
    s.begin();
    auto month = test::fixture_event("ev-month", "2018-03-01", "AID", 2, "Aleppo", 36.2, 37.15,
                                     "SY", "Aid reached the city some time in March.");
    model::set_iso_dates(month, "2018-03", "2018-04", "month");
    auto merged = test::fixture_event("ev-merged", "2018-02-28", "AGREE", 1, "Vienna", 48.2, 16.37,
                                      "AT", "The sides agreed to meet again.");
    merged.planned = true;
    merged.sources.push_back({"art-other", "A second report of the plan.", 0, 10});
    auto region = test::fixture_event("ev-region", "2018-03-05", "COERCE", 3, "Idlib", 35.9, 36.6,
                                      "SY", "Curfews were imposed across the province.");
    region.event_loc.radius_km = 60.0F;
    region.confidence = 0.4;
    for (const auto& e : {month, merged, region}) {
        test::add_fixture_article(s, e, "2018-03-20");
    }
    s.commit();
    return path;
}

} // namespace

TEST_CASE("the store reader gives the generic loader's map table", "[view][store_loader]") {
    // Each test its own store: CTest runs them in parallel.
    const std::string path = write_varied_store("view_store_loader_values");
    const auto generic = mapdata::load_events(path);
    const auto fast = view::load_store_map(path, {});
    REQUIRE(fast);
    const auto& t = fast->table;
    REQUIRE(t.size() == generic.size());
    CHECK(t.size() == 7);
    CHECK(fast->rows_in_source == 7);
    CHECK(t.layer == generic.layer);
    CHECK(t.skipped_rows == generic.skipped_rows);
    for (std::size_t i = 0; i < t.size(); ++i) {
        INFO("row " << i);
        CHECK(t.fid[i] == generic.fid[i]);
        CHECK(t.lon[i] == Approx(generic.lon[i]));
        CHECK(t.lat[i] == Approx(generic.lat[i]));
        CHECK(t.day_start[i] == generic.day_start[i]);
        CHECK(t.day_end[i] == generic.day_end[i]);
        CHECK(t.precision[i] == generic.precision[i]);
        CHECK(t.type_names[t.type[i]] == generic.type_names[generic.type[i]]);
        CHECK(t.quad[i] == generic.quad[i]);
        CHECK(t.planned[i] == generic.planned[i]);
        CHECK(t.confidence[i] == Approx(generic.confidence[i]));
        CHECK(t.radius_km[i] == Approx(generic.radius_km[i]));
        CHECK(t.sources[i] == 1); // until the second step
    }

    // The second step: the view's columns, and the reports the map table left out.
    auto columns = view::table_from_map(t);
    view::StoreReports reports;
    REQUIRE(view::read_store_columns(path, "", columns, {}, &reports));
    REQUIRE(reports.sources.size() == t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        CHECK(reports.sources[i] == generic.sources[i]);
    }
    CHECK(reports.article_count == generic.article_count);
    CHECK(reports.article_count == 8); // seven articles and the merged event's second one
    const auto merged = std::find(columns.id.begin(), columns.id.end(), "ev-merged");
    REQUIRE(merged != columns.id.end());
    CHECK(reports.sources[static_cast<std::size_t>(merged - columns.id.begin())] == 2);
    CHECK(columns.place[0] == "Damascus");
    CHECK(columns.countries.text(columns.country[0]) == "SY");
}

TEST_CASE("a store read in two halves on two threads gives the same table as one read",
          "[view][store_loader]") {
    const std::string path = write_varied_store("view_store_loader_halves");
    {
        // One more CONSULT at the end: both halves then hold that type (their names merge;
        // not the first half's first type, which a shortcut would find anyway).
        store::EventStore s(path, store::OpenMode::append);
        s.begin();
        const auto e = test::fixture_event("ev-last", "2018-03-20", "CONSULT", 1, "Homs", 34.73,
                                           36.71, "SY", "Envoys met in the old city.");
        test::add_fixture_article(s, e, "2018-03-20");
        s.commit();
    }
    view::StoreLoadOptions one;
    one.parallel_from = 0;
    const auto single = view::load_store_map(path, one);
    view::StoreLoadOptions two;
    two.parallel_from = 2; // 8 rows: fids 1..4 on this thread, 5..8 on the other
    two.first_part = 2;
    std::uint64_t parts = 0;
    two.on_first_part = [&](const mapdata::EventTable& part) {
        ++parts;
        CHECK(part.size() == 2);
        CHECK(part.fid[1] == 2);
    };
    std::uint64_t last_done = 0;
    const auto halves = view::load_store_map(path, two, [&](std::uint64_t done, std::uint64_t) {
        last_done = done;
        return true;
    });
    REQUIRE(single);
    REQUIRE(halves);
    CHECK(parts == 1);
    const auto& a = single->table;
    const auto& b = halves->table;
    REQUIRE(b.size() == 8);
    REQUIRE(a.size() == b.size());
    CHECK(b.skipped_rows == a.skipped_rows);
    CHECK(halves->rows_in_source == 8);
    CHECK(b.type_names.size() == a.type_names.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("row " << i);
        CHECK(b.fid[i] == a.fid[i]);
        CHECK(b.lon[i] == a.lon[i]);
        CHECK(b.lat[i] == a.lat[i]);
        CHECK(b.day_start[i] == a.day_start[i]);
        CHECK(b.day_end[i] == a.day_end[i]);
        CHECK(b.precision[i] == a.precision[i]);
        // Type names interned per half, the second half's mapped into the first's.
        CHECK(b.type_names[b.type[i]] == a.type_names[a.type[i]]);
        CHECK(b.quad[i] == a.quad[i]);
        CHECK(b.planned[i] == a.planned[i]);
        CHECK(b.confidence[i] == a.confidence[i]);
        CHECK(b.radius_km[i] == a.radius_km[i]);
    }
    CHECK(std::set<std::string>(b.type_names.begin(), b.type_names.end()).size() ==
          b.type_names.size()); // no name twice after the merge
    CHECK(last_done == 0);      // fewer rows than a progress step: no report, as with one reader
}

TEST_CASE("the store reader loads at most max_events rows and says how many there are",
          "[view][store_loader]") {
    const std::string path = write_varied_store("view_store_loader_cap");
    view::StoreLoadOptions options;
    options.max_events = 3;
    std::uint64_t parts = 0;
    options.first_part = 2;
    options.on_first_part = [&](const mapdata::EventTable& part) {
        ++parts;
        CHECK(part.size() == 2);
    };
    const auto fast = view::load_store_map(path, options);
    REQUIRE(fast);
    CHECK(fast->table.size() == 3);
    CHECK(fast->rows_in_source == 7);
    CHECK(parts == 1);
    // The columns step stops at the map table's last row.
    auto columns = view::table_from_map(fast->table);
    REQUIRE(view::read_store_columns(path, "", columns));
    CHECK(columns.id[2] == "ev-douma");
}

TEST_CASE("sources that are not eventmap stores are left to the generic loader",
          "[view][store_loader]") {
    const std::string dir = test::scratch_dir("view_store_loader_other");
    test::write_file(dir + "/points.geojson",
                     R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                     R"("properties":{"date":"2020-01-02"},)"
                     R"("geometry":{"type":"Point","coordinates":[1,2]}}]})");
    CHECK_FALSE(view::load_store_map(dir + "/points.geojson", {}));
    CHECK_FALSE(view::load_store_map(dir + "/missing.gpkg", {}));
}
