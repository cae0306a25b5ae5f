// The date tagger, family by family: each row is a sentence, a reference (publication) date,
// the expression expected in it and its TIMEX3 value.
#include "common/utf8.hpp"
#include "dates/date_tagger.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace eventmap;
using eventmap::dates::DateOptions;
using eventmap::dates::DateResult;
using eventmap::dates::TimeExpression;

namespace {

struct Case {
    const char* sentence;
    const char* expression; // the expected text of the expression
    const char* value;      // its expected TIMEX3 value
    const char* type;       // DATE, TIME, DURATION, SET
};

DateResult tag(const std::string& text, const std::string& published = "2013-09-13") {
    DateOptions options;
    options.published = published;
    return dates::tag_text(text, options);
}

const TimeExpression* find(const DateResult& r, const std::string& text) {
    for (const auto& e : r.expressions) {
        if (e.text == text) {
            return &e;
        }
    }
    return nullptr;
}

std::string listing(const DateResult& r) {
    std::string out;
    for (const auto& e : r.expressions) {
        out += "[" + e.text + " = " + e.value + "] ";
    }
    return out;
}

void check_cases(const std::vector<Case>& cases, const std::string& published = "2013-09-13") {
    for (const Case& c : cases) {
        const DateResult r = tag(c.sentence, published);
        INFO("sentence: " << c.sentence << "\nfound: " << listing(r));
        const TimeExpression* e = find(r, c.expression);
        REQUIRE(e != nullptr);
        CHECK(e->value == c.value);
        CHECK(std::string(dates::type_name(e->type)) == c.type);
    }
}

} // namespace

// The reference for the tables is Friday 2013-09-13.

TEST_CASE("absolute dates in the common formats", "[dates][absolute]") {
    check_cases({
        {"The attack took place on August 21, 2013.", "August 21, 2013", "2013-08-21", "DATE"},
        {"It happened on 21 August 2013 near the border.", "21 August 2013", "2013-08-21", "DATE"},
        {"Talks began on Aug. 21 in Geneva.", "Aug. 21", "2013-08-21", "DATE"},
        {"The report is dated 2013-08-21.", "2013-08-21", "2013-08-21", "DATE"},
        {"The letter of 21/08/2013 was leaked.", "21/08/2013", "2013-08-21", "DATE"},
        {"It was signed on the 21st of August 2013.", "the 21st of August 2013", "2013-08-21",
         "DATE"},
        {"Friday, August 23, 2013 was chosen.", "Friday, August 23, 2013", "2013-08-23", "DATE"},
        {"The vote was held on Friday, November 5.", "Friday, November 5", "2010-11-05", "DATE"},
        {"Sales fell in August 2013.", "August 2013", "2013-08", "DATE"},
        {"The war began in 2011.", "2011", "2011", "DATE"},
        {"Prices were lower in the 1990s.", "the 1990s", "199", "DATE"},
        {"The plant closed in the third quarter of 2012.", "the third quarter of 2012", "2012-Q3",
         "DATE"},
        {"Profits rose in Q1 2013.", "Q1 2013", "2013-Q1", "DATE"},
    });
}

TEST_CASE("months and weekdays follow the tense of their clause", "[dates][relative]") {
    check_cases({
        {"Prices rose in June.", "June", "2013-06", "DATE"},
        {"He resigned in November.", "November", "2012-11", "DATE"},
        {"The vote will be held in October.", "October", "2013-10", "DATE"},
        {"The ministers agreed on Friday to resume talks.", "Friday", "2013-09-13", "DATE"},
        {"They met on Tuesday in Geneva.", "Tuesday", "2013-09-10", "DATE"},
        {"They will meet on Tuesday in Geneva.", "Tuesday", "2013-09-17", "DATE"},
        {"The deal is to be signed on Monday.", "Monday", "2013-09-16", "DATE"},
        {"They met last Tuesday.", "last Tuesday", "2013-09-10", "DATE"},
        {"They meet next Friday.", "next Friday", "2013-09-20", "DATE"},
        {"The summit was held on September 2.", "September 2", "2013-09-02", "DATE"},
        {"The summit will be held on September 2.", "September 2", "2014-09-02", "DATE"},
        {"They would meet again around September 28.", "around September 28", "2013-09-28", "DATE"},
        // a plan's participle as a modifier: the main verb after the date decides
        {"A parade planned for Sunday was called off.", "Sunday", "2013-09-08", "DATE"},
        {"A parade planned for Sunday will close the festival.", "Sunday", "2013-09-15", "DATE"},
        {"A parade planned for Sunday drew a crowd.", "Sunday", "2013-09-08", "DATE"},
        {"Crowds are expected on Sunday.", "Sunday", "2013-09-15", "DATE"},
        // the past perfect of a plan is past
        {"The permit had been due to lapse on Wednesday.", "Wednesday", "2013-09-11", "DATE"},
        {"The clubs had planned to merge on Wednesday.", "Wednesday", "2013-09-11", "DATE"},
        // last/next with a month and day: the nearest such day before or after the reference
        {"The ferry sank last Oct. 12 off the cape.", "last Oct. 12", "2012-10-12", "DATE"},
        {"The fair opens next March 3.", "next March 3", "2014-03-03", "DATE"},
        {"The fair opened last March.", "last March", "2013-03", "DATE"},
        // a month after "by" or "until" in a clause that is not past: a deadline ahead
        {"The plan is to repay the loan by June.", "June", "2014-06", "DATE"},
        {"The loan was repaid by June.", "June", "2013-06", "DATE"},
        {"Such loans are repaid by June.", "June", "2014-06", "DATE"},
        {"Such loans are repaid in June.", "June", "2013-06", "DATE"},
    });
}

