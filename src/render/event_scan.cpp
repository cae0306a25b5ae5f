#include "render/event_scan.hpp"

#include <optional>

namespace eventmap::render {

namespace {

// A cell's column (or row) for a pixel coordinate: the offset keeps the cast's argument
// positive for the cell beyond the left (top) edge.
constexpr double cell_offset = 1e6;

std::uint32_t cell_of(double pixel, double cell) {
    return static_cast<std::uint32_t>(pixel / cell + cell_offset);
}

// The cells over [-cell, extent + cell] pixels, indexed from the first one.
struct CellGrid {
    double cell = 0, max_x = 0, max_y = 0;
    std::uint32_t base = 0;
    std::size_t columns = 0, rows = 0;
    std::vector<Cluster> cells;

    CellGrid(double cell_px, double width, double height)
        : cell(cell_px), max_x(width + cell_px), max_y(height + cell_px),
          base(cell_of(-cell_px, cell_px)), columns(cell_of(max_x, cell_px) - base + 1U),
          rows(cell_of(max_y, cell_px) - base + 1U), cells(columns * rows) {}

    // Written as "inside" so that a NaN position (a point the projection cannot place) is
    // never counted.
    bool covers(double px, double py) const {
        return px >= -cell && py >= -cell && px <= max_x && py <= max_y;
    }

    void add(std::size_t row, double px, double py, std::uint8_t slot) {
        const std::size_t x = cell_of(px, cell) - base, y = cell_of(py, cell) - base;
        Cluster& c = cells[y * columns + x];
        if (c.count == 0) {
            c.first = row;
        }
        ++c.count;
        c.px += px; // sums until divided in take()
        c.py += py;
        ++c.per_slot[slot];
    }

    std::vector<Cluster> take() {
        std::vector<Cluster> out;
        for (Cluster& c : cells) {
            if (c.count > 0) {
                c.px /= c.count;
                c.py /= c.count;
                out.push_back(c);
            }
        }
        return out;
    }
};

} // namespace

EventScan scan_events(const ScanColumns& rows, const MapView& view, mapdata::DayRange window,
                      double cluster_cell) {
    // Copies, so the compiler knows no write below changes them (the view's left and top are
    // then computed once, not per event).
    const MapView v = view;
    const ScanColumns c = rows;
    const double width = v.width, height = v.height;
    EventScan s;
    std::optional<CellGrid> grid;
    if (cluster_cell > 0) {
        grid.emplace(cluster_cell, width, height);
    }
    for (std::size_t i = 0; i < c.size; ++i) {
        const std::uint8_t slot = c.slot[i];
        if (slot == hidden_slot || c.day_end[i] < window.first || c.day_start[i] > window.last) {
            continue;
        }
        ++s.in_window;
        const double px = v.pixel_x(c.xs[i]), py = v.pixel_y(c.ys[i]);
        if (px >= 0 && py >= 0 && px <= width && py <= height) {
            ++s.in_view;
            ++s.per_slot[slot];
            ++s.per_quad[static_cast<std::size_t>(c.quad[i])];
            s.any_planned |= c.planned[i] != 0;
            s.any_area |= c.radius_m[i] > 0;
            s.any_coarse |= c.precision != nullptr && coarse_date(c.precision[i]);
        }
        if (grid && grid->covers(px, py)) {
            grid->add(i, px, py, slot);
        }
    }
    if (grid) {
        s.clusters = grid->take();
    }
    return s;
}

} // namespace eventmap::render
