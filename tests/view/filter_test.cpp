#include "view/filter.hpp"
#include "view_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;
using view::FilterState;

namespace {

view::EventTable sample() {
    return test::make_table({
        {"a",
         "2020-01-01",
         "ASSAULT",
         33.5,
         36.3,
         4,
         "SY",
         {"Syrian army"},
         "explicit",
         false,
         0.9,
         "Shelling hit the market in the morning"},
        {"b",
         "2020-01-02",
         "PROTEST",
         31.9,
         35.9,
         3,
         "JO",
         {"students"},
         "inferred",
         false,
         0.4,
         "Students marched to the ministry"},
        {"c",
         "2020-01-03",
         "CONSULT",
         46.2,
         6.1,
         1,
         "CH",
         {"envoy", "Syrian army"},
         "explicit",
         true,
         0.7,
         "The envoy will meet delegates"},
        {"d",
         "2020-01-04",
         "ASSAULT",
         33.6,
         36.4,
         4,
         "SY",
         {},
         "publication",
         false,
         0.95,
         "Another strike on the MARKET"},
    });
}

std::vector<view::Row> rows_of(const view::EventTable& t, const FilterState& f) {
    return view::apply_filter(t, f).rows;
}

} // namespace

TEST_CASE("an empty filter passes every row", "[view][filter]") {
    const auto t = sample();
    const auto result = view::apply_filter(t, {});
    CHECK(result.rows == std::vector<view::Row>{0, 1, 2, 3});
    CHECK(result.mask == std::vector<std::uint8_t>{1, 1, 1, 1});
}

TEST_CASE("each facet narrows the rows", "[view][filter]") {
    const auto t = sample();
    FilterState f;
    f.types = {"ASSAULT"};
    CHECK(rows_of(t, f) == std::vector<view::Row>{0, 3});
    f = {};
    f.quads = {false, true, false, true, false};
    CHECK(rows_of(t, f) == std::vector<view::Row>{1, 2});
    f = {};
    f.countries = {"CH", "JO"};
    CHECK(rows_of(t, f) == std::vector<view::Row>{1, 2});
    f = {};
    f.actors = {"Syrian army"};
    CHECK(rows_of(t, f) == std::vector<view::Row>{0, 2});
    f = {};
    f.date_sources = {"inferred", "publication"};
    CHECK(rows_of(t, f) == std::vector<view::Row>{1, 3});
    f = {};
    f.planned = view::PlannedFilter::planned;
    CHECK(rows_of(t, f) == std::vector<view::Row>{2});
    f.planned = view::PlannedFilter::not_planned;
    CHECK(rows_of(t, f) == std::vector<view::Row>{0, 1, 3});
    f = {};
    f.min_confidence = 0.8f;
    CHECK(rows_of(t, f) == std::vector<view::Row>{0, 3});
    f = {};
    f.text = "Market";
    CHECK(rows_of(t, f) == std::vector<view::Row>{0, 3});
    f.countries = {"XX"}; // a country the data lacks passes nothing
    CHECK(rows_of(t, f).empty());
}

TEST_CASE("an external text match replaces the in-memory search", "[view][filter]") {
    const auto t = sample();
    FilterState f;
    f.text = "anything";
    const std::vector<std::uint8_t> matches{0, 1, 1, 0};
    CHECK(view::apply_filter(t, f, &matches).rows == std::vector<view::Row>{1, 2});
}

TEST_CASE("facet counts ignore the facet's own choice", "[view][filter]") {
    const auto t = sample();
    FilterState f;
    f.types = {"ASSAULT"};
    f.countries = {"SY", "JO"};
    const auto result = view::apply_filter(t, f);
    CHECK(result.rows.size() == 2);
    // Types counted over SY+JO rows: ASSAULT 2, PROTEST 1, CONSULT 0.
    CHECK(result.counts.types[static_cast<std::size_t>(t.types.find("ASSAULT"))] == 2);
    CHECK(result.counts.types[static_cast<std::size_t>(t.types.find("PROTEST"))] == 1);
    CHECK(result.counts.types[static_cast<std::size_t>(t.types.find("CONSULT"))] == 0);
    // Countries counted over ASSAULT rows: SY 2, JO 0.
    CHECK(result.counts.countries[static_cast<std::size_t>(t.countries.find("SY"))] == 2);
    CHECK(result.counts.countries[static_cast<std::size_t>(t.countries.find("JO"))] == 0);
    CHECK(result.counts.quads[4] == 2);
}

TEST_CASE("actors are counted like the other facets, once per event", "[view][filter]") {
    const auto t = sample();
    const auto actor = [&](const char* name) {
        return static_cast<std::size_t>(t.actors.find(name));
    };
    FilterState f;
    f.actors = {"students"};
    f.countries = {"SY", "CH"};
    const auto result = view::apply_filter(t, f);
    CHECK(result.rows.empty()); // the students' event is in JO
    // Actors counted over the SY and CH events (a, c, d): what ticking each would show.
    REQUIRE(result.counts.actors.size() == t.actors.size());
    CHECK(result.counts.actors[actor("Syrian army")] == 2);
    CHECK(result.counts.actors[actor("envoy")] == 1);
    CHECK(result.counts.actors[actor("students")] == 0);
    // The other facets are counted over the events with a chosen actor: the JO one only.
    CHECK(result.counts.countries[static_cast<std::size_t>(t.countries.find("JO"))] == 1);
    CHECK(result.counts.countries[static_cast<std::size_t>(t.countries.find("SY"))] == 0);
    CHECK(result.counts.types[static_cast<std::size_t>(t.types.find("ASSAULT"))] == 0);

    test::Row twice{"e", "2020-01-05", "CONSULT", 46.2, 6.1, 1, "CH", {"envoy", "envoy"}};
    const auto repeated = test::make_table({twice});
    const auto counted = view::apply_filter(repeated, {});
    CHECK(counted.counts.actors[static_cast<std::size_t>(repeated.actors.find("envoy"))] == 1);
    CHECK(counted.rows.size() == 1);
}

TEST_CASE("planned, confidence and text counts are taken over the other filters",
          "[view][filter]") {
    const auto t = sample();
    FilterState f;
    f.min_confidence = 0.8f;
    f.planned = view::PlannedFilter::not_planned;
    f.text = "the";
    auto result = view::apply_filter(t, f);
    CHECK(result.rows == std::vector<view::Row>{0, 3});
    // Without the confidence floor, b (0.4) passes too; c fails planned as well, so never.
    CHECK(result.counts.confidence_base == 3);
    // Over the rows passing confidence and text (a, d): both not planned.
    CHECK(result.counts.planned == std::array<std::uint32_t, 2>{2, 0});
    CHECK(result.counts.text_base == 2);
    f.text = "strike";
    result = view::apply_filter(t, f);
    CHECK(result.rows == std::vector<view::Row>{3});
    CHECK(result.counts.text_base == 2); // a and d without the text
    f = {};
    f.min_confidence = 0.5f;
    result = view::apply_filter(t, f);
    CHECK(result.counts.planned == std::array<std::uint32_t, 2>{2, 1}); // a, d; c
    // The facets count over the new filters as before: types without the 0.4 protest.
    CHECK(result.counts.types[static_cast<std::size_t>(t.types.find("PROTEST"))] == 0);
}
