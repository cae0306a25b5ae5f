// Click and box selection without scanning a million rows: a uniform grid over longitude and
// latitude (bucket sort into cells, stored as one offsets array and one rows array, CSR). A
// query visits only the cells its box touches. Built once per load; rows keep their ids. Rows
// added or moved later (the map following its store, a correction) are kept aside, scanned by
// every query, until they are many: then the grid is built again.
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
    // After rows of `table` (the one built on, grown or changed in place) moved or were added:
    // `changed` lists the moved rows and every row past the last update. Builds again when the
    // rows kept aside pass 1/32 of the table (and 4,096).
    void update(const EventTable& table, const std::vector<Row>& changed);

    // Calls `visit(row)` for each located row inside the box (inclusive edges).
    void query(const LonLatBox& box, const std::function<void(Row)>& visit) const;

    // Among rows inside `box` for which `accept(row)` holds, the one with the smallest
    // `distance(row)`; nullopt when none. Callers pass the box around the cursor that their
    // pick radius covers and measure the distance in screen pixels.
    std::optional<Row> nearest(const LonLatBox& box, const std::function<bool(Row)>& accept,
                               const std::function<double(Row)>& distance) const;

    std::size_t cells_visited_last() const { return cells_visited_; }
    std::size_t rows_aside() const { return aside_.size(); }

  private:
    int column_of(double lon) const;
    int row_of(double lat) const;
    bool inside(const LonLatBox& box, Row row) const;

    double cell_;
    int columns_, rows_;
    std::vector<std::uint32_t> offsets_; // cell c holds rows_in_cells_[offsets_[c]..offsets_[c+1])
    std::vector<Row> rows_in_cells_;
    std::size_t built_rows_ = 0;      // the table's rows when the cells were built
    std::vector<std::uint8_t> stale_; // per built row: 1 when its cell entry is out of date
    std::vector<Row> aside_;          // rows added or moved since: sorted, unique
    const EventTable* table_ = nullptr;
    mutable std::size_t cells_visited_ = 0;
};

} // namespace eventmap::view