TEST_CASE("relative expressions count from the publication date", "[dates][relative]") {
    check_cases({
        {"The rebels attacked yesterday.", "yesterday", "2013-09-12", "DATE"},
        {"The talks resume tomorrow.", "tomorrow", "2013-09-14", "DATE"},
        {"The envoy arrives today.", "today", "2013-09-13", "DATE"},
        {"A warehouse fire last month destroyed the stock.", "last month", "2013-08", "DATE"},
        {"The talks collapsed last year.", "last year", "2012", "DATE"},
        {"Elections are due next year.", "next year", "2014", "DATE"},
        {"The inspectors arrive next week.", "next week", "2013-W38", "DATE"},
        {"Prices rose earlier this year.", "earlier this year", "2013", "DATE"},
        {"The war began three years ago.", "three years ago", "2010", "DATE"},
        {"The plan was announced a week ago.", "a week ago", "2013-09-06", "DATE"},
        {"The panel will reconvene in about two weeks.", "about two weeks", "2013-W39", "DATE"},
        {"Crowds gathered this weekend.", "this weekend", "2013-W37-WE", "DATE"},
        {"Shelling resumed last night.", "last night", "2013-09-12TNI", "TIME"},
        {"He spoke this morning.", "this morning", "2013-09-13TMO", "TIME"},
    });
}

TEST_CASE("anaphoric expressions count from the last date the text gave", "[dates][relative]") {
    const auto r = tag("The dam failed on August 21, 2013. Two days later the villages flooded, "
                       "and on the same day the army arrived.");
    INFO(listing(r));
    REQUIRE(find(r, "Two days later") != nullptr);
    CHECK(find(r, "Two days later")->value == "2013-08-23");
    REQUIRE(find(r, "the same day") != nullptr);
    CHECK(find(r, "the same day")->value == "2013-08-23");
}

TEST_CASE("the next morning and the day of a named day follow the story", "[dates][relative]") {
    const auto r = tag("The talks opened on March 4, 2013 and broke up at dusk. They resumed the "
                       "following morning. During the day Friday, crowds waited outside.");
    INFO(listing(r));
    REQUIRE(find(r, "the following morning") != nullptr);
    CHECK(find(r, "the following morning")->value == "2013-03-05TMO");
    CHECK(std::string(dates::type_name(find(r, "the following morning")->type)) == "TIME");
    // "the day" before a weekday is not an expression of its own: the weekday is
    CHECK(find(r, "the day") == nullptr);
    CHECK(find(r, "Friday") != nullptr);
}

TEST_CASE("periods named against the story's own dates", "[dates][relative]") {
    const auto r = tag("Ferry bookings dropped in January from the same month a year before. "
                       "Tenants whose leases run out after March of next year got a letter. "
                       "Shares rose 2% on the day.");
    INFO(listing(r));
    REQUIRE(find(r, "the same month a year before") != nullptr);
    CHECK(find(r, "the same month a year before")->value == "2012-01");
    REQUIRE(find(r, "March of next year") != nullptr);
    CHECK(find(r, "March of next year")->value == "2014-03");
    REQUIRE(find(r, "the day") != nullptr);
    CHECK(find(r, "the day")->value == "2013-09-13");
    // set off by a comma, the clock time and the date are two expressions; the time keeps the
    // date's day
    const auto t = tag("The briefing began at 09:40 UTC, March 3rd, and ended early.");
    INFO(listing(t));
    CHECK(find(t, "09:40 UTC, March 3rd") == nullptr);
    REQUIRE(find(t, "09:40 UTC") != nullptr);
    CHECK(find(t, "09:40 UTC")->value == "2013-03-03T09:40Z");
    CHECK(std::string(dates::type_name(find(t, "09:40 UTC")->type)) == "TIME");
    REQUIRE(find(t, "March 3rd") != nullptr);
    CHECK(find(t, "March 3rd")->value == "2013-03-03");
}

