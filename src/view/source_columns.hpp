// What the viewer reads from a source beyond the renderer's map table (mapdata::EventTable,
// which stays lean for ten million rows): event ids, countries, date sources, actors and place
// names for the filters and the list, and text search over sentences and titles, run in the
// source so no sentence is held in memory. Keyed by OGR feature id, so rows line up with the
// map table. GL-free; each call opens its own dataset, so it can run on a worker thread.
#pragma once

#include "mapdata/event_table.hpp"
#include "view/event_table.hpp"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace eventmap::view {

// The view table's columns that the map table has: positions, days, types, quads... Ids,
// countries, actors and places stay empty until read_source_columns() fills them.
EventTable table_from_map(const mapdata::EventTable& map);

// Fills id, country, date_source, actors and place of `table` (built by table_from_map) from
// the source's layer, matching rows by feature id. Columns the source lacks stay empty.
// `progress(done, total)` is called every few thousand rows; returning false stops early.
// Throws InputError when the source cannot be opened.
void read_source_columns(const std::string& source, const std::string& layer, EventTable& table,
                         const std::function<bool(std::uint64_t, std::uint64_t)>& progress = {});

// Rows whose sentence (event_text) or title contains `text`, case-insensitively, as a per-row
// mask for apply_filter. Runs as an OGR attribute filter in the source (SQL in a GeoPackage or
// PostGIS). `cancel` stops early (the result is then incomplete and must be dropped).
std::vector<std::uint8_t> search_source_text(const std::string& source, const std::string& layer,
                                             const EventTable& table, const std::string& text,
                                             const std::atomic<bool>* cancel = nullptr);

// The events behind `rows` of `table` (rows of a source that is not an eventmap store: a
// GeoJSON, CSV or FlatGeobuf file), for the project's exporters. What the viewer shows comes
// from the table: position, days and precision, type, quad class, country, date source,
// planned, confidence. Every other field of the export is read from the source's attribute of
// the export's own name (event_text, title, url, article_id, actor, recipient,
// resolved_place...), so a file an eventmap export wrote comes back whole; a field the source
// lacks stays empty. A type that is not PLOVER's is kept as `mode`; a row without an id gets
// `id_prefix` + "-" + its feature id. Throws InputError when the source cannot be opened.
std::vector<events::Event> read_source_events(const std::string& source, const std::string& layer,
                                              const EventTable& table, const std::vector<Row>& rows,
                                              const std::string& id_prefix);

// Rows in the source's layer when the format knows it without a scan (GeoPackage, FlatGeobuf,
// PostGIS estimates aside: exact counts only); 0 when it does not, or cannot be opened.
std::uint64_t quick_row_count(const std::string& source, const std::string& layer);

// Row of a feature id; -1 when absent. Rows are in the source's order, usually ascending fids.
std::int64_t row_of_fid(const EventTable& table, std::int64_t fid);

} // namespace eventmap::view
