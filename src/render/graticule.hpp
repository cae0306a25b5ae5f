// The graticule: meridians and parallels every few degrees, as line segments in projected
// metres for the line shader. GL-free, so the geometry is tested without a context; the
// renderer draws it between the basemap and the events (`--graticule`).
#pragma once

#include "mapdata/event_table.hpp"
#include "render/projection.hpp"

#include <vector>

namespace eventmap::render {

// A round step in degrees (1, 2, 5, 10, 15, 30) giving at most about `max_lines` lines across
// `box`'s wider side; 30 for a world map.
double graticule_step(const mapdata::GeoBox& box, int max_lines = 10);

// Meridians and parallels every `step_deg` over `box` (west > east crosses the antimeridian;
// an empty box is the whole world), densified so they curve with the projection. Segments as
// x0,y0,x1,y1 floats; parts outside the projection's domain are left out.
std::vector<float> graticule_segments(const Projection& projection, const mapdata::GeoBox& box,
                                      double step_deg);

} // namespace eventmap::render
