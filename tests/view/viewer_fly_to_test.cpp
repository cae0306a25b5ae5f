// The gazetteer search box, driven through the script's `fly-to` (the box's own code,
// view::search_place): a place of the gazetteer centres the map on it at a town's zoom, an
// event's place name the gazetteer lacks still flies there, an unknown name says so and leaves
// the map where it was. Under Xvfb; skips loudly without it.
#include "gazetteer/build.hpp"
#include "render/png_probe.hpp"
#include "store_fixture.hpp"
#include "viewer_run.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace eventmap;

namespace {

// The fixture gazetteer (tests/fixtures/gazetteer) compiled to an index in a scratch folder.
std::string build_fixture_gazetteer(const std::string& name) {
    gazetteer::BuildOptions options;
    options.sources.geonames = {test::fixture("gazetteer/geonames.txt")};
    options.sources.alternate_names = {test::fixture("gazetteer/alternateNames.txt")};
    options.sources.countries = test::fixture("gazetteer/countries.json");
    options.sources.country_shapes = test::fixture("gazetteer/country_shapes.geojson");
    options.sources.admin1 = test::fixture("gazetteer/admin1CodesASCII.txt");
    options.sources.states = test::fixture("gazetteer/states.json");
    options.sources.admin2 = test::fixture("gazetteer/admin2Codes.txt");
    options.sources.supplement = test::fixture("gazetteer/supplement.tsv");
    options.sources.aliases = test::fixture("gazetteer/aliases.tsv");
    options.index_path = test::scratch_dir(name) + "/gazetteer.emg";
    REQUIRE(gazetteer::build_index(options).index_written);
    return options.index_path;
}

void check_centre(const nlohmann::json& line, double lat, double lon) {
    INFO(line.dump());
    CHECK(line["center"][0].get<double>() == Approx(lat).margin(0.001));
    CHECK(line["center"][1].get<double>() == Approx(lon).margin(0.001));
}

} // namespace

TEST_CASE("fly-to: the search box centres the map on a gazetteer place", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string index = build_fixture_gazetteer("view_fly_to_index");
    const std::string store = test::write_fixture_store("view_fly_to_store");
    const std::string dir = test::scratch_dir("view_fly_to_run");
    test::write_file(dir + "/fly.script", "color quad\n"
                                          "layer labels off\n"
                                          "window 2018-02-15 2018-02-22\n"
                                          "fly-to Beirut\n"
                                          "fly-to Atlantis Under The Sea\n"
                                          "fly-to \"  damascus \"\n"
                                          "screenshot " +
                                              dir +
                                              "/damascus.png\n"
                                              "fly-to Cairo\n"
                                              "fly-to 30.5,31.5\n"
                                              "fly-to Harasta\n"
                                              "quit\n");
    const auto result =
        test::run_view_script(store, dir + "/fly.script", " --index '" + index + "'");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 11);

    // Beirut is in the gazetteer, not among the events: the gazetteer put the map there, at a
    // town's zoom (8: a city and its surroundings).
    const auto& beirut = lines[3];
    CHECK(beirut["found"] == true);
    CHECK(beirut["from"] == "gazetteer");
    CHECK_THAT(beirut["message"].get<std::string>(), Catch::Contains("Beirut"));
    check_centre(beirut, 33.89332, 35.50157);
    CHECK(beirut["zoom"].get<double>() == Approx(8).margin(0.01));

    // An unknown name: a message that says so, and the map stays on Beirut.
    const auto& unknown = lines[4];
    CHECK(unknown["found"] == false);
    CHECK(unknown["from"] == "");
    CHECK_THAT(unknown["message"].get<std::string>(),
               Catch::Contains("no place named 'Atlantis Under The Sea'"));
    check_centre(unknown, 33.89332, 35.50157);
    CHECK(unknown["metres_per_pixel"] == beirut["metres_per_pixel"]);

    // Case and spaces aside, the capital among the Damascuses (its marker at the map's centre).
    check_centre(lines[5], 33.5102, 36.29128);
    CHECK(lines[5]["from"] == "gazetteer");
    CHECK(test::vermilion_near(test::read_png(dir + "/damascus.png"), test::map_centre(lines[6]).x,
                               test::map_centre(lines[6]).y, 3));

    // Cairo is not in this gazetteer: the events' own place of that name.
    CHECK(lines[7]["from"] == "events");
    check_centre(lines[7], 30.0444, 31.2357);
    // Typed coordinates.
    CHECK(lines[8]["from"] == "coordinates");
    check_centre(lines[8], 30.5, 31.5);
    // A name the gazetteer knows by its ASCII form.
    CHECK(lines[9]["found"] == true);
    check_centre(lines[9], 33.5586, 36.365);
}
