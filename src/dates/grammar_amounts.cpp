// Amounts of time: durations ("for 30 days", "a 12-year war", "the past decade") and sets
// ("every Friday", "daily", "every two weeks", "twice a week").
#include "dates/calendar.hpp"
#include "dates/grammar_rules.hpp"

#include <cmath>
#include <utility>

namespace eventmap::dates::detail {

bool Grammar::amount_expression(std::size_t i, Mention& m) const {
    double amount = 0;
    std::size_t j = amount_at(i, amount);
    if (j == kNone) {
        return false;
    }
    Unit unit = Unit::day;
    bool plural = false;
    std::size_t k = kNone;
    if (punct(j, '-') && attached(j) && attached(j + 1)) {
        k = unit_at(j + 1, unit, plural); // 12-year, five-year, 12-hour
        if (k != kNone && is(i, Lex::article)) {
            return false;
        }
    } else {
        k = unit_at(j, unit, plural);
        const std::string_view adjective = low(j);
        if (k == kNone &&
            (adjective == "straight" || adjective == "consecutive" || adjective == "trading" ||
             adjective == "business" || adjective == "working" || adjective == "full" ||
             adjective == "calendar" || adjective == "successive" || adjective == "more" ||
             adjective == "additional" || adjective == "extra" || adjective == "further")) {
            k = unit_at(j + 1, unit, plural); // "six straight days", "five trading days"
        }
    }
    if (k == kNone && !is(i, Lex::article) && same_sentence(i, j + 1)) {
        // "between 20 and 45 days", "two or three weeks", "five to seven years": the first
        // amount borrows the unit of the second; each is a DURATION of its own in TimeML.
        const std::string_view link = low(j);
        double second = 0;
        const std::size_t after = link == "and" || link == "to" || link == "or" ? j + 1 : kNone;
        const std::size_t u =
            after != kNone && !is(after, Lex::article) ? amount_at(after, second) : kNone;
        bool plural_second = false;
        const std::size_t end = u != kNone ? unit_at(u, unit, plural_second) : kNone;
        // not years ("in 1994 and 1995"), nor an offset ("two or three days later": one
        // expression of another kind)
        if (end != kNone && plural_second && second > amount && amount > 0 && amount < 1000 &&
            same_sentence(i, u) && !is(end, Lex::ago) && !is(end, Lex::later) &&
            !is(end, Lex::earlier)) {
            m.type = TimexType::duration;
            m.kind = MentionKind::fixed;
            m.fixed = duration_value(amount, unit);
            finish(m, i, j);
            return true;
        }
        return false;
    }
    if (k == kNone || !same_sentence(i, k - 1) || titled_unit(i, k - 1)) {
        return false;
    }
    // "the 1988 quarter", "a 2012 week of protests": a year before a singular unit names a
    // period of that year, never 1988 quarters
    if (!plural && amount >= 1000 && plain_number(i) && toks_[i].digits == 4) {
        return false;
    }
    // An age ("a 37-year-old", "61 years old") is not a temporal expression in TimeML; the
    // age of a thing counted in days, weeks or months is how long it has lasted ("the
    // 8-month-old truce", "a week-old strike": P8M, P1W), as the TimeBank gold tags it.
    if (low(k) == "old" || (punct(k, '-') && attached(k) && low(k + 1) == "old")) {
        if (!lasting_age(k, unit)) {
            return false;
        }
        m.type = TimexType::duration;
        m.kind = MentionKind::fixed;
        m.fixed = duration_value(amount, unit);
        finish(m, is(i, Lex::article) ? k - 1 : i, k + 2);
        return true;
    }
    // "a year-earlier loss", "a year-ago profit", "a year-end bonus": the article belongs to
    // the noun, and the compound adjective is what may be a time (found at its unit)
    if (is(i, Lex::article) && j == i + 1 && punct(k, '-') && attached(k) && attached(k + 1) &&
        (is(k + 1, Lex::earlier) || is(k + 1, Lex::ago) || is(k + 1, Lex::end))) {
        return false;
    }
    // A rate ("$3 a year", "400 bikes a day") is neither a duration nor a set here.
    if (is(i, Lex::article) && j == i + 1 && i > 0 && !plural && !is(k, Lex::ago) &&
        !is(k, Lex::earlier) && !is(k, Lex::later) && !is(k, Lex::before) && !is(k, Lex::after) &&
        (toks_[i - 1].kind == TokenKind::number || low(i - 1) == "million" ||
         low(i - 1) == "billion" || low(i - 1) == "percent" || punct(i - 1, '%') ||
         is(i - 1, Lex::unit) || counted_noun(i - 1))) { // "18 hours a day"
        return false;
    }
    if (unit == Unit::second && is(i, Lex::article)) {
        return false; // "a second" is nearly always the ordinal: "a second consecutive day"
    }
    // Singular unit with a plural amount ("20 year") is still fine; the reverse "a days" not.
    if (is(i, Lex::article) && plural && j == i + 1) {
        return false;
    }
    if (unit == Unit::weekend || unit == Unit::quarter) {
        if (!plural && amount == 1 && !is(i, Lex::number_word)) {
            return false; // "a quarter" is usually a fraction
        }
        // "three-quarters of the grain": a fraction of something, written with a hyphen
        if (unit == Unit::quarter && plural && punct(k - 2, '-') && attached(k - 1) &&
            is(k, Lex::of)) {
            return false;
        }
    }
    // "a week-long strike", "a two-year-long search": the adjective is the duration, without
    // the article
    if (punct(k, '-') && attached(k) && low(k + 1) == "long" && attached(k + 1)) {
        m.type = TimexType::duration;
        m.kind = MentionKind::fixed;
        m.fixed = duration_value(amount, unit);
        finish(m, is(i, Lex::article) ? k - 1 : i, k + 2);
        return true;
    }
    // "a year and a half"
    if (is(k, Lex::and_) && is(k + 1, Lex::article) && is(k + 2, Lex::half) && amount >= 0) {
        amount += 0.5;
        k += 3;
    }
    // "a month or so ago", "a year or so later": the same offset, approximate
    if (low(k) == "or" && low(k + 1) == "so" &&
        (is(k + 2, Lex::ago) || is(k + 2, Lex::later) || is(k + 2, Lex::earlier))) {
        m.mod = "APPROX";
        k += 2;
    }
    // two days later / earlier
    if (is(k, Lex::later) || is(k, Lex::earlier)) {
        m.kind = MentionKind::offset_narrative;
        m.unit = unit;
        m.amount = amount;
        m.rel = is(k, Lex::later) ? 1 : -1;
        finish(m, i, k + 1);
        return true;
    }
    // three years ago; two weeks from now; in two weeks' time
    if (is(k, Lex::ago) || (is(k, Lex::from) && is(k + 1, Lex::now)) || is(k, Lex::hence)) {
        m.kind = MentionKind::offset_reference;
        m.unit = unit;
        m.amount = amount;
        m.rel = is(k, Lex::ago) ? -1 : 1;
        finish(m, i, is(k, Lex::from) ? k + 2 : k + 1);
        return true;
    }
    // a day after X / two weeks before X
    if ((is(k, Lex::after) || is(k, Lex::before)) && amount >= 0 && same_sentence(k, k + 1)) {
        Mention target;
        if (anchor_target(k + 1, target) && (unit == Unit::day || unit == Unit::week) &&
            amount == std::floor(amount)) {
            const long days = static_cast<long>(amount) * (unit == Unit::week ? 7 : 1);
            m = target;
            m.shift_days += is(k, Lex::after) ? days : -days;
            if (m.anchor_note.empty()) {
                m.anchor_note = target.fixed;
            }
            m.first_token = static_cast<std::uint32_t>(i);
            return true;
        }
    }
    // in two weeks (future clause): a date; otherwise a duration
    std::size_t before = i > 0 ? i - 1 : kNone;
    if (before != kNone && before > 0 &&
        (is(before, Lex::about) || is(before, Lex::around) || is(before, Lex::approximately) ||
         is(before, Lex::roughly) || is(before, Lex::some) || is(before, Lex::nearly) ||
         is(before, Lex::almost))) {
        --before;
    }
    if (before != kNone && is(before, Lex::in) && amount > 0 && unit != Unit::second &&
        unit != Unit::minute && unit != Unit::hour) {
        const Tense t = tense_of(before, k);
        if (t == Tense::future) {
            m.kind = MentionKind::offset_reference;
            m.unit = unit;
            m.amount = amount;
            m.rel = 1;
            m.tense = Tense::future;
            finish(m, i, k);
            return true;
        }
    }
    m.type = TimexType::duration;
    m.kind = MentionKind::fixed;
    m.fixed = duration_value(amount, unit);
    finish(m, i, k);
    return true;
}

// True when the word at i is followed by a content word it modifies ("annual budget", "quarterly
// payout"): an adjective, not the recurrence of an event.
// After a capitalised unit opening a sentence: a lowercase word with no temporal sense, the
// verb or object of a title ("60 Minutes aired", "48 Hours follows"), not "after", "later",
// "of" or a conjunction, which read the unit as time ("30 Days after the flood").
bool Grammar::name_after_unit(std::size_t i) const {
    const Token* t = at(i);
    if (t == nullptr || t->kind != TokenKind::word || t->capitalized || t->lex != Lex::none ||
        !same_sentence(i - 1, i)) {
        return false;
    }
    static constexpr std::string_view kTimeReadings[] = {"and",  "or", "in",   "on",    "from",
                                                         "into", "to", "with", "passed"};
    const std::string_view w = low(i);
    for (std::string_view f : kTimeReadings) {
        if (w == f) {
            return false;
        }
    }
    return true;
}

bool Grammar::modifies_next_word(std::size_t i) const {
    const Token* t = at(i + 1);
    if (t == nullptr || t->kind != TokenKind::word || t->newline_before || t->lex != Lex::none) {
        return false;
    }
    static constexpr std::string_view kFunctionWords[] = {
        "with", "into", "through", "across", "throughout", "because", "while",
        "but",  "or",   "as",      "if",     "so",         "is",      "are",
        "was",  "were", "be",      "been",   "and",        "basis",   "than"};
    const std::string_view w = low(i + 1);
    for (std::string_view f : kFunctionWords) {
        if (w == f) {
            return false;
        }
    }
    return true;
}

bool Grammar::set_expression(std::size_t i, Mention& m) const {
    if (is(i, Lex::set_word)) {
        // "annual budget", "quarterly payout" describe an amount; TimeBank tags "daily
        // commute", "weekly column", "hourly wages" but not these two.
        if ((low(i) == "annual" || low(i) == "quarterly") && modifies_next_word(i)) {
            return false;
        }
        // "the annual Harvest Fair", "the party daily Pravda", "the weekly Die Zeit": part of
        // a name, or a newspaper named as a daily or weekly; no recurring time ("annual" even
        // before a month's name: "the annual May Day parade")
        if (at(i + 1) != nullptr && toks_[i + 1].kind == TokenKind::word &&
            toks_[i + 1].capitalized && (toks_[i + 1].lex == Lex::none || low(i) == "annual") &&
            !toks_[i + 1].newline_before) {
            return false;
        }
        // "output to rise 8% annually", "10,000 cars annually": a rate of the amount before,
        // as "$5 a year" is, not a recurring time
        if (i > 0 && (punct(i - 1, '%') || low(i - 1) == "percent" || counted_noun(i - 1) ||
                      toks_[i - 1].kind == TokenKind::number)) {
            return false;
        }
        m.type = TimexType::set;
        m.quant = "EVERY";
        m.kind = MentionKind::fixed;
        m.fixed = duration_value(1, static_cast<Unit>(toks_[i].lex_value));
        finish(m, i, i + 1);
        return true;
    }
    if (!is(i, Lex::every) && !is(i, Lex::each)) {
        return false;
    }
    std::size_t j = i + 1;
    double amount = 1;
    if (low(j) == "other") {
        amount = 2;
        ++j;
    } else if (std::size_t k = amount_at(j, amount); k != kNone && !is(j, Lex::article)) {
        j = k;
    }
    m.quant = "EVERY";
    Unit unit = Unit::day;
    bool plural = false;
    if (std::size_t k = unit_at(j, unit, plural); k != kNone) {
        m.type = TimexType::set;
        m.kind = MentionKind::fixed;
        m.fixed = duration_value(amount, unit);
        finish(m, i, k);
        return true;
    }
    if (is(j, Lex::weekday)) {
        m.type = TimexType::set;
        m.kind = MentionKind::fixed;
        m.fixed = "XXXX-WXX-" + std::to_string(toks_[j].lex_value + 1);
        finish(m, i, j + 1);
        if (is(j + 1, Lex::part_of_day)) {
            m.fixed += day_part_code(toks_[j + 1].lex_value);
            m.last_token = static_cast<std::uint32_t>(j + 2);
        }
        return true;
    }
    int month = 0;
    bool ambiguous = false;
    if (std::size_t k = month_at(j, month, ambiguous); k != kNone) {
        m.type = TimexType::set;
        m.kind = MentionKind::fixed;
        m.fixed = "XXXX-" + two_digits(month);
        finish(m, i, k);
        return true;
    }
    if (is(j, Lex::part_of_day)) {
        m.type = TimexType::set;
        m.kind = MentionKind::fixed;
        m.fixed = std::string("XXXX-XX-XX") + day_part_code(toks_[j].lex_value);
        finish(m, i, j + 1);
        return true;
    }
    // "each spring", "every winter": the season of every year
    if (is(j, Lex::season)) {
        static constexpr std::string_view kCodes[] = {"SP", "SU", "FA", "WI"};
        m.type = TimexType::set;
        m.kind = MentionKind::fixed;
        m.fixed = std::string("XXXX-") +
                  std::string(kCodes[static_cast<std::size_t>(toks_[j].lex_value) % 4]);
        finish(m, i, j + 1);
        return true;
    }
    return false;
}

namespace {

// "mornings", "evenings": a part of the day that recurs, 0..3 as Lex::part_of_day; -1 otherwise
int plural_day_part(std::string_view w) {
    static constexpr std::string_view kParts[] = {"mornings", "afternoons", "evenings", "nights"};
    for (std::size_t p = 0; p < 4; ++p) {
        if (w == kParts[p]) {
            return static_cast<int>(p);
        }
    }
    return -1;
}

} // namespace

// "8-month-old truce", "week-old strike": the age, in days, weeks or months, of something that
// is no person ("a 3-month-old baby", "the 10-day-old twins" are ages, as years always are);
// k is the hyphen after the unit.
bool Grammar::lasting_age(std::size_t k, Unit unit) const {
    static constexpr std::string_view kPersons[] = {
        "baby",    "babies",   "boy",    "boys",    "girl",  "girls",    "son",
        "sons",    "daughter", "infant", "infants", "child", "children", "twins",
        "toddler", "puppy",    "calf",   "foal",    "cub",   "kitten",   "lamb"};
    if (!(unit == Unit::day || unit == Unit::week || unit == Unit::month) || !punct(k, '-') ||
        !attached(k) || !attached(k + 1)) {
        return false;
    }
    const Token* noun = at(k + 2);
    if (noun == nullptr || noun->kind != TokenKind::word || noun->capitalized ||
        !same_sentence(k, k + 2)) {
        return false; // "the 6-month-old, ...", "a 3-month-old Siamese": likely a being
    }
    const std::string_view w = low(k + 2);
    for (std::string_view person : kPersons) {
        if (w == person) {
            return false;
        }
    }
    return true;
}

// A weekday that recurs, TimeML's SET: "open on Sundays" XXXX-WXX-7, "meets Tuesday evenings"
// and "on Friday nights" XXXX-WXX-2TEV, XXXX-WXX-5TNI; "on weekends" XXXX-WXX-WE. A plural
// weekday that is part of a name is none ("the Sundays" after "the", a capitalised word after
// it: "Fridays For Future"); "two weekends", "recent weekends" stay durations.
bool Grammar::recurring_weekday(std::size_t i, Mention& m) const {
    if (is(i, Lex::unit)) {
        if (low(i) != "weekends" || i == 0 || !(is(i - 1, Lex::on) || is(i - 1, Lex::at))) {
            return false;
        }
        m.type = TimexType::set;
        m.kind = MentionKind::fixed;
        m.fixed = "XXXX-WXX-WE";
        finish(m, i, i + 1);
        return true;
    }
    const bool plural = is(i, Lex::weekdays);
    if (!(plural || is(i, Lex::weekday)) || !toks_[i].capitalized) {
        return false;
    }
    const int part = same_sentence(i, i + 1) ? plural_day_part(low(i + 1)) : -1;
    if (part < 0) {
        const Token* next = at(i + 1);
        const bool name_follows = next != nullptr && next->kind == TokenKind::word &&
                                  next->capitalized && !next->newline_before &&
                                  next->lex != Lex::weekdays && next->lex != Lex::and_;
        if (!plural || name_follows || (i > 0 && is(i - 1, Lex::the))) {
            return false;
        }
    }
    m.type = TimexType::set;
    m.kind = MentionKind::fixed;
    m.fixed = "XXXX-WXX-" + std::to_string(toks_[i].lex_value + 1);
    if (part >= 0) {
        m.fixed += day_part_code(part);
    }
    finish(m, i, part >= 0 ? i + 2 : i + 1);
    return true;
}

// "yearlong", "weeklong", "day-long", "hours-long", "decades-long": a duration as an adjective,
// one unit or an unknown number of them.
bool Grammar::long_adjective(std::size_t i, Mention& m) const {
    static constexpr std::pair<std::string_view, Unit> kJoined[] = {{"daylong", Unit::day},
                                                                    {"weeklong", Unit::week},
                                                                    {"monthlong", Unit::month},
                                                                    {"yearlong", Unit::year},
                                                                    {"hourlong", Unit::hour}};
    const std::string_view w = low(i);
    for (const auto& [word, unit] : kJoined) {
        if (w == word) {
            m.type = TimexType::duration;
            m.kind = MentionKind::fixed;
            m.fixed = duration_value(1, unit);
            finish(m, i, i + 1);
            return true;
        }
    }
    Unit unit = Unit::day;
    bool plural = false;
    const std::size_t k = unit_at(i, unit, plural);
    if (k == kNone || !(punct(k, '-') && attached(k) && attached(k + 1)) || low(k + 1) != "long") {
        return false;
    }
    // A singular unit is one of it even without an article: "their second week-long trip"
    m.type = TimexType::duration;
    m.kind = MentionKind::fixed;
    m.fixed = duration_value(plural ? -1 : 1, unit);
    finish(m, i, k + 2);
    return true;
}

// "twice a week", "three times a year", "once per month": a SET whose value is the period
// (P1W) and whose frequency is the count, as TimeML annotates them.
bool Grammar::frequency_set(std::size_t i, Mention& m) const {
    std::size_t j = kNone;
    const std::string_view w = low(i);
    double count = 0;
    if (w == "once" || w == "twice" || w == "thrice") {
        j = i + 1;
        count = w == "once" ? 1 : w == "twice" ? 2 : 3;
    } else {
        double amount = 0;
        const std::size_t k = is(i, Lex::article) ? kNone : amount_at(i, amount);
        if (k != kNone && amount >= 1 && low(k) == "times") {
            j = k + 1;
            count = amount;
        }
    }
    if (j == kNone ||
        !(is(j, Lex::article) || is(j, Lex::per) || is(j, Lex::every) || is(j, Lex::each))) {
        return false;
    }
    Unit unit = Unit::day;
    bool plural = false;
    const std::size_t k = unit_at(j + 1, unit, plural);
    if (k == kNone || plural || !same_sentence(i, k - 1)) {
        return false;
    }
    m.type = TimexType::set;
    m.kind = MentionKind::fixed;
    m.fixed = duration_value(1, unit);
    // TimeML's freq: the count per period ("twice a week" 2X); a count written as a fraction
    // ("2.5 times a year") keeps it
    m.freq = number_text(count) + "X";
    finish(m, i, k);
    return true;
}

} // namespace eventmap::dates::detail
