// The reference-time model of the resolver, on constructed stories: a relative expression
// refers to the story's time when the text tells of an earlier date in the past tense, and to
// the publication date otherwise. Publication date in all of them: Friday 2013-09-13.
#include "dates/date_tagger.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;

namespace {

dates::DateResult tag(const std::string& text, const std::string& published = "2013-09-13") {
    dates::DateOptions options;
    options.published = published;
    return dates::tag_text(text, options);
}

std::string value_of(const dates::DateResult& r, const std::string& text) {
    for (const auto& e : r.expressions) {
        if (e.text == text) {
            return e.value;
        }
    }
    return "(not found)";
}

} // namespace

TEST_CASE("a past story's weekdays, clock times and months refer to the story's time",
          "[dates][resolver][story]") {
    // 2010-03-03 was a Wednesday: the Sunday after it is the 7th.
    const auto r = tag("On March 3, 2010, the old bridge over the river closed. On Sunday night, "
                       "hundreds of residents marched to the water. By 8 p.m. the crowd had "
                       "grown to thousands.");
    CHECK(value_of(r, "March 3, 2010") == "2010-03-03");
    CHECK(value_of(r, "Sunday night") == "2010-03-07TNI");
    CHECK(value_of(r, "8 p.m.") == "2010-03-07T20:00");

    const auto months = tag("The dam failed on May 12, 2009. In June, engineers said the "
                            "repairs had cost far more than planned.");
    CHECK(value_of(months, "June") == "2009-06");
}

TEST_CASE("the publication date stays the reference outside a past story",
          "[dates][resolver][story]") {
    SECTION("a future clause") {
        const auto r = tag("The treaty was signed on March 3, 2010. The ministers will meet "
                           "again on Sunday to review it.");
        CHECK(value_of(r, "Sunday") == "2013-09-15");
    }
    SECTION("deictic words count from publication whatever the story") {
        const auto r = tag("The plant closed on March 3, 2010. Yesterday, the owners sold it.");
        CHECK(value_of(r, "Yesterday") == "2013-09-12");
    }
    SECTION("the story date is more than a sentence back") {
        const auto r = tag("The plant closed on March 3, 2010. Workers left. On Sunday, the "
                           "mayor resigned.");
        CHECK(value_of(r, "Sunday") == "2013-09-08");
    }
    SECTION("a story date within the last month changes nothing") {
        const auto r = tag("The strike began on September 2, 2013. On Wednesday, the union "
                           "walked out of talks.");
        CHECK(value_of(r, "Wednesday") == "2013-09-11");
    }
    SECTION("a month and year alone is background, not the story's day") {
        const auto r = tag("The dam failed in May 2009. On Sunday, engineers inspected it.");
        CHECK(value_of(r, "Sunday") == "2013-09-08");
    }
}

TEST_CASE("earnings periods follow the quarter the report is about",
          "[dates][resolver][quarters]") {
    const auto r = tag("Net income rose in the second quarter. A year earlier the company lost "
                       "money. Sales in the quarter doubled from the year-earlier quarter.");
    CHECK(value_of(r, "the second quarter") == "2013-Q2");
    CHECK(value_of(r, "A year earlier") == "2012-Q2");
    CHECK(value_of(r, "the quarter") == "2013-Q2");
    CHECK(value_of(r, "the year-earlier quarter") == "2012-Q2");
    // Without a quarter in the text, "the quarter" is the last full one before publication.
    CHECK(value_of(tag("Profit fell 5% in the latest quarter."), "the latest quarter") ==
          "2013-Q2");
    // A future clause about the quarter that just ended keeps this year.
    CHECK(value_of(tag("The firm will report third-quarter results.", "2013-10-10"),
                   "third-quarter") == "2013-Q3");
}

TEST_CASE("a year earlier than a day the sentence wrote out is that day a year back",
          "[dates][resolver][quarters]") {
    const auto r = tag("In the quarter ended June 30, the bakery earned $4 million, up from $3 "
                       "million a year earlier. Sales rose in the quarter.");
    CHECK(value_of(r, "June 30") == "2013-06-30");
    CHECK(value_of(r, "a year earlier") == "2012-06-30");
    // A day in another sentence leaves it to the report's quarter; a deictic day
    // ("yesterday") is no period of figures.
    const auto apart = tag("The quarter ended June 30. Net rose in the second quarter from $3 "
                           "million a year earlier.");
    CHECK(value_of(apart, "a year earlier") == "2012-Q2");
    CHECK(value_of(tag("Yesterday the mill said output was up from a year ago."), "a year ago") ==
          "2012");
}

