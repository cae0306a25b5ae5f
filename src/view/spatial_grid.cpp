#include "view/spatial_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace eventmap::view {

SpatialGrid::SpatialGrid(double cell_degrees)
    : cell_(cell_degrees), columns_(static_cast<int>(std::ceil(360.0 / cell_degrees))),
      rows_(static_cast<int>(std::ceil(180.0 / cell_degrees))) {}

int SpatialGrid::column_of(double lon) const {
    return std::clamp(static_cast<int>(std::floor((lon + 180.0) / cell_)), 0, columns_ - 1);
}

int SpatialGrid::row_of(double lat) const {
    return std::clamp(static_cast<int>(std::floor((lat + 90.0) / cell_)), 0, rows_ - 1);
}

void SpatialGrid::build(const EventTable& table) {
    table_ = &table;
    built_rows_ = table.size();
    stale_.clear();
    aside_.clear();
    const std::size_t cells = static_cast<std::size_t>(columns_) * rows_;
    std::vector<std::uint32_t> cell_of(table.size(), std::numeric_limits<std::uint32_t>::max());
    offsets_.assign(cells + 1, 0);
    for (std::size_t r = 0; r < table.size(); ++r) {
        if (!table.located(static_cast<Row>(r))) {
            continue;
        }
        const auto c =
            static_cast<std::uint32_t>(row_of(table.lat[r]) * columns_ + column_of(table.lon[r]));
        cell_of[r] = c;
        ++offsets_[c + 1];
    }
    for (std::size_t c = 0; c < cells; ++c) {
        offsets_[c + 1] += offsets_[c];
    }
    rows_in_cells_.assign(offsets_[cells], 0);
    std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
    for (std::size_t r = 0; r < table.size(); ++r) {
        if (cell_of[r] != std::numeric_limits<std::uint32_t>::max()) {
            rows_in_cells_[fill[cell_of[r]]++] = static_cast<Row>(r);
        }
    }
}

void SpatialGrid::update(const EventTable& table, const std::vector<Row>& changed) {
    table_ = &table;
    for (const Row r : changed) {
        if (r < built_rows_) {
            if (stale_.empty()) {
                stale_.assign(built_rows_, 0);
            }
            stale_[r] = 1;
        }
    }
    aside_.insert(aside_.end(), changed.begin(), changed.end());
    std::sort(aside_.begin(), aside_.end());
    aside_.erase(std::unique(aside_.begin(), aside_.end()), aside_.end());
    if (aside_.size() > std::max<std::size_t>(4096, table.size() / 32)) {
        build(table);
    }
}

void SpatialGrid::query(const LonLatBox& box, const std::function<void(Row)>& visit) const {
    cells_visited_ = 0;
    if (table_ == nullptr || box.west > box.east || box.south > box.north) {
        return;
    }
    const int c0 = column_of(box.west), c1 = column_of(box.east);
    const int r0 = row_of(box.south), r1 = row_of(box.north);
    for (int gr = r0; gr <= r1; ++gr) {
        for (int gc = c0; gc <= c1; ++gc) {
            ++cells_visited_;
            const auto cell = static_cast<std::size_t>(gr) * columns_ + gc;
            for (auto k = offsets_[cell]; k < offsets_[cell + 1]; ++k) {
                const Row row = rows_in_cells_[k];
                if (!stale_.empty() && stale_[row] != 0) {
                    continue; // moved: visited among the rows aside
                }
                if (inside(box, row)) {
                    visit(row);
                }
            }
        }
    }
    for (const Row row : aside_) {
        if (row < table_->size() && table_->located(row) && inside(box, row)) {
            visit(row);
        }
    }
}

bool SpatialGrid::inside(const LonLatBox& box, Row row) const {
    const double lat = table_->lat[row], lon = table_->lon[row];
    return lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;
}

std::optional<Row> SpatialGrid::nearest(const LonLatBox& box,
                                        const std::function<bool(Row)>& accept,
                                        const std::function<double(Row)>& distance) const {
    std::optional<Row> best;
    double best_distance = std::numeric_limits<double>::infinity();
    query(box, [&](Row row) {
        if (!accept(row)) {
            return;
        }
        const double d = distance(row);
        if (d < best_distance) {
            best_distance = d;
            best = row;
        }
    });
    return best;
}

} // namespace eventmap::view
