// The map follows the store row by row: the rows a commit changed (event_journal.hpp), read
// again (load_store_rows), applied to a layer's tables in place of reading every event again.
#pragma once

#include "mapdata/event_table.hpp"
#include "view/event_table.hpp"

#include <cstddef>
#include <vector>

namespace eventmap::view {

struct DeltaCounts {
    std::size_t replaced = 0; // rows the tables held, rewritten (a merge, a correction)
    std::size_t appended = 0; // new rows, after the last
    std::vector<std::size_t> replaced_rows; // the rows rewritten, ascending
};

// Applies `rows_map`/`rows` (the same rows, fid order) to `map`/`table` (a layer's tables, the
// same rows, ascending fids): a row whose fid the tables hold replaces it (its corrected flag
// kept), rows past the last fid are appended; rows and selection indices of every other event
// stay. nullopt, nothing changed, when the change cannot be applied this way and the layer must
// be read again: a new row whose fid falls between held rows (a PostGIS writer that committed
// after another with larger fids, an event that just got a place), tables that are not a
// store's (texts held in memory), or tables out of step.
std::optional<DeltaCounts> apply_store_rows(mapdata::EventTable& map, EventTable& table,
                                            const mapdata::EventTable& rows_map,
                                            const EventTable& rows);

} // namespace eventmap::view
