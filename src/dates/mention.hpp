// What the grammar recognises, before any reference date is known: the meaning of a temporal
// expression as a small record ("weekday 4, past tense", "month -1 relative to the reference",
// "fixed 2013-08-21"). The resolver turns it into a TIMEX3 value once a reference is chosen,
// which lets the publication-date inference try many candidate references cheaply.
#pragma once

#include "dates/lexicon.hpp"
#include "dates/time_expression.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace eventmap::dates {

enum class Tense : std::uint8_t { unknown, past, present, future };

enum class MentionKind : std::uint8_t {
    fixed,            // value known from the text alone: 2013-08-21, P2W, PRESENT_REF
    month_day,        // month + day; the year comes from the reference and the tense
    month,            // a month alone
    weekday,          // a weekday; `rel` -1 last, 0 plain, +1 next, 2 this
    season,           // a season; `rel` as for weekday
    quarter,          // a quarter (1..4) or half (`unit` says which) without a year
    relative_unit,    // unit with offset from the reference: last month (-1), this year (0)
    offset_reference, // N units ago (-1) / in N units (+1), counted from the reference
    offset_narrative, // N units later/earlier, counted from the last date the text mentioned
    same_narrative,   // the same day, that day
    holiday,          // Easter, Thanksgiving: year from the reference
    time_only,        // a clock time; its day is the sentence's date or the reference
};

struct Mention {
    std::uint32_t first_token = 0; // token range, end exclusive
    std::uint32_t last_token = 0;
    std::uint32_t byte_begin = 0;
    std::uint32_t byte_end = 0;
    std::uint32_t sentence = 0; // index of the sentence (for the narrative anchor of times)
    TimexType type = TimexType::date;
    MentionKind kind = MentionKind::fixed;
    Tense tense = Tense::unknown;
    std::string fixed;       // the value when kind == fixed
    std::string time_suffix; // appended to a resolved day: T14:48Z, TMO, TNI
    std::string mod;         // TIMEX3 mod: APPROX, START, MID, END, MORE_THAN, LESS_THAN
    std::string quant;       // TIMEX3 quant of a SET: EVERY ("every Friday", "annually")
    std::string freq;        // TIMEX3 freq of a SET: 2X ("twice a week")
    int anchored = 0;        // a duration ending (-1: "the past three years") or starting (+1: "the
                             // next two weeks") at the reference: it gets begin and end points
    std::string anchor_note; // how a fixed value was derived ("9/11 attacks 2001-09-11 +12Y")
    int month = 0;
    int day = 0;
    int weekday = 0;
    int season = 0;
    int quarter = 0;
    int rel = 0;
    Unit unit = Unit::day;
    double amount = 0;              // < 0: unknown amount ("several days")
    long shift_days = 0;            // added to a resolved day ("a day after Friday")
    std::optional<int> year_offset; // a month with a relative year: "March of next year"
    std::optional<int> period_year; // same_period in a written year: "the 2012 period"
    bool half = false;              // quarter kind: a half year (H1, H2) rather than a quarter
    bool weekday_check = false;     // month_day: `weekday` was written too and must match
    bool same_period = false;  // offset_narrative: "the same period last year" keeps granularity
    bool explicit_day = false; // a full Y-M-D written in the text (publication inference)
    bool from_known_event = false;
    bool that_time = false; // same_narrative: "by that time", at the last date's own precision
    bool week_of = false;   // holiday, month_day: "Easter week", "Christmas week" is the ISO
                            // week holding that day
    bool to_day = false;    // offset_reference: the day the offset lands on, not its period
                            // ("a year ago today" 2013-01-15, where "a year ago" is 2013)
    bool anaphoric = false; // weekday: "the previous Friday", "the following Monday" count from
                            // the last day the text gave, not from the reference; season:
                            // "that summer", "the following spring" from the last date named;
                            // offset_narrative: "the following week" is that calendar week,
                            // where "a week later" is a day
};

} // namespace eventmap::dates
