// TimeML/TIMEX3 conventions of the grammar on invented sentences: durations against dates by
// syntax, REF values, sets with quant, seasons, anchored durations, and what is not a time.
// Publication date: Friday 2013-09-13.
#include "dates/dates_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

using test::find;
using test::listing;

dates::DateResult tag(const std::string& text, const std::string& published = "2013-09-13") {
    return test::tag_dates(text, published);
}

void check(const std::string& sentence, const std::string& text, const std::string& value,
           const std::string& type, const std::string& published = "2013-09-13") {
    test::check_expression(sentence, text, value, type, published);
}

} // namespace

TEST_CASE("durations and dates are told apart by syntax", "[dates][grammar][timeml]") {
    check("The road was closed for a month.", "a month", "P1M", "DURATION");
    check("The mayor left a month ago.", "a month ago", "2013-08", "DATE");
    check("He served eight years in prison.", "eight years", "P8Y", "DURATION");
    check("The siege lasted 100 days.", "100 days", "P100D", "DURATION");
    check("The vote took minutes.", "minutes", "PTXM", "DURATION");
    check("The bridge stood for almost a hundred years.", "almost a hundred years", "P100Y",
          "DURATION");
    check("The plan needs at least 20 more years.", "at least 20 more years", "P20Y", "DURATION");
    check("She won the marathon in 2:07:35 on a cold morning.", "2:07:35", "PT2H7M35S", "DURATION");
    check("The alarm rang at 14:30:05 UTC.", "14:30:05 UTC", "2013-09-13T14:30Z", "TIME");
    check("A new bridge opens in the following decade.", "the following decade", "202", "DATE");
}

TEST_CASE("references to the present, past and future", "[dates][grammar][timeml]") {
    check("Prices are currently falling.", "currently", "PRESENT_REF", "DATE");
    check("The current crisis deepened.", "current", "PRESENT_REF", "DATE");
    check("In recent weeks, the fighting grew.", "recent weeks", "PXW", "DURATION");
    check("The past few months were hard for farmers.", "The past few months", "PAST_REF", "DATE");
    check("Orders may rise in coming months.", "coming months", "FUTURE_REF", "DATE");
    check("At the time, he was the mayor.", "the time", "PAST_REF", "DATE");
    check("Send the forms as soon as possible.", "as soon as possible", "FUTURE_REF", "DATE");
    CHECK(tag("The crowd left as soon as the rain began.").expressions.empty());
    // "Now" opening a sentence with a comma is a discourse marker; without one, the present
    check("Now with the dam finished, farms get water.", "Now", "PRESENT_REF", "DATE");
    CHECK(tag("Now, the mayor argues, the bridge is safe.").expressions.empty());
    CHECK(tag("The fog lifted. \"Now, we sail,\" she said.").expressions.empty());
    check("Until now, the bridge was shut.", "now", "PRESENT_REF", "DATE");
}

TEST_CASE("quarters as a fraction or as lodging are no time", "[dates][grammar][timeml]") {
    CHECK(tag("The town buys about three-quarters of its grain abroad.").expressions.empty());
    CHECK(tag("Inspectors searched the guards' quarters.").expressions.empty());
    check("Sales fell for three quarters.", "three quarters", "P3Q", "DURATION");
    check("Sales fell in recent quarters.", "recent quarters", "PXQ", "DURATION");
}

TEST_CASE("a century written without its article", "[dates][grammar][timeml]") {
    check("She is a 20th century poet.", "20th century", "19", "DATE");
    check("They teach 21st-century skills.", "21st-century", "20", "DATE");
    check("The church dates from the 12th century.", "the 12th century", "11", "DATE");
}

TEST_CASE("sets carry quant EVERY and adjectives are not sets", "[dates][grammar][timeml]") {
    check("Taxes are paid annually.", "annually", "P1Y", "SET");
    CHECK(find(tag("Taxes are paid annually."), "annually")->quant == "EVERY");
    check("The council meets every Friday.", "every Friday", "XXXX-WXX-5", "SET");
    CHECK(find(tag("The council meets every Friday."), "every Friday")->quant == "EVERY");
    CHECK(tag("The firm cut its quarterly payout and its annual budget.").expressions.empty());
}

