// The built basemap kept on disk per projection and detail, so only the first map in a
// projection pays for reading, projecting and tessellating Natural Earth (seconds at 1:10m);
// later maps, processes and the viewer load it in milliseconds.
//   where: $EVENTMAP_CACHE_DIR, else $XDG_CACHE_HOME/eventmap, else ~/.cache/eventmap
//   key:   projection and centre, detail, the TopoJSON files' sizes and times, format version,
//          GEOS' and PROJ's versions
// A missing, stale or unreadable cache entry is rebuilt; a cache that cannot be written is
// skipped silently (the map is still drawn).
#pragma once

#include "render/basemap_geometry.hpp"

#include <string>

namespace eventmap::render {

std::string basemap_cache_dir(); // empty when no directory can be found

BasemapGeometry cached_basemap(const Projection& projection, Detail detail,
                               const std::string& atlas_dir);

} // namespace eventmap::render
