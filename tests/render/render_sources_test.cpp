// `eventmap render` on the project's own stores: the same articles ingested into a GeoPackage
// and into PostGIS give the same map (events counted, extent), end to end through the CLI.
#include "store/store_test_support.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

using namespace eventmap;

namespace {

// Two invented reports, two places, two days.
void write_articles(const std::string& dir) {
    std::filesystem::create_directories(dir);
    test::write_file(dir + "/a.txt",
                     "Protest in Aleppo\n\nALEPPO, 5 May 2021 - Hundreds of students gathered "
                     "in Aleppo on Friday to demand lower bus fares, organisers said.\n");
    test::write_file(dir + "/b.txt",
                     "Talks in Geneva\n\nGENEVA, 9 May 2021 - Envoys of two neighbouring states "
                     "met in Geneva on Sunday to discuss a water-sharing treaty.\n");
}

// Ingests the articles into `store` and renders it; returns the render's summary line.
std::string ingest_and_render(const std::string& articles, const std::string& store,
                              const std::string& png) {
    const auto ingest = test::run_eventmap("ingest '" + articles + "' --db '" + store + "'");
    REQUIRE(ingest.exit_code == 0);
    const auto render =
        test::run_eventmap("render '" + store + "' -o '" + png + "' --size 480x300 --index -");
    INFO(render.err);
    REQUIRE(render.exit_code == 0);
    REQUIRE(std::filesystem::file_size(png) > 0);
    return render.err;
}

} // namespace

TEST_CASE("a PostGIS store renders the same map as a GeoPackage store", "[render][postgis]") {
    const auto dir = test::scratch_dir("render_pg_source");
    write_articles(dir + "/articles");
    const auto gpkg = test::make_backend("gpkg", "render_pg_source");
    REQUIRE(gpkg);
    const auto from_gpkg = ingest_and_render(dir + "/articles", gpkg->target, dir + "/gpkg.png");
    // The Friday after 5 May 2021 and Sunday 9 May: the range of the two events.
    CHECK_THAT(from_gpkg, Catch::Contains("2 of 2 events shown, 7\xE2\x80\x93"
                                          "9 May 2021"));
    const auto pg = test::make_backend("postgis", "render_pg_source");
    if (!pg) {
        return; // shown as skipped: no PostGIS server here
    }
    const auto from_pg = ingest_and_render(dir + "/articles", pg->target, dir + "/pg.png");
    // The summary line "OUT (WxH): N of N events shown, RANGE, PROJECTION, T s on GL" must
    // agree from "N of N" to the projection.
    const auto shown = [](const std::string& s) {
        const auto from = s.find("): ") + 3;
        return s.substr(from, s.rfind(", ", s.find(" s on ")) - from);
    };
    CHECK(shown(from_pg) == shown(from_gpkg));
    CHECK_THAT(from_pg, Catch::Contains("2 of 2 events shown"));
}
