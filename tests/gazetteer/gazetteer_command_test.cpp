// The `eventmap gazetteer` command as a user runs it: exit codes, messages, JSON.
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

using eventmap::test::fixture;
using eventmap::test::run_eventmap;

namespace {

std::string fixture_source_args() {
    return " --geonames " + fixture("gazetteer/geonames.txt") + " --countries " +
           fixture("gazetteer/countries.json") + " --country-shapes " +
           fixture("gazetteer/country_shapes.geojson") + " --admin1 " +
           fixture("gazetteer/admin1CodesASCII.txt") + " --states " +
           fixture("gazetteer/states.json") + " --admin2 " + fixture("gazetteer/admin2Codes.txt") +
           " --supplement " + fixture("gazetteer/supplement.tsv") + " --aliases " +
           fixture("gazetteer/aliases.tsv");
}

std::string built_index(const std::string& name) {
    const std::string index = eventmap::test::scratch_dir(name) + "/g.emg";
    const auto r = run_eventmap("gazetteer --index " + index + " build" + fixture_source_args());
    REQUIRE(r.exit_code == 0);
    return index;
}

} // namespace

TEST_CASE("gazetteer build reports malformed rows with file and line", "[cli][gazetteer]") {
    const std::string index = eventmap::test::scratch_dir("cli_build") + "/g.emg";
    const auto r = run_eventmap("gazetteer --index " + index + " build" + fixture_source_args());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains(fixture("gazetteer/geonames.txt") + ":13: expected 19"));
    CHECK_THAT(r.err, Catch::Contains(fixture("gazetteer/supplement.tsv") + ":"));
    CHECK_THAT(r.err, Catch::Contains("gazetteer index written"));
}

TEST_CASE("gazetteer build past --max-errors exits non-zero", "[cli][gazetteer]") {
    const std::string index = eventmap::test::scratch_dir("cli_threshold") + "/g.emg";
    const auto r = run_eventmap("gazetteer --index " + index + " build --max-errors 1" +
                                fixture_source_args());
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("exceed --max-errors 1"));
}

TEST_CASE("gazetteer build names a missing source and the command that fetches it",
          "[cli][gazetteer]") {
    const std::string index = eventmap::test::scratch_dir("cli_missing") + "/g.emg";
    const auto r = run_eventmap("gazetteer --index " + index + " build" + fixture_source_args() +
                                " --geonames /nonexistent/cities500.txt");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("/nonexistent/cities500.txt"));
    CHECK_THAT(r.err, Catch::Contains("scripts/setup"));
}

TEST_CASE("gazetteer lookup prints ranked candidates as text and JSON", "[cli][gazetteer]") {
    const std::string index = built_index("cli_lookup");
    const auto text = run_eventmap("gazetteer --index " + index + " lookup Damascus");
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("1. Damascus [P.PPLC] SY"));

    const auto json =
        run_eventmap("gazetteer --index " + index + " lookup Damascus --json --limit 2");
    REQUIRE(json.exit_code == 0);
    const auto doc = nlohmann::json::parse(json.out);
    REQUIRE(doc["candidates"].size() == 2);
    CHECK(doc["candidates"][0]["country"] == "SY");
    CHECK(doc["candidates"][0]["id"] == 170654);
    CHECK(doc["candidates"][1]["admin1"] == "MD");
    CHECK(doc["candidates"][0]["lat"].get<double>() == Approx(33.51).margin(0.01));

    const auto filtered =
        run_eventmap("gazetteer --index " + index + " lookup damascus --country us --json");
    CHECK(nlohmann::json::parse(filtered.out)["candidates"][0]["admin1"] == "MD");

    const auto none = run_eventmap("gazetteer --index " + index + " lookup Atlantis");
    CHECK(none.exit_code == 1);
    CHECK_THAT(none.out, Catch::Contains("0 candidates"));
}

TEST_CASE("gazetteer lookup with a corrupt explicit index is refused", "[cli][gazetteer]") {
    const std::string dir = eventmap::test::scratch_dir("cli_corrupt");
    eventmap::test::write_file(dir + "/g.emg", std::string(4096, '\0'));
    const auto r = run_eventmap("gazetteer --index " + dir + "/g.emg lookup Damascus");
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains(dir + "/g.emg"));
    CHECK_THAT(r.err, Catch::Contains("eventmap gazetteer build"));
}

TEST_CASE("gazetteer info counts places per source and class", "[cli][gazetteer]") {
    const std::string index = built_index("cli_info");
    const auto r = run_eventmap("gazetteer --index " + index + " info");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("supplement  3"));
    CHECK_THAT(r.out, Catch::Contains("countries   5"));
    CHECK_THAT(r.out, Catch::Contains("geonames    12"));
}

TEST_CASE("a directory or device given as a gazetteer source exits 3 naming it",
          "[cli][gazetteer][hostile]") {
    const std::string dir = eventmap::test::scratch_dir("cli_source_kinds");
    const std::string index = dir + "/g.emg";
    auto r = run_eventmap("gazetteer --index " + index + " build" + fixture_source_args() +
                          " --alternate-names " + dir);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains(dir + ": gazetteer source is a directory"));
    r = run_eventmap("gazetteer --index " + index + " build" + fixture_source_args() +
                     " --alternate-names /dev/zero");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("/dev/zero"));
    CHECK_THAT(r.err, Catch::Contains("device"));
}

TEST_CASE("gazetteer build does not replace an index path planted as a link without --force",
          "[cli][gazetteer][atomic]") {
    const std::string dir = eventmap::test::scratch_dir("cli_index_link");
    eventmap::test::write_file(dir + "/precious", "keep me");
    REQUIRE(::symlink((dir + "/precious").c_str(), (dir + "/g.emg").c_str()) == 0);
    auto r = run_eventmap("gazetteer --index " + dir + "/g.emg build" + fixture_source_args());
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains("symbolic link"));
    CHECK(eventmap::test::read_file(dir + "/precious") == "keep me");
    r = run_eventmap("gazetteer --index " + dir + "/g.emg build --force" + fixture_source_args());
    CHECK(r.exit_code == 0);
    CHECK(eventmap::test::read_file(dir + "/precious") == "keep me");
    r = run_eventmap("gazetteer --index " + dir + "/g.emg lookup Damascus");
    CHECK(r.exit_code == 0);
}
