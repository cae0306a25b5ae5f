// Gazetteer look-ups for the viewer: the search box that flies to a place, and the other
// candidate places an event's name could mean (to correct it). The index is opened on first
// use ($EVENTMAP_GAZETTEER, else the build's), so the viewer starts without one and says what
// is missing only when asked.
#pragma once

#include "view/correction_store.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventmap::gazetteer {
class Gazetteer;
}

namespace eventmap::view {

class PlaceFinder {
  public:
    explicit PlaceFinder(std::string index_path = {}); // empty: the default index
    ~PlaceFinder();
    PlaceFinder(const PlaceFinder&) = delete;
    PlaceFinder& operator=(const PlaceFinder&) = delete;

    // Uses another index from the next look-up on.
    void set_index(std::string index_path);

    // Ranked places for a name, best first. Throws DataError when the index cannot be opened
    // (the message names it and how to build it).
    std::vector<PlaceChoice> lookup(const std::string& name, std::size_t limit = 10);

    // The populated place or district (GeoNames class P, precision city or finer) nearest to
    // `at` within `radius_km`, from the same index; nullopt when none is that near. Throws
    // DataError as lookup() does.
    std::optional<PlaceChoice> nearest(LatLon at, double radius_km);

  private:
    gazetteer::Gazetteer& index(); // opened on first use
    std::string path_;
    std::unique_ptr<gazetteer::Gazetteer> gazetteer_;
};

// What a point clicked on the map is called: "near Harasta" for the nearest town or district
// within near_place_km (its country too, but not its geonameid: the event is not AT it), else
// (none that near, or no gazetteer) "a point chosen on the map".
inline constexpr double near_place_km = 25;
inline constexpr const char* chosen_point_name = "a point chosen on the map";
PlaceChoice point_choice(PlaceFinder& finder, LatLon at);

// A candidate's label for lists: "Homs (SY, PPLA, pop. 775,404)".
std::string describe(const PlaceChoice& place);

} // namespace eventmap::view
