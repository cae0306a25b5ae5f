// Absolute and calendar dates: month-first ("August 21, 2013"), day-first ("21 August"),
// numeric (2013-08-21, 21/08/2013), weekdays, years, decades and centuries.
#include "dates/calendar.hpp"
#include "dates/grammar_rules.hpp"

namespace eventmap::dates::detail {

std::size_t Grammar::year_suffix(std::size_t i, int& year) const {
    std::size_t j = punct(i, ',') ? i + 1 : i;
    if (std::size_t k = year_at(j, year); k != kNone) {
        // A comma-separated 4-digit number followed by more digits is a list, not a year.
        return k;
    }
    if (is(i, Lex::of)) {
        if (std::size_t k = year_at(i + 1, year); k != kNone) {
            return k;
        }
    }
    return kNone;
}

// "the May vote", "the March handover": a capitalised month between "the" and a lowercase
// noun modifies the noun, as "the June vote" does; "the March was peaceful", "the March on
// the capital" (the event called the March) are followed by a verb or a preposition, and
// "the May government" is a person's.
bool Grammar::attributive_month(std::size_t i, std::size_t j) const {
    if (i == 0 || !is(i - 1, Lex::the) || !toks_[i].capitalized || at(j) == nullptr ||
        toks_[j].kind != TokenKind::word || toks_[j].capitalized || toks_[j].lex != Lex::none ||
        !same_sentence(i, j) || attached(j)) {
        return false;
    }
    static constexpr std::string_view kNotNouns[] = {
        "was", "is", "were", "are", "will", "would", "has", "had", "have", "and", "or", "drew",
        "took", "went", "left", "led", "began", "ended", "at", "into", "against", "that", "which",
        "who", "as", "with", "along", "across", "toward", "towards",
        // a person called May: "the May government", "the May family", "the May estate"
        "government", "administration", "cabinet", "family", "era", "camp", "ministry", "team",
        "estate", "household", "home", "house", "children", "premiership", "doctrine", "deal"};
    const std::string_view next = low(j);
    for (std::string_view w : kNotNouns) {
        if (next == w) {
            return false;
        }
    }
    // a verb in the past ("the March ended", "the March passed off") ends in -ed
    return !(next.size() > 3 && next.substr(next.size() - 2) == "ed");
}

bool Grammar::temporal_word_before(std::size_t i) const {
    return i > 0 && (is(i - 1, Lex::in) || is(i - 1, Lex::since) || is(i - 1, Lex::until) ||
                     is(i - 1, Lex::by) || is(i - 1, Lex::from) || is(i - 1, Lex::to) ||
                     is(i - 1, Lex::during) || is(i - 1, Lex::of) || is(i - 1, Lex::early) ||
                     is(i - 1, Lex::late) || is(i - 1, Lex::mid) || is(i - 1, Lex::before) ||
                     is(i - 1, Lex::after) || low(i - 1) == "through" || low(i - 1) == "between");
}

// A fixed day spanning tokens [i, end); an impossible one (February 30) is consumed but not
// reported (an empty value).
bool Grammar::fixed_day(Mention& m, std::size_t i, std::size_t end, CivilDate date,
                        bool written) const {
    m.kind = MentionKind::fixed;
    m.fixed.clear();
    if (is_valid_date(date.year, date.month, date.day)) {
        m.fixed = format_day(days_from_civil(date.year, date.month, date.day));
        m.explicit_day = written;
    }
    finish(m, i, end);
    return true;
}

// A day and month ending at token k, in either order (or named by a holiday): with a year
// suffix a fixed day (an impossible one, February 30, is consumed but not reported), without
// one a month-day the resolver places in a year.
bool Grammar::finish_day(Mention& m, std::size_t i, std::size_t k, int month, int day,
                         bool written) const {
    int year = 0;
    const std::size_t y = year_suffix(k, year);
    if (y != kNone) {
        return fixed_day(m, i, y, {year, month, day}, written);
    }
    if (day > days_in_month(2000, month)) {
        m.fixed.clear();
        finish(m, i, k);
        return true;
    }
    m.kind = MentionKind::month_day;
    m.month = month;
    m.day = day;
    finish(m, i, k);
    return true;
}

bool Grammar::coordinated_day(const Mention& first, Mention& second) const {
    const std::size_t k = first.last_token;
    CivilDate on{0, first.month, first.day};
    if (first.kind == MentionKind::fixed && first.explicit_day && first.shift_days == 0) {
        if (const auto d = parse_iso_day(first.fixed)) {
            on = civil_from_days(*d);
        }
    } else if (first.kind != MentionKind::month_day || !first.mod.empty()) {
        return false;
    }
    if (on.month == 0 || !(is(k, Lex::and_) || low(k) == "or") || !plain_number(k + 1) ||
        toks_[k + 1].digits > 2 || !same_sentence(k, k + 1)) {
        return false;
    }
    const int day = static_cast<int>(toks_[k + 1].value);
    // Only a number that ends the phrase is a day: "on May 3 and 4 people died" is a count.
    const std::size_t after = k + 2;
    const bool ends = at(after) == nullptr || !same_sentence(k + 1, after) ||
                      (toks_[after].kind == TokenKind::punct && toks_[after].punct != '%' &&
                       toks_[after].punct != ':' && toks_[after].punct != '-');
    if (day < 1 || day > days_in_month(2000, on.month) || day == on.day || !ends) {
        return false;
    }
    second = Mention{};
    if (on.year != 0) {
        return fixed_day(second, k + 1, after, {on.year, on.month, day}, true);
    }
    return finish_day(second, k + 1, after, on.month, day);
}

bool Grammar::month_first(std::size_t i, Mention& m) const {
    int month = 0;
    bool ambiguous = false;
    std::size_t j = month_at(i, month, ambiguous);
    if (j == kNone) {
        return false;
    }
    int day = 0;
    std::size_t k = day_at(j, day);
    // A day must not be the hour of a clock time ("April 25:30") or the first of a number
    // range; "April 25: the court ruled" is a day.
    const bool clock = punct(k, ':') && attached(k) && plain_number(k + 1) && attached(k + 1);
    if (k != kNone && !clock && !(punct(k, '-') && plain_number(k + 1))) {
        return finish_day(m, i, k, month, day);
    }
    int year = 0;
    std::size_t y = year_suffix(j, year);
    if (y != kNone && !(punct(j, ',') && ambiguous)) {
        m.kind = MentionKind::fixed;
        m.fixed = format_month(year, month);
        finish(m, i, y);
        return true;
    }
    // "March of next year", "June this year"
    {
        std::size_t r = is(j, Lex::of) ? j + 1 : j;
        if ((is(r, Lex::next) || is(r, Lex::last) || is(r, Lex::this_)) && is(r + 1, Lex::unit) &&
            low(r + 1) == "year") {
            m.kind = MentionKind::month;
            m.month = month;
            m.year_offset = is(r, Lex::next) ? 1 : is(r, Lex::last) ? -1 : 0;
            finish(m, i, r + 2);
            return true;
        }
    }
    // A month name alone. "May", "March" and abbreviations need a temporal word before them;
    // any month name right after a capitalised word ("Theresa May", "June Carter") is a name.
    const bool after_preposition =
        temporal_word_before(i) ||
        (i > 0 && (is(i - 1, Lex::last) || is(i - 1, Lex::next) || is(i - 1, Lex::this_) ||
                   is(i - 1, Lex::and_) || low(i - 1) == "or" || low(i - 1) == "till")) ||
        hyphenated_after_modifier(i);
    const bool name_follows = at(j) != nullptr && toks_[j].kind == TokenKind::word &&
                              toks_[j].capitalized && toks_[j].lex == Lex::none &&
                              same_sentence(i, j);
    if (ambiguous && !after_preposition && attributive_month(i, j)) {
        m.kind = MentionKind::month; // "the May vote", "the March handover"
        m.month = month;
        finish(m, i, j);
        return true;
    }
    if (ambiguous && (!after_preposition || name_follows)) {
        return false; // "and Jan Smit of ..." is a name even after "and"
    }
    if (!after_preposition && i > 0 && toks_[i - 1].kind == TokenKind::word &&
        toks_[i - 1].capitalized && toks_[i - 1].lex == Lex::none && same_sentence(i - 1, i)) {
        return false;
    }
    if (!after_preposition && name_follows) {
        return false;
    }
    m.kind = MentionKind::month;
    m.month = month;
    finish(m, i, j);
    return true;
}

bool Grammar::day_first(std::size_t i, Mention& m) const {
    int day = 0;
    std::size_t j = day_at(i, day);
    if (j == kNone) {
        return false;
    }
    if (is(j, Lex::of) && (toks_[i].ordinal || toks_[i].lex == Lex::ordinal_word)) {
        ++j;
    } else if (toks_[i].lex == Lex::ordinal_word) {
        return false; // "first May" is not a date; "first of May" is
    }
    int month = 0;
    bool ambiguous = false;
    std::size_t k = month_at(j, month, ambiguous);
    if (k == kNone) {
        return false;
    }
    return finish_day(m, i, k, month, day);
}

bool Grammar::numeric_date(std::size_t i, Mention& m) const {
    if (!plain_number(i)) {
        return false;
    }
    const Token& a = toks_[i];
    // 2013-08-21 and 2013/08/21
    if (a.digits == 4 && (punct(i + 1, '-') || punct(i + 1, '/')) && attached(i + 1) &&
        plain_number(i + 2) && attached(i + 2) && toks_[i + 2].digits <= 2 &&
        punct(i + 3, toks_[i + 1].punct) && attached(i + 3) && plain_number(i + 4) &&
        attached(i + 4) && toks_[i + 4].digits <= 2) {
        const int y = static_cast<int>(a.value);
        const int mo = static_cast<int>(toks_[i + 2].value);
        const int d = static_cast<int>(toks_[i + 4].value);
        return fixed_day(m, i, i + 5, {y, mo, d}, true);
    }
    // 21/08/2013, 8/21/2013, 7/8/07 (also with '.' or '-' between, same separator twice)
    if (a.digits <= 2 && (punct(i + 1, '/') || punct(i + 1, '-') || punct(i + 1, '.')) &&
        attached(i + 1) && plain_number(i + 2) && attached(i + 2) && toks_[i + 2].digits <= 2 &&
        punct(i + 3, toks_[i + 1].punct) && attached(i + 3) && plain_number(i + 4) &&
        attached(i + 4) && (toks_[i + 4].digits == 4 || toks_[i + 4].digits == 2) &&
        !(punct(i + 5, toks_[i + 1].punct) && attached(i + 5))) {
        const int first = static_cast<int>(a.value);
        const int second = static_cast<int>(toks_[i + 2].value);
        const int y = toks_[i + 4].digits == 4 ? static_cast<int>(toks_[i + 4].value)
                                               : expand_two_digit_year(toks_[i + 4].value);
        int mo = first;
        int d = second;
        if (first > 12 || (second <= 12 && options_.numeric_order == NumericOrder::day_first)) {
            mo = second;
            d = first;
        }
        return fixed_day(m, i, i + 5, {y, mo, d}, true);
    }
    return false;
}

bool Grammar::part_of_day_suffix(std::size_t j, Mention& m) const {
    if (is(j, Lex::part_of_day) && same_sentence(j - 1, j)) {
        m.time_suffix = day_part_code(toks_[j].lex_value);
        m.type = TimexType::time;
        m.last_token = static_cast<std::uint32_t>(j + 1);
        return true;
    }
    return false;
}

bool Grammar::weekday_core(std::size_t i, Mention& m) const {
    if (!is(i, Lex::weekday)) {
        return false;
    }
    std::size_t j = i + 1;
    if (punct(j, '.') && attached(j) && low(i).size() <= 5) {
        ++j;
    }
    // "Friday, August 21, 2013": the explicit date decides.
    std::size_t k = punct(j, ',') ? j + 1 : j;
    Mention date;
    if (k < n_ && !toks_[k].newline_before && (month_first(k, date) || day_first(k, date)) &&
        date.kind != MentionKind::month) {
        date.first_token = static_cast<std::uint32_t>(i);
        if (date.kind == MentionKind::month_day) {
            date.weekday = toks_[i].lex_value; // "Friday, Nov. 5": the weekday picks the year
            date.weekday_check = true;
        }
        m = date;
        return true;
    }
    // "the Sunday Times", "the Monday Club": after "the", a weekday before a capitalised name
    // word is part of the name
    if (i > 0 && is(i - 1, Lex::the) && j == i + 1 && at(j) != nullptr &&
        toks_[j].kind == TokenKind::word && toks_[j].capitalized && toks_[j].lex == Lex::none &&
        same_sentence(i, j)) {
        return false;
    }
    m.kind = MentionKind::weekday;
    m.weekday = toks_[i].lex_value;
    finish(m, i, j);
    part_of_day_suffix(j, m);
    return true;
}

// "the '40s" and "the 80s" are last century's: a decade is named in retrospect far more often
// than ahead, so only the 2000s and 2010s ("the '00s", "the '10s") are read as this century's.
std::string two_digit_decade(long yy) {
    return std::to_string((yy >= 20 ? 1900 + yy : 2000 + yy) / 10);
}

// An age, not a decade: "a man in his 40s", "in her early 30s", "their mid-20s"
bool Grammar::age_decade(std::size_t i) const {
    std::size_t k = i;
    if (k > 0 && punct(k - 1, '-')) {
        --k;
    }
    if (k > 0 && (is(k - 1, Lex::early) || is(k - 1, Lex::mid) || is(k - 1, Lex::late))) {
        --k;
    }
    if (k == 0) {
        return false;
    }
    const std::string_view w = low(k - 1);
    return w == "his" || w == "her" || w == "their" || w == "my" || w == "our" || w == "your";
}

// A decade in words after "the", as transcripts say it: "the nineteen sixties" 196, "the
// eighties" 198 (without the century, last century's, as "the '80s" is); the index after it
// and its value, kNone when none is there or it is a temperature ("the sixties degrees").
std::size_t Grammar::spelled_decade_at(std::size_t i, std::string& value) const {
    static constexpr std::string_view kDecades[] = {"twenties", "thirties", "forties",
                                                    "fifties",  "sixties",  "seventies",
                                                    "eighties", "nineties"};
    std::size_t j = i;
    std::string century = "19";
    if (is(j, Lex::number_word) && (low(j) == "nineteen" || low(j) == "eighteen")) {
        century = low(j) == "nineteen" ? "19" : "18";
        ++j;
    }
    if (at(j) == nullptr || !same_sentence(i, j) || low(j + 1) == "degrees") {
        return kNone;
    }
    for (std::size_t d = 0; d < 8; ++d) {
        if (low(j) == kDecades[d]) {
            value = century + std::to_string(d + 2);
            return j + 1;
        }
    }
    return kNone;
}

// Plural nouns that a year modifies as the period they measure, never a count of them:
// "2010 levels", "2012 results", "2014 forecasts".
bool Grammar::year_figures(std::string_view w) {
    static constexpr std::string_view kFigures[] = {
        "levels",    "results",  "figures",   "earnings",  "sales",   "profits",
        "revenues",  "prices",   "forecasts", "estimates", "targets", "budgets",
        "elections", "accounts", "totals",    "highs",     "lows",    "peaks"};
    for (std::string_view f : kFigures) {
        if (w == f) {
            return true;
        }
    }
    return false;
}

bool Grammar::year_core(std::size_t i, Mention& m) const {
    const Token* t = at(i);
    if (t == nullptr) {
        return false;
    }
    // Decades: 1990s, '80s, 80s
    if (t->kind == TokenKind::number && t->decade_s && age_decade(i)) {
        return false;
    }
    if (t->kind == TokenKind::number && t->decade_s) {
        if (t->digits == 4 && t->value >= 1000 && t->value <= 2190) {
            m.kind = MentionKind::fixed;
            m.fixed = std::to_string(t->value / 10);
            finish(m, i, i + 1);
            return true;
        }
        if (t->digits == 2) {
            m.kind = MentionKind::fixed;
            m.fixed = two_digit_decade(t->value);
            finish(m, i, i + 1);
            return true;
        }
        return false;
    }
    if (t->kind == TokenKind::punct && t->punct == '\'' && at(i + 1) != nullptr &&
        toks_[i + 1].kind == TokenKind::number && toks_[i + 1].decade_s &&
        toks_[i + 1].digits == 2 && attached(i + 1)) {
        m.kind = MentionKind::fixed;
        m.fixed = two_digit_decade(toks_[i + 1].value);
        finish(m, i, i + 2);
        return true;
    }
    int year = 0;
    std::size_t j = year_at(i, year);
    if (j == kNone || titled_unit(i, j)) {
        return false; // "''60 Minutes''" names a programme
    }
    // Not a year: $2010, 2010%, 2,010, a range 2010-11 / list 2010/11, or a count of things
    // ("2000 people") unless a temporal preposition introduces it.
    const bool after_preposition =
        temporal_word_before(i) || (i > 0 && (is(i - 1, Lex::fiscal) || is(i - 1, Lex::season)));
    if (i > 0 && toks_[i - 1].kind == TokenKind::punct && attached(i) &&
        (toks_[i - 1].punct == '$' || toks_[i - 1].punct == '#')) {
        return false;
    }
    // Currency signs such as £ and € are multi-byte and arrive as word bytes.
    if (i > 0 && toks_[i - 1].kind == TokenKind::word && attached(i) &&
        static_cast<unsigned char>(text_[toks_[i - 1].end - 1]) >= 0x80) {
        return false; // "€2010", "£2010"
    }
    if (punct(j, '%') || (low(j) == "percent") ||
        (punct(j, '.') && attached(j) && plain_number(j + 1))) {
        return false;
    }
    // A number between names is part of a name: "Russell 2000 Index", "iLife '11 suite".
    auto name_word = [&](std::size_t k) {
        return k < n_ && toks_[k].kind == TokenKind::word && toks_[k].lex == Lex::none &&
               (toks_[k].capitalized ||
                (toks_[k].end - toks_[k].begin >= 2 && text_[toks_[k].begin + 1] >= 'A' &&
                 text_[toks_[k].begin + 1] <= 'Z')) &&
               same_sentence(i, k);
    };
    if (!after_preposition && i > 0 && name_word(i - 1) &&
        (name_word(j) || toks_[i].kind == TokenKind::punct)) {
        return false;
    }
    // A count of things, even after a preposition: "2000 people", "by 1104 infections"; but
    // the figures of a year are the year's ("from 2010 levels", "the firm's 2012 results").
    const Token* next = at(j);
    if (next != nullptr && next->kind == TokenKind::word && !next->capitalized &&
        next->lex == Lex::none && same_sentence(i, j)) {
        const std::string_view w = low(j);
        if (w.size() > 3 && w.back() == 's' && w != "was" && w != "has" && w != "is" &&
            w.substr(w.size() - 2) != "ss" && !(year >= 1900 && year <= 2100 && year_figures(w))) {
            return false;
        }
    }
    if (!after_preposition) {
        if (year < 1900 || year > 2100) {
            return false;
        }
        if (i > 0 &&
            (is(i - 1, Lex::about) || is(i - 1, Lex::around) || is(i - 1, Lex::some) ||
             is(i - 1, Lex::nearly) || is(i - 1, Lex::almost) || is(i - 1, Lex::than) ||
             is(i - 1, Lex::over) || is(i - 1, Lex::approximately)) &&
            next != nullptr && next->kind == TokenKind::word && !next->capitalized) {
            return false;
        }
    }
    m.kind = MentionKind::fixed;
    m.fixed = format_year(year);
    finish(m, i, j);
    return true;
}

} // namespace eventmap::dates::detail
