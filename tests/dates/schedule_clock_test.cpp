// Invented wire sentences for three TimeML cases the grammar missed: the simple present of a
// scheduled event before a date (the schedule reading looks ahead), clock times said as
// fractions of the hour ("half past ten"), and bank holidays named by a weekday of their month.
#include "dates/dates_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

using test::listing;

void check(const std::string& sentence, const std::string& text, const std::string& value,
           const std::string& type, const std::string& published = "2014-01-15") {
    test::check_expression(sentence, text, value, type, published);
}

} // namespace

TEST_CASE("the simple present of a scheduled event before a date looks ahead",
          "[dates][tense][timeml]") {
    check("The dockers' strike ends on the 31st, the union said.", "the 31st", "2014-01-31",
          "DATE");
    check("The appeals court rules on Friday in the zoning dispute.", "Friday", "2014-01-17",
          "DATE");
    check("Talks resume Monday in the lakeside town.", "Monday", "2014-01-20", "DATE");
    check("The ferry service reopens Tuesday after repairs.", "Tuesday", "2014-01-21", "DATE");
    // plural nouns and past clauses keep their readings
    check("The new rules on Monday drew protests from farmers.", "Monday", "2014-01-13", "DATE");
    check("Talks collapsed Monday in the lakeside town.", "Monday", "2014-01-13", "DATE");
    check("The ferry did not resume Tuesday as promised.", "Tuesday", "2014-01-14", "DATE");
    check("Air strikes on Monday killed four fighters.", "Monday", "2014-01-13", "DATE");
}

TEST_CASE("a clock time said as a fraction of the hour is a TIME", "[dates][grammar][timeml]") {
    check("The polls closed at half past ten.", "half past ten", "2014-01-15T10:30", "TIME");
    check("Police sealed the square at half past ten p.m.", "half past ten p.m.",
          "2014-01-15T22:30", "TIME");
    check("The first ferry left at a quarter to nine.", "a quarter to nine", "2014-01-15T08:45",
          "TIME");
    check("Firefighters arrived at quarter past 6 in the evening.", "quarter past 6 in the evening",
          "2014-01-15T18:15", "TIME");
    check("The vigil ended at a quarter to one.", "a quarter to one", "2014-01-15T12:45", "TIME");
}

TEST_CASE("a fraction before a count or unit is no clock time", "[dates][grammar][timeml]") {
    dates::DateOptions options;
    options.published = "2014-01-15";
    for (const char* sentence :
         {"Turnout rose from a quarter to three percent of voters.",
          "Half of the ten trucks arrived.", "A quarter to the east was flooded."}) {
        const auto r = dates::tag_text(sentence, options);
        INFO(sentence << " -> " << listing(r));
        for (const auto& e : r.expressions) {
            CHECK(dates::type_name(e.type) != std::string("TIME"));
        }
    }
}

TEST_CASE("bank holidays named by a weekday of their month or by a fixed day",
          "[dates][grammar][timeml]") {
    // third Monday of January 2014 is the 20th
    check("Marches are planned for Martin Luther King Day.", "Martin Luther King Day", "2014-01-20",
          "DATE");
    check("Offices close on Martin Luther King Jr. Day.", "Martin Luther King Jr. Day",
          "2014-01-20", "DATE");
    check("The parade on MLK Day will draw thousands.", "MLK Day", "2014-01-20", "DATE");
    check("Trains run a Sunday service on the Spring Bank Holiday.", "Spring Bank Holiday",
          "2014-05-26", "DATE");
    check("Beaches filled over the August Bank Holiday 2013.", "August Bank Holiday 2013",
          "2013-08-26", "DATE");
    check("Churches were full on Whit Monday.", "Whit Monday", "2013-05-20", "DATE", "2013-06-10");
    check("Volunteers planted trees on Earth Day.", "Earth Day", "2014-04-22", "DATE",
          "2014-04-20");
    check("Veterans marched on Anzac Day.", "Anzac Day", "2013-04-25", "DATE", "2013-04-28");
    // "a bank holiday" alone, or Martin Luther King the man, names no day
    dates::DateOptions options;
    options.published = "2014-01-15";
    const auto r = dates::tag_text("Martin Luther King spoke on a bank holiday.", options);
    INFO(listing(r));
    CHECK(r.expressions.empty());
}
