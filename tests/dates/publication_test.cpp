// Where the publication date comes from, and how a missing one is inferred from the text.
#include "common/article.hpp"
#include "dates/date_tagger.hpp"
#include "dates/publication.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

using namespace eventmap;

namespace {

std::string value_of(const dates::DateResult& r, const std::string& text) {
    for (const auto& e : r.expressions) {
        if (e.text == text) {
            return e.value;
        }
    }
    return "<not found>";
}

dates::DateResult tag_file(const std::string& fixture_name, const std::string& published = "") {
    Article article;
    article.id = fixture_name;
    article.text = read_text_file(test::fixture(fixture_name));
    dates::DateOptions options;
    options.published = published;
    return dates::tag_dates(article, options);
}

} // namespace

TEST_CASE("an undated story's publication date is inferred from its own text",
          "[dates][publication]") {
    const auto r = tag_file("dates/treaty-article.txt");
    const auto& p = r.published;
    INFO(p.evidence);
    CHECK(p.value == "2013-09-13");
    CHECK(p.inferred);
    CHECK(p.confidence > 0.5);
    CHECK(p.confidence < 1.0);
    // The evidence names what bounded the date and what picked the day.
    CHECK(p.evidence.find("2013-09-12") != std::string::npos);
    CHECK(p.evidence.find("'Friday' (past) -> 2013-09-13") != std::string::npos);
    CHECK(p.evidence.find("'last month' -> 2013-08 (matches a dated event)") != std::string::npos);
    CHECK(p.evidence.find("near 2013-09-14") != std::string::npos);

    // With the inferred date every expression of the story resolves as a reader would.
    CHECK(value_of(r, "August 21, 2013") == "2013-08-21");
    CHECK(value_of(r, "Friday") == "2013-09-13");
    CHECK(value_of(r, "Thursday") == "2013-09-12");
    CHECK(value_of(r, "about two weeks") == "2013-W39");
    CHECK(value_of(r, "around September 28") == "2013-09-28");
    CHECK(value_of(r, "last month") == "2013-08");
    CHECK(value_of(r, "last year") == "2012");
    CHECK(value_of(r, "2011") == "2011");
    CHECK(value_of(r, "a day after the twelfth anniversary of the attacks of September 11") ==
          "2013-09-12");
    CHECK(value_of(r, "30 days") == "P30D");
}

TEST_CASE("a given date wins over the text and is never marked inferred", "[dates][publication]") {
    const auto r = tag_file("dates/treaty-article.txt", "2013-09-20");
    CHECK(r.published.value == "2013-09-20");
    CHECK_FALSE(r.published.inferred);
    CHECK(r.published.confidence == 1.0);
    CHECK(value_of(r, "Friday") == "2013-09-20");
}

TEST_CASE("a Date: header line gives the publication date", "[dates][publication]") {
    const auto r = tag_file("dates/date-header.txt");
    CHECK(r.published.value == "2013-09-13");
    CHECK_FALSE(r.published.inferred);
    CHECK(r.published.evidence == "Date: header line");
    CHECK(value_of(r, "yesterday") == "2013-09-12");
    CHECK(value_of(r, "next week") == "2013-W38");
}

TEST_CASE("a date alone under the headline is taken as the dateline, inferred",
          "[dates][publication]") {
    const auto r = tag_file("dates/dateline-top.txt");
    CHECK(r.published.value == "2013-09-13");
    CHECK(r.published.inferred);
    CHECK(value_of(r, "yesterday") == "2013-09-12");
}

