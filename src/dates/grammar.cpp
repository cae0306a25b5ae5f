// The recognition loop of the date grammar: at each token, the longest expression any rule family
// matches (core dates, then the wrappers around them), without overlaps. The families live in
// grammar_absolute, grammar_relative, grammar_periods, grammar_modifiers, grammar_amounts,
// grammar_clock and grammar_references; tense in tense.cpp.
#include "dates/calendar.hpp"
#include "dates/grammar_rules.hpp"

namespace eventmap::dates {

namespace detail {

bool Grammar::core(std::size_t i, Mention& m) const {
    m = Mention{};
    const Token* t = at(i);
    if (t == nullptr) {
        return false;
    }
    if (t->kind == TokenKind::number || (t->kind == TokenKind::punct && t->punct == '\'')) {
        // "a 19th century painter", "21st-century skills": the century without "the"
        if (int n = 0; t->ordinal && ordinal_at(i, n) != kNone && n >= 1 && n <= 30) {
            const std::size_t u = punct(i + 1, '-') && attached(i + 1) ? i + 2 : i + 1;
            if (is(u, Lex::unit) && low(u) == "century") {
                m.kind = MentionKind::fixed;
                m.fixed = two_digits(n - 1);
                finish(m, i, u + 1);
                return true;
            }
        }
        if (t->ordinal && ordinal_period(i, m)) {
            return true;
        }
        m = Mention{};
        if (numeric_date(i, m) || day_first(i, m) || year_core(i, m)) {
            return true;
        }
        m = Mention{};
        return false;
    }
    if (t->kind != TokenKind::word) {
        return false;
    }
    if ((t->lex == Lex::ordinal_word || t->lex == Lex::unit) && ordinal_period(i, m)) {
        return true;
    }
    m = Mention{};
    switch (t->lex) {
    case Lex::month:
        return month_first(i, m);
    case Lex::weekday:
        return weekday_core(i, m);
    case Lex::ordinal_word:
        return day_first(i, m) || quarter_core(i, m);
    case Lex::number_word: {
        int year = 0;
        const std::size_t k = spelled_year_at(i, year);
        // "nineteen twenty people": a count of things
        const Token* next = at(k);
        if (k == kNone || (next != nullptr && next->kind == TokenKind::word && !next->capitalized &&
                           next->lex == Lex::none && same_sentence(i, k) && low(k).size() > 3 &&
                           low(k).back() == 's')) {
            return false;
        }
        m.kind = MentionKind::fixed;
        m.fixed = format_year(year);
        finish(m, i, k);
        return true;
    }
    case Lex::last:
        return relative_core(i, m) || quarter_core(i, m);
    case Lex::next:
    case Lex::this_:
    case Lex::current:
    case Lex::coming:
    case Lex::past:
    case Lex::previous:
    case Lex::following:
    case Lex::upcoming:
        return relative_core(i, m);
    case Lex::today:
    case Lex::tonight:
    case Lex::yesterday:
    case Lex::tomorrow:
        return deictic_core(i, m);
    case Lex::the:
        return the_core(i, m);
    case Lex::season:
        return season_core(i, m);
    case Lex::holiday:
        return holiday_core(i, m);
    case Lex::unit:
        return quarter_core(i, m); // "second quarter"
    case Lex::fiscal: {
        // fiscal 2014, fiscal year 2014, FY2014, FY14
        std::size_t j = i + 1;
        if (is(j, Lex::unit) && low(j) == "year") {
            ++j;
        }
        int year = 0;
        std::size_t y = year_at(j, year);
        if (y == kNone && plain_number(j) && attached(j) && toks_[j].digits == 2) {
            year = expand_two_digit_year(toks_[j].value);
            y = j + 1;
        }
        if (y == kNone) {
            return false;
        }
        m.kind = MentionKind::fixed;
        m.fixed = "FY" + format_year(year);
        finish(m, i, y);
        return true;
    }
    default:
        break;
    }
    const std::string_view w = low(i);
    if (w == "q" || w == "h" || w == "final" || w == "latter") {
        return quarter_core(i, m);
    }
    if (w == "new" || w == "valentine" || w == "independence" || w == "boxing" || w == "election" ||
        w == "veterans" || w == "remembrance" || w == "armistice" || w == "bastille" ||
        w == "canada" || w == "groundhog" || w == "patrick" || w == "memorial" || w == "labor" ||
        w == "columbus" || w == "presidents" || w == "president" || w == "mother" ||
        w == "father" || w == "martin" || w == "mlk" || w == "earth" || w == "flag" ||
        w == "anzac" || w == "australia") {
        return holiday_core(i, m);
    }
    return false;
}

// ---------------------------------------------------------------------------------------------

bool Grammar::match(std::size_t i, Mention& best) const {
    Mention m;
    bool found = false;
    auto consider = [&](Mention& candidate) {
        for (std::size_t k = candidate.first_token + 1; k < candidate.last_token; ++k) {
            if (toks_[k].newline_before) {
                return; // an expression never spans a line break (headline, dateline)
            }
        }
        if (!found || candidate.last_token > best.last_token) {
            best = candidate;
            found = true;
        }
    };
    const Token& t = toks_[i];
    if (discourse_rule(i, m)) {
        consider(m); // first: at equal length its reading wins
    }
    if (frequency_set(i, m)) {
        consider(m);
    }
    if (t.kind == TokenKind::number) {
        if (clock_time(i, m)) {
            consider(m);
        }
        if (amount_expression(i, m)) {
            consider(m);
        }
    } else if (t.kind == TokenKind::word) {
        if ((t.lex == Lex::weekday || t.lex == Lex::weekdays || t.lex == Lex::unit) &&
            recurring_weekday(i, m)) {
            consider(m);
        }
        if (t.lex == Lex::article || t.lex == Lex::number_word || t.lex == Lex::half) {
            if (amount_expression(i, m)) {
                consider(m);
            }
        }
        if (t.lex == Lex::month && low(i) == "may" && holiday_core(i, m)) {
            consider(m); // "May Day"
        }
        if ((t.lex == Lex::month || t.lex == Lex::season) &&
            (low(i) == "august" || low(i) == "spring" || low(i) == "summer") &&
            holiday_core(i, m)) {
            consider(m); // "August Bank Holiday", "Spring Bank Holiday"
        }
        // "half past ten", "a quarter to nine": tried only where such a time can open
        const bool fraction =
            t.lex == Lex::half || ((t.lex == Lex::article || t.lex == Lex::unit) &&
                                   (low(i) == "quarter" || low(i + 1) == "quarter"));
        if ((t.lex == Lex::number_word || fraction) && clock_time(i, m)) {
            consider(m); // "eleven p.m.", "nine o'clock"
        }
        if ((t.lex == Lex::the || t.lex == Lex::early || t.lex == Lex::mid || t.lex == Lex::late ||
             t.lex == Lex::part_of_day) &&
            part_of_day_alone(i, m)) {
            consider(m);
        }
        if (t.lex == Lex::noon || t.lex == Lex::midnight) {
            if (clock_time(i, m)) {
                consider(m);
            }
        }
        if (set_expression(i, m)) {
            consider(m);
        }
        if ((t.lex == Lex::this_ || t.lex == Lex::each || t.lex == Lex::every ||
             low(i) == "that") &&
            season_core(i, m)) {
            consider(m); // "this season", "each season", "that summer"
        }
        if (modified(i, m)) {
            consider(m);
        }
        if (ref_word(i, m)) {
            consider(m);
        }
        if ((t.lex == Lex::unit || t.lex == Lex::none) && long_adjective(i, m)) {
            consider(m);
        }
        if (t.lex == Lex::unit && year_end(i, m)) {
            consider(m);
        }
        if ((t.lex == Lex::earlier || t.lex == Lex::later || t.lex == Lex::early ||
             t.lex == Lex::late || low(i) == "that") &&
            that_unit(i, m)) {
            consider(m);
        }
        if (anniversary_core(i, m)) {
            consider(m);
        }
        if (t.lex == Lex::the && the_core(i, m)) {
            consider(m);
        }
        // "net profit for the year ended June 30": a twelve-month accounting period whose
        // end is the date that follows
        if (t.lex == Lex::the && low(i + 1) == "year" &&
            (low(i + 2) == "ended" || low(i + 2) == "ending")) {
            m = Mention{};
            m.type = TimexType::duration;
            m.kind = MentionKind::fixed;
            m.fixed = "P1Y";
            finish(m, i, i + 2);
            consider(m);
        }
    }
    if (known_event_core(i, m, true)) {
        consider(m);
    }
    if (core(i, m)) {
        consider(m);
    }
    return found;
}

namespace {

// Words outside the temporal lexicon that can still open an expression.
bool special_word(std::string_view w) {
    switch (w.size()) {
    case 1:
        return w == "q" || w == "h";
    case 3:
        return w == "new" || w == "mlk";
    case 5:
        return w == "final" || w == "short" || w == "twice" || w == "labor" || w == "earth" ||
               w == "anzac";
    case 4:
        return w == "near" || w == "once" || w == "flag";
    case 6:
        return w == "boxing" || w == "single" || w == "future" || w == "thrice" || w == "latter" ||
               w == "mother" || w == "father" || w == "canada" || w == "martin";
    case 7:
        return w == "between" || w == "daylong" || w == "patrick";
    case 8:
        return w == "yearlong" || w == "weeklong" || w == "hourlong" || w == "election" ||
               w == "memorial" || w == "columbus" || w == "veterans" || w == "bastille";
    case 9:
        return w == "valentine" || w == "monthlong" || w == "overnight" || w == "president" ||
               w == "armistice" || w == "groundhog" || w == "australia";
    case 10:
        return w == "presidents";
    case 11:
        return w == "remembrance";
    case 12:
        return w == "independence";
    default:
        return false;
    }
}

} // namespace

std::vector<Mention> Grammar::run() {
    std::vector<Mention> out;
    std::size_t i = 0;
    while (i < n_) {
        Mention m;
        const Token& t = toks_[i];
        const bool candidate = t.kind == TokenKind::number || t.lex != Lex::none ||
                               (t.kind == TokenKind::punct && t.punct == '\'');
        bool found = false;
        if (candidate) {
            found = match(i, m);
        } else if (t.kind == TokenKind::word) {
            found = known_event_core(i, m, true) || (special_word(low(i)) && match(i, m)) ||
                    weekday_holiday(i, m);
        }
        if (found && m.last_token > i) {
            m.byte_begin = toks_[m.first_token].begin;
            m.byte_end = toks_[m.last_token - 1].end;
            m.sentence = sentences_[m.first_token];
            if (m.tense == Tense::unknown) {
                m.tense = as_early_as(m.first_token) && !explicitly_past(m) ? Tense::future
                          : attributive(m)                                  ? Tense::past
                                           : tense_of(m.first_token, m.last_token);
                // "stays shut until Friday": in news a weekday after "until" is a deadline
                // ahead, even when a participle ("closed") makes the clause look past
                if (m.kind == MentionKind::weekday && m.first_token > 0 &&
                    is(m.first_token - 1, Lex::until) && !past_perfect_after(m.last_token)) {
                    m.tense = Tense::future;
                }
                // "to repay the loan by February": a month after "by" or "until" in a clause
                // that is not past is a deadline ahead
                if (m.kind == MentionKind::month && m.rel == 0 && m.first_token > 0 &&
                    (is(m.first_token - 1, Lex::by) || is(m.first_token - 1, Lex::until)) &&
                    (m.tense == Tense::unknown || m.tense == Tense::present)) {
                    m.tense = Tense::future;
                }
                // "a new board, effective Feb. 1": the date of a change, whatever the tense
                // of the announcement; the nearest such day
                if (m.first_token > 0 && low(m.first_token - 1) == "effective") {
                    m.tense = Tense::present;
                }
            }
            const bool suppressed =
                (m.kind == MentionKind::fixed && m.fixed.empty()) || in_title(m);
            i = m.last_token;
            Mention second;
            const bool pair = !suppressed && coordinated_day(m, second);
            if (pair) {
                second.byte_begin = toks_[second.first_token].begin;
                second.byte_end = toks_[second.last_token - 1].end;
                second.sentence = m.sentence;
                second.tense = m.tense;
                i = second.last_token;
            }
            if (!suppressed) {
                out.push_back(std::move(m));
            }
            if (pair) {
                out.push_back(std::move(second));
            }
            continue;
        }
        ++i;
    }
    return out;
}

} // namespace detail

std::vector<Mention> recognise(std::string_view text, std::string_view lower,
                               const std::vector<Token>& tokens, const KnownEvents& events,
                               const GrammarOptions& options) {
    detail::Grammar grammar(text, lower, tokens, events, options);
    return grammar.run();
}

} // namespace eventmap::dates
