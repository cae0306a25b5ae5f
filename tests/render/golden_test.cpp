// Golden images (after MapLibre's render tests): small scenes rendered headless and compared
// with tests/render/golden/<case>.png under a tolerance that absorbs llvmpipe's and Mesa's
// version differences in anti-aliased edges, never a missing layer. On a mismatch it saves
// actual.png and diff.png (differing pixels in magenta) to build/tests/tmp/golden_<case>.
//
// Regenerate after an intended change of the look, then look at every image before committing:
//   EVENTMAP_UPDATE_GOLDEN=1 build/eventmap_render_tests "[golden]"
#include "render/png_probe.hpp"
#include "render/render_job.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <stb_image_write.h>

using namespace eventmap;
using eventmap::test::fixture;
using eventmap::test::Png;
using eventmap::test::read_png;
using eventmap::test::scratch_dir;

namespace {

// A pixel differs when a channel is off by more than this (anti-aliasing and blending
// rounding move edges by a few levels; a missing marker or panel moves them by 100+).
constexpr int channel_tolerance = 40;
// The image matches when at most this share of its pixels differ.
constexpr double allowed_share = 0.005;

struct Comparison {
    int differing = 0;
    double share = 0;
    std::vector<std::uint8_t> diff; // RGB: the actual image greyed, differing pixels magenta
};

Comparison compare(const Png& expected, const Png& actual) {
    Comparison c;
    const auto n = static_cast<std::size_t>(actual.width) * actual.height;
    c.diff.resize(n * 3);
    for (int y = 0; y < actual.height; ++y) {
        for (int x = 0; x < actual.width; ++x) {
            const auto a = actual.at(x, y), e = expected.at(x, y);
            int worst = 0;
            for (int k = 0; k < 3; ++k) {
                worst = std::max(worst, std::abs(a[static_cast<std::size_t>(k)] -
                                                 e[static_cast<std::size_t>(k)]));
            }
            auto* out = &c.diff[(static_cast<std::size_t>(y) * actual.width + x) * 3];
            if (worst > channel_tolerance) {
                ++c.differing;
                out[0] = 255, out[1] = 0, out[2] = 255;
            } else {
                const auto grey = static_cast<std::uint8_t>(128 + (a[0] + a[1] + a[2]) / 6);
                out[0] = out[1] = out[2] = grey;
            }
        }
    }
    c.share = static_cast<double>(c.differing) / static_cast<double>(n);
    return c;
}

std::string golden_path(const std::string& name) {
    return std::string(EVENTMAP_TEST_GOLDEN) + "/" + name + ".png";
}

// Renders `job` and compares it with its golden image (or, when updating, replaces it).
void check_golden(const std::string& name, render::RenderJob job) {
    const auto dir = scratch_dir("golden_" + name);
    job.output = dir + "/actual.png";
    job.settings.gazetteer_index = "-"; // the index is built data: not part of the scene
    render::run_render_job(job);
    const char* update = std::getenv("EVENTMAP_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::filesystem::copy_file(job.output, golden_path(name),
                                   std::filesystem::copy_options::overwrite_existing);
        WARN("golden image " << golden_path(name) << " updated: look at it before committing");
        return;
    }
    REQUIRE(std::filesystem::exists(golden_path(name)));
    const auto expected = read_png(golden_path(name));
    const auto actual = read_png(job.output);
    REQUIRE(actual.width == expected.width);
    REQUIRE(actual.height == expected.height);
    const auto c = compare(expected, actual);
    if (c.share > allowed_share) {
        stbi_write_png((dir + "/diff.png").c_str(), actual.width, actual.height, 3, c.diff.data(),
                       actual.width * 3);
    }
    INFO(name << ": " << c.differing << " pixels differ (" << c.share * 100 << "%); see " << dir
              << "/actual.png and diff.png");
    CHECK(c.share <= allowed_share);
}

render::RenderJob levant() {
    render::RenderJob job;
    job.source = fixture("mapdata/events.geojson");
    job.width = 400;
    job.height = 280;
    job.view.kind = render::ViewSpec::Kind::bbox;
    job.view.bbox = {30, 28, 42, 38};
    job.options.title = "Golden: the Levant";
    return job;
}

} // namespace

TEST_CASE("golden: markers, legend and overlays over the Levant", "[render][golden]") {
    check_golden("levant_markers", levant());
}

TEST_CASE("golden: a Pacific set across 180 with the graticule", "[render][golden]") {
    render::RenderJob job;
    job.source = fixture("mapdata/pacific.geojson");
    job.width = 400;
    job.height = 280;
    job.view.kind = render::ViewSpec::Kind::bbox;
    job.view.bbox = {170, -28, -165, -8};
    job.options.graticule = true;
    job.options.title = "Golden: across 180";
    check_golden("pacific_graticule", job);
}

TEST_CASE("golden: a world map in Equal Earth with the heatmap", "[render][golden]") {
    render::RenderJob job;
    job.source = fixture("mapdata/events.geojson");
    job.width = 400;
    job.height = 220;
    job.projection = "equal-earth";
    job.view.kind = render::ViewSpec::Kind::bbox;
    job.view.bbox = {-180, -60, 180, 85};
    job.options.heatmap = true;
    job.options.graticule = true;
    job.options.legend = false;
    check_golden("world_equal_earth", job);
}

TEST_CASE("the golden comparison catches a missing layer", "[render][golden]") {
    // The Levant scene with its events outside the window and no legend must not pass as the
    // golden image: the tolerance absorbs edges, not content.
    const auto dir = scratch_dir("golden_negative");
    auto job = levant();
    job.from = "2000-01-01";
    job.to = "2000-01-02";
    job.options.legend = false;
    job.output = dir + "/changed.png";
    job.settings.gazetteer_index = "-";
    render::run_render_job(job);
    REQUIRE(std::filesystem::exists(golden_path("levant_markers")));
    const auto c = compare(read_png(golden_path("levant_markers")), read_png(job.output));
    CHECK(c.share > allowed_share);
}
