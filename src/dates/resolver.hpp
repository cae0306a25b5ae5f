// Turns recognised Mentions into TIMEX3 values against a reference date (the publication date)
// and the narrative anchor (the last day the text itself mentioned, for "two days later").
//
// The reference-time model: a calendar expression without its year or week ("Sunday night",
// "June", "8 p.m.", "the day") refers to the publication date's surroundings, unless the text
// is telling a story of an earlier time — it wrote a full date (day, month and year) more than a
// month before publication in this or the previous sentence (or the previous sentence was
// itself resolved in that story's time), and the expression sits in a past-tense or untensed
// clause without "last"/"next"/"this". Then it refers to the story's time:
// "On March 3, 2010 the plant closed. On Sunday night workers marched" is 2010-03-07.
// Deictic words (yesterday, last week, three days ago) always count from publication; the
// anaphoric "the previous Friday", "the following Monday" count from the last day the text gave,
// and a bare clock time or part of the day in a past clause keeps the day of its sentence or of
// the sentence before ("Shares fell on Friday. Buyers returned in the afternoon.").
#pragma once

#include "dates/mention.hpp"

#include <optional>
#include <string>

namespace eventmap::dates {

struct Resolution {
    std::string value;
    std::string anchor;        // what the value was resolved against
    bool future = false;       // after the reference, or said in a future clause
    std::optional<long> day;   // the resolved day (days since 1970) when the value is a day
    std::optional<long> first; // first day of the resolved period (day, week, month, year...)
    std::string begin_point;   // an anchored duration's ends (see TimeExpression)
    std::string end_point;
    // The TimeML anchorTimeID of the value: kAnchorNone (written out in full, or no reference
    // known), kAnchorReference (the publication date, TimeML's t0), or the index (in the order
    // resolve() saw them) of the earlier mention the value was computed from.
    long anchor_mention = -1;
    // Which end of an anchored duration is the reference itself (TimeML's beginPoint/endPoint
    // ids): -1 the end ("the past three years"), +1 the beginning ("the next two weeks"), 0 none.
    int reference_end = 0;
};

inline constexpr long kAnchorNone = -1;
inline constexpr long kAnchorReference = -2;

class Resolver {
  public:
    // `reference`: the publication day, or nullopt when unknown (values then keep XXXX).
    explicit Resolver(std::optional<long> reference) : reference_(reference) {}

    // Resolves mentions in text order; updates the narrative anchor as it goes.
    Resolution resolve(const Mention& m);

  private:
    Resolution resolve_base(const Mention& m);
    // The story's day for `m` when the reference-time model says so, else nullopt.
    std::optional<long> story_reference(const Mention& m) const;
    std::optional<Resolution> resolve_in_story(const Mention& m) const;
    void note_story_time(const Mention& m, const Resolution& r);
    // "that year", "later that month": the period of the last date the text gave
    Resolution that_period(Unit unit, const std::string& ref_label) const;
    // "a year later", "the previous year" right after a year the text named on its own ("in
    // 1990"), "the following month" right after a month ("in June 2008"): that period shifted;
    // nullopt when the text named a day last, or nothing.
    std::optional<Resolution> years_from_narrative(const Mention& m) const;
    // "that summer", "the following spring": the season in, after or before the last date the
    // text named; nullopt when it named none.
    std::optional<Resolution> season_from_narrative(const Mention& m) const;
    // "that December", "the following June": that month in, after or before the last date the
    // text named; nullopt when it named none.
    std::optional<Resolution> month_from_narrative(const Mention& m) const;
    // "on the 3rd": that day of the reference's month, or of the month before or after by
    // tense ("of next month" names it)
    Resolution day_of_reference_month(const Mention& m) const;
    // The last date the text gave: the year, month/quarter it named, or the day, whichever came
    // later.
    std::string latest_narrative() const;
    // Which mention (or the reference) the anchor label of `r` names.
    long anchor_mention(const Resolution& r) const;

    std::optional<long> reference_;
    std::optional<long> narrative_;
    std::uint32_t narrative_sentence_ = 0;
    bool narrative_written_ = false; // narrative_ was written with its month ("Sept. 30")
    std::string narrative_period_;   // last month/quarter value ("2009-01", "2009-Q3")
    std::uint32_t narrative_period_sentence_ = 0;
    std::string narrative_year_; // last year the text named on its own ("in 1990", "last year")
    std::string report_quarter_; // the first quarter the text named: what a report is about
    std::optional<long> story_;  // the last full date the text wrote, with its year
    std::uint32_t story_sentence_ = 0; // where it, or the last expression resolved in it, was
    // Indices (in resolve() order) of the mentions that set the anchors above, for TimeML's
    // anchorTimeID: what "two days later" or "that quarter" was computed from.
    long resolved_ = 0;
    long narrative_mention_ = kAnchorNone;
    long narrative_period_mention_ = kAnchorNone;
    long report_quarter_mention_ = kAnchorNone;
    long narrative_year_mention_ = kAnchorNone;
    long story_mention_ = kAnchorNone;
};

// First day of the period a TIMEX3 date value names (2013, 2013-08, 2013-W37, 2013-Q3,
// 2013-08-21, 2013-08-21TNI); nullopt for anything else.
std::optional<long> period_start(const std::string& value);

} // namespace eventmap::dates
