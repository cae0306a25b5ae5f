#include "common/error.hpp"
#include "support/test_support.hpp"
#include "view/view_state.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace eventmap;

TEST_CASE("state round-trips through its JSON file", "[view][state]") {
    view::ViewState s;
    s.view.center = {33.5, 36.3};
    s.view.zoom = 6;
    s.view.layers["heatmap"] = true;
    s.view.color_by = view::ColorBy::quad;
    s.window = view::DayRange{view::day_from_civil(2018, 2, 18), view::day_from_civil(2018, 2, 25)};
    s.mode = view::WindowMode::cumulative;
    s.filters.types = {"ASSAULT", "PROTEST"};
    s.filters.quads = {false, false, false, true, true};
    s.filters.planned = view::PlannedFilter::not_planned;
    s.filters.min_confidence = 0.5f;
    s.filters.text = "market";
    const auto back = view::parse_view_state(view::view_state_to_json(s), "state.json");
    CHECK(back.view.center.lat == 33.5);
    CHECK(back.view.zoom == 6);
    CHECK(back.view.layers.at("heatmap"));
    CHECK(back.view.color_by == view::ColorBy::quad);
    REQUIRE(back.window);
    CHECK(view::format_day(back.window->first) == "2018-02-18");
    CHECK(back.mode == view::WindowMode::cumulative);
    CHECK(back.filters == s.filters);
}

TEST_CASE("a partial state keeps defaults", "[view][state]") {
    const auto s =
        view::parse_view_state(R"({"window": {"first": "2019", "last": "2019-06"}})", "s.json");
    REQUIRE(s.window);
    CHECK(view::format_day(s.window->last) == "2019-06-30");
    CHECK(s.view.zoom == 1.0);
    CHECK(s.filters == view::FilterState{});
}

TEST_CASE("bad state files name the file, line or key", "[view][state]") {
    try {
        view::parse_view_state("{\n  \"view\": {\n    \"zoom\": ,\n}", "bad.json");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.file() == "bad.json");
        CHECK(e.line() == 3);
    }
    CHECK_THROWS_WITH(view::parse_view_state(R"({"view": {"center": [100, 0]}})", "s"),
                      Catch::Contains("view.center"));
    CHECK_THROWS_WITH(view::parse_view_state(R"({"filters": {"quads": [7]}})", "s"),
                      Catch::Contains("filters.quads"));
    CHECK_THROWS_WITH(view::parse_view_state(R"({"window": {"mode": "sliding"}})", "s"),
                      Catch::Contains("window.mode"));
    CHECK_THROWS_WITH(view::parse_view_state(R"([1, 2])", "s"), Catch::Contains("object"));
    CHECK_THROWS_AS(view::read_view_state("/nonexistent/state.json"), InputError);
    // Valid JSON syntax, but a number no double holds (a fuzz finding: nlohmann's
    // out_of_range escaped instead of an input error naming the file).
    try {
        view::parse_view_state(R"({"view": {"zoom": 1E999}})", "huge.json");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.file() == "huge.json");
        CHECK_THAT(e.what(), Catch::Contains("out of range"));
    }
}

TEST_CASE("a state file planted as a link is refused, the file it points to untouched",
          "[view][state]") {
    const std::string dir = test::scratch_dir("view_state_link");
    const std::string victim = dir + "/victim.txt";
    const std::string state = dir + "/state.json";
    { std::ofstream(victim) << "keep me\n"; }
    std::filesystem::create_symlink(victim, state);
    CHECK_THROWS_AS(view::write_view_state(view::ViewState{}, state), OutputError);
    CHECK(test::read_file(victim) == "keep me\n");
    CHECK(std::filesystem::is_symlink(state));
    // A plain path is written whole and reads back.
    const std::string plain = dir + "/plain.json";
    view::write_view_state(view::ViewState{}, plain);
    CHECK_NOTHROW(view::parse_view_state(test::read_file(plain), plain));
}

TEST_CASE("the layers (sources, order, visibility) and colour by layer round-trip",
          "[view][state]") {
    view::ViewState s;
    s.view.color_by = view::ColorBy::layer;
    s.sources = {{"b.geojson", true}, {"PG:dbname=x", false}};
    const auto back = view::parse_view_state(view::view_state_to_json(s), "state.json");
    CHECK(back.view.color_by == view::ColorBy::layer);
    REQUIRE(back.sources.size() == 2);
    CHECK(back.sources[0].source == "b.geojson");
    CHECK(back.sources[0].visible);
    CHECK(back.sources[1].source == "PG:dbname=x");
    CHECK_FALSE(back.sources[1].visible);
    // A state without layers writes none (one source on the command line says it all).
    CHECK(view::view_state_to_json(view::ViewState{}).find("\"sources\"") == std::string::npos);
    CHECK_THROWS_WITH(view::parse_view_state(R"({"sources": [{"visible": true}]})", "s"),
                      Catch::Contains("sources[]"));
    CHECK_THROWS_WITH(
        view::parse_view_state(R"({"sources": [{"source": "a", "visible": 1}]})", "s"),
        Catch::Contains("sources[].visible"));
    CHECK_THROWS_WITH(view::parse_view_state(R"({"sources": "a.gpkg"})", "s"),
                      Catch::Contains("sources"));
}

TEST_CASE("the layers to open: command line, state, default", "[view][state]") {
    const std::string dir = test::scratch_dir("view_state_plan");
    test::write_file(dir + "/a.gpkg", "");
    test::write_file(dir + "/b.geojson", "");
    const std::string a = dir + "/a.gpkg", b = dir + "/b.geojson";
    const std::vector<view::LayerState> saved = {{b, false}, {dir + "/./a.gpkg", true}};
    const auto names = [](const std::vector<view::LayerState>& layers) {
        std::vector<std::string> out;
        for (const auto& l : layers) {
            out.push_back(l.source + (l.visible ? "" : " (hidden)"));
        }
        return out;
    };
    // Nothing given: the state's layers, as kept; no state either: the default store.
    CHECK(names(view::plan_layers({}, saved, "out/events.gpkg")) ==
          std::vector<std::string>{b + " (hidden)", dir + "/./a.gpkg"});
    CHECK(names(view::plan_layers({}, {}, "out/events.gpkg")) ==
          std::vector<std::string>{"out/events.gpkg"});
    // Given in another order: the state's order and visibility, the paths as given (matched
    // through their canonical form); a source the state does not know goes on top, shown.
    CHECK(names(view::plan_layers({a, "PG:dbname=y", b}, saved, "x")) ==
          std::vector<std::string>{b + " (hidden)", a, "PG:dbname=y"});
    // A source the state names but the command line does not is not opened.
    CHECK(names(view::plan_layers({a}, saved, "x")) == std::vector<std::string>{a});
}
