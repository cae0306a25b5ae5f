// Writing a user's correction of an event's place to the store: the event's point and place
// columns change, and two tables remember it:
//   view_corrections  one row per correction: event, old and new place, who, when, undone_at
//   place_overrides   "this name, in this article, means this place": what later ingests
//                     apply before the geoparser's own choice (active = 0 once undone)
// Both are created on first use. Each correction is one transaction. Written through GDAL/OGR
// features (no SQL text carries values, so names with quotes are safe), for GeoPackage and
// PostGIS stores alike.
#pragma once

#include "common/geo.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eventmap::view {

struct PlaceChoice {
    LatLon position;
    std::string name; // gazetteer name; empty for a point clicked on the map
    std::uint64_t geonameid = 0;
    std::string country_code;
    std::string detail; // for lists only ("PPLA, pop. 775404"); not stored
};

struct CorrectionRecord {
    std::int64_t record = -1; // fid in view_corrections
    std::string event_id;
    PlaceChoice before, after;
    std::string extracted_place, article_id;
    std::string who, at; // user name, ISO 8601 UTC
};

class CorrectionStore {
  public:
    // `target`: a GeoPackage path or "PG:...". Throws InputError when it is not a store the
    // viewer can write (a GeoJSON file, a read-only file, no events layer).
    explicit CorrectionStore(std::string target);

    // Moves event `event_id` to `to`; returns what was recorded. Throws InputError when the
    // event is not in the store, OutputError when the write fails (a locked store: the message
    // says so); nothing is half-written.
    CorrectionRecord apply(const std::string& event_id, const PlaceChoice& to,
                           const std::string& who);
    // Puts the event back where `record` found it and marks the correction and its override
    // undone.
    void undo(const CorrectionRecord& record);

    // The events whose latest correction is not undone (for "shown as corrected").
    std::vector<std::string> corrected_event_ids();

  private:
    std::string target_;
};

// The current user, for "who": $EVENTMAP_USER, else $USER, else the login name, else "unknown".
std::string current_user();

} // namespace eventmap::view
