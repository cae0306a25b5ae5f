#include "cli/gazetteer_index.hpp"
#include "common/error.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/fixture_sources.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index_format.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace eventmap;
using namespace eventmap::gazetteer;
using eventmap::test::fixture;
using eventmap::test::fixture_sources;

namespace {

// Options that build `sources` into `dir`/gazetteer.emg.
BuildOptions index_options_in(const std::string& dir, const SourcePaths& sources) {
    BuildOptions options;
    options.sources = sources;
    options.index_path = dir + "/gazetteer.emg";
    return options;
}

std::string user_gazetteer_header() {
    return "key\tname\talternate_names\tfeature_class\tfeature_code\tcountry\tadmin1\tlat\tlon\t"
           "radius_km\tprecision\tpopulation\tsource\tgeonameid\n";
}

// Options that build the fixture sources plus a user gazetteer, `dir`/user.tsv, holding the
// header and `rows`.
BuildOptions user_gazetteer_options(const std::string& dir, const std::string& rows) {
    BuildOptions options = index_options_in(dir, fixture_sources());
    options.sources.user = dir + "/user.tsv";
    eventmap::test::write_file(options.sources.user, user_gazetteer_header() + rows);
    return options;
}

std::string build_fixture_index(const std::string& name) {
    const BuildOptions options =
        index_options_in(eventmap::test::scratch_dir(name), fixture_sources());
    const BuildReport report = build_index(options);
    REQUIRE(report.index_written);
    return options.index_path;
}

std::vector<std::string> ranked(const Gazetteer& g, const std::string& name,
                                const LookupOptions& options = {}) {
    std::vector<std::string> out;
    for (const auto& c : g.lookup(name, options)) {
        out.push_back(std::string(c.place.name) + "/" + std::string(c.place.country) +
                      (c.place.admin1.empty() ? "" : "." + std::string(c.place.admin1)));
    }
    return out;
}

void flip_byte(const std::string& path, std::size_t offset) {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(offset));
    char c = 0;
    f.get(c);
    f.seekp(static_cast<std::streamoff>(offset));
    f.put(static_cast<char>(c ^ 0x5A));
}

} // namespace

TEST_CASE("lookup ranks a capital before same-named towns", "[gazetteer]") {
    const Gazetteer g = Gazetteer::open(build_fixture_index("rank_capital"));
    const auto damascus = ranked(g, "Damascus");
    REQUIRE(damascus.size() >= 3);
    CHECK(damascus[0] == "Damascus/SY.13");
    CHECK(damascus[1] == "Damascus/US.MD");
    CHECK(damascus[2] == "Damascus/US.OR");
    CHECK(ranked(g, "Paris")[0] == "Paris/FR.11");
}

TEST_CASE("a city outranks the same-named division it lies in", "[gazetteer]") {
    const Gazetteer g = Gazetteer::open(build_fixture_index("rank_seat"));
    const auto geneva = ranked(g, "Geneva");
    REQUIRE(geneva.size() >= 2);
    CHECK(geneva[0] == "Genève/CH.GE");
    CHECK(geneva[1] == "Geneva/CH.GE"); // the canton, next
    const auto new_york = ranked(g, "New York");
    CHECK(new_york[0] == "New York City/US.NY");
}

TEST_CASE("variants, abbreviations and demonyms find their places", "[gazetteer]") {
    const Gazetteer g = Gazetteer::open(build_fixture_index("variants"));
    CHECK(ranked(g, "Douma")[0] == "Dūmā/SY.08");
    CHECK(ranked(g, "Harasta")[0] == "Ḩarastā/SY.08");
    CHECK(ranked(g, "Genf")[0] == "Genève/CH.GE");
    CHECK(ranked(g, "Lutèce")[0] == "Paris/FR.11"); // from alternateNames

    const auto us = g.lookup("U.S.");
    REQUIRE_FALSE(us.empty());
    CHECK(us[0].place.name == "United States");
    CHECK(us[0].kind == NameKind::abbreviation);

    const auto syrian = g.lookup("Syrian");
    REQUIRE(syrian.size() == 1);
    CHECK(syrian[0].place.name == "Syria");
    CHECK(syrian[0].kind == NameKind::demonym);
    CHECK(g.lookup("Syrians")[0].kind == NameKind::demonym);
    CHECK(g.lookup("Ky.")[0].place.name == "Kentucky");
    CHECK(g.lookup("Middle Eastern")[0].place.name == "Middle East");
}

TEST_CASE("Ghouta spellings and the Arabic article meet", "[gazetteer]") {
    const Gazetteer g = Gazetteer::open(build_fixture_index("ghouta"));
    for (const char* spelling : {"eastern Ghouta", "Ghouta", "Al-Ghouta", "Ghuta", "Ghūţah"}) {
        INFO(spelling);
        const auto c = g.lookup(spelling);
        REQUIRE_FALSE(c.empty());
        CHECK(c[0].place.name == "Eastern Ghouta");
    }
    // The village "Al Ghouta" is also found under "Ghouta", after the region.
    const auto both = ranked(g, "Ghouta");
    REQUIRE(both.size() == 2);
    CHECK(both[1] == "Al Ghouta/SY.08");
}

