// The discourse side of the resolver: the story's reference time, the anchors "that year" and
// "by that time" point at, and which earlier expression a value was computed from (TimeML's
// anchorTimeID). resolver.cpp has the calendar side.
#include "dates/calendar.hpp"
#include "dates/reference_arithmetic.hpp"
#include "dates/resolver.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace eventmap::dates {

using detail::leading_int;

// How many sentences after a full date (or after an expression resolved in the story's time)
// the story's time still holds. One: news turns back to the present quickly, and background
// dates ("the floods of May 3, 2004") are common; measured on TimeBank+AQUAINT dev, longer
// windows and month-only story dates ("in June 2004") resolved more wrongly than rightly.
constexpr std::uint32_t kStorySentences = 1;
// How long before publication a date must be for the text to be telling an earlier story.
constexpr long kStoryGapDays = 31;

std::optional<long> Resolver::story_reference(const Mention& m) const {
    if (!story_ || !reference_ || m.rel != 0 || m.tense == Tense::future ||
        m.tense == Tense::present || m.sentence > story_sentence_ + kStorySentences ||
        *reference_ - *story_ <= kStoryGapDays) {
        return std::nullopt;
    }
    switch (m.kind) {
    case MentionKind::weekday:
    case MentionKind::time_only:
    case MentionKind::month_day:
    case MentionKind::month:
    case MentionKind::season:
    case MentionKind::holiday:
        return story_;
    default:
        return std::nullopt;
    }
}

void Resolver::note_story_time(const Mention& m, const Resolution& r) {
    // Only dates written out with their year set the story's time; a bare year ("since 2011")
    // is background, and derived dates ("two days later") move the narrative anchor instead.
    if (r.anchor.rfind("story time", 0) == 0) {
        story_sentence_ = m.sentence; // the story goes on
        return;
    }
    if (m.kind != MentionKind::fixed || m.type != TimexType::date || m.from_known_event ||
        !m.anchor_note.empty() || !r.day || r.value.size() != 10) {
        return;
    }
    story_ = r.day;
    story_sentence_ = m.sentence;
    story_mention_ = resolved_;
}

long Resolver::anchor_mention(const Resolution& r) const {
    const auto starts = [&](std::string_view prefix) { return r.anchor.rfind(prefix, 0) == 0; };
    if (starts("published ")) {
        return kAnchorReference;
    }
    if (starts("story time ")) {
        return story_mention_;
    }
    if (starts("sentence date ")) {
        return narrative_mention_;
    }
    if (!starts("narrative ")) {
        return kAnchorNone; // written out in full, a known event, or no reference at all
    }
    // "narrative 2012-Q3 -1Y": a period the text named (the report's quarter, else the last
    // month or quarter); "narrative 2013-05-02": the last day it named.
    const std::string_view named = std::string_view(r.anchor).substr(10);
    const auto names = [&](const std::string& period) {
        return !period.empty() && named.substr(0, named.find(' ')) == period;
    };
    if (names(report_quarter_)) {
        return report_quarter_mention_;
    }
    if (names(narrative_period_)) {
        return narrative_period_mention_;
    }
    if (names(narrative_year_)) {
        return narrative_year_mention_;
    }
    if (narrative_ && names(format_day(*narrative_))) {
        return narrative_mention_;
    }
    // "the same period last year" with no period in the text counts from the reference's month
    return reference_ ? kAnchorReference : kAnchorNone;
}

std::string Resolver::latest_narrative() const {
    // A year named on its own after the last day or period ("in 2004 ... later that year")
    if (!narrative_year_.empty() && narrative_year_mention_ > narrative_mention_ &&
        narrative_year_mention_ > narrative_period_mention_) {
        return narrative_year_;
    }
    if (!narrative_period_.empty() &&
        (!narrative_ || narrative_period_sentence_ >= narrative_sentence_)) {
        return narrative_period_;
    }
    return narrative_ ? format_day(*narrative_) : std::string();
}

