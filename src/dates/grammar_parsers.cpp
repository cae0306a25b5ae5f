// Token access and small parsers of the date grammar: amounts, units, days, ordinals, years
// (digits, spelled, '82), months, a.m./p.m.; and the value formatters shared by the rules.
#include "common/numbers.hpp"
#include "dates/grammar_rules.hpp"

#include <array>
#include <cmath>

namespace eventmap::dates::detail {

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
        // "2 1/2 years", "3 3/4 hours": a whole number and a fraction, as wire copy writes them
        if (!t->decimal && plain_number(j) && !attached(j) && punct(j + 1, '/') &&
            attached(j + 1) && plain_number(j + 2) && attached(j + 2) && !punct(j + 3, '/')) {
            const long num = toks_[j].value;
            const long den = toks_[j + 2].value;
            if ((den == 2 || den == 4) && num >= 1 && num < den) {
                amount += static_cast<double>(num) / static_cast<double>(den);
                j += 3;
            }
        }
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
    // "two and a half"; hyphenated, "two-and-a-half years"
    if (is(j, Lex::and_) && is(j + 1, Lex::article) && is(j + 2, Lex::half) && amount >= 0) {
        amount += 0.5;
        j += 3;
    } else if (punct(j, '-') && attached(j) && is(j + 1, Lex::and_) && attached(j + 1) &&
               punct(j + 2, '-') && is(j + 3, Lex::article) && punct(j + 4, '-') &&
               is(j + 5, Lex::half) && attached(j + 5) && amount >= 0) {
        amount += 0.5;
        j += 6;
        if (punct(j, '-') && attached(j) && attached(j + 1)) {
            ++j; // "a two-and-a-half-year term"
        }
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

} // namespace eventmap::dates::detail