TEST_CASE("country filter and limit", "[gazetteer]") {
    const Gazetteer g = Gazetteer::open(build_fixture_index("filter"));
    LookupOptions us;
    us.country = "US";
    CHECK(ranked(g, "Damascus", us) ==
          std::vector<std::string>{"Damascus/US.MD", "Damascus/US.OR"});
    LookupOptions one;
    one.limit = 1;
    CHECK(ranked(g, "Damascus", one).size() == 1);
    CHECK(g.lookup("Atlantis").empty());
    CHECK(g.lookup("").empty());
}

TEST_CASE("place views carry what the index stored", "[gazetteer]") {
    const Gazetteer g = Gazetteer::open(build_fixture_index("views"));
    const auto barzeh = g.lookup("Barzeh");
    REQUIRE_FALSE(barzeh.empty());
    const PlaceView& p = barzeh[0].place;
    CHECK(p.precision == Precision::district);
    CHECK(p.source == Source::supplement);
    CHECK(p.feature_code == "PPLX");
    CHECK(p.radius_km == Approx(2.0F));
    CHECK(p.id >= 13'000'000'000ULL);
    CHECK(is_valid(p.position));
    const auto syria = g.lookup("Syria")[0].place;
    CHECK(syria.radius_km > 200.0F); // a country is an area, not a point
}

TEST_CASE("the token trie walks names token by token", "[gazetteer]") {
    const Gazetteer g = Gazetteer::open(build_fixture_index("trie"));
    const auto new_id = g.token_id("new");
    const auto york_id = g.token_id("york");
    REQUIRE(new_id);
    REQUIRE(york_id);
    const auto n1 = g.child(g.root(), *new_id);
    REQUIRE(n1);
    CHECK(g.postings(*n1).empty()); // "New" alone is no place here
    const auto n2 = g.child(*n1, *york_id);
    REQUIRE(n2);
    CHECK_FALSE(g.postings(*n2).empty());
    CHECK_FALSE(g.token_id("zzzz"));
}

TEST_CASE("a corrupt index is refused with a clear message", "[gazetteer][corrupt]") {
    const std::string path = build_fixture_index("corrupt");
    SECTION("payload byte flipped: open reads no payload, verify finds the section") {
        flip_byte(path, sizeof(Header) + 100);
        const Gazetteer g = Gazetteer::open(path);
        try {
            g.verify();
            FAIL("expected DataError");
        } catch (const DataError& e) {
            CHECK(std::string(e.what()).find("checksum mismatch in section places") !=
                  std::string::npos);
            CHECK(e.file() == path);
        }
    }
    SECTION("header byte flipped: header checksum") {
        flip_byte(path, offsetof(Header, place_count));
        CHECK_THROWS_WITH(Gazetteer::open(path), Catch::Contains("header checksum"));
    }
    SECTION("truncated") {
        std::filesystem::resize_file(path, std::filesystem::file_size(path) - 8);
        CHECK_THROWS_AS(Gazetteer::open(path), DataError);
    }
    SECTION("not an index at all") {
        eventmap::test::write_file(path, std::string(300, 'x'));
        CHECK_THROWS_WITH(Gazetteer::open(path), Catch::Contains("not an eventmap gazetteer"));
    }
    SECTION("shorter than a header") {
        eventmap::test::write_file(path, "EVMGAZ");
        CHECK_THROWS_AS(Gazetteer::open(path), DataError);
    }
    SECTION("another format version") {
        flip_byte(path, 8); // first byte of format_version
        CHECK_THROWS_WITH(Gazetteer::open(path), Catch::Contains("format version"));
    }
    SECTION("missing") {
        CHECK_THROWS_AS(Gazetteer::open(path + ".nope"), DataError);
    }
}

TEST_CASE("a stale or corrupt index is rebuilt when asked, refused otherwise", "[gazetteer]") {
    const std::string dir = eventmap::test::scratch_dir("stale");
    SourcePaths sources = fixture_sources();
    // Copy one source so the test can touch it without changing the fixtures.
    const std::string supplement = dir + "/supplement.tsv";
    std::filesystem::copy_file(fixture("gazetteer/supplement.tsv"), supplement);
    sources.supplement = supplement;
    const BuildOptions options = index_options_in(dir, sources);
    REQUIRE(build_index(options).index_written);
    CHECK(index_is_current(options.index_path, sources));

    // Any change to a source makes it stale.
    eventmap::test::write_file(supplement,
                               eventmap::test::read_file(supplement) +
                                   "extra\tExtraplace\t\tL\tRGN\t\t\t1\t1\t1\tregion\t0\tt\t\n");
    CHECK_FALSE(index_is_current(options.index_path, sources));
    CHECK_THROWS_AS(eventmap::cli::open_or_build(options.index_path, sources, false), DataError);
    const Gazetteer g = eventmap::cli::open_or_build(options.index_path, sources, true);
    CHECK_FALSE(g.lookup("Extraplace").empty());
    CHECK(index_is_current(options.index_path, sources));

    // A flipped payload byte: open reads only the header, so it is the staleness check (what
    // `build --if-stale` runs) that reads everything and sends it for rebuilding.
    flip_byte(options.index_path, sizeof(Header) + 64);
    CHECK_FALSE(index_is_current(options.index_path, sources));
    CHECK(eventmap::cli::open_or_build(options.index_path, sources, true).lookup("Barzeh").size() ==
          1);
}

TEST_CASE("too many malformed rows fail the build and keep the old index", "[gazetteer]") {
    BuildOptions options =
        index_options_in(eventmap::test::scratch_dir("threshold"), fixture_sources());
    options.max_errors = 2;
    const BuildReport report = build_index(options);
    CHECK_FALSE(report.index_written);
    CHECK(report.diagnostics.count() > 2);
    CHECK_FALSE(std::filesystem::exists(options.index_path));
}

TEST_CASE("two places with one id stop the build, naming both", "[gazetteer]") {
    const std::string dir = eventmap::test::scratch_dir("duplicate_ids");
    SourcePaths sources = fixture_sources();
    // A supplement row that gives itself the GeoNames id of a place the GeoNames file has.
    const std::string supplement = dir + "/supplement.tsv";
    eventmap::test::write_file(supplement,
                               eventmap::test::read_file(fixture("gazetteer/supplement.tsv")) +
                                   "old-city\tOld City Quarter\t\tP\tPPLX\tSY\t13\t33.51\t36.31\t"
                                   "2\tdistrict\t0\tfixture\t170654\n");
    sources.supplement = supplement;
    const BuildOptions options = index_options_in(dir, sources);
    CHECK_THROWS_WITH(build_index(options), Catch::Contains("share the id 170654") &&
                                                Catch::Contains("Damascus") &&
                                                Catch::Contains("Old City Quarter"));
    CHECK_FALSE(std::filesystem::exists(options.index_path));
}

TEST_CASE("a user gazetteer row naming a GeoNames id corrects that place", "[gazetteer]") {
    // The fixture's Paris, Texas (4717560), moved and given an invented second name.
    const BuildOptions options = user_gazetteer_options(
        eventmap::test::scratch_dir("user_gazetteer_fix"),
        "paris-fix\tParis\tQuorvant Paris\tP\tPPLA2\tUS\tTX\t33.7\t-95.5\t6\tcity\t0\tmy notes\t"
        "4717560\n");
    const BuildReport report = build_index(options);
    REQUIRE(report.index_written);
    const Gazetteer g = Gazetteer::open(options.index_path);
    const auto found = g.lookup("Quorvant Paris");
    REQUIRE(found.size() == 1);
    CHECK(found[0].place.id == 4717560);
    CHECK(found[0].place.position.lat == Approx(33.7));
    CHECK(found[0].place.radius_km == Approx(6.0));
    CHECK(found[0].place.population == 24910); // 0 in the row: unchanged
    // Still one entry for that id, found under its old name too.
    std::size_t texas = 0;
    for (const auto& c : g.lookup("Paris", {std::string(), 20})) {
        texas += c.place.id == 4717560 ? 1 : 0;
    }
    CHECK(texas == 1);
}

TEST_CASE("a user gazetteer adds places in the supplement's format", "[gazetteer]") {
    const BuildOptions options = user_gazetteer_options(
        eventmap::test::scratch_dir("user_gazetteer"),
        "qorvantu\tQorvantu\tQurvantu\tP\tPPL\tSY\t08\t33.6\t36.5\t1\tcity\t900\t"
        "my notes\t\n");
    const std::string& user = options.sources.user;
    const std::string header = user_gazetteer_header();
    const BuildReport report = build_index(options);
    REQUIRE(report.index_written);
    CHECK(report.places_per_source.at("user") == 1);
    const Gazetteer g = Gazetteer::open(options.index_path);
    REQUIRE(g.lookup("Qurvantu").size() == 1);
    CHECK(g.lookup("Qorvantu")[0].place.country == "SY");
    // Editing the user file makes the index stale like any other source.
    CHECK(index_is_current(options.index_path, options.sources));
    eventmap::test::write_file(user, header);
    CHECK_FALSE(index_is_current(options.index_path, options.sources));
    // A malformed row is one more diagnostic (the fixture supplement has its own).
    eventmap::test::write_file(user, header + "broken\tonly\tthree\n");
    const BuildReport bad = build_index(options);
    CHECK(bad.diagnostics.count() == report.diagnostics.count() + 1);
}
