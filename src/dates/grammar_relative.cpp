// Relative and deictic dates: "last month", "three years ago", "yesterday", "this weekend", and
// the phrases opened by "the" ("the past decade", "the same day", "the year-earlier quarter").
#include "dates/calendar.hpp"
#include "dates/grammar_rules.hpp"

namespace eventmap::dates::detail {

bool Grammar::relative_core(std::size_t i, Mention& m) const {
    const Lex l = lex(i);
    int rel = 0;
    switch (l) {
    case Lex::last:
    case Lex::previous:
    case Lex::past:
        rel = -1;
        break;
    case Lex::next:
    case Lex::coming:
    case Lex::upcoming:
    case Lex::following:
        rel = 1;
        break;
    case Lex::this_:
    case Lex::current: // "the current year"
        rel = 0;
        break;
    default:
        return false;
    }
    if (l == Lex::current && !is(i + 1, Lex::unit) && !is(i + 1, Lex::fiscal)) {
        return false;
    }
    const std::size_t j = i + 1;
    if (const Token* t = at(j); t == nullptr || !same_sentence(i, j)) {
        return false;
    }
    // "last year's second quarter", "next year's first half"
    if (is(j, Lex::unit) && low(j) == "year" && punct(j + 1, '\'') && low(j + 2) == "s" &&
        (l == Lex::this_ || l == Lex::last || l == Lex::next)) {
        Mention q;
        if (quarter_core(j + 3, q) && q.kind == MentionKind::quarter && q.quarter > 0) {
            m = q;
            m.rel = rel;
            m.first_token = static_cast<std::uint32_t>(i);
            return true;
        }
    }
    const bool after_the = i > 0 && is(i - 1, Lex::the);
    Unit unit = Unit::day;
    bool plural = false;
    // "this fiscal year", "last fiscal quarter": TimeBank gives them calendar values (1989)
    if (is(j, Lex::fiscal) && unit_at(j + 1, unit, plural) != kNone && !plural &&
        (unit == Unit::year || unit == Unit::quarter)) {
        m.kind = MentionKind::relative_unit;
        m.unit = unit;
        m.rel = rel;
        finish(m, i, j + 2);
        return true;
    }
    if (unit_at(j, unit, plural) != kNone && !plural) {
        if (after_the && l == Lex::past && unit != Unit::day) {
            // "the past decade", "over the last year": a period reaching back to now.
            m.type = TimexType::duration;
            m.kind = MentionKind::fixed;
            m.fixed = duration_value(1, unit);
            m.anchored = -1; // it ends now
            m.unit = unit;
            m.amount = 1;
            finish(m, i, j + 1);
            return true;
        }
        if (after_the && (l == Lex::next || l == Lex::following || l == Lex::previous)) {
            m.kind = MentionKind::offset_narrative;
            m.unit = unit;
            m.amount = 1;
            m.rel = rel;
            m.anaphoric = true; // names a calendar period: "the following week" is a week
            finish(m, i, j + 1);
            return true;
        }
        if (unit == Unit::day) {
            return false; // "this day", "next day" without "the": rare and vague
        }
        m.kind = MentionKind::relative_unit;
        m.unit = unit;
        m.rel = rel;
        finish(m, i, j + 1);
        return true;
    }
    if (is(j, Lex::weekday)) {
        m.kind = MentionKind::weekday;
        m.weekday = toks_[j].lex_value;
        m.rel = l == Lex::this_ ? 2 : rel;
        // TimeML's anaphoric "the previous Friday" / "the following Monday": relative to the
        // story's last day, where "last Friday" / "next Monday" are relative to the speaker's
        m.anaphoric = after_the && (l == Lex::next || l == Lex::previous || l == Lex::following);
        finish(m, i, j + 1);
        part_of_day_suffix(j + 1, m);
        return true;
    }
    int month = 0;
    bool ambiguous = false;
    if (std::size_t k = month_at(j, month, ambiguous); k != kNone) {
        // "last Oct. 23", "next June 5": the nearest such day before or after the reference
        int day = 0;
        if (const std::size_t d = day_at(k, day); d != kNone && l != Lex::this_ &&
                                                  day <= days_in_month(2000, month) &&
                                                  !(punct(d, ':') && attached(d))) {
            m.kind = MentionKind::month_day;
            m.month = month;
            m.day = day;
            m.tense = rel < 0 ? Tense::past : Tense::future;
            m.rel = rel; // strictly before or after: no slack for a day just ahead
            finish(m, i, d);
            return true;
        }
        m.kind = MentionKind::month;
        m.month = month;
        m.rel = l == Lex::this_ ? 2 : rel;
        m.anaphoric = after_the && (l == Lex::next || l == Lex::previous || l == Lex::following);
        finish(m, i, k);
        return true;
    }
    if (is(j, Lex::season)) {
        m.kind = MentionKind::season;
        m.season = toks_[j].lex_value;
        m.rel = l == Lex::this_ ? 2 : rel;
        // "the following spring", "the previous winter": from the time the text last named
        m.anaphoric = after_the && (l == Lex::next || l == Lex::following || l == Lex::previous);
        finish(m, i, j + 1);
        return true;
    }
    if (is(j, Lex::part_of_day) && after_the && (l == Lex::next || l == Lex::following)) {
        // "the next morning", "the following evening": the day after the story's last date
        m.kind = MentionKind::offset_narrative;
        m.unit = Unit::day;
        m.amount = 1;
        m.rel = 1;
        m.type = TimexType::time;
        m.time_suffix = day_part_code(toks_[j].lex_value);
        finish(m, i, j + 1);
        return true;
    }
    if (is(j, Lex::part_of_day) && (l == Lex::this_ || l == Lex::last)) {
        // "this morning", "last night"
        m.kind = MentionKind::relative_unit;
        m.unit = Unit::day;
        m.rel = l == Lex::last ? -1 : 0;
        m.type = TimexType::time;
        m.time_suffix = day_part_code(toks_[j].lex_value);
        finish(m, i, j + 1);
        return true;
    }
    return false;
}

bool Grammar::deictic_core(std::size_t i, Mention& m) const {
    int rel = 0;
    switch (lex(i)) {
    case Lex::today:
        // "told USA Today", "on the Today show": a newspaper's or programme's name
        if (toks_[i].capitalized && i > 0 && same_sentence(i - 1, i) &&
            (low(i - 1) == "usa" || low(i + 1) == "show" || low(i + 1) == "program" ||
             low(i + 1) == "programme")) {
            return false;
        }
        if (generic_today(i)) {
            m.kind = MentionKind::fixed;
            m.fixed = "PRESENT_REF";
            finish(m, i, i + 1);
            return true;
        }
        rel = 0;
        break;
    case Lex::tonight:
        rel = 0;
        m.time_suffix = "TNI";
        m.type = TimexType::time;
        break;
    case Lex::yesterday:
        rel = -1;
        break;
    case Lex::tomorrow:
        rel = 1;
        break;
    default:
        return false;
    }
    m.kind = MentionKind::relative_unit;
    m.unit = Unit::day;
    m.rel = rel;
    finish(m, i, i + 1);
    if (m.time_suffix.empty()) {
        part_of_day_suffix(i + 1, m);
    }
    return true;
}

// "the year before", "the day after", "the year previous": a unit counted from the time the
// text last named (TimeML anchors it there), like "a year earlier". With an object ("the day
// after the vote") the unit hangs on an event instead, which is another rule's.
bool Grammar::unit_before_or_after(std::size_t i, Mention& m) const {
    Unit unit = Unit::day;
    bool plural = false;
    const std::size_t j = i + 1;
    if (unit_at(j, unit, plural) == kNone || plural ||
        !(unit == Unit::day || unit == Unit::week || unit == Unit::month || unit == Unit::year)) {
        return false;
    }
    const std::size_t k = j + 1;
    const std::string_view w = low(k);
    const bool adverb = w == "previous" || w == "earlier" || w == "later";
    const bool preposition = is(k, Lex::before) || is(k, Lex::after);
    if (!(adverb || preposition) || !same_sentence(j, k)) {
        return false;
    }
    // a preposition must end its phrase: a clause boundary or the end of the text after it
    const bool ends = at(k + 1) == nullptr || !same_sentence(k, k + 1) ||
                      (toks_[k + 1].kind == TokenKind::punct && toks_[k + 1].punct != '\'' &&
                       toks_[k + 1].punct != '-') ||
                      low(k + 1) == "and" || low(k + 1) == "but";
    if (preposition && !ends) {
        return false;
    }
    m.kind = MentionKind::offset_narrative;
    m.unit = unit;
    m.amount = 1;
    m.rel = (w == "after" || w == "later") ? 1 : -1;
    finish(m, i, k + 1);
    return true;
}

bool Grammar::the_core(std::size_t i, Mention& m) const {
    if (!is(i, Lex::the)) {
        return false;
    }
    const std::size_t j = i + 1;
    // the 21st of August [2013]
    if (const Token* t = at(j);
        t != nullptr && (t->ordinal || t->lex == Lex::ordinal_word) && is(j + 1, Lex::of)) {
        Mention d;
        if (day_first(j, d)) {
            m = d;
            m.first_token = static_cast<std::uint32_t>(i);
            return true;
        }
    }
    // "the week of March 3": the ISO week holding that day
    if (is(j, Lex::unit) && low(j) == "week" && is(j + 1, Lex::of)) {
        Mention d;
        if ((month_first(j + 2, d) || day_first(j + 2, d)) &&
            (d.kind == MentionKind::month_day ||
             (d.kind == MentionKind::fixed && d.explicit_day))) {
            m = d;
            m.week_of = true;
            m.first_token = static_cast<std::uint32_t>(i);
            return true;
        }
    }
    // the 1990s, the '80s; in words, "the nineteen sixties", "the eighties"
    if (year_core(j, m) && m.fixed.size() == 3) {
        m.first_token = static_cast<std::uint32_t>(i);
        return true;
    }
    if (std::size_t k = spelled_decade_at(j, m.fixed); k != kNone) {
        m.kind = MentionKind::fixed;
        finish(m, i, k);
        return true;
    }
    m = Mention{};
    // the 20th century
    int n = 0;
    if (std::size_t k = ordinal_at(j, n);
        k != kNone && is(k, Lex::unit) && low(k) == "century" && n >= 1 && n <= 30) {
        m.kind = MentionKind::fixed;
        m.fixed = two_digits(n - 1);
        finish(m, i, k + 1);
        return true;
    }
    if (unit_before_or_after(i, m)) {
        return true;
    }
    // the same period/month/quarter last year, a year ago, a year earlier
    if (is(j, Lex::same) && (low(j + 1) == "period" || low(j + 1) == "time" ||
                             (is(j + 1, Lex::unit) && low(j + 1) != "day"))) {
        std::size_t k = j + 2;
        if (is(k, Lex::of) && is(k + 1, Lex::the)) {
            k += 2; // "the same week of the last year": "of the" between
        } else if (is(k, Lex::of)) {
            ++k;
        }
        std::size_t end = kNone;
        if ((is(k, Lex::last) || is(k, Lex::previous)) && is(k + 1, Lex::unit) &&
            low(k + 1) == "year") {
            end = k + 2;
        } else if (is(k, Lex::article) && is(k + 1, Lex::unit) && low(k + 1) == "year" &&
                   (is(k + 2, Lex::ago) || is(k + 2, Lex::earlier) || is(k + 2, Lex::before))) {
            end = k + 3;
        }
        if (end != kNone) {
            m.kind = MentionKind::offset_narrative;
            m.unit = Unit::year;
            m.amount = 1;
            m.rel = -1;
            m.same_period = true;
            finish(m, i, end);
            return true;
        }
    }
    // "the 2011 second quarter", "the 2012 period", "the comparable 2012 quarter" (the
    // report's quarter in that year)
    const std::size_t y = low(j) == "comparable" || low(j) == "corresponding" ? j + 1 : j;
    if (int year = 0; year_at(y, year) != kNone && plain_number(y)) {
        Mention q;
        if (quarter_core(y + 1, q) && q.kind == MentionKind::quarter && q.quarter > 0) {
            m.kind = MentionKind::fixed;
            m.fixed = format_year(year) + (q.half ? "-H" : "-Q") + std::to_string(q.quarter);
            finish(m, i, q.last_token);
            return true;
        }
        if (low(y + 1) == "period" || (is(y + 1, Lex::unit) && low(y + 1) == "quarter")) {
            m.kind = MentionKind::offset_narrative;
            m.unit = Unit::quarter;
            m.same_period = true;
            m.amount = 0;
            m.period_year = year; // the report's quarter, in this year
            finish(m, i, y + 2);
            return true;
        }
    }
    // Earnings-report periods: "the quarter", "the latest quarter" are the quarter the report
    // is about; "the year-earlier quarter", "the year-ago period" the same one a year before.
    {
        std::size_t k = j;
        int years_back = 0;
        if (low(k) == "latest") {
            ++k;
        } else if (low(k) == "most" && is(k + 1, Lex::recent)) {
            k += 2; // "the most recent quarter"
        } else if (year_earlier_at(k)) {
            years_back = 1;
            k += 3;
        } else if (is(k, Lex::previous) && punct(k + 1, '-') && attached(k + 1) &&
                   attached(k + 2) && is(k + 2, Lex::unit) && low(k + 2) == "year") {
            years_back = 1; // "the prior-year quarter", "the prior-year period"
            k += 3;
        }
        if (low(k) == "comparable" || is(k, Lex::fiscal)) {
            ++k;
        }
        // "the year-earlier third quarter", "the year-ago second quarter": that quarter of the
        // year before the reference's
        if (int nth = 0; years_back == 1 && ordinal_at(k, nth) != kNone && nth <= 4 &&
                         is(k + 1, Lex::unit) && low(k + 1) == "quarter") {
            m.kind = MentionKind::quarter;
            m.quarter = nth;
            m.rel = -1;
            finish(m, i, k + 2);
            return true;
        }
        const bool quarter = is(k, Lex::unit) && low(k) == "quarter";
        if ((quarter || (low(k) == "period" && years_back == 1)) &&
            !(punct(k + 1, '-') && attached(k + 1))) {
            m.kind = MentionKind::offset_narrative;
            m.unit = Unit::quarter;
            m.amount = years_back;
            m.rel = -1;
            m.same_period = true;
            finish(m, i, k + 1);
            return true;
        }
    }
    // "the fiscal year" of a report is the one under way, "the latest fiscal year" the last one
    // closed; valued as calendar years, as "this fiscal year" is (where a company's fiscal
    // calendar starts, nothing here says). "the fiscal year 2014" is left to the year rule.
    {
        const bool latest = low(j) == "latest";
        const std::size_t k = latest ? j + 1 : j;
        int year = 0;
        if (is(k, Lex::fiscal) && is(k + 1, Lex::unit) && low(k + 1) == "year" &&
            year_at(k + 2, year) == kNone) {
            m.kind = MentionKind::relative_unit;
            m.unit = Unit::year;
            m.rel = latest ? -1 : 0;
            finish(m, i, k + 2);
            return true;
        }
    }
    // the same day / that day
    if (is(j, Lex::same) && is(j + 1, Lex::unit) && low(j + 1) == "day") {
        m.kind = MentionKind::same_narrative;
        finish(m, i, j + 2);
        return true;
    }
    // the day before yesterday / the day after tomorrow
    if (is(j, Lex::unit) && low(j) == "day") {
        if (is(j + 1, Lex::before) && is(j + 2, Lex::yesterday)) {
            m.kind = MentionKind::relative_unit;
            m.unit = Unit::day;
            m.rel = -2;
            finish(m, i, j + 3);
            return true;
        }
        if (is(j + 1, Lex::after) && is(j + 2, Lex::tomorrow)) {
            m.kind = MentionKind::relative_unit;
            m.unit = Unit::day;
            m.rel = 2;
            finish(m, i, j + 3);
            return true;
        }
        // the day after X / the day before X
        if ((is(j + 1, Lex::after) || is(j + 1, Lex::before)) && same_sentence(j, j + 2)) {
            Mention target;
            if (anchor_target(j + 2, target)) {
                m = target;
                m.shift_days += is(j + 1, Lex::after) ? 1 : -1;
                m.anchor_note = (target.anchor_note.empty() ? target.fixed : target.anchor_note);
                m.first_token = static_cast<std::uint32_t>(i);
                return true;
            }
        }
    }
    // the past/next three years: a duration
    if (is(j, Lex::past) || is(j, Lex::last) || is(j, Lex::next) || is(j, Lex::coming) ||
        is(j, Lex::previous) || is(j, Lex::following) || low(j) == "first") {
        double amount = 0;
        std::size_t k = amount_at(j + 1, amount);
        if (k != kNone && amount < 0 && (is(j, Lex::past) || is(j, Lex::last))) {
            // "the past few months" is TimeBank's PAST_REF ("the next few days" stays PXD)
            Unit unit = Unit::day;
            bool plural = false;
            if (std::size_t u = unit_at(k, unit, plural); u != kNone) {
                m.kind = MentionKind::fixed;
                m.fixed = "PAST_REF";
                finish(m, i, u);
                return true;
            }
        }
        if (k != kNone && !is(j + 1, Lex::article)) {
            Unit unit = Unit::day;
            bool plural = false;
            std::size_t u = unit_at(k, unit, plural);
            if (u == kNone && at(k) != nullptr && toks_[k].kind == TokenKind::word &&
                toks_[k].lex == Lex::none && !toks_[k].capitalized) {
                u = unit_at(k + 1, unit, plural); // "five trading days", "six straight days"
            }
            if (u != kNone) {
                m.type = TimexType::duration;
                m.kind = MentionKind::fixed;
                m.fixed = duration_value(amount, unit);
                // "the past three years" ends now; "the next two weeks" starts now; "the first
                // two days" and "the following decade" are anchored elsewhere.
                m.anchored = is(j, Lex::past) || is(j, Lex::last)     ? -1
                             : is(j, Lex::next) || is(j, Lex::coming) ? 1
                                                                      : 0;
                m.unit = unit;
                m.amount = amount;
                finish(m, i, u);
                return true;
            }
        }
        Unit unit = Unit::day;
        bool plural = false;
        if (is(j, Lex::coming) && unit_at(j + 1, unit, plural) != kNone && plural) {
            m.kind = MentionKind::fixed;
            m.fixed = "FUTURE_REF";
            finish(m, i, j + 2);
            return true;
        }
        if ((is(j, Lex::past) || is(j, Lex::last)) && unit_at(j + 1, unit, plural) != kNone &&
            plural) {
            m.kind = MentionKind::fixed;
            m.fixed = "PAST_REF";
            finish(m, i, j + 2);
            return true;
        }
    }
    // "the digital age", "the modern era": the present as an age
    if ((low(j) == "digital" || low(j) == "modern" || low(j) == "information" ||
         low(j) == "internet") &&
        (low(j + 1) == "age" || low(j + 1) == "era")) {
        m.kind = MentionKind::fixed;
        m.fixed = "PRESENT_REF";
        finish(m, i, j + 2);
        return true;
    }
    // the future / (in) the past
    if (low(j) == "future" && !(is(j + 1, Lex::of))) {
        m.kind = MentionKind::fixed;
        m.fixed = "FUTURE_REF";
        finish(m, i, j + 1);
        return true;
    }
    // "a high for the year", "the opening eight weeks of the year": the reference's year
    if (is(j, Lex::unit) && low(j) == "year" && the_year_of_reference(i)) {
        m.kind = MentionKind::relative_unit;
        m.unit = Unit::year;
        m.rel = 0;
        finish(m, i, j + 1);
        return true;
    }
    // (on) the day: the day the story is about, unless the day is named right after it
    // ("during the day Tuesday": only the weekday is the expression)
    if (is(j, Lex::unit) && low(j) == "day" && i > 0 &&
        (is(i - 1, Lex::on) || is(i - 1, Lex::for_) || is(i - 1, Lex::during) ||
         is(i - 1, Lex::in) || is(i - 1, Lex::over) || low(i - 1) == "throughout" ||
         low(i - 1) == "end" || low(i - 1) == "ended" || low(i - 1) == "ending" ||
         low(i - 1) == "finish" || low(i - 1) == "finished" || low(i - 1) == "finishing" ||
         low(i - 1) == "close" || low(i - 1) == "closed" || low(i - 1) == "closing") &&
        !(is(j + 1, Lex::after) || is(j + 1, Lex::before) || is(j + 1, Lex::of) ||
          low(j + 1) == "when" || is(j + 1, Lex::that) || punct(j + 1, '\'') ||
          names_a_day(j + 1))) {
        m.kind = MentionKind::same_narrative;
        finish(m, i, j + 1);
        return true;
    }
    // the past (as a time), the last year, the next week
    if (is(j, Lex::past) && at(j + 1) != nullptr && toks_[j + 1].kind != TokenKind::number &&
        !is(j + 1, Lex::unit) && !is(j + 1, Lex::number_word) && !is(j + 1, Lex::article) &&
        low(j + 1) != "few") {
        m.kind = MentionKind::fixed;
        m.fixed = "PAST_REF";
        finish(m, i, j + 1);
        return true;
    }
    if (relative_core(j, m) || quarter_core(j, m)) {
        m.first_token = static_cast<std::uint32_t>(i);
        return true;
    }
    m = Mention{};
    // the weekend
    if (is(j, Lex::unit) && low(j) == "weekend") {
        m.kind = MentionKind::relative_unit;
        m.unit = Unit::weekend;
        m.rel = 3; // by tense, in the resolver
        finish(m, i, j + 1);
        return true;
    }
    return false;
}

// "the year" at i as the year of the reference: after "for", "during", "throughout", or "of"
// after a part of a period ("the end of the year", "the opening eight weeks of the year"); not when
// a clause or qualifier follows that makes it another year ("the year ended June 30", "the year
// before", "the year of the flood", "the year-earlier quarter", "the year 2000").
bool Grammar::the_year_of_reference(std::size_t i) const {
    if (i == 0 || toks_[i + 1].capitalized) {
        return false;
    }
    const std::size_t before = i - 1;
    bool introduced =
        is(before, Lex::for_) || is(before, Lex::during) || low(before) == "throughout";
    if (is(before, Lex::of) && before > 0) {
        static constexpr std::string_view kParts[] = {"end",     "beginning", "start",     "middle",
                                                      "half",    "rest",      "remainder", "part",
                                                      "balance", "close"};
        const std::string_view part = low(before - 1);
        introduced = is(before - 1, Lex::unit) && part != "year";
        for (std::string_view p : kParts) {
            introduced = introduced || part == p;
        }
    }
    if (!introduced) {
        return false;
    }
    const std::size_t next = i + 2;
    if (at(next) == nullptr || !same_sentence(i, next)) {
        return true;
    }
    // "a low for the year of $18.25", "a peak for the year of 4,100 points": the level reached,
    // not a year named by what follows
    const bool level_after = is(next, Lex::of) && at(next + 1) != nullptr &&
                             (toks_[next + 1].kind == TokenKind::number || punct(next + 1, '$'));
    if (toks_[next].kind == TokenKind::number || (punct(next, '-') && attached(next)) ||
        (punct(next, '\'') && attached(next)) || is(next, Lex::before) || is(next, Lex::after) ||
        (is(next, Lex::of) && !level_after) || is(next, Lex::earlier) || is(next, Lex::ago) ||
        is(next, Lex::that) || is(next, Lex::in) || is(next, Lex::since) ||
        is(next, Lex::number_word)) {
        return false;
    }
    static constexpr std::string_view kClauses[] = {"ended",    "ending", "when",    "which",
                                                    "previous", "prior",  "through", "to"};
    const std::string_view w = low(next);
    for (std::string_view c : kClauses) {
        if (w == c) {
            return false;
        }
    }
    return true;
}

} // namespace eventmap::dates::detail
