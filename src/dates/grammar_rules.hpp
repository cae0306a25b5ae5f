// The date grammar's rule set, shared by the files that implement its families of expressions
// (grammar_*.cpp). Internal to src/dates: the public entry point is recognise() in grammar.hpp.
#pragma once

#include "dates/calendar.hpp"
#include "dates/grammar.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::dates::detail {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// "2" or "2.5" in any locale (P2.5Y, never P2,5Y)
std::string number_text(double v);
// The TIMEX3 duration value of an amount of a unit ("P3D", "PT30M"); a negative amount is
// vague ("PXY").
std::string duration_value(double amount, Unit unit);
// "TMO", "TAF", "TEV", "TNI" for a part of the day 0..3
const char* day_part_code(int value);
// '82 -> 1982, '07 -> 2007 (00-49 -> 20xx)
int expand_two_digit_year(long yy);
// The value of a decade written with two digits ("the '80s": "198").
std::string two_digit_decade(long yy);

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
    // Whether token i, lower-cased, is one of `words` (false past the end).
    template <std::size_t N> bool low_in(std::size_t i, const std::string_view (&words)[N]) const {
        const std::string_view w = low(i);
        for (std::string_view x : words) {
            if (!w.empty() && w == x) {
                return true;
            }
        }
        return false;
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

    // Every rule has one shape: try to match an expression opening at token i, fill m with it
    // (its end in m.last_token) and say whether one was found. Declared through one alias.
    using Rule = bool(std::size_t i, Mention& m) const;

    // --- cores ---
    Rule core, month_first, day_first, numeric_date, weekday_core, year_core, relative_core,
        deictic_core, the_core, quarter_core, season_core, holiday_core, anniversary_core,
        anchor_target, ordinal_period;
    // "the second half of the 1970s" after the half (i..j), `q` its number (-1 the last).
    bool half_of_decade(std::size_t i, std::size_t j, int q, Mention& m) const;
    // "the year before", "the day after" at a clause boundary, "the year previous" (i: "the")
    bool unit_before_or_after(std::size_t i, Mention& m) const;
    // "at the moment", "at this moment" (i: "at"); "overnight" (i: the word)
    bool at_the_moment(std::size_t i, Mention& m) const;
    bool overnight(std::size_t i, Mention& m) const;
    // A day and month ending at token k (see grammar_absolute.cpp); `written`: the day was
    // written in digits or words, not implied by a name ("Christmas"): a written day with its
    // year is an explicit day for the publication-date inference.
    bool finish_day(Mention& m, std::size_t i, std::size_t k, int month, int day,
                    bool written = true) const;
    bool fixed_day(Mention& m, std::size_t i, std::size_t end, CivilDate date, bool written) const;
    // "May 3 and 4": the second day of a pair after a written day (`first`), in its month.
    bool coordinated_day(const Mention& first, Mention& second) const;
    // `standalone`: the name is reported on its own, which only date-like names are.
    bool known_event_core(std::size_t i, Mention& m, bool standalone = false) const;
    std::size_t year_suffix(std::size_t i, int& year) const;
    // A preposition or modifier before i that introduces a month or a year as a time ("in",
    // "since", "by", "early", "mid", "through"...): shared by months and years alone.
    bool temporal_word_before(std::size_t i) const;
    // "levels", "results": plural nouns a year modifies ("2010 levels"), not counts.
    static bool year_figures(std::string_view w);
    // An ambiguous month (i) between "the" and a lowercase noun (j): "the May vote".
    bool attributive_month(std::size_t i, std::size_t j) const;
    // A decade token after a possessive ("in his 40s") is an age.
    bool age_decade(std::size_t i) const;

    // --- wrappers ---
    Rule modified, amount_expression, set_expression, frequency_set, long_adjective, clock_time,
        part_of_day_alone, ref_word, recurring_weekday;
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
    // A count before a capitalised unit in running text is part of a name: "CBS's 60
    // Minutes", "the show ''48 Hours''", "the Six Day War" (TimeML leaves names untagged). Not
    // after a capitalised word, as in a headline written in title case ("Talks Resume After
    // Two Weeks"); at the start of a sentence only when a plain lowercase word follows
    // ("60 Minutes aired the interview"; "30 Days after the flood" stays a duration).
    bool titled_unit(std::size_t amount, std::size_t unit) const {
        if (!is(unit, Lex::unit) || !toks_[unit].capitalized) {
            return false;
        }
        if (amount == 0 || !same_sentence(amount - 1, amount)) {
            return name_after_unit(unit + 1);
        }
        const Token& before = toks_[amount - 1];
        // "The Six Day War" opening a sentence: "The" is capitalised by its place only
        const bool opening_the =
            is(amount - 1, Lex::the) && (amount == 1 || !same_sentence(amount - 2, amount - 1));
        return opening_the || !(before.kind == TokenKind::word && before.capitalized);
    }
    bool name_after_unit(std::size_t i) const;
    // "last Friday", "last week": the word fixes the direction, whatever the clause says
    static bool explicitly_past(const Mention& m) {
        return (m.kind == MentionKind::weekday || m.kind == MentionKind::relative_unit ||
                m.kind == MentionKind::season) &&
               m.rel < 0;
    }
    // "This Week With a Guest", "Next Year Country": a capitalised unit followed by another
    // capitalised word names a programme or a work, not a period
    bool in_title(const Mention& m) const {
        const std::size_t unit = m.last_token - 1;
        const std::size_t next = m.last_token;
        if (m.kind != MentionKind::relative_unit || !is(unit, Lex::unit) ||
            !toks_[unit].capitalized) {
            return false;
        }
        // "ABC's This Week": a programme after its network's possessive
        const std::size_t first = m.first_token;
        if (first >= 2 && low(first - 1) == "s" && punct(first - 2, '\'') &&
            toks_[first].capitalized) {
            return true;
        }
        return at(next) != nullptr && toks_[next].kind == TokenKind::word &&
               toks_[next].capitalized && same_sentence(unit, next) &&
               !(is(next, Lex::month) || is(next, Lex::weekday));
    }
    // "as early as Monday", "as soon as Sunday": a time ahead; so is what something happens
    // "ahead of" or "in advance of" ("traders sold ahead of the weekend", "ahead of Friday's
    // vote"), whatever the tense of the clause: the preposition itself places it later
    bool as_early_as(std::size_t first) const {
        if (first >= 2 && is(first - 1, Lex::of) &&
            (low(first - 2) == "ahead" ||
             (first >= 3 && low(first - 2) == "advance" && is(first - 3, Lex::in)))) {
            return true;
        }
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
    // "mid-March", "early-May": a month written after early/mid/late and a hyphen
    bool hyphenated_after_modifier(std::size_t i) const {
        return i > 1 && punct(i - 1, '-') && attached(i - 1) && attached(i) &&
               (is(i - 2, Lex::mid) || is(i - 2, Lex::early) || is(i - 2, Lex::late));
    }
    // A weekday, month or day number opening at i ("Friday", "June 3", "the 3rd")
    bool names_a_day(std::size_t i) const {
        return is(i, Lex::weekday) || is(i, Lex::month) || is(i, Lex::yesterday) ||
               is(i, Lex::today) || is(i, Lex::tomorrow) ||
               (is(i, Lex::the) && at(i + 1) != nullptr && toks_[i + 1].ordinal);
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
    std::size_t us_holiday_at(std::size_t i, Mention& m) const;
    std::size_t named_holiday_at(std::size_t i, Mention& m) const;
    bool weekday_holiday(std::size_t i, Mention& m) const;
    std::size_t fixed_day_name_at(std::size_t i, int& month, int& day) const;
    bool lasting_age(std::size_t k, Unit unit) const;
    std::size_t spelled_decade_at(std::size_t i, std::string& value) const;
    bool that_unit(std::size_t i, Mention& m) const;
    bool in_the_period(std::size_t i, Mention& m) const;
    std::size_t part_after_clock(std::size_t j, std::string& part) const;
    bool hour_before_part(std::size_t i) const;
    std::size_t fraction_of_hour(std::size_t i, int& hour, int& minute) const;
    bool the_year_of_reference(std::size_t i) const;
    bool year_end(std::size_t i, Mention& m) const;
    bool match(std::size_t i, Mention& m) const;
    // grammar_discourse.cpp: readings tried before the other families
    Rule discourse_rule, unit_before_last, this_past, that_anaphor, anaphoric_month,
        offset_from_day, day_of_month, nth_weekday_of_month, week_of_day, units_time,
        season_of_year, early_or_late_time, after_hours, year_earlier_month, ago_today;
    bool quarter_of_year(std::size_t i, std::size_t first, Mention& m) const;
    bool adverbial_part_of_day(std::size_t i, std::size_t k) const;

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

} // namespace eventmap::dates::detail
