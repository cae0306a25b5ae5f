// TimeML links between expressions: tids, anchorTimeID, the tids of an anchored duration's
// ends, the freq of a SET, and ranges written as two dates. Invented sentences throughout.
#include "dates/date_tagger.hpp"
#include "dates/timex_links.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace eventmap;
using eventmap::dates::DateOptions;
using eventmap::dates::DateResult;
using eventmap::dates::TimeExpression;

namespace {

DateResult tag(const std::string& text, const std::string& published = "2013-09-13") {
    DateOptions options;
    options.published = published;
    options.infer_published = !published.empty();
    return dates::tag_text(text, options);
}

const TimeExpression& get(const DateResult& r, const std::string& text) {
    for (const auto& e : r.expressions) {
        if (e.text == text) {
            return e;
        }
    }
    FAIL("no expression '" << text << "'");
    throw std::logic_error("unreachable");
}

std::vector<nlohmann::json> json_lines(const DateResult& r) {
    std::ostringstream out;
    dates::write_jsonl(out, "d", r);
    std::istringstream in(out.str());
    std::vector<nlohmann::json> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(nlohmann::json::parse(line));
    }
    return lines;
}

} // namespace

TEST_CASE("expressions get tids in text order", "[dates][timeml]") {
    const auto r = tag("The ferry sank on Monday. Divers searched on Tuesday and Wednesday.");
    REQUIRE(r.expressions.size() == 3);
    CHECK(r.expressions[0].id == "t1");
    CHECK(r.expressions[1].id == "t2");
    CHECK(r.expressions[2].id == "t3");
}

TEST_CASE("anchorTimeID: t0 for values computed from publication", "[dates][timeml]") {
    const auto r = tag("Yesterday the mill closed. It opened in March 1988.");
    CHECK(get(r, "Yesterday").anchor_time_id == "t0");
    CHECK(get(r, "March 1988").anchor_time_id.empty()); // written out in full
}

TEST_CASE("anchorTimeID: the earlier date for narrative offsets", "[dates][timeml]") {
    const auto r =
        tag("The strike began on June 2, 2011. Two days later the mayor met the unions.");
    const auto& begun = get(r, "June 2, 2011");
    const auto& later = get(r, "Two days later");
    CHECK(later.value == "2011-06-04");
    CHECK(later.anchor_time_id == begun.id);
}

TEST_CASE("anchorTimeID: the story's date for a weekday in a past story", "[dates][timeml]") {
    const auto r = tag("On March 3, 2010 the bridge closed. On Sunday night residents marched.");
    const auto& story = get(r, "March 3, 2010");
    const auto& sunday = get(r, "Sunday night");
    CHECK(sunday.value == "2010-03-07TNI");
    CHECK(sunday.anchor_time_id == story.id);
}

TEST_CASE("anchorTimeID: the quarter a report named for 'a year earlier'", "[dates][timeml]") {
    const auto r =
        tag("Profit rose in the third quarter. A year earlier the firm lost money.", "2013-10-20");
    const auto& quarter = get(r, "the third quarter");
    const auto& before = get(r, "A year earlier");
    CHECK(before.value == "2012-Q3");
    CHECK(before.anchor_time_id == quarter.id);
}

TEST_CASE("an anchored duration names the publication date as its end", "[dates][timeml]") {
    const auto r =
        tag("Rents rose over the past three years and will rise for the next two weeks.");
    const auto& past = get(r, "the past three years");
    CHECK(past.end_point_id == "t0");
    CHECK(past.begin_point_id.empty());
    CHECK(past.anchor_time_id == "t0");
    const auto& next = get(r, "the next two weeks");
    CHECK(next.begin_point_id == "t0");
    CHECK(next.end_point_id.empty());
}

TEST_CASE("without a publication date there is no t0 to point at", "[dates][timeml]") {
    const auto r = tag("Yesterday the mill closed for the past three years.", "");
    REQUIRE(r.published.value.empty());
    for (const auto& e : r.expressions) {
        CHECK(e.anchor_time_id != "t0");
        CHECK(e.end_point_id.empty());
    }
    const auto lines = json_lines(r);
    CHECK_FALSE(lines.front().contains("id"));
}

