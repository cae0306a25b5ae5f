// `correct EVENT_ID LAT LON` in a scripted viewer run (the "Move: click the right place"
// button's path): the printed event, a later selection of it and the store name the place
// near the point, from the gazetteer given with --index. Skips loudly without xvfb-run.
#include "store/event_store.hpp"
#include "store_fixture.hpp"
#include "view/place_finder.hpp"
#include "view_support.hpp"
#include "viewer_run.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

TEST_CASE("a scripted point correction shows the place near the point", "[view][xvfb]") {
    if (!test::viewer_can_run()) {
        return;
    }
    const std::string index = test::build_fixture_gazetteer("view_script_correct_gazetteer");
    const std::string store = test::write_fixture_store("view_script_correct_place");
    const std::string dir = test::scratch_dir("view_script_correct_place_run");
    test::write_file(dir + "/correct.script", "window 2018-02-01 2018-03-31\n"
                                              "correct ev-douma 33.905 35.52\n"
                                              "correct ev-cairo 10 -30\n"
                                              "center 33.905 35.52 9\n"
                                              "select 33.905 35.52\n"
                                              "panel details on\n"
                                              "frames 2\n"
                                              "screenshot " +
                                                  dir +
                                                  "/details.png\n"
                                                  "quit\n");
    const auto result = test::run_view_script(store, dir + "/correct.script", " --index " + index);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const auto lines = test::json_lines(result.out);
    REQUIRE(lines.size() == 9);
    INFO(lines[1].dump() << "\n" << lines[2].dump() << "\n" << lines[4].dump());
    CHECK(lines[1]["event"]["place"] == "near Beirut");
    CHECK(lines[1]["event"]["corrected"] == true);
    CHECK(lines[2]["event"]["place"] == view::chosen_point_name);
    CHECK(lines[4]["selected"]["id"] == "ev-douma");
    CHECK(lines[4]["selected"]["place"] == "near Beirut");
    store::EventStore check(store, store::OpenMode::read);
    CHECK(check.find_event("ev-douma")->event_loc.resolved_place == "near Beirut");
    CHECK(check.find_event("ev-cairo")->event_loc.resolved_place == view::chosen_point_name);
}
