// TimeML/TIMEX3 guideline cases on invented wire sentences: anaphoric "that night" / "that
// December" / "the following June", a quarter of a written year, two units back or ahead ("the
// week before last"), "this past weekend", "a week from Friday", and the winter around New Year
// (a winter is coded with the year it begins in).
#include "dates/dates_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

using test::listing;

dates::DateResult tag(const std::string& text, const std::string& published = "2014-01-15") {
    return test::tag_dates(text, published);
}

void check(const std::string& sentence, const std::string& text, const std::string& value,
           const std::string& type, const std::string& published = "2014-01-15") {
    test::check_expression(sentence, text, value, type, published);
}

} // namespace

// Publication date in these cases: Wednesday 2014-01-15 unless given.

TEST_CASE("that night, that December: the time the story last named",
          "[dates][grammar][discourse]") {
    const std::string story = "The jury reached its verdict on March 3, 2010. That night the "
                              "defendant's family left the courthouse by a side door.";
    check(story, "That night", "2010-03-03TNI", "TIME");
    check("Polls closed on Nov. 4, 2008, and later that evening the senator conceded.",
          "later that evening", "2008-11-04TEV", "TIME");
    check("The mill shut in 2009. That December its workers sued the owners.", "That December",
          "2009-12", "DATE");
    check("The plant was sold in March 2011, and in that September the new owner cut jobs.",
          "that September", "2011-09", "DATE");
    // "that" as a conjunction is no time
    const auto r = tag("The chief said that night patrols would double.", "2014-01-15");
    INFO(listing(r));
    CHECK(r.expressions.empty());
}

TEST_CASE("the following June after a bare year counts from that year",
          "[dates][grammar][discourse]") {
    check("Quarterly sales fell in 2008. The following June the automaker closed two plants.",
          "The following June", "2009-06", "DATE");
    check("The senator was elected in November 2006 and resigned the following June.",
          "the following June", "2007-06", "DATE");
    check("The appeal was filed in 2012; the previous March the court had refused bail.",
          "the previous March", "2011-03", "DATE");
}

TEST_CASE("a quarter of a written year is one expression", "[dates][grammar][discourse]") {
    check("The retailer expects a loss in the last quarter of 2012.", "the last quarter of 2012",
          "2012-Q4", "DATE");
    check("Revenue grew in the final quarter of 2011, the company said.",
          "the final quarter of 2011", "2011-Q4", "DATE");
    // without a year it is still the last full quarter before the reference
    check("Profit doubled in the last quarter.", "the last quarter", "2013-Q4", "DATE");
}

TEST_CASE("two units back or ahead", "[dates][grammar][discourse]") {
    check("The deal was signed the week before last.", "the week before last", "2014-W01", "DATE");
    check("The firm posted a profit the year before last.", "the year before last", "2012", "DATE");
    check("The hearing resumes the day after tomorrow.", "the day after tomorrow", "2014-01-17",
          "DATE");
    check("Jurors were sworn in the day before yesterday.", "the day before yesterday",
          "2014-01-13", "DATE");
    check("The summit opens the month after next.", "the month after next", "2014-03", "DATE");
}

TEST_CASE("this past weekend keeps this", "[dates][grammar][discourse]") {
    check("Storms flooded the valley this past weekend.", "this past weekend", "2014-W02-WE",
          "DATE");
    check("Voters in the county went to the polls this past Sunday.", "this past Sunday",
          "2014-01-12", "DATE");
}

TEST_CASE("an amount from a named day", "[dates][grammar][discourse]") {
    check("The runoff will be held a week from Friday.", "a week from Friday", "2014-01-24",
          "DATE");
    check("Earnings are due three days from today.", "three days from today", "2014-01-18", "DATE");
    check("The court will rule two weeks from tomorrow.", "two weeks from tomorrow", "2014-01-30",
          "DATE");
    // "from" after a duration that is not counted from a day stays a duration
    check("The strike lasted a week from start to finish.", "a week", "P1W", "DURATION");
}

TEST_CASE("a winter is coded with the year it begins in", "[dates][resolver][discourse]") {
    check("Heating bills rose sharply this winter.", "this winter", "2013-WI", "DATE");
    check("Heating bills rose sharply this winter.", "this winter", "2013-WI", "DATE",
          "2013-12-20");
    check("Heating bills were lower last winter.", "last winter", "2012-WI", "DATE");
    check("Heating bills were lower last winter.", "last winter", "2012-WI", "DATE", "2013-05-02");
    check("Growers expect a dry spell next winter.", "next winter", "2014-WI", "DATE");
    check("The harvest was poor last fall.", "last fall", "2013-FA", "DATE");
    check("Planting starts next spring.", "next spring", "2014-SP", "DATE");
    // a story's January lies in the winter that began the December before
    check("Snow closed the pass on Jan. 9, 1995. That winter the county ran out of salt.",
          "That winter", "1994-WI", "DATE");
}

