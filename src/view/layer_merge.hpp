// Several sources shown at once: each is loaded on its own (its own loader, its own tables)
// and the viewer works on one table of all of them, the layers' rows one block after another
// in drawing order (the renderer draws instances in row order, so a later block is drawn on
// top). These functions build that table from the layers' tables; strings interned per
// source (types, countries, actors, date sources) are interned again in the merged table.
#pragma once

#include "mapdata/event_table.hpp"
#include "view/event_table.hpp"

#include <string>
#include <vector>

namespace eventmap::view {

enum class LoadStage { idle, map, columns, done, failed };

// One source shown as a layer.
struct LayerInfo {
    std::string source;
    std::string name; // the file's name without extension (layer_name())
    bool visible = true;
    Row first_row = 0; // its block of the session's table
    std::size_t rows = 0;
    LoadStage stage = LoadStage::idle;
    std::uint64_t loads = 0; // loads begun: the first, then each reload of this layer
};

// The layers' map tables, one block after another. source/data_source name every part
// (", " between them); article and skipped-row counts are summed.
mapdata::EventTable concat_maps(const std::vector<const mapdata::EventTable*>& parts);

// The layers' view tables, one block after another. search_text is kept only when every part
// has it (tables built in memory); otherwise it is empty and the text is searched in the
// sources.
EventTable concat_tables(const std::vector<const EventTable*>& parts);

// The map table with each row's layer as its type and the layers' names as the type names:
// what the renderer draws when markers are coloured by layer (its palette and legend then
// name the layers). Rows outside every layer's block keep type 0.
mapdata::EventTable layer_typed(const mapdata::EventTable& map,
                                const std::vector<LayerInfo>& layers);

// A name for a layer from its source: the file name without folders and extension
// ("events" for out/events.gpkg), "PostGIS" for a PG: string; `taken` names already in use
// get " (2)", " (3)"... appended.
std::string layer_name(const std::string& source, const std::vector<std::string>& taken);

} // namespace eventmap::view