TEST_CASE("seasons of the reference", "[dates][grammar][timeml]") {
    // one winter, December 2013 to February 2014, has one code: the year it begins in
    check("The team has lost twice this season.", "this season", "2013-WI", "DATE", "2014-01-20");
    check("The team has lost twice this season.", "this season", "2013-WI", "DATE", "2013-12-20");
    check("The club sells out each season.", "each season", "XXXX-WI", "SET", "2014-01-20");
}

TEST_CASE("durations anchored at the reference get begin and end points",
          "[dates][grammar][timeml]") {
    const auto r = tag("Exports fell over the past three years.");
    const auto* e = find(r, "the past three years");
    REQUIRE(e != nullptr);
    CHECK(e->value == "P3Y");
    CHECK(e->begin_point == "2010-09-13");
    CHECK(e->end_point == "2013-09-13");
    CHECK(e->anchor == "published 2013-09-13");
    // The result is kept: find() points into it (a temporary here was freed before the checks).
    const auto later = tag("Talks resume in the next two weeks.");
    const auto* next = find(later, "the next two weeks");
    REQUIRE(next != nullptr);
    CHECK(next->begin_point == "2013-09-13");
    CHECK(next->end_point == "2013-09-27");
    const auto held = tag("The ceasefire held for two years.");
    const auto* plain = find(held, "two years");
    REQUIRE(plain != nullptr);
    CHECK(plain->begin_point.empty());
}

TEST_CASE("ages and manner adjectives are not temporal expressions", "[dates][grammar][timeml]") {
    for (const char* text : {"A 37-year-old cyclist was fined.", "The pilot is 61 years old.",
                             "The bank offers short-term loans."}) {
        INFO(text << " -> " << listing(tag(text)));
        CHECK(tag(text).expressions.empty());
    }
}

TEST_CASE("today as an age, and ages of the present", "[dates][grammar][timeml]") {
    check("Today's teenagers read on phones.", "Today", "PRESENT_REF", "DATE");
    check("Today's vote was close.", "Today", "2013-09-13", "DATE");
    check("Privacy is hard in the digital age.", "the digital age", "PRESENT_REF", "DATE");
    // Rates are not durations; "a year earlier" after an amount still is a date.
    CHECK(tag("The shop repairs 400 bikes a day.").expressions.empty());
    CHECK(find(tag("The ferry runs 18 hours a day."), "a day") == nullptr);
    check("Sales fell from $5 million a year earlier.", "a year earlier", "2012", "DATE");
}

TEST_CASE("fiscal periods", "[dates][grammar][timeml]") {
    check("The deal closes in fiscal 2014.", "fiscal 2014", "FY2014", "DATE");
    check("Costs will fall this fiscal year.", "this fiscal year", "2013", "DATE");
    check("Sales rose last fiscal year.", "last fiscal year", "2012", "DATE");
}

TEST_CASE("recent as an adjective of an event is no time", "[dates][grammar][timeml]") {
    CHECK(tag("The recent floods closed the road.").expressions.empty());
    check("Prices rose in recent years.", "recent years", "PXY", "DURATION");
}

TEST_CASE("accounting periods: the year ended, year-end", "[dates][grammar][timeml]") {
    check("Sales were $9 million for the year ended June 30.", "the year", "P1Y", "DURATION");
    // Publication 2013-09-13: by year-end is this year's last day, since year-end last year's
    check("The sale should close by year-end.", "year-end", "2013-12-31", "DATE");
    check("The index is up 4% since year-end.", "year-end", "2012-12-31", "DATE");
    CHECK(tag("Year-end bonuses were cut.").expressions.empty());
}

TEST_CASE("annually after an amount is a rate, annual before a name part of it",
          "[dates][grammar][timeml]") {
    CHECK(tag("Exports rose 8% annually.").expressions.empty());
    CHECK(tag("The mill turns out 5,000 tonnes annually.").expressions.empty());
    CHECK(tag("Crowds came to the annual Harvest Fair.").expressions.empty());
    CHECK(tag("Crowds came to the annual May Day parade.").expressions.empty());
    // a newspaper named as a daily or weekly
    CHECK(tag("The party daily Vestnik ran the story.").expressions.empty());
    CHECK(tag("He wrote for the weekly Grenzbote.").expressions.empty());
    check("The fair is held annually.", "annually", "P1Y", "SET");
    check("The buses run daily to the coast.", "daily", "P1D", "SET");
}