TEST_CASE("the second day of a pair", "[dates][absolute]") {
    check_cases({
        {"The fair ran on August 3 and 4.", "4", "2013-08-04", "DATE"},
        {"The fair ran on August 3 and 4.", "August 3", "2013-08-03", "DATE"},
        {"Talks resume on Oct. 7 or 8, 2014.", "8, 2014", "2014-10-08", "DATE"},
        {"The fair ran on 3 August 2012 and 5.", "5", "2012-08-05", "DATE"},
    });
    // a count after "and" is no day
    const DateResult r = tag("On August 3 and 4 people were hurt.");
    INFO(listing(r));
    CHECK(r.expressions.size() == 1);
}

TEST_CASE("times of day", "[dates][time]") {
    check_cases({
        {"The blast came at 14:30 GMT.", "14:30 GMT", "2013-09-13T14:30Z", "TIME"},
        {"The session opens at 6 p.m. local time.", "6 p.m.", "2013-09-13T18:00", "TIME"},
        {"Firing stopped at noon.", "noon", "2013-09-13T12:00", "TIME"},
        {"The market closed at 16:00 UTC Thursday.", "16:00 UTC Thursday", "2013-09-12T16:00Z",
         "TIME"},
        {"Fighting broke out on Thursday night.", "Thursday night", "2013-09-12TNI", "TIME"},
        // a date written after the clock time (and its zone) is its day
        {"The tender closes at 4 p.m. EST Nov. 12.", "4 p.m. EST Nov. 12", "2013-11-12T16:00",
         "TIME"},
        {"Bids closed at 10 a.m. on Sept. 2.", "10 a.m. on Sept. 2", "2013-09-02T10:00", "TIME"},
        {"At 5 p.m. 12 riders were still out.", "5 p.m.", "2013-09-13T17:00", "TIME"},
    });
}

TEST_CASE("durations", "[dates][duration]") {
    check_cases({
        {"Syria must account for its stocks in 30 days, officials said.", "30 days", "P30D",
         "DURATION"},
        {"The ceasefire held for two years.", "two years", "P2Y", "DURATION"},
        {"It ended a 12-year war.", "12-year", "P12Y", "DURATION"},
        {"The meeting lasted half an hour.", "half an hour", "PT30M", "DURATION"},
        {"He served two and a half years.", "two and a half years", "P2.5Y", "DURATION"},
        {"Growth slowed over the past decade.", "the past decade", "P10Y", "DURATION"},
        {"Talks went on for several weeks.", "several weeks", "PXW", "DURATION"},
        {"The fighting has lasted more than 18 months.", "more than 18 months", "P18M", "DURATION"},
        {"Shares fell for six straight days.", "six straight days", "P6D", "DURATION"},
    });
}

TEST_CASE("sets", "[dates][set]") {
    check_cases({
        {"The council meets every Friday.", "every Friday", "XXXX-WXX-5", "SET"},
        {"The figures are published daily.", "daily", "P1D", "SET"},
        {"Inspectors report every two weeks.", "every two weeks", "P2W", "SET"},
    });
}

TEST_CASE("anchored expressions and well-known dated events", "[dates][anchored]") {
    check_cases({
        {"A tape was released a day after the twelfth anniversary of the attacks of September 11.",
         "a day after the twelfth anniversary of the attacks of September 11", "2013-09-12",
         "DATE"},
        {"Crowds marked the twelfth anniversary of the attacks of September 11.",
         "the twelfth anniversary of the attacks of September 11", "2013-09-11", "DATE"},
        {"Security was tight after the September 11 attacks.", "September 11 attacks", "2001-09-11",
         "DATE"},
        {"The shops reopened the day after Christmas 2012.", "the day after Christmas 2012",
         "2012-12-26", "DATE"},
        {"Two days after Black Monday the market recovered.", "Two days after Black Monday",
         "1987-10-21", "DATE"},
    });
}