TEST_CASE("a day of the month alone is in the reference's month", "[dates][grammar][discourse]") {
    check("The hearing resumed on the 3rd.", "the 3rd", "2014-01-03", "DATE");
    check("The company will report results on the 28th.", "the 28th", "2014-01-28", "DATE");
    // past, and later in the month than the reference: last month's
    check("Shares closed at a record on the 20th.", "the 20th", "2013-12-20", "DATE");
    check("The court adjourned until the 21st of next month.", "the 21st of next month",
          "2014-02-21", "DATE");
    // in a story, the story's month
    check("The mayor arrived in Tulsa on March 3, 2010. He left on the 9th.", "the 9th",
          "2010-03-09", "DATE");
    // an ordinal before a noun is no day
    const auto r = tag("The firm moved to offices on the 3rd floor.", "2014-01-15");
    INFO(listing(r));
    CHECK(r.expressions.empty());
}

TEST_CASE("the n-th weekday of a month and days around a holiday", "[dates][grammar][discourse]") {
    check("The election will be held on the first Tuesday in November.",
          "the first Tuesday in November", "2014-11-04", "DATE");
    check("Voters went to the polls on the first Tuesday of November 2012.",
          "the first Tuesday of November 2012", "2012-11-06", "DATE");
    check("The parade is held on the last Monday in May.", "the last Monday in May", "2014-05-26",
          "DATE");
    check("The jury returned its verdict two days before Christmas.", "two days before Christmas",
          "2013-12-23", "DATE");
    check("The store reopened a week after Easter.", "a week after Easter", "2013-04-07", "DATE");
}

TEST_CASE("the week of a day and an amount's time", "[dates][grammar][discourse]") {
    check("The sentencing hearing is scheduled for the week of Feb. 10.", "the week of Feb. 10",
          "2014-W07", "DATE");
    check("The storm hit during the week of March 3, 2010.", "the week of March 3, 2010",
          "2010-W09", "DATE");
    check("Voters go to the polls in two weeks' time.", "two weeks' time", "2014-W05", "DATE");
    check("The plant reopens in a month's time.", "a month's time", "2014-02", "DATE");
}

TEST_CASE("early and late narrow a part of a day, the article opens a season of a year",
          "[dates][grammar][discourse]") {
    const auto r = tag("The governor signed the bill late last night.", "2014-01-15");
    INFO(listing(r));
    REQUIRE(r.expressions.size() == 1);
    CHECK(r.expressions[0].text == "late last night");
    CHECK(r.expressions[0].value == "2014-01-14TNI");
    CHECK(r.expressions[0].mod == "END");
    check("The bill passed early this morning.", "early this morning", "2014-01-15TMO", "TIME");
    // said of the subject, "late" is no part of the time
    check("The ferry was late Tuesday night.", "Tuesday night", "2014-01-14TNI", "TIME");
    check("The case was filed in the spring of 2011.", "the spring of 2011", "2011-SP", "DATE");
}

TEST_CASE("after-hours trading is no duration", "[dates][grammar][discourse]") {
    const auto r = tag("Shares gained 4 percent in after-hours trading Wednesday.", "2014-01-15");
    INFO(listing(r));
    REQUIRE(r.expressions.size() == 1);
    CHECK(r.expressions[0].text == "Wednesday");
    check("The vote came after hours of debate.", "hours", "PTXH", "DURATION");
}

TEST_CASE("the year-earlier month is the month named a year back", "[dates][grammar][discourse]") {
    check("Same-store sales in December rose 2 percent from the year-earlier month.",
          "the year-earlier month", "2012-12", "DATE");
    check("Same-store sales in September rose from the year-ago month.", "the year-ago month",
          "2012-09", "DATE", "2013-10-20");
}

TEST_CASE("a day of the month after for and to", "[dates][grammar][discourse]") {
    check("The vote is scheduled for the 24th.", "the 24th", "2014-01-24", "DATE");
    check("The hearing was postponed to the 28th.", "the 28th", "2013-12-28", "DATE");
    for (const char* sentence : {"She won for the 3rd time.", "He moved up to the 2nd spot."}) {
        const auto r = tag(sentence, "2014-01-15");
        INFO(sentence << " -> " << listing(r));
        CHECK(r.expressions.empty());
    }
}

TEST_CASE("an amount ago today is a day", "[dates][grammar][discourse]") {
    check("A year ago today, the old bridge collapsed.", "A year ago today", "2013-01-15", "DATE");
    check("The bill was introduced three weeks ago today.", "three weeks ago today", "2013-12-25",
          "DATE");
    check("The jury was seated two weeks ago Monday.", "two weeks ago Monday", "2013-12-30",
          "DATE");
    // without the day it keeps the period's granularity
    check("The plant closed three years ago.", "three years ago", "2011", "DATE");
}
