#include "render/marker_occlusion.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace eventmap::render {

namespace {

constexpr int cells = 8; // 1/8-pixel cells of the centre's fraction, per axis
// Far above the float error between this centre and the shader's (about 1e-4 pixels: the
// same float operations, perhaps fused), far below a pixel.
constexpr float margin = 1.0F / 64;
// Every pixel of the padding words (outside the image) counts as covered: nothing drawn there
// is ever seen.
constexpr std::uint64_t all = ~std::uint64_t{0};
// A marker's square (2 * half + 1 columns, half = ceil(outer) + 1) fits a 64-bit row below
// this outer radius; larger ones are drawn and cover nothing.
constexpr float max_radius = 30.0F;
// Shapes are kept for at most this many radii, each under this radius (a shape of radius r
// costs 64 (2r + 5)^2 distance tests once).
constexpr std::size_t max_shapes = 16;
constexpr float max_shape_radius = 12.0F;

// a * b + c for non-negative ints, as an index.
std::size_t at(int a, int b, int c = 0) {
    return static_cast<std::size_t>(a) * static_cast<std::size_t>(b) + static_cast<std::size_t>(c);
}

// The smallest and largest |c - t| for t in [lo, hi].
void abs_range(float c, float lo, float hi, float& near, float& far) {
    const float a = c - hi, b = c - lo; // a <= b
    near = a > 0 ? a : (b < 0 ? -b : 0);
    far = std::max(std::abs(a), std::abs(b));
}

} // namespace

void MarkerOcclusion::reset(int width, int height) {
    width_ = std::max(width, 0);
    height_ = std::max(height, 0);
    words_ = (width_ + 63) / 64 + 2;
    covered_.assign(static_cast<std::size_t>(words_) * static_cast<std::size_t>(height_), 0);
    for (int y = 0; y < height_; ++y) {
        std::uint64_t* row = &covered_[at(y, words_)];
        row[0] = all;
        row[words_ - 1] = all;
        // The columns past the image's right edge in its last word.
        const int used = width_ % 64;
        if (used != 0) {
            row[words_ - 2] = all << used;
        }
    }
}

MarkerOcclusion::Shape MarkerOcclusion::make_shape(float radius) {
    Shape s;
    const float outer = radius + 0.5F + margin; // a pixel shows the marker inside this
    const float inner = radius - 0.5F - margin; // and is opaque inside this
    s.half = static_cast<int>(std::ceil(outer)) + 1;
    const int rows = 2 * s.half + 1;
    s.touch.assign(at(cells * cells, rows), 0);
    s.cover.assign(s.touch.size(), 0);
    for (int cy = 0; cy < cells; ++cy) {
        for (int cx = 0; cx < cells; ++cx) {
            const int cell = cy * cells + cx;
            // The centre lies in [floor + c/8, floor + (c+1)/8] on each axis.
            const float x_lo = static_cast<float>(cx) / cells, x_hi = x_lo + 1.0F / cells;
            const float y_lo = static_cast<float>(cy) / cells, y_hi = y_lo + 1.0F / cells;
            for (int r = 0; r < rows; ++r) {
                const float py = static_cast<float>(r - s.half) + 0.5F; // pixel centre
                float ny = 0, fy = 0;
                abs_range(py, y_lo, y_hi, ny, fy);
                std::uint64_t touch = 0, cover = 0;
                for (int b = 0; b < rows; ++b) {
                    const float px = static_cast<float>(b - s.half) + 0.5F;
                    float nx = 0, fx = 0;
                    abs_range(px, x_lo, x_hi, nx, fx);
                    if (std::hypot(nx, ny) < outer) {
                        touch |= std::uint64_t{1} << b;
                    }
                    if (std::hypot(fx, fy) <= inner) {
                        cover |= std::uint64_t{1} << b;
                    }
                }
                s.touch[at(cell, rows, r)] = touch;
                s.cover[at(cell, rows, r)] = cover;
            }
        }
    }
    return s;
}

const MarkerOcclusion::Shape* MarkerOcclusion::shape(float radius) {
    // Markers mostly share a radius (one report each): skip the lookup.
    if (radius == last_radius_ && last_shape_ != nullptr) {
        return last_shape_;
    }
    std::uint32_t key = 0;
    std::memcpy(&key, &radius, sizeof key);
    auto it = shapes_.find(key);
    if (it == shapes_.end()) {
        // Shapes for a few small radii (the reports' counts repeat); clusters' radii follow
        // their counts, each all but unique: those rows are worked out on the spot.
        if (shapes_.size() >= max_shapes || !(radius < max_shape_radius)) {
            return nullptr;
        }
        it = shapes_.emplace(key, make_shape(radius)).first;
    }
    last_radius_ = radius;
    last_shape_ = &it->second;
    return last_shape_;
}

