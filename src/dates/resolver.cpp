#include "dates/resolver.hpp"

#include "dates/calendar.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace eventmap::dates {

namespace {

constexpr std::array<const char*, 4> kSeasonCodes = {"SP", "SU", "FA", "WI"};

int season_of_month(int month) {
    if (month == 12 || month <= 2) {
        return 3;
    }
    return (month - 3) / 3;
}

long round_amount(double amount) {
    return static_cast<long>(std::llround(amount));
}

// The day `m` months/years away from `day` at the given unit, as a value of that granularity.
std::string shifted_value(long base, Unit unit, double amount, int sign, bool weeks_as_days,
                          long& first) {
    const CivilDate c = civil_from_days(base);
    const long n = round_amount(amount) * sign;
    switch (unit) {
    case Unit::second:
    case Unit::minute:
    case Unit::hour:
        first = base;
        return format_day(base);
    case Unit::day:
        first = base + n;
        return format_day(first);
    case Unit::week:
    case Unit::weekend:
    case Unit::fortnight: {
        const long days = n * (unit == Unit::fortnight ? 14 : 7);
        first = base + days;
        if (weeks_as_days) {
            return format_day(first);
        }
        first -= weekday(first);
        return format_week(base + days) + (unit == Unit::weekend ? "-WE" : "");
    }
    case Unit::month: {
        int y = c.year;
        int mo = c.month;
        add_months(y, mo, static_cast<int>(n));
        first = days_from_civil(y, mo, 1);
        return format_month(y, mo);
    }
    case Unit::quarter: {
        int y = c.year;
        int mo = (c.month - 1) / 3 * 3 + 1;
        add_months(y, mo, static_cast<int>(3 * n));
        first = days_from_civil(y, mo, 1);
        return format_year(y) + "-Q" + std::to_string((mo - 1) / 3 + 1);
    }
    case Unit::year:
        first = days_from_civil(c.year + static_cast<int>(n), 1, 1);
        return format_year(c.year + static_cast<int>(n));
    case Unit::decade:
        first = days_from_civil(c.year + static_cast<int>(10 * n), 1, 1);
        return format_year(c.year + static_cast<int>(10 * n));
    case Unit::century:
        first = days_from_civil(c.year + static_cast<int>(100 * n), 1, 1);
        return format_year(c.year + static_cast<int>(100 * n));
    }
    first = base;
    return format_day(base);
}

// The year in which (month, day) falls for a mention with this tense around `ref`.
long month_day_in_context(long ref, int month, int day, Tense tense, int rel) {
    const int y = civil_from_days(ref).year;
    auto at_year = [&](int year) {
        const int d = std::min(day, days_in_month(year, month));
        return days_from_civil(year, month, d);
    };
    const long same = at_year(y);
    if (rel < 0 || tense == Tense::past) {
        return same <= ref ? same : at_year(y - 1);
    }
    if (rel > 0 || tense == Tense::future) {
        return same >= ref ? same : at_year(y + 1);
    }
    if (same - ref > 183) {
        return at_year(y - 1);
    }
    if (ref - same > 183) {
        return at_year(y + 1);
    }
    return same;
}

} // namespace

