// The loaded EventTable kept on disk, so a second render of the same file (another title,
// box or time window; the viewer opening it again) skips OGR's parsing: 100,000 GeoJSONSeq
// events take about 1.3 s CPU to read through GDAL and ~10 ms from here.
//   where: cache_dir() (shared with the basemap cache)
//   key:   the source's absolute path, size and modification time (ns), the layer option,
//          the format version
// Only plain files that do not change under an unchanged time are cached (GeoJSON, GeoJSONSeq,
// CSV, FlatGeobuf): a GeoPackage store can change through its -wal file, a PG: source
// anywhere. Tables of more than 2 million rows are not cached (100 MB a million on disk).
// A missing, stale or unreadable entry is a miss; a cache that cannot be written is skipped.
#pragma once

#include "mapdata/map_source.hpp"

#include <string>

namespace eventmap::mapdata {

// $EVENTMAP_CACHE_DIR, else $XDG_CACHE_HOME/eventmap, else ~/.cache/eventmap; empty when no
// directory can be found (nothing is cached then).
std::string cache_dir();

// load_events() through the cache; `hit` (optional) says whether the cache answered. Errors
// are those of load_events (a failed load is never cached).
EventTable load_events_cached(const std::string& source, const LoadOptions& options = {},
                              bool* hit = nullptr);

} // namespace eventmap::mapdata