TEST_CASE("holidays, modifiers and decades", "[dates][absolute]") {
    check_cases({
        {"The shops will close on Christmas Day.", "Christmas Day", "2013-12-25", "DATE"},
        {"The festival fell on Easter 2013.", "Easter 2013", "2013-03-31", "DATE"},
        {"Growth returned in mid-2011.", "mid-2011", "2011", "DATE"},
        {"The music of the '80s returned.", "the '80s", "198", "DATE"},
        {"The firm was founded in '82.", "'82", "1982", "DATE"},
        {"The party is on New Year's Eve.", "New Year's Eve", "2013-12-31", "DATE"},
        {"Families will gather on Thanksgiving.", "Thanksgiving", "2013-11-28", "DATE"},
        {"Shops closed on Christmas Eve.", "Christmas Eve", "2012-12-24", "DATE"},
        {"He was born in the 20th century.", "the 20th century", "19", "DATE"},
        {"The deal closes in fiscal 2014.", "fiscal 2014", "FY2014", "DATE"},
        {"Sales doubled in the first half of 2013.", "the first half of 2013", "2013-H1", "DATE"},
        {"Turnout rose in spring 2012.", "spring 2012", "2012-SP", "DATE"},
        {"It rained the day before yesterday.", "the day before yesterday", "2013-09-11", "DATE"},
    });
    const auto r = tag("Growth returned in mid-2011.");
    REQUIRE(find(r, "mid-2011") != nullptr);
    CHECK(find(r, "mid-2011")->mod == "MID");
}

TEST_CASE("impossible dates are not normalised to some other day", "[dates][bad-input]") {
    for (const char* text :
         {"The memo is dated February 30, 2013.", "The memo is dated 31/02/2013.",
          "The memo is dated 2013-02-30.", "It was sent on April 31."}) {
        const auto r = tag(text);
        INFO(text << " -> " << listing(r));
        for (const auto& e : r.expressions) {
            CHECK(e.value.find("-02-30") == std::string::npos);
            CHECK(e.value.find("-03-0") == std::string::npos);
            CHECK(e.value.find("-04-31") == std::string::npos);
            CHECK(e.value.find("-05-01") == std::string::npos);
        }
    }
}

TEST_CASE("two-digit years and ambiguous day/month orders", "[dates][bad-input]") {
    check_cases({
        {"The form was filed on 7/8/07.", "7/8/07", "2007-07-08", "DATE"},
        {"The form was filed on 03/04/2013.", "03/04/2013", "2013-03-04", "DATE"},
        {"The form was filed on 13/04/2013.", "13/04/2013", "2013-04-13", "DATE"},
    });
    DateOptions options;
    options.published = "2013-09-13";
    options.numeric_order = dates::NumericOrder::day_first;
    const auto r = dates::tag_text("The form was filed on 03/04/2013.", options);
    REQUIRE(find(r, "03/04/2013") != nullptr);
    CHECK(find(r, "03/04/2013")->value == "2013-04-03");
    // Day-first can never turn 13/04 into month 13.
    const auto r2 = dates::tag_text("It was filed on 04/13/2013.", options);
    REQUIRE(find(r2, "04/13/2013") != nullptr);
    CHECK(find(r2, "04/13/2013")->value == "2013-04-13");
}

TEST_CASE("numbers and names that are not dates", "[dates][bad-input]") {
    for (const char* text :
         {"The attack killed more than 1,400 people.", "Police counted 2000 protesters there.",
          "The fund paid $2010 to each family.", "Turnout was 2013%.",
          "Theresa May said the plan would work.", "June Carter sang that night in Memphis.",
          "The Russell 2000 Index fell.", "Apple released iLife '13 to developers.",
          "The H1N1 and H2N2 viruses spread.", "Cases rose by 2010 infections this week.",
          "They will march on the capital.", "Protesters plan a March on Washington."}) {
        const auto r = tag(text);
        INFO(text << " -> " << listing(r));
        for (const auto& e : r.expressions) {
            CHECK(e.text.find("1,400") == std::string::npos);
            CHECK(e.text.find("2000") == std::string::npos);
            CHECK(e.text.find("2010") == std::string::npos);
            CHECK(e.text.find("2013") == std::string::npos);
            CHECK(e.text.find("May") == std::string::npos);
            CHECK(e.text.find("June") == std::string::npos);
            CHECK(e.text.find("arch") == std::string::npos);
            CHECK(e.text.find("'13") == std::string::npos);
            CHECK(e.text.find("H1") == std::string::npos);
            CHECK(e.text.find("H2") == std::string::npos);
        }
    }
    // A month name with a day or after a preposition is a month.
    check_cases({
        {"The vote was held on May 5.", "May 5", "2013-05-05", "DATE"},
        {"The vote was held in May.", "May", "2013-05", "DATE"},
    });
}

