// TimeML conventions on invented sentences: plural weekdays and weekends are SETs, not
// durations or single days; "these days" is the present; US holidays named by a weekday of
// their month are dates. Publication date: Friday 2013-09-13.
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

TEST_CASE("plural weekdays and weekends recur", "[dates][grammar][timeml]") {
    check("The bakery is shut on Sundays.", "Sundays", "XXXX-WXX-7", "SET");
    check("Her brother works Saturdays at the dock.", "Saturdays", "XXXX-WXX-6", "SET");
    check("The choir rehearses Tuesday evenings in the hall.", "Tuesday evenings", "XXXX-WXX-2TEV",
          "SET");
    check("Crowds gather on Friday nights.", "Friday nights", "XXXX-WXX-5TNI", "SET");
    check("The ferry only runs on weekends.", "weekends", "XXXX-WXX-WE", "SET");
    // a single weekday, a counted or recent stretch of weekends stay what they were
    check("The choir rehearsed Tuesday evening.", "Tuesday evening", "2013-09-10TEV", "TIME");
    check("The repairs took two weekends.", "two weekends", "P2WE", "DURATION");
    // part of a name: no time
    const auto band = tag("Tickets for the Sundays went fast.");
    INFO(listing(band));
    CHECK(band.expressions.empty());
    const auto movement = tag("Pupils joined Fridays For Climate in the square.");
    INFO(listing(movement));
    CHECK(movement.expressions.empty());
}

TEST_CASE("these days is the present", "[dates][grammar][timeml]") {
    check("These days, few people write letters.", "These days", "PRESENT_REF", "DATE");
    check("Rents are high in the city these days.", "these days", "PRESENT_REF", "DATE");
    // "days" after a count stays a duration
    check("The fair lasted three days.", "three days", "P3D", "DURATION");
}

TEST_CASE("US holidays on a weekday of their month", "[dates][grammar][timeml]") {
    check("Stores closed on Labor Day.", "Labor Day", "2013-09-02", "DATE");
    check("The parade was held on Memorial Day.", "Memorial Day", "2013-05-27", "DATE");
    check("Sales rose before Presidents' Day.", "Presidents' Day", "2013-02-18", "DATE");
    check("The cards arrived before Mother's Day.", "Mother's Day", "2013-05-12", "DATE");
    check("He phoned his dad on Father's Day.", "Father's Day", "2013-06-16", "DATE");
    // by tense: a past clause takes the last one, a future clause the next one
    check("Columbus Day fell on a Monday.", "Columbus Day", "2012-10-08", "DATE");
    check("The office will close on Columbus Day.", "Columbus Day", "2013-10-14", "DATE");
    check("Labor Day 2010 was hot.", "Labor Day 2010", "2010-09-06", "DATE");
    // lowercase or another noun after it: no holiday
    const auto hall = tag("The Memorial Hall closed and a labor day rally was held.");
    INFO(listing(hall));
    CHECK(hall.expressions.empty());
}

TEST_CASE("an article before a year-earlier compound is the noun's", "[dates][grammar][timeml]") {
    // "a year-earlier loss" is the loss of the period a year before, not the duration "a year"
    const auto r = tag("The firm posted a profit of $4 million, against a year-earlier loss.");
    INFO(listing(r));
    CHECK(find(r, "a year") == nullptr);
    const auto* earlier = find(r, "year-earlier");
    REQUIRE(earlier != nullptr);
    CHECK(std::string(dates::type_name(earlier->type)) == "DATE");
    const auto ago = tag("Sales fell, after a year-ago gain of 5%.");
    INFO(listing(ago));
    CHECK(find(ago, "a year") == nullptr);
    CHECK(find(ago, "year-ago") != nullptr);
    // a bonus named after December is no time at all
    const auto bonus = tag("Staff received a year-end bonus.");
    INFO(listing(bonus));
    CHECK(find(bonus, "a year") == nullptr);
    // the duration itself is untouched
    check("The repairs took a year.", "a year", "P1Y", "DURATION");
}

TEST_CASE("a clock time before a day and its part of day is one TIME", "[dates][grammar][timeml]") {
    // publication Friday 2013-09-13
    check("The polls closed at 7:30 Monday morning.", "7:30 Monday morning", "2013-09-09T07:30",
          "TIME");
    // the part of the day says p.m. when the clock did not
    check("The blast came at 10:15 Sunday night.", "10:15 Sunday night", "2013-09-08T22:15",
          "TIME");
    check("The hearing resumes at 9:30 tomorrow morning.", "9:30 tomorrow morning",
          "2013-09-14T09:30", "TIME");
    // a written a.m./p.m. is kept as it is
    check("Rescuers arrived at 7 a.m. Monday.", "7 a.m. Monday", "2013-09-09T07:00", "TIME");
}

