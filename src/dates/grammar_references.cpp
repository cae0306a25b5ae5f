// Reference-to-now words (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF): "now", "currently",
// "recently", "in the past", "soon", "the future".
#include "dates/calendar.hpp"
#include "dates/grammar_rules.hpp"

namespace eventmap::dates::detail {

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
        // "Now, the mayor argues, ..." opening a sentence (or a quotation) with its comma is a
        // discourse marker, not a time; "Now with the plant open, ..." is the present.
        if (punct(i + 1, ',') && (i == 0 || !same_sentence(i - 1, i) || toks_[i].capitalized)) {
            return false;
        }
        // "the now-closed mill", "its now-defunct rival": a prefix of the adjective, which says
        // what the thing is at present, not when anything happens
        if (punct(i + 1, '-') && attached(i + 1) && attached(i + 2) && at(i + 2) != nullptr &&
            toks_[i + 2].kind == TokenKind::word) {
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
        // "the soon-to-be mayor", "a soon-to-open hall": a prefix of the adjective, as "now-"
        // is in "the now-closed mill"
        if (punct(i + 1, '-') && attached(i + 1) && attached(i + 2) && at(i + 2) != nullptr &&
            toks_[i + 2].kind == TokenKind::word) {
            return false;
        }
        return fixed("FUTURE_REF", i + 1);
    case Lex::recent:
        // "in recent years" is an unknown stretch of years up to now (TimeBank: PXY)
        if (unit_at(i + 1, unit, plural) != kNone && plural) {
            m.type = TimexType::duration;
            m.anchored = -1; // up to now: TimeML's endPoint is the creation time
            m.amount = -1;
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
        if (at_the_moment(i, m)) {
            return true;
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
        // "these days": the present as a stretch of time, TimeML's PRESENT_REF (the phrase
        // with "these", which opens no expression on its own)
        if (low(i) == "days" && i > 0 && low(i - 1) == "these" && same_sentence(i - 1, i)) {
            fixed("PRESENT_REF", i + 1);
            m.first_token = static_cast<std::uint32_t>(i - 1);
            return true;
        }
        // A bare plural ("for years", "in recent decades", "minutes"): an unknown amount.
        // "quarters" alone is lodging ("the officers' quarters") far more often than time;
        // "the early hours", "the small hours" (of Sunday) are a part of the night, no length.
        if (unit_at(i, unit, plural) != kNone && unit == Unit::hour && i > 0 &&
            (low(i - 1) == "early" || low(i - 1) == "small" || low(i - 1) == "wee")) {
            return false;
        }
        if (unit_at(i, unit, plural) != kNone && plural && unit != Unit::second &&
            unit != Unit::quarter &&
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
    if (w == "overnight") {
        return overnight(i, m);
    }
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

// "at the moment", "at this moment", "at this critical moment": the present (PRESENT_REF),
// the phrase without "at"; not "at the moment of impact" nor "at the moment when ...", which
// relate to an event.
bool Grammar::at_the_moment(std::size_t i, Mention& m) const {
    std::size_t k = i + 1;
    if (!is(k, Lex::the) && !is(k, Lex::this_)) {
        return false;
    }
    ++k;
    if (is(i + 1, Lex::this_) && low(k) != "moment" && at(k) != nullptr &&
        toks_[k].kind == TokenKind::word && !toks_[k].capitalized && toks_[k].lex == Lex::none) {
        ++k; // one adjective: "this decisive moment"
    }
    if (low(k) != "moment" || !same_sentence(i, k) || is(k + 1, Lex::of) || low(k + 1) == "when" ||
        low(k + 1) == "that") {
        return false;
    }
    m.kind = MentionKind::fixed;
    m.fixed = "PRESENT_REF";
    finish(m, i + 1, k + 1);
    return true;
}

// "overnight" (TIMEX3 TIME, TNI): the night before the day of its sentence ("shares fell in
// overnight trading", "crews worked overnight"), that day's night in a future clause. Not the
// "suddenly" of "an overnight success" or "it won't happen overnight".
bool Grammar::overnight(std::size_t i, Mention& m) const {
    const std::string_view next = low(i + 1);
    if (next == "success" || next == "sensation" || next == "star" || next == "celebrity") {
        return false;
    }
    for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
        const std::string_view w = low(i - back);
        if (w == "not" || w == "n't" || w.substr(0, 6) == "happen" || w.substr(0, 6) == "change" ||
            w == "became" || w == "become" || w == "almost" || w == "virtually") {
            return false;
        }
    }
    m.type = TimexType::time;
    m.kind = MentionKind::time_only;
    m.time_suffix = "TNI";
    m.rel = -1; // the night before, unless the clause looks ahead
    finish(m, i, i + 1);
    return true;
}

// "that year", "earlier that day", "for that quarter": the period of the date the text last
// gave. Bare "that" + unit only after a preposition or opening a sentence: "redemptions that
// day" is a generic day, "and that day one filings began" no time at all.

} // namespace eventmap::dates::detail