TEST_CASE("years said in words, as transcripts write them", "[dates][grammar][timeml]") {
    check("Prices peaked in nineteen eighty-six.", "nineteen eighty-six", "1986", "DATE");
    // TIMEX3 extents keep the article ("the summer of ...")
    check("Oil was cheap in the summer of nineteen seventy.", "the summer of nineteen seventy",
          "1970-SU", "DATE");
    check("Debt will be halved by the year two thousand and four.", "two thousand and four", "2004",
          "DATE");
    CHECK(tag("About nineteen twenty guests came.").expressions.empty());
    CHECK(tag("We sold two thousand copies.").expressions.empty());
}

TEST_CASE("recent history and a later date are times", "[dates][grammar][timeml]") {
    check("It was the worst storm in recent Dutch history.", "recent Dutch history", "PAST_REF",
          "DATE");
    check("The club has not lost at home in recent memory.", "recent memory", "PAST_REF", "DATE");
    check("The hearing will resume at a later date.", "a later date", "XXXX-XX-XX", "DATE");
    CHECK(tag("The talks resumed later.").expressions.empty());
}

TEST_CASE("frequencies are sets of their period", "[dates][grammar][timeml]") {
    check("The council meets twice a week.", "twice a week", "P1W", "SET");
    check("Inspectors call three times a year.", "three times a year", "P1Y", "SET");
    check("The ferry runs once per month.", "once per month", "P1M", "SET");
    check("The fair returns each spring.", "each spring", "XXXX-SP", "SET");
    CHECK(find(tag("The fair returns each spring."), "each spring")->quant == "EVERY");
    // a multiple of an amount and a rate are not times
    CHECK(tag("The new hall is three times the size of the old one.").expressions.empty());
    CHECK(find(tag("She rode 400 miles a week."), "a week") == nullptr);
}

TEST_CASE("a duration written as an adjective", "[dates][grammar][timeml]") {
    check("The strike, a week-long protest, ended.", "week-long", "P1W", "DURATION");
    check("A two-year-long search ended.", "two-year-long", "P2Y", "DURATION");
    check("The yearlong dispute ended.", "yearlong", "P1Y", "DURATION");
    check("An hours-long standoff ended.", "hours-long", "PTXH", "DURATION");
    CHECK(tag("The long week of talks ended.").expressions.empty());
}

TEST_CASE("a month after early, mid or late and a hyphen", "[dates][grammar][timeml]") {
    check("Prices fell in mid-March.", "mid-March", "2013-03", "DATE");
    CHECK(find(tag("Prices fell in mid-March."), "mid-March")->mod == "MID");
    check("Repairs ended in late-May.", "late-May", "2013-05", "DATE");
    CHECK(tag("The Baker-May report was read aloud.").expressions.empty());
}

TEST_CASE("the year of the reference, and the years it is not", "[dates][grammar][timeml]") {
    check("Shares hit a high for the year on Monday.", "the year", "2013", "DATE");
    check("Rain fell throughout the year.", "the year", "2013", "DATE");
    check("Ticket sales climbed over the opening eight weeks of the year.", "the year", "2013",
          "DATE");
    check("Profit for the year ended June 30 fell.", "the year", "P1Y", "DURATION");
    CHECK(find(tag("It was the year of the flood."), "the year") == nullptr);
    CHECK(find(tag("He was named Player of the Year."), "the Year") == nullptr);
    CHECK(find(tag("Sales fell from the year-earlier quarter."), "the year") == nullptr);
}

