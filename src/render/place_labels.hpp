// Reference places from the gazetteer, so a zoomed-in map is not empty: capitals and large
// cities first, smaller places as the scale grows, placed greedily without overlaps.
#pragma once

#include "render/map_view.hpp"
#include "render/ui_batch.hpp"

#include <string>
#include <vector>

namespace eventmap::render {

struct ReferencePlace {
    std::string name;
    double lon = 0, lat = 0;
    std::uint64_t population = 0;
    bool capital = false;
    double x = 0, y = 0; // projected, for the current projection
};

class PlaceLabels {
  public:
    // Reads populated places from the index at `path`; no places (and no error) when it is
    // missing, so maps render on a machine without the gazetteer built.
    explicit PlaceLabels(const std::string& path);
    bool empty() const noexcept { return places_.empty(); }

    void project(const Projection& projection);
    // Adds labels for the view, avoiding `taken` (and extending it with what it places);
    // returns how many it placed.
    std::size_t draw(UiBatch& batch, const MapView& view, float scale,
                     std::vector<PixelRect>& taken) const;

  private:
    std::vector<ReferencePlace> places_; // most important first
};

} // namespace eventmap::render
