#include "dates/resolver.hpp"

#include "dates/calendar.hpp"
#include "dates/reference_arithmetic.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace eventmap::dates {

using detail::kSeasonCodes;
using detail::leading_int;
using detail::month_day_in_context;
using detail::previous_quarter;
using detail::round_amount;
using detail::season_of_month;
using detail::shifted_day;
using detail::shifted_value;

std::optional<long> period_start(const std::string& value) {
    if (value.size() < 4) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < 4; ++i) {
        if (value[i] < '0' || value[i] > '9') {
            return std::nullopt;
        }
    }
    const int year = leading_int(value.substr(0, 4));
    if (value.size() == 4) {
        return days_from_civil(year, 1, 1);
    }
    if (value[4] != '-' || value.size() < 7) {
        return std::nullopt;
    }
    if (value[5] == 'W' && value.size() >= 8) {
        const int week = leading_int(value.substr(6, 2));
        const long jan4 = days_from_civil(year, 1, 4);
        return jan4 - weekday(jan4) + 7L * (week - 1);
    }
    if (value[5] == 'Q') {
        const int q = value[6] - '0';
        return q >= 1 && q <= 4 ? std::optional<long>(days_from_civil(year, 3 * q - 2, 1))
                                : std::nullopt;
    }
    if (value[5] == 'H') {
        return days_from_civil(year, value[6] == '2' ? 7 : 1, 1);
    }
    if (value[5] < '0' || value[5] > '9') {
        return std::nullopt;
    }
    const int month = leading_int(value.substr(5, 2));
    if (month < 1 || month > 12) {
        return std::nullopt;
    }
    if (value.size() >= 10 && value[7] == '-') {
        if (auto d = parse_iso_day(value.substr(0, 10))) {
            return d;
        }
        return std::nullopt;
    }
    return days_from_civil(year, month, 1);
}

// How many sentences after a quarter's figures "a year ago" still means that quarter.
constexpr std::uint32_t kReportSentences = 5;

