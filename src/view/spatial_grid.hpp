// Click and box selection without scanning a million rows: a uniform grid over longitude and
// latitude (bucket sort into cells, stored as one offsets array and one rows array, CSR). A
// query visits only the cells its box touches. Built once per load; rows keep their ids.
#pragma once

#include "view/event_table.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace eventmap::view {

struct LonLatBox {
    double west = -180, south = -90, east = 180, north = 90;
};

class SpatialGrid {
  public:
    // `cell_degrees`: the cell size (0.25 gives 1440 x 720 cells).
    explicit SpatialGrid(double cell_degrees = 0.25);
    void build(const EventTable& table);

    // Calls `visit(row)` for each located row inside the box (inclusive edges).
    void query(const LonLatBox& box, const std::function<void(Row)>& visit) const;

    // Among rows inside `box` for which `accept(row)` holds, the one with the smallest
    // `distance(row)`; nullopt when none. Callers pass the box around the cursor that their
    // pick radius covers and measure the distance in screen pixels.
    std::optional<Row> nearest(const LonLatBox& box, const std::function<bool(Row)>& accept,
                               const std::function<double(Row)>& distance) const;

    std::size_t cells_visited_last() const { return cells_visited_; }

  private:
    int column_of(double lon) const;
    int row_of(double lat) const;

    double cell_;
    int columns_, rows_;
    std::vector<std::uint32_t> offsets_; // cell c holds rows_in_cells_[offsets_[c]..offsets_[c+1])
    std::vector<Row> rows_in_cells_;
    const EventTable* table_ = nullptr;
    mutable std::size_t cells_visited_ = 0;
};

} // namespace eventmap::view