namespace {

// One row of a marker without a shape: the pixels whose centres lie within `outer` (touch) or
// `inner` (cover) of the centre, as bits from column x0; wider for touch, narrower for cover
// where a float rounding could go either way.
void row_masks(float cx, float dy, float outer, float inner, int x0, int width,
               std::uint64_t& touch, std::uint64_t& cover) {
    const auto bits = [&](int a, int b) {
        a = std::max(a - x0, 0);
        b = std::min(b - x0, width - 1);
        if (b < a) {
            return std::uint64_t{0};
        }
        const int n = b - a + 1;
        return (n >= 64 ? all : (std::uint64_t{1} << n) - 1) << a;
    };
    touch = cover = 0;
    if (dy < outer) {
        const float h = std::sqrt(outer * outer - dy * dy);
        touch = bits(static_cast<int>(std::floor(cx - h - 0.5F)),
                     static_cast<int>(std::ceil(cx + h - 0.5F)));
    }
    if (inner > 0 && dy <= inner) {
        const float h = std::sqrt(inner * inner - dy * dy);
        cover = bits(static_cast<int>(std::ceil(cx - h - 0.5F)),
                     static_cast<int>(std::floor(cx + h - 0.5F)));
    }
}

} // namespace

bool MarkerOcclusion::row_covered(int y, int x0, std::uint64_t bits) const {
    // x0 + 64 >= 0: the caller keeps the square within the padding word.
    const int pos = x0 + 64;
    const std::uint64_t* row = &covered_[at(y, words_, pos >> 6)];
    const int shift = pos & 63;
    const std::uint64_t low = bits << shift;
    const std::uint64_t high = shift == 0 ? 0 : bits >> (64 - shift);
    return (row[0] & low) == low && (row[1] & high) == high;
}

void MarkerOcclusion::cover_row(int y, int x0, std::uint64_t bits) {
    const int pos = x0 + 64;
    std::uint64_t* row = &covered_[at(y, words_, pos >> 6)];
    const int shift = pos & 63;
    row[0] |= bits << shift;
    row[1] |= shift == 0 ? 0 : bits >> (64 - shift);
}

bool MarkerOcclusion::shows(float cx, float cy, float radius, bool opaque) {
    const float outer = radius + 0.5F + margin;
    if (std::isnan(cx) || std::isnan(cy) || !(outer < max_radius)) {
        return true; // drawn, covering nothing: a NaN is the driver's, a huge disc rare
    }
    const int half = static_cast<int>(std::ceil(outer)) + 1;
    const auto reach = static_cast<float>(half);
    // Wholly outside the image (the comparisons first: a far centre overflows an int).
    if (cx + reach < 0 || cy + reach < 0 || cx - reach >= static_cast<float>(width_) ||
        cy - reach >= static_cast<float>(height_)) {
        return false;
    }
    const float fx = std::floor(cx), fy = std::floor(cy);
    const int rows = 2 * half + 1;
    const int x0 = static_cast<int>(fx) - half;
    const int y0 = static_cast<int>(fy) - half;
    const int r0 = std::max(0, -y0), r1 = std::min(rows, height_ - y0);
    // The rows' masks: from the shape of this radius, or worked out here.
    const std::uint64_t* touch = touch_rows_.data();
    const std::uint64_t* cover = cover_rows_.data();
    if (const Shape* s = shape(radius)) {
        const int cell_x = std::min(cells - 1, static_cast<int>((cx - fx) * cells));
        const int cell_y = std::min(cells - 1, static_cast<int>((cy - fy) * cells));
        const std::size_t first = at(cell_y * cells + cell_x, rows);
        touch = &s->touch[first];
        cover = &s->cover[first];
    } else {
        const float inner = radius - 0.5F - margin;
        for (int r = r0; r < r1; ++r) {
            const float dy = std::abs(static_cast<float>(y0 + r) + 0.5F - cy);
            const auto k = static_cast<std::size_t>(r);
            row_masks(cx, dy, outer, inner, x0, rows, touch_rows_[k], cover_rows_[k]);
        }
    }
    bool hidden = true;
    for (int r = r0; r < r1 && hidden; ++r) {
        hidden = row_covered(y0 + r, x0, touch[r]);
    }
    if (hidden) {
        return false;
    }
    if (opaque) {
        for (int r = r0; r < r1; ++r) {
            cover_row(y0 + r, x0, cover[r]);
        }
    }
    return true;
}

} // namespace eventmap::render
