// What the filters panel chooses, and applying it to the event table. The state holds names,
// not table indices, so it survives a reload and reads well in a --state file. Applying it
// yields the passing rows as an index vector (what the list's clipper, the histogram and the
// renderer's visibility mask are built from); it runs when the filter changes, never per frame.
#pragma once

#include "view/event_table.hpp"

#include <array>
#include <set>
#include <string>
#include <vector>

namespace eventmap::view {

enum class PlannedFilter { any, planned, not_planned };

struct FilterState {
    std::set<std::string> types;                             // empty: all
    std::array<bool, 5> quads{true, true, true, true, true}; // index 0 = no quad class
    std::set<std::string> countries;                         // ISO alpha-2; empty: all
    std::set<std::string> actors;       // an event passes if any of its actors is listed
    std::set<std::string> date_sources; // explicit, relative, publication, inferred
    PlannedFilter planned = PlannedFilter::any;
    float min_confidence = 0;
    std::string text; // case-insensitive substring of the sentence or the title

    bool operator==(const FilterState& other) const;
    bool operator!=(const FilterState& other) const { return !(*this == other); }
};

const char* to_string(PlannedFilter planned);
std::optional<PlannedFilter> planned_filter_from(const std::string& text);

// Counts per value of each facet over the rows that pass every OTHER facet (so a type's count
// says how many rows ticking it would add), as filter panels show them.
struct FacetCounts {
    std::vector<std::uint32_t> types; // by EventTable::types index
    std::array<std::uint32_t, 5> quads{};
    std::vector<std::uint32_t> countries;    // by EventTable::countries index
    std::vector<std::uint32_t> date_sources; // by EventTable::date_sources index
    std::vector<std::uint32_t> actors;       // by EventTable::actors index (once per row)
    std::array<std::uint32_t, 2> planned{};  // [not planned, planned]
    // Rows passing every filter but the minimum confidence / but the text: the base the
    // panel shows beside those two ("N of M"), N being FilterResult::rows.size().
    std::uint32_t confidence_base = 0;
    std::uint32_t text_base = 0;
};

struct FilterResult {
    std::vector<Row> rows;          // passing rows, ascending
    std::vector<std::uint8_t> mask; // per row: 1 passes, 0 not (for the renderer and histogram)
    FacetCounts counts;
};

// Applies `state` to every row of `table` (time is not a filter here: the window is separate).
// The text search reads `text_matches` (per row, 1 = the sentence or title contains the text)
// when given: for large sources the search runs in the source (text_search.hpp) instead of
// holding every sentence in memory. Without it, the table's search_text is searched; a table
// without either ignores the text filter.
FilterResult apply_filter(const EventTable& table, const FilterState& state,
                          const std::vector<std::uint8_t>* text_matches = nullptr);

} // namespace eventmap::view