TEST_CASE("a count before a capitalised unit in running text is a name",
          "[dates][grammar][timeml]") {
    for (const char* sentence :
         {"She told the network's ''90 Hours'' that she would stay.",
          "He spoke on the radio show 45 Minutes last year.", "They watched \"72 Days\" again."}) {
        const auto r = tag(sentence);
        INFO(sentence << " -> " << listing(r));
        for (const auto& e : r.expressions) {
            CHECK(e.type != dates::TimexType::duration);
            CHECK(e.value != "1990");
        }
    }
    check("He spoke on the radio show 45 Minutes last year.", "last year", "2012", "DATE");
    // lowercase units, a sentence opening and a title-case headline keep the duration
    check("The debate ran for 90 minutes.", "90 minutes", "PT90M", "DURATION");
    check("Ninety Minutes later the hall was empty.", "Ninety Minutes later", "2013-09-13", "DATE");
    check("Talks Resume After Two Weeks", "Two Weeks", "P2W", "DURATION");
}

TEST_CASE("the age of a thing in days, weeks or months is a duration", "[dates][grammar][timeml]") {
    check("Rebels broke the 5-month-old ceasefire.", "5-month-old", "P5M", "DURATION");
    check("Drivers ended a week-old strike.", "week-old", "P1W", "DURATION");
    // ages of people and young animals stay untagged, as every age in years does
    for (const char* sentence : {"A 3-month-old baby was rescued.", "The 10-day-old twins slept.",
                                 "A 52-year-old clerk and a 200-year-old bridge."}) {
        const auto r = tag(sentence);
        INFO(sentence << " -> " << listing(r));
        CHECK(r.expressions.empty());
    }
}

TEST_CASE("a year before a singular period names that period of the year",
          "[dates][grammar][timeml]") {
    // an earnings report about the third quarter, published in November
    const std::string report = "Profit rose during the third quarter. The mill lost $2 million "
                               "over the comparable 2012 quarter.";
    check(report, "the comparable 2012 quarter", "2012-Q3", "DATE", "2013-11-05");
    // never a count of 2012 quarters
    const auto r = tag(report, "2013-11-05");
    INFO(listing(r));
    for (const auto& e : r.expressions) {
        CHECK(e.value != "P2012Q");
    }
    check("The mill has stood for 2000 years.", "2000 years", "P2000Y", "DURATION");
}

TEST_CASE("earnings periods a year back and the most recent quarter", "[dates][grammar][timeml]") {
    // an invented report on the third quarter, published in November 2013
    const std::string report = "The mill earned $3 million during its third quarter. ";
    check(report + "In the year-ago second quarter it lost money.", "the year-ago second quarter",
          "2012-Q2", "DATE", "2013-11-05");
    check(report + "In the prior-year quarter it lost money.", "the prior-year quarter", "2012-Q3",
          "DATE", "2013-11-05");
    check(report + "Sales in the most recent quarter rose.", "the most recent quarter", "2013-Q3",
          "DATE", "2013-11-05");
}

TEST_CASE("hours and decades in words, as transcripts say them", "[dates][grammar][timeml]") {
    check("The polls close at eleven p.m.", "eleven p.m.", "2013-09-13T23:00", "TIME");
    check("We meet again at nine o'clock tonight.", "nine o'clock tonight", "2013-09-13T21:00",
          "TIME");
    check("The plane landed at 8:15 this morning.", "8:15 this morning", "2013-09-13T08:15",
          "TIME");
    check("In the nineteen sixties the port grew.", "the nineteen sixties", "196", "DATE");
    check("The band was famous in the eighties.", "the eighties", "198", "DATE");
    // a count in words with no a.m./p.m. is no clock time; a temperature is no decade
    for (const char* sentence :
         {"Eleven people were hurt.", "Highs will be in the sixties degrees range."}) {
        const auto r = tag(sentence);
        INFO(sentence << " -> " << listing(r));
        CHECK(r.expressions.empty());
    }
}

TEST_CASE("a hyphenated count and a half", "[dates][grammar][timeml]") {
    check("He served two-and-a-half years in the post.", "two-and-a-half years", "P2.5Y",
          "DURATION");
    check("She began a three-and-a-half-year term.", "three-and-a-half-year", "P3.5Y", "DURATION");
}