std::optional<Resolution> Resolver::years_from_narrative(const Mention& m) const {
    const std::string latest = latest_narrative();
    if (m.amount < 1 || m.amount != std::floor(m.amount) || latest.size() < 4 ||
        !std::isdigit(static_cast<unsigned char>(latest[0]))) {
        return std::nullopt;
    }
    const int n = static_cast<int>(m.amount) * (m.rel < 0 ? -1 : 1);
    const bool month = latest.size() == 7 && std::isdigit(static_cast<unsigned char>(latest[5]));
    Resolution r;
    if (m.unit == Unit::year && latest.size() == 4) {
        r.value = format_year(leading_int(latest) + n);
    } else if (m.unit == Unit::month && month) {
        // "in June 2008 ... the following month": the month after the one named
        int y = leading_int(latest.substr(0, 4));
        int mo = leading_int(latest.substr(5, 2));
        add_months(y, mo, n);
        r.value = format_month(y, mo);
    } else if (m.unit == Unit::quarter && latest.size() == 7 && latest[5] == 'Q') {
        // "the third quarter of 2010 ... the following quarter": 2010-Q4, not the quarter
        // after publication's
        int y = leading_int(latest.substr(0, 4));
        int mo = 3 * (latest[6] - '1') + 1;
        add_months(y, mo, 3 * n);
        r.value = format_year(y) + "-Q" + std::to_string((mo - 1) / 3 + 1);
    } else {
        return std::nullopt;
    }
    r.anchor = "narrative " + latest + (n < 0 ? " " : " +") + std::to_string(n) +
               (m.unit == Unit::year      ? "Y"
                : m.unit == Unit::quarter ? "Q"
                                          : "M");
    r.first = period_start(r.value);
    return r;
}

std::optional<Resolution> Resolver::season_from_narrative(const Mention& m) const {
    const std::string latest = latest_narrative();
    if (latest.size() < 4 || !std::isdigit(static_cast<unsigned char>(latest[0])) || m.season < 0) {
        return std::nullopt;
    }
    static constexpr std::array<const char*, 4> kCodes = {"SP", "SU", "FA", "WI"};
    int y = leading_int(latest.substr(0, 4));
    const bool month = latest.size() >= 7 && std::isdigit(static_cast<unsigned char>(latest[5]));
    // From a bare year, the year after or before; from a month or day, the season it lies in
    // ("that winter" after January 1995 is 1994-WI: a winter has the year it begins in) or the
    // next or last such season after or before it.
    if (month) {
        const int mo = leading_int(latest.substr(5, 2));
        const int current = detail::season_of_month(mo);
        const int season_year = mo <= 2 ? y - 1 : y;
        if (m.rel > 0) {
            y = m.season > current ? season_year : season_year + 1;
        } else if (m.rel < 0) {
            y = m.season < current ? season_year : season_year - 1;
        } else if (m.season == current) {
            y = season_year;
        }
    } else {
        y += m.rel > 0 ? 1 : m.rel < 0 ? -1 : 0;
    }
    Resolution r;
    r.value = format_year(y) + "-" + kCodes[static_cast<std::size_t>(m.season) % 4];
    r.anchor = "narrative " + latest;
    r.first = days_from_civil(y, 3 * m.season + 3 > 12 ? 12 : 3 * m.season + 3, 1);
    return r;
}

std::optional<Resolution> Resolver::month_from_narrative(const Mention& m) const {
    const std::string latest = latest_narrative();
    if (latest.size() < 4 || !std::isdigit(static_cast<unsigned char>(latest[0]))) {
        return std::nullopt;
    }
    int y = leading_int(latest.substr(0, 4));
    // a month, quarter or day gives the month to count from; a bare year counts as a whole
    // ("in 2008 ... the following June" is 2009-06)
    int from = 0;
    if (latest.size() >= 7 && std::isdigit(static_cast<unsigned char>(latest[5]))) {
        from = leading_int(latest.substr(5, 2));
    } else if (latest.size() == 7 && latest[5] == 'Q') {
        from = 3 * (latest[6] - '0');
    }
    if (m.rel > 0) {
        y += from > 0 && m.month > from ? 0 : 1;
    } else if (m.rel < 0) {
        y -= from > 0 && m.month < from ? 0 : 1;
    }
    Resolution r;
    r.value = format_month(y, m.month);
    r.anchor = "narrative " + latest;
    r.first = days_from_civil(y, m.month, 1);
    return r;
}

