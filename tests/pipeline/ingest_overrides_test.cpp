// The viewer's place corrections reach later ingests: a place_overrides row ("this name, in
// this article, means this place", as view/correction_store.cpp writes it) moves the events of
// a later report of that article naming that place; other articles are left alone.
#include "events/extractor.hpp"
#include "geoparse/geoparse_support.hpp"
#include "pipeline/ingest.hpp"
#include "store/place_overrides.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

void ingest(const std::string& target, const std::vector<Article>& list) {
    static const events::EventExtractor extractor(test::default_geoparser());
    store::EventStore db(target, store::OpenMode::create);
    std::size_t next = 0;
    pipeline::ingest_articles(
        [&](Article& a) {
            if (next == list.size()) {
                return false;
            }
            a = list[next++];
            return true;
        },
        db, extractor, {});
}

Article article(const std::string& id, const std::string& text) {
    Article a;
    a.id = id;
    a.text = text;
    a.published = "2014-03-08";
    return a;
}

// What the viewer writes when a user moves an event whose place was written `name`: a row
// through the store's own override writer (store/place_overrides.hpp), the one the viewer's
// correction store calls.
void write_override(const std::string& path, const std::string& name, const std::string& article_id,
                    double lat, double lon) {
    store::PlaceOverrideRow row;
    row.place.name = name;
    row.place.article_id = article_id;
    row.place.position = LatLon{lat, lon};
    row.place.place = "Corrected Place";
    row.place.country_code = "XX";
    row.who = "tester";
    row.created_at = "2014-03-09T10:00:00Z";
    store::write_place_override(path, row);
}

} // namespace

TEST_CASE("ingest applies the viewer's place overrides to later reports", "[pipeline][store]") {
    const std::string dir = test::scratch_dir("ingest_overrides");
    const std::string path = dir + "/events.gpkg";
    ingest(path, {article("wire-1", "Shelling hit Homs on 2014-03-02, officials said.")});
    {
        store::EventStore s(path, store::OpenMode::read);
        REQUIRE(s.count_events() == 1);
    }
    write_override(path, "Homs", "wire-1", 12.5, 45.25);
    // The same article, updated (new text, so a new content hash), and another article.
    ingest(path, {article("wire-1", "Shelling hit Homs on 2014-03-03, officials said again."),
                  article("wire-2", "Shelling hit Homs on 2014-03-04, residents said.")});
    store::EventStore s(path, store::OpenMode::read);
    int corrected = 0;
    int untouched = 0;
    s.for_each_event({}, [&](const model::Event& e) {
        INFO(e.article_id << " " << model::iso_date(e) << " " << e.event_loc.resolved_place);
        if (e.article_id == "wire-1" && model::iso_date(e) == "2014-03-03") {
            CHECK(e.event_loc.resolved_place == "Corrected Place");
            CHECK(e.event_loc.position.lat == Approx(12.5));
            CHECK(e.event_loc.position.lon == Approx(45.25));
            CHECK(e.event_loc.basis == "override");
            ++corrected;
        } else {
            CHECK(e.event_loc.resolved_place != "Corrected Place");
            ++untouched;
        }
    });
    CHECK(corrected == 1);
    CHECK(untouched == 2);
}
