#include "common/error.hpp"
#include "render/basemap_cache.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

using namespace eventmap;

TEST_CASE("the basemap is tessellated, outlined and labelled", "[render][basemap]") {
    const render::Projection p(render::ProjectionKind::equal_earth, 0);
    const auto g =
        render::build_basemap(p, render::Detail::coarse, render::default_world_atlas_dir());
    CHECK(g.land_triangles.size() / 6 > 3000);
    CHECK(g.land_triangles.size() % 6 == 0);
    CHECK(g.borders.size() / 4 > 5000);
    CHECK(g.coastlines.size() / 4 > 3000);
    bool syria = false;
    for (const auto& label : g.labels) {
        if (label.name == "Syria") {
            syria = true;
            // The anchor lies inside Syria (35.6-42.4 E, 32.3-37.3 N).
            const auto ll = p.inverse(label.x, label.y);
            REQUIRE(ll);
            CHECK(ll->first > 35.6);
            CHECK(ll->first < 42.4);
            CHECK(ll->second > 32.3);
            CHECK(ll->second < 37.3);
        }
    }
    CHECK(syria);
}

TEST_CASE("a missing world atlas is a clear error", "[render][basemap]") {
    const render::Projection p(render::ProjectionKind::web_mercator, 0);
    try {
        render::build_basemap(p, render::Detail::coarse, "/nonexistent");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.file() == "/nonexistent/land-110m.json");
        CHECK_THAT(e.what(), Catch::Contains("world-atlas"));
    }
}

TEST_CASE("a built basemap is cached on disk and read back identical", "[render][basemap]") {
    const auto dir = test::scratch_dir("basemap_cache");
    ::setenv("EVENTMAP_CACHE_DIR", dir.c_str(), 1);
    const render::Projection p(render::ProjectionKind::equirectangular, 20);
    const auto built =
        render::cached_basemap(p, render::Detail::coarse, render::default_world_atlas_dir());
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) {
        ++files;
    }
    CHECK(files == 1);
    const auto again =
        render::cached_basemap(p, render::Detail::coarse, render::default_world_atlas_dir());
    ::unsetenv("EVENTMAP_CACHE_DIR");
    CHECK(again.land_triangles == built.land_triangles);
    CHECK(again.borders == built.borders);
    REQUIRE(again.labels.size() == built.labels.size());
    CHECK(again.labels.front().name == built.labels.front().name);
}