Resolution Resolver::day_of_reference_month(const Mention& m) const {
    Resolution r;
    if (!reference_) {
        r.value = "XXXX-XX-" + two_digits(m.day);
        r.anchor = "unknown reference";
        return r;
    }
    const long ref = *reference_;
    const CivilDate rc = civil_from_days(ref);
    // the day in the month `shift` months from the reference's, if that month has it
    const auto in_month = [&](int shift) -> std::optional<long> {
        int y = rc.year;
        int mo = rc.month;
        add_months(y, mo, shift);
        return is_valid_date(y, mo, m.day) ? std::optional<long>(days_from_civil(y, mo, m.day))
                                           : std::nullopt;
    };
    std::optional<long> d;
    if (m.year_offset) {
        d = in_month(*m.year_offset); // "the 21st of next month"
    } else if (m.tense == Tense::past) {
        d = m.day <= rc.day ? in_month(0) : in_month(-1);
    } else if (m.tense == Tense::future || m.tense == Tense::present) {
        // a present tense with a day is a schedule: "the strike ends on the 31st", "the vote
        // is set for the 12th" (said on the 15th: next month's)
        d = m.day >= rc.day ? in_month(0) : in_month(1);
    } else {
        // untensed: the nearest such day
        for (int shift : {0, -1, 1}) {
            const auto c = in_month(shift);
            if (c && (!d || std::labs(*c - ref) < std::labs(*d - ref))) {
                d = c;
            }
        }
    }
    if (!d) {
        d = in_month(-1); // "on the 31st" in a month of 30 days: the last month that had one
    }
    r.anchor = "published " + format_day(ref);
    if (d) {
        r.day = d;
        r.value = format_day(*d);
    } else {
        r.value = "XXXX-XX-" + two_digits(m.day);
    }
    return r;
}

// "that year", "later that month": the period of the date the text last gave, at this unit's
// granularity; the reference's when the text gave none.
Resolution Resolver::that_period(Unit unit, const std::string& ref_label) const {
    Resolution r;
    std::string latest = latest_narrative();
    r.anchor = latest.empty() ? ref_label : "narrative " + latest;
    if (latest.empty() && reference_) {
        latest = format_day(*reference_);
    }
    const bool day = latest.size() == 10;
    const bool month = latest.size() >= 7 && std::isdigit(static_cast<unsigned char>(latest[5]));
    if (latest.size() < 4) {
        r.value = unit == Unit::week ? "XXXX-WXX" : unit == Unit::month ? "XXXX-XX" : "XXXX";
    } else if (unit == Unit::year) {
        r.value = latest.substr(0, 4);
    } else if (unit == Unit::month && month) {
        r.value = latest.substr(0, 7);
    } else if (unit == Unit::quarter && latest.size() == 7 && latest[5] == 'Q') {
        r.value = latest;
    } else if (unit == Unit::quarter && month) {
        r.value = latest.substr(0, 4) + "-Q" +
                  std::to_string((leading_int(latest.substr(5, 2)) - 1) / 3 + 1);
    } else if (unit == Unit::week && day) {
        r.value = format_week(*parse_iso_day(latest));
    } else {
        r.value = latest.substr(0, 4); // a coarser date than the unit: its year
    }
    r.first = period_start(r.value);
    return r;
}

// A mention inside a story about an earlier day resolves as if published on the story's day
// (see story_reference); nullopt outside such a story.
std::optional<Resolution> Resolver::resolve_in_story(const Mention& m) const {
    const auto story = story_reference(m);
    if (!story) {
        return std::nullopt;
    }
    Resolution r;
    // Resolve as if published on the story's day, forwards for weekdays and clock times:
    // a narrative moves on from the date it gave.
    Mention at_story = m;
    at_story.tense = Tense::unknown;
    if (m.kind == MentionKind::weekday) {
        at_story.tense = Tense::future;
    }
    Resolver story_resolver(*story);
    story_resolver.narrative_ = narrative_;
    story_resolver.narrative_sentence_ = narrative_sentence_;
    if (m.kind == MentionKind::time_only && narrative_ && narrative_sentence_ >= story_sentence_) {
        story_resolver.narrative_sentence_ = m.sentence; // the story's latest day: "by 8 p.m."
    }
    // (a clock time takes its sentence's day, else the story's)
    r = story_resolver.resolve_base(at_story);
    r.anchor = "story time " + format_day(*story);
    return r;
}

} // namespace eventmap::dates
