// The flat event form shared by the store and the exports.
#include "common/error.hpp"
#include "model/event_fields.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace eventmap;

TEST_CASE("names join and split on a semicolon", "[model]") {
    CHECK(model::join_names({}).empty());
    CHECK(model::join_names({"a"}) == "a");
    CHECK(model::join_names({"Syrian army", "militia"}) == "Syrian army; militia");
    CHECK(model::split_names("").empty());
    CHECK(model::split_names("Syrian army; militia") ==
          std::vector<std::string>{"Syrian army", "militia"});
    CHECK(model::split_names("a;b") == std::vector<std::string>{"a;b"}); // only "; " separates
}

TEST_CASE("sources survive JSON both ways", "[model]") {
    const std::vector<model::EventSource> sources = {
        {"a1", "He said \"go\" \\ now\n\ttab \x01 – 東京", 3, 40}, {"a2", "", 0, 0}};
    const std::string json = model::sources_to_json(sources);
    const auto parsed = nlohmann::json::parse(json); // valid JSON
    REQUIRE(parsed.size() == 2);
    CHECK(parsed[0]["sentence"] == sources[0].sentence);
    const auto back = model::sources_from_json(json, "here");
    REQUIRE(back.size() == 2);
    CHECK(back[0].article_id == "a1");
    CHECK(back[0].sentence == sources[0].sentence);
    CHECK(back[0].start == 3);
    CHECK(back[0].end == 40);
    CHECK(model::sources_to_json({}) == "[]");
    CHECK(model::sources_from_json("", "here").empty());
}

TEST_CASE("malformed sources are a data error naming the place", "[model]") {
    for (const char* bad : {"{", "{}", "[{\"article_id\":1}]", "[{\"sentence\":\"x\"}]"}) {
        INFO(bad);
        try {
            model::sources_from_json(bad, "store.gpkg (events row 3)");
            FAIL("accepted");
        } catch (const DataError& e) {
            CHECK(e.file() == "store.gpkg (events row 3)");
        }
    }
}

TEST_CASE("invalid UTF-8 becomes U+FFFD in JSON strings", "[model]") {
    std::string out;
    model::append_json_string(out, std::string("a\xff") + "b");
    CHECK(out == "\"a\xEF\xBF\xBD"
                 "b\"");
}

TEST_CASE("an event is located when it has a gazetteer entry or coordinates", "[model]") {
    model::Event e;
    CHECK_FALSE(model::has_location(e));
    e.event_loc.position = LatLon{0.0, 0.5};
    CHECK(model::has_location(e));
    e.event_loc = {};
    e.event_loc.geonameid = 6295630; // Earth sits at 0,0 in GeoNames
    CHECK(model::has_location(e));
}