TEST_CASE("that night is the night of the last date the text gave", "[dates][grammar][timeml]") {
    const std::string story = "On May 4, 2011, the dam failed. That night, boats came. ";
    check(story, "That night", "2011-05-04TNI", "TIME");
    check(story + "Farmers met on that evening.", "that evening", "2011-05-04TEV", "TIME");
    // "that" as a conjunction before a part of the day is no time
    const auto r = tag("He said that mornings were cold.");
    INFO(listing(r));
    CHECK(r.expressions.empty());
}

TEST_CASE("earlier in the week names the reference's period", "[dates][grammar][timeml]") {
    check("Earlier in the week, the union voted.", "Earlier in the week", "2013-W37", "DATE");
    check("Rates may rise later in the month.", "later in the month", "2013-09", "DATE");
    const auto r = tag("Sales slowed late in the year.");
    INFO(listing(r));
    const auto* late = find(r, "late in the year");
    REQUIRE(late != nullptr);
    CHECK(late->value == "2013");
    CHECK(late->mod == "END");
}

TEST_CASE("a clock time with local time or its part of the day", "[dates][grammar][timeml]") {
    // publication Friday 2013-09-13
    check("The quake hit at 3 p.m. local time Thursday.", "3 p.m. local time Thursday",
          "2013-09-12T15:00", "TIME");
    check("The ferry left at 5:30 in the afternoon.", "5:30 in the afternoon", "2013-09-13T17:30",
          "TIME");
    check("He was woken at four in the morning.", "four in the morning", "2013-09-13T04:00",
          "TIME");
    // a bare count before a part of the day, with no word placing a time, is no clock time
    const auto r = tag("Police held 4 in the morning raids.");
    INFO(listing(r));
    for (const auto& e : r.expressions) {
        CHECK(e.type != dates::TimexType::time);
    }
}

TEST_CASE("the week of a date is that date's week", "[dates][grammar][timeml]") {
    check("Trading was thin in the week of Sept. 2.", "the week of Sept. 2", "2013-W36", "DATE");
    check("The talks were set for the week of May 8, 2012.", "the week of May 8, 2012", "2012-W19",
          "DATE");
}

TEST_CASE("days and periods inside the names of papers and programmes",
          "[dates][grammar][timeml]") {
    for (const char* sentence :
         {"The mayor told USA Today that he would run.", "She was a guest on the Today show.",
          "The Sunday Courier printed the letter.", "He spoke on the network's This Week."}) {
        const auto r = tag(sentence);
        INFO(sentence << " -> " << listing(r));
        CHECK(r.expressions.empty());
    }
    // the days themselves are still days
    check("The mayor spoke today.", "today", "2013-09-13", "DATE");
    check("The paper printed it on Sunday.", "Sunday", "2013-09-08", "DATE");
}

TEST_CASE("a whole number and a fraction", "[dates][grammar][timeml]") {
    check("The inquiry took 2 1/2 years.", "2 1/2 years", "P2.5Y", "DURATION");
    check("The flight lasted 1 1/2 hours.", "1 1/2 hours", "PT90M", "DURATION");
    // a date written with slashes is no fraction
    check("The deed is dated 4/5/2012.", "4/5/2012", "2012-04-05", "DATE");
}

TEST_CASE("days named from Easter and Thanksgiving", "[dates][grammar][timeml]") {
    // Easter 2013 fell on March 31; Thanksgiving 2012 on November 22
    check("The shops closed on Good Friday.", "Good Friday", "2013-03-29", "DATE");
    check("Pilgrims gathered on Palm Sunday.", "Palm Sunday", "2013-03-24", "DATE");
    check("Crowds rested on Easter Monday.", "Easter Monday", "2013-04-01", "DATE");
    check("Queues formed before dawn on Black Friday.", "Black Friday", "2012-11-23", "DATE");
}

TEST_CASE("named days on a fixed date", "[dates][grammar][timeml]") {
    check("Veterans gathered on Veterans Day.", "Veterans Day", "2012-11-11", "DATE");
    check("The parade will be held on St. Patrick's Day.", "St. Patrick's Day", "2014-03-17",
          "DATE");
    check("Unions marched on May Day.", "May Day", "2013-05-01", "DATE");
    // the words alone are no day: a month, a country
    check("The vote was held in May.", "May", "2013-05", "DATE");
    const auto r = tag("Canada sent aid to the veterans.");
    INFO(listing(r));
    CHECK(r.expressions.empty());
}
