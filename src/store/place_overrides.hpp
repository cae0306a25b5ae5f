// The store's place_overrides table, in one place: "this name, in this article, means this
// place", written when a user corrects an event's place (view/correction_store.cpp) and read by
// ingest before the geoparser's own choice (EventStore::place_overrides). Created on first
// use; a row stays, marked active = 0, once its correction is undone.
//
// Internal to the store and its writers: it includes GDAL. Rows are written through OGR
// features (no SQL text carries values, so names with quotes are safe).
#pragma once

#include "common/gdal.hpp"
#include "store/event_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace eventmap::store {

// One row as written: the override and who made it for which event, when.
struct PlaceOverrideRow {
    PlaceOverride place;
    std::string event_id;
    std::string who;
    std::string created_at; // ISO 8601 UTC: with event_id, what undo finds the row by
};

// The table in `ds`, created with its columns when absent (inside the caller's transaction
// when one is open). nullptr when it cannot be created; `failed` then says which step failed
// ("cannot create column lat") and the GDAL error is in the caller's ErrorCapture.
OGRLayer* place_override_table(GDALDataset& ds, std::string& failed);

// Appends an active row; false when the write failed.
bool add_place_override(OGRLayer& table, const PlaceOverrideRow& row);

// Marks inactive the rows of one correction (event_id and created_at); false when a write
// failed.
bool deactivate_place_overrides(OGRLayer& table, const std::string& event_id,
                                const std::string& created_at);

// The active rows with a name, oldest first; nullopt when the table cannot be filtered.
std::optional<std::vector<PlaceOverride>> active_place_overrides(OGRLayer& table);

// Writes one row to the store at `target` (GeoPackage path or "PG:..."), in a transaction of
// its own: for tools and tests that make a correction without the viewer. Throws OutputError
// naming the target when it cannot.
void write_place_override(const std::string& target, const PlaceOverrideRow& row);

} // namespace eventmap::store
