// Contents
//   1. Token access and small parsers (amounts, units, days, years, months)
//   2. Date cores: month-first, day-first, numeric, weekday, year/decade, relative, deictic,
//      quarters, seasons, holidays, known events, anniversaries
//   3. Wrappers: modifiers (about, early, the end of), offsets (two days later, a day after X),
//      durations, sets, clock times
//   4. Sentences and tense
//   5. The recognition loop
#include "dates/grammar.hpp"

#include "common/numbers.hpp"
#include "dates/calendar.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace eventmap::dates {

namespace {

// ---------------------------------------------------------------------------------------------
// 1. Token access and small parsers
// ---------------------------------------------------------------------------------------------

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::string number_text(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) {
        return std::to_string(static_cast<long>(std::llround(v)));
    }
    return format_number(v); // "2.5" in any locale (P2.5Y, never P2,5Y)
}

std::string duration_value(double amount, Unit unit) {
    // Fractions of clock units read better in the next smaller one: PT30M, not PT0.5H.
    if (amount > 0 && amount != std::floor(amount)) {
        if (unit == Unit::hour) {
            amount *= 60;
            unit = Unit::minute;
        } else if (unit == Unit::minute) {
            amount *= 60;
            unit = Unit::second;
        }
    }
    const bool vague = amount < 0;
    const std::string n = vague ? "X" : number_text(amount);
    switch (unit) {
    case Unit::second:
        return "PT" + n + "S";
    case Unit::minute:
        return "PT" + n + "M";
    case Unit::hour:
        return "PT" + n + "H";
    case Unit::day:
        return "P" + n + "D";
    case Unit::week:
        return "P" + n + "W";
    case Unit::weekend:
        return "P" + n + "WE";
    case Unit::fortnight:
        return vague ? "PXW" : "P" + number_text(2 * amount) + "W";
    case Unit::month:
        return "P" + n + "M";
    case Unit::quarter:
        return "P" + n + "Q";
    case Unit::year:
        return "P" + n + "Y";
    case Unit::decade:
        return vague ? "PXDE" : "P" + number_text(10 * amount) + "Y";
    case Unit::century:
        return vague ? "PXCE" : "P" + number_text(100 * amount) + "Y";
    }
    return "P" + n + "D";
}

const char* day_part_code(int value) {
    static constexpr std::array<const char*, 4> suffixes = {"TMO", "TAF", "TEV", "TNI"};
    return suffixes[static_cast<std::size_t>(value) % 4];
}

int expand_two_digit_year(long yy) {
    return static_cast<int>(yy <= 49 ? 2000 + yy : 1900 + yy);
}

bool is_tense_subordinator(std::string_view w) {
    return w == "that" || w == "which" || w == "who" || w == "when" || w == "if" ||
           w == "because" || w == "while" || w == "where" || w == "but" || w == "whether" ||
           w == "although" || w == "unless";
}

Tense word_tense(std::string_view w, bool capitalized) {
    // Irregular and auxiliary cues first; then the regular past "-ed".
    static constexpr std::string_view future[] = {
        "will",   "shall",    "would", "wo",      "expected", "expects",  "scheduled", "due",
        "plans",  "planned",  "plan",  "intends", "intend",   "aims",     "could",     "might",
        "should", "upcoming", "next",  "ll",      "hopes",    "tomorrow", "later"};
    static constexpr std::string_view past[] = {
        "was",   "were",      "had",     "did",        "said",   "told",    "came",    "went",
        "took",  "made",      "gave",    "saw",        "met",    "left",    "held",    "won",
        "lost",  "sold",      "bought",  "began",      "became", "fell",    "rose",    "broke",
        "spoke", "wrote",     "ran",     "found",      "got",    "thought", "brought", "led",
        "paid",  "sent",      "spent",   "built",      "struck", "fought",  "shot",    "ago",
        "last",  "yesterday", "earlier", "previously", "hit",    "saw",     "knew",    "grew",
        "drew",  "threw",     "flew",    "fled",       "wore",   "chose",   "froze",   "stood",
        "sat",   "felt",      "kept",    "meant",      "heard",  "lay",     "rang",    "sang",
        "sank",  "swam",      "drove",   "rode",       "ate"};
    static constexpr std::string_view present[] = {"is", "are", "says", "am", "does", "remains"};
    static constexpr std::string_view not_past[] = {
        "need",     "speed",      "feed",      "seed",     "indeed",   "proceed",   "succeed",
        "exceed",   "hundred",    "embed",     "based",    "united",   "limited",   "related",
        "detailed", "interested", "concerned", "armed",    "advanced", "bed",       "red",
        "shed",     "wed",        "breed",     "greed",    "steed",    "weed",      "unprecedented",
        "expected", "scheduled",  "planned",   "supposed", "alleged",  "so-called", "reed",
        "creed",    "bleed"};
    for (auto f : future) {
        if (w == f) {
            return Tense::future;
        }
    }
    for (auto p : past) {
        if (w == p) {
            return Tense::past;
        }
    }
    for (auto p : present) {
        if (w == p) {
            return Tense::present;
        }
    }
    if (!capitalized && w.size() >= 5 && w.substr(w.size() - 2) == "ed") {
        for (auto n : not_past) {
            if (w == n) {
                return Tense::unknown;
            }
        }
        return Tense::past;
    }
    return Tense::unknown;
}

class Grammar {
  public:
    Grammar(std::string_view text, std::string_view lower, const std::vector<Token>& tokens,
            const KnownEvents& events, const GrammarOptions& options)
        : text_(text), lower_(lower), toks_(tokens), events_(events), options_(options),
          n_(tokens.size()), sentences_(sentence_ids(lower, tokens)) {}

    std::vector<Mention> run();

  private:
    // --- token access ---
    const Token* at(std::size_t i) const { return i < n_ ? &toks_[i] : nullptr; }
    Lex lex(std::size_t i) const { return i < n_ ? toks_[i].lex : Lex::none; }
    bool is(std::size_t i, Lex l) const { return i < n_ && toks_[i].lex == l; }
    std::string_view low(std::size_t i) const {
        return i < n_ ? lower_.substr(toks_[i].begin, toks_[i].end - toks_[i].begin)
                      : std::string_view();
    }
    bool punct(std::size_t i, char c) const {
        return i < n_ && toks_[i].kind == TokenKind::punct && toks_[i].punct == c;
    }
    bool attached(std::size_t i) const { return i < n_ && !toks_[i].space_before; }
    bool plain_number(std::size_t i) const {
        const Token* t = at(i);
        return t != nullptr && t->kind == TokenKind::number && !t->grouped && !t->decimal &&
               !t->ordinal && !t->decade_s;
    }
    bool same_sentence(std::size_t a, std::size_t b) const {
        return a < n_ && b < n_ && sentences_[a] == sentences_[b];
    }

