// Clusters of markers (`--clusters`) and their count labels. A cluster is the events of one
// grid cell at their mean position; two neighbouring cells' means can lie a few pixels apart,
// and their counts would print over each other. merge_overlapping_labels() folds such a
// cluster into the larger one, so every count drawn stands clear of the others.
#pragma once

#include "render/font_atlas.hpp"
#include "render/palette.hpp"
#include "render/ui_batch.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace eventmap::render {

struct Cluster {
    double px = 0, py = 0;   // image pixels: where its marker and count go
    std::uint32_t count = 0; // events in it
    std::size_t first = 0;   // one of its events (a lone event is drawn as itself)
    std::array<std::uint32_t, slot_count> per_slot{};
};

// The count label's text and the rectangle it covers, halo included.
std::string cluster_label(const Cluster& cluster);
PixelRect cluster_label_box(const Cluster& cluster, const FontAtlas& font, float scale);

// Orders the clusters largest first (then by their first event, so the result does not
// depend on a hash map's order) and merges every cluster of two or more events whose label
// would overlap a larger one's into that one, until no two labels overlap.
void merge_overlapping_labels(std::vector<Cluster>& clusters, const FontAtlas& font, float scale);

} // namespace eventmap::render
