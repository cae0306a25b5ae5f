// A skeptical pass over the evening's date rules on invented plain wire sentences: named days
// before the noun they date, an adverbial "that night" after a verb, and the readings that
// must stay as they are (paper names, ordinals before nouns, "that" as a conjunction, the
// winter's year around New Year, plural weekdays as sets).
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

void check_none(const std::string& sentence, const std::string& published = "2014-01-15") {
    const auto r = tag(sentence, published);
    INFO(sentence << " -> " << listing(r));
    CHECK(r.expressions.empty());
}

} // namespace

TEST_CASE("a named day before the noun it dates is a date, as a premodifier is in TimeML",
          "[dates][grammar][timeml]") {
    check("Crowds lined the streets for the Independence Day parade.", "Independence Day",
          "2013-07-04", "DATE");
    check("Veterans Day ceremonies drew thousands, officials said.", "Veterans Day", "2013-11-11",
          "DATE");
    check("The St. Patrick's Day parade was cancelled.", "St. Patrick's Day", "2013-03-17", "DATE");
    // the yearly event named, no day of its own
    check_none("Crowds came to the annual May Day parade.");
    check_none("The annual St. Patrick's Day parade was cancelled.");
}

TEST_CASE("an adverbial that night after a verb is the story's night",
          "[dates][grammar][discourse]") {
    const std::string story = "The rebels attacked on March 3. Fighting resumed that night near "
                              "the river.";
    check(story, "that night", "2013-03-03TNI", "TIME");
    check("The ferry sank on May 9, 2012. Two survivors died that night.", "that night",
          "2012-05-09TNI", "TIME");
    // "that" as a conjunction, or the determiner of a subject: nothing
    check_none("Police said that night patrols would be doubled.");
    check_none("The chief warned that night shifts were unsafe.");
    check_none("Residents saw that night patrols had stopped.");
}

TEST_CASE("the evening's rules that hold on plain wire syntax", "[dates][grammar][timeml]") {
    check_none("The governor told the Sunday Times that the plan would fail.");
    check_none("The Sunday Telegraph reported the deal on its front page.");
    check("Lawmakers prepared for the Sunday vote on the budget.", "Sunday", "2014-01-12", "DATE");
    check_none("The 3rd battalion moved north toward the border.");
    check_none("He was knocked out in the 1st round of the fight.");
    check("The 21st century has brought new threats, the minister said.", "The 21st century", "20",
          "DATE");
    check("The rebels will attack on the 3rd, officials said.", "the 3rd", "2014-02-03", "DATE");
    // a winter takes the year it begins in, said in January and in December
    check("Prices rose sharply last winter, traders said.", "last winter", "2012-WI", "DATE");
    check("Prices will rise next winter, traders say.", "next winter", "2014-WI", "DATE");
    check("Prices rose sharply last winter, traders said.", "last winter", "2012-WI", "DATE",
          "2013-12-15");
    check("Prices will rise next winter, traders say.", "next winter", "2014-WI", "DATE",
          "2013-12-15");
    check("The shop opens on Sundays for tourists.", "Sundays", "XXXX-WXX-7", "SET");
    check("These days, few farmers can afford new tractors.", "These days", "PRESENT_REF", "DATE");
    check("The parade was held on Thanksgiving, police said.", "Thanksgiving", "2013-11-28",
          "DATE");
    check("The parade will be held on Thanksgiving, police said.", "Thanksgiving", "2014-11-27",
          "DATE");
    check("The raid began at eleven p.m. and ended at dawn.", "eleven p.m.", "2014-01-15T23:00",
          "TIME");
}

TEST_CASE("a count before a capitalised unit names a programme even opening a sentence",
          "[dates][grammar][timeml]") {
    check_none("60 Minutes aired the interview.");
    check_none("48 Hours follows the case.");
    check_none("The Six Day War changed the region.");
    // a time word after the unit, or a title-case headline, keeps the duration
    check("30 Days after the flood, the town was still empty.", "30 Days", "P30D", "DURATION");
    check("Talks Resume After Two Weeks", "Two Weeks", "P2W", "DURATION");
    check("The two weeks after the vote were tense.", "two weeks", "P2W", "DURATION");
}

TEST_CASE("a day of the month in a present-tense clause is a schedule, never a past day",
          "[dates][grammar][discourse]") {
    check("The vote is set for the 12th.", "the 12th", "2014-02-12", "DATE");
    check("The vote is set for the 20th.", "the 20th", "2014-01-20", "DATE");
    // the past and the future keep their readings
    check("The vote was set for the 12th.", "the 12th", "2014-01-12", "DATE");
    check("The vote will be held on the 12th.", "the 12th", "2014-02-12", "DATE");
}