TEST_CASE("September 11 as an event name is the 2001 date, as a date it is this year's",
          "[dates][bad-input]") {
    const auto event = tag("The September 11 attacks changed the region.");
    REQUIRE(find(event, "September 11 attacks") != nullptr);
    CHECK(find(event, "September 11 attacks")->value == "2001-09-11");
    const auto terror = tag("Markets reopened after the September 11th terrorist attacks.");
    REQUIRE(find(terror, "September 11th terrorist attacks") != nullptr);
    CHECK(find(terror, "September 11th terrorist attacks")->value == "2001-09-11");
    const auto date = tag("The envoy arrived on September 11 and left the next day.");
    REQUIRE(find(date, "September 11") != nullptr);
    CHECK(find(date, "September 11")->value == "2013-09-11");
}

TEST_CASE("offsets are code points and bytes of the original text", "[dates][offsets]") {
    const std::string text = "Dūmā was shelled on Friday — again on Thursday.";
    const auto r = tag(text);
    REQUIRE(r.expressions.size() == 2);
    const auto& friday = r.expressions[0];
    CHECK(text.substr(friday.byte_start, friday.byte_end - friday.byte_start) == "Friday");
    CHECK(friday.start == 20);
    CHECK(friday.end == 26);
    const auto& thursday = r.expressions[1];
    CHECK(thursday.start == utf8::count_codepoints(text.substr(0, thursday.byte_start)));
    CHECK(thursday.value == "2013-09-12");
}

TEST_CASE("sentence queries for the events stage", "[dates][api]") {
    const std::string text = "Talks collapsed last year. They will meet again on Monday.";
    const auto r = tag(text);
    const std::size_t split = text.find("They");
    const auto first = dates::expressions_in(r, 0, split);
    REQUIRE(first.size() == 1);
    CHECK(r.expressions[first[0]].value == "2012");
    CHECK_FALSE(dates::is_future(r.expressions[first[0]]));
    const auto* anchor = dates::sentence_anchor(r, split, text.size());
    REQUIRE(anchor != nullptr);
    CHECK(anchor->value == "2013-09-16");
    CHECK(dates::is_future(*anchor));
    CHECK(dates::expressions_in(r, 5, 10).empty());
    CHECK(dates::sentence_anchor(r, 0, 5) == nullptr);
}

TEST_CASE("JSON lines carry the stable fields", "[dates][json]") {
    const auto r = tag("They met on Friday.");
    std::ostringstream out;
    dates::write_jsonl(out, "doc-1", r);
    std::istringstream in(out.str());
    std::string line;
    REQUIRE(std::getline(in, line));
    const auto pub = nlohmann::json::parse(line);
    CHECK(pub["doc"] == "doc-1");
    CHECK(pub["published"] == "2013-09-13");
    CHECK(pub["published_inferred"] == false);
    CHECK(pub["confidence"] == 1.0);
    REQUIRE(std::getline(in, line));
    const auto e = nlohmann::json::parse(line);
    for (const char* key : {"doc", "start", "end", "text", "type", "value", "anchor"}) {
        CHECK(e.contains(key));
    }
    CHECK(e["start"] == 12);
    CHECK(e["end"] == 18);
    CHECK(e["type"] == "DATE");
    CHECK(e["value"] == "2013-09-13");
    CHECK_FALSE(std::getline(in, line));
}

TEST_CASE("without any reference, years stay unknown instead of using the clock",
          "[dates][relative]") {
    DateOptions options;
    options.infer_published = false;
    const auto r =
        dates::tag_text("They would meet around September 28 and again on Friday.", options);
    REQUIRE(find(r, "around September 28") != nullptr);
    CHECK(find(r, "around September 28")->value == "XXXX-09-28");
    REQUIRE(find(r, "Friday") != nullptr);
    CHECK(find(r, "Friday")->value == "XXXX-WXX-5");
    CHECK(r.published.value.empty());
    const auto rel = dates::tag_text("Prices rose last week and again last month.", options);
    REQUIRE(find(rel, "last week") != nullptr);
    CHECK(find(rel, "last week")->value == "XXXX-WXX");
    REQUIRE(find(rel, "last month") != nullptr);
    CHECK(find(rel, "last month")->value == "XXXX-XX");
}
