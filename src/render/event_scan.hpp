// One pass over the events for each drawing, for everything counted on the CPU: the events in
// the time window (the caption's count), those also inside the view (the legend), and, with
// clusters on, the events of each cluster cell. The renderer used to loop over every event
// once per use, and grouped clusters in a hash map (a million lookups a frame with 1,000,000
// events); here the cells are a dense grid over the view, so a cluster frame over 1,000,000
// events costs one pass of a few array reads per event.
//
// The result is the hash map's exactly: a cell's sums run over its events in row order, and
// merge_overlapping_labels() orders the clusters by count and first row, not by cell.
#pragma once

#include "mapdata/event_table.hpp"
#include "render/cluster_labels.hpp"
#include "render/map_view.hpp"
#include "render/palette.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace eventmap::render {

// The columns a scan reads, borrowed (each of `size` rows).
struct ScanColumns {
    std::size_t size = 0;
    const float* xs = nullptr; // projected metres
    const float* ys = nullptr;
    const mapdata::DayNumber* day_start = nullptr;
    const mapdata::DayNumber* day_end = nullptr;
    const std::uint8_t* slot = nullptr; // palette slot of the row; hidden_slot: not drawn
    const mapdata::QuadClass* quad = nullptr;
    const std::uint8_t* planned = nullptr;
    const float* radius_m = nullptr; // > 0: drawn as an area
    // How finely each date is known; null when the table has no such column (then none is
    // coarse).
    const mapdata::DatePrecision* precision = nullptr;
};

struct EventScan {
    std::uint64_t in_window = 0;                      // drawn rows overlapping the window
    std::uint64_t in_view = 0;                        // of those, inside the view's pixels
    std::array<std::uint64_t, slot_count> per_slot{}; // in view, by palette slot
    std::array<std::uint64_t, 5> per_quad{};          // in view, by QuadClass
    bool any_planned = false, any_area = false;       // in view
    bool any_coarse = false; // in view: dated to a month or year (palette.hpp, coarse_date)
    // With a cell size: one cluster per non-empty cell of that many pixels over the view and
    // one cell beyond each edge, at its events' mean pixel (cells in grid order).
    std::vector<Cluster> clusters;
};

// `cluster_cell` in pixels; 0 for no clusters.
EventScan scan_events(const ScanColumns& rows, const MapView& view, mapdata::DayRange window,
                      double cluster_cell);

} // namespace eventmap::render
