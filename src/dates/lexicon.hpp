// The closed-class temporal vocabulary of English news: month and weekday names, units, number
// words, relative and deictic words, and the function words the date grammar keys on. Each word
// maps to a class (Lex) and a small value (month number, weekday, unit, amount...).
#pragma once

#include <cstdint>
#include <string_view>

namespace eventmap::dates {

enum class Unit : std::int16_t {
    second,
    minute,
    hour,
    day,
    week,
    weekend,
    fortnight,
    month,
    quarter,
    year,
    decade,
    century
};

enum class Lex : std::uint8_t {
    none,
    month,        // value 1..12
    weekday,      // value 0 = Monday .. 6 = Sunday
    unit,         // value Unit; plural forms too
    number_word,  // value 0..99 ("one", "twenty"); -1 for vague amounts ("several", "few")
    ordinal_word, // value 1..31 ("first", "twelfth")
    article,      // a, an (amount 1)
    the,
    last,
    next,
    this_,
    coming,
    past,
    previous,
    following,
    same,
    that,
    current,
    recent,
    upcoming,
    today,
    tonight,
    yesterday,
    tomorrow,
    now,
    currently,
    recently,
    nowadays,
    soon,
    formerly,
    ago,
    later,
    earlier,
    before,
    after,
    hence,
    from,
    since,
    until,
    in,
    on,
    at,
    of,
    by,
    during,
    within,
    for_,
    over,
    under,
    around,
    about,
    approximately,
    roughly,
    nearly,
    almost,
    some,
    more,
    less,
    than,
    least,
    up,
    to,
    and_,
    half,
    early,
    mid,
    late,
    end,
    beginning,
    start,
    middle,
    every,
    each,
    per,
    set_word,    // value Unit: daily, weekly, monthly, annually, annual, yearly, hourly, quarterly
    part_of_day, // value: 0 morning, 1 afternoon, 2 evening, 3 night
    noon,
    midnight,
    season, // value: 0 spring, 1 summer, 2 fall/autumn, 3 winter
    am,
    pm,       // "am"/"pm" (a.m. and p.m. are recognised by the grammar)
    timezone, // utc, gmt, ...
    oclock,
    anniversary,
    fiscal,
    holiday,    // value: see Holiday
    day_word,   // "day" as in "Christmas Day" is a unit; this is unused padding
    a_m_letter, // the single letters 'a' / 'p' / 'm' in "a.m."
    weekdays,   // a plural weekday, value as weekday: "on Sundays" names a recurring day
    count_
};

// election: the US Election Day (not in the lexicon: only "Election Day", both capitalised)
enum class Holiday : std::int16_t {
    christmas,
    easter,
    halloween,
    thanksgiving,
    valentine,
    election,
    // US holidays named by a weekday of their month (not in the lexicon: "Labor Day" and the
    // like are recognised from two words)
    memorial,    // last Monday of May
    labor,       // first Monday of September
    columbus,    // second Monday of October
    presidents,  // third Monday of February
    mothers,     // second Sunday of May
    fathers,     // third Sunday of June
    king,        // Martin Luther King Day: third Monday of January
    spring_bank, // the UK's Spring Bank Holiday: last Monday of May
    summer_bank  // the UK's August (Summer) Bank Holiday: last Monday of August
};

struct LexEntry {
    Lex lex = Lex::none;
    std::int16_t value = 0;
};

// Looks up an ASCII-lowercase word; {Lex::none, 0} when it is not temporal vocabulary.
LexEntry lookup_word(std::string_view lower_word);

} // namespace eventmap::dates
