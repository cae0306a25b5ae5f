// Acceptance checks on the real default gazetteer (the pinned sources scripts/setup fetches):
// the places the project's users name first must come out right.
#include "cli/gazetteer_index.hpp"
#include "gazetteer/build.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;
using namespace eventmap::gazetteer;

namespace {

const Gazetteer& default_gazetteer() {
    static const Gazetteer g =
        eventmap::cli::open_or_build(default_index_path(), default_sources(), true);
    return g;
}

PlaceView first(const std::string& name) {
    const auto c = default_gazetteer().lookup(name);
    REQUIRE_FALSE(c.empty());
    return c[0].place;
}

bool near(PlaceView p, double lat, double lon, double km) {
    return distance_km(p.position, LatLon{lat, lon}) <= km;
}

} // namespace

TEST_CASE("default gazetteer: Damascus is Syria's first, then Maryland and Oregon",
          "[gazetteer][default]") {
    const auto c = default_gazetteer().lookup("Damascus", {"", 3});
    REQUIRE(c.size() == 3);
    CHECK(c[0].place.country == "SY");
    CHECK(near(c[0].place, 33.51, 36.29, 5));
    CHECK(c[1].place.admin1 == "MD");
    CHECK(c[2].place.admin1 == "OR");
}

TEST_CASE("default gazetteer: the seed article's places", "[gazetteer][default]") {
    CHECK(first("Geneva").country == "CH");
    CHECK(near(first("Geneva"), 46.20, 6.15, 10));
    CHECK(near(first("Barzeh"), 33.55, 36.32, 5));
    CHECK(near(first("eastern Ghouta"), 33.55, 36.45, 25));
    CHECK(near(first("Douma"), 33.57, 36.40, 5));
    CHECK(first("Douma").name == "Dūmā");
    CHECK(first("Texas").feature_code == "ADM1");
    CHECK(near(first("Texas"), 31.5, -99.5, 300));
    CHECK(first("Ky.").iso3166_2 == "US-KY");
    CHECK(first("U.S.").country == "US");
    CHECK(first("U.S.").precision == Precision::country);
    const auto syrian = default_gazetteer().lookup("Syrian");
    REQUIRE_FALSE(syrian.empty());
    CHECK(syrian[0].kind == NameKind::demonym);
    CHECK(syrian[0].place.country == "SY");
}
