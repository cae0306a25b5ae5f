// `eventmap dates` and `eventmap eval dates` as a user runs them.
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

using eventmap::test::fixture;
using eventmap::test::json_lines;
using eventmap::test::run_eventmap;

TEST_CASE("eventmap dates prints a publication line and one line per expression", "[dates][cli]") {
    const auto r = run_eventmap("dates '" + fixture("dates/treaty-article.txt") + "'");
    REQUIRE(r.exit_code == 0);
    const auto lines = json_lines(r.out);
    REQUIRE(lines.size() > 5);
    CHECK(lines[0]["published"] == "2013-09-13");
    CHECK(lines[0]["published_inferred"] == true);
    CHECK(lines[0]["confidence"].get<double>() < 1.0);
    bool found_friday = false;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        CHECK(lines[i]["doc"] == fixture("dates/treaty-article.txt"));
        if (lines[i]["text"] == "Friday") {
            found_friday = true;
            CHECK(lines[i]["value"] == "2013-09-13");
            CHECK(lines[i]["type"] == "DATE");
        }
    }
    CHECK(found_friday);
}

TEST_CASE("eventmap dates honours --published and reads jsonl", "[dates][cli]") {
    const auto r =
        run_eventmap("dates --published 2013-09-20 '" + fixture("dates/treaty-article.txt") + "'");
    REQUIRE(r.exit_code == 0);
    const auto lines = json_lines(r.out);
    CHECK(lines[0]["published"] == "2013-09-20");
    CHECK(lines[0]["published_inferred"] == false);

    const auto j =
        run_eventmap("dates --input-format jsonl '" + fixture("dates/headers.jsonl") + "'");
    REQUIRE(j.exit_code == 0);
    int publication_lines = 0;
    for (const auto& l : json_lines(j.out)) {
        publication_lines += l.contains("published") ? 1 : 0;
    }
    CHECK(publication_lines == 5);
}

TEST_CASE("eventmap dates -o writes atomically", "[dates][cli]") {
    const std::string dir = eventmap::test::scratch_dir("dates_cli_out");
    const std::string out = dir + "/dates.jsonl";
    const auto r =
        run_eventmap("dates '" + fixture("dates/treaty-article.txt") + "' -o '" + out + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(json_lines(eventmap::test::read_file(out)).size() > 5);
    // A failing run leaves neither output nor temporary file behind.
    const std::string failed = dir + "/failed.jsonl";
    const auto bad = run_eventmap("dates '" + fixture("dates/treaty-article.txt") +
                                  "' /nonexistent/article.txt -o '" + failed + "'");
    CHECK(bad.exit_code == 3);
    CHECK_FALSE(std::filesystem::exists(failed));
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        files += entry.is_regular_file() ? 1 : 0;
    }
    CHECK(files == 1);
}

TEST_CASE("eventmap dates reports bad input clearly", "[dates][cli]") {
    const auto missing = run_eventmap("dates /nonexistent/article.txt");
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("/nonexistent/article.txt") != std::string::npos);
    const auto bad_date =
        run_eventmap("dates --published 2013-02-30 '" + fixture("dates/treaty-article.txt") + "'");
    CHECK(bad_date.exit_code == 2);
    const auto bad_jsonl =
        run_eventmap("dates --input-format jsonl '" + fixture("dates/treaty-article.txt") + "'");
    CHECK(bad_jsonl.exit_code == 3);
    CHECK(bad_jsonl.err.find("treaty-article.txt:1") != std::string::npos);
}

TEST_CASE("eventmap eval dates scores a corpus", "[dates][cli]") {
    const auto r = run_eventmap("eval dates '" + fixture("dates/mini.tml") + "' --format timeml");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("strict       1.000  1.000  1.000") != std::string::npos);
    CHECK(r.out.find("value        1.000  1.000  1.000") != std::string::npos);
    const auto broken =
        run_eventmap("eval dates '" + fixture("dates/broken.tml") + "' --format timeml");
    CHECK(broken.exit_code == 3);
    CHECK(broken.err.find("broken.tml:3") != std::string::npos);

    // Several corpora, formats told apart by content: one block each in the split table.
    const auto both = run_eventmap("eval dates '" + fixture("dates/split") + "' '" +
                                   fixture("dates/mini-meantime.xml") + "'");
    REQUIRE(both.exit_code == 0);
    const auto table = both.out.find("TempEval-3 scores by half");
    REQUIRE(table != std::string::npos);
    CHECK(both.out.find("dates/split\n  half", table) != std::string::npos);
    CHECK(both.out.find("mini-meantime.xml\n  half", table) != std::string::npos);
    CHECK(
        run_eventmap("eval dates '" + fixture("dates/split") + "' --errors-from none").exit_code ==
        2);
}
