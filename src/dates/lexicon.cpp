#include "dates/lexicon.hpp"

#include <unordered_map>

namespace eventmap::dates {

namespace {

struct Word {
    std::string_view text;
    Lex lex;
    std::int16_t value;
};

constexpr std::int16_t u(Unit unit) {
    return static_cast<std::int16_t>(unit);
}

// clang-format off
constexpr Word kWords[] = {
    {"january", Lex::month, 1}, {"february", Lex::month, 2}, {"march", Lex::month, 3},
    {"april", Lex::month, 4}, {"may", Lex::month, 5}, {"june", Lex::month, 6},
    {"july", Lex::month, 7}, {"august", Lex::month, 8}, {"september", Lex::month, 9},
    {"october", Lex::month, 10}, {"november", Lex::month, 11}, {"december", Lex::month, 12},
    {"jan", Lex::month, 1}, {"feb", Lex::month, 2}, {"mar", Lex::month, 3}, {"apr", Lex::month, 4},
    {"jun", Lex::month, 6}, {"jul", Lex::month, 7}, {"aug", Lex::month, 8}, {"sep", Lex::month, 9},
    {"sept", Lex::month, 9}, {"oct", Lex::month, 10}, {"nov", Lex::month, 11}, {"dec", Lex::month, 12},
    {"monday", Lex::weekday, 0}, {"tuesday", Lex::weekday, 1}, {"wednesday", Lex::weekday, 2},
    {"thursday", Lex::weekday, 3}, {"friday", Lex::weekday, 4}, {"saturday", Lex::weekday, 5},
    {"sunday", Lex::weekday, 6}, {"tues", Lex::weekday, 1}, {"thurs", Lex::weekday, 3},
    {"mondays", Lex::weekdays, 0}, {"tuesdays", Lex::weekdays, 1}, {"wednesdays", Lex::weekdays, 2},
    {"thursdays", Lex::weekdays, 3}, {"fridays", Lex::weekdays, 4}, {"saturdays", Lex::weekdays, 5},
    {"sundays", Lex::weekdays, 6},
    {"second", Lex::unit, u(Unit::second)}, {"seconds", Lex::unit, u(Unit::second)},
    {"minute", Lex::unit, u(Unit::minute)}, {"minutes", Lex::unit, u(Unit::minute)},
    {"hour", Lex::unit, u(Unit::hour)}, {"hours", Lex::unit, u(Unit::hour)},
    {"day", Lex::unit, u(Unit::day)}, {"days", Lex::unit, u(Unit::day)},
    {"week", Lex::unit, u(Unit::week)}, {"weeks", Lex::unit, u(Unit::week)},
    {"weekend", Lex::unit, u(Unit::weekend)}, {"weekends", Lex::unit, u(Unit::weekend)},
    {"fortnight", Lex::unit, u(Unit::fortnight)}, {"fortnights", Lex::unit, u(Unit::fortnight)},
    {"month", Lex::unit, u(Unit::month)}, {"months", Lex::unit, u(Unit::month)},
    {"quarter", Lex::unit, u(Unit::quarter)}, {"quarters", Lex::unit, u(Unit::quarter)},
    {"year", Lex::unit, u(Unit::year)}, {"years", Lex::unit, u(Unit::year)},
    {"decade", Lex::unit, u(Unit::decade)}, {"decades", Lex::unit, u(Unit::decade)},
    {"century", Lex::unit, u(Unit::century)}, {"centuries", Lex::unit, u(Unit::century)},
    {"zero", Lex::number_word, 0}, {"one", Lex::number_word, 1}, {"two", Lex::number_word, 2},
    {"three", Lex::number_word, 3}, {"four", Lex::number_word, 4}, {"five", Lex::number_word, 5},
    {"six", Lex::number_word, 6}, {"seven", Lex::number_word, 7}, {"eight", Lex::number_word, 8},
    {"nine", Lex::number_word, 9}, {"ten", Lex::number_word, 10}, {"eleven", Lex::number_word, 11},
    {"twelve", Lex::number_word, 12}, {"thirteen", Lex::number_word, 13},
    {"fourteen", Lex::number_word, 14}, {"fifteen", Lex::number_word, 15},
    {"sixteen", Lex::number_word, 16}, {"seventeen", Lex::number_word, 17},
    {"eighteen", Lex::number_word, 18}, {"nineteen", Lex::number_word, 19},
    {"twenty", Lex::number_word, 20}, {"thirty", Lex::number_word, 30}, {"forty", Lex::number_word, 40},
    {"fifty", Lex::number_word, 50}, {"sixty", Lex::number_word, 60}, {"seventy", Lex::number_word, 70},
    {"eighty", Lex::number_word, 80}, {"ninety", Lex::number_word, 90},
    {"dozen", Lex::number_word, 12}, {"hundred", Lex::number_word, 100},
    {"thousand", Lex::number_word, 1000}, {"several", Lex::number_word, -1}, {"few", Lex::number_word, -1},
    {"couple", Lex::number_word, 2}, {"many", Lex::number_word, -1},
    {"first", Lex::ordinal_word, 1}, {"second", Lex::ordinal_word, 2}, {"third", Lex::ordinal_word, 3},
    {"fourth", Lex::ordinal_word, 4}, {"fifth", Lex::ordinal_word, 5}, {"sixth", Lex::ordinal_word, 6},
    {"seventh", Lex::ordinal_word, 7}, {"eighth", Lex::ordinal_word, 8}, {"ninth", Lex::ordinal_word, 9},
    {"tenth", Lex::ordinal_word, 10}, {"eleventh", Lex::ordinal_word, 11},
    {"twelfth", Lex::ordinal_word, 12}, {"thirteenth", Lex::ordinal_word, 13},
    {"fourteenth", Lex::ordinal_word, 14}, {"fifteenth", Lex::ordinal_word, 15},
    {"sixteenth", Lex::ordinal_word, 16}, {"seventeenth", Lex::ordinal_word, 17},
    {"eighteenth", Lex::ordinal_word, 18}, {"nineteenth", Lex::ordinal_word, 19},
    {"twentieth", Lex::ordinal_word, 20}, {"thirtieth", Lex::ordinal_word, 30},
    {"fortieth", Lex::ordinal_word, 40}, {"fiftieth", Lex::ordinal_word, 50},
    {"hundredth", Lex::ordinal_word, 100},
    {"a", Lex::article, 1}, {"an", Lex::article, 1}, {"the", Lex::the, 0},
    {"last", Lex::last, 0}, {"next", Lex::next, 0}, {"this", Lex::this_, 0},
    {"coming", Lex::coming, 0}, {"past", Lex::past, 0}, {"previous", Lex::previous, 0},
    {"prior", Lex::previous, 0}, {"following", Lex::following, 0}, {"same", Lex::same, 0},
    {"that", Lex::that, 0}, {"current", Lex::current, 0}, {"recent", Lex::recent, 0},
    {"upcoming", Lex::upcoming, 0},
    {"today", Lex::today, 0}, {"tonight", Lex::tonight, 0}, {"yesterday", Lex::yesterday, 0},
    {"tomorrow", Lex::tomorrow, 0}, {"now", Lex::now, 0}, {"currently", Lex::currently, 0},
    {"recently", Lex::recently, 0}, {"lately", Lex::recently, 0}, {"nowadays", Lex::nowadays, 0},
    {"soon", Lex::soon, 0}, {"formerly", Lex::formerly, 0},
    {"ago", Lex::ago, 0}, {"later", Lex::later, 0}, {"earlier", Lex::earlier, 0},
    {"before", Lex::before, 0}, {"after", Lex::after, 0}, {"hence", Lex::hence, 0},
    {"from", Lex::from, 0}, {"since", Lex::since, 0}, {"until", Lex::until, 0},
    {"till", Lex::until, 0}, {"in", Lex::in, 0}, {"on", Lex::on, 0}, {"at", Lex::at, 0},
    {"of", Lex::of, 0}, {"by", Lex::by, 0}, {"during", Lex::during, 0}, {"within", Lex::within, 0},
    {"for", Lex::for_, 0}, {"over", Lex::over, 0}, {"under", Lex::under, 0},
    {"around", Lex::around, 0}, {"about", Lex::about, 0}, {"approximately", Lex::approximately, 0},
    {"roughly", Lex::roughly, 0}, {"nearly", Lex::nearly, 0}, {"almost", Lex::almost, 0},
    {"some", Lex::some, 0}, {"more", Lex::more, 0}, {"less", Lex::less, 0}, {"fewer", Lex::less, 0},
    {"than", Lex::than, 0}, {"least", Lex::least, 0}, {"up", Lex::up, 0}, {"to", Lex::to, 0},
    {"and", Lex::and_, 0}, {"half", Lex::half, 0},
    {"early", Lex::early, 0}, {"mid", Lex::mid, 0}, {"late", Lex::late, 0}, {"end", Lex::end, 0},
    {"beginning", Lex::beginning, 0}, {"start", Lex::start, 0}, {"middle", Lex::middle, 0},
    {"every", Lex::every, 0}, {"each", Lex::each, 0}, {"per", Lex::per, 0},
    {"daily", Lex::set_word, u(Unit::day)}, {"nightly", Lex::set_word, u(Unit::day)},
    {"weekly", Lex::set_word, u(Unit::week)}, {"monthly", Lex::set_word, u(Unit::month)},
    {"annually", Lex::set_word, u(Unit::year)}, {"annual", Lex::set_word, u(Unit::year)},
    {"yearly", Lex::set_word, u(Unit::year)}, {"hourly", Lex::set_word, u(Unit::hour)},
    {"quarterly", Lex::set_word, u(Unit::quarter)},
    {"morning", Lex::part_of_day, 0}, {"afternoon", Lex::part_of_day, 1},
    {"evening", Lex::part_of_day, 2}, {"night", Lex::part_of_day, 3},
    {"noon", Lex::noon, 0}, {"midday", Lex::noon, 0}, {"midnight", Lex::midnight, 0},
    {"spring", Lex::season, 0}, {"summer", Lex::season, 1}, {"autumn", Lex::season, 2},
    {"fall", Lex::season, 2}, {"winter", Lex::season, 3},
    {"am", Lex::am, 0}, {"pm", Lex::pm, 0},
    {"utc", Lex::timezone, 0}, {"gmt", Lex::timezone, 0}, {"z", Lex::timezone, 0},
    {"oclock", Lex::oclock, 0},
    {"anniversary", Lex::anniversary, 0}, {"fiscal", Lex::fiscal, 0}, {"fy", Lex::fiscal, 0},
    {"christmas", Lex::holiday, static_cast<std::int16_t>(Holiday::christmas)},
    {"xmas", Lex::holiday, static_cast<std::int16_t>(Holiday::christmas)},
    {"easter", Lex::holiday, static_cast<std::int16_t>(Holiday::easter)},
    {"halloween", Lex::holiday, static_cast<std::int16_t>(Holiday::halloween)},
    {"thanksgiving", Lex::holiday, static_cast<std::int16_t>(Holiday::thanksgiving)},
};
// clang-format on

using Table = std::unordered_map<std::string_view, LexEntry>;

Table build_table() {
    Table table;
    table.reserve(sizeof kWords / sizeof kWords[0] * 2);
    for (const Word& w : kWords) {
        // "second" is both a unit and an ordinal; the unit wins here and the grammar treats a
        // unit "second" before a unit word as the ordinal.
        table.emplace(w.text, LexEntry{w.lex, w.value});
    }
    return table;
}

} // namespace

LexEntry lookup_word(std::string_view lower_word) {
    if (lower_word.size() > 13) {
        return {};
    }
    static const Table table = build_table(); // immutable after first use
    auto it = table.find(lower_word);
    return it == table.end() ? LexEntry{} : it->second;
}

} // namespace eventmap::dates