Resolution Resolver::resolve_base(const Mention& m) {
    Resolution r;
    if (auto at_story = resolve_in_story(m)) {
        return *at_story;
    }
    const bool have_ref = reference_.has_value();
    const long ref = reference_.value_or(0);
    const std::string ref_label = have_ref ? "published " + format_day(ref) : "unknown reference";
    const CivilDate rc = civil_from_days(ref);
    const bool past = m.tense == Tense::past;
    const bool future = m.tense == Tense::future;
    long first = 0;

    switch (m.kind) {
    case MentionKind::fixed: {
        r.value = m.fixed;
        r.anchor = m.anchor_note.empty() ? "absolute" : m.anchor_note;
        if (m.shift_days != 0) {
            if (auto d = parse_iso_day(m.fixed)) {
                r.value = format_day(*d + m.shift_days);
                r.anchor += (m.shift_days > 0 ? " +" : " ") + std::to_string(m.shift_days) + "D";
            }
        }
        if (r.value.size() == 10) {
            r.day = parse_iso_day(r.value);
        }
        r.first = period_start(r.value);
        return r;
    }
    case MentionKind::month_day: {
        if (!have_ref) {
            r.value = "XXXX-" + two_digits(m.month) + "-" + two_digits(m.day);
            r.anchor = ref_label;
            return r;
        }
        long d = month_day_in_context(ref, m.month, m.day, m.tense, 0);
        // "last Oct. 12" is before the reference, "next March 3" after it, whatever the slack
        // month_day_in_context allows a plain past or future clause.
        const int in_year = civil_from_days(d).year;
        if (m.rel != 0 && (m.rel < 0 ? d >= ref : d <= ref) &&
            is_valid_date(in_year + m.rel, m.month, m.day)) {
            d = days_from_civil(in_year + m.rel, m.month, m.day);
        }
        if (m.weekday_check && weekday(d) != m.weekday) {
            // "Friday, November 5": take the nearest year in which that day is a Friday.
            const int y = civil_from_days(d).year;
            for (int k = 1; k <= 6; ++k) {
                bool found = false;
                for (int year : {y - k, y + k}) {
                    if (is_valid_date(year, m.month, m.day) &&
                        weekday(days_from_civil(year, m.month, m.day)) == m.weekday) {
                        d = days_from_civil(year, m.month, m.day);
                        found = true;
                        break;
                    }
                }
                if (found) {
                    break;
                }
            }
        }
        r.day = d;
        r.value = format_day(d);
        r.anchor = ref_label;
        return r;
    }
    case MentionKind::month: {
        if (m.month == 0) {
            return day_of_reference_month(m);
        }
        if (m.anaphoric) {
            if (auto r2 = month_from_narrative(m)) {
                return *r2;
            }
        }
        if (!have_ref) {
            r.value = "XXXX-" + two_digits(m.month);
            r.anchor = ref_label;
            return r;
        }
        if (m.anaphoric && m.rel != 0) {
            if (auto r2 = month_from_narrative(m)) {
                return *r2;
            }
        }
        int y = rc.year;
        if (m.year_offset) {
            y = rc.year + *m.year_offset; // "March of next year"
        } else if (m.rel == -1) {
            y = m.month < rc.month ? rc.year : rc.year - 1;
        } else if (m.rel == 1) {
            y = m.month > rc.month ? rc.year : rc.year + 1;
        } else if (m.rel == 2) {
            y = rc.year;
        } else if (past) {
            y = m.month <= rc.month + 1 ? rc.year : rc.year - 1; // next month: see kTenseSlackDays
        } else if (future) {
            y = m.month >= rc.month ? rc.year : rc.year + 1;
        } else if (m.month - rc.month > 6) {
            y = rc.year - 1;
        } else if (rc.month - m.month > 6) {
            y = rc.year + 1;
        }
        // Untensed months listed in one sentence share a year ("up in July from a trough in
        // February"): the year of the month named just before, unless that puts it ahead of the
        // reference.
        if (!past && !future && m.rel == 0 && !m.year_offset && narrative_period_.size() == 7 &&
            narrative_period_[4] == '-' && narrative_period_[5] != 'Q' &&
            narrative_period_[5] != 'H' && narrative_period_sentence_ == m.sentence) {
            const int listed = leading_int(narrative_period_.substr(0, 4));
            if (listed != y && days_from_civil(listed, m.month, 1) <= ref) {
                y = listed;
            }
        }
        r.value = format_month(y, m.month);
        r.first = days_from_civil(y, m.month, 1);
        r.anchor = ref_label;
        if (m.weekday_check) { // "the first Tuesday in November": that day of the month
            r.day = detail::nth_weekday(y, m.month, m.weekday, m.day);
            r.value = format_day(*r.day);
        }
        return r;
    }
    case MentionKind::weekday: {
        if (!have_ref) {
            r.value = "XXXX-WXX-" + std::to_string(m.weekday + 1);
            r.anchor = ref_label;
            return r;
        }
        const long from = m.anaphoric && narrative_ ? *narrative_ : ref;
        const int rw = weekday(from);
        const int back = (rw - m.weekday + 7) % 7;
        const int ahead = (m.weekday - rw + 7) % 7;
        long d = from - back;
        if (from != ref) {
            r.anchor = "narrative " + format_day(from);
            d = m.rel < 0 ? from - (back == 0 ? 7 : back) : from + (ahead == 0 ? 7 : ahead);
            r.day = d;
            r.value = format_day(d);
            return r;
        }
        if (m.rel == -1) {
            d = ref - (back == 0 ? 7 : back);
        } else if (m.rel == 1) {
            d = ref + (ahead == 0 ? 7 : ahead);
        } else if (future) {
            d = ref + ahead;
        }
        r.day = d;
        r.value = format_day(d);
        r.anchor = ref_label;
        return r;
    }
    case MentionKind::season: {
        const int current = season_of_month(rc.month);
        if (m.season < 0) { // "this season", "each season": the reference's own season
            const std::string code =
                have_ref ? kSeasonCodes[static_cast<std::size_t>(current)] : std::string("XX");
            r.value = m.type == TimexType::set || !have_ref
                          ? "XXXX-" + code
                          : format_year(rc.month <= 2 ? rc.year - 1 : rc.year) + "-" + code;
            r.anchor = ref_label;
            return r;
        }
        if (!have_ref) {
            r.value = std::string("XXXX-") + kSeasonCodes[static_cast<std::size_t>(m.season) % 4];
            r.anchor = ref_label;
            return r;
        }
        if (m.anaphoric) {
            if (auto r2 = season_from_narrative(m)) {
                return *r2;
            }
        }
        // A winter is coded with the year it begins in (YYYY-WI runs from December of YYYY),
        // so in January and February the season under way is last year's winter: "this
        // winter" said in January 2014 is 2013-WI, "last winter" 2012-WI, "last fall" 2013-FA.
        const int season_year = rc.month <= 2 ? rc.year - 1 : rc.year;
        const bool same = m.season == current;
        int y = same ? season_year : rc.year;
        if (m.rel == -1 || (m.rel == 0 && past)) {
            y = m.season < current || (same && m.rel == 0) ? season_year : season_year - 1;
        } else if (m.rel == 1 || (m.rel == 0 && future)) {
            y = m.season > current || (same && m.rel == 0) ? season_year : season_year + 1;
        }
        r.value = format_year(y) + "-" + kSeasonCodes[static_cast<std::size_t>(m.season) % 4];
        r.first = days_from_civil(y, 3 * m.season + 3 > 12 ? 12 : 3 * m.season + 3, 1);
        r.anchor = ref_label;
        return r;
    }
    case MentionKind::quarter: {
        const bool half = m.half;
        const char* code = half ? "-H" : "-Q";
        if (!have_ref) {
            r.value =
                std::string("XXXX") + code + (m.quarter > 0 ? std::to_string(m.quarter) : "X");
            r.anchor = ref_label;
            return r;
        }
        const int per_year = half ? 2 : 4;
        const int current = half ? (rc.month <= 6 ? 1 : 2) : (rc.month - 1) / 3 + 1;
        int q = m.quarter;
        int y = rc.year;
        if (q < 0) { // "the last quarter": the one before the current
            q = current - 1;
            if (q == 0) {
                q = per_year;
                y -= 1;
            }
        } else if (m.rel != 3) {
            y = rc.year + m.rel;
        } else if (past && q > current) {
            y = rc.year - 1;
        } else if (future && current - q >= 2) {
            // a future clause about the quarter just ended ("will report third-quarter
            // results" in October) is still this year's
            y = rc.year + 1;
        }
        r.value = format_year(y) + code + std::to_string(q);
        r.first = period_start(r.value);
        r.anchor = ref_label;
        return r;
    }
    case MentionKind::relative_unit: {
        if (!have_ref) {
            // Unknown reference: keep the granularity, leave the digits unknown.
            switch (m.unit) {
            case Unit::day:
            case Unit::hour:
            case Unit::minute:
            case Unit::second:
                r.value = "XXXX-XX-XX";
                break;
            case Unit::week:
            case Unit::fortnight:
                r.value = "XXXX-WXX";
                break;
            case Unit::weekend:
                r.value = "XXXX-WXX-WE";
                break;
            case Unit::month:
                r.value = "XXXX-XX";
                break;
            case Unit::quarter:
                r.value = "XXXX-QX";
                break;
            case Unit::year:
                r.value = "XXXX";
                break;
            case Unit::decade:
                r.value = "XXX";
                break;
            case Unit::century:
                r.value = "XX";
                break;
            }
            r.anchor = ref_label;
            return r;
        }
        if (m.unit == Unit::decade || m.unit == Unit::century) {
            const int span = m.unit == Unit::decade ? 10 : 100;
            const int start = (rc.year / span + m.rel) * span;
            r.value = std::to_string(start / span);
            r.first = days_from_civil(start, 1, 1);
            r.anchor = ref_label;
            return r;
        }
        // American weeks start on Sunday: "last week" said on a Sunday is the ISO week that
        // ends that day, so a Sunday reference counts from the Monday after it.
        const long week_ref = m.unit == Unit::week && weekday(ref) == 6 ? ref + 1 : ref;
        // "the weekend" (rel 3: by tense) in a past clause said on a weekday is the one just
        // gone, otherwise this week's; "this weekend" is always this week's
        const int rel = m.rel != 3 ? m.rel : past && weekday(ref) < 5 ? -1 : 0;
        r.value = shifted_value(week_ref, m.unit, std::abs(rel), rel < 0 ? -1 : 1, false, first);
        r.first = first;
        if (m.unit == Unit::day) {
            r.day = first;
        }
        r.anchor = ref_label;
        return r;
    }
    case MentionKind::offset_reference:
    case MentionKind::offset_narrative: {
        const bool narrative = m.kind == MentionKind::offset_narrative;
        if (m.amount < 0) {
            r.value = m.rel < 0 ? "PAST_REF" : "FUTURE_REF";
            r.anchor = ref_label;
            return r;
        }
        if (narrative && m.same_period) {
            // "the same period last year": the period the text was just talking about, a year
            // earlier, at that period's granularity. "The (year-earlier) quarter" wants a
            // quarter: without one in the text, the last full quarter before the reference.
            std::string period = narrative_period_.empty()
                                     ? (have_ref ? format_day(ref).substr(0, 7) : "")
                                     : narrative_period_;
            if (m.unit == Unit::quarter) {
                period = !report_quarter_.empty() ? report_quarter_
                         : have_ref               ? previous_quarter(ref)
                                                  : "XXXX-QX";
            }
            const int years = static_cast<int>(round_amount(m.amount));
            if (period.size() >= 4 && std::isdigit(static_cast<unsigned char>(period[0]))) {
                const int year = m.period_year ? *m.period_year // "the 2012 period"
                                               : leading_int(period.substr(0, 4)) - years;
                r.value = format_year(year) + period.substr(4);
                r.anchor =
                    "narrative " + period + (years ? " -" + std::to_string(years) + "Y" : "");
                r.first = period_start(r.value);
                return r;
            }
            if (m.unit == Unit::quarter) {
                r.value = period;
                r.anchor = ref_label;
                return r;
            }
        }
        // "the year before" right after a year the text named: that year's neighbour, before
        // any quarter of an earnings report
        if (narrative && !m.same_period) {
            if (auto years = years_from_narrative(m)) {
                return *years;
            }
        }
        // "in the half ended June 30, profit climbed ... from $2 million a year earlier": the
        // day the sentence wrote out is what the figures are for, so the year before is that
        // day a year back, at the day's granularity.
        if (!m.same_period && m.unit == Unit::year && m.amount == 1 && m.rel < 0 &&
            narrative_written_ && narrative_sentence_ == m.sentence &&
            (!reference_ || *narrative_ <= *reference_)) {
            const CivilDate nd = civil_from_days(*narrative_);
            if (is_valid_date(nd.year - 1, nd.month, nd.day)) {
                r.day = days_from_civil(nd.year - 1, nd.month, nd.day);
                r.value = format_day(*r.day);
                r.anchor = "narrative " + format_day(*narrative_) + " -1Y";
                return r;
            }
        }
        // "a year ago" soon after a quarter's figures: the report's quarter a year before.
        if (!m.same_period && m.unit == Unit::year && m.amount == 1 && m.rel < 0 &&
            !report_quarter_.empty() &&
            m.sentence <= narrative_period_sentence_ + kReportSentences) {
            r.value = format_year(leading_int(report_quarter_.substr(0, 4)) - 1) +
                      report_quarter_.substr(4);
            r.anchor = "narrative " + report_quarter_ + " -1Y";
            r.first = period_start(r.value);
            return r;
        }
        std::optional<long> base = reference_;
        r.anchor = ref_label;
        if (narrative && narrative_) {
            base = narrative_;
            r.anchor = "narrative " + format_day(*narrative_);
        }
        if (!base) {
            r.value = m.unit == Unit::year || m.unit == Unit::decade || m.unit == Unit::century
                          ? "XXXX"
                      : m.unit == Unit::month ? "XXXX-XX"
                                              : "XXXX-XX-XX";
            return r;
        }
        if (m.unit == Unit::weekend) {
            // "the following weekend": the first weekend wholly after the day, not a week on
            r.value =
                detail::adjacent_weekend(*base, round_amount(m.amount), m.rel < 0 ? -1 : 1, first);
            r.first = first;
            return r;
        }
        if (m.to_day) { // "a year ago today"
            r.day = shifted_day(*base, m.unit, m.rel < 0 ? -m.amount : m.amount);
            r.value = format_day(*r.day);
            r.first = r.day;
            return r;
        }
        // "a week later", "two weeks ago" are days; "the following week" names a calendar
        // week
        const bool weeks_as_days = (narrative || m.rel < 0) && !(narrative && m.anaphoric);
        r.value = shifted_value(*base, m.unit, m.amount, m.rel < 0 ? -1 : 1, weeks_as_days, first);
        r.first = first;
        if (r.value.size() == 10) {
            r.day = first;
        }
        return r;
    }
    case MentionKind::same_narrative: {
        if (m.that_time) {
            // "by that time", "at that time": the time the text last named, as precise as it
            // was named; with none, only which side of now it lies on
            const std::string latest = latest_narrative();
            if (latest.empty()) {
                r.value = future ? "FUTURE_REF" : "PAST_REF";
                r.anchor = ref_label;
                return r;
            }
            r.value = latest;
            r.anchor = "narrative " + latest;
            r.first = period_start(latest);
            if (latest.size() == 10) {
                r.day = parse_iso_day(latest);
            }
            return r;
        }
        if (m.unit != Unit::day) {
            return that_period(m.unit, ref_label);
        }
        std::optional<long> base = narrative_ ? narrative_ : reference_;
        r.anchor = narrative_ ? "narrative " + format_day(*narrative_) : ref_label;
        r.value = base ? format_day(*base) : "XXXX-XX-XX";
        r.day = base;
        return r;
    }
    case MentionKind::holiday: {
        if (!have_ref) {
            r.value = "XXXX-XX-XX";
            r.anchor = ref_label;
            return r;
        }
        auto on = [&](int year) {
            return detail::movable_holiday(static_cast<Holiday>(m.rel), year);
        };
        long d = on(rc.year);
        // "as Easter week began": the week counts from its Monday (past) to its Sunday (ahead)
        const long week_start = m.week_of ? d - weekday(d) : d;
        const long week_end = m.week_of ? week_start + 6 : d;
        if (past && week_start > ref) {
            d = on(rc.year - 1);
        } else if (future && week_end < ref) {
            d = on(rc.year + 1);
        }
        r.day = d;
        r.value = format_day(d);
        r.anchor = ref_label;
        return r;
    }
    case MentionKind::time_only: {
        std::optional<long> base = reference_;
        r.anchor = ref_label;
        // The day of its sentence; in a past-tense clause also the day the sentence before
        // gave ("Shares fell on Friday. Buyers came back in the afternoon."): the story's
        // focus holds until the text moves it. Other clauses are about the reference ("...
        // Trading resumes in the morning": a present tense the tense cues do not mark).
        const bool carried = narrative_ && narrative_sentence_ + 1 == m.sentence &&
                             m.tense == Tense::past && (!reference_ || *narrative_ <= *reference_);
        if (narrative_ && (narrative_sentence_ == m.sentence || carried)) {
            base = narrative_;
            r.anchor = "sentence date " + format_day(*narrative_);
        }
        if (base && m.rel < 0 && !future) {
            *base -= 1; // "overnight": the night before the sentence's day
        }
        r.value = base ? format_day(*base) : "XXXX-XX-XX";
        r.day = base;
        return r;
    }
    }
    return r;
}

