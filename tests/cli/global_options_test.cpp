// Options every command shares: --force (outputs may replace a link at their path) and the
// notes on hostile inputs at the end of each --help.
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

using eventmap::test::read_file;
using eventmap::test::run_eventmap;
using eventmap::test::scratch_dir;
using eventmap::test::write_file;

TEST_CASE("--force lets an output replace a link, before or after the command", "[cli][atomic]") {
    const std::string dir = scratch_dir("cli_force");
    write_file(dir + "/article.txt", "Talks were held on 12 March 2019.");
    write_file(dir + "/precious", "keep me");
    const std::string out = dir + "/dates.jsonl";
    REQUIRE(::symlink((dir + "/precious").c_str(), out.c_str()) == 0);

    auto r = run_eventmap("dates '" + dir + "/article.txt' -o '" + out + "'");
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains(out + ": output path is a symbolic link"));
    CHECK(read_file(dir + "/precious") == "keep me");

    r = run_eventmap("dates '" + dir + "/article.txt' -o '" + out + "' --force");
    CHECK(r.exit_code == 0);
    CHECK_THAT(read_file(out), Catch::Contains("2019-03-12"));
    CHECK(read_file(dir + "/precious") == "keep me");

    REQUIRE(::unlink(out.c_str()) == 0);
    REQUIRE(::symlink((dir + "/precious").c_str(), out.c_str()) == 0);
    r = run_eventmap("--force dates '" + dir + "/article.txt' -o '" + out + "'");
    CHECK(r.exit_code == 0);
    CHECK(read_file(dir + "/precious") == "keep me");
}

TEST_CASE("after a lone -- the word --force is an input, not the option", "[cli][atomic]") {
    const auto r = run_eventmap("dates -- --force");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("--force"));
}

TEST_CASE("every command's help says how inputs and outputs are treated", "[cli]") {
    for (const char* command : {"geoparse", "dates", "extract", "ingest", "export", "gazetteer"}) {
        const auto r = run_eventmap(std::string(command) + " --help");
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("a directory given as an article input stands for"));
        CHECK_THAT(r.out, Catch::Contains("--force"));
    }
}

TEST_CASE("hostile article inputs on the command line: a device, a directory", "[cli][hostile]") {
    const std::string dir = scratch_dir("cli_hostile_articles");
    auto r = run_eventmap("dates /dev/zero");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("/dev/zero"));
    write_file(dir + "/b.txt", "Held on 2 May 2020.");
    write_file(dir + "/a.txt", "Held on 1 May 2020.");
    write_file(dir + "/notes.md", "Held on 3 May 2020.");
    r = run_eventmap("dates '" + dir + "'");
    CHECK(r.exit_code == 0);
    const auto first = r.out.find("2020-05-01");
    const auto second = r.out.find("2020-05-02");
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
    CHECK(first < second);
    CHECK(r.out.find("2020-05-03") == std::string::npos);
}
