// Named periods: quarters (Q1 2013, the third quarter, fiscal 2014), seasons, holidays,
// well-known dated events and their anniversaries, and anchors such as "two days after X".
#include "dates/calendar.hpp"
#include "dates/grammar_rules.hpp"
#include "dates/reference_arithmetic.hpp"

#include <array>

namespace eventmap::dates::detail {

bool Grammar::quarter_core(std::size_t i, Mention& m) const {
    int q = 0;
    std::size_t j = kNone;
    bool half = false;
    // Q3, H1, but not H1N1 or H5N1, where more letters or digits follow.
    const bool code_ends =
        at(i + 2) == nullptr || !attached(i + 2) || toks_[i + 2].kind == TokenKind::punct;
    if (low(i) == "q" && plain_number(i + 1) && attached(i + 1) && toks_[i + 1].value >= 1 &&
        toks_[i + 1].value <= 4 && code_ends) {
        q = static_cast<int>(toks_[i + 1].value);
        j = i + 2;
    } else if (low(i) == "h" && plain_number(i + 1) && attached(i + 1) && toks_[i + 1].value >= 1 &&
               toks_[i + 1].value <= 2 && code_ends) {
        q = static_cast<int>(toks_[i + 1].value);
        half = true;
        j = i + 2;
    } else {
        std::size_t k = ordinal_at(i, q);
        if (k == kNone) {
            // "the latter half of ..." only with what it is the half of: alone it points back
            // into the text
            const bool latter = low(i) == "latter" && is(i + 1, Lex::half) && is(i + 2, Lex::of);
            if (is(i, Lex::last) || low(i) == "final" || latter) {
                q = -1; // the last quarter: resolved as the quarter before the reference
                k = i + 1;
            } else {
                return false;
            }
        }
        if (punct(k, '-') && attached(k)) {
            ++k;
        }
        if (is(k, Lex::unit) && (low(k) == "quarter")) {
            j = k + 1;
        } else if (is(k, Lex::half)) {
            half = true;
            j = k + 1;
        } else {
            return false;
        }
        if (q > 4 || (half && q > 2)) {
            return false;
        }
    }
    int year = 0;
    std::size_t y = kNone;
    if (is(j, Lex::of) || punct(j, ',')) {
        y = year_at(j + 1, year);
    }
    if (y == kNone) {
        y = year_at(j, year);
    }
    const char* prefix = half ? "-H" : "-Q";
    if (y != kNone && q < 0) {
        q = half ? 2 : 4; // "the last half of 2010", "the final quarter of 2012"
    }
    if (y != kNone && q > 0) {
        m.kind = MentionKind::fixed;
        m.fixed = format_year(year) + prefix + std::to_string(q);
        finish(m, i, y);
        return true;
    }
    if (half && half_of_decade(i, j, q, m)) {
        return true;
    }
    // "of this year", "of last year", "of the year"
    std::size_t k = j;
    int rel = 0;
    bool relative_year = false;
    if (is(k, Lex::of)) {
        std::size_t r = k + 1;
        if (is(r, Lex::the) && is(r + 1, Lex::unit) && low(r + 1) == "year") {
            relative_year = true;
            k = r + 2;
        } else if ((is(r, Lex::this_) || is(r, Lex::last) || is(r, Lex::next)) &&
                   is(r + 1, Lex::unit) && low(r + 1) == "year") {
            rel = is(r, Lex::last) ? -1 : is(r, Lex::next) ? 1 : 0;
            relative_year = true;
            k = r + 2;
        }
    }
    m.kind = MentionKind::quarter;
    m.quarter = q;
    m.half = half;
    m.rel = relative_year ? rel : 3; // 3: year chosen by tense
    finish(m, i, relative_year ? k : j);
    return true;
}

// "the first half of the '90s", "the latter half of the 1970s": TimeML has no code for the
// half of a decade, so the value is the decade and the half its mod (START, END), as for "the
// early 1990s"; one TIMEX3, not a half of this year plus a decade.
bool Grammar::half_of_decade(std::size_t i, std::size_t j, int q, Mention& m) const {
    if (!is(j, Lex::of)) {
        return false;
    }
    const std::size_t d = is(j + 1, Lex::the) ? j + 2 : j + 1;
    Mention decade;
    if (!year_core(d, decade) || decade.kind != MentionKind::fixed || decade.fixed.size() != 3) {
        return false;
    }
    m.kind = MentionKind::fixed;
    m.fixed = decade.fixed;
    m.mod = q == 1 ? "START" : "END";
    finish(m, i, decade.last_token);
    return true;
}

bool Grammar::season_core(std::size_t i, Mention& m) const {
    if (!is(i, Lex::season)) {
        // "that summer": the season of the year the text last named
        if (low(i) == "that" && is(i + 1, Lex::season) && same_sentence(i, i + 1) &&
            !(at(i + 2) != nullptr && toks_[i + 2].capitalized && toks_[i + 2].lex == Lex::none)) {
            m.kind = MentionKind::season;
            m.season = toks_[i + 1].lex_value;
            m.rel = 0;
            m.anaphoric = true;
            finish(m, i, i + 2);
            return true;
        }
        // "this season" in sports copy: the season of the reference (2013-WI in January);
        // "each season" the recurring one (XXXX-WI)
        if ((is(i, Lex::this_) || is(i, Lex::each) || is(i, Lex::every)) &&
            low(i + 1) == "season" && !(punct(i + 2, '\'') || low(i + 2) == "of")) {
            m.kind = MentionKind::season;
            m.season = -1;
            m.rel = 2;
            if (!is(i, Lex::this_)) {
                m.type = TimexType::set;
                m.quant = "EVERY";
            }
            finish(m, i, i + 2);
            return true;
        }
        return false;
    }
    const int season = toks_[i].lex_value;
    std::size_t j = i + 1;
    int year = 0;
    std::size_t y = is(j, Lex::of) ? year_at(j + 1, year) : year_at(j, year);
    static constexpr std::array<const char*, 4> codes = {"SP", "SU", "FA", "WI"};
    if (y != kNone) {
        m.kind = MentionKind::fixed;
        m.fixed = format_year(year) + "-" + codes[static_cast<std::size_t>(season)];
        finish(m, i, y);
        return true;
    }
    const bool introduced =
        i > 0 && (is(i - 1, Lex::in) || is(i - 1, Lex::during) || is(i - 1, Lex::by) ||
                  is(i - 1, Lex::until) || is(i - 1, Lex::since) || is(i - 1, Lex::the) ||
                  is(i - 1, Lex::early) || is(i - 1, Lex::late));
    if (!introduced || (low(i) == "fall" && !(i > 1 && is(i - 1, Lex::the)))) {
        return false;
    }
    // "the summer Olympics": a season used as an adjective before a capitalised name.
    if (at(j) != nullptr && toks_[j].capitalized && toks_[j].lex == Lex::none) {
        return false;
    }
    m.kind = MentionKind::season;
    m.season = season;
    m.rel = 0;
    finish(m, i, j);
    return true;
}

// Named days on a fixed date, both words capitalised: "Independence Day" (the US one, July
// 4), "Boxing Day", "Veterans Day", "Remembrance Day", "Armistice Day" (November 11),
// "Bastille Day", "Canada Day", "Groundhog Day", "May Day", "St. Patrick's Day"; the index
// after "Day" with its month and day, kNone otherwise.
std::size_t Grammar::fixed_day_name_at(std::size_t i, int& month, int& day) const {
    struct Named {
        std::string_view word;
        int month;
        int day;
    };
    static constexpr Named kNamed[] = {
        {"independence", 7, 4}, {"boxing", 12, 26},  {"veterans", 11, 11}, {"remembrance", 11, 11},
        {"armistice", 11, 11},  {"bastille", 7, 14}, {"canada", 7, 1},     {"groundhog", 2, 2},
        {"may", 5, 1},          {"patrick", 3, 17},  {"earth", 4, 22},     {"flag", 6, 14},
        {"anzac", 4, 25},       {"australia", 1, 26}};
    if (!toks_[i].capitalized) {
        return kNone;
    }
    const std::string_view w = low(i);
    std::size_t j = i + 1;
    if (w == "patrick") {
        // "St. Patrick's Day": the saint's title before it, the possessive after
        if (i < 2 || low(i - 2) != "st" || !punct(j, '\'') || low(j + 1) != "s") {
            return kNone;
        }
        j += 2;
    } else if (punct(j, '\'') && attached(j)) {
        ++j; // "Veterans' Day"
    }
    if (low(j) != "day" || !toks_[j].capitalized || !same_sentence(i, j)) {
        return kNone;
    }
    // "the annual May Day parade": the yearly event named, no day of its own. Without
    // "annual" the day is dated as a premodifier is in TimeML ("the Independence Day parade",
    // like "the Sunday vote").
    const std::size_t first = w == "patrick" ? i - 2 : i;
    if (first > 0 && (low(first - 1) == "annual" || low(first - 1) == "yearly") &&
        modifies_next_word(j)) {
        return kNone;
    }
    for (const Named& n : kNamed) {
        if (w == n.word) {
            month = n.month;
            day = n.day;
            return j + 1;
        }
    }
    return kNone;
}

// Days named by a word and the weekday they fall on, counted from Easter or US Thanksgiving:
// "Good Friday" (Easter - 2), "Palm Sunday" (- 7), "Ash Wednesday" (- 46), "Maundy/Holy
// Thursday" (- 3), "Holy Saturday" (- 1), "Black Friday" (Thanksgiving + 1), "Cyber Monday"
// (+ 4), "Whit Monday" (Easter + 50). Both words capitalised; the weekday alone would name the
// wrong day.
bool Grammar::weekday_holiday(std::size_t i, Mention& m) const {
    struct Named {
        std::string_view word;
        int weekday;
        Holiday from;
        int shift;
    };
    static constexpr Named kNamed[] = {
        {"good", 4, Holiday::easter, -2},       {"palm", 6, Holiday::easter, -7},
        {"ash", 2, Holiday::easter, -46},       {"maundy", 3, Holiday::easter, -3},
        {"holy", 3, Holiday::easter, -3},       {"holy", 5, Holiday::easter, -1},
        {"black", 4, Holiday::thanksgiving, 1}, {"cyber", 0, Holiday::thanksgiving, 4},
        {"whit", 0, Holiday::easter, 50}};
    if (!is(i + 1, Lex::weekday) || !toks_[i].capitalized || !toks_[i + 1].capitalized ||
        !same_sentence(i, i + 1)) {
        return false;
    }
    const std::string_view w = low(i);
    for (const Named& n : kNamed) {
        if (w == n.word && toks_[i + 1].lex_value == n.weekday) {
            m.kind = MentionKind::holiday;
            m.rel = static_cast<int>(n.from);
            m.shift_days = n.shift;
            finish(m, i, i + 2);
            return true;
        }
    }
    return false;
}

// "Martin Luther King Day" ("Martin Luther King Jr. Day", "MLK Day"), third Monday of January;
// the UK's "Spring Bank Holiday" and "August Bank Holiday" ("Summer Bank Holiday"), the last
// Mondays of May and August. All capitalised: "a bank holiday" alone names no day. The index
// after the name (m made that movable holiday), kNone when none is there.
std::size_t Grammar::named_holiday_at(std::size_t i, Mention& m) const {
    if (!toks_[i].capitalized) {
        return kNone;
    }
    const std::string_view w = low(i);
    std::size_t j = kNone;
    Holiday h = Holiday::king;
    if (w == "martin" && low(i + 1) == "luther" && low(i + 2) == "king") {
        j = i + 3;
        if (punct(j, ',')) {
            ++j; // "King, Jr. Day"
        }
        if (low(j) == "jr") {
            j += punct(j + 1, '.') ? 2 : 1;
        }
    } else if (w == "mlk") {
        j = i + 1;
    } else if ((w == "spring" || w == "august" || w == "summer") && low(i + 1) == "bank" &&
               toks_[i + 1].capitalized && low(i + 2) == "holiday" && toks_[i + 2].capitalized &&
               same_sentence(i, i + 2)) {
        m.kind = MentionKind::holiday;
        m.rel = static_cast<int>(w == "spring" ? Holiday::spring_bank : Holiday::summer_bank);
        return i + 3;
    }
    if (j == kNone || low(j) != "day" || !toks_[j].capitalized || !same_sentence(i, j)) {
        return kNone;
    }
    m.kind = MentionKind::holiday;
    m.rel = static_cast<int>(h);
    return j + 1;
}

// "Labor Day", "Memorial Day", "Columbus Day", "Presidents' Day", "Mother's Day", "Father's
// Day": US holidays on a weekday of their month, written capitalised; the index after "Day"
// (m made that movable holiday), kNone when none is there ("a labor day rally", "the Memorial
// Hall").
std::size_t Grammar::us_holiday_at(std::size_t i, Mention& m) const {
    if (const std::size_t j = named_holiday_at(i, m); j != kNone) {
        return j;
    }
    static constexpr std::pair<std::string_view, Holiday> kNames[] = {
        {"memorial", Holiday::memorial},    {"labor", Holiday::labor},
        {"columbus", Holiday::columbus},    {"presidents", Holiday::presidents},
        {"president", Holiday::presidents}, {"mother", Holiday::mothers},
        {"father", Holiday::fathers}};
    if (!toks_[i].capitalized) {
        return kNone;
    }
    const std::string_view w = low(i);
    bool known = false;
    Holiday h = Holiday::christmas;
    for (const auto& [name, holiday] : kNames) {
        if (w == name) {
            h = holiday;
            known = true;
        }
    }
    if (!known) {
        return kNone;
    }
    std::size_t j = i + 1;
    if (punct(j, '\'') && attached(j)) { // "Presidents' Day", "Mother's Day"
        ++j;
        if (low(j) == "s" && attached(j)) {
            ++j;
        }
    }
    // "Mother", "Father" and "President" need their possessive
    const bool possessive = j > i + 1;
    if ((w == "mother" || w == "father" || w == "president") && !possessive) {
        return kNone;
    }
    if (low(j) != "day" || !toks_[j].capitalized) {
        return kNone;
    }
    m.kind = MentionKind::holiday;
    m.rel = static_cast<int>(h);
    return j + 1;
}

bool Grammar::holiday_core(std::size_t i, Mention& m) const {
    int month = 0;
    int day = 0;
    std::size_t j = kNone;
    const std::string_view w = low(i);
    if (is(i, Lex::holiday)) {
        const auto h = static_cast<Holiday>(toks_[i].lex_value);
        j = i + 1;
        switch (h) {
        case Holiday::christmas:
            month = 12;
            day = 25;
            if (low(j) == "eve") {
                day = 24;
                ++j;
            } else if (is(j, Lex::unit) && low(j) == "day") {
                ++j;
            }
            break;
        case Holiday::halloween:
            month = 10;
            day = 31;
            break;
        case Holiday::valentine:
            month = 2;
            day = 14;
            break;
        case Holiday::memorial: // not in the lexicon: recognised below from two words
        case Holiday::labor:
        case Holiday::columbus:
        case Holiday::presidents:
        case Holiday::mothers:
        case Holiday::fathers:
        case Holiday::king:
        case Holiday::spring_bank:
        case Holiday::summer_bank:
            return false;
        case Holiday::election: // not in the lexicon: recognised below from two words
        case Holiday::easter:
        case Holiday::thanksgiving:
            if (!toks_[i].capitalized) {
                return false;
            }
            m.kind = MentionKind::holiday;
            m.rel = static_cast<int>(h);
            if (h == Holiday::easter && (is(j, Lex::weekday))) {
                // "Easter Monday" the day after, "Easter Saturday" the day before
                const int wd = toks_[j].lex_value;
                m.shift_days = wd == 0 ? 1 : wd == 5 ? -1 : 0;
                ++j;
            } else if (h == Holiday::thanksgiving && is(j, Lex::unit) && low(j) == "day") {
                ++j;
            }
            break;
        }
        if (!toks_[i].capitalized) {
            return false;
        }
    } else if (w == "new" && toks_[i].capitalized && low(i + 1) == "year" && punct(i + 2, '\'') &&
               low(i + 3) == "s" && (low(i + 4) == "day" || low(i + 4) == "eve")) {
        month = low(i + 4) == "day" ? 1 : 12;
        day = low(i + 4) == "day" ? 1 : 31;
        j = i + 5;
    } else if (w == "valentine" && punct(i + 1, '\'') && low(i + 2) == "s" && low(i + 3) == "day") {
        month = 2;
        day = 14;
        j = i + 4;
    } else if (w == "election" && toks_[i].capitalized && low(i + 1) == "day" &&
               toks_[i + 1].capitalized) {
        // "Election Day": the US one, a movable day like Thanksgiving
        m.kind = MentionKind::holiday;
        m.rel = static_cast<int>(Holiday::election);
        j = i + 2;
    } else if (const std::size_t k = us_holiday_at(i, m); k != kNone) {
        j = k;
    } else if (const std::size_t named = fixed_day_name_at(i, month, day); named != kNone) {
        j = named;
    } else {
        return false;
    }
    // "Easter week", "the Thanksgiving week": the week the holiday falls in (TimeML values it
    // as that week), not the day; "Christmas Day week" reads oddly but means the same
    const bool week = is(j, Lex::unit) && low(j) == "week" && !toks_[j].capitalized;
    if (week) {
        ++j;
    }
    if (m.kind == MentionKind::holiday) {
        m.week_of = week;
        int year = 0;
        if (const std::size_t y = year_suffix(j, year); y != kNone) {
            const long d = movable_holiday(static_cast<Holiday>(m.rel), year);
            m.kind = MentionKind::fixed;
            m.fixed = week ? format_week(d) : format_day(d);
            m.week_of = false;
            finish(m, i, y);
            return true;
        }
        finish(m, i, j);
        return true;
    }
    if (!finish_day(m, i, j, month, day, false)) {
        return false;
    }
    if (w == "patrick") {
        m.first_token = static_cast<std::uint32_t>(i - 2); // from "St."
    }
    if (m.kind == MentionKind::fixed && week && m.fixed.size() == 10) {
        m.fixed = format_week(parse_iso_day(m.fixed).value_or(0)); // "Christmas week 2012"
    } else {
        m.week_of = week && m.kind == MentionKind::month_day;
    }
    return true;
}

// "the ninth day of the strike", "its third day", "for the sixth week in succession": a day or
// week counted within an event is a DATE (TimeML), the day of its sentence (else of the
// reference) or the reference's week. Only after a determiner that ties it to the event, or
// "for".
bool Grammar::ordinal_period(std::size_t i, Mention& m) const {
    int n = 0;
    std::size_t k = ordinal_at(i, n);
    if (k == kNone || n < 1 || n > 99 || i == 0) {
        return false;
    }
    const std::string_view before = low(i - 1);
    if (!(is(i - 1, Lex::the) || before == "its" || before == "his" || before == "her" ||
          before == "their" || before == "for")) {
        return false;
    }
    if (low(k) == "straight" || low(k) == "consecutive" || low(k) == "successive") {
        ++k;
    }
    const std::string_view unit = low(k);
    if ((unit != "day" && unit != "week") || !same_sentence(i, k) || modifies_next_word(k) ||
        (punct(k + 1, '-') && attached(k + 1))) {
        return false;
    }
    // "the first week of June", "the second day of the month": counted within a calendar
    // period, not an event
    if (is(k + 1, Lex::of)) {
        const std::size_t p = is(k + 2, Lex::the) ? k + 3 : k + 2;
        const Token* t = at(p);
        if (t != nullptr &&
            (t->kind == TokenKind::number || (t->lex == Lex::month && t->capitalized) ||
             t->lex == Lex::unit || t->lex == Lex::weekday || t->lex == Lex::season ||
             t->lex == Lex::holiday)) {
            return false;
        }
    }
    m = Mention{};
    if (unit == "day") {
        m.kind = MentionKind::time_only; // the day of its sentence, like a bare clock time
    } else {
        m.kind = MentionKind::relative_unit;
        m.unit = Unit::week;
        m.rel = 0;
    }
    finish(m, i, k + 1);
    return true;
}

bool Grammar::known_event_core(std::size_t i, Mention& m, bool standalone) const {
    std::size_t length = 0;
    const KnownEvent* e = events_.match(lower_, toks_, i, length);
    if (e == nullptr || (standalone && !e->date_like)) {
        return false;
    }
    m.kind = MentionKind::fixed;
    m.fixed = format_day(e->day);
    m.from_known_event = true;
    m.anchor_note = "known event '" + e->name + "' " + m.fixed;
    finish(m, i, i + length);
    return true;
}

// What "after"/"of" may point at: a known event, an anniversary or a date core. This is where
// the grammar recurses ("the day after the day after ..."), so the depth is bounded here.
bool Grammar::anchor_target(std::size_t i, Mention& m) const {
    constexpr int kMaxDepth = 4;
    if (depth_ >= kMaxDepth) {
        return false;
    }
    struct DepthGuard {
        int& depth;
        explicit DepthGuard(int& d) : depth(d) { ++depth; }
        ~DepthGuard() { --depth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    } guard(depth_);
    std::size_t k = is(i, Lex::the) ? i + 1 : i;
    if (anniversary_core(i, m) || known_event_core(k, m)) {
        return true;
    }
    return core(i, m) && m.type == TimexType::date && !m.fixed.empty() &&
           m.kind != MentionKind::offset_narrative;
}

bool Grammar::anniversary_core(std::size_t i, Mention& m) const {
    std::size_t j = is(i, Lex::the) ? i + 1 : i;
    int n = 0;
    std::size_t k = ordinal_at(j, n);
    if (k == kNone) {
        k = j;
        n = 0;
    }
    if (!is(k, Lex::anniversary) || !is(k + 1, Lex::of)) {
        return false;
    }
    Mention target;
    std::size_t t = k + 2;
    std::size_t e = is(t, Lex::the) ? t + 1 : t;
    if (!known_event_core(e, target)) {
        if (!core(t, target) ||
            (target.kind != MentionKind::fixed && target.kind != MentionKind::month_day)) {
            return false;
        }
    }
    if (target.kind == MentionKind::fixed) {
        auto day = parse_iso_day(target.fixed);
        if (!day) {
            return false;
        }
        const CivilDate c = civil_from_days(*day);
        if (n > 0) {
            const int y = c.year + n;
            const int d = std::min(c.day, days_in_month(y, c.month));
            m.kind = MentionKind::fixed;
            m.fixed = format_day(days_from_civil(y, c.month, d));
            m.anchor_note = (target.anchor_note.empty() ? target.fixed : target.anchor_note) +
                            " +" + std::to_string(n) + "Y (anniversary)";
        } else {
            m.kind = MentionKind::month_day;
            m.month = c.month;
            m.day = c.day;
        }
    } else {
        m.kind = MentionKind::month_day;
        m.month = target.month;
        m.day = target.day;
    }
    m.from_known_event = target.from_known_event;
    finish(m, i, target.last_token);
    return true;
}

} // namespace eventmap::dates::detail