    // --- small parsers: each returns the index after what it consumed, or kNone ---
    std::size_t amount_at(std::size_t i, double& amount) const;
    std::size_t unit_at(std::size_t i, Unit& unit, bool& plural) const;
    std::size_t day_at(std::size_t i, int& day) const;
    std::size_t year_at(std::size_t i, int& year) const;
    std::size_t spelled_year_at(std::size_t i, int& year) const;
    std::size_t month_at(std::size_t i, int& month, bool& ambiguous) const;
    std::size_t ordinal_at(std::size_t i, int& n) const;
    std::size_t am_pm_at(std::size_t i, bool& pm) const;

    // --- cores ---
    bool core(std::size_t i, Mention& m) const;
    bool month_first(std::size_t i, Mention& m) const;
    bool finish_day(Mention& m, std::size_t i, std::size_t k, int month, int day) const;
    bool day_first(std::size_t i, Mention& m) const;
    bool numeric_date(std::size_t i, Mention& m) const;
    bool weekday_core(std::size_t i, Mention& m) const;
    bool year_core(std::size_t i, Mention& m) const;
    bool relative_core(std::size_t i, Mention& m) const;
    bool deictic_core(std::size_t i, Mention& m) const;
    bool the_core(std::size_t i, Mention& m) const;
    bool quarter_core(std::size_t i, Mention& m) const;
    bool season_core(std::size_t i, Mention& m) const;
    bool holiday_core(std::size_t i, Mention& m) const;
    // `standalone`: the name is reported on its own, which only date-like names are.
    bool known_event_core(std::size_t i, Mention& m, bool standalone = false) const;
    bool anniversary_core(std::size_t i, Mention& m) const;
    bool anchor_target(std::size_t i, Mention& m) const;
    std::size_t year_suffix(std::size_t i, int& year) const;

    // --- wrappers ---
    bool modified(std::size_t i, Mention& m) const;
    bool amount_expression(std::size_t i, Mention& m) const;
    bool set_expression(std::size_t i, Mention& m) const;
    bool clock_time(std::size_t i, Mention& m) const;
    bool ref_word(std::size_t i, Mention& m) const;
    bool modifies_next_word(std::size_t i) const;
    // A lowercase word right after a count: "bikes" in "400 bikes", "cents" in "five cents"
    bool counted_noun(std::size_t i) const {
        return i > 0 && at(i) != nullptr && toks_[i].kind == TokenKind::word &&
               !toks_[i].capitalized && toks_[i].lex == Lex::none &&
               (toks_[i - 1].kind == TokenKind::number || is(i - 1, Lex::number_word));
    }
    // "today's teenagers", "today's society": the present age, not the publication day
    bool generic_today(std::size_t i) const {
        if (!(punct(i + 1, '\'') && attached(i + 1) && low(i + 2) == "s")) {
            return false;
        }
        static constexpr std::string_view kGeneric[] = {
            "world",     "youth",     "society", "generation", "children",   "young",
            "economy",   "culture",   "media",   "politics",   "technology", "standards",
            "consumers", "teenagers", "global",  "modern",     "digital"};
        const std::string_view w = low(i + 3);
        for (std::string_view g : kGeneric) {
            if (w == g) {
                return true;
            }
        }
        return false;
    }
    // "as early as Monday", "as soon as Sunday": a time ahead
    bool as_early_as(std::size_t first) const {
        return first >= 3 && low(first - 3) == "as" && low(first - 1) == "as" &&
               (low(first - 2) == "early" || low(first - 2) == "soon");
    }
    // A day named to identify an event ("Thursday's verdict", "the March 4 floods"): news
    // names past events this way, whatever the tense of the clause around it.
    bool attributive(const Mention& m) const {
        if (m.kind != MentionKind::weekday && m.kind != MentionKind::month_day) {
            return false;
        }
        const std::size_t next = m.last_token;
        if (punct(next, '\'') && attached(next) && low(next + 1) == "s") {
            return true;
        }
        return m.first_token > 0 && is(m.first_token - 1, Lex::the) && modifies_next_word(next - 1);
    }
    bool year_earlier_at(std::size_t i) const {
        return is(i, Lex::unit) && low(i) == "year" && punct(i + 1, '-') && attached(i + 1) &&
               attached(i + 2) && (is(i + 2, Lex::earlier) || is(i + 2, Lex::ago));
    }
    // "Until Thursday, the police had not named him": the deadline has passed
    bool past_perfect_after(std::size_t k) const {
        for (std::size_t j = k; j < k + 8 && same_sentence(k, j); ++j) {
            if (low(j) == "had") {
                return true;
            }
        }
        return false;
    }
    // The index after "history" or "memory" at i, perhaps after a proper adjective ("recent
    // Dutch history"); kNone when neither follows.
    std::size_t past_as_such(std::size_t i) const {
        for (std::size_t j = i; j < i + 5 && same_sentence(i, j); ++j) {
            if (low(j) == "history" || low(j) == "memory") {
                return j + 1;
            }
            const bool proper = toks_[j].kind == TokenKind::word && toks_[j].capitalized;
            if (!proper && !punct(j, '.')) {
                return kNone;
            }
        }
        return kNone;
    }
    bool part_of_day_suffix(std::size_t j, Mention& m) const;
    bool that_unit(std::size_t i, Mention& m) const;
    bool year_end(std::size_t i, Mention& m) const;
    bool match(std::size_t i, Mention& m) const;

    Tense tense_of(std::size_t first, std::size_t last) const {
        return clause_tense(lower_, toks_, sentences_, first, last);
    }
    void finish(Mention& m, std::size_t first, std::size_t last) const;

    std::string_view text_;
    std::string_view lower_;
    const std::vector<Token>& toks_;
    const KnownEvents& events_;
    GrammarOptions options_;
    std::size_t n_;
    std::vector<std::uint32_t> sentences_;
    mutable int depth_ = 0; // nesting of anchor_target, bounded against stack exhaustion
};

void Grammar::finish(Mention& m, std::size_t first, std::size_t last) const {
    m.first_token = static_cast<std::uint32_t>(first);
    m.last_token = static_cast<std::uint32_t>(last);
}