TEST_CASE("the following week or weekend is a calendar week, a week later a day",
          "[dates][resolver][discourse]") {
    // 2010-03-03 was a Wednesday, in ISO week 9.
    const auto r = tag("The bridge closed on March 3, 2010. The following week, the ferry "
                       "resumed. The following weekend, crowds returned.");
    CHECK(value_of(r, "The following week") == "2010-W10");
    CHECK(value_of(r, "The following weekend") == "2010-W09-WE");
    CHECK(value_of(tag("The bridge closed on March 3, 2010. The previous weekend, a barge hit "
                       "it."),
                   "The previous weekend") == "2010-W08-WE");
    // A Saturday's following weekend is the next week's.
    CHECK(value_of(tag("The bridge closed on Saturday, March 6, 2010. The following weekend, "
                       "it reopened."),
                   "The following weekend") == "2010-W10-WE");
    CHECK(value_of(tag("The bridge closed on March 3, 2010. A week later, the ferry resumed."),
                   "A week later") == "2010-03-10");
    // With no date in the text, from publication (Friday 2013-09-13, week 37).
    CHECK(value_of(tag("The ferry will resume the next week."), "the next week") == "2013-W38");
}

TEST_CASE("tense moves a date to another year only when clearly across the reference",
          "[dates][resolver]") {
    CHECK(value_of(tag("The board said the vote was set for Dec. 2.", "2013-11-20"), "Dec. 2") ==
          "2013-12-02");
    CHECK(value_of(tag("The board said the vote was held on Dec. 2.", "2013-03-02"), "Dec. 2") ==
          "2012-12-02");
}

TEST_CASE("weeks said on a Sunday are American weeks", "[dates][resolver]") {
    // Sunday 2013-09-15 closes the US week of Sep 8-14, which is ISO week 37.
    CHECK(value_of(tag("Talks stalled last week.", "2013-09-15"), "last week") == "2013-W37");
    CHECK(value_of(tag("Talks stalled last week.", "2013-09-13"), "last week") == "2013-W36");
}

TEST_CASE("in January and February last fall was last year", "[dates][resolver]") {
    CHECK(value_of(tag("Prices fell last fall.", "2014-02-06"), "last fall") == "2013-FA");
    CHECK(value_of(tag("Prices fell last spring.", "2014-11-20"), "last spring") == "2014-SP");
    CHECK(value_of(tag("The dam will open next spring.", "2014-02-06"), "next spring") ==
          "2014-SP");
}

TEST_CASE("a weekday after until is a deadline ahead", "[dates][resolver]") {
    CHECK(value_of(tag("The museum stays shut until Tuesday."), "Tuesday") == "2013-09-17");
    CHECK(value_of(tag("The museum shut on Tuesday."), "Tuesday") == "2013-09-10");
}

TEST_CASE("a past perfect after until keeps the day in the past", "[dates][resolver]") {
    CHECK(value_of(tag("Until Wednesday, the club had not named a coach."), "Wednesday") ==
          "2013-09-11");
}

TEST_CASE("tense cues read the verb phrase, not a look-alike word", "[dates][resolver]") {
    // Publication Friday 2013-09-13.
    SECTION("planning to, be to + verb: an arrangement ahead") {
        CHECK(value_of(tag("Fans were planning to march to the stadium on Monday."), "Monday") ==
              "2013-09-16");
        CHECK(value_of(tag("The ferry is to resume service Tuesday."), "Tuesday") == "2013-09-17");
    }
    SECTION("the noun plan is no future cue") {
        CHECK(value_of(tag("The council announced the plan Aug. 21."), "Aug. 21") == "2013-08-21");
    }
    SECTION("the present passive is no past") {
        CHECK(value_of(tag("The appeal is heard in May.", "2014-03-20"), "May") == "2014-05");
        CHECK(value_of(tag("The appeal was heard in May.", "2014-03-20"), "May") == "2013-05");
    }
    SECTION("could not is a past") {
        CHECK(value_of(tag("The owner could not be reached Wednesday."), "Wednesday") ==
              "2013-09-11");
        CHECK(value_of(tag("The owner could be asked Wednesday."), "Wednesday") == "2013-09-18");
    }
    SECTION("effective names the day of a change, the nearest one") {
        CHECK(value_of(tag("The firm named a new chairman, effective Feb. 1.", "2013-10-24"),
                       "Feb. 1") == "2014-02-01");
    }
    SECTION("an untensed day half a year ahead is last year's") {
        CHECK(value_of(tag("The index is near its record high of Aug. 5.", "2014-02-06"),
                       "Aug. 5") == "2013-08-05");
    }
}

