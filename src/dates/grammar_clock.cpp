// Clock times: "14:30 GMT", "6 p.m.", "noon", "16:00 UTC Thursday", race times as durations;
// parts of the day on their own ("in the late afternoon").
#include "dates/calendar.hpp"
#include "dates/grammar_rules.hpp"

namespace eventmap::dates::detail {

namespace {

// The 24-hour hour of a clock time written without a.m./p.m. in a part of the day: "10:15
// Sunday night" is 22:15, "7:30 Monday morning" 07:30; "1:30 ... night" stays 01:30 (after
// midnight), as does an hour already past noon.
int clock_hour_in_part(int hour, std::string_view part) {
    const bool later_half = part == "TAF" || part == "TEV" || (part == "TNI" && hour >= 6);
    return later_half && hour < 12 ? hour + 12 : hour;
}

} // namespace

// "in the morning", "in the afternoon", "in the evening", "at night" after a clock time: the
// index after it and the TIMEX3 code of the part (TMO...), kNone when none follows.
std::size_t Grammar::part_after_clock(std::size_t j, std::string& part) const {
    if (is(j, Lex::in) && is(j + 1, Lex::the) && is(j + 2, Lex::part_of_day) &&
        toks_[j + 2].lex_value != 3 && same_sentence(j, j + 2) && !is(j + 3, Lex::of)) {
        part = day_part_code(toks_[j + 2].lex_value);
        return j + 3;
    }
    if (is(j, Lex::at) && low(j + 1) == "night" && same_sentence(j, j + 1)) {
        part = "TNI";
        return j + 2;
    }
    return kNone;
}

// A bare hour ("4", "four") is a clock time only after a word that places a time: "at four in
// the morning", not "four in the morning raids".
bool Grammar::hour_before_part(std::size_t i) const {
    return i > 0 && (is(i - 1, Lex::at) || is(i - 1, Lex::around) || is(i - 1, Lex::about) ||
                     is(i - 1, Lex::by) || is(i - 1, Lex::until) || is(i - 1, Lex::before) ||
                     is(i - 1, Lex::after) || is(i - 1, Lex::since));
}

// "half past ten", "a quarter to nine", "quarter past 6": a clock time said as a fraction of the
// hour, the hour in words or digits (1 to 12). Sets hour and minute and returns the index after
// the hour, kNone when the words are no such time. A count or unit after the hour ("a quarter
// to three percent", "half past 10 points") is an amount, not a time.
std::size_t Grammar::fraction_of_hour(std::size_t i, int& hour, int& minute) const {
    const std::size_t fraction = is(i, Lex::article) && low(i) == "a" ? i + 1 : i;
    const bool half = is(fraction, Lex::half);
    if (!half && low(fraction) != "quarter") {
        return kNone;
    }
    const bool past = low(fraction + 1) == "past";
    if ((half && !past) || (!past && low(fraction + 1) != "to")) {
        return kNone; // "half to ten" is not English
    }
    const std::size_t h = fraction + 2;
    int named = -1;
    if (is(h, Lex::number_word) && toks_[h].lex_value >= 1 && toks_[h].lex_value <= 12) {
        named = toks_[h].lex_value;
    } else if (plain_number(h) && toks_[h].digits <= 2 && toks_[h].value >= 1 &&
               toks_[h].value <= 12) {
        named = static_cast<int>(toks_[h].value);
    }
    if (named < 0 || !same_sentence(i, h) || is(h + 1, Lex::unit) || plain_number(h + 1) ||
        low(h + 1) == "percent" || punct(h + 1, '%')) {
        return kNone;
    }
    if (past) {
        hour = named;
        minute = half ? 30 : 15;
    } else {
        hour = named == 1 ? 12 : named - 1; // "a quarter to one" is 12:45
        minute = 45;
    }
    return h + 1;
}

bool Grammar::clock_time(std::size_t i, Mention& m) const {
    int hour = -1;
    int minute = 0;
    std::size_t j = kNone;
    if (std::size_t after = fraction_of_hour(i, hour, minute); after != kNone) {
        j = after;
    } else if (is(i, Lex::noon) || is(i, Lex::midnight)) {
        hour = is(i, Lex::noon) ? 12 : 24;
        j = i + 1;
    } else if (is(i, Lex::number_word) && toks_[i].lex_value >= 1 && toks_[i].lex_value <= 12) {
        // an hour in words, as transcripts write it: "eleven p.m.", "nine o'clock", "at four
        // in the morning"
        bool pm = false;
        std::string part;
        if (am_pm_at(i + 1, pm) != kNone ||
            (hour_before_part(i) && part_after_clock(i + 1, part) != kNone)) {
            hour = toks_[i].lex_value;
            j = i + 1;
        } else if (low(i + 1) == "o" && punct(i + 2, '\'') && low(i + 3) == "clock") {
            hour = toks_[i].lex_value;
            j = i + 4;
        }
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
            std::string part;
            std::size_t k = am_pm_at(i + 1, pm);
            if (k != kNone || (hour_before_part(i) && part_after_clock(i + 1, part) != kNone)) {
                hour = static_cast<int>(t.value); // "6 p.m.", "at 4 in the morning"
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
    const bool am_pm_written = am_pm_at(j, pm) != kNone;
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
    std::string zone;
    if (is(j, Lex::timezone)) {
        zone = "Z";
        ++j;
    } else if (at(j) != nullptr && toks_[j].all_caps && toks_[j].end - toks_[j].begin <= 4) {
        const std::string_view z = low(j);
        if (z == "est" || z == "edt" || z == "pst" || z == "pdt" || z == "cst" || z == "cdt" ||
            z == "cet" || z == "bst" || z == "mst" || z == "mdt") {
            ++j; // a named zone we do not convert: keep local time
        }
    }
    // "3 p.m. local time Thursday": the zone of the place, not converted; looked past for the
    // day, but a time without a day ends before it ("6 p.m. local time": "6 p.m.")
    const std::size_t before_local = j;
    const bool local = low(j) == "local" && low(j + 1) == "time" && same_sentence(j, j + 1);
    if (local) {
        j += 2;
    }
    // "5:30 in the afternoon", "10 at night": the part of the day says p.m. when the clock
    // did not, and belongs to the expression
    if (std::string part; part_after_clock(j, part) != kNone) {
        if (!am_pm_written) {
            hour = clock_hour_in_part(hour, part);
        }
        j = part_after_clock(j, part);
    }
    std::string suffix = "T" + two_digits(hour) + ":" + two_digits(minute) + zone;
    // "12:00 UTC Monday", "16:00 UTC today", "9 a.m. on Friday"; with a part of the day,
    // "7:30 Monday morning", "10:15 Sunday night", "9 o'clock tonight", "8:15 this morning":
    // one TIME, the clock giving its value
    std::size_t d = is(j, Lex::on) ? j + 1 : j;
    Mention day;
    if ((is(d, Lex::weekday) || is(d, Lex::today) || is(d, Lex::yesterday) ||
         is(d, Lex::tomorrow) || is(d, Lex::tonight) ||
         (is(d, Lex::this_) && is(d + 1, Lex::part_of_day))) &&
        core(d, day) &&
        (day.type == TimexType::date ||
         (day.type == TimexType::time && day.time_suffix.size() == 3))) {
        if (day.type == TimexType::time && !am_pm_written) {
            suffix = "T" + two_digits(clock_hour_in_part(hour, day.time_suffix)) + ":" +
                     two_digits(minute) + zone;
        }
        m = day;
        m.type = TimexType::time;
        m.time_suffix = suffix;
        m.first_token = static_cast<std::uint32_t>(i);
        return true;
    }
    // "4 p.m. EST Nov. 12": the day written after the clock time is its day, one TIMEX3 (a
    // count after it, "at 5 p.m. 12 people", is no day: a month must come with it). Set off by
    // a comma, "at 09:40 UTC, March 3rd", the two are apposed: the time keeps the day's value
    // but ends before the comma, and the date is an expression of its own.
    const bool apposed = punct(j, ',');
    d = apposed ? j + 1 : d;
    if ((is(d, Lex::month) || plain_number(d)) && same_sentence(j, d) &&
        (month_first(d, day) || day_first(d, day)) &&
        (day.kind == MentionKind::month_day ||
         (day.kind == MentionKind::fixed && day.explicit_day))) {
        const std::size_t end = apposed ? j : day.last_token;
        m = day;
        m.type = TimexType::time;
        m.time_suffix = suffix;
        finish(m, i, end);
        return true;
    }
    m.type = TimexType::time;
    m.kind = MentionKind::time_only;
    m.time_suffix = suffix;
    finish(m, i, local && j == before_local + 2 ? before_local : j);
    return true;
}

// Words that refer to the present, past or future as such (TIMEX3 PRESENT_REF etc.).

// A part of the day on its own, after a preposition: "in the late afternoon", "by
// mid-afternoon", "during the morning", "in the early evening". TIME on the date of its sentence
// (the story's day, else the reference), like a bare clock time; early/mid/late give mod
// START/MID/END. Not "the morning of March 3" (that day's morning is another rule's), "the
// evening news" (a modifier), "the Morning Star" (a name), nor "night" without a modifier or
// "at" ("spent the night").
bool Grammar::part_of_day_alone(std::size_t i, Mention& m) const {
    if (i == 0) {
        return false;
    }
    const std::string_view before = low(i - 1);
    const bool preposition = is(i - 1, Lex::in) || is(i - 1, Lex::during) || is(i - 1, Lex::by) ||
                             is(i - 1, Lex::until) || is(i - 1, Lex::since) ||
                             before == "throughout" || before == "at";
    if (!preposition) {
        return false;
    }
    std::size_t j = is(i, Lex::the) ? i + 1 : i;
    std::string mod;
    if (is(j, Lex::early) || is(j, Lex::mid) || is(j, Lex::late)) {
        mod = is(j, Lex::early) ? "START" : is(j, Lex::mid) ? "MID" : "END";
        j = punct(j + 1, '-') && attached(j + 1) ? j + 2 : j + 1;
    }
    if (!is(j, Lex::part_of_day) || toks_[j].capitalized || !same_sentence(i, j)) {
        return false;
    }
    const bool night = toks_[j].lex_value == 3;
    if ((night && mod.empty() && before != "at" && !is(i - 1, Lex::during)) ||
        (before == "at" && !night) || is(j + 1, Lex::of) || modifies_next_word(j) ||
        (punct(j + 1, '\'') && attached(j + 1))) {
        return false;
    }
    if (j == i && mod.empty() && before != "at") {
        return false; // "in morning" is not English; "at night" is
    }
    m.type = TimexType::time;
    m.kind = MentionKind::time_only;
    m.time_suffix = day_part_code(toks_[j].lex_value);
    m.mod = mod;
    finish(m, i, j + 1);
    return true;
}

} // namespace eventmap::dates::detail
