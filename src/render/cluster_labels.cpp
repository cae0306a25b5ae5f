#include "render/cluster_labels.hpp"

#include "render/overlays.hpp"

#include <algorithm>

namespace eventmap::render {

namespace {

void sort_largest_first(std::vector<Cluster>& clusters) {
    std::sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) {
        return a.count != b.count ? a.count > b.count : a.first < b.first;
    });
}

// One greedy pass: each labelled cluster either keeps its place or joins the first larger one
// whose label it would touch. True when something merged (the grown labels are checked again).
bool merge_pass(std::vector<Cluster>& clusters, const FontAtlas& font, float scale) {
    std::vector<std::size_t> kept;
    std::vector<PixelRect> boxes;
    bool merged = false;
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        if (clusters[i].count < 2) {
            continue; // a lone event has no label
        }
        const PixelRect box = cluster_label_box(clusters[i], font, scale);
        const auto hit = std::find_if(boxes.begin(), boxes.end(),
                                      [&](const PixelRect& b) { return b.overlaps(box); });
        if (hit == boxes.end()) {
            kept.push_back(i);
            boxes.push_back(box);
            continue;
        }
        Cluster& into = clusters[kept[static_cast<std::size_t>(hit - boxes.begin())]];
        into.count += clusters[i].count;
        for (std::size_t s = 0; s < slot_count; ++s) {
            into.per_slot[s] += clusters[i].per_slot[s];
        }
        clusters[i].count = 0;
        merged = true;
    }
    clusters.erase(std::remove_if(clusters.begin(), clusters.end(),
                                  [](const Cluster& c) { return c.count == 0; }),
                   clusters.end());
    return merged;
}

} // namespace

std::string cluster_label(const Cluster& cluster) {
    return format_count(cluster.count);
}

PixelRect cluster_label_box(const Cluster& cluster, const FontAtlas& font, float scale) {
    const float w = font.measure(Face::body_bold, cluster_label(cluster));
    const float h = font.pixel_size(Face::body_bold);
    const float halo = 1.5F * scale;
    const auto x = static_cast<float>(cluster.px), y = static_cast<float>(cluster.py);
    // The text's baseline sits 0.4 em below the centre (draw_clusters): caps reach ~0.35 em
    // above the centre, and nothing of a number goes below its baseline.
    return {x - w / 2 - halo, y - h * 0.4F - halo, x + w / 2 + halo, y + h * 0.45F + halo};
}

void merge_overlapping_labels(std::vector<Cluster>& clusters, const FontAtlas& font, float scale) {
    sort_largest_first(clusters);
    while (merge_pass(clusters, font, scale)) {
        sort_largest_first(clusters);
    }
}

} // namespace eventmap::render
