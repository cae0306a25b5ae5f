#include "view/layer_merge.hpp"
#include "view_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

TEST_CASE("two layers' tables become one, their strings interned again", "[view][layers]") {
    const auto a = test::make_table({{"a1", "2018-02-20", "ASSAULT", 33.5, 36.3, 4, "SY", {"Army"}},
                                     {"a2", "2018-02-21", "CONSULT", 46.2, 6.1, 1, "CH"}});
    const auto b = test::make_table(
        {{"b1", "2018-03-01", "CONSULT", 30.0, 31.2, 1, "EG", {"Police", "Army"}}});
    const auto merged = view::concat_tables({&a, &b});
    REQUIRE(merged.size() == 3);
    CHECK(merged.id == std::vector<std::string>{"a1", "a2", "b1"});
    // The third row's strings are the same text as in its own table, wherever they landed.
    CHECK(merged.types.text(merged.type[2]) == "CONSULT");
    CHECK(merged.type[2] == merged.type[1]);
    CHECK(merged.countries.text(merged.country[2]) == "EG");
    CHECK(merged.countries.text(merged.country[0]) == "SY");
    REQUIRE(merged.actor_offset.size() == 4);
    CHECK(merged.actor_offset[3] - merged.actor_offset[2] == 2);
    CHECK(merged.actors.text(merged.actor_ids[merged.actor_offset[2]]) == "Police");
    CHECK(merged.actors.text(merged.actor_ids[merged.actor_offset[2] + 1]) == "Army");
    CHECK(merged.actor_ids[merged.actor_offset[0]] == merged.actor_ids[merged.actor_offset[2] + 1]);
    CHECK(merged.lat[2] == Approx(30.0));
    CHECK(merged.fid[2] == b.fid[0]);
}

TEST_CASE("map tables merge with their type names, and can be typed by layer", "[view][layers]") {
    mapdata::EventTable a, b;
    a.source = "a.gpkg";
    a.data_source = "eventmap store";
    a.type_names = {"ASSAULT", "CONSULT"};
    b.source = "b.geojson";
    b.data_source = "b.geojson";
    b.type_names = {"PROTEST", "ASSAULT"};
    for (auto* t : {&a, &b}) {
        t->resize(2); // no quad class, one source, confidence 1, a point
        for (std::uint16_t r = 0; r < 2; ++r) {
            t->fid[r] = r;
            t->lon[r] = 1;
            t->lat[r] = 2;
            t->day_start[r] = 10;
            t->day_end[r] = 10;
            t->precision[r] = mapdata::DatePrecision::day;
            t->type[r] = r; // row r has the table's type r
        }
        t->article_count = 2;
    }
    const auto m = view::concat_maps({&a, &b});
    REQUIRE(m.size() == 4);
    CHECK(m.type_names == std::vector<std::string>{"ASSAULT", "CONSULT", "PROTEST"});
    CHECK(m.type == std::vector<std::uint16_t>{0, 1, 2, 0});
    CHECK(m.article_count == 4);
    CHECK(m.source == "a.gpkg, b.geojson");
    CHECK(m.data_source == "eventmap store, b.geojson");

    std::vector<view::LayerInfo> layers(2);
    layers[0].name = "a";
    layers[0].rows = 2;
    layers[1].name = "b";
    layers[1].first_row = 2;
    layers[1].rows = 2;
    const auto typed = view::layer_typed(m, layers);
    CHECK(typed.type_names == std::vector<std::string>{"a", "b"});
    CHECK(typed.type == std::vector<std::uint16_t>{0, 0, 1, 1});
    CHECK(typed.lat == m.lat);
}

TEST_CASE("layer names come from the file names, made unique", "[view][layers]") {
    CHECK(view::layer_name("out/events.gpkg", {}) == "events");
    CHECK(view::layer_name("/tmp/x/events.geojson", {"events"}) == "events (2)");
    CHECK(view::layer_name("a/events.csv", {"events", "events (2)"}) == "events (3)");
    CHECK(view::layer_name("PG:dbname=news", {}) == "PostGIS");
}