TEST_CASE("freq of a SET: the count per period", "[dates][timeml]") {
    CHECK(get(tag("The board meets twice a week."), "twice a week").freq == "2X");
    CHECK(get(tag("Trains run three times a day."), "three times a day").freq == "3X");
    CHECK(get(tag("Inspectors come once a month."), "once a month").freq == "1X");
    CHECK(get(tag("The board meets every Friday."), "every Friday").freq.empty());
}

TEST_CASE("ranges: two dates and the duration between them", "[dates][timeml]") {
    const auto r = tag("The canal was dug from 1820 to 1825. Prices fell between 1994 and 1997.");
    REQUIRE(r.expressions.size() == 4); // both ends stay expressions of their own
    REQUIRE(r.ranges.size() == 2);
    CHECK(r.ranges[0].value == "P5Y");
    CHECK(r.ranges[0].text == "from 1820 to 1825");
    CHECK(r.ranges[0].first == 0);
    CHECK(r.ranges[0].second == 1);
    CHECK(r.ranges[1].value == "P3Y");
    CHECK(r.ranges[1].text == "between 1994 and 1997");
    CHECK(r.ranges[0].id == "t5"); // after the expressions' tids
    CHECK(r.ranges[1].id == "t6");
}

TEST_CASE("ranges: the first end takes the second's year", "[dates][timeml]") {
    const auto r = tag("The fair ran from May 3 to May 9, 2012.");
    CHECK(get(r, "May 3").value == "2012-05-03");
    REQUIRE(r.ranges.size() == 1);
    CHECK(r.ranges[0].value == "P6D");
    const auto winter = tag("The camp ran from December 20 to January 5, 2012.");
    CHECK(get(winter, "December 20").value == "2011-12-20");
    REQUIRE(winter.ranges.size() == 1);
    CHECK(winter.ranges[0].value == "P16D");
}

TEST_CASE("ranges: not two dates joined by other words", "[dates][timeml]") {
    CHECK(tag("Sales rose in 2009 and fell in 2011.").ranges.empty());
    CHECK(tag("From 2011 the rule was dropped, and 2012 was calm.").ranges.empty());
    CHECK(tag("The law passed between 1994 and a later vote in 1997.").ranges.empty());
    CHECK(tag("They argued from 2011 to 2009, oddly.").ranges.empty()); // backwards
    CHECK(dates::range_duration("2011", "2011-05").empty());
    CHECK(dates::range_duration("2011-05", "2012-02") == "P9M");
    CHECK(dates::range_duration("2011-Q3", "2012-Q1") == "P2Q");
}

TEST_CASE("JSON: new TimeML fields are added, old ones kept", "[dates][timeml][json]") {
    const auto r = tag("The fair ran from 2009 to 2011 and met twice a week. Two days later, "
                       "on May 3, 2012, it closed.");
    const auto lines = json_lines(r);
    CHECK(lines[0]["id"] == "t0");
    const auto& first = lines[1];
    for (const char* key : {"doc", "start", "end", "text", "type", "value", "anchor", "future"}) {
        CHECK(first.contains(key));
    }
    CHECK(first["id"] == "t1");
    REQUIRE(first.contains("range"));
    CHECK(first["range"]["value"] == "P2Y");
    CHECK(first["range"]["type"] == "DURATION");
    CHECK(first["range"]["begin_point_id"] == "t1");
    CHECK(first["range"]["end_point_id"] == "t2");
    CHECK(first["range"]["text"] == "from 2009 to 2011");
    CHECK_FALSE(lines[2].contains("range"));
    CHECK(lines[3]["freq"] == "2X");
}

TEST_CASE("durations reaching up to now end at t0", "[dates][timeml]") {
    const auto r = tag("Rents climbed in recent years and over the past decade.");
    const auto& recent = get(r, "recent years");
    CHECK(recent.value == "PXY");
    CHECK(recent.end_point_id == "t0");
    CHECK(recent.begin_point.empty()); // where an unknown stretch begins is unknown
    const auto& decade = get(r, "the past decade");
    CHECK(decade.value == "P10Y");
    CHECK(decade.end_point_id == "t0");
    CHECK(decade.begin_point == "2003-09-13");
    CHECK(decade.end_point == "2013-09-13");
    // a duration not tied to now has no ends
    const DateResult lasted = tag("The dig lasted three years."); // kept: get() points into it
    const auto& plain = get(lasted, "three years");
    CHECK(plain.end_point_id.empty());
    CHECK(plain.begin_point_id.empty());
}
