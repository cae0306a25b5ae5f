#include "common/error.hpp"
#include "view/script.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

TEST_CASE("a script parses into actions with their lines", "[view][script]") {
    const auto s = view::parse_script("# a comment\n"
                                      "window 2018-02-01 2018-02-28\n"
                                      "\n"
                                      "zoom 35 32 38 35\r\n"
                                      "select 33.51 36.29\n"
                                      "filter text \"the market\"\n"
                                      "correct ev-1 candidate 2\n"
                                      "save-image out.png 640x400\n"
                                      "screenshot shot.png\n"
                                      "quit\n",
                                      "t.script");
    REQUIRE(s.actions.size() == 8);
    CHECK(s.actions[0].verb == "window");
    CHECK(s.actions[0].line == 2);
    CHECK(s.actions[1].line == 4);
    CHECK(s.actions[1].numbers == std::vector<double>{35, 32, 38, 35});
    CHECK(s.actions[2].numbers == std::vector<double>{33.51, 36.29});
    CHECK(s.actions[3].args == std::vector<std::string>{"text", "the market"});
    CHECK(s.actions[4].numbers == std::vector<double>{2});
    CHECK(s.actions[5].numbers == std::vector<double>{640, 400});
    CHECK(s.actions[7].verb == "quit");
}

TEST_CASE("script errors name the file and line", "[view][script]") {
    auto line_of = [](const std::string& text) -> std::uint64_t {
        try {
            view::parse_script(text, "bad.script");
        } catch (const InputError& e) {
            CHECK(e.file() == "bad.script");
            return e.line();
        }
        return 0;
    };
    CHECK(line_of("quit\nteleport 1 2\n") == 2);
    CHECK(line_of("window 2018-02-30\n") == 1);
    CHECK(line_of("\n\nselect 95 10\n") == 3);
    CHECK(line_of("zoom 38 32 35 35\n") == 1); // west > east
    CHECK(line_of("select 33.5\n") == 1);
    CHECK(line_of("filter quad 5\n") == 1);
    CHECK(line_of("layer roads on\n") == 1);
    CHECK(line_of("frames ten\n") == 1);
    CHECK(line_of("filter text \"unclosed\n") == 1);
    CHECK(line_of("save-image a.png 10x10\n") == 1);
    CHECK(line_of("display\nfly-to\n") == 2); // fly-to needs a place
    CHECK(line_of("fly-to Somewhere Else\ndisplay now\n") == 2);
    // The size is WIDTHxHEIGHT exactly: no trailing text, signs, spaces or third number.
    CHECK(line_of("save-image a.png 640x400px\n") == 1);
    CHECK(line_of("save-image a.png 640x\n") == 1);
    CHECK(line_of("save-image a.png x400\n") == 1);
    CHECK(line_of("save-image a.png 640x-400\n") == 1);
    CHECK(line_of("save-image a.png \"640x 400\"\n") == 1);
    CHECK(line_of("save-image a.png 640x400x2\n") == 1);
    CHECK(line_of("save-image a.png 99999999999x400\n") == 1);
    CHECK_THROWS_WITH(view::parse_script("teleport\n", "x"), Catch::Contains("unknown action"));
    CHECK_THROWS_AS(view::read_script("/nonexistent.script"), InputError);
}
