// A point chosen on the map names what is near it: "near <town>" from the viewer's gazetteer
// within view::near_place_km, else "a point chosen on the map"; the list's and details' place
// (Session::table().place), the store's resolved place and a re-opened session agree, and an
// undo brings the old name back.
#include "store/event_store.hpp"
#include "store_fixture.hpp"
#include "view/session.hpp"
#include "view_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

std::unique_ptr<view::Session> opened(const std::string& path, const std::string& index) {
    auto s = std::make_unique<view::Session>(path);
    s->places().set_index(index);
    s->start_loading();
    s->wait_until_loaded();
    return s;
}

} // namespace

TEST_CASE("a point corrected next to a town is named near it, in the viewer and the store",
          "[view][session]") {
    const std::string index = test::build_fixture_gazetteer("view_correct_place_gazetteer");
    const auto path = test::write_fixture_store("view_correct_place_near");
    auto s = opened(path, index);
    const auto row = s->row_of_id("ev-douma");
    REQUIRE(row);
    REQUIRE(s->table().place[*row] == "Douma");

    // About 2 km from the fixture's Beirut, 80 km from anything else it holds.
    const auto record = s->correct(*row, {{33.905, 35.52}, "", 0, "", ""});
    CHECK(record.after.name == "near Beirut");
    CHECK(record.after.geonameid == 0); // the event is not AT Beirut
    CHECK(s->table().place[*row] == "near Beirut");
    CHECK(s->table().countries.text(s->table().country[*row]) == "LB"); // the country facet
    CHECK(s->table().lat[*row] == Approx(33.905));
    {
        store::EventStore check(path, store::OpenMode::read);
        const auto e = check.find_event("ev-douma");
        REQUIRE(e);
        CHECK(e->event_loc.resolved_place == "near Beirut");
        CHECK(e->event_loc.country_code == "LB");
        CHECK(e->event_loc.geonameid == 0);
        CHECK(e->event_loc.extracted_place == "Douma"); // what the sentence says stays
    }
    CHECK(opened(path, index)->table().place[*row] == "near Beirut");

    // The nearest of several towns: between Damascus and Douma, a few hundred metres from
    // Harasta.
    s->correct(*row, {{33.561, 36.368}, "", 0, "", ""});
    CHECK(s->table().place[*row] == "near Ḩarastā");

    s->undo();
    CHECK(s->table().place[*row] == "near Beirut");
    s->undo();
    CHECK(s->table().place[*row] == "Douma");
    CHECK(s->table().countries.text(s->table().country[*row]) == "SY");
    CHECK(opened(path, index)->table().place[*row] == "Douma");
    store::EventStore check(path, store::OpenMode::read);
    CHECK(check.find_event("ev-douma")->event_loc.resolved_place == "Douma");
}

TEST_CASE("a point corrected far from any town says it is a point chosen on the map",
          "[view][session]") {
    const std::string index = test::build_fixture_gazetteer("view_correct_place_gazetteer_far");
    const auto path = test::write_fixture_store("view_correct_place_far");
    auto s = opened(path, index);
    const auto row = *s->row_of_id("ev-cairo");
    // Mid-Atlantic; the nearest town is also just beyond the radius: 0.3 degrees of latitude
    // (about 33 km) north of Beirut.
    for (const LatLon at : {LatLon{10.0, -30.0}, LatLon{34.19332, 35.50157}}) {
        s->correct(row, {at, "", 0, "", ""});
        CHECK(s->table().place[row] == view::chosen_point_name);
        store::EventStore check(path, store::OpenMode::read);
        const auto e = check.find_event("ev-cairo");
        CHECK(e->event_loc.resolved_place == view::chosen_point_name);
        CHECK(e->event_loc.country_code.empty());
    }
    CHECK(opened(path, index)->table().place[row] == view::chosen_point_name);

    // A candidate keeps its own name.
    const auto damascus = *s->row_of_id("ev-damascus");
    const auto candidates = s->candidates(damascus);
    REQUIRE_FALSE(candidates.empty());
    s->correct(damascus, candidates[0]);
    CHECK(s->table().place[damascus] == "Damascus");
    CHECK(s->table().place[damascus] == candidates[0].name);
}
