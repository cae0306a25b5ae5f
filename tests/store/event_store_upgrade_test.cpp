// A schema-1 store (before source_count, mode, trigger span, place basis, unresolved place and
// merge keys) is read as it is and upgraded in place by the first writer, whose merge rule
// then fills in the merge keys so new reports merge into the old events.
#include "common/gdal.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

// Turns a new store back into what schema 1 wrote.
void downgrade_to_schema_1(const std::string& path) {
    GDALAllRegister();
    gdal::DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds != nullptr);
    {
        gdal::ResultSet dropped(
            *ds, ds->ExecuteSQL("DROP INDEX events_merge_key_idx", nullptr, nullptr));
    }
    OGRLayer* events = ds->GetLayerByName("events");
    REQUIRE(events != nullptr);
    for (const char* column : {"source_count", "mode", "trigger_start", "trigger_end",
                               "place_basis", "unresolved_place", "merge_key"}) {
        const int index = events->GetLayerDefn()->GetFieldIndex(column);
        REQUIRE(index >= 0);
        const OGRErr err = events->DeleteField(index);
        INFO(column << ": " << CPLGetLastErrorMsg());
        REQUIRE(err == OGRERR_NONE);
    }
    for (const char* sql : {"UPDATE metadata SET value = '1' WHERE key = 'schema_version'",
                            "DELETE FROM metadata WHERE key = 'merge_keys'"}) {
        gdal::ResultSet result(*ds, ds->ExecuteSQL(sql, nullptr, nullptr));
    }
}

store::MergeRule same_place() {
    store::MergeRule rule;
    rule.key = [](const model::Event& e) { return std::to_string(e.event_loc.geonameid); };
    rule.compatible = [](const model::Event&, const model::Event&) { return true; };
    rule.merge = [](model::Event& into, model::Event&& report) {
        for (auto& s : report.sources) {
            into.sources.push_back(std::move(s));
        }
    };
    return rule;
}

} // namespace

TEST_CASE("a schema 1 store is read and upgraded by the next ingest", "[store][gpkg]") {
    const std::string dir = test::scratch_dir("store_upgrade");
    const std::string path = dir + "/events.gpkg";
    {
        store::EventStore s(path, store::OpenMode::create);
        REQUIRE(s.add_article(test::sample_article("old"),
                              {test::sample_event("old", 1, 36.2, 37.1)}, {}));
    }
    downgrade_to_schema_1(path);
    {
        store::EventStore reader(path, store::OpenMode::read);
        const auto old = reader.find_event("old-e1");
        REQUIRE(old);
        CHECK(old->mode.empty());
        CHECK(model::reports_of(*old) == 1);
    }
    {
        store::EventStore writer(path, store::OpenMode::append);
        writer.set_merge_rule(same_place());
        model::Event report = test::sample_event("new", 1, 36.2, 37.1);
        report.mode = "shelling/artillery";
        REQUIRE(writer.add_article(test::sample_article("new"), {report}, {}));
    }
    store::EventStore s(path, store::OpenMode::read);
    CHECK(s.count_events() == 1); // the new report merged into the old event
    const auto merged = s.find_event("old-e1");
    REQUIRE(merged);
    CHECK(merged->sources.size() == 2);
    CHECK(merged->source_count == 2);
}