std::size_t Grammar::amount_at(std::size_t i, double& amount) const {
    const Token* t = at(i);
    if (t == nullptr) {
        return kNone;
    }
    std::size_t j = kNone;
    if (t->kind == TokenKind::number && !t->ordinal && !t->decade_s && t->value >= 0) {
        amount = t->decimal ? parse_number(low(i)).value_or(0) : static_cast<double>(t->value);
        j = i + 1;
    } else if (t->lex == Lex::article) {
        amount = 1;
        j = i + 1;
        if (is(j, Lex::number_word) &&
            (low(j) == "couple" || low(j) == "few" || low(j) == "dozen" || low(j) == "hundred" ||
             low(j) == "thousand")) {
            amount = toks_[j].lex_value;
            j = is(j + 1, Lex::of) && low(j) == "couple" ? j + 2 : j + 1;
        }
    } else if (t->lex == Lex::number_word) {
        amount = t->lex_value;
        j = i + 1;
        if (amount >= 20 && static_cast<long>(amount) % 10 == 0) {
            std::size_t k = punct(j, '-') && attached(j) ? j + 1 : j;
            if (is(k, Lex::number_word) && toks_[k].lex_value >= 1 && toks_[k].lex_value <= 9) {
                amount += toks_[k].lex_value;
                j = k + 1;
            }
        }
        if (low(i) == "couple" && is(j, Lex::of)) {
            ++j;
        }
        // "two hundred", "several thousand": a multiplier after the count
        if (amount != 0 && (low(j) == "hundred" || low(j) == "thousand")) {
            amount = amount < 0 ? -1 : amount * toks_[j].lex_value;
            ++j;
        }
    } else if (t->lex == Lex::half && is(i + 1, Lex::article)) {
        amount = 0.5;
        return i + 2;
    } else {
        return kNone;
    }
    // "two and a half"
    if (is(j, Lex::and_) && is(j + 1, Lex::article) && is(j + 2, Lex::half) && amount >= 0) {
        amount += 0.5;
        j += 3;
    }
    return j;
}

std::size_t Grammar::unit_at(std::size_t i, Unit& unit, bool& plural) const {
    if (!is(i, Lex::unit)) {
        return kNone;
    }
    unit = static_cast<Unit>(toks_[i].lex_value);
    const std::string_view w = low(i);
    plural = w.back() == 's';
    return i + 1;
}

std::size_t Grammar::day_at(std::size_t i, int& day) const {
    const Token* t = at(i);
    if (t == nullptr) {
        return kNone;
    }
    if (t->kind == TokenKind::number && !t->grouped && !t->decimal && !t->decade_s &&
        t->digits <= 2 && t->value >= 1 && t->value <= 31) {
        day = static_cast<int>(t->value);
        return i + 1;
    }
    if (t->lex == Lex::ordinal_word && t->lex_value >= 1 && t->lex_value <= 31) {
        day = t->lex_value;
        return i + 1;
    }
    return kNone;
}

std::size_t Grammar::ordinal_at(std::size_t i, int& n) const {
    const Token* t = at(i);
    if (t == nullptr) {
        return kNone;
    }
    if (t->kind == TokenKind::number && t->ordinal && t->value > 0 && t->value < 1000) {
        n = static_cast<int>(t->value);
        return i + 1;
    }
    if (t->lex == Lex::ordinal_word) {
        n = t->lex_value;
        return i + 1;
    }
    if (t->lex == Lex::unit && low(i) == "second") {
        n = 2;
        return i + 1;
    }
    return kNone;
}

// A year said in words, as broadcast transcripts write them: "nineteen ninety-four",
// "nineteen eighty", and "two thousand (and) three" after "the year" (elsewhere a count).
std::size_t Grammar::spelled_year_at(std::size_t i, int& year) const {
    auto word_value = [&](std::size_t k) {
        return is(k, Lex::number_word) && same_sentence(i, k) ? toks_[k].lex_value : 0;
    };
    const int century = word_value(i);
    const int tens = word_value(i + 1);
    if ((century == 18 || century == 19) && tens >= 20 && tens <= 90 && tens % 10 == 0) {
        std::size_t k = i + 2;
        const std::size_t unit_at = punct(k, '-') && attached(k) && attached(k + 1) ? k + 1 : k;
        const int unit = word_value(unit_at);
        year = century * 100 + tens;
        if (unit >= 1 && unit <= 9) {
            year += unit;
            k = unit_at + 1;
        }
        return k;
    }
    if (low(i) == "two" && low(i + 1) == "thousand" && i > 0 && low(i - 1) == "year") {
        std::size_t k = i + 2;
        const std::size_t unit_at = is(k, Lex::and_) ? k + 1 : k;
        const int unit = word_value(unit_at);
        year = 2000;
        if (unit >= 1 && unit <= 19) {
            year += unit;
            k = unit_at + 1;
        }
        return k;
    }
    return kNone;
}

std::size_t Grammar::year_at(std::size_t i, int& year) const {
    const Token* t = at(i);
    if (t == nullptr) {
        return kNone;
    }
    if (plain_number(i) && t->digits == 4 && t->value >= 1000 && t->value <= 2199) {
        year = static_cast<int>(t->value);
        return i + 1;
    }
    if (t->lex == Lex::number_word) {
        return spelled_year_at(i, year);
    }
    // '82
    if (t->kind == TokenKind::punct && t->punct == '\'' && plain_number(i + 1) && attached(i + 1) &&
        toks_[i + 1].digits == 2) {
        year = expand_two_digit_year(toks_[i + 1].value);
        return i + 2;
    }
    return kNone;
}

std::size_t Grammar::month_at(std::size_t i, int& month, bool& ambiguous) const {
    const Token* t = at(i);
    if (t == nullptr || t->lex != Lex::month || !t->capitalized) {
        return kNone;
    }
    month = t->lex_value;
    const std::string_view w = low(i);
    const bool abbreviated = w.size() <= 4 && w != "june" && w != "july" && w != "may";
    ambiguous = abbreviated || w == "may" || w == "march";
    std::size_t j = i + 1;
    if (abbreviated && punct(j, '.') && attached(j)) {
        ++j;
    }
    return j;
}

std::size_t Grammar::am_pm_at(std::size_t i, bool& pm) const {
    if (is(i, Lex::am) || is(i, Lex::pm)) {
        pm = is(i, Lex::pm);
        return i + 1;
    }
    // a.m. / p.m.
    const std::string_view w = low(i);
    if ((w == "a" || w == "p") && punct(i + 1, '.') && attached(i + 1) && low(i + 2) == "m" &&
        attached(i + 2)) {
        pm = w == "p";
        return punct(i + 3, '.') && attached(i + 3) ? i + 4 : i + 3;
    }
    return kNone;
}

