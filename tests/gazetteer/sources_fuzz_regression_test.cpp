// Findings of the fuzz targets on the gazetteer source readers (tests/fuzz/), kept as tests:
// each input once made a reader fail other than with the documented InputError.
#include "common/error.hpp"
#include "gazetteer/sources.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>

using namespace eventmap;
using namespace eventmap::gazetteer;

TEST_CASE("a JSON number too large for a double is malformed input", "[sources][fuzz]") {
    // admin_codes_fuzz: "9E900" as admin1.json escaped as nlohmann's out_of_range (a plain
    // std::exception: `gazetteer build` ended with an unlocated message and the wrong code).
    const std::string dir = test::scratch_dir("sources_fuzz_number");
    IndexBuilder builder;
    SourceIndex index;
    Diagnostics diag;
    test::write_file(dir + "/admin1.json", "9E900");
    CHECK_THROWS_AS(read_admin1(dir + "/admin1.json", "", builder, index, diag), InputError);
    test::write_file(dir + "/countries.json", R"([{"cca2":"XX","latlng":[1e999,2]}])");
    try {
        read_world_countries(dir + "/countries.json", builder, index, diag);
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("malformed JSON") != std::string::npos);
        CHECK(e.file() == dir + "/countries.json");
    }
}
