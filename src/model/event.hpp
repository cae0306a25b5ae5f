// One event: what happened, where, when, who, with the sentences that say so. Field names
// follow PLOVER where it has them (event, quad_code, actor, recipient, event_loc...).
//
// Typed inside, strings only at the boundary: dates are day numbers with a precision, the type,
// quad class and date source are enums. The JSON/CSV/store forms ("2013-09-21", "ASSAULT",
// "explicit") come from to_string()/iso_date() and go back through the parse_*() functions,
// so a viewer's time slider compares integers and never parses a date per frame.
#pragma once

#include "common/geo.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::model {

// Days since 1970-01-01 in the proleptic Gregorian calendar: what C++20's
// std::chrono::sys_days counts (this project is C++17).
using DayNumber = std::int32_t;
inline constexpr DayNumber no_day = std::numeric_limits<DayNumber>::min();

// The day number of a calendar day; month 1-12, day 1-31 (not checked: see parse_day).
DayNumber day_number(int year, int month, int day) noexcept;
struct CivilDay {
    int year = 1970;
    int month = 1;
    int day = 1;
};
CivilDay civil_day(DayNumber day) noexcept;
// "YYYY-MM-DD" for years 0-9999; and back, nullopt unless a real day in exactly that form.
std::string format_day(DayNumber day);
std::optional<DayNumber> parse_day(std::string_view text);

enum class DatePrecision : std::uint8_t { none, year, month, day };
// How the date was found.
enum class DateSource : std::uint8_t {
    none,
    explicit_date, // written out ("on 21 August 2013")
    relative,      // resolved against the publication date ("on Tuesday")
    publication,   // the article's stated publication date
    inferred,      // a publication date the dates stage had to infer
};
// PLOVER's sixteen event types.
enum class PloverType : std::uint8_t {
    none,
    agree,
    consult,
    support,
    concede,
    cooperate,
    aid,
    retreat,
    request,
    accuse,
    reject,
    threaten,
    protest,
    sanction,
    mobilize,
    coerce,
    assault,
};
// PLOVER/CAMEO quad class; the numbers are the boundary form (quad_code 1-4).
enum class QuadClass : std::uint8_t {
    none = 0,
    verbal_cooperation = 1,
    material_cooperation = 2,
    verbal_conflict = 3,
    material_conflict = 4,
};

// Boundary names: "day", "explicit", "ASSAULT"; "" for none. parse_* return nullopt for a
// name they do not know and DatePrecision/DateSource/PloverType::none for "".
const char* to_string(DatePrecision precision) noexcept;
const char* to_string(DateSource source) noexcept;
const char* to_string(PloverType type) noexcept;
std::optional<DatePrecision> parse_date_precision(std::string_view text);
std::optional<DateSource> parse_date_source(std::string_view text);
std::optional<PloverType> parse_plover_type(std::string_view text);
std::optional<QuadClass> parse_quad_code(std::int64_t code);
inline int quad_code(QuadClass quad) noexcept {
    return static_cast<int>(quad);
}

// Where the event happened (PLOVER event_loc).
struct EventLocation {
    std::string extracted_place; // as written in the sentence
    std::string resolved_place;  // gazetteer name
    std::uint64_t geonameid = 0; // gazetteer id
    LatLon position;
    std::string country_code;
    std::string feature_class;
    std::string feature_code;
    int resolution = 0; // 1 country, 2 admin1, 3 admin2, 4 city, 5 sub-city; 0 continent/region
    float radius_km = 0;
    std::size_t start = 0; // code-point span of extracted_place in the article text
    std::size_t end = 0;
    // How the place was found: "clause" (a phrase of the trigger's clause), "sentence",
    // "paragraph" (an earlier event's place in the paragraph), "dateline"; empty: no place.
    std::string basis;
    // A name the text gives that the gazetteer lacks (a village, camp, neighbourhood); the
    // point, resolution and radius are then those of the containing unit the text names.
    std::string unresolved;
};

// A sentence that reports the event, with where to find it.
struct EventSource {
    std::string article_id;
    std::string sentence;
    std::size_t start = 0; // code-point offsets of the sentence in the article text
    std::size_t end = 0;
};

struct Event {
    std::string id;             // stable: derived from article content hash and the trigger span
    DayNumber date = no_day;    // first day the date covers; no_day when undated
    DayNumber enddate = no_day; // last day it covers (date itself for day precision)
    std::int16_t minute = -1;   // minute of the day (UTC) when a clock time was given, else -1
    DatePrecision date_precision = DatePrecision::none;
    DateSource date_source = DateSource::none;
    PloverType event = PloverType::none;
    QuadClass quad_code = QuadClass::none;
    std::string mode;       // sub-type from conflict data: "armed clash", "arrest"...; may be empty
    std::string cameo_root; // two-digit CAMEO root, empty when none maps
    std::string trigger;    // the word that triggered it ("shelling")
    std::size_t trigger_start = 0; // its code-point span in the article text
    std::size_t trigger_end = 0;
    std::vector<std::string> actor;
    std::vector<std::string> recipient;
    bool planned = false; // future or planned ("will meet again in early May")
    double confidence = 0;
    EventLocation event_loc;
    std::string event_text; // the first source sentence
    std::string article_id;
    std::string article_title;
    std::string article_url;
    std::string published;            // the article's publication date
    std::vector<EventSource> sources; // every sentence reporting it, after merging
    // How many sentences reported it, `sources` included. A store keeps a capped list of
    // sources per event (the rest are in its mentions table), and counts all; 0 means
    // sources.size() (an event not read from a store).
    std::uint64_t source_count = 0;
};

// The sentences that reported it: source_count, or sources.size() when that is not set.
inline std::uint64_t reports_of(const Event& e) noexcept {
    return e.source_count != 0 ? e.source_count : e.sources.size();
}

inline bool has_date(const Event& e) noexcept {
    return e.date != no_day;
}
// The boundary forms of the date: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:00Z" with a clock time;
// the end day as "YYYY-MM-DD". Empty when undated.
std::string iso_date(const Event& e);
std::string iso_enddate(const Event& e);
// Sets date, enddate, minute and precision from their boundary forms (an empty end means the
// first day; a first day with "THH:MM" sets the minute). Returns false, changing nothing, when
// a form is malformed or the range ends before it starts; "" and "" clear the date.
bool set_iso_dates(Event& e, std::string_view date, std::string_view enddate,
                   std::string_view precision);

} // namespace eventmap::model
