// The place_overrides table's one owner (store/place_overrides.hpp): rows written there are the
// ones EventStore::place_overrides reads back, a deactivated row is no longer read, and a
// name with quotes survives the round trip.
#include "common/error.hpp"
#include "store/place_overrides.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

store::PlaceOverrideRow row(const std::string& name, const std::string& event_id,
                            const std::string& at) {
    store::PlaceOverrideRow r;
    r.place.name = name;
    r.place.article_id = "art-" + event_id;
    r.place.position = LatLon{33.5, 36.25};
    r.place.place = "Chosen Town";
    r.place.geonameid = 4242;
    r.place.country_code = "QQ";
    r.event_id = event_id;
    r.who = "tester";
    r.created_at = at;
    return r;
}

} // namespace

TEST_CASE("place overrides written by the store are read back until deactivated", "[store][gpkg]") {
    const std::string path = test::scratch_dir("store_place_overrides") + "/events.gpkg";
    {
        store::EventStore s(path, store::OpenMode::create);
        CHECK(s.place_overrides().empty()); // no table yet
    }
    store::write_place_override(path, row("Tal 'Abyad", "e1", "2026-01-01T00:00:00Z"));
    store::write_place_override(path, row("Kafr Nubl", "e2", "2026-01-02T00:00:00Z"));
    {
        store::EventStore s(path, store::OpenMode::read);
        const auto read = s.place_overrides();
        REQUIRE(read.size() == 2);
        CHECK(read[0].name == "Tal 'Abyad");
        CHECK(read[0].article_id == "art-e1");
        CHECK(read[0].position.lat == 33.5);
        CHECK(read[0].position.lon == 36.25);
        CHECK(read[0].place == "Chosen Town");
        CHECK(read[0].geonameid == 4242);
        CHECK(read[0].country_code == "QQ");
        CHECK(read[1].name == "Kafr Nubl");
    }
    {
        gdal::register_drivers();
        gdal::DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        std::string failed;
        OGRLayer* table = store::place_override_table(*ds, failed);
        REQUIRE(table != nullptr);
        // Another correction's time leaves the row alone; its own time deactivates it.
        REQUIRE(store::deactivate_place_overrides(*table, "e1", "2026-01-05T00:00:00Z"));
        CHECK(store::active_place_overrides(*table)->size() == 2);
        REQUIRE(store::deactivate_place_overrides(*table, "e1", "2026-01-01T00:00:00Z"));
    }
    store::EventStore s(path, store::OpenMode::read);
    const auto read = s.place_overrides();
    REQUIRE(read.size() == 1);
    CHECK(read[0].name == "Kafr Nubl");

    CHECK_THROWS_AS(store::write_place_override(path + ".missing", row("X", "e3", "t")),
                    OutputError);
}
