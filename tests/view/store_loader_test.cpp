// The viewer's bulk store reader against the generic map loader: same rows, same values, the
// reports and article count from the second step and the row cap (the GeoPackage point
// decoder is the store's: tests/store/event_columns_read_test.cpp).
#include "mapdata/map_source.hpp"
#include "store/event_store.hpp"
#include "store_fixture.hpp"
#include "view/source_columns.hpp"
#include "view/store_loader.hpp"

#include <catch2/catch.hpp>

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
        store::ArticleRecord a;
        a.id = e.article_id;
        a.content_hash = "hash-" + e.id;
        a.title = e.article_title;
        a.published = "2018-03-20";
        s.add_article(a, {e}, {});
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