// ---------------------------------------------------------------------------------------------
// 2. Date cores
// ---------------------------------------------------------------------------------------------

// ", 2013" / " 2013" / " of 2013" after a month or a day.
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

// A day and month ending at token k, in either order: with a year suffix a fixed day (an
// impossible one, February 30, is consumed but not reported), without one a month-day the
// resolver places in a year.
bool Grammar::finish_day(Mention& m, std::size_t i, std::size_t k, int month, int day) const {
    int year = 0;
    const std::size_t y = year_suffix(k, year);
    if (y != kNone) {
        m.kind = MentionKind::fixed;
        m.fixed.clear();
        if (is_valid_date(year, month, day)) {
            m.fixed = format_day(days_from_civil(year, month, day));
            m.explicit_day = true;
        }
        finish(m, i, y);
        return true;
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
    // "October of next year", "June this year"
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
        i > 0 && (is(i - 1, Lex::in) || is(i - 1, Lex::since) || is(i - 1, Lex::until) ||
                  is(i - 1, Lex::by) || is(i - 1, Lex::from) || is(i - 1, Lex::to) ||
                  is(i - 1, Lex::during) || is(i - 1, Lex::early) || is(i - 1, Lex::late) ||
                  is(i - 1, Lex::mid) || is(i - 1, Lex::last) || is(i - 1, Lex::next) ||
                  is(i - 1, Lex::this_) || is(i - 1, Lex::before) || is(i - 1, Lex::after) ||
                  is(i - 1, Lex::of) || is(i - 1, Lex::and_) || low(i - 1) == "through" ||
                  low(i - 1) == "between" || low(i - 1) == "or" || low(i - 1) == "till");
    const bool name_follows = at(j) != nullptr && toks_[j].kind == TokenKind::word &&
                              toks_[j].capitalized && toks_[j].lex == Lex::none &&
                              same_sentence(i, j);
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
        m.kind = MentionKind::fixed;
        if (is_valid_date(y, mo, d)) {
            m.fixed = format_day(days_from_civil(y, mo, d));
            m.explicit_day = true;
        }
        finish(m, i, i + 5);
        return true;
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
        m.kind = MentionKind::fixed;
        if (is_valid_date(y, mo, d)) {
            m.fixed = format_day(days_from_civil(y, mo, d));
            m.explicit_day = true;
        }
        finish(m, i, i + 5);
        return true;
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
    m.kind = MentionKind::weekday;
    m.weekday = toks_[i].lex_value;
    finish(m, i, j);
    part_of_day_suffix(j, m);
    return true;
}

bool Grammar::year_core(std::size_t i, Mention& m) const {
    const Token* t = at(i);
    if (t == nullptr) {
        return false;
    }
    // Decades: 1990s, '80s, 80s
    if (t->kind == TokenKind::number && t->decade_s) {
        if (t->digits == 4 && t->value >= 1000 && t->value <= 2190) {
            m.kind = MentionKind::fixed;
            m.fixed = std::to_string(t->value / 10);
            finish(m, i, i + 1);
            return true;
        }
        if (t->digits == 2) {
            m.kind = MentionKind::fixed;
            m.fixed = std::to_string(expand_two_digit_year(t->value) / 10);
            finish(m, i, i + 1);
            return true;
        }
        return false;
    }
    if (t->kind == TokenKind::punct && t->punct == '\'' && at(i + 1) != nullptr &&
        toks_[i + 1].kind == TokenKind::number && toks_[i + 1].decade_s &&
        toks_[i + 1].digits == 2 && attached(i + 1)) {
        m.kind = MentionKind::fixed;
        m.fixed = std::to_string(expand_two_digit_year(toks_[i + 1].value) / 10);
        finish(m, i, i + 2);
        return true;
    }
    int year = 0;
    std::size_t j = year_at(i, year);
    if (j == kNone) {
        return false;
    }
    // Not a year: $2010, 2010%, 2,010, a range 2010-11 / list 2010/11, or a count of things
    // ("2000 people") unless a temporal preposition introduces it.
    const bool after_preposition =
        i > 0 && (is(i - 1, Lex::in) || is(i - 1, Lex::since) || is(i - 1, Lex::until) ||
                  is(i - 1, Lex::by) || is(i - 1, Lex::from) || is(i - 1, Lex::during) ||
                  is(i - 1, Lex::of) || is(i - 1, Lex::early) || is(i - 1, Lex::late) ||
                  is(i - 1, Lex::mid) || is(i - 1, Lex::before) || is(i - 1, Lex::after) ||
                  is(i - 1, Lex::to) || is(i - 1, Lex::fiscal) || is(i - 1, Lex::season) ||
                  low(i - 1) == "through" || low(i - 1) == "between");
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
    // A count of things, even after a preposition: "2000 people", "by 1104 infections".
    const Token* next = at(j);
    if (next != nullptr && next->kind == TokenKind::word && !next->capitalized &&
        next->lex == Lex::none && same_sentence(i, j)) {
        const std::string_view w = low(j);
        if (w.size() > 3 && w.back() == 's' && w != "was" && w != "has" && w != "is" &&
            w.substr(w.size() - 2) != "ss") {
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
    if (l == Lex::current && !is(i + 1, Lex::unit)) {
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
            finish(m, i, j + 1);
            return true;
        }
        if (after_the && (l == Lex::next || l == Lex::following || l == Lex::previous)) {
            m.kind = MentionKind::offset_narrative;
            m.unit = unit;
            m.amount = 1;
            m.rel = rel;
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
        finish(m, i, j + 1);
        part_of_day_suffix(j + 1, m);
        return true;
    }
    int month = 0;
    bool ambiguous = false;
    if (std::size_t k = month_at(j, month, ambiguous); k != kNone) {
        m.kind = MentionKind::month;
        m.month = month;
        m.rel = l == Lex::this_ ? 2 : rel;
        finish(m, i, k);
        return true;
    }
    if (is(j, Lex::season)) {
        m.kind = MentionKind::season;
        m.season = toks_[j].lex_value;
        m.rel = l == Lex::this_ ? 2 : rel;
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
            if (is(i, Lex::last) || low(i) == "final") {
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

bool Grammar::season_core(std::size_t i, Mention& m) const {
    if (!is(i, Lex::season)) {
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
        case Holiday::easter:
        case Holiday::thanksgiving:
            if (!toks_[i].capitalized) {
                return false;
            }
            m.kind = MentionKind::holiday;
            m.rel = static_cast<int>(h);
            if (h == Holiday::easter && (is(j, Lex::weekday))) {
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
    } else if ((w == "independence" || w == "boxing") && toks_[i].capitalized &&
               low(i + 1) == "day" && toks_[i + 1].capitalized) {
        month = w == "boxing" ? 12 : 7;
        day = w == "boxing" ? 26 : 4;
        j = i + 2;
    } else {
        return false;
    }
    int year = 0;
    std::size_t y = year_suffix(j, year);
    if (m.kind == MentionKind::holiday) {
        if (y != kNone) {
            const long d = m.rel == static_cast<int>(Holiday::easter) ? easter_sunday(year) : [&] {
                const long nov1 = days_from_civil(year, 11, 1);
                return nov1 + (3 - weekday(nov1) + 7) % 7 + 21;
            }();
            m.kind = MentionKind::fixed;
            m.fixed = format_day(d);
            finish(m, i, y);
            return true;
        }
        finish(m, i, j);
        return true;
    }
    if (y != kNone) {
        m.kind = MentionKind::fixed;
        m.fixed = format_day(days_from_civil(year, month, day));
        finish(m, i, y);
        return true;
    }
    m.kind = MentionKind::month_day;
    m.month = month;
    m.day = day;
    finish(m, i, j);
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
    // the 1990s, the '80s
    if (year_core(j, m) && m.fixed.size() == 3) {
        m.first_token = static_cast<std::uint32_t>(i);
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
    // the same period/month/quarter last year, a year ago, a year earlier
    if (is(j, Lex::same) && (low(j + 1) == "period" || low(j + 1) == "time" ||
                             (is(j + 1, Lex::unit) && low(j + 1) != "day"))) {
        std::size_t k = j + 2;
        if (is(k, Lex::of) && is(k + 1, Lex::the)) {
            k += 2; // "the same period of the last year"
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
    // "the 2011 second quarter", "the 2012 period" (the report's quarter in that year)
    if (int year = 0; year_at(j, year) != kNone && plain_number(j)) {
        Mention q;
        if (quarter_core(j + 1, q) && q.kind == MentionKind::quarter && q.quarter > 0) {
            m.kind = MentionKind::fixed;
            m.fixed = format_year(year) + (q.half ? "-H" : "-Q") + std::to_string(q.quarter);
            finish(m, i, q.last_token);
            return true;
        }
        if (low(j + 1) == "period") {
            m.kind = MentionKind::offset_narrative;
            m.unit = Unit::quarter;
            m.same_period = true;
            m.amount = 0;
            m.period_year = year; // the report's quarter, in this year
            finish(m, i, j + 2);
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
        } else if (year_earlier_at(k)) {
            years_back = 1;
            k += 3;
        }
        if (low(k) == "comparable" || is(k, Lex::fiscal)) {
            ++k;
        }
        if (is(k, Lex::ordinal_word) && toks_[k].lex_value <= 4 && is(k + 1, Lex::unit) &&
            low(k + 1) == "quarter" && years_back == 1) {
            ++k; // "the year-earlier third quarter"
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
    // (on) the day: the day the story is about
    if (is(j, Lex::unit) && low(j) == "day" && i > 0 &&
        (is(i - 1, Lex::on) || is(i - 1, Lex::for_) || is(i - 1, Lex::during) ||
         is(i - 1, Lex::in) || is(i - 1, Lex::over) || low(i - 1) == "throughout" ||
         low(i - 1) == "end" || low(i - 1) == "ended" || low(i - 1) == "ending" ||
         low(i - 1) == "finish" || low(i - 1) == "finished" || low(i - 1) == "finishing" ||
         low(i - 1) == "close" || low(i - 1) == "closed" || low(i - 1) == "closing") &&
        !(is(j + 1, Lex::after) || is(j + 1, Lex::before) || is(j + 1, Lex::of) ||
          low(j + 1) == "when" || is(j + 1, Lex::that) || punct(j + 1, '\''))) {
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

bool Grammar::core(std::size_t i, Mention& m) const {
    m = Mention{};
    const Token* t = at(i);
    if (t == nullptr) {
        return false;
    }
    if (t->kind == TokenKind::number || (t->kind == TokenKind::punct && t->punct == '\'')) {
        if (numeric_date(i, m) || day_first(i, m) || year_core(i, m)) {
            return true;
        }
        m = Mention{};
        return false;
    }
    if (t->kind != TokenKind::word) {
        return false;
    }
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
    if (w == "q" || w == "h" || w == "final") {
        return quarter_core(i, m);
    }
    if (w == "new" || w == "valentine" || w == "independence" || w == "boxing") {
        return holiday_core(i, m);
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// 3. Wrappers
// ---------------------------------------------------------------------------------------------

bool Grammar::modified(std::size_t i, Mention& m) const {
    const Lex l = lex(i);
    // early/mid/late 2009, mid-2011, late June
    if (l == Lex::early || l == Lex::mid || l == Lex::late) {
        std::size_t j = punct(i + 1, '-') && attached(i + 1) ? i + 2 : i + 1;
        Mention inner;
        if (core(j, inner) && !inner.fixed.empty() &&
            (inner.kind == MentionKind::fixed || inner.kind == MentionKind::month ||
             inner.kind == MentionKind::relative_unit || inner.kind == MentionKind::season) &&
            inner.type == TimexType::date) {
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
            (low(i + 4) == "year" || low(i + 4) == "month" || low(i + 4) == "week")) {
            // "the end of the year": the current one
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
    if (k == kNone || !same_sentence(i, k - 1)) {
        return false;
    }
    // An age ("a 37-year-old", "61 years old") is not a temporal expression in TimeML.
    if (low(k) == "old" || (punct(k, '-') && attached(k) && low(k + 1) == "old")) {
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
    }
    // "a year and a half"
    if (is(k, Lex::and_) && is(k + 1, Lex::article) && is(k + 2, Lex::half) && amount >= 0) {
        amount += 0.5;
        k += 3;
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
        // "the annual Harvest Fair": part of an event's name, untagged in both dev golds
        if (low(i) == "annual" && at(i + 1) != nullptr && toks_[i + 1].capitalized &&
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
    return false;
}

bool Grammar::clock_time(std::size_t i, Mention& m) const {
    int hour = -1;
    int minute = 0;
    std::size_t j = kNone;
    if (is(i, Lex::noon) || is(i, Lex::midnight)) {
        hour = is(i, Lex::noon) ? 12 : 24;
        j = i + 1;
    } else if (plain_number(i)) {
        const Token& t = toks_[i];
        if (t.digits <= 2 && t.value <= 24 && punct(i + 1, ':') && attached(i + 1) &&
            plain_number(i + 2) && attached(i + 2) && toks_[i + 2].digits == 2 &&
            toks_[i + 2].value <= 59) {
            hour = static_cast<int>(t.value);
            minute = static_cast<int>(toks_[i + 2].value);
            j = i + 3;
            if (punct(j, ':') && attached(j) && plain_number(j + 1) && toks_[j + 1].digits == 2) {
                // H:MM:SS with no zone, no a.m./p.m. and no "at" is a race or record time,
                // a duration ("won in 2:07:35"); a clock time keeps the minutes only.
                const long seconds = toks_[j + 1].value;
                bool pm = false;
                if (seconds <= 59 && am_pm_at(j + 2, pm) == kNone && !is(j + 2, Lex::timezone) &&
                    !(i > 0 && (is(i - 1, Lex::at) || is(i - 1, Lex::until) ||
                                is(i - 1, Lex::since) || is(i - 1, Lex::by)))) {
                    m.type = TimexType::duration;
                    m.kind = MentionKind::fixed;
                    m.fixed = "PT" + std::to_string(hour) + "H" + std::to_string(minute) + "M" +
                              std::to_string(seconds) + "S";
                    finish(m, i, j + 2);
                    return true;
                }
                j += 2;
            }
        } else if (t.digits <= 2 && t.value >= 1 && t.value <= 12) {
            bool pm = false;
            std::size_t k = am_pm_at(i + 1, pm);
            if (k != kNone) {
                hour = static_cast<int>(t.value);
                j = i + 1;
            } else if (low(i + 1) == "o" && punct(i + 2, '\'') && low(i + 3) == "clock") {
                hour = static_cast<int>(t.value);
                j = i + 4;
            }
        } else if (t.digits == 4 && t.value % 100 <= 59 && t.value / 100 <= 23 &&
                   is(i + 1, Lex::timezone) && text_[t.begin] <= '2') {
            hour = static_cast<int>(t.value / 100);
            minute = static_cast<int>(t.value % 100);
            j = i + 1;
        }
    }
    if (hour < 0) {
        return false;
    }
    bool pm = false;
    if (std::size_t k = am_pm_at(j, pm); k != kNone) {
        if (hour > 12) {
            return false;
        }
        if (pm && hour < 12) {
            hour += 12;
        } else if (!pm && hour == 12) {
            hour = 0;
        }
        j = k;
    }
    std::string suffix = "T" + two_digits(hour) + ":" + two_digits(minute);
    if (is(j, Lex::timezone)) {
        suffix += "Z";
        ++j;
    } else if (at(j) != nullptr && toks_[j].all_caps && toks_[j].end - toks_[j].begin <= 4) {
        const std::string_view z = low(j);
        if (z == "est" || z == "edt" || z == "pst" || z == "pdt" || z == "cst" || z == "cdt" ||
            z == "cet" || z == "bst" || z == "mst" || z == "mdt") {
            ++j; // a named zone we do not convert: keep local time
        }
    }
    // "12:00 UTC Monday", "16:00 UTC today", "9 a.m. on Friday"
    std::size_t d = is(j, Lex::on) ? j + 1 : j;
    Mention day;
    if ((is(d, Lex::weekday) || is(d, Lex::today) || is(d, Lex::yesterday) ||
         is(d, Lex::tomorrow)) &&
        core(d, day) && day.type == TimexType::date) {
        m = day;
        m.type = TimexType::time;
        m.time_suffix = suffix;
        m.first_token = static_cast<std::uint32_t>(i);
        return true;
    }
    // "16:15 UTC, June 1st": the day written after the clock time is its day.
    if (punct(j, ',') && (is(j + 1, Lex::month) || plain_number(j + 1)) &&
        (month_first(j + 1, day) || day_first(j + 1, day)) &&
        (day.kind == MentionKind::month_day ||
         (day.kind == MentionKind::fixed && day.explicit_day))) {
        const std::size_t end = day.last_token;
        m = day;
        m.type = TimexType::time;
        m.time_suffix = suffix;
        finish(m, i, end);
        return true;
    }
    m.type = TimexType::time;
    m.kind = MentionKind::time_only;
    m.time_suffix = suffix;
    finish(m, i, j);
    return true;
}

// Words that refer to the present, past or future as such (TIMEX3 PRESENT_REF etc.).
bool Grammar::ref_word(std::size_t i, Mention& m) const {
    auto fixed = [&](const char* value, std::size_t last) {
        m.kind = MentionKind::fixed;
        m.fixed = value;
        finish(m, i, last);
        return true;
    };
    Unit unit = Unit::day;
    bool plural = false;
    switch (lex(i)) {
    case Lex::now:
        // "Now, the mayor argues, ..." opening a sentence is a discourse marker, not a time
        if (i == 0 || !same_sentence(i - 1, i)) {
            return false;
        }
        return fixed("PRESENT_REF", i + 1);
    case Lex::nowadays:
    case Lex::currently:
        return fixed("PRESENT_REF", i + 1);
    case Lex::current:
        // "current" as the present ("the current crisis"); not "current account", nor a unit
        // ("the current year" is this year, found elsewhere), nor a calendar name after it.
        if (is(i + 1, Lex::unit) || is(i + 1, Lex::month) || is(i + 1, Lex::season) ||
            is(i + 1, Lex::fiscal) || low(i + 1) == "account" || low(i + 1) == "accounts" ||
            (i > 0 && low(i - 1) == "electric")) {
            return false;
        }
        return fixed("PRESENT_REF", i + 1);
    case Lex::recently:
        return fixed("PAST_REF", i + 1);
    case Lex::coming:
    case Lex::upcoming:
        // "in coming months" without "the": an unknown time ahead
        if (unit_at(i + 1, unit, plural) != kNone && plural) {
            return fixed("FUTURE_REF", i + 2);
        }
        return false;
    case Lex::soon:
        // "as soon as" is a conjunction ("as soon as the vote ends"), "soon after" a relation;
        // only "as soon as possible" names a time.
        if (i > 0 && low(i - 1) == "as") {
            if (low(i + 1) == "as" && low(i + 2) == "possible") {
                fixed("FUTURE_REF", i + 3);
                m.first_token = static_cast<std::uint32_t>(i - 1);
                return true;
            }
            return false;
        }
        if (is(i + 1, Lex::after) || is(i + 1, Lex::before) || low(i + 1) == "afterwards" ||
            low(i + 1) == "thereafter") {
            return false;
        }
        return fixed("FUTURE_REF", i + 1);
    case Lex::recent:
        // "in recent years" is an unknown stretch of years up to now (TimeBank: PXY)
        if (unit_at(i + 1, unit, plural) != kNone && plural) {
            m.type = TimexType::duration;
            return fixed(duration_value(-1, unit).c_str(), i + 2);
        }
        // "in recent history", "in recent Dutch memory": the past as such
        if (std::size_t k = past_as_such(i + 1); k != kNone) {
            return fixed("PAST_REF", k);
        }
        if (modifies_next_word(i)) {
            return false; // "the recent floods": an adjective of the event, not a time
        }
        return fixed("PAST_REF", i + 1);
    case Lex::later:
        // "later" alone is a relation to another time, not a time: TimeBank leaves it
        // untagged ("later this year" is found elsewhere). "At a later date" is a date, which
        // one unknown.
        if (i > 0 && low(i - 1) == "a" && (low(i + 1) == "date" || low(i + 1) == "time")) {
            fixed("XXXX-XX-XX", i + 2);
            m.first_token = static_cast<std::uint32_t>(i - 1);
            return true;
        }
        return false;
    case Lex::at:
        if (low(i + 1) == "present" && !(is(i + 2, Lex::of))) {
            return fixed("PRESENT_REF", i + 2);
        }
        // "at the time" (of the story, before now); "at the time of X" relates to X instead
        if (is(i + 1, Lex::the) && low(i + 2) == "time" && !is(i + 3, Lex::of) &&
            !(is(i + 3, Lex::unit) || is(i + 3, Lex::the))) {
            m.first_token = static_cast<std::uint32_t>(i + 1);
            m.kind = MentionKind::fixed;
            m.fixed = "PAST_REF";
            m.last_token = static_cast<std::uint32_t>(i + 3);
            return true;
        }
        return false;
    case Lex::unit:
        // "year-earlier results": the period the report is about, a year before
        if (year_earlier_at(i)) {
            m.kind = MentionKind::offset_narrative;
            m.unit = Unit::quarter;
            m.amount = 1;
            m.rel = -1;
            m.same_period = true;
            finish(m, i, i + 3);
            return true;
        }
        // A bare plural ("for years", "in recent decades", "minutes"): an unknown amount.
        if (unit_at(i, unit, plural) != kNone && plural && unit != Unit::second &&
            !(i > 0 && (toks_[i - 1].kind == TokenKind::number || is(i - 1, Lex::number_word) ||
                        is(i - 1, Lex::article) || is(i - 1, Lex::recent) ||
                        low(i - 1) == "these" || low(i - 1) == "those" || low(i - 1) == "many"))) {
            m.type = TimexType::duration;
            m.kind = MentionKind::fixed;
            m.fixed = duration_value(-1, unit);
            finish(m, i, i + 1);
            return true;
        }
        return false;
    default:
        break;
    }
    const std::string_view w = low(i);
    if (w == "future" && unit_at(i + 1, unit, plural) != kNone && plural) {
        return fixed("FUTURE_REF", i + 2); // "future quarters"
    }
    // "short-term loans", "near-term outlook" are adjectives of manner, not times (TimeBank
    // leaves them untagged); "the near term" below is a time.
    if (w == "single" && punct(i + 1, '-') && attached(i + 1) && attached(i + 2) &&
        is(i + 2, Lex::unit) && low(i + 2) == "day") {
        m.type = TimexType::duration;
        return fixed("P1D", i + 3);
    }
    if (is(i, Lex::the)) {
        const std::string_view a = low(i + 1);
        const std::string_view b = low(i + 2);
        if ((a == "near" || a == "long" || a == "short") && b == "term") {
            return fixed("FUTURE_REF", i + 3);
        }
        if (a == "time" && b == "being") {
            return fixed("PRESENT_REF", i + 3);
        }
    }
    return false;
}

// "that year", "earlier that day", "for that quarter": the period of the date the text last
// gave. Bare "that" + unit only after a preposition or opening a sentence: "redemptions that
// day" is a generic day, "and that day one filings began" no time at all.
bool Grammar::that_unit(std::size_t i, Mention& m) const {
    std::size_t j = i;
    const bool relation = is(j, Lex::earlier) || is(j, Lex::later);
    if (relation) {
        ++j;
    }
    if (low(j) != "that" || !is(j + 1, Lex::unit) || !same_sentence(i, j + 1) ||
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
    if (unit == "day") {
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
    if (t.kind == TokenKind::number) {
        if (clock_time(i, m)) {
            consider(m);
        }
        if (amount_expression(i, m)) {
            consider(m);
        }
    } else if (t.kind == TokenKind::word) {
        if (t.lex == Lex::article || t.lex == Lex::number_word || t.lex == Lex::half) {
            if (amount_expression(i, m)) {
                consider(m);
            }
        }
        if (t.lex == Lex::noon || t.lex == Lex::midnight) {
            if (clock_time(i, m)) {
                consider(m);
            }
        }
        if (set_expression(i, m)) {
            consider(m);
        }
        if ((t.lex == Lex::this_ || t.lex == Lex::each || t.lex == Lex::every) &&
            season_core(i, m)) {
            consider(m); // "this season", "each season"
        }
        if (modified(i, m)) {
            consider(m);
        }
        if (ref_word(i, m)) {
            consider(m);
        }
        if (t.lex == Lex::unit && year_end(i, m)) {
            consider(m);
        }
        if ((t.lex == Lex::earlier || t.lex == Lex::later || low(i) == "that") && that_unit(i, m)) {
            consider(m);
        }
        if (anniversary_core(i, m)) {
            consider(m);
        }
        if (t.lex == Lex::the && the_core(i, m)) {
            consider(m);
        }
        // "net income for the year ended March 31": a twelve-month accounting period whose
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

} // namespace

// ---------------------------------------------------------------------------------------------
// 4. Sentences and tense
// ---------------------------------------------------------------------------------------------

std::vector<std::uint32_t> sentence_ids(std::string_view lower, const std::vector<Token>& tokens) {
    std::vector<std::uint32_t> ids(tokens.size());
    std::uint32_t current = 0;
    bool end_pending = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (end_pending || (t.newline_before && i > 0)) {
            // A '.' after an abbreviation or a single letter does not end the sentence unless
            // a line break follows.
            ++current;
            end_pending = false;
        }
        ids[i] = current;
        if (t.kind == TokenKind::punct &&
            (t.punct == '.' || t.punct == '!' || t.punct == '?' || t.punct == ';')) {
            bool abbreviation = false;
            if (t.punct == '.' && i > 0 && tokens[i - 1].kind == TokenKind::word &&
                tokens[i - 1].end == t.begin) {
                const std::string_view w =
                    lower.substr(tokens[i - 1].begin, tokens[i - 1].end - tokens[i - 1].begin);
                abbreviation = w.size() == 1 || tokens[i - 1].lex == Lex::month || w == "mr" ||
                               w == "mrs" || w == "ms" || w == "dr" || w == "st" || w == "gen" ||
                               w == "sen" || w == "rep" || w == "gov" || w == "lt" || w == "col" ||
                               w == "inc" || w == "corp" || w == "co" || w == "ltd" || w == "jr" ||
                               w == "sr" || w == "no" || w == "vs" || w == "prof" || w == "sgt" ||
                               w == "capt";
            }
            if (t.punct == '.' && i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::word &&
                !tokens[i + 1].capitalized && !tokens[i + 1].newline_before) {
                abbreviation = true;
            }
            end_pending = !abbreviation;
        }
    }
    return ids;
}

Tense clause_tense(std::string_view lower, const std::vector<Token>& tokens,
                   const std::vector<std::uint32_t>& sentences, std::size_t first,
                   std::size_t last) {
    if (first >= tokens.size()) {
        return Tense::unknown;
    }
    const std::uint32_t sentence = sentences[first];
    auto word = [&](std::size_t i) {
        return lower.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    };
    auto cue = [&](std::size_t i) {
        const Token& t = tokens[i];
        if (t.kind != TokenKind::word) {
            return Tense::unknown;
        }
        // 'll (we'll) arrives as a quote then "ll"
        if (word(i) == "ll" && i > 0 && tokens[i - 1].kind == TokenKind::punct &&
            tokens[i - 1].punct == '\'') {
            return Tense::future;
        }
        const bool to_next = i + 1 < tokens.size() && word(i + 1) == "to";
        const std::string_view w = word(i);
        if (to_next && (w == "set" || w == "planning" || w == "preparing" || w == "going")) {
            return Tense::future; // "is set to begin", "were planning to march on Monday"
        }
        // "the bank is to resume trading Tuesday": be + to + verb is an arrangement ahead
        if (to_next && (w == "is" || w == "are" || w == "was" || w == "were") &&
            i + 2 < tokens.size() && tokens[i + 2].kind == TokenKind::word) {
            return Tense::future;
        }
        // "the plan", "a plan", "its plans": a noun, not "plans to" looking ahead
        if ((w == "plan" || w == "plans") && i > 0) {
            static constexpr std::string_view kDeterminers[] = {"the", "a",     "its", "his",
                                                                "her", "their", "our"};
            for (std::string_view d : kDeterminers) {
                if (word(i - 1) == d) {
                    return Tense::unknown;
                }
            }
        }
        // "could not" is the past of "cannot": "could not be reached Wednesday"
        auto negated_could = [&](std::size_t k) {
            return k + 1 < tokens.size() && word(k) == "could" &&
                   (word(k + 1) == "not" || word(k + 1) == "n't");
        };
        if (negated_could(i)) {
            return Tense::past;
        }
        const Tense tense = word_tense(w, t.capitalized);
        // A participle after a bare "be" follows a modal or "to": "will be finalized", "to be
        // held", "may be signed" all look ahead.
        if (tense == Tense::past && i > 0 && word(i - 1) == "be") {
            return i >= 3 && negated_could(i - 3) ? Tense::past : Tense::future;
        }
        // the present passive: "when the bill is read in June", "the polls are closed"
        if (tense == Tense::past && i > 0 &&
            (word(i - 1) == "is" || word(i - 1) == "are" || word(i - 1) == "am")) {
            return Tense::present;
        }
        return tense;
    };
    constexpr std::size_t kReach = 12;
    for (std::size_t k = 1; k <= kReach && k <= first; ++k) {
        const std::size_t i = first - k;
        if (sentences[i] != sentence) {
            break;
        }
        if (Tense t = cue(i); t != Tense::unknown) {
            return t;
        }
    }
    for (std::size_t i = last; i < tokens.size() && i < last + kReach; ++i) {
        if (sentences[i] != sentence || is_tense_subordinator(word(i))) {
            break;
        }
        if (Tense t = cue(i); t != Tense::unknown) {
            return t;
        }
    }
    return Tense::unknown;
}

// ---------------------------------------------------------------------------------------------
// 5. The recognition loop
// ---------------------------------------------------------------------------------------------

namespace {

// Words outside the temporal lexicon that can still open an expression.
bool special_word(std::string_view w) {
    switch (w.size()) {
    case 1:
        return w == "q" || w == "h";
    case 3:
        return w == "new";
    case 5:
        return w == "final" || w == "short";
    case 4:
        return w == "near";
    case 6:
        return w == "boxing" || w == "single" || w == "future";
    case 7:
        return w == "between";
    case 9:
        return w == "valentine";
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
            found = known_event_core(i, m, true) || (special_word(low(i)) && match(i, m));
        }
        if (found && m.last_token > i) {
            m.byte_begin = toks_[m.first_token].begin;
            m.byte_end = toks_[m.last_token - 1].end;
            m.sentence = sentences_[m.first_token];
            if (m.tense == Tense::unknown) {
                m.tense = attributive(m)               ? Tense::past
                          : as_early_as(m.first_token) ? Tense::future
                                                       : tense_of(m.first_token, m.last_token);
                // "stays shut until Friday": in news a weekday after "until" is a deadline
                // ahead, even when a participle ("closed") makes the clause look past
                if (m.kind == MentionKind::weekday && m.first_token > 0 &&
                    is(m.first_token - 1, Lex::until) && !past_perfect_after(m.last_token)) {
                    m.tense = Tense::future;
                }
                // "a new board, effective Feb. 1": the date of a change, whatever the tense
                // of the announcement; the nearest such day
                if (m.first_token > 0 && low(m.first_token - 1) == "effective") {
                    m.tense = Tense::present;
                }
            }
            const bool suppressed = m.kind == MentionKind::fixed && m.fixed.empty();
            i = m.last_token;
            if (!suppressed) {
                out.push_back(std::move(m));
            }
            continue;
        }
        ++i;
    }
    return out;
}

std::vector<Mention> recognise(std::string_view text, std::string_view lower,
                               const std::vector<Token>& tokens, const KnownEvents& events,
                               const GrammarOptions& options) {
    Grammar grammar(text, lower, tokens, events, options);
    return grammar.run();
}

} // namespace eventmap::dates