TEST_CASE("that day, that year: the period of the date the text last gave",
          "[dates][resolver][story]") {
    const auto r = tag("The ferry sank on May 4, 2001. Earlier that day, the crew had "
                       "reported a leak. The owners moved to Lisbon in June 2003 and sold the "
                       "firm later that year. Results for that quarter were poor.");
    CHECK(value_of(r, "Earlier that day") == "2001-05-04");
    CHECK(value_of(r, "later that year") == "2003");
    CHECK(value_of(r, "that quarter") == "2003-Q2");
    // a generic day, and "that" as a conjunction, are no times
    CHECK(value_of(tag("Orders spike that day and fall after."), "that day") == "(not found)");
    CHECK(value_of(tag("He said that week after week sales fell."), "that week") == "(not found)");
}

TEST_CASE("the weekend in a past clause is the one just gone", "[dates][resolver]") {
    // Friday 2013-09-13 is in ISO week 37; the weekend before it closes week 36.
    CHECK(value_of(tag("Crowds gathered over the weekend."), "the weekend") == "2013-W36-WE");
    CHECK(value_of(tag("Crowds will gather over the weekend."), "the weekend") == "2013-W37-WE");
}

TEST_CASE("the previous / the following weekday count from the story's last day",
          "[dates][resolver][story]") {
    // Tuesday 2013-09-03: the Friday before it is 2013-08-30, the Monday after 2013-09-09.
    const auto r = tag("The index fell on Tuesday, September 3. It had risen the previous "
                       "Friday.");
    CHECK(value_of(r, "the previous Friday") == "2013-08-30");
    const auto after = tag("The index fell on Tuesday, September 3, and recovered the "
                           "following Monday.");
    CHECK(value_of(after, "the following Monday") == "2013-09-09");
    // "the next Sunday" after a date is anaphoric too; "next Sunday" is the speaker's
    const auto next = tag("The storm hit on Monday, August 29, 2005. The next Sunday, the mayor "
                          "spoke.");
    CHECK(value_of(next, "The next Sunday") == "2005-09-04");
    CHECK(value_of(tag("The storm hit on Monday, August 29, 2005. The mayor will speak next "
                       "Sunday."),
                   "next Sunday") == "2013-09-15");
    // each such day moves the story on: the Monday after that previous Friday
    const auto chain = tag("The index fell on Tuesday, September 3. It had risen the previous "
                           "Friday and fallen the following Monday.");
    CHECK(value_of(chain, "the following Monday") == "2013-09-02");
    // "last Friday" is the speaker's: the Friday before publication, whatever the story says
    const auto deictic = tag("The index fell on Tuesday, September 3. It rose last Friday.");
    CHECK(value_of(deictic, "last Friday") == "2013-09-06");
    // with no day in the text, the reference is all there is
    const auto alone = tag("The ferry had sailed the previous Friday.");
    CHECK(value_of(alone, "the previous Friday") == "2013-09-06");
}

TEST_CASE("a part of the day or a clock time keeps the day of the sentence before",
          "[dates][resolver][story]") {
    const auto r = tag("Shares slid on Wednesday. Buyers returned in the afternoon, and by "
                       "4 p.m. the losses were gone.");
    CHECK(value_of(r, "Wednesday") == "2013-09-11");
    CHECK(value_of(r, "the afternoon") == "2013-09-11TAF");
    CHECK(value_of(r, "4 p.m.") == "2013-09-11T16:00");
    SECTION("a present or future clause is about the reference") {
        const auto ahead = tag("Shares slid on Wednesday. Trading resumes in the afternoon.");
        CHECK(value_of(ahead, "the afternoon") == "2013-09-13TAF");
    }
    SECTION("two sentences on, the focus is back at the reference") {
        const auto later = tag("Shares slid on Wednesday. Analysts shrugged. Buyers returned "
                               "in the afternoon.");
        CHECK(value_of(later, "the afternoon") == "2013-09-13TAF");
    }
}

