#include "common/error.hpp"
#include "dates/calendar.hpp"
#include "dates/date_tagger.hpp"
#include "dates/known_events.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;
using namespace eventmap::dates;

TEST_CASE("the known-events lexicon parses and matches the longest phrase", "[dates][lexicon]") {
    const auto events = KnownEvents::parse("# comment\nseptember 11\t2001-09-11\n"
                                           "september 11 attacks\t2001-09-11\n",
                                           "test.tsv");
    CHECK(events.size() == 2);
    const std::string text = "after the September 11 attacks ended";
    std::string lower;
    const auto tokens = tokenize(text, lower);
    std::size_t length = 0;
    const KnownEvent* e = events.match(lower, tokens, 2, length);
    REQUIRE(e != nullptr);
    CHECK(length == 3);
    CHECK(format_day(e->day) == "2001-09-11");
    CHECK(events.match(lower, tokens, 0, length) == nullptr);
}

TEST_CASE("a malformed lexicon row names the file and line", "[dates][lexicon]") {
    CHECK_THROWS_AS(KnownEvents::parse("ok\t2001-09-11\nbroken row\n", "x.tsv"), DataError);
    CHECK_THROWS_WITH(KnownEvents::parse("ok\t2001-09-11\nbad\t2001-02-30\n", "x.tsv"),
                      Catch::Contains("line 2"));
    CHECK_THROWS_AS(KnownEvents::load("/nonexistent/known.tsv"), DataError);
}

TEST_CASE("the shipped lexicon loads", "[dates][lexicon]") {
    CHECK(KnownEvents::builtin().size() > 10);
}

TEST_CASE("only date-like event names stand alone, the rest anchor", "[dates][lexicon]") {
    dates::DateOptions options;
    options.published = "2013-09-13";
    const auto storm =
        dates::tag_text("Relief for Hurricane Katrina victims continued Monday.", options);
    for (const auto& e : storm.expressions) {
        CHECK(e.text.find("Katrina") == std::string::npos);
    }
    const auto after =
        dates::tag_text("Two days after Hurricane Katrina the levees broke.", options);
    REQUIRE_FALSE(after.expressions.empty());
    CHECK(after.expressions[0].text == "Two days after Hurricane Katrina");
    CHECK(after.expressions[0].value == "2005-08-31");
    const auto attacks = dates::tag_text("Security tightened after 9/11.", options);
    REQUIRE(attacks.expressions.size() == 1);
    CHECK(attacks.expressions[0].value == "2001-09-11");
}
