// Expressions whose value hangs on the discourse or on a day the phrase itself names, following
// the TimeML/TIMEX3 guidelines: "that night" and "that December" (the time the story last
// named), "the following June" after a year, "the last quarter of 2012", "the week before
// last", "this past weekend", "a week from Friday". Tried by match() before the other families
// so that, at equal length, these readings win.
#include "dates/calendar.hpp"
#include "dates/grammar_rules.hpp"
#include "dates/reference_arithmetic.hpp"

#include <cmath>

namespace eventmap::dates::detail {

namespace {

constexpr std::string_view kAnaphoraPrepositions[] = {
    "on", "by", "in", "of", "during", "until", "from", "since", "after", "before", "throughout"};

// Verbs whose "that" is a conjunction ("said that night patrols would double").
constexpr std::string_view kReportingVerbs[] = {
    "said",  "says",    "say",   "told",   "tells",  "added",    "announced", "reported",
    "noted", "warned",  "knew",  "know",   "think",  "thought",  "believe",   "believed",
    "felt",  "claimed", "hoped", "feared", "argued", "insisted", "stated",    "suggested"};

// Words that can follow an adverbial "that night" after a verb ("fighting resumed that night
// near the river", "he died that night in hospital"): a preposition or a clause's start. A
// noun or a verb after it ("saw that night patrols", "that night was cold") leaves "that" a
// conjunction or determiner of a subject, so nothing is read there.
constexpr std::string_view kAfterAdverbial[] = {
    "in",     "at",    "near", "on",   "outside", "inside", "after", "before", "when",
    "as",     "and",   "to",   "from", "around",  "while",  "until", "with",   "during",
    "across", "along", "but",  "amid", "against", "for",    "into",  "off",    "over"};

} // namespace

bool Grammar::discourse_rule(std::size_t i, Mention& m) const {
    // Most tokens open none of these. Every rule below writes `m` only when it matches, except
    // relative_core under this_past: a failed try must leave `m` as fresh as it came (the next
    // rule of match() reads it).
    bool found = false;
    switch (lex(i)) {
    case Lex::the:
        found = year_earlier_month(i, m) || nth_weekday_of_month(i, m) || week_of_day(i, m) ||
                quarter_of_year(i + 1, i, m) || unit_before_last(i, m) || anaphoric_month(i, m) ||
                day_of_month(i, m) || season_of_year(i, m);
        break;
    case Lex::early:
    case Lex::late:
        found = early_or_late_time(i, m);
        if (!found) {
            m = Mention{};
        }
        break;
    case Lex::last:
        found = quarter_of_year(i, i, m);
        break;
    case Lex::this_:
        found = this_past(i, m);
        if (!found) {
            m = Mention{};
        }
        break;
    case Lex::that:
    case Lex::earlier:
    case Lex::later:
        found = that_anaphor(i, m);
        break;
    case Lex::article:
    case Lex::number_word:
        found = offset_from_day(i, m) || units_time(i, m) || ago_today(i, m);
        break;
    case Lex::after:
        found = after_hours(i, m);
        break;
    default:
        if (toks_[i].kind != TokenKind::number) {
            return false;
        }
        found = offset_from_day(i, m) || units_time(i, m) || ago_today(i, m);
        break;
    }
    return found;
}

// "the last quarter of 2012", "the final half of 2010": one expression (2012-Q4), not "the last
// quarter" (the one before the reference) followed by the year. `first`: where the span opens.
bool Grammar::quarter_of_year(std::size_t i, std::size_t first, Mention& m) const {
    Mention q;
    if (!(is(i, Lex::last) || low(i) == "final") || !quarter_core(i, q) ||
        q.kind != MentionKind::fixed || q.fixed.empty()) {
        return false;
    }
    m = q;
    m.first_token = static_cast<std::uint32_t>(first);
    return true;
}

// "the week before last" (two weeks back), "the year after next", "the day before yesterday",
// "the day after tomorrow": a relative period two units from the reference.
bool Grammar::unit_before_last(std::size_t i, Mention& m) const {
    Unit unit = Unit::day;
    bool plural = false;
    const std::size_t u = i + 1;
    if (unit_at(u, unit, plural) == kNone || plural || !same_sentence(i, u + 2)) {
        return false;
    }
    const bool before = is(u + 1, Lex::before);
    const bool after = is(u + 1, Lex::after);
    const std::size_t w = u + 2;
    const bool day = unit == Unit::day;
    const bool matched = (before && (day ? is(w, Lex::yesterday) : is(w, Lex::last))) ||
                         (after && (day ? is(w, Lex::tomorrow) : is(w, Lex::next)));
    if (!matched || !(day || unit == Unit::week || unit == Unit::weekend || unit == Unit::month ||
                      unit == Unit::year)) {
        return false;
    }
    m.kind = MentionKind::relative_unit;
    m.unit = unit;
    m.rel = before ? -2 : 2;
    finish(m, i, w + 1);
    return true;
}

// "this past weekend", "this past Sunday": "this" belongs to the expression, whose value is
// that of "past weekend" (the last one).
bool Grammar::this_past(std::size_t i, Mention& m) const {
    if (!is(i + 1, Lex::past) || !relative_core(i + 1, m) || m.type != TimexType::date ||
        !(m.kind == MentionKind::relative_unit || m.kind == MentionKind::weekday)) {
        return false;
    }
    m.first_token = static_cast<std::uint32_t>(i);
    return true;
}

// "fighting resumed that night near the river": "that" + a part of the day after a verb that
// does not report speech or thought, closed by the sentence's end, a comma or a preposition.
bool Grammar::adverbial_part_of_day(std::size_t i, std::size_t k) const {
    if (i == 0 || !is(k, Lex::part_of_day) || toks_[i - 1].kind != TokenKind::word) {
        return false;
    }
    if (low_in(i - 1, kReportingVerbs)) {
        return false;
    }
    if (at(k + 1) == nullptr || !same_sentence(k, k + 1) || punct(k + 1, ',') ||
        punct(k + 1, '.')) {
        return true;
    }
    return low_in(k + 1, kAfterAdverbial);
}

// "that night", "later that evening", "that December": the story's last day with that part of
// the day, or that month in the year of the last date the text gave. "that" must open the
// sentence or follow a preposition or earlier/later, as with "that year": "said that night
// falls early" has a conjunction.
bool Grammar::that_anaphor(std::size_t i, Mention& m) const {
    std::size_t j = i;
    const bool relation = is(j, Lex::earlier) || is(j, Lex::later);
    if (relation) {
        ++j;
    }
    if (low(j) != "that" || !same_sentence(j, j + 1)) {
        return false;
    }
    const bool opens =
        relation || i == 0 || !same_sentence(i - 1, i) || low_in(i - 1, kAnaphoraPrepositions);
    std::size_t k = j + 1;
    if (low(k) == "same") {
        ++k; // "that same night"
    }
    if (!opens && !adverbial_part_of_day(i, k)) {
        return false;
    }
    if (is(k, Lex::part_of_day) && !(punct(k + 1, '-') && attached(k + 1))) {
        m.kind = MentionKind::same_narrative;
        m.unit = Unit::day;
        m.type = TimexType::time;
        m.time_suffix = day_part_code(toks_[k].lex_value);
        finish(m, i, k + 1);
        return true;
    }
    int month = 0;
    bool ambiguous = false;
    const std::size_t e = month_at(k, month, ambiguous);
    if (e == kNone || (ambiguous && !toks_[k].capitalized) || e != k + 1) {
        return false;
    }
    m.kind = MentionKind::month;
    m.month = month;
    m.anaphoric = true;
    finish(m, i, e);
    return true;
}

// "the following June", "the previous March": the next or last such month after or before the
// time the text last named ("Sales fell in 2008. The following June ..." is 2009-06).
bool Grammar::anaphoric_month(std::size_t i, Mention& m) const {
    const std::size_t j = i + 1;
    if (!(is(j, Lex::following) || is(j, Lex::previous) || is(j, Lex::next))) {
        return false;
    }
    int month = 0;
    bool ambiguous = false;
    const std::size_t e = month_at(j + 1, month, ambiguous);
    if (e == kNone || e != j + 2 || !same_sentence(j, j + 1)) {
        return false;
    }
    m.kind = MentionKind::month;
    m.month = month;
    m.rel = is(j, Lex::previous) ? -1 : 1;
    m.anaphoric = true;
    finish(m, i, e);
    return true;
}

// "on the 3rd", "by the 15th", "the 21st of next month": a day of the reference's month (of the
// story's, in a story), the month by tense; "of next/last/this month" fixes it. Only after a
// preposition of time and not before a noun ("on the 3rd floor", "the 5th Avenue").
bool Grammar::day_of_month(std::size_t i, Mention& m) const {
    static constexpr std::string_view kBefore[] = {
        "on", "by", "until", "since", "before", "after", "from", "till", "through", "for", "to"};
    const Token* t = at(i + 1);
    if (i == 0 || t == nullptr || t->kind != TokenKind::number || !t->ordinal || t->value < 1 ||
        t->value > 31 || !same_sentence(i - 1, i + 1)) {
        return false;
    }
    if (!low_in(i - 1, kBefore)) {
        return false;
    }
    const std::size_t k = i + 2;
    int rel = 0;
    bool month_named = false;
    if (is(k, Lex::of) && is(k + 2, Lex::unit) && low(k + 2) == "month" &&
        (is(k + 1, Lex::next) || is(k + 1, Lex::last) || is(k + 1, Lex::this_))) {
        rel = is(k + 1, Lex::next) ? 1 : is(k + 1, Lex::last) ? -1 : 0;
        month_named = true;
    } else if (const Token* next = at(k); next != nullptr && same_sentence(i, k)) {
        static constexpr std::string_view kFollowers[] = {
            "and", "or", "at", "when", "in", "to", "as", "but", "with", "for", "because", "after"};
        const bool follower =
            (next->kind == TokenKind::punct && !(next->punct == '-' && attached(k))) ||
            low_in(k, kFollowers);
        if (!follower) {
            return false;
        }
    }
    m.kind = MentionKind::month;
    m.month = 0; // the month comes from the reference
    m.day = static_cast<int>(t->value);
    if (month_named) {
        m.rel = rel;
        m.tense = rel < 0 ? Tense::past : rel > 0 ? Tense::future : Tense::present;
        m.year_offset = rel; // marks the month as named: resolved without slack
    }
    finish(m, i, month_named ? k + 3 : k);
    return true;
}

// "the first Tuesday in November", "the last Monday of May 2012": that day of the month (of
// the year written, else of the month's year by tense, as for a month alone).
bool Grammar::nth_weekday_of_month(std::size_t i, Mention& m) const {
    int n = 0;
    std::size_t w = ordinal_at(i + 1, n);
    if (is(i + 1, Lex::last)) {
        n = -1;
        w = i + 2;
    }
    if (w == kNone || n == 0 || n > 4 || !is(w, Lex::weekday) ||
        !(is(w + 1, Lex::in) || is(w + 1, Lex::of)) || !same_sentence(i, w + 2)) {
        return false;
    }
    int month = 0;
    bool ambiguous = false;
    const std::size_t e = month_at(w + 2, month, ambiguous);
    if (e == kNone || (ambiguous && !toks_[w + 2].capitalized)) {
        return false;
    }
    const int wd = toks_[w].lex_value;
    int year = 0;
    std::size_t y = year_at(e, year);
    if (y == kNone && punct(e, ',')) {
        y = year_at(e + 1, year);
    }
    if (y != kNone) {
        m.kind = MentionKind::fixed;
        m.fixed = format_day(nth_weekday(year, month, wd, n));
        finish(m, i, y);
        return true;
    }
    m.kind = MentionKind::month;
    m.month = month;
    m.weekday = wd;
    m.day = n;
    m.weekday_check = true;
    finish(m, i, e);
    return true;
}

// "the week of Feb. 10", "the week of March 3, 2010": the ISO week holding that day (2014-W07)
bool Grammar::week_of_day(std::size_t i, Mention& m) const {
    if (!(is(i + 1, Lex::unit) && low(i + 1) == "week" && is(i + 2, Lex::of) &&
          same_sentence(i, i + 3))) {
        return false;
    }
    Mention day;
    if (!core(i + 3, day) || day.type != TimexType::date || !day.mod.empty() ||
        !(day.kind == MentionKind::month_day ||
          (day.kind == MentionKind::fixed && day.fixed.size() == 10 && day.shift_days == 0))) {
        return false;
    }
    m = day;
    m.week_of = true;
    m.explicit_day = false; // a week, not a day: no bound for the publication date
    m.first_token = static_cast<std::uint32_t>(i);
    return true;
}

// "in two weeks' time", "a month's time": the offset from the reference ahead, whatever the
// tense ("voters go to the polls in two weeks' time" is 2014-W05 said on 2014-01-15)
bool Grammar::units_time(std::size_t i, Mention& m) const {
    double amount = 0;
    const std::size_t k = amount_at(i, amount);
    Unit unit = Unit::day;
    bool plural = false;
    if (k == kNone || amount <= 0) {
        return false;
    }
    const std::size_t u = unit_at(k, unit, plural);
    if (u == kNone || !punct(u, '\'') || !attached(u)) {
        return false;
    }
    const std::size_t t = !plural && low(u + 1) == "s" && attached(u + 1) ? u + 2 : u + 1;
    if (low(t) != "time" || !same_sentence(i, t)) {
        return false;
    }
    m.kind = MentionKind::offset_reference;
    m.unit = unit;
    m.amount = amount;
    m.rel = 1;
    m.tense = Tense::future;
    finish(m, i, t + 1);
    return true;
}

// "the spring of 2011", "the summer of 2012": the article belongs to the season of a year
bool Grammar::season_of_year(std::size_t i, Mention& m) const {
    Mention season;
    if (!is(i + 1, Lex::season) || !season_core(i + 1, season) ||
        season.kind != MentionKind::fixed) {
        return false;
    }
    m = season;
    m.first_token = static_cast<std::uint32_t>(i);
    return true;
}

// "late last night", "early this morning", "late Tuesday night": early/late narrow a part of a
// day as they narrow a date (mod START/END, the value that of the time)
bool Grammar::early_or_late_time(std::size_t i, Mention& m) const {
    // "the ferry was late Tuesday night": an adjective of the subject
    static constexpr std::string_view kBe[] = {"was", "were", "is", "are", "be", "been", "running"};
    if (i > 0 && low_in(i - 1, kBe)) {
        return false;
    }
    if (!same_sentence(i, i + 1) || !core(i + 1, m) || m.type != TimexType::time ||
        m.time_suffix.empty() || !m.mod.empty() ||
        !(m.kind == MentionKind::relative_unit || m.kind == MentionKind::weekday)) {
        return false;
    }
    m.mod = is(i, Lex::early) ? "START" : "END";
    m.first_token = static_cast<std::uint32_t>(i);
    return true;
}

// "the year-earlier month", "the year-ago month": the month the text last named, a year back
// ("sales in December rose from the year-earlier month": 2012-12), as "the year-earlier
// quarter" is the report's quarter a year back
bool Grammar::year_earlier_month(std::size_t i, Mention& m) const {
    if (!year_earlier_at(i + 1) || low(i + 4) != "month" || !same_sentence(i, i + 4) ||
        (punct(i + 5, '-') && attached(i + 5))) {
        return false;
    }
    m.kind = MentionKind::offset_narrative;
    m.unit = Unit::month;
    m.amount = 1;
    m.rel = -1;
    m.same_period = true;
    finish(m, i, i + 5);
    return true;
}

// "in after-hours trading": the trading session after the close, no duration of hours. Matched
// as an expression without a value, which the grammar consumes and drops.
bool Grammar::after_hours(std::size_t i, Mention& m) const {
    if (!(punct(i + 1, '-') && attached(i + 1) && attached(i + 2) && low(i + 2) == "hours")) {
        return false;
    }
    m.kind = MentionKind::fixed;
    m.fixed.clear();
    finish(m, i, i + 3);
    return true;
}

// "a year ago today", "three weeks ago today", "two weeks ago Monday": the day that many units
// before today or before the weekday (last Monday), one expression (TimeML gives the day)
bool Grammar::ago_today(std::size_t i, Mention& m) const {
    double amount = 0;
    const std::size_t k = amount_at(i, amount);
    Unit unit = Unit::day;
    bool plural = false;
    if (k == kNone || amount <= 0 || amount != std::floor(amount) || amount > 100) {
        return false;
    }
    const std::size_t a = unit_at(k, unit, plural);
    if (a == kNone || !is(a, Lex::ago) || !same_sentence(i, a + 1)) {
        return false;
    }
    const bool day_units = unit == Unit::day || unit == Unit::week;
    if (is(a + 1, Lex::today)) {
        if (!(day_units || unit == Unit::month || unit == Unit::year)) {
            return false;
        }
        m.kind = MentionKind::offset_reference;
        m.unit = unit;
        m.amount = amount;
        m.rel = -1;
        m.to_day = true;
        finish(m, i, a + 2);
        return true;
    }
    Mention target;
    if (!day_units || !is(a + 1, Lex::weekday) || !core(a + 1, target) ||
        target.kind != MentionKind::weekday || target.rel != 0 || target.type != TimexType::date) {
        return false;
    }
    m = target;
    m.tense = Tense::past;
    m.shift_days -= static_cast<long>(amount) * (unit == Unit::week ? 7 : 1);
    m.first_token = static_cast<std::uint32_t>(i);
    return true;
}

// "a week from Friday", "three days from today", "two weeks from tomorrow": the day named,
// moved by the amount (TimeML gives the day: a week from Friday the 17th is the 24th).
bool Grammar::offset_from_day(std::size_t i, Mention& m) const {
    double amount = 0;
    const std::size_t k = amount_at(i, amount);
    Unit unit = Unit::day;
    bool plural = false;
    if (k == kNone || amount <= 0 || amount != std::floor(amount) || amount > 1000) {
        return false;
    }
    const std::size_t f = unit_at(k, unit, plural);
    if (f == kNone || !(unit == Unit::day || unit == Unit::week) || !same_sentence(i, f + 1)) {
        return false;
    }
    const bool from = is(f, Lex::from) && (is(f + 1, Lex::weekday) || is(f + 1, Lex::today) ||
                                           is(f + 1, Lex::tomorrow) || is(f + 1, Lex::yesterday));
    // "two days before Christmas", "a week after Thanksgiving": a holiday moved (written dates
    // are handled with the other anchors in grammar_amounts.cpp)
    const bool around = (is(f, Lex::before) || is(f, Lex::after)) && is(f + 1, Lex::holiday);
    Mention target;
    if (!(from || around) || !core(f + 1, target) || target.type != TimexType::date ||
        !(target.kind == MentionKind::weekday || target.kind == MentionKind::holiday ||
          (around && target.kind == MentionKind::month_day) ||
          (target.kind == MentionKind::relative_unit && target.unit == Unit::day))) {
        return false;
    }
    m = target;
    const long days = static_cast<long>(amount) * (unit == Unit::week ? 7 : 1);
    m.shift_days += is(f, Lex::before) ? -days : days;
    if (m.kind == MentionKind::weekday && m.rel == 0) {
        m.tense = Tense::future; // "a week from Friday": the coming Friday
    }
    m.first_token = static_cast<std::uint32_t>(i);
    return true;
}

} // namespace eventmap::dates::detail