TEST_CASE("untensed months listed in one sentence share a year", "[dates][resolver]") {
    // Said on 2013-10-30: March alone would be the nearer March, 2014.
    const auto r = tag("Output, up in July from a trough in February, is steady.", "2013-10-30");
    CHECK(value_of(r, "July") == "2013-07");
    CHECK(value_of(r, "February") == "2013-02");
    // in another sentence the month stands on its own (a full month name before a full stop
    // ends the sentence; "Aug." does not)
    const auto apart = tag("The stock peaked in June. A new fund opens in March.", "2013-10-30");
    CHECK(value_of(apart, "March") == "2014-03");
    const auto abbreviated = tag("The stock peaked on Aug. 5 and in March.", "2013-10-30");
    CHECK(value_of(abbreviated, "March") == "2013-03");
    // the listed year never moves a month ahead of the reference
    const auto ahead = tag("The index, with a peak in January and a dip in September, "
                           "remains popular.",
                           "2013-10-30");
    CHECK(value_of(ahead, "January") == "2014-01");
    CHECK(value_of(ahead, "September") == "2013-09");
}

TEST_CASE("'or so' before ago or later keeps the offset, approximately", "[dates][resolver]") {
    const auto r = tag("A month or so ago, the club sold its stadium.");
    REQUIRE(r.expressions.size() == 1);
    CHECK(r.expressions[0].text == "A month or so ago");
    CHECK(r.expressions[0].value == "2013-08");
    CHECK(r.expressions[0].mod == "APPROX");
}

TEST_CASE("'by that time', 'at that time': the time the text last named, as precisely",
          "[dates][resolver][story]") {
    const auto day = tag("The vote is due by June 10. If the council has not decided by that "
                         "time, the mayor rules alone.");
    CHECK(value_of(day, "June 10") == "2014-06-10"); // a deadline ahead
    CHECK(value_of(day, "that time") == "2014-06-10");
    const auto month = tag("In March 2004 the mill shut. At that time, it had 300 workers.");
    CHECK(value_of(month, "that time") == "2004-03");
    // with nothing named before, only the side of now
    const auto none = tag("At that time, the mill had 300 workers.");
    CHECK(value_of(none, "that time") == "PAST_REF");
    // not a time: "that time of year", a conjunction before "time"
    CHECK(tag("In March 2004 it rained, as it does at that time of year.").expressions.size() == 1);
    CHECK(tag("She said that time was short.").expressions.empty());
}

TEST_CASE("a year counted from the text's last year named on its own",
          "[dates][resolver][discourse]") {
    // TimeML anchors "a year later", "the previous year" at the time the text last named
    const auto a = tag("The mill opened in 1987. A year later it doubled its staff.");
    INFO(a.expressions.size());
    CHECK(value_of(a, "A year later") == "1988");
    const auto b = tag("Exports slumped in 2009 after a record the previous year.");
    CHECK(value_of(b, "the previous year") == "2008");
    const auto c = tag("The club was relegated last year, and promoted the year before.");
    CHECK(value_of(c, "the year before") == "2011");
    const auto d = tag("Ticket sales fell last year, from a peak the year previous.");
    CHECK(value_of(d, "the year previous") == "2011");
    // "that year" after a bare year is that year
    const auto e = tag("The dam was built in 1962. Floods hit the valley later that year.");
    CHECK(value_of(e, "later that year") == "1962");
    // with no year named, the publication's neighbour
    const auto f = tag("Fares rose 4% on the previous year.");
    CHECK(value_of(f, "the previous year") == "2012");
}

TEST_CASE("a month counted from the text's last month", "[dates][resolver][discourse]") {
    const auto a = tag("The gallery opened in June 2008. The following month it closed.");
    CHECK(value_of(a, "The following month") == "2008-07");
    const auto b = tag("Tolls rose in March 2005; two months later the bridge was sold.");
    CHECK(value_of(b, "two months later") == "2005-05");
}

TEST_CASE("the following or previous month named counts from the text's last date",
          "[dates][resolver][discourse]") {
    const auto a = tag("The pier closed on March 3, 2010. The following June, it reopened.");
    CHECK(value_of(a, "The following June") == "2010-06");
    const auto b = tag("The pier closed on March 3, 2010. The previous December, a barge had "
                       "struck it.");
    CHECK(value_of(b, "The previous December") == "2009-12");
    // the same month after a month: the next year's
    CHECK(value_of(tag("The pier closed in March 2010. The next March, it reopened."),
                   "The next March") == "2011-03");
    // with no date in the text, from publication (2013-09-13)
    CHECK(value_of(tag("The pier will reopen the following June."), "the following June") ==
          "2014-06");
}