std::optional<long> period_start(const std::string& value) {
    if (value.size() < 4) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < 4; ++i) {
        if (value[i] < '0' || value[i] > '9') {
            return std::nullopt;
        }
    }
    const int year = std::atoi(value.substr(0, 4).c_str());
    if (value.size() == 4) {
        return days_from_civil(year, 1, 1);
    }
    if (value[4] != '-' || value.size() < 7) {
        return std::nullopt;
    }
    if (value[5] == 'W' && value.size() >= 8) {
        const int week = std::atoi(value.substr(6, 2).c_str());
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
    const int month = std::atoi(value.substr(5, 2).c_str());
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

Resolution Resolver::resolve_base(const Mention& m) {
    Resolution r;
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
        if (!have_ref) {
            r.value = "XXXX-" + two_digits(m.month);
            r.anchor = ref_label;
            return r;
        }
        int y = rc.year;
        if (m.year_offset) {
            y = rc.year + *m.year_offset; // "October of next year"
        } else if (m.rel == -1) {
            y = m.month < rc.month ? rc.year : rc.year - 1;
        } else if (m.rel == 1) {
            y = m.month > rc.month ? rc.year : rc.year + 1;
        } else if (m.rel == 2) {
            y = rc.year;
        } else if (past) {
            y = m.month <= rc.month ? rc.year : rc.year - 1;
        } else if (future) {
            y = m.month >= rc.month ? rc.year : rc.year + 1;
        } else if (m.month - rc.month > 6) {
            y = rc.year - 1;
        } else if (rc.month - m.month > 6) {
            y = rc.year + 1;
        }
        r.value = format_month(y, m.month);
        r.first = days_from_civil(y, m.month, 1);
        r.anchor = ref_label;
        return r;
    }
    case MentionKind::weekday: {
        if (!have_ref) {
            r.value = "XXXX-WXX-" + std::to_string(m.weekday + 1);
            r.anchor = ref_label;
            return r;
        }
        const int rw = weekday(ref);
        const int back = (rw - m.weekday + 7) % 7;
        const int ahead = (m.weekday - rw + 7) % 7;
        long d = ref - back;
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
        if (!have_ref) {
            r.value = std::string("XXXX-") + kSeasonCodes[static_cast<std::size_t>(m.season) % 4];
            r.anchor = ref_label;
            return r;
        }
        const int current = season_of_month(rc.month);
        int y = rc.year;
        if (m.rel == -1 || (m.rel == 0 && past)) {
            y = m.season < current || (m.rel == 0 && m.season == current) ? rc.year : rc.year - 1;
        } else if (m.rel == 1 || (m.rel == 0 && future)) {
            y = m.season > current || (m.rel == 0 && m.season == current) ? rc.year : rc.year + 1;
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
        } else if (future && q < current) {
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
        r.value = shifted_value(ref, m.unit, std::abs(m.rel), m.rel < 0 ? -1 : 1, false, first);
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
            // earlier, at that period's granularity.
            const std::string& period = narrative_period_.empty()
                                            ? (have_ref ? format_day(ref).substr(0, 7) : "")
                                            : narrative_period_;
            if (period.size() >= 4 && std::isdigit(static_cast<unsigned char>(period[0]))) {
                r.value =
                    format_year(std::atoi(period.substr(0, 4).c_str()) - 1) + period.substr(4);
                r.anchor = "narrative " + period + " -1Y";
                r.first = period_start(r.value);
                return r;
            }
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
        r.value = shifted_value(*base, m.unit, m.amount, m.rel < 0 ? -1 : 1, narrative || m.rel < 0,
                                first);
        r.first = first;
        if (r.value.size() == 10) {
            r.day = first;
        }
        return r;
    }
    case MentionKind::same_narrative: {
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
            if (m.rel == static_cast<int>(Holiday::easter)) {
                return easter_sunday(year);
            }
            const long nov1 = days_from_civil(year, 11, 1);
            return nov1 + (3 - weekday(nov1) + 7) % 7 + 21; // fourth Thursday of November
        };
        long d = on(rc.year);
        if (past && d > ref) {
            d = on(rc.year - 1);
        } else if (future && d < ref) {
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
        if (narrative_ && narrative_sentence_ == m.sentence) {
            base = narrative_;
            r.anchor = "sentence date " + format_day(*narrative_);
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
        std::isdigit(static_cast<unsigned char>(r.value[0]))) {
        narrative_period_ = r.value; // a month, quarter or half the text talks about
    }
    if (r.day && (m.type == TimexType::date || m.type == TimexType::time) &&
        m.kind != MentionKind::time_only) {
        narrative_ = r.day;
        narrative_sentence_ = m.sentence;
    }
    return r;
}

} // namespace eventmap::dates
