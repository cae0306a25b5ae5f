// Wrappers around a date core: modifiers ("about", "early", "the end of"), offsets ("two days
// later", "a day after X"), anaphoric periods ("that year") and accounting periods ("year-end").
#include "dates/calendar.hpp"
#include "dates/grammar_rules.hpp"

namespace eventmap::dates::detail {

bool Grammar::modified(std::size_t i, Mention& m) const {
    const Lex l = lex(i);
    // early/mid/late 2009, mid-2011, late June
    if (l == Lex::early || l == Lex::mid || l == Lex::late) {
        std::size_t j = punct(i + 1, '-') && attached(i + 1) ? i + 2 : i + 1;
        Mention inner;
        // "early next week", "late last year", "late Tuesday": the modifier is part of the
        // expression (TIMEX3 mod), the value that of the period it narrows
        // "the ferry was late Tuesday": an adjective of the subject, not a part of the day
        const bool predicate = l == Lex::late && i > 0 &&
                               (low(i - 1) == "was" || low(i - 1) == "were" || low(i - 1) == "is" ||
                                low(i - 1) == "are" || low(i - 1) == "be" || low(i - 1) == "been" ||
                                low(i - 1) == "running");
        const bool found = !predicate && core(j, inner);
        const bool relative = inner.kind == MentionKind::relative_unit ||
                              inner.kind == MentionKind::season ||
                              inner.kind == MentionKind::weekday;
        if (found && (!inner.fixed.empty() || relative) &&
            (inner.kind == MentionKind::fixed || inner.kind == MentionKind::month || relative) &&
            inner.type == TimexType::date && inner.mod.empty()) {
            m = inner;
            m.mod = l == Lex::early ? "START" : l == Lex::mid ? "MID" : "END";
            m.first_token = static_cast<std::uint32_t>(i);
            return true;
        }
        if (core(j, inner) && inner.kind == MentionKind::month) {
            m = inner;
            m.mod = l == Lex::early ? "START" : l == Lex::mid ? "MID" : "END";
            m.first_token = static_cast<std::uint32_t>(i);
            return true;
        }
        return false;
    }
    // the end/beginning/start/middle of X
    if (l == Lex::the &&
        (is(i + 1, Lex::end) || is(i + 1, Lex::beginning) || is(i + 1, Lex::start) ||
         is(i + 1, Lex::middle)) &&
        is(i + 2, Lex::of)) {
        Mention inner;
        if (is(i + 3, Lex::the) && is(i + 4, Lex::unit) &&
            (low(i + 4) == "year" || low(i + 4) == "month" || low(i + 4) == "week" ||
             low(i + 4) == "decade" || low(i + 4) == "century")) {
            // "the end of the year", "by the end of the decade": the current one
            m.kind = MentionKind::relative_unit;
            m.unit = static_cast<Unit>(toks_[i + 4].lex_value);
            m.rel = 0;
            m.mod = is(i + 1, Lex::end) ? "END" : is(i + 1, Lex::middle) ? "MID" : "START";
            finish(m, i, i + 5);
            return true;
        }
        if (core(i + 3, inner) && inner.type == TimexType::date &&
            inner.kind != MentionKind::offset_narrative &&
            !(inner.kind == MentionKind::fixed && inner.fixed.empty())) {
            m = inner;
            m.mod = is(i + 1, Lex::end) ? "END" : is(i + 1, Lex::middle) ? "MID" : "START";
            m.first_token = static_cast<std::uint32_t>(i);
            return true;
        }
        return false;
    }
    // earlier this year, later this month, earlier today
    if (l == Lex::earlier || l == Lex::later) {
        Mention inner;
        if (core(i + 1, inner) && (inner.kind == MentionKind::relative_unit) &&
            (is(i + 1, Lex::this_) || is(i + 1, Lex::today) || is(i + 1, Lex::last) ||
             is(i + 1, Lex::next) || is(i + 1, Lex::tonight))) {
            m = inner;
            m.first_token = static_cast<std::uint32_t>(i);
            return true;
        }
        return false;
    }
    // about ten days, around March 14, more than a year, at least 30 days
    std::size_t j = kNone;
    std::string mod;
    bool durations_only = false;
    switch (l) {
    case Lex::about:
    case Lex::around:
    case Lex::approximately:
    case Lex::roughly:
        j = i + 1;
        mod = "APPROX";
        break;
    case Lex::some:
        j = i + 1;
        mod = "APPROX";
        durations_only = true;
        break;
    case Lex::nearly:
    case Lex::almost:
    case Lex::under:
        j = i + 1;
        mod = "LESS_THAN";
        durations_only = true;
        break;
    case Lex::over:
        j = i + 1;
        mod = "MORE_THAN";
        durations_only = true;
        break;
    case Lex::more:
    case Lex::less:
        if (is(i + 1, Lex::than)) {
            j = i + 2;
            mod = l == Lex::more ? "MORE_THAN" : "LESS_THAN";
            durations_only = true;
        }
        break;
    case Lex::at:
        if (is(i + 1, Lex::least)) {
            j = i + 2;
            mod = "EQUAL_OR_MORE";
            durations_only = true;
        }
        break;
    case Lex::up:
        if (is(i + 1, Lex::to)) {
            j = i + 2;
            mod = "EQUAL_OR_LESS";
            durations_only = true;
        }
        break;
    default:
        break;
    }
    if (j == kNone) {
        return false;
    }
    Mention inner;
    if (amount_expression(j, inner) || (!durations_only && core(j, inner) && !inner.fixed.empty() &&
                                        inner.type == TimexType::date)) {
        if (durations_only && inner.type != TimexType::duration) {
            return false;
        }
        m = inner;
        m.mod = mod;
        m.first_token = static_cast<std::uint32_t>(i);
        return true;
    }
    if (!durations_only && core(j, inner) &&
        (inner.kind == MentionKind::month_day || inner.kind == MentionKind::weekday)) {
        m = inner;
        m.mod = mod;
        m.first_token = static_cast<std::uint32_t>(i);
        return true;
    }
    return false;
}

// An amount of units: a duration ("30 days", "12-year"), an offset ("two days later", "a week
// ago", "in two weeks") or an anchored date ("a day after the anniversary of ...").

bool Grammar::that_unit(std::size_t i, Mention& m) const {
    if (in_the_period(i, m)) {
        return true;
    }
    std::size_t j = i;
    const bool relation = is(j, Lex::earlier) || is(j, Lex::later);
    if (relation) {
        ++j;
    }
    // "by that time", "at that time": the time the text last named (not "that time of year",
    // "that time when ...", nor "at that time-honoured ...")
    if (!relation && low(j) == "that" && low(j + 1) == "time" && i > 0 &&
        same_sentence(i - 1, j + 1) && !is(j + 2, Lex::of) && low(j + 2) != "when" &&
        !(punct(j + 2, '-') && attached(j + 2))) {
        static constexpr std::string_view kBefore[] = {"by",   "at",    "until",  "since",
                                                       "from", "after", "before", "till"};
        for (std::string_view p : kBefore) {
            if (low(i - 1) == p) {
                m.kind = MentionKind::same_narrative;
                m.unit = Unit::day;
                m.that_time = true;
                finish(m, i, j + 2);
                return true;
            }
        }
        return false;
    }
    const bool part_of_day = is(j + 1, Lex::part_of_day) && !toks_[j + 1].capitalized;
    if (low(j) != "that" || !(is(j + 1, Lex::unit) || part_of_day) || !same_sentence(i, j + 1) ||
        (punct(j + 2, '-') && attached(j + 2))) {
        return false;
    }
    if (!relation) {
        static constexpr std::string_view kPrepositions[] = {
            "on", "by", "of", "for", "in", "until", "from", "since", "after", "before"};
        bool after_preposition = i == 0 || !same_sentence(i - 1, i);
        for (std::string_view p : kPrepositions) {
            after_preposition = after_preposition || low(i - 1) == p;
        }
        if (!after_preposition) {
            return false;
        }
    }
    const std::string_view unit = low(j + 1);
    if (part_of_day) {
        // "That night, rescuers arrived": the part of the day of the last date the text gave
        m.type = TimexType::time;
        m.unit = Unit::day;
        m.time_suffix = day_part_code(toks_[j + 1].lex_value);
    } else if (unit == "day") {
        m.unit = Unit::day;
    } else if (unit == "week") {
        m.unit = Unit::week;
    } else if (unit == "month") {
        m.unit = Unit::month;
    } else if (unit == "quarter") {
        m.unit = Unit::quarter;
    } else if (unit == "year") {
        m.unit = Unit::year;
    } else {
        return false;
    }
    m.kind = MentionKind::same_narrative;
    finish(m, i, j + 2);
    return true;
}

// "earlier in the week", "later in the month", "late in the year": the reference's period
// (as "earlier this week" is), early/late giving mod START/END; "the day" is found elsewhere.
bool Grammar::in_the_period(std::size_t i, Mention& m) const {
    if (!(is(i, Lex::earlier) || is(i, Lex::later) || is(i, Lex::early) || is(i, Lex::late)) ||
        !is(i + 1, Lex::in) || !is(i + 2, Lex::the) || !is(i + 3, Lex::unit) ||
        !same_sentence(i, i + 3) || (punct(i + 4, '-') && attached(i + 4))) {
        return false;
    }
    const std::string_view unit = low(i + 3);
    if (unit == "week") {
        m.unit = Unit::week;
    } else if (unit == "month") {
        m.unit = Unit::month;
    } else if (unit == "year") {
        m.unit = Unit::year;
    } else {
        return false;
    }
    m.kind = MentionKind::relative_unit;
    m.rel = 0;
    m.mod = is(i, Lex::early) ? "START" : is(i, Lex::late) ? "END" : "";
    finish(m, i, i + 4);
    return true;
}

// "by year-end", "since year end": the last day of the reference's year (of the year before
// after "since" or in a past clause); "year-end bonuses" describe a payment, not a time.
bool Grammar::year_end(std::size_t i, Mention& m) const {
    if (low(i) != "year") {
        return false;
    }
    std::size_t k = i + 1;
    if (punct(k, '-') && attached(k) && attached(k + 1)) {
        ++k;
    }
    if (low(k) != "end" || !same_sentence(i, k) || modifies_next_word(k)) {
        return false;
    }
    m.kind = MentionKind::month_day;
    m.month = 12;
    m.day = 31;
    if (i > 0 && is(i - 1, Lex::since)) {
        m.tense = Tense::past;
    }
    finish(m, i, k + 1);
    return true;
}

} // namespace eventmap::dates::detail
