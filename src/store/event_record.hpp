// Records <-> OGR features (internal to src/store).
#pragma once

#include "common/gdal.hpp"
#include "model/event.hpp"

#include <string>
#include <vector>

namespace eventmap::store {

// A field's text, empty when unset or NULL.
std::string field_text(const OGRFeature& feature, int index);
std::string field_text(const OGRFeature& feature, const char* name);

// The inverse of visit_event_fields; `index` follows the same column order. Throws DataError
// naming `where` for a malformed row.
model::Event read_event(const OGRFeature& f, const std::vector<int>& index,
                        const std::string& where);

// Sets a text field; empty text becomes NULL.
void set_text(OGRFeature& f, const char* name, const std::string& value);

// Merges `extra` into `sources`, skipping ones already listed, up to
// EventStore::max_sources_per_event. Returns whether any was added.
bool merge_sources(std::vector<model::EventSource>& sources,
                   const std::vector<model::EventSource>& extra);

} // namespace eventmap::store
