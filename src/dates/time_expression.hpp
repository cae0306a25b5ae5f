// A temporal expression found in an article and normalised to a TIMEX3 value: the time
// stage's output and the events stage's input. Its JSON form is the stable `eventmap dates`
// interface.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace eventmap::dates {

enum class TimexType { date, time, duration, set };

struct TimeExpression {
    std::size_t start = 0; // Unicode code-point offsets into the article text, end exclusive
    std::size_t end = 0;
    std::size_t byte_start = 0; // the same span in bytes
    std::size_t byte_end = 0;
    std::string text;
    TimexType type = TimexType::date;
    std::string value;  // TIMEX3 value: 2013-09-13, 2013-08, 2013-W37, P2W, XXXX-09-28, PRESENT_REF
    std::string anchor; // what the value was resolved against (reference date or "absolute")
    bool future = false; // the text places it after its reference ("would meet ... September 28")
    std::string mod;     // TIMEX3 mod: APPROX ("around September 28"), START, MID, END, ...
    std::string quant;   // TIMEX3 quant of a SET: EVERY ("every Friday", "annually")
    // A duration anchored at the reference ("the past three years" before 2013-09-13): the
    // values of its TIMEX3 beginPoint and endPoint (2010-09-13, 2013-09-13); empty otherwise.
    std::string begin_point;
    std::string end_point;
    // TimeML identifiers: `id` is this expression's tid (t1, t2... in text order; t0 is the
    // publication date, TimeML's creation time). `anchor_time_id` is the anchorTimeID: the tid
    // the value was computed from ("t0" for "yesterday", the earlier date's tid for "two days
    // later"); empty when the value is written out in full. `begin_point_id`/`end_point_id`
    // name an anchored duration's ends when one of them is a tid (the publication date for "the
    // past three years"). All empty when the tagger made no such link.
    std::string id;
    std::string anchor_time_id;
    std::string begin_point_id;
    std::string end_point_id;
    std::string freq; // TIMEX3 freq of a SET: "2X" for "twice a week"
};

// A range written as two dates ("from 2009 to 2011", "between May 3 and May 9"): both ends are
// expressions of their own, as TimeML annotates them, and the range is TimeML's non-consuming
// DURATION between them (beginPoint, endPoint), P2Y and P7D here.
struct TimeRange {
    std::string id;        // its own tid, after those of the expressions
    std::string value;     // P2Y; PXY when the ends' granularities differ
    std::size_t first = 0; // indices into DateResult::expressions of its two ends
    std::size_t second = 0;
    std::size_t start = 0; // code points from the opening word ("from", "between") to the end
    std::size_t end = 0;
    std::string text;
};

struct PublicationDate {
    std::string value; // YYYY-MM-DD, empty when neither given nor inferable
    bool inferred = false;
    double confidence = 0; // 1 when given
    std::string evidence;  // how it was reached, for people ("latest explicit date + 'on Friday'")
};

struct DateResult {
    PublicationDate published;
    std::vector<TimeExpression> expressions; // in text order
    std::vector<TimeRange> ranges;           // in text order
};

} // namespace eventmap::dates