Resolution Resolver::resolve(const Mention& m) {
    Resolution r = resolve_base(m);
    if (m.week_of && r.day) {
        // "Easter week": the week of the day, which is no day the story moves to
        r.value = format_week(*r.day);
        r.first = r.first ? r.first : r.day;
        r.day.reset();
    }
    r.anchor_mention = anchor_mention(r);
    note_story_time(m, r);
    if (m.anchored != 0 && reference_) {
        // "in recent years" (PXY) ends now too, though where it begins is unknown
        r.anchor_mention = kAnchorReference;
        r.reference_end = m.anchored < 0 ? -1 : 1;
        r.anchor = "published " + format_day(*reference_);
    }
    if (m.anchored != 0 && m.amount >= 0 && reference_) {
        const long other = shifted_day(*reference_, m.unit, m.amount * m.anchored);
        r.begin_point = format_day(std::min(other, *reference_));
        r.end_point = format_day(std::max(other, *reference_));
        r.anchor = "published " + format_day(*reference_); // what the ends hang on
    }
    if (m.kind != MentionKind::fixed && m.shift_days != 0 && r.day) {
        *r.day += m.shift_days;
        r.value = format_day(*r.day);
        r.anchor += (m.shift_days > 0 ? " +" : " ") + std::to_string(m.shift_days) + "D";
    }
    if (r.day && !r.first) {
        r.first = r.day;
    }
    if (!m.time_suffix.empty() && r.value.size() == 10 && r.value[0] != 'X') {
        r.value += m.time_suffix;
    } else if (!m.time_suffix.empty() && r.value == "XXXX-XX-XX") {
        r.value += m.time_suffix;
    }
    r.future = m.tense == Tense::future ||
               (reference_ && r.first && *r.first > *reference_ && m.type != TimexType::duration);
    if (m.type == TimexType::date && r.first && r.value.size() >= 6 && r.value.size() <= 7 &&
        std::isdigit(static_cast<unsigned char>(r.value[0])) &&
        r.anchor.rfind("narrative ", 0) != 0) { // "a year earlier" does not move the story
        narrative_period_ = r.value;            // a month, quarter or half the text talks about
        narrative_period_sentence_ = m.sentence;
        narrative_period_mention_ = resolved_;
        // An earnings story reports the last full quarter (or the current one): the first
        // such quarter it names is what "the quarter" and "a year ago" refer to; older
        // quarters named in passing are not.
        if (report_quarter_.empty() && r.value[5] == 'Q' && reference_ &&
            (r.value == previous_quarter(*reference_) ||
             r.value == previous_quarter(*reference_ + 92))) {
            report_quarter_ = r.value;
            report_quarter_mention_ = resolved_;
        }
    }
    // A year the text names or counts ("in 1990", "last year"), not "later that year": that
    // repeats the year of a finer date, which stays the anchor of "that quarter" after it.
    if (m.type == TimexType::date && m.kind != MentionKind::same_narrative && r.value.size() == 4 &&
        std::all_of(r.value.begin(), r.value.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
        narrative_year_ = r.value; // "in 1990" for "a year later", "that year"
        narrative_year_mention_ = resolved_;
    }
    if (r.day && (m.type == TimexType::date || m.type == TimexType::time) &&
        m.kind != MentionKind::time_only) {
        narrative_ = r.day;
        narrative_sentence_ = m.sentence;
        narrative_written_ =
            m.kind == MentionKind::month_day || (m.kind == MentionKind::fixed && m.explicit_day);
        narrative_mention_ = resolved_;
    }
    ++resolved_;
    return r;
}

} // namespace eventmap::dates