TEST_CASE("a quarter counted from the text's last quarter", "[dates][resolver][discourse]") {
    const auto a = tag("The mill lost money in the third quarter of 2010. The following quarter "
                       "it broke even.");
    CHECK(value_of(a, "The following quarter") == "2010-Q4");
    CHECK(value_of(tag("The mill lost money in the fourth quarter of 2010. Two quarters later "
                       "it was sold."),
                   "Two quarters later") == "2011-Q2");
    // an earnings report published in October: the quarter before the third, not before
    // the publication's fourth
    CHECK(value_of(tag("Profit slid in the third quarter. It had grown in the previous quarter.",
                       "2013-10-20"),
                   "the previous quarter") == "2013-Q2");
}

TEST_CASE("that season and the following season count from the text's last date",
          "[dates][resolver][discourse]") {
    const auto a = tag("The choir was founded in 2004 and toured abroad that summer.");
    CHECK(value_of(a, "that summer") == "2004-SU");
    const auto b = tag("In 1995 the canal froze. It reopened the following spring.");
    CHECK(value_of(b, "the following spring") == "1996-SP");
    const auto c = tag("The orchard burned in August 2001; the previous spring had been dry. "
                       "The following summer, new trees were planted.");
    CHECK(value_of(c, "the previous spring") == "2001-SP");
    CHECK(value_of(c, "The following summer") == "2002-SU");
    // with no date in the text, the publication's season as before
    const auto d = tag("Ferries will resume the following spring.");
    CHECK(value_of(d, "the following spring") == "2014-SP");
}

TEST_CASE("what happens ahead of a time places that time later", "[dates][resolver][tense]") {
    // published Friday 2013-09-13: the weekend ahead, not the one gone
    const auto a = tag("Investors trimmed their holdings ahead of the weekend.");
    CHECK(value_of(a, "the weekend") == "2013-W37-WE");
    // a day named to identify an event, but the event is still to come
    const auto b = tag("Traders sold shares ahead of Tuesday's vote.");
    CHECK(value_of(b, "Tuesday") == "2013-09-17");
    const auto c = tag("Envoys met in advance of Monday's summit.");
    CHECK(value_of(c, "Monday") == "2013-09-16");
    // "last" keeps its own direction
    const auto l = tag("Traders sold ahead of last Friday's vote.");
    CHECK(value_of(l, "last Friday") == "2013-09-06");
    REQUIRE(!l.expressions.empty());
    CHECK_FALSE(l.expressions.front().future);
    // without the preposition the same past clause keeps the last such day
    const auto d = tag("Traders sold shares after Tuesday's vote.");
    CHECK(value_of(d, "Tuesday") == "2013-09-10");
}

TEST_CASE("likely to and unlikely to look ahead", "[dates][resolver][tense]") {
    const auto a = tag("The committee is likely to vote on Wednesday.");
    CHECK(value_of(a, "Wednesday") == "2013-09-18");
    const auto b = tag("The two sides were unlikely to settle before Monday.");
    CHECK(value_of(b, "Monday") == "2013-09-16");
    // without "likely to", a day naming an event is the last such day
    const auto c = tag("The committee is voting on Wednesday's plan.");
    CHECK(value_of(c, "Wednesday") == "2013-09-11");
}

TEST_CASE("a negated could and a plan carried out are past", "[dates][resolver][tense]") {
    // published Friday 2013-09-13
    const auto a = tag("Neither the mayor nor her aides could be reached Wednesday.");
    CHECK(value_of(a, "Wednesday") == "2013-09-11");
    const auto b = tag("Nobody could be found Tuesday at the depot.");
    CHECK(value_of(b, "Tuesday") == "2013-09-10");
    // a plain could with a passive still looks ahead
    const auto c = tag("The mayor could be reached Wednesday.");
    CHECK(value_of(c, "Wednesday") == "2013-09-18");
    const auto d = tag("The ferries sailed as previously planned Monday.");
    CHECK(value_of(d, "Monday") == "2013-09-09");
    const auto e = tag("The ferries are planned Monday.");
    CHECK(value_of(e, "Monday") == "2013-09-16");
}
