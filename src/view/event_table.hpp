// The viewer's working set: one row per event, in columns (structure of arrays), so filtering,
// the histogram and the pick grid run over tight arrays of a million rows. Strings that repeat
// (types, countries, actors, date sources) are interned into small tables and stored as
// indices. Row order is load order; every other structure refers to rows by their index.
//
// Filled from events::Event (the store's read API) or from the renderer's map data loader.
#pragma once

#include "events/event.hpp"
#include "view/time_model.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace eventmap::view {

using Row = std::uint32_t;

// Interned strings: index <-> text. Index 0 is always "" (no value).
class StringTable {
  public:
    StringTable() { intern(""); }
    std::uint32_t intern(const std::string& text);
    // -1 when the text was never interned.
    std::int64_t find(const std::string& text) const;
    const std::string& text(std::uint32_t index) const { return texts_[index]; }
    std::size_t size() const { return texts_.size(); }

  private:
    std::vector<std::string> texts_;
    std::unordered_map<std::string, std::uint32_t> index_;
};

enum class Precision : std::uint8_t { day, month, year };

struct EventTable {
    std::vector<std::int64_t> fid; // the source's feature id (details, corrections); -1 unknown
    std::vector<std::string> id;
    std::vector<double> lat, lon;        // WGS84 degrees; NaN when the event has no place
    std::vector<Day> day_start, day_end; // inclusive; month/year precision spans the period
    std::vector<Precision> precision;
    std::vector<std::uint16_t> type;       // into types
    std::vector<std::uint8_t> quad;        // 0 none, 1..4 PLOVER quad class
    std::vector<std::uint16_t> country;    // into countries
    std::vector<std::uint8_t> date_source; // into date_sources
    std::vector<std::uint8_t> planned;     // 0/1
    std::vector<float> confidence;
    std::vector<std::uint8_t> corrected; // 0/1: moved by a user correction
    // Actors and recipients of row r: actor_ids[actor_offset[r] .. actor_offset[r + 1]).
    std::vector<std::uint32_t> actor_offset{0};
    std::vector<std::uint32_t> actor_ids; // into actors
    // Place name (resolved, else as written) for the list. search_text, the ASCII-lowercased
    // sentence + "\n" + title, is kept for small tables only (append()); large sources search
    // in the source instead (filter.hpp).
    std::vector<std::string> place, search_text;

    StringTable types, countries, date_sources, actors;

    std::size_t size() const { return id.size(); }
    bool located(Row r) const { return lat[r] == lat[r]; } // NaN != NaN
    void reserve(std::size_t n);
    // Appends one event; an event without a date gets day_start > day_end (never in a window).
    void append(const events::Event& event, bool located, std::int64_t fid = -1);
    // The days the rows cover, over rows with a date; {0, -1} when none has one.
    DayRange day_extent() const;
    // Row r's date as far as it is known: "2018-02-20", "2018-02" (month precision) or "2018"
    // (year); "" without a date. Shown as its first day, a month event seemed to have a day.
    std::string date_text(Row r) const;
};

// Day numbers of an event's date fields: "YYYY-MM-DD" (or a datetime: its date part).
// nullopt when the text is not a date.
std::optional<Day> parse_iso_day(const std::string& text);

} // namespace eventmap::view