TEST_CASE("a part of the day on its own after a preposition", "[dates][grammar][timeml]") {
    check("The quake struck in the late afternoon.", "the late afternoon", "2013-09-13TAF", "TIME");
    CHECK(find(tag("The quake struck in the late afternoon."), "the late afternoon")->mod == "END");
    check("Rescuers arrived by mid-afternoon.", "mid-afternoon", "2013-09-13TAF", "TIME");
    check("Patrols go out at night.", "night", "2013-09-13TNI", "TIME");
    // the day of the story, as for a bare clock time
    check("On March 3, 2010 the dam broke. In the evening the water fell.", "the evening",
          "2010-03-03TEV", "TIME");
    CHECK(tag("She read it in the evening news.").expressions.empty());
    CHECK(tag("They stayed the night.").expressions.empty());
    CHECK(tag("He sang in the Morning Choir.").expressions.empty());
}

TEST_CASE("a pair of amounts sharing one unit: two durations", "[dates][grammar][timeml]") {
    check("Repairs will need between 20 and 45 days.", "20", "P20D", "DURATION");
    check("Repairs will need between 20 and 45 days.", "45 days", "P45D", "DURATION");
    check("The sentence is five to seven years.", "five", "P5Y", "DURATION");
    check("They waited two or three weeks.", "two", "P2W", "DURATION");
    // years joined by "and" stay years; a count before another noun is no time
    check("In 1994 and 1995 the mill was idle.", "1994", "1994", "DATE");
    const auto r = tag("He bought 60 and sold 90 shares in two days.");
    INFO(listing(r));
    CHECK(find(r, "60") == nullptr);
    CHECK(find(r, "two days") != nullptr);
}

TEST_CASE("Election Day: the Tuesday after the first Monday of November",
          "[dates][grammar][timeml]") {
    check("Voters go to the polls on Election Day.", "Election Day", "2013-11-05", "DATE");
    check("Turnout on Election Day 2012 was high.", "Election Day 2012", "2012-11-06", "DATE");
    // November 1 a Tuesday: the Monday after it comes first, so the 8th
    check("Turnout on Election Day 2016 was high.", "Election Day 2016", "2016-11-08", "DATE");
    check("He voted on Election Day.", "Election Day", "2012-11-06", "DATE", "2013-01-10");
    const auto r = tag("The election day rush was calm.");
    CHECK(r.expressions.empty()); // lower case: a description, not the name
}

TEST_CASE("an ordinal day or week of an event is a date", "[dates][grammar][timeml]") {
    check("Talks resumed on the ninth day of the strike.", "ninth day", "2013-09-13", "DATE");
    check("Crowds thinned on its third day.", "third day", "2013-09-13", "DATE");
    check("Prices climbed for the sixth week in succession.", "sixth week", "2013-W37", "DATE");
    // the day of its sentence when it names one
    check("On March 3, 2010, the first day of the fair, crowds came.", "first day", "2010-03-03",
          "DATE");
    // counted within a calendar period, an adjective, or with no tie to an event: not this rule
    // (no DATE on the ordinal; "day-long" alone is a duration, P1D, by the "-long" rule)
    for (const char* sentence :
         {"The first week of June was wet.", "The second day of the month was dry.",
          "He won the first day-long race.", "Rain fell on a second day."}) {
        const auto r = tag(sentence);
        INFO(sentence << " -> " << listing(r));
        for (const auto& e : r.expressions) {
            CHECK(e.text.find("first") == std::string::npos);
            CHECK(e.text.find("second") == std::string::npos);
            if (e.type == dates::TimexType::date) {
                CHECK(e.text.find("day") == std::string::npos);
                CHECK(e.text.find("week") == std::string::npos);
            }
        }
    }
}

TEST_CASE("the half of a decade is the decade with a START or END mod",
          "[dates][grammar][timeml]") {
    const auto r = tag("Ferry traffic grew in the first half of the '80s and fell in the latter "
                       "half of the 1990s.");
    INFO(listing(r));
    const auto* first = find(r, "the first half of the '80s");
    REQUIRE(first != nullptr);
    CHECK(first->value == "198");
    CHECK(first->mod == "START");
    const auto* second = find(r, "the latter half of the 1990s");
    REQUIRE(second != nullptr);
    CHECK(second->value == "199");
    CHECK(second->mod == "END");
    CHECK(r.expressions.size() == 2); // no half of this year, no bare decade
    // a half of a year keeps its H code
    check("Sales rose in the second half of 2011.", "the second half of 2011", "2011-H2", "DATE");
}

