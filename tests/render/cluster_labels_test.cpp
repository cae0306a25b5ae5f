// Cluster count labels: neighbouring clusters whose counts would print over each other merge.
#include "render/cluster_labels.hpp"

#include <catch2/catch.hpp>

using namespace eventmap::render;

namespace {

Cluster cluster(double px, double py, std::uint32_t count, std::size_t first) {
    Cluster c;
    c.px = px;
    c.py = py;
    c.count = count;
    c.first = first;
    c.per_slot[first % 3] = count;
    return c;
}

bool any_labels_overlap(const std::vector<Cluster>& clusters, const FontAtlas& font) {
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        for (std::size_t j = i + 1; j < clusters.size(); ++j) {
            if (clusters[i].count > 1 && clusters[j].count > 1 &&
                cluster_label_box(clusters[i], font, 1)
                    .overlaps(cluster_label_box(clusters[j], font, 1))) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

TEST_CASE("cluster labels that would overlap merge into the larger cluster", "[render]") {
    const FontAtlas font(1.0F);
    // Two cells' means 8 px apart (their labels collide), and one far away.
    std::vector<Cluster> clusters = {cluster(100, 100, 120, 0), cluster(108, 103, 4500, 1),
                                     cluster(400, 300, 37, 2)};
    REQUIRE(any_labels_overlap(clusters, font));
    merge_overlapping_labels(clusters, font, 1.0F);
    REQUIRE(clusters.size() == 2);
    CHECK_FALSE(any_labels_overlap(clusters, font));
    // The larger keeps its place and takes the other's events and type counts.
    CHECK(clusters[0].count == 4620);
    CHECK(clusters[0].px == 108);
    CHECK(clusters[0].per_slot[1] == 4500);
    CHECK(clusters[0].per_slot[0] == 120);
    CHECK(clusters[1].count == 37);
}

TEST_CASE("a dense grid of clusters ends with no two labels overlapping", "[render]") {
    const FontAtlas font(1.0F);
    std::vector<Cluster> clusters;
    std::size_t n = 0;
    // Means scattered 20-30 px apart: many labels ("12,345") are wider than that.
    for (int y = 0; y < 12; ++y) {
        for (int x = 0; x < 20; ++x) {
            const auto count = static_cast<std::uint32_t>(2 + (x * 7919 + y * 104729) % 20000);
            clusters.push_back(cluster(x * 24.0 + (y % 3) * 5, y * 21.0 + (x % 4) * 3, count, n++));
        }
    }
    std::uint64_t before = 0;
    for (const auto& c : clusters) {
        before += c.count;
    }
    REQUIRE(any_labels_overlap(clusters, font));
    merge_overlapping_labels(clusters, font, 1.0F);
    CHECK_FALSE(any_labels_overlap(clusters, font));
    std::uint64_t after = 0;
    for (const auto& c : clusters) {
        after += c.count;
    }
    CHECK(after == before); // no event is lost by merging
    CHECK(clusters.size() > 20);
}

TEST_CASE("lone events have no label and are never merged", "[render]") {
    const FontAtlas font(1.0F);
    std::vector<Cluster> clusters = {cluster(50, 50, 1, 0), cluster(51, 50, 1, 1),
                                     cluster(52, 51, 300, 2)};
    merge_overlapping_labels(clusters, font, 1.0F);
    CHECK(clusters.size() == 3);
}
