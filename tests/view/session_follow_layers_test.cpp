// Following several layers and the user's own writes (session_follow.cpp): a layer that cannot
// be read is not read again until it changes and never makes the others load again; a reload
// shows its rows with their columns in one step; a look at the store begun before an undo does
// not put the undone correction back.
#include "store_fixture.hpp"
#include "view/session.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

using namespace eventmap;

namespace {

// Waits for the look at the sources that check_sources() started, without applying it.
void look_once(view::Session& s) {
    const auto checks = s.follow_stats().checks;
    s.check_sources();
    for (int i = 0; i < 6000 && s.follow_stats().checks == checks; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(s.follow_stats().checks > checks);
}

// Applies what the look found (and any reload it asked for). `watch`: checks at every step of a
// reload that each row shown has the columns the list and the filters read (ids, countries);
// a layer's first load shows its map step before them, a reload must not.
void apply_watching_columns(view::Session& s, bool watch = true) {
    s.poll();
    for (int i = 0;
         i < 20000 && (s.stage() == view::LoadStage::map || s.stage() == view::LoadStage::columns);
         ++i) {
        s.poll();
        const auto& t = s.table();
        for (std::size_t r = 0; watch && r < t.size(); ++r) {
            INFO("row " << r);
            REQUIRE(!t.id[r].empty());
            REQUIRE(!t.countries.text(t.country[r]).empty());
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    s.wait_until_loaded();
}

std::string notes_geojson(const std::vector<std::pair<std::string, double>>& rows) {
    std::string features;
    for (const auto& [id, lon] : rows) {
        features += std::string(features.empty() ? "" : ",") +
                    R"({"type":"Feature","geometry":{"type":"Point","coordinates":[)" +
                    std::to_string(lon) + R"(,33.5]},"properties":{"id":")" + id +
                    R"(","date":"2018-02-21","event":"CONSULT","country_code":"LB"}})";
    }
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

} // namespace

TEST_CASE("a layer that cannot be read makes no layer load again until it changes",
          "[view][follow][session]") {
    const auto store = test::write_fixture_store("view_follow_bad_layer");
    const std::string bad = test::scratch_dir("view_follow_bad_layer_file") + "/notes.geojson";
    test::write_file(bad, "{\"type\":\"FeatureCollection\",\"features\":[ damaged");
    view::Session s(std::vector<std::string>{store, bad}, "");
    s.start_loading();
    s.wait_until_loaded();
    REQUIRE(s.stage() == view::LoadStage::done);
    REQUIRE(s.layers()[1].stage == view::LoadStage::failed);
    REQUIRE(s.table().size() == 4);
    const std::string error = s.load_error();
    CHECK_THAT(error, Catch::Contains("notes"));

    // Looks at unchanged sources: nothing is read again, the good layer least of all.
    for (int i = 0; i < 3; ++i) {
        look_once(s);
        apply_watching_columns(s);
    }
    CHECK(s.follow_stats().reloads == 0);
    CHECK(s.loads_started() == 1);
    CHECK(s.layers()[0].loads == 1);
    CHECK(s.layers()[1].loads == 1);
    CHECK(s.load_error() == error);
    const auto damascus = s.row_of_id("ev-damascus");
    REQUIRE(damascus);
    CHECK(s.table().countries.text(s.table().country[*damascus]) == "SY");
    CHECK(s.table().place[*damascus] == "Damascus");

    // Repaired: that layer alone is read, and its error goes.
    test::write_file(bad, notes_geojson({{"n-one", 35.5}, {"n-two", 35.6}}));
    look_once(s);
    apply_watching_columns(s, false); // its first rows: shown before their columns
    CHECK(s.follow_stats().reloads == 1);
    CHECK(s.layers()[0].loads == 1);
    CHECK(s.layers()[1].loads == 2);
    CHECK(s.layers()[1].stage == view::LoadStage::done);
    CHECK(s.table().size() == 6);
    CHECK(s.load_error().empty());

    // Changed again, 20,000 rows (so its columns take a while to read): read again with its
    // columns in one step (the watch above fails on any row shown without its id or country
    // meanwhile).
    std::vector<std::pair<std::string, double>> many{{"n-three", 35.7}};
    for (int i = 0; many.size() < 20000; ++i) {
        many.emplace_back("n-many-" + std::to_string(i), 35.0 + i * 1e-5);
    }
    test::write_file(bad, notes_geojson(many));
    look_once(s);
    apply_watching_columns(s);
    CHECK(s.layers()[0].loads == 1);
    CHECK(s.layers()[1].loads == 3);
    REQUIRE(s.table().size() == 4 + 20000);
    const auto three = s.row_of_id("n-three");
    REQUIRE(three);
    CHECK(s.table().countries.text(s.table().country[*three]) == "LB");
    CHECK(s.table().countries.text(s.table().country[*s.row_of_id("ev-damascus")]) == "SY");
}

TEST_CASE("a look at the store begun before an undo does not bring the correction back",
          "[view][follow][session]") {
    const auto store = test::write_fixture_store("view_follow_undo");
    view::Session s(store);
    s.start_loading();
    s.wait_until_loaded();
    REQUIRE(s.table().size() == 4);
    const auto douma = s.row_of_id("ev-douma");
    REQUIRE(douma);
    s.correct(*douma, {{34.7324, 36.7137}, "Homs", 169577, "SY", ""});
    // The look reads the correction's journal entry: the event at Homs.
    look_once(s);
    // The user undoes before that look is applied.
    s.undo();
    CHECK(s.table().lat[*s.row_of_id("ev-douma")] == Approx(33.5711));
    s.poll();
    CHECK(s.table().lat[*s.row_of_id("ev-douma")] == Approx(33.5711));
    CHECK(s.map()->lat[*s.row_of_id("ev-douma")] == Approx(33.5711));
    // The next look reads both writes, in order: the event stays where the undo put it.
    look_once(s);
    s.poll();
    s.wait_until_loaded();
    const auto after = s.row_of_id("ev-douma");
    REQUIRE(after);
    CHECK(s.table().lat[*after] == Approx(33.5711));
    CHECK(s.table().lon[*after] == Approx(36.4027));
    CHECK(s.table().corrected[*after] == 0);
    CHECK(s.follow_stats().updates >= 1);
}