TEST_CASE("a singular unit before -long is one unit without an article",
          "[dates][grammar][timeml]") {
    check("The envoys ended their second day-long round of talks.", "day-long", "P1D", "DURATION");
    check("Crews began another week-long shift.", "week-long", "P1W", "DURATION");
    check("It was a months-long dispute.", "months-long", "PXM", "DURATION");
}

TEST_CASE("the fiscal year under way and the latest one closed", "[dates][grammar][timeml]") {
    check("The brewer expects weaker sales for the fiscal year.", "the fiscal year", "2013",
          "DATE");
    check("The brewer earned $3 million in the latest fiscal year.", "the latest fiscal year",
          "2012", "DATE");
    check("Costs rose in the current fiscal year.", "the current fiscal year", "2013", "DATE");
}

TEST_CASE("a decade after a possessive is an age and two-digit decades look back",
          "[dates][grammar][timeml]") {
    const auto r = tag("The driver, a man in his early 50s, and a passenger in her 30s were hurt.");
    INFO(listing(r));
    CHECK(r.expressions.empty());
    check("The club played swing music of the '30s.", "the '30s", "193", "DATE");
    check("Tenements built in the 60s were torn down.", "the 60s", "196", "DATE");
    check("Phones changed a lot in the '00s.", "the '00s", "200", "DATE");
}

TEST_CASE("the end of the decade or century is the current one's", "[dates][grammar][timeml]") {
    const auto r = tag("The canal should be dredged by the end of the decade, and the tower "
                       "replaced before the end of the century.");
    INFO(listing(r));
    const auto* decade = find(r, "the end of the decade");
    REQUIRE(decade != nullptr);
    CHECK(decade->value == "201");
    CHECK(decade->mod == "END");
    const auto* century = find(r, "the end of the century");
    REQUIRE(century != nullptr);
    CHECK(century->value == "20");
    CHECK(century->mod == "END");
}

TEST_CASE("now as the prefix of an adjective is no time", "[dates][grammar][timeml]") {
    const auto r = tag("Workers of the now-closed mill marched past its now defunct rival.");
    INFO(listing(r));
    CHECK(find(r, "now") != nullptr); // "now defunct", written apart, is the adverb
    CHECK(r.expressions.size() == 1);
    check("The ferry is now late.", "now", "PRESENT_REF", "DATE");
    // the same for "soon-": "the soon-to-be mayor" says what someone will be, not when
    const auto s = tag("The soon-to-be mayor toured a soon-to-open hall; work ends soon.");
    INFO(listing(s));
    CHECK(s.expressions.size() == 1);
    check("The soon-to-be mayor says work ends soon.", "soon", "FUTURE_REF", "DATE");
}

TEST_CASE("the unit before or after, at a clause boundary", "[dates][grammar][timeml]") {
    check("The ferry sank on May 4, 2010. Its captain had resigned the day before.",
          "the day before", "2010-05-03", "DATE");
    check("The vote was on March 3, 2011; the count ended the day after, and the mayor quit.",
          "the day after", "2011-03-04", "DATE");
    // with an object, the unit hangs on an event: not this rule
    const auto r = tag("Crowds gathered the day before the final.");
    INFO(listing(r));
    CHECK(find(r, "the day before") == nullptr);
}

TEST_CASE("at the moment is the present and overnight the night before",
          "[dates][grammar][timeml]") {
    check("The harbour master is abroad at the moment.", "the moment", "PRESENT_REF", "DATE");
    check("Nobody should leave at this decisive moment.", "this decisive moment", "PRESENT_REF",
          "DATE");
    const auto r = tag("Sirens sounded at the moment of impact.");
    INFO(listing(r));
    CHECK(r.expressions.empty());
    // published Friday 2013-09-13: the night from Thursday into Friday
    check("Bond prices slipped in overnight trading.", "overnight", "2013-09-12TNI", "TIME");
    check("Road crews worked overnight to clear the pass.", "overnight", "2013-09-12TNI", "TIME");
    check("The tunnel will be shut overnight.", "overnight", "2013-09-13TNI", "TIME");
    const auto s = tag("The village did not change overnight; she was no overnight success.");
    INFO(listing(s));
    CHECK(s.expressions.empty());
}