TEST_CASE("jsonl published and dateline fields", "[dates][publication]") {
    ArticleReader reader({test::fixture("dates/headers.jsonl")}, {InputFormat::jsonl, false});
    Article a;
    std::map<std::string, dates::DateResult> results;
    while (reader.next(a)) {
        results[a.id] = dates::tag_dates(a, dates::DateOptions{});
    }
    CHECK(results["given"].published.value == "2013-09-13");
    CHECK_FALSE(results["given"].published.inferred);
    CHECK(results["given-rfc"].published.value == "2013-09-13");
    CHECK(value_of(results["given-rfc"], "yesterday") == "2013-09-12");
    CHECK(results["dateline"].published.value == "2013-09-13");
    CHECK(results["dateline"].published.evidence == "dateline field");
    // An unreadable field is reported and the date is inferred instead, marked as such.
    const auto& bad = results["bad-published"].published;
    CHECK(bad.inferred);
    CHECK(bad.evidence.find("ignored unreadable published field") != std::string::npos);
    CHECK(bad.value == "2013-08-23");
    // Nothing to go on: no date, no guess from the clock.
    CHECK(results["nothing"].published.value.empty());
    CHECK(results["nothing"].published.inferred);
    CHECK(results["nothing"].published.confidence == 0);
    CHECK(value_of(results["nothing"], "Friday") == "XXXX-WXX-5");
}

TEST_CASE("date fields in several notations", "[dates][publication]") {
    const auto& events = dates::KnownEvents::builtin();
    const dates::GrammarOptions options;
    CHECK(dates::parse_date_field("2013-09-13T10:00:00Z", events, options) ==
          dates::parse_date_field("September 13, 2013", events, options));
    CHECK(dates::parse_date_field("Fri, 13 Sep 2013 10:02:00 GMT", events, options).has_value());
    CHECK_FALSE(dates::parse_date_field("2013-02-30", events, options).has_value());
    CHECK_FALSE(dates::parse_date_field("", events, options).has_value());
    CHECK_FALSE(dates::parse_date_field("tomorrow", events, options).has_value());
    CHECK(dates::date_header("Subject: x\nDate: 2013-09-13\n\nBody") == std::string("2013-09-13"));
    CHECK_FALSE(dates::date_header("Body text.\nUpdated: never").has_value());
}

TEST_CASE("weak bounds give weak confidence", "[dates][publication]") {
    // A month and day with only a year elsewhere: a guess, and presented as one.
    const auto guess =
        dates::tag_text("The plant closed on June 1st, its owners said. Sales in 2009 were poor.",
                        dates::DateOptions{});
    CHECK(guess.published.value == "2009-06-01");
    CHECK(guess.published.inferred);
    CHECK(guess.published.confidence <= 0.5);
    CHECK(guess.published.evidence.find("month and day") != std::string::npos);
    // A month alone bounds the date loosely.
    const auto month = dates::tag_text("Prices fell in August 2013.", dates::DateOptions{});
    CHECK(month.published.value == "2013-08-01");
    CHECK(month.published.confidence <= 0.25);
}

TEST_CASE("an undated report: the weekday after its latest explicit date", "[dates][publication]") {
    // Our own article (no dateline, no date header): "on Friday" after "October 1, 2014".
    Article article;
    article.id = "undated-report";
    article.text = read_text_file(test::fixture("dates/undated-report.txt"));
    const auto r = dates::tag_dates(article, dates::DateOptions{});
    INFO(r.published.evidence);
    CHECK(r.published.value == "2014-10-03");
    CHECK(r.published.inferred);
    CHECK(value_of(r, "October 1, 2014") == "2014-10-01");
    CHECK(value_of(r, "Friday") == "2014-10-03");
    CHECK(value_of(r, "Thursday") == "2014-10-02");
    CHECK(value_of(r, "last month") == "2014-09");
    CHECK(value_of(r, "around October 30") == "2014-10-30");
    CHECK(value_of(r, "Last year") == "2013");
    CHECK(value_of(r, "2012") == "2012");
}

TEST_CASE("a wire dateline's month and day pin the inferred date", "[dates][publication]") {
    const auto r = dates::tag_text("Talks resume\n\nGENEVA, Dec 14 (Reuters) - The ministers met "
                                   "on Friday, months after the flood of August 21, 2013.",
                                   dates::DateOptions{});
    INFO(r.published.evidence);
    CHECK(r.published.value == "2013-12-14");
    CHECK(r.published.inferred);
    CHECK(r.published.evidence.find("dateline month and day 12-14") != std::string::npos);
    // The same from a dateline field without a year.
    Article a;
    a.text = "The ministers met on Friday, after the flood of August 21, 2013.";
    a.dateline = "GENEVA, September 14";
    CHECK(dates::tag_dates(a, dates::DateOptions{}).published.value == "2013-09-14");
}
