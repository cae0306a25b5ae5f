// Gazetteer look-ups for the viewer: the search box that flies to a place, and the other
// candidate places an event's name could mean (to correct it). The index is opened on first
// use ($EVENTMAP_GAZETTEER, else the build's), so the viewer starts without one and says what
// is missing only when asked.
#pragma once

#include "view/correction_store.hpp"

#include <memory>
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

  private:
    std::string path_;
    std::unique_ptr<gazetteer::Gazetteer> gazetteer_;
};

// A candidate's label for lists: "Homs (SY, PPLA, pop. 775,404)".
std::string describe(const PlaceChoice& place);

} // namespace eventmap::view