TEST_CASE("a holiday's week is the ISO week it falls in", "[dates][grammar][timeml]") {
    // Monday 2014-04-14: Easter 2014 is Sunday the 20th, the end of that ISO week
    check("Churches filled as Easter week began.", "Easter week", "2014-W16", "DATE", "2014-04-14");
    check("Shops will stay open late through Christmas week.", "Christmas week", "2013-W52",
          "DATE");
    check("Airports were crowded during Thanksgiving week.", "Thanksgiving week", "2013-W48",
          "DATE", "2013-12-02");
    check("The bakery shut for Easter week 2012.", "Easter week 2012", "2012-W14", "DATE");
    // the day alone keeps its day value
    check("Churches filled on Easter Sunday.", "Easter Sunday", "2013-03-31", "DATE");
}

TEST_CASE("a capitalised May or March between the and a noun is the month",
          "[dates][grammar][timeml]") {
    check("The March handover will let the new owners start work.", "March", "2014-03", "DATE");
    check("Polls opened for the May runoff at dawn.", "May", "2013-05", "DATE");
    for (const char* text :
         {"The March was peaceful and short.", "The March on the capital drew crowds.",
          "Critics of the May government spoke.", "He joined the march.",
          "She moved to the May estate."}) {
        const auto r = tag(text);
        INFO(text << " -> " << listing(r));
        CHECK(r.expressions.empty());
    }
}

TEST_CASE("a level for the year is the reference's year", "[dates][grammar][timeml]") {
    check("The stock touched a low for the year of $14.50 in May.", "the year", "2013", "DATE");
    check("The index set a peak for the year of 4,100 points.", "the year", "2013", "DATE");
    CHECK(find(tag("It was the year of the flood."), "the year") == nullptr);
}

TEST_CASE("the early hours and programme titles are no durations or periods",
          "[dates][grammar][timeml]") {
    const auto r = tag("The patrol turned back in the wee hours of Saturday.");
    INFO(listing(r));
    CHECK(find(r, "hours") == nullptr);
    CHECK(find(r, "Saturday") != nullptr);
    check("The patrol had turned back by the early hours of Saturday.", "Saturday", "2013-09-07",
          "DATE");
    CHECK(find(tag("The patrol had turned back by the early hours of Saturday."), "hours") ==
          nullptr);
    check("Crews worked for hours.", "hours", "PTXH", "DURATION");
    const auto t = tag("The minister spoke on \"This Week With Anna Rossi\" on Sunday.");
    INFO(listing(t));
    CHECK(find(t, "This Week") == nullptr);
    CHECK(find(t, "Sunday") != nullptr);
    check("This week the ferry sank.", "This week", "2013-W37", "DATE");
}

TEST_CASE("a year before the figures it measures is a year, a count is not",
          "[dates][grammar][timeml]") {
    check("Output is back to 2010 levels.", "2010", "2010", "DATE");
    check("The firm's 2012 results were poor.", "2012", "2012", "DATE");
    const auto r = tag("The town has 2013 voters and 1950 houses.");
    INFO(listing(r));
    CHECK(r.expressions.empty());
}

TEST_CASE("early, mid and late belong to a relative period or weekday they narrow",
          "[dates][grammar][timeml]") {
    // published Friday 2013-09-13
    check("Talks resume early next week.", "early next week", "2013-W38", "DATE");
    check("Sales fell late last month.", "late last month", "2013-08", "DATE");
    check("The vote came late Tuesday.", "late Tuesday", "2013-09-10", "DATE");
    check("Snow fell in early spring.", "early spring", "2013-SP", "DATE");
    const auto r = tag("Fares rose early this year.");
    INFO(listing(r));
    REQUIRE(find(r, "early this year") != nullptr);
    CHECK(find(r, "early this year")->mod == "START");
    // "late" said of the subject is no part of the time
    const auto s = tag("The ferry was late Tuesday and early Wednesday.");
    INFO(listing(s));
    CHECK(find(s, "Tuesday") != nullptr);
    CHECK(find(s, "early Wednesday") != nullptr);
}
